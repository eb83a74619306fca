//! `cargo xtask bench [--quick]`: the product at province scale, measured
//! against the machine's own limits in the same run. For SQLite and (when a
//! server answers) PostgreSQL: `malanhua seed-scale` fills a fresh database
//! (factor 1, or 0.1 with `--quick`), the release server serves it, and wrk
//! drives each scenario for a fixed time (see [`scenarios`]). Results are
//! given as shares of the ceilings measured in the same run: the bare JSON
//! route (HTTP) and the enrolment transaction called without HTTP. Then
//! first paint on slow 4G and the web app's size. The report goes to
//! `target/bench/report.md` and is printed; numbers are measurements, not
//! tests: the report says where a target is missed.

mod paint;
mod scenarios;
pub(crate) mod server;
mod wrk;

use std::path::{Path, PathBuf};

use crate::tools::Tools;
use crate::{build_spa, cargo, say, status};
use scenarios::{Outcome, Sizes};
use server::Db;

/// The web app's target, gzipped (wasm and script), KiB.
const BUNDLE_TARGET_KIB: f64 = 200.0;

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    let sizes = if quick {
        Sizes { factor: 0.1, seconds: 5, people: 600 }
    } else {
        Sizes { factor: 1.0, seconds: 15, people: 2000 }
    };
    let tools = Tools::ensure_for_spa(root)?;
    build_spa(root, &tools)?;
    say("building the server (release, with the web app inside)");
    status(cargo().current_dir(root).args(["build", "--release", "-p", "malanhua"]))?;
    let wrk = crate::tools::ensure_wrk()?;
    let bin = root.join("target/release/malanhua");
    let started = std::time::Instant::now();
    let mut outcomes = Vec::new();
    let sqlite = root.join("target/bench/sqlite");
    let _ = std::fs::remove_dir_all(&sqlite);
    std::fs::create_dir_all(&sqlite).map_err(|e| e.to_string())?;
    let db = Db { name: "sqlite", url: sqlite.join("scale.db").display().to_string() };
    // Each database's table is printed as soon as it is measured, so a
    // later failure does not lose it.
    let shown = |o: scenarios::Outcome| {
        println!("{}", table(&o));
        o
    };
    outcomes.push(shown(scenarios::measure(root, &bin, &db, sizes, &wrk)?));
    match crate::tools::postgres_for_tests(root, false)? {
        Some(pg) => {
            let url = server::fresh_pg_database(&pg.url, "malanhua_bench")?;
            outcomes.push(shown(scenarios::measure(root, &bin, &Db { name: "postgres", url }, sizes, &wrk)?));
        }
        None => say("bench: no PostgreSQL server; measured on SQLite only"),
    }
    let paint = paint::measure(root)?;
    let mut report = format!(
        "# Bench report\n\n{} run (factor {}, {} s a scenario, wrk with 2 threads on the same machine), {:.0} s in all.\n\n",
        if quick { "Quick" } else { "Full" },
        sizes.factor,
        sizes.seconds,
        started.elapsed().as_secs_f64()
    );
    for o in &outcomes {
        report.push_str(&table(o));
    }
    report.push_str(&paint);
    report.push_str(&bundle(&root.join("frontend/dist")));
    let dir = root.join("target/bench");
    std::fs::write(dir.join("report.md"), &report).map_err(|e| e.to_string())?;
    println!("{report}");
    say("report written to target/bench/report.md");
    Ok(())
}

fn mark(holds: Option<bool>) -> &'static str {
    match holds {
        Some(true) => "holds",
        Some(false) => "**missed**",
        None => "—",
    }
}

/// One database's table.
pub fn table(o: &Outcome) -> String {
    let mut out = format!(
        "## {}\n\nScale data: `{}`\n\n| scenario | conns | req/s | p50 | p99 | max | 4xx | 5xx | RSS peak | ratio | target | |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
        o.db, o.seeded
    );
    for r in &o.rows {
        let ratio = r.ratio.map(|(v, of)| format!("{:.0} % of {of}", v * 100.0)).unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "| {} | {} | {:.0} | {:.1} ms | {:.1} ms | {:.0} ms | {} | {} | {:.0} MB | {} | {}; RSS < 150 MB, 0 5xx | {} |\n",
            r.scenario,
            r.conns,
            r.m.rps(),
            r.m.p50_ms,
            r.m.p99_ms,
            r.m.max_ms,
            r.m.client,
            r.m.server + r.m.timeouts,
            r.rss_mb,
            ratio,
            r.target,
            mark(r.holds)
        ));
    }
    out.push('\n');
    for n in &o.notes {
        out.push_str(&format!("- {n}\n"));
    }
    out.push('\n');
    out
}

/// The web app's size: wasm and script, raw, gzip -9 and brotli.
fn bundle(dist: &Path) -> String {
    let files: Vec<PathBuf> =
        std::fs::read_dir(dist).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "wasm" || e == "js")) {
        raw += std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        gz += crate::gzip_size(f).unwrap_or(0);
        let mut b = f.clone().into_os_string();
        b.push(".br");
        br += std::fs::metadata(&b).map(|m| m.len()).unwrap_or(0);
    }
    let kib = |n: u64| n as f64 / 1024.0;
    format!(
        "## Web app size\n\n| wasm + js | raw | gzip -9 | brotli | target ≤ {BUNDLE_TARGET_KIB:.0} KiB gzipped |\n|---|---|---|---|---|\n\
         | frontend/dist | {:.0} KiB | {:.0} KiB | {:.0} KiB | {} |\n",
        kib(raw),
        kib(gz),
        kib(br),
        mark(Some(kib(gz) <= BUNDLE_TARGET_KIB))
    )
}
