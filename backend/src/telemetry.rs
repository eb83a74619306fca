//! Structured logs with `tracing`. Each request runs in a span carrying its
//! request id, so every line it logs names the request.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once (`RUST_LOG` filters, default `info`).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,warp=error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .try_init();
}
