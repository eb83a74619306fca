//! The fuzz step: schemathesis (from PyPI, at a pinned version, in a venv
//! under `target/fuzz-venv`) reads the server's OpenAPI document and sends
//! generated requests to every operation, unsigned and signed in as demo
//! users, against a fresh SQLite database with the demo data. It passes when
//! no answer is a 5xx and every answer matches the document (status code,
//! content type, body schema).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{say, status};

/// The schemathesis release the step installs.
pub const SCHEMATHESIS: &str = "4.32.5";

/// What schemathesis checks on every answer.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance";

/// Generated cases per operation and phase: enough to reach every field's
/// edge cases once, small enough for 2 slow cores.
const MAX_EXAMPLES: &str = "8";

/// Wall-clock budget for all schemathesis runs together; past it the run
/// is stopped and the step fails.
const BUDGET: Duration = Duration::from_secs(270);

/// The demo users the signed-in runs act as, by their label in the
/// `seed-demo` output: an officer reaches the bureau's decisions, a trainee
/// the enrolment, bookings and claims.
const SIGNED_IN_AS: [&str; 2] = ["bureau officer, Qingdao", "trainee, profile complete"];

/// Operations left out of the signed-in runs, and why: they end the very
/// session the run signs in with, so every later request would be a 401.
/// The unsigned run still sends them.
const SIGNED_IN_EXCLUDED: [&str; 2] = ["/api/auth/logout", "/api/auth/logout-all"];

/// The directory cargo builds into.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Runs the whole step; `Ok(true)` when schemathesis found nothing.
/// The fixed seed of the runs `cargo xtask test` makes, so CI and a local
/// run generate the same requests (`cargo xtask fuzz --seed N` explores others).
const FUZZ_SEED: &str = "20261203";

/// `extra` goes to every schemathesis run (`--seed 1`, `--max-examples 50`).
pub fn run(root: &Path, extra: &[String]) -> Result<bool, String> {
    let schemathesis = ensure_schemathesis(root)?;
    crate::tools::ensure_libpq()?;
    // Built by the same command as every test (the server's `cli` test needs
    // the binary), so within `cargo xtask test` this is no build at all.
    crate::runner::build(root)?;
    let bin = target_dir(root).join("debug/malanhua");
    let mut server = Server::start(root, &bin)?;
    let started = Instant::now();
    let mut runs: Vec<(String, Vec<String>)> = vec![("unsigned".into(), Vec::new())];
    for who in SIGNED_IN_AS {
        let token = server.sign_in(who)?;
        let mut args = vec!["-H".to_owned(), format!("Authorization: Bearer {token}")];
        for path in SIGNED_IN_EXCLUDED {
            args.extend(["--exclude-path".to_owned(), path.to_owned()]);
        }
        runs.push((format!("signed in as {who}"), args));
    }
    let mut clean = true;
    for (who, args) in runs {
        let left = BUDGET.saturating_sub(started.elapsed());
        clean &= fuzz_once(&schemathesis, &server, &who, &args, extra, left)?;
    }
    say(&format!("fuzz: schemathesis finished in {} s", started.elapsed().as_secs()));
    server.keep = !clean;
    Ok(clean)
}

/// The schemathesis command at [`SCHEMATHESIS`], installed into a venv under
/// `target/fuzz-venv` unless it is already there at that version.
fn ensure_schemathesis(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/fuzz-venv");
    let bin = venv.join("bin/schemathesis");
    let installed = Command::new(&bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).split_whitespace().last() == Some(SCHEMATHESIS));
    if installed {
        return Ok(bin);
    }
    say(&format!(
        "installing schemathesis {SCHEMATHESIS} from PyPI into target/fuzz-venv (python3 -m venv, pip install; once)"
    ));
    if status(Command::new("python3").args(["-m", "venv"]).arg(&venv).stdout(Stdio::null())).is_err() {
        return Err(
            "the fuzz step needs Python 3 with venv and pip: install python3, python3-venv and python3-pip".into()
        );
    }
    status(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS}")),
    )?;
    Ok(bin)
}

