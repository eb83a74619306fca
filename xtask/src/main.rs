//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `run`: install what is missing, build the SPA and the server, migrate,
//!   load the demo data once, serve on http://127.0.0.1:8080.
//! - `test`: every test (unit, API on SQLite and PostgreSQL, the OpenAPI
//!   fuzz run, browser journeys in headless Chromium), ending with one
//!   summary line.
//! - `fuzz`: only the OpenAPI fuzz run (schemathesis), see [`fuzz`].
//! - `bench [--quick]`: the product at province scale on SQLite and
//!   PostgreSQL, first paint on slow 4G and the web app's size, see [`bench`].
//!
//! Everything here uses the standard library (and brotli, to precompress the
//! web app), so it builds in seconds.

mod bench;
mod fuzz;
mod runner;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use tools::Tools;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&root),
        Some("test") => test(&root, &args[1..]),
        Some("fuzz") => fuzz::run(&root, &args[1..])
            .and_then(|clean| if clean { Ok(()) } else { Err("the fuzz run found failures (see above)".into()) }),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("build-spa") => Tools::ensure_for_spa(&root).and_then(|t| build_spa(&root, &t)),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  run        build everything, migrate, load demo data, serve on http://127.0.0.1:8080\n  \
                 test       run every test: unit, API on SQLite and PostgreSQL, OpenAPI fuzz, browser journeys\n  \
                 fuzz       fuzz the API from its OpenAPI document (schemathesis); extra arguments go to schemathesis\n  \
                 bench      load at province scale, first paint, bundle size (--quick: a tenth; report in target/bench/report.md)\n  \
                 build-spa  build the web app into frontend/dist"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints what xtask is doing.
pub fn say(msg: &str) {
    eprintln!("\x1b[1mxtask:\x1b[0m {msg}");
}

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// `cargo` as invoked (the same toolchain that runs xtask).
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Runs a command to completion; an error names it.
pub fn status(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let st = cmd.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if st.success() { Ok(()) } else { Err(format!("{shown} failed ({st})")) }
}

