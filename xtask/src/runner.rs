//! The tests built once and run directly. One `cargo test --no-run` builds
//! every test binary (unit, API, browser) in one command, so they share one
//! build of the server and its dependencies; each step then runs the
//! binaries it needs with its own environment. Separate `cargo test`
//! commands per step built the dependency tree twice (cargo's unit hashes
//! differ between `--lib --bins` and `--test api`), about six minutes on a
//! fresh machine.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::bench::server::json_str;
use crate::{Counts, cargo, parse_result_line, say};

/// Every test target the steps run.
const ALL_TARGETS: &[&str] =
    &["--lib", "--bins", "--test", "cli", "--test", "layout", "--test", "api", "--test", "browser"];

/// One built test binary.
#[derive(Debug, Clone)]
pub struct TestBin {
    /// The target's name (`api`, `browser`, `malanhua` ...).
    pub name: String,
    /// Whether it is an integration test target (else a library's or binary's own tests).
    pub integration: bool,
    /// The executable.
    pub exe: PathBuf,
    /// Its package's folder (cargo runs tests there).
    pub dir: PathBuf,
}

/// Reads one line of cargo's JSON messages: a test executable, if it is one.
fn artifact(line: &str) -> Option<TestBin> {
    // Test harnesses only: the binaries built beside them (the server that
    // the `cli` test runs, say) are not tests.
    let profile = line.split_once("\"profile\":{").and_then(|(_, rest)| rest.split_once('}')).map(|(p, _)| p);
    if !line.contains("\"reason\":\"compiler-artifact\"") || !profile.is_some_and(|p| p.contains("\"test\":true")) {
        return None;
    }
    let exe = json_str(line, "executable")?;
    let manifest = json_str(line, "manifest_path")?;
    let name = json_str(line, "name")?;
    let integration = line.contains("\"kind\":[\"test\"]");
    Some(TestBin { name, integration, exe: PathBuf::from(exe), dir: Path::new(&manifest).parent()?.to_path_buf() })
}

/// Builds every test binary; returns them (a build failure is an error).
pub fn build(root: &Path) -> Result<Vec<TestBin>, String> {
    let mut args = crate::test_args(ALL_TARGETS);
    args.extend(["--no-run", "--message-format=json-render-diagnostics"]);
    say(&format!("building the tests: cargo {}", args.join(" ")));
    let out = cargo()
        .current_dir(root)
        .args(&args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err("the tests did not build (see above)".into());
    }
    let bins: Vec<TestBin> = String::from_utf8_lossy(&out.stdout).lines().filter_map(artifact).collect();
    if bins.is_empty() {
        return Err("cargo built no test binaries".into());
    }
    Ok(bins)
}

/// Runs `bins` with `filter` as their test-name arguments and `env`,
/// echoing their output and counting the results.
pub fn run(label: &str, bins: &[&TestBin], filter: &[&str], env: &[(&str, String)]) -> Counts {
    let mut counts = Counts::default();
    for bin in bins {
        say(&format!("{label}: {} {}", bin.exe.display(), filter.join(" ")));
        let mut cmd = Command::new(&bin.exe);
        cmd.args(filter).current_dir(&bin.dir).stdout(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                say(&format!("{label}: cannot run {}: {e}", bin.exe.display()));
                counts.failed += 1;
                continue;
            }
        };
        let mut mine = Counts::default();
        if let Some(out) = child.stdout.take() {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                println!("{line}");
                if let Some(c) = parse_result_line(&line) {
                    mine.add(c);
                }
            }
        }
        let ok = child.wait().is_ok_and(|s| s.success());
        if !ok && mine.failed == 0 {
            // A crash: count the binary as one failure.
            mine.failed = 1;
            say(&format!("{label}: {} did not finish cleanly", bin.name));
        }
        counts.add(mine);
    }
    say(&format!("{label}: {} passed, {} failed", counts.passed, counts.failed));
    counts
}

/// The binaries of the integration test target `name`.
pub fn named<'a>(bins: &'a [TestBin], name: &str) -> Vec<&'a TestBin> {
    bins.iter().filter(|b| b.integration && b.name == name).collect()
}

/// Every binary but the API suite and the browser journeys.
pub fn unit(bins: &[TestBin]) -> Vec<&TestBin> {
    bins.iter().filter(|b| !(b.integration && (b.name == "api" || b.name == "browser"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_artifact_lines_name_the_test_executables() {
        let line = r#"{"reason":"compiler-artifact","package_id":"path+file:///w/tests#malanhua-tests@0.1.0","manifest_path":"/w/tests/Cargo.toml","target":{"kind":["test"],"crate_types":["bin"],"name":"api","src_path":"/w/tests/api/main.rs"},"profile":{"test":true},"executable":"/w/target/debug/deps/api-0123","fresh":true}"#;
        let bin = artifact(line).unwrap_or_else(|| panic!("not read"));
        assert_eq!((bin.name.as_str(), bin.integration), ("api", true));
        assert_eq!((bin.exe, bin.dir), (PathBuf::from("/w/target/debug/deps/api-0123"), PathBuf::from("/w/tests")));
        let lib =
            line.replace(r#""kind":["test"]"#, r#""kind":["lib"]"#).replace(r#""name":"api""#, r#""name":"malanhua""#);
        assert_eq!(artifact(&lib).map(|b| b.integration), Some(false));
        assert!(
            artifact(&line.replace(r#""executable":"/w/target/debug/deps/api-0123""#, r#""executable":null"#))
                .is_none()
        );
        assert!(artifact(r#"{"reason":"build-finished","success":true}"#).is_none());
        // The target says whether it is tested by default; only the profile says what was built.
        let server = line
            .replace(r#""profile":{"test":true}"#, r#""profile":{"test":false}"#)
            .replace(r#""name":"api","#, r#""name":"api","test":true,"#);
        assert!(artifact(&server).is_none(), "a binary built for a test to run is not a test");
    }
}
