//! The load scenarios on one database: scale data, then each scenario for
//! a fixed time against the release server, with its memory peak, and the
//! ceilings (the bare route, the enrolment transaction without HTTP) that
//! the results are divided by.

use std::path::Path;

use super::server::{Db, Serving, env, free_addr, json_num, json_str, json_strs, run_tool};
use super::wrk::{Measured, Mode, Req, Run, finish};
use crate::fuzz::http_as;
use crate::say;

/// What a scenario is held to.
#[derive(Clone, Copy)]
pub enum Target {
    /// Requests per second at least this share of the bare route's, and p99 under `ms`.
    ShareOfBare(f64, f64),
    /// At least this share of the database ceiling.
    ShareOfDb(f64),
    /// p50 and p99 under these.
    Latency(f64, f64),
    /// p99 under this.
    P99(f64),
    /// Informational: no target.
    None,
}

/// One line of the report.
pub struct Row {
    /// What was measured.
    pub scenario: String,
    /// Connections.
    pub conns: u32,
    /// The figures.
    pub m: Measured,
    /// Server memory peak during it, MB.
    pub rss_mb: f64,
    /// Share of its ceiling, and which ceiling.
    pub ratio: Option<(f64, &'static str)>,
    /// Its target, in words.
    pub target: String,
    /// Whether the target holds.
    pub holds: Option<bool>,
}

/// One database's results.
pub struct Outcome {
    /// `sqlite` or `postgres`.
    pub db: &'static str,
    /// The generator's summary line.
    pub seeded: String,
    /// The rows.
    pub rows: Vec<Row>,
    /// Other findings (seats taken, ceilings, query plans).
    pub notes: Vec<String>,
}

/// How long and how hard.
#[derive(Clone, Copy)]
pub struct Sizes {
    /// Generator factor.
    pub factor: f64,
    /// Seconds per scenario.
    pub seconds: u32,
    /// People in the enrolment rush and the steady mix.
    pub people: usize,
}

/// Server memory target, MB.
const RSS_TARGET_MB: f64 = 150.0;

struct Bench<'a> {
    run: Run,
    server: &'a Serving,
    rows: Vec<Row>,
    bare_rps: f64,
    seconds: u32,
}

impl Bench<'_> {
    fn measure(
        &mut self,
        name: &str,
        reqs: &[Req],
        mode: Mode,
        conns: u32,
        target: Target,
    ) -> Result<Measured, String> {
        say(&format!("bench: {name} ({conns} connections)"));
        self.server.reset_peak();
        let m = self.run.run(&slug(name), reqs, mode, conns, self.seconds)?;
        let rss = self.server.peak_mb();
        self.push(name, conns, m.clone(), rss, target, None);
        Ok(m)
    }

    fn push(&mut self, name: &str, conns: u32, m: Measured, rss: f64, target: Target, db_ceiling: Option<f64>) {
        let (ratio, words, holds) = judge(&m, target, self.bare_rps, db_ceiling);
        let rss_ok = rss < RSS_TARGET_MB && m.server == 0;
        self.rows.push(Row {
            scenario: name.to_owned(),
            conns,
            m,
            rss_mb: rss,
            ratio,
            target: words,
            holds: holds.map(|h| h && rss_ok).or(Some(rss_ok)),
        });
    }
}

