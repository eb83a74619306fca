//! Sliding renewal: a session in use is renewed (a fresh token, a later
//! expiry) but never past the absolute limit from sign-in; a revoked or
//! expired session cannot be renewed. Sessions remember their device.

use chrono::{DateTime, Duration, Utc};
use malanhua_tests::{PASSWORD, TestApp, read};
use reqwest::StatusCode;
use serde_json::json;

/// Two-hour tokens, twelve hours at most: the defaults.
async fn spawn() -> TestApp {
    TestApp::spawn_with(|c| {
        c.token_minutes = 120;
        c.session_max_minutes = 12 * 60;
    })
    .await
}

fn time(v: &serde_json::Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_default())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Renews with `token`; returns the new token and its expiry.
async fn refresh(app: &TestApp, token: &str) -> (String, DateTime<Utc>) {
    let r = app.post("/api/auth/refresh", Some(token), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    (r.body["token"].as_str().unwrap_or_default().to_owned(), time(&r.body["expires_at"]))
}

fn close(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    (a - b).num_seconds().abs() <= 5
}

#[tokio::test]
async fn renewing_a_session_in_use_moves_its_expiry_and_the_old_token_still_ends_on_time() {
    let app = spawn().await;
    let first = app.trainee("13400000101").await;
    app.advance(Duration::minutes(100));
    let (second, expires) = refresh(&app, &first).await;
    assert!(close(expires, app.now() + Duration::minutes(120)), "{expires} is two hours from now");
    let list = app.get("/api/me/sessions", Some(&second)).await;
    assert_eq!(list.body.as_array().map(Vec::len), Some(1), "{}", list.text);
    assert!(close(time(&list.body[0]["expires_at"]), expires), "the session row moved: {}", list.text);
    app.advance(Duration::minutes(30));
    assert_eq!(app.get("/api/me", Some(&first)).await.code(), "token_expired", "the old token's own time is up");
    assert_eq!(app.get("/api/me", Some(&second)).await.status, StatusCode::OK, "the renewed one goes on");
}

#[tokio::test]
async fn renewal_stops_at_the_absolute_limit_from_sign_in() {
    let app = spawn().await;
    let mut token = app.trainee("13400000102").await;
    let signed_in = app.now();
    let mut expires = signed_in;
    for _ in 0..7 {
        app.advance(Duration::minutes(100));
        (token, expires) = refresh(&app, &token).await;
    }
    assert!(close(expires, signed_in + Duration::hours(12)), "capped at twelve hours: {expires}");
    app.advance(Duration::minutes(19));
    let (_, again) = refresh(&app, &token).await;
    assert!(close(again, expires), "no later than the limit");
    app.advance(Duration::minutes(2));
    let r = app.post("/api/auth/refresh", Some(&token), &json!({})).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "token_expired"), "{}", r.text);
    assert_eq!(app.get("/api/me", Some(&token)).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_revoked_or_expired_session_cannot_be_renewed() {
    let app = spawn().await;
    let ended = app.trainee("13400000103").await;
    assert_eq!(app.post("/api/auth/logout", Some(&ended), &json!({})).await.status, StatusCode::NO_CONTENT);
    let r = app.post("/api/auth/refresh", Some(&ended), &json!({})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "signed out: {}", r.text);
    let everywhere = app.login("13400000103").await;
    assert_eq!(app.post("/api/auth/logout-all", Some(&everywhere), &json!({})).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.post("/api/auth/refresh", Some(&everywhere), &json!({})).await.status, StatusCode::UNAUTHORIZED);
    let idle = app.login("13400000103").await;
    app.advance(Duration::minutes(121));
    let r = app.post("/api/auth/refresh", Some(&idle), &json!({})).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "token_expired"), "{}", r.text);
    assert_eq!(app.post("/api/auth/refresh", None, &json!({})).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_sessions_list_shows_the_device_and_address_of_each_sign_in() {
    let app = spawn().await;
    app.register("13400000104").await;
    let long = format!("Mozilla/5.0 (Linux; Android 14) {}", "x".repeat(400));
    let sign_in = |ua: String| {
        let req = app.client.post(format!("{}/api/auth/login", app.base)).header("user-agent", ua);
        async move {
            read(
                req.json(&json!({ "mobile": "13400000104", "password": PASSWORD }))
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e}")),
            )
            .await
        }
    };
    let phone = sign_in(long.clone()).await;
    assert_eq!(phone.status, StatusCode::OK, "{}", phone.text);
    app.advance(Duration::minutes(1));
    let desk = sign_in("Mozilla/5.0 (Windows NT 10.0) Chrome/131".into()).await;
    let token = desk.body["token"].as_str().unwrap_or_default();
    let r = app.get("/api/me/sessions", Some(token)).await;
    let list = r.body.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 2, "{}", r.text);
    assert_eq!(
        (list[0]["user_agent"].as_str(), list[0]["current"].as_bool()),
        (Some("Mozilla/5.0 (Windows NT 10.0) Chrome/131"), Some(true))
    );
    let trimmed = list[1]["user_agent"].as_str().unwrap_or_default();
    assert_eq!(trimmed.chars().count(), 200, "a long User-Agent is cut");
    assert!(long.starts_with(trimmed));
    assert_eq!(list[1]["ip"], "127.0.0.1");
    assert!(list[1]["created_at"].is_string() && list[1]["expires_at"].is_string());
}
