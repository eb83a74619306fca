//! Credential and role lifecycle: a password change needs the old one and
//! ends the other sessions; signing out everywhere ends them all; revoking
//! a role ends the person's sessions at once.

use malanhua_tests::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::json;

const NEW_PASSWORD: &str = "autumn rivers 9";

#[tokio::test]
async fn changing_the_password_needs_the_old_one_and_ends_the_other_sessions() {
    let app = TestApp::spawn().await;
    let here = app.trainee("13400000001").await;
    let phone = app.login("13400000001").await;
    let sessions = app.get("/api/me/sessions", Some(&here)).await;
    let list = sessions.body.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 2, "{}", sessions.text);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let wrong = app
        .put("/api/me/password", Some(&here), &json!({ "old_password": "not it", "new_password": NEW_PASSWORD }))
        .await;
    assert_eq!((wrong.status, wrong.field("old_password")), (StatusCode::BAD_REQUEST, "incorrect"), "{}", wrong.text);
    let weak =
        app.put("/api/me/password", Some(&here), &json!({ "old_password": PASSWORD, "new_password": "123" })).await;
    assert_eq!(weak.field("new_password"), "too_short", "{}", weak.text);
    assert_eq!(app.login_as("13400000001", PASSWORD).await.status, StatusCode::OK, "nothing changed yet");
    let ok = app
        .put("/api/me/password", Some(&here), &json!({ "old_password": PASSWORD, "new_password": NEW_PASSWORD }))
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    assert_eq!(app.get("/api/me", Some(&here)).await.status, StatusCode::OK, "this session goes on");
    assert_eq!(app.get("/api/me", Some(&phone)).await.status, StatusCode::UNAUTHORIZED, "the other one ended");
    assert_eq!(app.login_as("13400000001", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login_as("13400000001", NEW_PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn guessing_the_old_password_is_throttled_like_a_sign_in() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13400000002").await;
    for _ in 0..5 {
        let r = app
            .put("/api/me/password", Some(&token), &json!({ "old_password": "guess", "new_password": NEW_PASSWORD }))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
    let r = app
        .put("/api/me/password", Some(&token), &json!({ "old_password": PASSWORD, "new_password": NEW_PASSWORD }))
        .await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"), "{}", r.text);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let app = TestApp::spawn().await;
    let a = app.trainee("13400000003").await;
    let b = app.login("13400000003").await;
    assert_eq!(app.post("/api/auth/logout-all", Some(&a), &json!({})).await.status, StatusCode::NO_CONTENT);
    for t in [&a, &b] {
        assert_eq!(app.get("/api/me", Some(t)).await.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.login_as("13400000003", PASSWORD).await.status, StatusCode::OK, "signing in again works");
}

#[tokio::test]
async fn revoking_a_role_ends_its_sessions_and_the_role_stops_working() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13400000010").await;
    let officer = app.officer(&admin, "13400000011", "370200").await;
    let me = app.get("/api/me", Some(&officer)).await;
    let id = me.body["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/users/{id}/roles/revoke");
    let no_reason = app.post(&path, Some(&admin), &json!({ "role": "bureau_officer" })).await;
    assert_eq!(no_reason.field("reason"), "required", "{}", no_reason.text);
    let by_officer = app.post(&path, Some(&officer), &json!({ "role": "bureau_officer", "reason": "调岗" })).await;
    assert_eq!(by_officer.status, StatusCode::FORBIDDEN, "{}", by_officer.text);
    let r = app.post(&path, Some(&admin), &json!({ "role": "bureau_officer", "reason": "调岗" })).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(app.get("/api/me", Some(&officer)).await.status, StatusCode::UNAUTHORIZED, "the session ended at once");
    let again = app.login("13400000011").await;
    let policy =
        json!({ "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80 });
    let r = app.put("/api/policies/370200/syb", Some(&again), &policy).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no officer powers any more: {}", r.text);
    let twice = app.post(&path, Some(&admin), &json!({ "role": "bureau_officer", "reason": "调岗" })).await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_officer_revokes_staff_of_an_institution_in_the_region_only() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13400000020").await;
    let qingdao = app.officer(&admin, "13400000021", "370200").await;
    let hohhot = app.officer(&admin, "13400000022", "150100").await;
    let body = json!({ "institution_name": "崂山创业学校", "region": "370212", "mobile": "13400000023",
                       "real_name": "赵敏" });
    let r = app.post("/api/admin/institution-accounts", Some(&qingdao), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(app.take_up("13400000023").await.status, StatusCode::OK);
    let staff = app.login("13400000023").await;
    let id = app.get("/api/me", Some(&staff)).await.body["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/users/{id}/roles/revoke");
    let body = json!({ "role": "institution_staff", "reason": "离职" });
    assert_eq!(app.post(&path, Some(&hohhot), &body).await.status, StatusCode::FORBIDDEN, "another region's officer");
    assert_eq!(app.post(&path, Some(&qingdao), &body).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/me", Some(&staff)).await.status, StatusCode::UNAUTHORIZED);
}