/// Percent-encodes all but the unreserved characters (cursors hold names and times).
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn slug(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

fn judge(
    m: &Measured,
    target: Target,
    bare: f64,
    db: Option<f64>,
) -> (Option<(f64, &'static str)>, String, Option<bool>) {
    match target {
        Target::ShareOfBare(share, p99) => {
            let r = m.rps() / bare.max(1e-9);
            (
                Some((r, "bare route")),
                format!("≥ {:.0} % of bare, p99 < {p99:.0} ms", share * 100.0),
                Some(r >= share && m.p99_ms < p99),
            )
        }
        Target::ShareOfDb(share) => {
            let r = db.map(|d| m.rps() / d.max(1e-9));
            (
                r.map(|r| (r, "db transaction")),
                format!("≥ {:.0} % of the db ceiling", share * 100.0),
                r.map(|r| r >= share),
            )
        }
        Target::Latency(p50, p99) => (
            Some((m.rps() / bare.max(1e-9), "bare route")),
            format!("p50 < {p50:.0} ms, p99 < {p99:.0} ms"),
            Some(m.p50_ms < p50 && m.p99_ms < p99),
        ),
        Target::P99(p99) => {
            (Some((m.rps() / bare.max(1e-9), "bare route")), format!("p99 < {p99:.0} ms"), Some(m.p99_ms < p99))
        }
        Target::None => (Some((m.rps() / bare.max(1e-9), "bare route")), "—".to_owned(), None),
    }
}

fn get(addr: std::net::SocketAddr, path: &str, token: Option<&str>) -> Result<String, String> {
    let (code, body) = http_as(addr, "GET", path, None, token)?;
    if code == 200 { Ok(body) } else { Err(format!("GET {path} answered {code}: {body}")) }
}

fn sign_in(addr: std::net::SocketAddr, mobile: &str) -> Result<String, String> {
    let body = format!(r#"{{"mobile":"{mobile}","password":"Malanhua@2026"}}"#);
    let (code, answer) = http_as(addr, "POST", "/api/auth/login", Some(&body), None)?;
    json_str(&answer, "token").filter(|_| code == 200).ok_or_else(|| format!("sign-in of {mobile}: {code} {answer}"))
}

/// The catalogue queries an anonymous visitor makes: the first pages, a
/// city, a district, a kind, seats left, a word.
fn catalogue_requests() -> Vec<Req> {
    let mut v = Vec::new();
    for page in 1..=3 {
        v.push(Req::get(format!("/api/classes?page={page}")));
    }
    for city in [1, 2, 3, 5, 6, 7, 10, 13, 16] {
        v.push(Req::get(format!("/api/classes?region=37{city:02}00")));
        v.push(Req::get(format!("/api/classes?region=37{city:02}00&kind=syb&has_seats=true")));
        v.push(Req::get(format!("/api/classes?region=37{city:02}31&page=2")));
    }
    for kind in ["gyb", "iyb", "eyb", "online_venture"] {
        v.push(Req::get(format!("/api/classes?kind={kind}")));
    }
    v.push(Req::get("/api/classes?mode=online".into()));
    v.push(Req::get("/api/classes?q=%E5%88%9B%E4%B8%9A".into()));
    v
}

/// Two thousand different catalogue queries (every city and district, kind
/// and page): more than the catalogue keeps, so each is read from the database.
fn distinct_catalogue_requests() -> Vec<Req> {
    let mut v = Vec::new();
    let kinds = ["", "&kind=syb", "&kind=gyb", "&kind=iyb", "&has_seats=true"];
    for city in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17] {
        for district in ["00", "31", "32", "33", "34"] {
            for kind in kinds {
                for page in 1..=5 {
                    v.push(Req::get(format!("/api/classes?region=37{city:02}{district}{kind}&page={page}")));
                }
            }
        }
    }
    v
}

/// The worklist filters measured (query strings as the API takes them);
/// `{institution}` is one of the generated institutions.
const WORKLIST_FILTERS: [&str; 9] = [
    "",
    "status=submitted",
    "status=paid&sort=amount_desc",
    "kind=syb&status=reviewed",
    "sort=institution",
    "status=notice&sort=stage_age",
    "institution={institution}&sort=filed_desc",
    "from=2026-03-01&to=2026-06-30",
    "claim_kind=training&min_fen=1&sort=amount",
];

/// Measures everything on `db`.
pub fn measure(root: &Path, bin: &Path, db: &Db, sizes: Sizes, wrk: &Path) -> Result<Outcome, String> {
    let dir = root.join("target/bench").join(db.name);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let addr = free_addr()?;
    let env = env(db, addr);
    say(&format!("bench ({}): generating scale data at factor {}", db.name, sizes.factor));
    let seeded = run_tool(bin, &env, &["seed-scale", "--factor", &sizes.factor.to_string()])?;
    let seeded = seeded.lines().last().unwrap_or_default().to_owned();
    let filters: Vec<String> = WORKLIST_FILTERS
        .iter()
        .map(|f| f.replace("{institution}", &json_str(&seeded, "some_institution").unwrap_or_default()))
        .collect();
    let mut args = vec!["explain-worklist", "--region", "370000"];
    args.extend(filters.iter().map(String::as_str));
    let plans = run_tool(bin, &env, &args)?;
    let server = Serving::start(bin, &env, addr, &dir)?;
    let base = format!("http://{}", server.addr);
    let mut b = Bench {
        run: Run { wrk: wrk.to_path_buf(), base, dir: dir.clone() },
        server: &server,
        rows: Vec::new(),
        bare_rps: 0.0,
        seconds: sizes.seconds,
    };
    let mut notes = Vec::new();
    reading(&mut b, addr)?;
    let officer = sign_in(addr, &json_str(&seeded, "officer_mobile").unwrap_or_default())?;
    let submitted = worklist(&mut b, addr, &officer, &filters)?;
    notes.push(format!("worklist query plans (the province officer's, as the server runs them):\n\n{plans}"));
    // The regional dashboard: the province over this year, by month and by
    // quarter, and one city (issue 14: under 500 ms).
    let statistics: Vec<Req> = ["", "by=quarter", "region=370200", "kind=syb"]
        .iter()
        .map(|q| Req::signed("GET", format!("/api/bureau/statistics?{q}"), &officer, None))
        .collect();
    b.measure("statistics, the province this year", &statistics, Mode::Cycle, 4, Target::P99(500.0))?;
    let verify: Vec<Req> =
        pages_certificates(addr, &officer)?.iter().map(|n| Req::get(format!("/api/verify/{n}"))).collect();
    b.measure("certificate verification", &verify, Mode::Cycle, 64, Target::P99(50.0))?;
    b.measure(
        "mentor directory",
        &[
            Req::get("/api/mentors".into()),
            Req::get("/api/mentors?region=370200".into()),
            Req::get("/api/mentors?expertise=law".into()),
        ],
        Mode::Cycle,
        64,
        Target::P99(100.0),
    )?;
    let tokens = signin_rush(&mut b, &dir, &seeded, sizes, &mut notes)?;
    enrolment(&mut b, &Tool { bin, env: &env, dir: &dir }, &seeded, &tokens, sizes, db.name, &mut notes)?;
    booking_rush(&mut b, &tokens, sizes, &mut notes)?;
    // Stage actions and the export.
    let second = sign_in(addr, &json_str(&seeded, "second_officer_mobile").unwrap_or_default())?;
    let reviews: Vec<Req> = submitted
        .iter()
        .map(|id| {
            Req::signed("POST", format!("/api/claims/{id}/actions"), &second, Some(r#"{"action":"review"}"#.into()))
        })
        .collect();
    if reviews.len() >= 2 {
        b.measure(&format!("claim review, {} claims", reviews.len()), &reviews, Mode::Once, 16, Target::P99(200.0))?;
    }
    let export = [Req::signed("GET", "/api/bureau/claims.xlsx?status=paid".into(), &officer, None)];
    let m = b.measure("XLSX export of 10,000 claims", &export, Mode::Cycle, 1, Target::P99(3000.0))?;
    notes.push(format!("export: {} files in {:.1} s", m.requests, m.seconds));
    let rows = std::mem::take(&mut b.rows);
    Ok(Outcome { db: db.name, seeded, rows, notes })
}

/// The ceilings and anonymous reading: bare route, health, openapi.json,
/// the catalogue (popular and distinct queries) and class pages.
fn reading(b: &mut Bench<'_>, addr: std::net::SocketAddr) -> Result<(), String> {
    let bare = b.measure(
        "bare JSON route (HTTP ceiling)",
        &[Req::get("/api/bench/bare".into())],
        Mode::Cycle,
        64,
        Target::None,
    )?;
    b.bare_rps = bare.rps();
    if let Some(r) = b.rows.last_mut() {
        r.ratio = Some((1.0, "bare route"));
    }
    b.measure("health (one query)", &[Req::get("/api/health".into())], Mode::Cycle, 64, Target::None)?;
    b.measure("openapi.json", &[Req::get("/api/openapi.json".into())], Mode::Cycle, 64, Target::None)?;
    let catalogue = catalogue_requests();
    b.measure("catalogue search", &catalogue, Mode::Cycle, 64, Target::ShareOfBare(0.30, 50.0))?;
    b.measure("catalogue search", &catalogue, Mode::Cycle, 256, Target::ShareOfBare(0.30, 150.0))?;
    b.measure(
        "catalogue, 2,000 distinct queries (past the cache)",
        &distinct_catalogue_requests(),
        Mode::Cycle,
        64,
        Target::P99(50.0),
    )?;
    let mut ids = Vec::new();
    for page in 1..=5 {
        ids.extend(json_strs(&get(addr, &format!("/api/classes?per_page=100&page={page}"), None)?, "id"));
    }
    ids.retain(|i| i.starts_with("5ca1e003"));
    let details: Vec<Req> = ids.iter().map(|i| Req::get(format!("/api/classes/{i}"))).collect();
    b.measure("class detail", &details, Mode::Cycle, 64, Target::P99(50.0))?;
    Ok(())
}

/// The officer's worklist: three keyset pages of each filter. Returns
/// submitted claims to review later.
fn worklist(
    b: &mut Bench<'_>,
    addr: std::net::SocketAddr,
    officer: &str,
    filters: &[String],
) -> Result<Vec<String>, String> {
    let mut pages = Vec::new();
    let mut submitted = Vec::new();
    for filter in filters {
        let mut after: Option<String> = None;
        for _ in 0..3 {
            let path = format!(
                "/api/bureau/claims?{filter}&limit=50{}",
                after.as_ref().map(|a| format!("&after={}", urlencode(a))).unwrap_or_default()
            );
            let page = get(addr, &path, Some(officer))?;
            if filter == "status=submitted" {
                submitted.extend(claims_to_review(&page));
            }
            pages.push(Req::signed("GET", path, officer, None));
            after = json_str(&page, "next");
            if after.is_none() {
                break;
            }
        }
    }
    b.measure("worklist page (keyset, filters)", &pages, Mode::Cycle, 64, Target::Latency(50.0, 200.0))?;
    Ok(submitted)
}

/// The sign-in rush (256 at once) with the catalogue measured meanwhile;
/// returns the tokens handed out, for the enrolment runs.
fn signin_rush(
    b: &mut Bench<'_>,
    dir: &Path,
    seeded: &str,
    sizes: Sizes,
    notes: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let trainees = json_num(seeded, "trainees").unwrap_or(100.0) as usize;
    let logins: Vec<Req> = (0..trainees.min(20_000))
        .map(|n| Req {
            method: "POST",
            path: "/api/auth/login".into(),
            token: None,
            body: Some(format!(r#"{{"mobile":"17{n:09}","password":"Malanhua@2026"}}"#)),
            from: Some(format!("10.{}.{}.{}", n >> 16 & 255, n >> 8 & 255, n & 255)),
        })
        .collect();
    say("bench: sign-in rush (256 connections) with the catalogue measured meanwhile");
    let tokens_file = dir.join("tokens");
    let token_files = || {
        std::fs::read_dir(dir)
            .map(|d| d.flatten().filter(|e| e.file_name().to_string_lossy().starts_with("tokens.")).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    for entry in token_files() {
        let _ = std::fs::remove_file(entry.path());
    }
    b.server.reset_peak();
    let rush = b.run.start("signin", &logins, Mode::Once, 256, sizes.seconds.max(10) * 2, Some(&tokens_file))?;
    std::thread::sleep(std::time::Duration::from_secs(1));
    let meanwhile = b.run.run("catalogue-meanwhile", &catalogue_requests(), Mode::Cycle, 16, sizes.seconds)?;
    let rush = finish(rush)?;
    let rss = b.server.peak_mb();
    b.push("sign-in rush (argon2id)", 256, rush, rss, Target::P99(10_000.0), None);
    b.push("catalogue during the sign-in rush", 16, meanwhile, rss, Target::P99(200.0), None);
    let mut tokens: Vec<String> = Vec::new();
    for entry in token_files() {
        tokens.extend(std::fs::read_to_string(entry.path()).unwrap_or_default().lines().map(str::to_owned));
    }
    notes.push(format!("sign-in rush: {} people signed in; RSS after it {:.0} MB", tokens.len(), b.server.rss_mb()));
    Ok(tokens)
}

/// The server binary with its environment, for the runs without HTTP.
struct Tool<'a> {
    bin: &'a Path,
    env: &'a [(String, String)],
    dir: &'a Path,
}

/// The opening rush for 30 seats (checked exact), then the steady
/// enrol/withdraw mix against the same transaction's ceiling without HTTP.
fn enrolment(
    b: &mut Bench<'_>,
    tool: &Tool<'_>,
    seeded: &str,
    tokens: &[String],
    sizes: Sizes,
    db: &str,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    let addr = b.server.addr;
    let rush_class = json_str(seeded, "rush_class").unwrap_or_default();
    let steady = json_str(seeded, "steady_class").unwrap_or_default();
    let people: Vec<String> = tokens.iter().take(sizes.people).cloned().collect();
    let enrol: Vec<Req> = people
        .iter()
        .map(|t| Req::signed("POST", format!("/api/classes/{rush_class}/enrol"), t, Some("{}".into())))
        .collect();
    let m =
        b.measure(&format!("enrolment rush: {} people, 30 seats", enrol.len()), &enrol, Mode::Once, 256, Target::None)?;
    let class = get(addr, &format!("/api/classes/{rush_class}"), None)?;
    let taken = json_num(&class, "taken").unwrap_or(-1.0);
    let waitlisted = json_num(&class, "waitlisted").unwrap_or(-1.0);
    let exact = taken == 30.0 && waitlisted + taken == m.ok as f64;
    notes.push(format!(
        "enrolment rush: {taken} seats taken of 30, {waitlisted} waitlisted, {} answered 2xx, {} 5xx: {}",
        m.ok,
        m.server,
        if exact { "exact" } else { "NOT exact" }
    ));
    let half = people.len() / 2 * 2;
    let tokens_file = tool.dir.join("tokens");
    let token_text: String = people[..half].iter().map(|t| format!("{t}\n")).collect();
    std::fs::write(&tokens_file, token_text).map_err(|e| e.to_string())?;
    say("bench: the enrolment transaction without HTTP (database ceiling)");
    let ceiling = run_tool(
        tool.bin,
        tool.env,
        &[
            "bench-enrol",
            "--class",
            &steady,
            "--tokens",
            &tokens_file.display().to_string(),
            "--workers",
            "64",
            "--seconds",
            &sizes.seconds.to_string(),
        ],
    )?;
    let db_rate = json_num(&ceiling, "per_second").unwrap_or(f64::NAN);
    notes.push(format!("enrolment ceiling (no HTTP, 64 tasks): {db_rate:.0} transactions/s ({})", ceiling.trim()));
    let mut mix: Vec<Req> = people[..half]
        .iter()
        .map(|t| Req::signed("POST", format!("/api/classes/{steady}/enrol"), t, Some("{}".into())))
        .collect();
    mix.extend(people[..half].iter().map(|t| Req::signed("POST", format!("/api/classes/{steady}/withdraw"), t, None)));
    b.server.reset_peak();
    say("bench: steady enrol/withdraw mix (64 connections)");
    let m = b.run.run("steady", &mix, Mode::Cycle, 64, sizes.seconds)?;
    let rss = b.server.peak_mb();
    let share = if db == "sqlite" { 0.60 } else { 0.50 };
    b.push("enrol/withdraw steady mix", 64, m, rss, Target::ShareOfDb(share), Some(db_rate));
    Ok(())
}

/// Many people asking for the same mentor's soonest slot at once: exactly
/// one booking, the others refused, no 5xx.
fn booking_rush(b: &mut Bench<'_>, tokens: &[String], sizes: Sizes, notes: &mut Vec<String>) -> Result<(), String> {
    let addr = b.server.addr;
    let page = get(addr, "/api/mentors?limit=1", None)?;
    let (Some(mentor), Some(slot)) = (json_str(&page, "id"), json_str(&page, "next_free")) else {
        notes.push(format!("booking rush: no mentor with a free slot ({page})"));
        return Ok(());
    };
    let body =
        format!(r#"{{"starts_at":"{slot}","topic":"开业前咨询","business":"社区便利店，计划三个月内在本街道开业"}}"#);
    let people = tokens.iter().skip(sizes.people).take(256).collect::<Vec<_>>();
    let reqs: Vec<Req> = people
        .iter()
        .map(|t| Req::signed("POST", format!("/api/mentors/{mentor}/appointments"), t, Some(body.clone())))
        .collect();
    let m =
        b.measure(&format!("booking rush: {} people, one slot", reqs.len()), &reqs, Mode::Once, 256, Target::None)?;
    let slots = get(addr, &format!("/api/mentors/{mentor}"), None)?;
    let still_offered = slots.contains(&format!("\"starts_at\":\"{slot}\""));
    let exact = m.ok == 1 && m.server == 0 && !still_offered;
    notes.push(format!(
        "booking rush: {} people asked for {slot} with one mentor: {} booked, {} refused, {} 5xx, the slot {}: {}",
        reqs.len(),
        m.ok,
        m.client,
        m.server,
        if still_offered { "still offered" } else { "no longer offered" },
        if exact { "exact" } else { "NOT exact" }
    ));
    Ok(())
}

/// Submitted claims whose group is verified (the others are held back).
fn claims_to_review(page: &str) -> Vec<String> {
    page.split("{\"id\":\"")
        .skip(1)
        .filter(|item| item.contains("\"group_unverified\":false"))
        .filter_map(|item| item.split_once('"').map(|(id, _)| id.to_owned()))
        .collect()
}

fn pages_certificates(addr: std::net::SocketAddr, officer: &str) -> Result<Vec<String>, String> {
    let page = get(addr, "/api/bureau/claims?status=paid&limit=100", Some(officer))?;
    Ok(json_strs(&page, "certificate_number"))
}
