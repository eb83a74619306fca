//! Verified mobiles: one-time codes by SMS for registration, password reset
//! (which also lifts a lock-out); the HTTP sender. Objections with a proved
//! mobile are in `subsidies`.

use std::sync::{Arc, Mutex};

use chrono::Duration;
use malanhua::config::{HttpSms, Secret};
use malanhua_tests::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};
use warp::Filter;

fn registration(mobile: &str, code: &str) -> Value {
    json!({ "mobile": mobile, "password": PASSWORD, "code": code, "privacy_consent": true })
}

#[tokio::test]
async fn a_code_is_sent_the_same_way_whether_or_not_the_mobile_is_taken() {
    let app = TestApp::spawn().await;
    app.register("13912340001").await;
    app.advance(Duration::seconds(61));
    let taken = app.ask_code("13912340001", "register").await;
    let free = app.ask_code("13912340002", "register").await;
    assert_eq!(
        (taken.status, free.status),
        (StatusCode::ACCEPTED, StatusCode::ACCEPTED),
        "{} {}",
        taken.text,
        free.text
    );
    let shape = |v: &Value| (v["resend_after_seconds"].clone(), v["expires_in_seconds"].clone());
    assert_eq!(shape(&taken.body), shape(&free.body));
    assert_eq!(shape(&free.body), (json!(60), json!(300)));
    let strip = |t: String| t.replace(|c: char| c.is_ascii_digit(), "");
    assert_eq!(strip(app.last_sms("13912340001").await), strip(app.last_sms("13912340002").await), "the same text");
    // Only whoever holds the code learns that the number is taken.
    let code = app.sms_code("13912340001").await;
    let r = app.post("/api/auth/register", None, &registration("13912340001", &code)).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "mobile_taken"));
    let code = app.sms_code("13912340002").await;
    assert_eq!(
        app.post("/api/auth/register", None, &registration("13912340002", &code)).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_code_survives_five_wrong_tries_then_a_new_one_is_needed() {
    let app = TestApp::spawn().await;
    let code = app.code_for("13912340003", "register").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let r = app.post("/api/auth/register", None, &registration("13912340003", wrong)).await;
        assert_eq!((r.status, r.field("code")), (StatusCode::BAD_REQUEST, "incorrect"), "{}", r.text);
        assert!(r.body["message"].as_str().unwrap_or("").contains(&format!("{left} tries left")), "{}", r.text);
    }
    let r = app.post("/api/auth/register", None, &registration("13912340003", &code)).await;
    assert_eq!(r.field("code"), "expired", "the sixth try fails even when right: {}", r.text);
    app.advance(Duration::seconds(61));
    let code = app.code_for("13912340003", "register").await;
    assert_eq!(
        app.post("/api/auth/register", None, &registration("13912340003", &code)).await.status,
        StatusCode::CREATED
    );
    let r = app.post("/api/auth/register", None, &registration("13912340003", &code)).await;
    assert_eq!(r.field("code"), "expired", "a code is used once");
    let stored: Vec<String> = app
        .state()
        .db(|c| {
            use diesel::prelude::*;
            use malanhua::core::db::schema::sms_codes;
            Ok(sms_codes::table.select(sms_codes::code_hash).load(c)?)
        })
        .await
        .unwrap_or_default();
    assert!(stored.iter().all(|h| h.len() == 64 && *h != code), "only keyed hashes are kept: {stored:?}");
}

#[tokio::test]
async fn parallel_tries_at_one_code_all_count() {
    let app = TestApp::spawn().await;
    let code = app.code_for("13912340004", "register").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let (client, url) = (app.client.clone(), format!("{}/api/auth/register", app.base));
        let body = registration("13912340004", wrong);
        set.spawn(async move { client.post(url).json(&body).send().await.map(|r| r.status()) });
    }
    while let Some(r) = set.join_next().await {
        assert!(matches!(r, Ok(Ok(StatusCode::BAD_REQUEST))), "{r:?}");
    }
    let r = app.post("/api/auth/register", None, &registration("13912340004", &code)).await;
    assert_eq!(r.field("code"), "expired", "twelve parallel tries spent the code: {}", r.text);
}

