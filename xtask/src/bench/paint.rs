//! First paint as a phone on slow 4G sees it (see `tests/bin/first_paint.rs`)
//! for the landing page, the catalogue and a certificate's verification
//! page, against the release server with the demo data.

use std::path::Path;
use std::process::Command;

use crate::fuzz::{Server, http_as};
use crate::tools::Tools;
use crate::{cargo, say, status};

/// First paint under this, on slow 4G with a 4x slower CPU (issue 12).
const FIRST_PAINT_TARGET_MS: f64 = 1000.0;

/// A certificate number of the demo data (from the Qingdao officer's
/// worklist), so the verification page shows a real certificate.
fn demo_certificate(server: &Server) -> Result<String, String> {
    let token = server.sign_in("bureau officer, Qingdao")?;
    let (code, body) = http_as(server.addr, "GET", "/api/bureau/claims?limit=20", None, Some(&token))?;
    if code != 200 {
        return Err(format!("the worklist answered {code}: {body}"));
    }
    let number =
        body.split("\"certificate_number\":\"").nth(1).and_then(|rest| rest.split_once('"')).map(|(n, _)| n.to_owned());
    number.ok_or_else(|| "the demo worklist names no certificate".to_owned())
}

/// One page's figures, from the probe's JSON line.
fn field(line: &str, name: &str) -> Option<String> {
    let rest = line.split_once(&format!("\"{name}\":"))?.1;
    let value = rest.split([',', '}']).next()?.trim().trim_matches('"');
    Some(value.to_owned())
}

/// The report's table for the probe's lines.
pub fn first_paint_table(lines: &str) -> String {
    let mut out = String::from(
        "## First paint (slow 4G: 562.5 ms latency, 1.44 Mbit/s; CPU 4x slower; cache off; median of 3)\n\n\
         | page | first contentful paint | app drawn | target < 1 s |\n|---|---|---|---|\n",
    );
    for line in lines.lines().filter(|l| l.starts_with('{')) {
        let path = field(line, "path").unwrap_or_default();
        let paint: f64 = field(line, "first_paint_ms").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
        let drawn: f64 = field(line, "app_drawn_ms").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
        let held = if paint < FIRST_PAINT_TARGET_MS { "holds" } else { "missed" };
        out.push_str(&format!("| `{path}` | {paint:.0} ms | {drawn:.0} ms | {held} |\n"));
    }
    out
}

/// Measures first paint; the report's section for it. Needs the SPA and
/// the release server built.
pub fn measure(root: &Path) -> Result<String, String> {
    // Built as the API tests build the test package's programs, so after a
    // test run this builds nothing new.
    status(cargo().current_dir(root).args(crate::test_args(&["--test", "api", "--no-run"])))?;
    let browser = Tools::ensure_browser(root)?;
    let server = Server::start(root, &root.join("target/release/malanhua"))?;
    let number = demo_certificate(&server)?;
    let base = format!("http://{}", server.addr);
    say(&format!("measuring first paint of /, /classes and /verify/{number} (three cold loads each)"));
    let out = Command::new(root.join("target/debug/first-paint"))
        .args([base.as_str(), "/", "/classes", &format!("/verify/{number}")])
        .env("CHROME_BIN", &browser.chromium)
        .env("CHROMEDRIVER", &browser.chromedriver)
        .output()
        .map_err(|e| format!("cannot run the first-paint probe: {e}"))?;
    if !out.status.success() {
        return Err(format!("the first-paint probe failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(first_paint_table(&String::from_utf8_lossy(&out.stdout)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_lines_become_a_table_that_says_where_the_target_is_missed() {
        let lines = "{\"app_drawn_ms\":2400.5,\"first_paint_ms\":640.2,\"path\":\"/\",\"runs\":3}\n\
                     {\"app_drawn_ms\":3000.0,\"first_paint_ms\":1200.0,\"path\":\"/classes\",\"runs\":3}\n";
        let table = first_paint_table(lines);
        assert!(table.contains("| `/` | 640 ms | 2400 ms | holds |"), "{table}");
        assert!(table.contains("| `/classes` | 1200 ms | 3000 ms | missed |"), "{table}");
    }
}
