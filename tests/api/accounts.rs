use malanhua_tests::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn registering_creates_a_trainee_account_with_an_incomplete_profile() {
    let app = TestApp::spawn().await;
    let r = app.register_as("+86 139 1234 5678", PASSWORD).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["mobile"], "13912345678");
    assert_eq!(r.body["roles"][0]["role"], "trainee");
    assert_eq!(r.body["profile_complete"], false);
}

#[tokio::test]
async fn registering_a_mobile_twice_is_a_conflict_and_keeps_the_first_password() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    app.advance(chrono::Duration::seconds(61));
    let r = app.register_as("13912345678", "another good one").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "told only to whoever proved the mobile: {}", r.text);
    assert_eq!(r.code(), "mobile_taken");
    assert_eq!(r.field("mobile"), "taken");
    assert_eq!(app.login_as("13912345678", "another good one").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login_as("13912345678", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn registering_with_bad_fields_names_each_field() {
    let app = TestApp::spawn().await;
    let r = app.post("/api/auth/register", None, &json!({ "mobile": "12345", "password": "short" })).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.code(), "validation_failed");
    assert_eq!(r.field("mobile"), "invalid_format");
    assert_eq!(r.field("password"), "too_short");
    let r = app.post("/api/auth/register", None, &json!({})).await;
    assert_eq!(r.field("mobile"), "required");
    assert_eq!(r.field("password"), "required");
    assert_eq!(r.field("code"), "required");
    assert_eq!(r.field("privacy_consent"), "required");
}

#[tokio::test]
async fn a_common_password_or_the_mobile_itself_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.register_as("13912345678", "Password123").await;
    assert_eq!(r.field("password"), "common_password");
    let body = json!({ "mobile": "13912345678", "password": "13912345678", "code": "000000", "privacy_consent": true });
    let r = app.post("/api/auth/register", None, &body).await;
    assert_eq!(r.field("password"), "password_is_mobile");
    // Nothing was saved: the number is still free, and the code sent first
    // still works with a better password.
    let code = app.sms_code("13912345678").await;
    let body = json!({ "mobile": "13912345678", "password": PASSWORD, "code": code, "privacy_consent": true });
    assert_eq!(app.post("/api/auth/register", None, &body).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn signing_in_returns_a_token_that_opens_me() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    let r = app.login_as("+8613912345678", PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body["expires_at"].is_string());
    let me = app.get("/api/me", r.body["token"].as_str()).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["mobile"], "13912345678");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_mobile_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    let wrong = app.login_as("13912345678", "not the password").await;
    let unknown = app.login_as("13700000000", PASSWORD).await;
    for r in [&wrong, &unknown] {
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.code(), "invalid_credentials");
    }
    assert_eq!(wrong.body["message"], unknown.body["message"]);
}

#[tokio::test]
async fn repeated_failures_for_one_mobile_are_throttled_even_with_the_right_password() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    app.register("13912345679").await;
    for _ in 0..5 {
        assert_eq!(app.login_as("13912345678", "not the password").await.status, StatusCode::UNAUTHORIZED);
    }
    let r = app.login_as("13912345678", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.code(), "too_many_attempts");
    let retry: u64 =
        r.headers.get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0);
    assert!((1..=900).contains(&retry), "retry-after {retry}");
    // Another number is not affected.
    assert_eq!(app.login_as("13912345679", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_successful_sign_in_resets_the_failure_count() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    for _ in 0..4 {
        app.login_as("13912345678", "not the password").await;
    }
    assert_eq!(app.login_as("13912345678", PASSWORD).await.status, StatusCode::OK);
    for _ in 0..4 {
        app.login_as("13912345678", "not the password").await;
    }
    assert_eq!(app.login_as("13912345678", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_out_makes_the_token_stop_working() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let other = app.login("13912345678").await;
    let r = app.post("/api/auth/logout", Some(&token), &json!({})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    assert_eq!(me.code(), "unauthenticated");
    // Another session of the same person goes on.
    assert_eq!(app.get("/api/me", Some(&other)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_in_with_bad_fields_names_them() {
    let app = TestApp::spawn().await;
    let r = app.login_as("abc", PASSWORD).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.field("mobile"), "invalid_format");
    let r = app.login_as("13912345678", "").await;
    assert_eq!(r.field("password"), "required");
}