#[tokio::test]
async fn a_code_lasts_five_minutes_and_another_waits_a_minute() {
    let app = TestApp::spawn().await;
    let code = app.code_for("13912340005", "register").await;
    let again = app.ask_code("13912340005", "register").await;
    assert_eq!((again.status, again.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"));
    let wait: u64 = again.headers.get("retry-after").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    assert!((55..=60).contains(&wait), "retry after {wait}");
    assert_eq!(app.ask_code("13912340005", "reset").await.status, StatusCode::ACCEPTED, "another purpose");
    app.advance(Duration::minutes(5));
    let r = app.post("/api/auth/register", None, &registration("13912340005", &code)).await;
    assert_eq!(r.field("code"), "expired", "{}", r.text);
}

#[tokio::test]
async fn codes_are_limited_per_address_and_per_mobile() {
    let app = TestApp::spawn_with(|c| {
        c.code_limits.per_ip_per_hour = 3;
        c.code_limits.per_mobile_per_day = 2;
    })
    .await;
    for m in ["13912340010", "13912340011"] {
        assert_eq!(app.ask_code(m, "register").await.status, StatusCode::ACCEPTED);
    }
    app.advance(Duration::seconds(61));
    assert_eq!(app.ask_code("13912340010", "register").await.status, StatusCode::ACCEPTED);
    app.advance(Duration::seconds(61));
    let r = app.ask_code("13912340010", "reset").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "two a day for one mobile: {}", r.text);
    let r = app.ask_code("13912340012", "register").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "three an hour from one address: {}", r.text);
    assert!(r.headers.contains_key("retry-after"));
    app.advance(Duration::hours(1));
    assert_eq!(app.ask_code("13912340012", "register").await.status, StatusCode::ACCEPTED, "an hour later");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_code_and_every_session_ends() {
    let app = TestApp::spawn().await;
    app.register("13912340020").await;
    let old = app.login("13912340020").await;
    let code = app.code_for("13912340020", "reset").await;
    let body = json!({ "mobile": "13912340020", "code": code, "password": "a brand new secret" });
    let r = app.post("/api/auth/reset", None, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let new = r.body["token"].as_str().unwrap_or_default();
    assert_eq!(app.get("/api/me", Some(&old)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/me", Some(new)).await.status, StatusCode::OK);
    assert_eq!(app.login_as("13912340020", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login_as("13912340020", "a brand new secret").await.status, StatusCode::OK);
    let bad = app.post("/api/auth/reset", None, &json!({ "mobile": "139", "code": "12", "password": "x" })).await;
    assert_eq!(
        (bad.field("mobile"), bad.field("code"), bad.field("password")),
        ("invalid_format", "invalid_format", "too_short")
    );
}

#[tokio::test]
async fn a_locked_out_mobile_is_unlocked_by_an_sms_code() {
    let app = TestApp::spawn().await;
    app.register("13912340021").await;
    for _ in 0..5 {
        assert_eq!(app.login_as("13912340021", "not my password").await.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.login_as("13912340021", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS, "locked");
    assert_eq!(app.take_up("13912340021").await.status, StatusCode::OK, "the owner proves the mobile");
    assert_eq!(app.login_as("13912340021", PASSWORD).await.status, StatusCode::OK, "the lock-out is lifted");
}

#[tokio::test]
async fn a_reset_for_a_number_without_an_account_says_so_only_to_its_owner() {
    let app = TestApp::spawn().await;
    let r = app.ask_code("13912340022", "reset").await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "asking tells nothing: {}", r.text);
    let code = app.sms_code("13912340022").await;
    let body = json!({ "mobile": "13912340022", "code": code, "password": PASSWORD });
    let r = app.post("/api/auth/reset", None, &body).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"), "{}", r.text);
    assert_eq!(app.login_as("13912340022", PASSWORD).await.status, StatusCode::UNAUTHORIZED, "nothing was made");
}

/// A stand-in provider: records each JSON body, answers with `status`.
async fn provider(status: u16) -> (String, Arc<Mutex<Vec<Value>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let route = warp::post().and(warp::header::<String>("authorization")).and(warp::body::json()).map(
        move |auth: String, body: Value| {
            log.lock().map(|mut v| v.push(json!({ "auth": auth, "body": body }))).ok();
            warp::reply::with_status("{}", warp::http::StatusCode::from_u16(status).unwrap_or_default())
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    tokio::spawn(warp::serve(route).incoming(listener).run());
    (format!("http://{addr}/send"), seen)
}

fn http_sms(url: String) -> HttpSms {
    HttpSms {
        url,
        key: Secret::new("provider-key"),
        template_code: "SMS_1001".into(),
        template_invite: "SMS_1002".into(),
    }
}

#[tokio::test]
async fn the_http_sender_posts_the_template_and_its_parameters_to_the_provider() {
    let (url, seen) = provider(200).await;
    let app = TestApp::spawn_with(|c| c.sms = Some(http_sms(url))).await;
    assert_eq!(app.ask_code("13912340040", "register").await.status, StatusCode::ACCEPTED);
    let got = seen.lock().map(|v| v.clone()).unwrap_or_default();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["auth"], "Bearer provider-key");
    let body = &got[0]["body"];
    assert_eq!((body["mobile"].as_str(), body["template_id"].as_str()), (Some("13912340040"), Some("SMS_1001")));
    assert_eq!(body["params"]["purpose"], "注册");
    let code = body["params"]["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(code.len(), 6);
    let r = app.post("/api/auth/register", None, &registration("13912340040", &code)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(app.get("/api/dev/sms?mobile=13912340040", None).await.status, StatusCode::NOT_FOUND, "no outbox");
}

#[tokio::test]
async fn a_provider_that_refuses_gives_503_and_the_code_does_not_count() {
    let (url, seen) = provider(500).await;
    let app = TestApp::spawn_with(|c| c.sms = Some(http_sms(url))).await;
    let r = app.ask_code("13912340041", "register").await;
    assert_eq!((r.status, r.code()), (StatusCode::SERVICE_UNAVAILABLE, "unavailable"), "{}", r.text);
    assert!(r.headers.contains_key("retry-after"));
    let again = app.ask_code("13912340041", "register").await;
    assert_eq!(again.status, StatusCode::SERVICE_UNAVAILABLE, "asked again at once, not told to wait a minute");
    assert_eq!(seen.lock().map(|v| v.len()).unwrap_or(0), 2);
}
