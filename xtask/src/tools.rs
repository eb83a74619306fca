//! Finding and installing what the build and the tests need, saying what is
//! done: the wasm target, wasm-bindgen-cli at the version in Cargo.lock,
//! wasm-opt (npm `binaryen`), libpq, Chromium with chromedriver, and a
//! PostgreSQL server for the tests.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::{cargo, say, status};

/// The `binaryen` npm release whose wasm-opt reads current Rust output
/// (Debian's binaryen package is too old).
const BINARYEN_NPM: &str = "binaryen@132.0.0";
/// The accessibility checker the browser journeys run on every page they visit.
const AXE_NPM: &str = "axe-core@4.10.3";

/// Tools the SPA build uses.
pub struct Tools {
    /// `wasm-bindgen` at the locked version.
    pub wasm_bindgen: PathBuf,
    /// `wasm-opt`, when it could be had.
    pub wasm_opt: Option<PathBuf>,
}

/// The browser for the journeys.
pub struct Browser {
    /// `chromium`
    pub chromium: PathBuf,
    /// `chromedriver`
    pub chromedriver: PathBuf,
    /// axe-core's `axe.min.js`.
    pub axe: PathBuf,
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

fn cargo_bin(name: &str) -> Option<PathBuf> {
    which(name).or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
        Some(home.join("bin").join(name)).filter(|p| p.is_file())
    })
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// Installs Debian packages when running as root; otherwise says what to install.
fn apt_install(packages: &[&str], why: &str) -> Result<(), String> {
    if !is_root() || which("apt-get").is_none() {
        return Err(format!(
            "{why}: install {} (e.g. sudo apt-get install {})",
            packages.join(", "),
            packages.join(" ")
        ));
    }
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        say("apt-get update");
        status(Command::new("apt-get").arg("update").stdout(Stdio::null()))?;
    }
    say(&format!("{why}: apt-get install {}", packages.join(" ")));
    status(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(Stdio::null()),
    )
}

fn locked_version(root: &Path, krate: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{krate}\"")
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"'))
        {
            return Ok(v.to_owned());
        }
    }
    Err(format!("{krate} is not in Cargo.lock"))
}

impl Tools {
    /// Makes sure the SPA can be built and the server linked.
    pub fn ensure_for_spa(root: &Path) -> Result<Tools, String> {
        ensure_libpq()?;
        ensure_wasm_target()?;
        let wasm_bindgen = ensure_wasm_bindgen(root)?;
        let wasm_opt = ensure_wasm_opt(root);
        Ok(Tools { wasm_bindgen, wasm_opt })
    }

    /// Makes sure Chromium, chromedriver and axe-core are installed.
    pub fn ensure_browser(root: &Path) -> Result<Browser, String> {
        let find = || {
            let chromium = std::env::var_os("CHROME_BIN").map(PathBuf::from).or_else(|| which("chromium"));
            let driver = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).or_else(|| which("chromedriver"));
            chromium.zip(driver)
        };
        if find().is_none() {
            apt_install(&["chromium", "chromium-driver"], "the browser journeys need Chromium and chromedriver")?;
        }
        let (chromium, chromedriver) =
            find().ok_or("chromium and chromedriver are still not on PATH after installing them")?;
        let has_cjk_font = Command::new("fc-list")
            .arg(":lang=zh")
            .output()
            .is_ok_and(|o| !String::from_utf8_lossy(&o.stdout).trim().is_empty());
        if !has_cjk_font {
            // Without one, screenshots show boxes where the Chinese text is.
            if let Err(e) = apt_install(&["fonts-wqy-microhei"], "screenshots need a Chinese font") {
                say(&format!("{e}; screenshots may not show Chinese text"));
            }
        }
        let axe = ensure_axe(root)?;
        Ok(Browser { chromium, chromedriver, axe })
    }
}

