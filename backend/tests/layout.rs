//! The shape of the code, checked: every feature's `rules.rs` is pure (no
//! database, no web framework, no clock, no store), and no code but the clock
//! reads the system time.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// What a pure rules file must not mention.
const IMPURE: &[&str] = &["diesel", "warp", "Utc::now", "store::", "DbConn", "AppState", "tokio"];

#[test]
fn every_rules_file_is_pure() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let rules: Vec<_> = files.iter().filter(|p| p.file_name().is_some_and(|n| n == "rules.rs")).collect();
    assert!(rules.len() >= 4, "every feature has a rules.rs: found {rules:?}");
    for path in rules {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for word in IMPURE {
            assert!(!text.contains(word), "{} mentions `{word}`: rules are pure functions", path.display());
        }
    }
}

#[test]
fn only_the_clock_reads_the_system_time() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Unit tests may make instants of their own; product code asks the app's clock.
        let product = text.split("#[cfg(test)]").next().unwrap_or_default();
        if path.ends_with("core/clock.rs") {
            continue;
        }
        assert!(!product.contains("Utc::now"), "{} reads the system time: use the app's clock", path.display());
    }
}
