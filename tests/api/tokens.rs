use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap_or_default();
    serde_json::from_slice(&B64.decode(payload).unwrap_or_default()).unwrap_or(Value::Null)
}

fn sign(alg: Algorithm, secret: &str, claims: &Value) -> String {
    encode(&Header::new(alg), claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap_or_default()
}

async fn assert_refused(app: &TestApp, token: &str, code: &str) {
    let r = app.get("/api/me", Some(token)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    assert_eq!(r.code(), code);
    assert_eq!(r.headers.get("www-authenticate").and_then(|v| v.to_str().ok()), Some("Bearer"));
}

#[tokio::test]
async fn a_request_without_a_token_is_unauthenticated() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/me", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "unauthenticated");
    let r = app.request(reqwest::Method::GET, "/api/me", None, None).await;
    assert_eq!(r.code(), "unauthenticated");
}

#[tokio::test]
async fn a_tampered_token_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let victim = app.register("13912345679").await;
    let mut claims = claims_of(&token);
    claims["sub"] = victim["id"].clone();
    let parts: Vec<&str> = token.split('.').collect();
    let forged = format!("{}.{}.{}", parts[0], B64.encode(claims.to_string()), parts[2]);
    assert_refused(&app, &forged, "unauthenticated").await;
    assert_refused(&app, "not.a.token", "unauthenticated").await;
}

#[tokio::test]
async fn a_token_with_algorithm_none_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let header = B64.encode(json!({ "alg": "none", "typ": "JWT" }).to_string());
    let unsigned = format!("{header}.{}.", B64.encode(claims_of(&token).to_string()));
    assert_refused(&app, &unsigned, "unauthenticated").await;
}

#[tokio::test]
async fn a_token_signed_with_another_algorithm_or_key_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let claims = claims_of(&token);
    assert_refused(&app, &sign(Algorithm::HS512, &app.secret, &claims), "unauthenticated").await;
    assert_refused(&app, &sign(Algorithm::HS384, &app.secret, &claims), "unauthenticated").await;
    assert_refused(&app, &sign(Algorithm::HS256, "some other secret of enough length!", &claims), "unauthenticated")
        .await;
    // The same claims signed the server's way are accepted: the refusals above are about the signature.
    assert_eq!(app.get("/api/me", Some(&sign(Algorithm::HS256, &app.secret, &claims))).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_expired_token_is_refused_as_expired() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let mut claims = claims_of(&token);
    let past = app.now().timestamp() - 3600;
    claims["iat"] = json!(past - 7200);
    claims["exp"] = json!(past);
    assert_refused(&app, &sign(Algorithm::HS256, &app.secret, &claims), "token_expired").await;
}

#[tokio::test]
async fn a_token_without_expiry_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let mut claims = claims_of(&token);
    claims.as_object_mut().map(|o| o.remove("exp"));
    assert_refused(&app, &sign(Algorithm::HS256, &app.secret, &claims), "unauthenticated").await;
}

#[tokio::test]
async fn a_validly_signed_token_for_an_unknown_session_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let mut claims = claims_of(&token);
    claims["sid"] = json!(uuid::Uuid::new_v4().to_string());
    assert_refused(&app, &sign(Algorithm::HS256, &app.secret, &claims), "unauthenticated").await;
}