/// One schemathesis run; prints its summary, or all of it when it failed.
fn fuzz_once(
    schemathesis: &Path,
    server: &Server,
    who: &str,
    args: &[String],
    extra: &[String],
    left: Duration,
) -> Result<bool, String> {
    let base = format!("http://{}", server.addr);
    let log_path = server.dir.join(format!("schemathesis-{}.log", who.replace([' ', ','], "-")));
    let log = std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let err = log.try_clone().map_err(|e| e.to_string())?;
    say(&format!("fuzz ({who}): schemathesis run {base}/api/openapi.json --checks {CHECKS} -n {MAX_EXAMPLES}"));
    let mut child = Command::new(schemathesis)
        .current_dir(&server.dir)
        .arg("run")
        .arg(format!("{base}/api/openapi.json"))
        .args(["--url", &base, "--checks", CHECKS, "--max-examples", MAX_EXAMPLES])
        .args(["--phases", "examples,coverage,fuzzing", "--workers", "2", "--request-timeout", "30"])
        .args(["--generation-database", "none", "--no-color"])
        .args(args)
        .args(if extra.iter().any(|a| a.starts_with("--seed")) { &[][..] } else { &["--seed", FUZZ_SEED][..] })
        .args(extra)
        .stdout(log)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot run schemathesis: {e}"))?;
    let ok = match wait_at_most(&mut child, left)? {
        Some(ok) => ok,
        None => {
            say(&format!("fuzz ({who}): over the time budget; stopped"));
            false
        }
    };
    let output = std::fs::read_to_string(&log_path).unwrap_or_default();
    let ok = ok || {
        let crash_only = only_tool_crashes(&output);
        if crash_only {
            say(&format!("fuzz ({who}): only Hypothesis' own crash on this Python (\"{TOOL_CRASH}\"); no finding"));
        }
        crash_only
    };
    if ok {
        let lines: Vec<&str> = output.lines().collect();
        for line in &lines[lines.len().saturating_sub(12)..] {
            eprintln!("{line}");
        }
        say(&format!("fuzz ({who}): no failures"));
    } else {
        eprintln!("{output}");
        say(&format!("fuzz ({who}): FAILED (schemathesis output above; server log in {})", server.log.display()));
    }
    Ok(ok)
}

/// A crash inside Hypothesis itself on CPython 3.11.7 (its lambda
/// descriptions trip the interpreter's AST recursion check); it says
/// nothing about the server.
const TOOL_CRASH: &str = "AST constructor recursion depth mismatch";

/// Whether a failed run reported nothing but [`TOOL_CRASH`] errors: no
/// check failed, and every error block is that crash (a network error, say
/// a server that fell over, still fails the run).
fn only_tool_crashes(output: &str) -> bool {
    if output.contains("= FAILURES =") {
        return false;
    }
    let Some((_, errors)) = output.split_once("= ERRORS =") else { return false };
    let errors = errors.split("= WARNINGS =").next().unwrap_or_default();
    let blocks: Vec<&str> = errors.split("\n___").skip(1).collect();
    !blocks.is_empty() && blocks.iter().all(|b| b.contains(TOOL_CRASH))
}

/// Waits for `child` at most `limit`; `None` (after killing it) when it ran over.
fn wait_at_most(child: &mut Child, limit: Duration) -> Result<Option<bool>, String> {
    let started = Instant::now();
    loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            return Ok(Some(st.success()));
        }
        if started.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The server on a free loopback port against a fresh SQLite database with
/// the demo data; killed (and its folder removed) on drop, whatever happened.
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: SocketAddr,
    dir: PathBuf,
    log: PathBuf,
    /// The `seed-demo` output: the demo logins and their password.
    logins: String,
    /// Keep the folder (database, server log, schemathesis logs) after a failure.
    keep: bool,
}

