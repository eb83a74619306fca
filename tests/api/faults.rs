//! Overload and faults: a saturated pool or hashing queue answers 503 with
//! `Retry-After` and a JSON body (health says degraded), racing writers get
//! 409 and never 500, and instances starting together migrate once.

use malanhua::App;
use malanhua::config::{Config, Secret};
use malanhua_tests::studios::{fee_policy, studio_policy};
use malanhua_tests::{DbKind, PASSWORD, TestApp, TestDb, db_kind, read};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_pool_time_out_answers_503_with_retry_after_and_health_says_degraded() {
    let app = TestApp::spawn_with(|c| {
        c.pool_size = 2;
        c.pool_wait_secs = 1;
    })
    .await;
    assert_eq!(app.get("/api/health", None).await.status, StatusCode::OK);
    let pool = app.state().pool.clone();
    let held = tokio::task::spawn_blocking(move || (0..2).map(|_| pool.get()).collect::<Result<Vec<_>, _>>())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("hold the connections: {e}"));
    let r = app.get("/api/regions", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text);
    assert_eq!(r.code(), "unavailable");
    assert_eq!(r.headers.get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
    let health = app.get("/api/health", None).await;
    assert_eq!(
        (health.status, health.body["status"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("degraded")),
        "{}",
        health.text
    );
    assert!(health.headers.contains_key("retry-after"));
    drop(held);
    let again = app.get("/api/health", None).await;
    assert_eq!((again.status, again.body["status"].as_str()), (StatusCode::OK, Some("ok")), "recovered");
}

#[tokio::test]
async fn a_full_hashing_queue_answers_503_at_once_and_frees_as_turns_end() {
    let app = TestApp::spawn_with(|c| c.hash_queue = 1).await;
    app.register("13700000001").await;
    let mut held = Vec::new();
    while let Ok(place) = app.state().hashing.place() {
        held.push(place);
        assert!(held.len() < 1_000, "the queue is bounded");
    }
    let r = app.login_as("13700000001", PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::SERVICE_UNAVAILABLE, "unavailable"), "{}", r.text);
    assert!(r.headers.contains_key("retry-after"));
    let code = app.code_for("13700000002", "register").await;
    let body = json!({ "mobile": "13700000002", "password": PASSWORD, "code": code, "privacy_consent": true });
    let reg = app.post("/api/auth/register", None, &body).await;
    assert_eq!(reg.status, StatusCode::SERVICE_UNAVAILABLE, "{}", reg.text);
    drop(held);
    assert_eq!(app.login_as("13700000001", PASSWORD).await.status, StatusCode::OK);
    let reg = app.post("/api/auth/register", None, &body).await;
    assert_eq!(reg.status, StatusCode::CREATED, "the code was not spent by the busy answer: {}", reg.text);
}

#[tokio::test]
async fn officers_saving_the_same_policy_version_at_once_get_200_or_409_never_500() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13700000010").await;
    let officer = app.officer(&admin, "13700000011", "370200").await;
    let mut set = tokio::task::JoinSet::new();
    for i in 0..12_i64 {
        let client = app.client.clone();
        let (url, token) = if i % 2 == 0 {
            (format!("{}/api/studio-policies/370200", app.base), officer.clone())
        } else {
            (format!("{}/api/fee-policies/370200", app.base), officer.clone())
        };
        let mut body = if i % 2 == 0 { studio_policy() } else { fee_policy() };
        body["notice_days"] = json!(5 + i);
        set.spawn(async move {
            match client.put(url).bearer_auth(token).json(&body).send().await {
                Ok(r) => Some(read(r).await),
                Err(_) => None,
            }
        });
    }
    let mut statuses = Vec::new();
    while let Some(r) = set.join_next().await {
        let r = r.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("no answer"));
        assert!(r.status == StatusCode::OK || r.code() == "conflict", "{} {}", r.status, r.text);
        statuses.push(r.status);
    }
    assert!(statuses.contains(&StatusCode::OK), "someone's save lands: {statuses:?}");
    let kept = app.get("/api/studio-policies/370200", Some(&officer)).await;
    assert_eq!(kept.body.as_array().map(Vec::len), Some(1), "one version of that date: {}", kept.text);
}

#[tokio::test]
async fn instances_starting_together_on_one_database_migrate_once() {
    if db_kind() == DbKind::Sqlite {
        // One process owns an SQLite file; several instances are a
        // PostgreSQL deployment.
        return;
    }
    let (_db, url) = TestDb::create();
    let mut starts = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let config = Config::for_database(url.clone(), Secret::new("x".repeat(32)));
        starts.spawn(App::build(config));
    }
    while let Some(started) = starts.join_next().await {
        let app = started.unwrap_or_else(|e| panic!("{e}"));
        assert!(app.is_ok(), "every instance starts: {:?}", app.err());
    }
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(diesel::QueryableByName)]
struct Synchronous {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    synchronous: i32,
}

