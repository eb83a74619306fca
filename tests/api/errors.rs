use malanhua_tests::TestApp;
use reqwest::StatusCode;

async fn raw_post(app: &TestApp, path: &str, content_type: &str, body: Vec<u8>) -> malanhua_tests::TestResponse {
    let resp = app
        .client
        .post(format!("{}{path}", app.base))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    malanhua_tests::read(resp).await
}

fn assert_error_shape(r: &malanhua_tests::TestResponse) {
    assert!(r.body["code"].is_string(), "not an error body: {}", r.text);
    assert!(r.body["message"].is_string());
    assert!(r.body["fields"].is_object());
    assert!(r.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("application/json"));
}

#[tokio::test]
async fn malformed_json_gets_a_400_error_body() {
    let app = TestApp::spawn().await;
    let r = raw_post(&app, "/api/auth/register", "application/json", b"{\"mobile\": ".to_vec()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.code(), "malformed_body");
    assert_error_shape(&r);
    let r = raw_post(&app, "/api/auth/register", "application/json", b"{\"mobile\": 5}".to_vec()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.code(), "malformed_body");
}

#[tokio::test]
async fn a_body_that_is_not_json_gets_415() {
    let app = TestApp::spawn().await;
    let r = raw_post(&app, "/api/auth/login", "text/plain", b"mobile=1".to_vec()).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.code(), "unsupported_media_type");
    assert_error_shape(&r);
}

#[tokio::test]
async fn an_oversized_body_gets_413() {
    let app = TestApp::spawn().await;
    let big = format!("{{\"mobile\": \"{}\"}}", "1".repeat(100 * 1024));
    let r = raw_post(&app, "/api/auth/register", "application/json", big.into_bytes()).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload_too_large");
    assert_error_shape(&r);
}

#[tokio::test]
async fn an_unknown_api_path_gets_a_json_404_and_a_wrong_method_405() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/no-such-thing", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
    assert_error_shape(&r);
    let r = app.request(reqwest::Method::POST, "/api/no/such/thing", None, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.request(reqwest::Method::DELETE, "/api/me", None, None).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.code(), "method_not_allowed");
    assert_error_shape(&r);
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/health", None).await;
    assert_eq!(r.headers.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
    assert_eq!(r.headers.get("x-frame-options").and_then(|v| v.to_str().ok()), Some("DENY"));
}