fn run(root: &Path) -> Result<(), String> {
    let tools = Tools::ensure_for_spa(root)?;
    build_spa(root, &tools)?;
    say("building the server (release)");
    status(cargo().current_dir(root).args(["build", "--release", "-p", "malanhua"]))?;
    let bin = root.join("target/release/malanhua");
    let db = std::env::var("DATABASE_URL").unwrap_or_else(|_| "data/malanhua.db".into());
    say(&format!("database: {db} (set DATABASE_URL=postgres://... for PostgreSQL)"));
    say("migrating and loading the demo data (once)");
    status(Command::new(&bin).current_dir(root).arg("seed-demo"))?;
    let addr = std::env::var("MALANHUA_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    say(&format!("serving on http://{addr}  (Ctrl-C stops)"));
    status(Command::new(&bin).current_dir(root).arg("serve").env("MALANHUA_ADDR", &addr))
}

/// Builds the SPA in release into `frontend/dist` with hashed asset names.
pub(crate) fn build_spa(root: &Path, tools: &Tools) -> Result<(), String> {
    say("building the web app (wasm32, release)");
    status(cargo().current_dir(root).args([
        "build",
        "-p",
        "malanhua-frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "release-wasm",
    ]))?;
    let wasm = root.join("target/wasm32-unknown-unknown/release-wasm/malanhua-frontend.wasm");
    let wasm = if wasm.exists() {
        wasm
    } else {
        root.join("target/wasm32-unknown-unknown/release-wasm/malanhua_frontend.wasm")
    };
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let name = format!("app-{:016x}", fnv1a(&bytes));
    let dist = root.join("frontend/dist");
    let staging = root.join("target/spa-staging");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    status(
        Command::new(&tools.wasm_bindgen)
            .args(["--target", "web", "--no-typescript", "--out-name", &name, "--out-dir"])
            .arg(&staging)
            .arg(&wasm),
    )?;
    let out_wasm = staging.join(format!("{name}_bg.wasm"));
    match &tools.wasm_opt {
        Some(opt) => {
            say("optimising the wasm with wasm-opt -Oz");
            status(
                Command::new(opt)
                    .args([
                        "-Oz",
                        "--enable-bulk-memory",
                        "--enable-nontrapping-float-to-int",
                        "--enable-sign-ext",
                        "--enable-mutable-globals",
                        "--enable-reference-types",
                        "--enable-multivalue",
                        "-o",
                    ])
                    .arg(&out_wasm)
                    .arg(&out_wasm),
            )?;
        }
        None => say("wasm-opt is not available: the wasm is served unoptimised (install Node.js/npm to get it)"),
    }
    for entry in std::fs::read_dir(root.join("frontend/static")).map_err(|e| format!("frontend/static: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(file) = path.file_name() else { continue };
        std::fs::copy(&path, staging.join(file)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::write(staging.join("style.css"), stylesheet(root)?).map_err(|e| format!("style.css: {e}"))?;
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("frontend/static/index.html: {e}"))?;
    if !html.contains("/app.js") {
        return Err("frontend/static/index.html must load '/app.js' (xtask rewrites it to the hashed name)".into());
    }
    let html = html.replace("/app.js", &format!("/{name}.js")).replace("/app_bg.wasm", &format!("/{name}_bg.wasm"));
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    precompress(&staging)?;
    if same_files(&staging, &dist) {
        // Unchanged: the old files stay, with their times, so the server
        // that embeds them is not rebuilt.
        let _ = std::fs::remove_dir_all(&staging);
    } else {
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::rename(&staging, &dist).map_err(|e| format!("cannot move the build to {}: {e}", dist.display()))?;
    }
    let size = std::fs::metadata(dist.join(format!("{name}_bg.wasm"))).map(|m| m.len()).unwrap_or(0);
    let gz = gzip_size(&dist.join(format!("{name}_bg.wasm")));
    let br = std::fs::metadata(dist.join(format!("{name}_bg.wasm.br"))).map(|m| m.len()).unwrap_or(0);
    say(&format!(
        "web app built in frontend/dist: wasm {} KiB, {} KiB gzipped, {} KiB brotli",
        size / 1024,
        gz.map_or("?".to_owned(), |g| (g / 1024).to_string()),
        br / 1024
    ));
    Ok(())
}

/// The stylesheets of `frontend/styles/` that come first, in this order;
/// the feature files follow alphabetically.
const FIRST_STYLES: [&str; 4] = ["tokens.css", "base.css", "layout.css", "components.css"];

/// `/style.css`: the files of `frontend/styles/` concatenated in a fixed
/// order (tokens, base, layout, components, then the features
/// alphabetically), so later rules win as they did in one file.
fn stylesheet(root: &Path) -> Result<String, String> {
    let dir = root.join("frontend/styles");
    let mut features = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("frontend/styles: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()).map(str::to_owned) else { continue };
        if file.ends_with(".css") && !FIRST_STYLES.contains(&file.as_str()) {
            features.push(file);
        }
    }
    features.sort();
    let mut css = String::new();
    for file in FIRST_STYLES.iter().map(|f| (*f).to_owned()).chain(features) {
        let path = dir.join(&file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        css.push_str(&text);
        if !css.ends_with('\n') {
            css.push('\n');
        }
        css.push('\n');
    }
    Ok(css)
}

/// Writes `<file>.br` beside each wasm, script and stylesheet (brotli at
/// its best quality, once per build), which the server sends to browsers
/// that accept brotli.
fn precompress(dir: &Path) -> Result<(), String> {
    say("compressing the web app with brotli (quality 11)");
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut out = Vec::with_capacity(bytes.len() / 3);
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 24, ..Default::default() };
        brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut target = path.clone().into_os_string();
        target.push(".br");
        std::fs::write(&target, out).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Whether two folders hold the same files with the same bytes.
fn same_files(a: &Path, b: &Path) -> bool {
    let list = |d: &Path| -> Option<Vec<(std::ffi::OsString, Vec<u8>)>> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(d).ok()? {
            let path = entry.ok()?.path();
            files.push((path.file_name()?.to_owned(), std::fs::read(&path).ok()?));
        }
        files.sort();
        Some(files)
    };
    matches!((list(a), list(b)), (Some(x), Some(y)) if x == y)
}

pub(crate) fn gzip_size(path: &Path) -> Option<u64> {
    let out = Command::new("gzip").args(["-9", "-c"]).arg(path).stderr(Stdio::null()).output().ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Counts from `test result:` lines.
#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.ignored += o.ignored;
    }
}

fn parse_result_line(line: &str) -> Option<Counts> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let mut c = Counts::default();
    for part in rest.split(';') {
        let mut words = part.split_whitespace().rev();
        let (Some(what), Some(n)) = (words.next(), words.next()) else { continue };
        let n: u64 = n.parse().unwrap_or(0);
        match what {
            "passed" => c.passed = n,
            "failed" => c.failed = n,
            "ignored" => c.ignored = n,
            _ => {}
        }
    }
    Some(c)
}

/// The checks before the tests: formatting and lints, warnings as errors.
const CHECKS: &[(&str, &[&str])] = &[
    ("cargo fmt --check", &["fmt", "--all", "--check"]),
    ("clippy (server, tests, xtask)", &["clippy", "--all-targets", "--", "-D", "warnings"]),
    (
        "clippy (web app, wasm32)",
        &["clippy", "-p", "malanhua-frontend", "--target", "wasm32-unknown-unknown", "--", "-D", "warnings"],
    ),
];

/// Every package, named in every `cargo test` command: cargo unifies
/// features over the packages a command names, so commands naming different
/// sets would build the server and its dependencies once per set. Every
/// test binary is built by one command ([`runner::build`]); the fuzz run's
/// server build names them alike.
pub const TEST_PACKAGES: &[&str] =
    &["-p", "malanhua-shared", "-p", "malanhua", "-p", "malanhua-frontend", "-p", "malanhua-tests", "-p", "xtask"];

/// `cargo test` over [`TEST_PACKAGES`], limited to `targets`.
pub fn test_args(targets: &[&'static str]) -> Vec<&'static str> {
    let mut v = vec!["test"];
    v.extend_from_slice(TEST_PACKAGES);
    v.extend_from_slice(targets);
    v
}

/// Runs one check; true when it passes.
fn check_step(root: &Path, label: &str, args: &[&str]) -> bool {
    say(&format!("{label}: cargo {}", args.join(" ")));
    let ok = cargo().current_dir(root).args(args).status().is_ok_and(|s| s.success());
    if !ok {
        say(&format!("{label}: failed (see above)"));
    }
    ok
}

fn test(root: &Path, extra: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    let tools = Tools::ensure_for_spa(root)?;
    let browser = Tools::ensure_browser(root)?;
    tools::ensure_lint_tools()?;
    build_spa(root, &tools)?;
    let pg = tools::postgres_for_tests(root, ci)?;
    let filter: Vec<&str> = extra.iter().map(String::as_str).collect();
    let mut total = Counts::default();
    let mut lines = vec![format!("  {:<34} {:>5} s", "tools and web app build", started.elapsed().as_secs())];
    let mut step_start = Instant::now();
    for (label, args) in CHECKS {
        let ok = check_step(root, label, args);
        let secs = step_start.elapsed().as_secs();
        step_start = Instant::now();
        lines.push(format!("  {label:<34} {secs:>5} s  {}", if ok { "clean" } else { "FAILED" }));
        total.failed += u64::from(!ok);
    }
    // Each line says how long its step took (build included), so a slow CI run shows where the time went.
    let mut record = |lines: &mut Vec<String>, label: &str, c: Counts| {
        let secs = step_start.elapsed().as_secs();
        step_start = Instant::now();
        lines.push(format!("  {label:<34} {secs:>5} s  {:>4} passed, {} failed", c.passed, c.failed));
        total.add(c);
    };
    let (bins, built) = match runner::build(root) {
        Ok(bins) => (bins, Counts::default()),
        Err(e) => {
            say(&e);
            (Vec::new(), Counts { failed: 1, ..Counts::default() })
        }
    };
    record(&mut lines, "build of every test", built);
    let c = runner::run("unit tests", &runner::unit(&bins), &filter, &[]);
    record(&mut lines, "unit (shared, backend, SPA, xtask)", c);
    let api = runner::named(&bins, "api");
    let c = runner::run("API tests on SQLite", &api, &filter, &[("MALANHUA_TEST_DB", "sqlite".into())]);
    record(&mut lines, "API on SQLite", c);
    match &pg {
        Some(server) => {
            let env = [("MALANHUA_TEST_DB", "postgres".into()), ("TEST_DATABASE_URL", server.url.clone())];
            let c = runner::run("API tests on PostgreSQL", &api, &filter, &env);
            record(&mut lines, "API on PostgreSQL", c);
        }
        None => lines.push(format!("  {:<34} skipped: no PostgreSQL server (see above)", "API on PostgreSQL")),
    }
    let mut fuzz_skipped = 0;
    if filter.is_empty() {
        let clean = fuzz::run(root, &[]).unwrap_or_else(|e| {
            say(&format!("OpenAPI fuzz: {e}"));
            false
        });
        record(
            &mut lines,
            "OpenAPI fuzz (schemathesis)",
            Counts { passed: u64::from(clean), failed: u64::from(!clean), ignored: 0 },
        );
    } else {
        // The fuzz run has no test names to filter by; a filtered run is about named tests.
        lines.push(format!("  {:<34} skipped: test names were filtered", "OpenAPI fuzz (schemathesis)"));
        fuzz_skipped = 1;
    }
    let env = [
        ("CHROME_BIN", browser.chromium.display().to_string()),
        ("CHROMEDRIVER", browser.chromedriver.display().to_string()),
        ("MALANHUA_AXE", browser.axe.display().to_string()),
    ];
    let c = runner::run("browser journeys", &runner::named(&bins, "browser"), &filter, &env);
    record(&mut lines, "browser journeys", c);
    drop(pg);
    total.ignored += fuzz_skipped;
    say(&format!("summary after {} s:", started.elapsed().as_secs()));
    for l in &lines {
        eprintln!("{l}");
    }
    // The one closing line, in the plain form CI reads.
    println!("xtask: {} passed, {} failed, {} skipped", total.passed, total.failed, total.ignored);
    if total.failed > 0 {
        return Err(format!("{} test(s) failed", total.failed));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_are_counted() {
        let c = parse_result_line(
            "test result: ok. 50 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 2.23s",
        );
        let c = c.unwrap_or_default();
        assert_eq!((c.passed, c.failed, c.ignored), (50, 2, 1));
        assert!(parse_result_line("running 50 tests").is_none());
    }
}
