//! Load from wrk (Debian's package): a Lua script sends the lines of a
//! request file (`METHOD<TAB>PATH<TAB>TOKEN<TAB>FROM<TAB>BODY`, FROM the
//! client address a proxy would forward) and counts answers by
//! class; `once` sends each line once and stops, `cycle` repeats them for
//! the run's duration. The figures come back from the script's `done`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The Lua the runs share (written next to the request files).
const SCRIPT: &str = r#"
local threads = {}
local count = 0
function setup(thread)
  count = count + 1
  thread:set("tid", count)
  table.insert(threads, thread)
end
function init(args)
  reqs = {}
  local nthreads = tonumber(args[3])
  local i = 0
  for line in io.lines(args[1]) do
    if (i % nthreads) == (tid - 1) then
      local m, p, t, f, b = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      local h = { ["Content-Type"] = "application/json" }
      if t ~= "" then h["Authorization"] = "Bearer " .. t end
      if f ~= "" then h["X-Forwarded-For"] = f end
      if b == "" then b = nil end
      reqs[#reqs + 1] = wrk.format(m, p, h, b)
    end
    i = i + 1
  end
  spare = wrk.format("GET", "/api/bench/bare", {}, nil)
  mode = args[2]
  if args[4] ~= "" then out = io.open(args[4] .. "." .. tid, "w") end
  sent = 0; answered = 0; s2 = 0; s4 = 0; s5 = 0
end
function request()
  sent = sent + 1
  if mode == "once" and sent > #reqs then return spare end
  return reqs[((sent - 1) % #reqs) + 1]
end
function response(status, headers, body)
  -- The spare requests once mode sends at the end are the bare route's.
  if mode == "once" and body == '{"ok":true}' then return end
  answered = answered + 1
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1 else s2 = s2 + 1 end
  if out and status == 200 then
    local token = body:match('"token":"([^"]+)"')
    if token then out:write(token, "\n"); out:flush() end
  end
  if mode == "once" and answered >= #reqs then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("s2"); b = b + t:get("s4"); c = c + t:get("s5") end
  io.write(string.format("MALANHUA ok=%d client=%d server=%d requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d timeouts=%d\n",
    a, b, c, summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.timeout))
end
"#;

/// One request line.
pub struct Req {
    /// GET or POST.
    pub method: &'static str,
    /// Path and query.
    pub path: String,
    /// Bearer token, if any.
    pub token: Option<String>,
    /// JSON body, if any.
    pub body: Option<String>,
    /// The client's address, sent as `X-Forwarded-For` (the bench's server
    /// trusts it, as behind a proxy): people signing in from their own
    /// phones rather than all from the bench's one address.
    pub from: Option<String>,
}

impl Req {
    /// An anonymous GET.
    pub fn get(path: String) -> Self {
        Self { method: "GET", path, token: None, body: None, from: None }
    }

    /// A signed-in request.
    pub fn signed(method: &'static str, path: String, token: &str, body: Option<String>) -> Self {
        Self { method, path, token: Some(token.to_owned()), body, from: None }
    }
}

/// One run's figures.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    /// 2xx/3xx answers.
    pub ok: u64,
    /// 4xx answers.
    pub client: u64,
    /// 5xx answers.
    pub server: u64,
    /// Requests completed.
    pub requests: u64,
    /// Seconds the run took.
    pub seconds: f64,
    /// Latency percentiles and maximum, in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Maximum.
    pub max_ms: f64,
    /// Requests wrk gave up on.
    pub timeouts: u64,
}

impl Measured {
    /// Answers per second, counting the scenario's own requests only (not
    /// the bare-route spares a `once` run sends while its last answers come).
    pub fn rps(&self) -> f64 {
        (self.ok + self.client + self.server) as f64 / self.seconds.max(1e-9)
    }
}

/// How a run sends its lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Each line once, then stop.
    Once,
    /// Repeat for the duration.
    Cycle,
}

/// A prepared run.
pub struct Run {
    /// wrk's binary.
    pub wrk: PathBuf,
    /// The server's base URL.
    pub base: String,
    /// Folder for the request files.
    pub dir: PathBuf,
}

impl Run {
    /// Starts wrk on these requests; `capture` collects sign-in tokens.
    pub fn start(
        &self,
        name: &str,
        reqs: &[Req],
        mode: Mode,
        conns: u32,
        seconds: u32,
        capture: Option<&Path>,
    ) -> Result<Child, String> {
        let threads = 2.min(conns).min(u32::try_from(reqs.len()).unwrap_or(u32::MAX)).max(1);
        let script = self.dir.join("malanhua.lua");
        std::fs::write(&script, SCRIPT).map_err(|e| e.to_string())?;
        let file = self.dir.join(format!("{name}.tsv"));
        let mut text = String::new();
        for r in reqs {
            let line = format!(
                "{}\t{}\t{}\t{}\t{}\n",
                r.method,
                r.path,
                r.token.as_deref().unwrap_or(""),
                r.from.as_deref().unwrap_or(""),
                r.body.as_deref().unwrap_or("")
            );
            text.push_str(&line);
        }
        std::fs::write(&file, text).map_err(|e| e.to_string())?;
        let capture = capture.map(|p| p.display().to_string()).unwrap_or_default();
        Command::new(&self.wrk)
            .args(["-t", &threads.to_string(), "-c", &conns.max(threads).to_string()])
            .args(["-d", &format!("{seconds}s"), "--timeout", "30s", "-s"])
            .arg(&script)
            .arg(format!("{}/", self.base.trim_end_matches('/')))
            .arg("--")
            .arg(&file)
            .arg(if mode == Mode::Once { "once" } else { "cycle" })
            .arg(threads.to_string())
            .arg(capture)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run wrk: {e}"))
    }

    /// Runs to the end and returns the figures.
    pub fn run(&self, name: &str, reqs: &[Req], mode: Mode, conns: u32, seconds: u32) -> Result<Measured, String> {
        finish(self.start(name, reqs, mode, conns, seconds, None)?)
    }
}

/// Waits for a started run and reads its figures.
pub fn finish(child: Child) -> Result<Measured, String> {
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse(&text).ok_or_else(|| format!("wrk printed no figures: {text}{}", String::from_utf8_lossy(&out.stderr)))
}

/// The figures of the script's `MALANHUA` line.
pub fn parse(text: &str) -> Option<Measured> {
    let line = text.lines().find(|l| l.starts_with("MALANHUA "))?;
    let get = |name: &str| -> Option<f64> {
        line.split_whitespace().find_map(|kv| kv.strip_prefix(&format!("{name}=")))?.parse().ok()
    };
    Some(Measured {
        ok: get("ok")? as u64,
        client: get("client")? as u64,
        server: get("server")? as u64,
        requests: get("requests")? as u64,
        seconds: get("duration_us")? / 1e6,
        p50_ms: get("p50_us")? / 1e3,
        p99_ms: get("p99_us")? / 1e3,
        max_ms: get("max_us")? / 1e3,
        timeouts: get("timeouts")? as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_s_line_becomes_figures() {
        let m = parse(
            "Running 5s test\nMALANHUA ok=90 client=8 server=2 requests=100 duration_us=2000000 p50_us=1500 \
             p99_us=9000 max_us=12000 timeouts=0\n",
        );
        let m = m.unwrap_or_default();
        assert_eq!((m.ok, m.client, m.server, m.requests), (90, 8, 2, 100));
        assert_eq!((m.rps(), m.p50_ms, m.p99_ms, m.max_ms), (50.0, 1.5, 9.0, 12.0));
        assert!(parse("no figures").is_none());
    }
}
