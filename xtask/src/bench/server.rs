//! The release server against a scale database, for the load runs: its
//! environment, the generator and the ceiling run, its memory peak.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::fuzz::http_as;

/// A fixed key pair for bench databases only (never a deployment's).
const BENCH_SECRET: &str = "bench-only-secret-0123456789abcdef0123456789abcdef";
const BENCH_DATA_KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// A database to measure on.
pub struct Db {
    /// `sqlite` or `postgres`.
    pub name: &'static str,
    /// Its DATABASE_URL.
    pub url: String,
}

/// The environment of every bench process: the database, fixed keys, the
/// bare route on, and the per-address limits out of the way (every load
/// comes from one address).
pub fn env(db: &Db, addr: SocketAddr) -> Vec<(String, String)> {
    let mut env = vec![
        ("DATABASE_URL".to_owned(), db.url.clone()),
        ("MALANHUA_ADDR".to_owned(), addr.to_string()),
        ("MALANHUA_JWT_SECRET".to_owned(), BENCH_SECRET.to_owned()),
        ("MALANHUA_DATA_KEY".to_owned(), BENCH_DATA_KEY.to_owned()),
        ("MALANHUA_BENCH_ROUTES".to_owned(), "1".to_owned()),
        ("MALANHUA_PUBLIC_PER_MINUTE".to_owned(), "100000000".to_owned()),
        // The sign-in rush comes from many people's own addresses, sent as
        // a proxy forwards them.
        ("MALANHUA_TRUST_PROXY".to_owned(), "1".to_owned()),
        ("RUST_LOG".to_owned(), "warn".to_owned()),
    ];
    for name in [
        "MALANHUA_SIGNIN_PER_MOBILE_IP",
        "MALANHUA_SIGNIN_PER_MOBILE",
        "MALANHUA_SIGNIN_PER_IP",
        "MALANHUA_SIGNIN_OVERALL_PER_MINUTE",
    ] {
        env.push((name.to_owned(), "100000".to_owned()));
    }
    if let Ok(pool) = std::env::var("MALANHUA_DB_POOL") {
        env.push(("MALANHUA_DB_POOL".to_owned(), pool));
    }
    env
}

/// `bin` with exactly `env` (as the fuzz run starts its server).
pub fn command(bin: &Path, env: &[(String, String)]) -> Command {
    crate::fuzz::configured(bin, env)
}

/// A free loopback address.
pub fn free_addr() -> Result<SocketAddr, String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))?;
    Ok(SocketAddr::from(([127, 0, 0, 1], port)))
}

/// The serving process; killed on drop.
pub struct Serving {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its log.
    pub log: PathBuf,
}

impl Serving {
    /// Starts `malanhua serve` and waits for `/api/health`.
    pub fn start(bin: &Path, env: &[(String, String)], addr: SocketAddr, dir: &Path) -> Result<Self, String> {
        let log = dir.join("server.log");
        let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = command(bin, env).arg("serve").stdout(out).stderr(err).spawn().map_err(|e| e.to_string())?;
        let s = Self { child, addr, log };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if http_as(addr, "GET", "/api/health", None, None).is_ok_and(|(c, _)| c == 200) {
                return Ok(s);
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!("the bench server did not answer within 120 s (log: {})", s.log.display()))
    }

    /// Starts a new memory peak (Linux: `clear_refs` 5 resets VmHWM).
    pub fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5");
    }

    /// The resident memory peak since the last reset, in MB.
    pub fn peak_mb(&self) -> f64 {
        self.status_mb("VmHWM:")
    }

    /// The resident memory now, in MB.
    pub fn rss_mb(&self) -> f64 {
        self.status_mb("VmRSS:")
    }

    fn status_mb(&self, field: &str) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(f64::NAN);
        kb / 1024.0
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a `malanhua` subcommand to its end; its standard output.
pub fn run_tool(bin: &Path, env: &[(String, String)], args: &[&str]) -> Result<String, String> {
    let out = command(bin, env)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run malanhua {}: {e}", args.join(" ")))?;
    if !out.status.success() {
        return Err(format!("malanhua {} failed ({})", args.join(" "), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A fresh PostgreSQL database `name` on the server of `url` (with psql).
pub fn fresh_pg_database(url: &str, name: &str) -> Result<String, String> {
    let psql = |sql: &str| {
        crate::status(
            Command::new("psql").arg(url).args(["-q", "-v", "ON_ERROR_STOP=1", "-c", sql]).stdout(Stdio::null()),
        )
    };
    psql(&format!("DROP DATABASE IF EXISTS {name}"))?;
    psql(&format!("CREATE DATABASE {name}"))?;
    let base = url.rsplit_once('/').map_or(url, |(b, _)| b);
    Ok(format!("{base}/{name}"))
}

/// The first `"key":"value"` string of a JSON text.
pub fn json_str(text: &str, key: &str) -> Option<String> {
    let rest = text.split_once(&format!("\"{key}\":\""))?.1;
    Some(rest.split_once('"')?.0.to_owned())
}

/// Every `"key":"value"` string of a JSON text.
pub fn json_strs(text: &str, key: &str) -> Vec<String> {
    let pat = format!("\"{key}\":\"");
    text.split(&pat).skip(1).filter_map(|r| r.split_once('"').map(|(v, _)| v.to_owned())).collect()
}

/// The first `"key":number` of a JSON text.
pub fn json_num(text: &str, key: &str) -> Option<f64> {
    let rest = text.split_once(&format!("\"{key}\":"))?.1;
    rest.split([',', '}', ']']).next()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_are_found_by_key() {
        let t = r#"{"items":[{"id":"a","taken":3},{"id":"b"}],"next":"c2","seconds":1.5}"#;
        assert_eq!(json_str(t, "next").as_deref(), Some("c2"));
        assert_eq!(json_strs(t, "id"), ["a", "b"]);
        assert_eq!(json_num(t, "taken"), Some(3.0));
        assert_eq!(json_num(t, "seconds"), Some(1.5));
    }
}
