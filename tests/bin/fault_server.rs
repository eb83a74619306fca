//! The server of the kill test (`tests/api/kill.rs`), in a process of its
//! own so the test can end it with SIGKILL: the real app on a loopback port
//! against `DATABASE_URL`, its clock at `FAULT_NOW`, configured as every
//! test server is. It prints `listening <addr>` and serves until killed.

use std::io::Write;

use malanhua::App;
use malanhua::core::clock::Clock;

#[tokio::main]
async fn main() -> Result<(), String> {
    let var = |k: &str| std::env::var(k).map_err(|_| format!("{k} is not set"));
    let now = chrono::DateTime::parse_from_rfc3339(&var("FAULT_NOW")?).map_err(|e| format!("FAULT_NOW: {e}"))?;
    let mut config = malanhua_tests::test_config(var("DATABASE_URL")?, &var("FAULT_SECRET")?);
    config.pool_size = 8;
    let clock = Clock::adjustable();
    clock.set(now.to_utc()).map_err(|e| e.to_string())?;
    let app = App::build_with_clock(config, clock).await.map_err(|e| format!("the app did not start: {e}"))?;
    let running = app.spawn(([127, 0, 0, 1], 0).into()).await.map_err(|e| format!("bind: {e}"))?;
    let mut out = std::io::stdout();
    writeln!(out, "listening {}", running.addr).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    std::future::pending::<()>().await;
    Ok(())
}
