//! The server killed with SIGKILL in the middle of 200 concurrent payments
//! and enrolments, then restarted: every acknowledged write is there, and
//! nothing is half-written (a paid claim has its one payment and its audit
//! row; seats taken match the roster). The server runs as its own process
//! (`fault-server`) so that the kill is a real one.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use malanhua_tests::subsidies::Setup;
use malanhua_tests::{Parked, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

const PAYMENTS: usize = 30;
const ENROLMENTS: usize = 170;
const SEATS: u32 = 30;
/// Acknowledgements to wait for before the kill.
const KILL_AFTER: usize = 40;

/// What one request was, and what its sender heard.
struct Sent {
    token: String,
    path: String,
    body: Value,
    /// The answer, or `None` when the connection broke.
    heard: Option<(StatusCode, Value)>,
}

/// Starts `fault-server` on the parked database; returns it and its base URL.
async fn start_server(parked: &Parked) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fault-server"))
        .env("DATABASE_URL", &parked.url)
        .env("FAULT_SECRET", &parked.secret)
        .env("FAULT_NOW", parked.now.to_rfc3339())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start fault-server: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let addr = tokio::task::spawn_blocking(move || {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap_or_else(|e| panic!("fault-server output: {e}"));
            if let Some(a) = line.strip_prefix("listening ") {
                return a.to_owned();
            }
        }
        panic!("fault-server ended before listening")
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    (child, format!("http://{addr}"))
}

/// What the kill interrupts: claims past their notice, ready to pay, and a
/// class open for enrolment with trainees signed in.
struct Prepared {
    app: TestApp,
    payer: String,
    staff: String,
    claims: Vec<String>,
    class: String,
    trainees: Vec<String>,
}

async fn prepared() -> Prepared {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let s = app.subsidy_world(Setup { trainees: PAYMENTS as u32, ..Setup::default() }).await;
    let mut claims = Vec::new();
    for (token, _, number) in &s.trainees {
        let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let claim = r.body["claim"]["id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(app.act(&s.w.officer, &claim, json!({ "action": "review" })).await.status, StatusCode::OK);
        claims.push(claim);
    }
    app.verify_groups(&s.w.officer).await;
    for claim in &claims {
        for action in ["approve", "publish"] {
            let r = app.act(&s.officer_b, claim, json!({ "action": action })).await;
            assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.text);
        }
    }
    app.end_notice(&claims[0]).await;
    let class = app.open_class(&s.w, &app.syb_class(&s.w.trainer, SEATS, 10)).await;
    let trainees = app.many_trainees(5_000, ENROLMENTS as u32).await;
    let (payer, staff) = (s.w.officer.clone(), s.w.staff.clone());
    Prepared { app, payer, staff, claims, class, trainees }
}

/// The payments and enrolments, interleaved so both are in flight at the kill.
fn requests(p: &Prepared) -> Vec<(String, String, Value)> {
    let mut enrols = p.trainees.iter().map(|t| (t.clone(), format!("/api/classes/{}/enrol", p.class), json!({})));
    let mut mixed = Vec::new();
    for (i, claim) in p.claims.iter().enumerate() {
        let pay = json!({ "action": "pay", "payment_ref": format!("QD-KILL-{i:03}") });
        mixed.push((p.payer.clone(), format!("/api/claims/{claim}/actions"), pay));
        mixed.extend(enrols.by_ref().take(ENROLMENTS / PAYMENTS));
    }
    mixed.extend(enrols);
    mixed
}

/// Sends every request at once and kills the server after [`KILL_AFTER`]
/// answers; returns what each sender heard.
async fn send_and_kill(base: &str, mut child: Child, calls: Vec<(String, String, Value)>) -> Vec<Sent> {
    let client = reqwest::Client::new();
    let mut set = tokio::task::JoinSet::new();
    for (i, (token, path, body)) in calls.iter().cloned().enumerate() {
        let (client, url) = (client.clone(), format!("{base}{path}"));
        set.spawn(async move {
            let heard = match client.post(url).bearer_auth(token).json(&body).send().await {
                Ok(r) => {
                    let status = r.status();
                    // A body cut off by the kill is no acknowledgement.
                    r.json::<Value>().await.ok().map(|b| (status, b))
                }
                Err(_) => None,
            };
            (i, heard)
        });
    }
    let mut heard: BTreeMap<usize, Option<(StatusCode, Value)>> = BTreeMap::new();
    let mut answered = 0;
    while let Some(done) = set.join_next().await {
        let (i, h) = done.unwrap_or_else(|e| panic!("{e}"));
        answered += usize::from(h.is_some());
        heard.insert(i, h);
        if answered == KILL_AFTER {
            // `Child::kill` sends SIGKILL: no shutdown, no flush, no goodbye.
            child.kill().unwrap_or_else(|e| panic!("SIGKILL: {e}"));
            let _ = child.wait();
        }
    }
    calls
        .into_iter()
        .enumerate()
        .map(|(i, (token, path, body))| Sent { token, path, body, heard: heard.remove(&i).flatten() })
        .collect()
}

fn acknowledged(s: &Sent) -> bool {
    s.heard.as_ref().is_some_and(|(st, _)| st.is_success())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_amid_payments_and_enrolments_loses_no_acknowledged_write() {
    let p = prepared().await;
    let calls = requests(&p);
    assert_eq!(calls.len(), PAYMENTS + ENROLMENTS);
    let Prepared { app, payer, staff, claims, class, .. } = p;
    let parked = app.park().await;
    let (child, base) = start_server(&parked).await;
    let sent = send_and_kill(&base, child, calls).await;
    assert!(sent.iter().any(|s| s.heard.is_none()), "the kill came after every answer: nothing was in flight");
    assert!(sent.iter().filter(|s| acknowledged(s)).count() >= KILL_AFTER);
    assert!(
        sent.iter().filter_map(|s| s.heard.as_ref()).all(|(st, _)| st.is_success()),
        "before the kill every request succeeds"
    );

    // Restarted on the same database.
    let app = TestApp::start(parked, |c| c.pool_size = 8).await;
    for (i, claim) in claims.iter().enumerate() {
        let path = format!("/api/claims/{claim}/actions");
        let acked = sent.iter().any(|s| s.path == path && acknowledged(s));
        let row = app.get(&format!("/api/claims/{claim}"), Some(&payer)).await;
        let paid = row.body["claim"]["status"] == "paid";
        assert!(paid || !acked, "claim {i}: the payment was acknowledged and is gone: {}", row.text);
        let audit = app.claim_audit(claim).await.iter().filter(|a| *a == "claim.pay").count();
        assert_eq!((app.payments(claim).await, audit), if paid { (1, 1) } else { (0, 0) }, "claim {i}: half-written");
    }
    let roster = app.get(&format!("/api/classes/{class}/roster"), Some(&staff)).await;
    let status_of: BTreeMap<String, String> = ["enrolled", "waitlist"]
        .iter()
        .flat_map(|k| roster.body[k].as_array().cloned().unwrap_or_default())
        .filter_map(|e| Some((e["user_id"].as_str()?.to_owned(), e["status"].as_str()?.to_owned())))
        .collect();
    let seated = roster.body["enrolled"].as_array().map_or(0, Vec::len);
    let page = app.get(&format!("/api/classes/{class}"), None).await;
    assert_eq!(page.body["summary"]["taken"].as_u64(), Some(seated as u64), "seats taken match the roster");
    assert!(seated <= SEATS as usize, "oversold: {seated}");
    for s in sent.iter().filter(|s| s.path.ends_with("/enrol") && acknowledged(s)) {
        let me = app.get("/api/me", Some(&s.token)).await;
        let user = me.body["id"].as_str().unwrap_or_default();
        let told = s.heard.as_ref().and_then(|(_, b)| b["status"].as_str());
        assert_eq!(status_of.get(user).map(String::as_str), told, "the acknowledged enrolment of {user} is kept");
    }

    // Whatever was cut off can be sent again, and then every claim is paid once.
    for s in sent.iter().filter(|s| s.heard.is_none()) {
        let r = app.post(&s.path, Some(&s.token), &s.body).await;
        assert!(r.status.is_success() || r.status == StatusCode::CONFLICT, "retry of {}: {}", s.path, r.text);
    }
    for claim in &claims {
        assert_eq!(app.payments(claim).await, 1, "claim {claim} is paid once in the end");
    }
}