impl Server {
    pub(crate) fn start(root: &Path, bin: &Path) -> Result<Server, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("no free port: {e}"))?;
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let dir = target_dir(root).join(format!("demo-server-{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let env = server_env(&dir, addr);
        say(&format!("loading the demo data into {}", dir.join("malanhua.db").display()));
        let seeded = configured(bin, &env).arg("seed-demo").output().map_err(|e| e.to_string())?;
        if !seeded.status.success() {
            return Err(format!("malanhua seed-demo failed: {}", String::from_utf8_lossy(&seeded.stderr)));
        }
        let log = dir.join("server.log");
        let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = configured(bin, &env)
            .arg("serve")
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let server =
            Server { child, addr, dir, log, logins: String::from_utf8_lossy(&seeded.stdout).into_owned(), keep: false };
        server.wait_healthy()?;
        say(&format!("demo server up on http://{addr}"));
        Ok(server)
    }

    fn wait_healthy(&self) -> Result<(), String> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if http(self.addr, "GET", "/api/health", None).is_ok_and(|(code, _)| code == 200) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!("the server did not answer /api/health within 60 s (log: {})", self.log.display()))
    }

    /// A bearer token for the demo user whose `seed-demo` label starts with `label`.
    pub(crate) fn sign_in(&self, label: &str) -> Result<String, String> {
        let (mobile, password) = demo_login(&self.logins, label)
            .ok_or_else(|| format!("seed-demo printed no login for '{label}' (or no password)"))?;
        let body = format!(r#"{{"mobile":"{mobile}","password":"{password}"}}"#);
        let (code, answer) = http(self.addr, "POST", "/api/auth/login", Some(&body))?;
        let token = answer
            .split_once(r#""token":""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(t, _)| t.to_owned())
            .filter(|_| code == 200);
        token.ok_or_else(|| format!("signing in as {mobile} answered {code}: {answer}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.keep {
            say(&format!("demo server stopped; its database and logs are kept in {}", self.dir.display()));
        } else {
            say("demo server stopped");
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The server's environment: only what the step sets, so a developer's
/// `DATABASE_URL` or `MALANHUA_*` never leaks in. The limits on unsigned
/// calls, sign-ins and codes are raised: at the defaults most generated
/// requests would be a 429 and reach nothing behind the limit.
fn server_env(dir: &Path, addr: SocketAddr) -> Vec<(String, String)> {
    let mut env = vec![
        ("DATABASE_URL".to_owned(), dir.join("malanhua.db").display().to_string()),
        ("MALANHUA_ADDR".to_owned(), addr.to_string()),
        ("RUST_LOG".to_owned(), "warn".to_owned()),
    ];
    for name in [
        "MALANHUA_PUBLIC_PER_MINUTE",
        "MALANHUA_SIGNIN_PER_MOBILE_IP",
        "MALANHUA_SIGNIN_PER_MOBILE",
        "MALANHUA_SIGNIN_PER_IP",
        "MALANHUA_CODES_PER_MOBILE_DAY",
        "MALANHUA_CODES_PER_IP_HOUR",
        "MALANHUA_OBJECTIONS_PER_DAY",
    ] {
        env.push((name.to_owned(), "10000".to_owned()));
    }
    env
}

/// `bin` with exactly the server environment of `env`.
pub(crate) fn configured(bin: &Path, env: &[(String, String)]) -> Command {
    let mut cmd = Command::new(bin);
    for (name, _) in std::env::vars() {
        if name.starts_with("MALANHUA_") || name == "DATABASE_URL" || name == "RUST_LOG" {
            cmd.env_remove(name);
        }
    }
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    cmd
}

/// The mobile and the password of the login labelled `label` in the
/// `seed-demo` output (`demo logins (password P):` then `  <mobile> <label>`).
fn demo_login(output: &str, label: &str) -> Option<(String, String)> {
    let password = output.split_once("(password ")?.1.split_once("):")?.0.to_owned();
    let mobile = output.lines().find_map(|line| {
        let (mobile, rest) = line.trim().split_once(' ')?;
        rest.trim_start().starts_with(label).then(|| mobile.to_owned())
    })?;
    Some((mobile, password))
}

/// One HTTP/1.1 request; the status and the body.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Result<(u16, String), String> {
    http_as(addr, method, path, body, None)
}

/// One HTTP/1.1 request, with a bearer token when given; the status and the body.
pub(crate) fn http_as(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
    token: Option<&str>,
) -> Result<(u16, String), String> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let body = body.unwrap_or("");
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\n\
         {auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).map_err(|e| e.to_string())?;
    let code = answer.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or("no HTTP status line")?;
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
    Ok((code, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hypothesis_own_crash_is_forgiven() {
        let crash = "== ERRORS ==\n___ GET /api/bureau/claims ___\nRuntime Error\n\nAST constructor recursion depth mismatch (before=66, after=59)\n== WARNINGS ==\n";
        assert!(only_tool_crashes(crash));
        let network = "== ERRORS ==\n___ GET /api/x ___\nNetwork Error\nConnection aborted\n== WARNINGS ==\n";
        assert!(!only_tool_crashes(network), "a server that fell over is a finding");
        let both = format!("{crash}\n== FAILURES ==\n___ POST /api/y ___\n- ST103 Undocumented status code\n");
        assert!(!only_tool_crashes(&both), "a failed check is a finding");
        let mixed = "== ERRORS ==\n___ A ___\nAST constructor recursion depth mismatch\n___ B ___\nNetwork Error\n";
        assert!(!only_tool_crashes(mixed));
        assert!(!only_tool_crashes("all passed"));
    }

    #[test]
    fn demo_logins_are_read_from_the_seed_output() {
        let out = "demo data loaded\ndemo logins (password Malanhua@2026):\n  13800000000  administrator / 系统管理员\n  \
                   13800000003  bureau officer, Qingdao / 青岛市人社局\n";
        assert_eq!(
            demo_login(out, "bureau officer, Qingdao"),
            Some(("13800000003".to_owned(), "Malanhua@2026".to_owned()))
        );
        assert_eq!(demo_login(out, "mentor"), None);
    }
}