#[tokio::test]
async fn a_backup_taken_while_serving_holds_every_committed_account() {
    let app = TestApp::spawn().await;
    for i in 0..3 {
        app.register(&format!("1370000002{i}")).await;
    }
    let dir = std::env::temp_dir().join(format!("malanhua-backup-{}", uuid::Uuid::new_v4().simple()));
    let to = dir.join("copy.db");
    let (pool, path) = (app.state().pool.clone(), to.clone());
    let taken = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
        malanhua::core::db::backup(&mut conn, &path).map_err(|e| e.to_string())
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    if db_kind() == DbKind::Postgres {
        assert!(taken.as_ref().is_err_and(|e| e.contains("pg_dump")), "PostgreSQL is told to use pg_dump: {taken:?}");
        return;
    }
    assert!(taken.as_ref().is_ok_and(|bytes| *bytes > 0), "{taken:?}");
    let copy = App::build(Config::for_database(to.display().to_string(), Secret::new("y".repeat(32))))
        .await
        .unwrap_or_else(|e| panic!("the copy opens and is migrated: {e}"));
    let counted = copy
        .state
        .db(|c| {
            let n: Count = diesel::RunQueryDsl::get_result(
                diesel::sql_query("SELECT count(*) AS n FROM users WHERE mobile LIKE '137000000%'"),
                c,
            )?;
            let s: Synchronous = diesel::RunQueryDsl::get_result(diesel::sql_query("PRAGMA synchronous"), c)?;
            Ok((n.n, s.synchronous))
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(counted, (3, 2), "three accounts, and connections commit with synchronous = FULL (2)");
    let again = tokio::task::spawn_blocking({
        let pool = app.state().pool.clone();
        move || {
            malanhua::core::db::backup(&mut pool.get().unwrap_or_else(|e| panic!("{e}")), &to)
                .map_err(|e| e.to_string())
        }
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.is_err_and(|e| e.contains("already exists")), "an existing file is never overwritten");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn unsigned_calls_and_objections_are_limited_per_address_with_retry_after() {
    let app = TestApp::spawn_with(|c| {
        c.public_per_minute = 3;
        c.objections_per_day = 1;
    })
    .await;
    for _ in 0..3 {
        assert_eq!(app.get("/api/verify/MLH-NOPE", None).await.status, StatusCode::OK);
    }
    let r = app.get("/api/notices", None).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"), "{}", r.text);
    let wait: u64 = r.headers.get("retry-after").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    assert!((1..=60).contains(&wait), "retry after {wait}");
    app.advance(chrono::Duration::seconds(61));
    assert_eq!(app.get("/api/mentors", None).await.status, StatusCode::OK, "a new minute");
    let body = json!({ "reason": "此人并未参加培训，补贴不应发放" });
    let first = app.post("/api/notices/01-no-such-claim/objections", None, &body).await;
    assert_ne!(first.status, StatusCode::TOO_MANY_REQUESTS, "{}", first.text);
    let second = app.post("/api/notices/01-no-such-claim/objections", None, &body).await;
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS, "{}", second.text);
}

#[derive(diesel::QueryableByName)]
struct Kept {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    sessions: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    failures: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    keys: i64,
}

async fn kept(app: &TestApp) -> (i64, i64, i64) {
    app.state()
        .db(|c| {
            let q = diesel::sql_query(
                "SELECT (SELECT count(*) FROM sessions) AS sessions, \
                 (SELECT count(*) FROM login_failures) AS failures, \
                 (SELECT count(*) FROM idempotency_keys) AS keys",
            );
            let k: Kept = diesel::RunQueryDsl::get_result(q, c)?;
            Ok((k.sessions, k.failures, k.keys))
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn the_background_job_purges_ended_sessions_old_failures_and_idempotency_records() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13700000030").await;
    assert_eq!(app.login_as("13700000030", "not the password").await.status, StatusCode::UNAUTHORIZED);
    let profile = json!({ "real_name": "张三", "resident_id": "110105199003071234", "region": "110105" });
    let r = app.keyed(reqwest::Method::PUT, "/api/me/profile", Some(&token), Some(&profile), "retention-1").await;
    assert!(r.status.is_success() || r.status.is_client_error(), "{}", r.text);
    assert_eq!(app.post("/api/auth/logout", Some(&token), &json!({})).await.status, StatusCode::NO_CONTENT);
    let before = kept(&app).await;
    assert!(before.0 >= 1 && before.1 >= 1 && before.2 >= 1, "something to purge: {before:?}");
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept(&app).await, before, "nothing is past its period yet");
    app.advance(chrono::Duration::days(31));
    let fresh = app.login("13700000030").await;
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept(&app).await, (1, 0, 0), "only today's session is left");
    assert_eq!(app.get("/api/me", Some(&fresh)).await.status, StatusCode::OK);
}