/// Makes sure the PostgreSQL client library the server links is installed.
pub fn ensure_libpq() -> Result<(), String> {
    let found = ["/usr/lib/x86_64-linux-gnu/libpq.so", "/usr/lib/aarch64-linux-gnu/libpq.so", "/usr/lib/libpq.so"]
        .iter()
        .any(|p| Path::new(p).exists())
        || Command::new("pkg-config").args(["--exists", "libpq"]).status().is_ok_and(|s| s.success());
    if found {
        return Ok(());
    }
    apt_install(&["libpq-dev", "pkg-config"], "the server links the PostgreSQL client library")
}

/// The load generator of the bench (Debian's `wrk`) and `psql` for its
/// PostgreSQL database; installed with apt-get when root.
pub fn ensure_wrk() -> Result<PathBuf, String> {
    if which("psql").is_none() {
        apt_install(&["postgresql-client"], "the bench makes its PostgreSQL database with psql")?;
    }
    if let Some(wrk) = which("wrk") {
        return Ok(wrk);
    }
    apt_install(&["wrk"], "the bench drives its load with wrk")?;
    which("wrk").ok_or_else(|| "wrk is installed but not on PATH".to_owned())
}

/// Makes sure `cargo fmt` and `cargo clippy` are there (rustup components).
pub fn ensure_lint_tools() -> Result<(), String> {
    let have = |sub: &str| crate::cargo().args([sub, "--version"]).output().is_ok_and(|o| o.status.success());
    if have("fmt") && have("clippy") {
        return Ok(());
    }
    say("adding rustfmt and clippy (rustup component add rustfmt clippy)");
    status(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm32 target: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    say("adding the Rust target wasm32-unknown-unknown (rustup target add)");
    status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf, String> {
    let want = locked_version(root, "wasm-bindgen")?;
    if let Some(bin) = cargo_bin("wasm-bindgen") {
        let out = Command::new(&bin).arg("--version").output().map_err(|e| e.to_string())?;
        if String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1) == Some(want.as_str()) {
            return Ok(bin);
        }
    }
    say(&format!("installing wasm-bindgen-cli {want} to match Cargo.lock (cargo install, a few minutes once)"));
    if status(cargo().args(["install", "wasm-bindgen-cli", "--locked", "--version", &want])).is_err() {
        // Its own lock file can name a dependency release the registry no longer serves.
        say("retrying without the CLI's own lock file");
        status(cargo().args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    cargo_bin("wasm-bindgen").ok_or_else(|| "wasm-bindgen was installed but is not on PATH or in ~/.cargo/bin".into())
}

/// axe-core from npm into `target/xtask-tools` (once).
fn ensure_axe(root: &Path) -> Result<PathBuf, String> {
    let prefix = root.join("target/xtask-tools");
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if script.exists() {
        return Ok(script);
    }
    if which("npm").is_none() {
        apt_install(&["nodejs", "npm"], "the browser journeys check every page with axe-core, from npm")?;
    }
    say(&format!("installing the accessibility checker: npm install {AXE_NPM} into target/xtask-tools"));
    let _ = std::fs::create_dir_all(&prefix);
    status(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(AXE_NPM)
            .stdout(Stdio::null()),
    )?;
    if script.exists() {
        Ok(script)
    } else {
        Err(format!("npm installed {AXE_NPM} but {} is missing", script.display()))
    }
}

fn ensure_wasm_opt(root: &Path) -> Option<PathBuf> {
    let prefix = root.join("target/xtask-tools");
    let bin = prefix.join("node_modules/.bin/wasm-opt");
    if bin.exists() {
        return Some(bin);
    }
    if which("npm").is_none()
        && let Err(e) = apt_install(&["nodejs", "npm"], "wasm-opt comes from the npm package binaryen")
    {
        say(&format!("{e}; continuing without wasm-opt"));
        return None;
    }
    say(&format!("installing wasm-opt: npm install {BINARYEN_NPM} into target/xtask-tools"));
    let _ = std::fs::create_dir_all(&prefix);
    let ok = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(BINARYEN_NPM)
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok && bin.exists() {
        Some(bin)
    } else {
        say("npm could not install binaryen; continuing without wasm-opt");
        None
    }
}

/// A PostgreSQL server for the tests; a private one is stopped on drop.
pub struct PgServer {
    /// Maintenance database URL (`.../postgres`).
    pub url: String,
    /// For a private cluster: its `bin` folder and its data folder's parent.
    private: Option<(PathBuf, PathBuf)>,
}

impl Drop for PgServer {
    fn drop(&mut self) {
        if let Some((bin, dir)) = self.private.take() {
            say("stopping the private PostgreSQL");
            let _ = as_pg_user(bin.join("pg_ctl"))
                .args(["-m", "immediate", "-D"])
                .arg(dir.join("data"))
                .arg("stop")
                .stdout(Stdio::null())
                .status();
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// PostgreSQL refuses to run as root: as root, run it as the `postgres` user.
fn as_pg_user(program: PathBuf) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn reachable(host_port: &str) -> bool {
    host_port.parse().ok().is_some_and(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
}

/// `host:port` of a `postgres://user@host:port/db` URL.
fn host_port(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let hp = rest.split('/').next().unwrap_or("127.0.0.1:5432");
    if hp.contains(':') { hp.to_owned() } else { format!("{hp}:5432") }
}

/// Finds the PostgreSQL server the tests use: `TEST_DATABASE_URL`, or the
/// one on 127.0.0.1:5432, or a private throwaway cluster started from the
/// installed binaries (installed with apt-get when root). In CI a missing
/// server is an error; elsewhere the PostgreSQL run is skipped with a reason.
pub fn postgres_for_tests(root: &Path, ci: bool) -> Result<Option<PgServer>, String> {
    let url =
        std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    if reachable(&host_port(&url)) {
        say(&format!("PostgreSQL for tests: {url}"));
        return Ok(Some(PgServer { url, private: None }));
    }
    say(&format!("no PostgreSQL answers at {}; starting a private one", host_port(&url)));
    match start_private_cluster(root) {
        Ok(server) => Ok(Some(server)),
        Err(e) if ci => Err(format!("PostgreSQL is required in CI and could not be started: {e}")),
        Err(e) => {
            say(&format!("PostgreSQL tests SKIPPED: {e}. Set TEST_DATABASE_URL or install postgresql."));
            Ok(None)
        }
    }
}

fn pg_bin_dir() -> Option<PathBuf> {
    if let Some(initdb) = which("initdb") {
        return initdb.parent().map(Path::to_path_buf);
    }
    let mut versions: Vec<PathBuf> =
        std::fs::read_dir("/usr/lib/postgresql").ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    versions.sort();
    versions.into_iter().rev().map(|v| v.join("bin")).find(|b| b.join("initdb").is_file())
}

fn start_private_cluster(root: &Path) -> Result<PgServer, String> {
    let bin = match pg_bin_dir() {
        Some(b) => b,
        None => {
            apt_install(&["postgresql"], "the PostgreSQL tests need a server")?;
            pg_bin_dir().ok_or("postgresql is installed but initdb was not found")?
        }
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())?;
    let dir = root.join(format!("target/xtask-pg-{port}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    if is_root() {
        status(Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir))?;
    }
    let data = dir.join("data");
    status(
        as_pg_user(bin.join("initdb"))
            .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "-D"])
            .arg(&data)
            .stdout(Stdio::null()),
    )?;
    status(
        as_pg_user(bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .arg("-o")
            .arg(format!(
                "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
                dir.display()
            ))
            .args(["-w", "-t", "60", "start"])
            .stdout(Stdio::null()),
    )?;
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    say(&format!("private PostgreSQL for tests: {url}"));
    Ok(PgServer { url, private: Some((bin, dir)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_port_come_from_the_url() {
        assert_eq!(host_port("postgres://postgres@127.0.0.1:5432/postgres"), "127.0.0.1:5432");
        assert_eq!(host_port("postgres://u:p@127.0.0.1/db"), "127.0.0.1:5432");
    }
}
