//! Mentors' service fees: a line only for a confirmed service, one per
//! service and kind, cut and then refused at the yearly cap; the monthly
//! batch; the bureau's confirmation of group sessions.

use chrono::{Duration, TimeZone, Utc};
use malanhua_tests::TestApp;
use malanhua_tests::studios::fee_policy;
use reqwest::StatusCode;
use serde_json::json;

async fn claim_line(app: &TestApp, mentor: &str, record: &str) -> malanhua_tests::TestResponse {
    app.post("/api/me/mentor/fees", Some(mentor), &json!({ "record_id": record })).await
}

#[tokio::test]
async fn a_line_needs_a_confirmed_service_and_the_yearly_cap_cuts_then_refuses() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(0).await;
    let r = app.put("/api/fee-policies/370200", Some(&w.officer_a), &fee_policy()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let bad = app.put("/api/fee-policies/370200", Some(&w.officer_a), &json!({ "one_to_one": [] })).await;
    assert_eq!((bad.field("one_to_one"), bad.field("effective_from")), ("required", "required"));
    let person = app.trainee_with_profile(720).await;
    let later = app.services(&w.leader, std::slice::from_ref(&person), false).await;
    app.refresh(&mut w).await;
    let unconfirmed = claim_line(&app, &w.leader.0, &later[0].0).await;
    assert_eq!(unconfirmed.code(), "not_eligible");
    assert_eq!(unconfirmed.body["message"], "not eligible: service_not_confirmed", "{}", unconfirmed.text);
    let first = claim_line(&app, &w.leader.0, &w.records[0]).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let lines = first.body["lines"].as_array().cloned().unwrap_or_default();
    assert_eq!(lines.len(), 2, "fee and transport (offline): {}", first.text);
    assert_eq!(first.body["claimed_fen"], 25_000);
    assert_eq!(first.body["claims"][0]["status"], "draft");
    assert_eq!(first.body["claims"][0]["claim_kind"], "service_fee");
    assert_eq!(first.body["claims"][0]["amount_fen"], 25_000);
    let again = claim_line(&app, &w.leader.0, &w.records[0]).await;
    assert_eq!(again.body["message"], "not eligible: service_already_claimed");
    let second = claim_line(&app, &w.leader.0, &w.records[1]).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.text);
    assert_eq!(second.body["claimed_fen"], 45_000, "20,000 left: the fee fits, the transport is dropped");
    assert_eq!(second.body["claims"].as_array().map(Vec::len), Some(1), "one draft a month");
    assert_eq!(second.body["claims"][0]["amount_fen"], 45_000);
    let third = claim_line(&app, &w.leader.0, &w.records[2]).await;
    assert_eq!(third.body["message"], "not eligible: over_yearly_cap", "{}", third.text);
    let stranger = claim_line(&app, &w.leader.0, "no-such-record").await;
    assert_eq!(stranger.field("record_id"), "unknown_reference");
    let overview = app.get("/api/me/mentor/fees", Some(&w.leader.0)).await;
    let unclaimed = overview.body["unclaimed"].as_array().cloned().unwrap_or_default();
    assert_eq!(unclaimed.len(), 2, "{}", overview.text);
    // The mentor files the month's claim; the bureau's worklist shows it by kind.
    let claim = overview.body["claims"][0]["id"].as_str().unwrap_or_default().to_owned();
    let filed = app.post(&format!("/api/claims/{claim}/submit"), Some(&w.leader.0), &json!({})).await;
    assert_eq!(
        (filed.status, filed.body["claim"]["status"].as_str()),
        (StatusCode::OK, Some("submitted")),
        "{}",
        filed.text
    );
    let list = app.get("/api/bureau/claims?claim_kind=service_fee", Some(&w.officer_a)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1), "{}", list.text);
    assert_eq!(list.body["items"][0]["subject"], "2026-12");
}

#[tokio::test]
async fn the_monthly_batch_drafts_last_months_services_and_group_sessions_need_the_bureau() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(0).await;
    app.put("/api/fee-policies/370200", Some(&w.officer_a), &fee_policy()).await;
    // A group session on the next weekday, recorded and attended.
    let start = malanhua_tests::studios::weekday_9(app.now(), 0);
    let body = json!({ "topic": "创业政策解读", "starts_at": start.to_rfc3339(),
                       "ends_at": (start + Duration::hours(2)).to_rfc3339(), "place": "崂山区创业大厦", "seats": 20 });
    let g = app.post(&format!("/api/mentors/{}/group-sessions", w.leader.1), Some(&w.leader.0), &body).await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text);
    let group = g.body["id"].as_str().unwrap_or_default().to_owned();
    app.travel_to(start + Duration::hours(1));
    app.refresh(&mut w).await;
    let r = app
        .post(
            &format!("/api/group-sessions/{group}/record"),
            Some(&w.leader.0),
            &malanhua_tests::studios::record_body(120, true),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let overview = app.get("/api/me/mentor/fees", Some(&w.leader.0)).await;
    let group_line = overview.body["unclaimed"].as_array().into_iter().flatten().find(|u| u["group"] == true).cloned();
    let group_line = group_line.unwrap_or_else(|| panic!("{}", overview.text));
    assert_eq!(group_line["reasons"], json!(["service_not_confirmed"]), "the bureau has not confirmed it");
    let by_mentor =
        app.post(&format!("/api/group-sessions/{group}/confirm-service"), Some(&w.leader.0), &json!({})).await;
    assert_eq!(by_mentor.status, StatusCode::FORBIDDEN);
    let waiting = app.get("/api/bureau/group-services", Some(&w.officer_a)).await;
    assert_eq!(
        (waiting.body[0]["session_id"].as_str(), waiting.body[0]["minutes"].as_u64()),
        (Some(group.as_str()), Some(120)),
        "{}",
        waiting.text
    );
    assert!(waiting.body[0]["confirmed_at"].is_null());
    let r = app.post(&format!("/api/group-sessions/{group}/confirm-service"), Some(&w.officer_a), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let confirmed = app.get("/api/bureau/group-services", Some(&w.officer_a)).await;
    assert!(confirmed.body[0]["confirmed_at"].is_string(), "{}", confirmed.text);
    let twice = app.post(&format!("/api/group-sessions/{group}/confirm-service"), Some(&w.officer_a), &json!({})).await;
    assert_eq!(twice.code(), "wrong_state");
    // In January the batch drafts December's services: the group session and
    // the confirmed one-to-one services, up to the cap.
    app.travel_to(Utc.with_ymd_and_hms(2027, 1, 4, 1, 0, 0).single().unwrap_or_default());
    app.refresh(&mut w).await;
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e}"));
    let after = app.get("/api/me/mentor/fees", Some(&w.leader.0)).await;
    let claims = after.body["claims"].as_array().cloned().unwrap_or_default();
    assert_eq!(claims.len(), 1, "{}", after.text);
    assert_eq!((claims[0]["status"].as_str(), claims[0]["subject"].as_str()), (Some("draft"), Some("2026-12")));
    assert_eq!(claims[0]["amount_fen"], 45_000, "the 2026 cap holds: {}", after.text);
    let kinds: Vec<&str> =
        after.body["lines"].as_array().into_iter().flatten().filter_map(|l| l["kind"].as_str()).collect();
    assert!(!kinds.is_empty(), "{}", after.text);
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e}"));
    let same = app.get("/api/me/mentor/fees", Some(&w.leader.0)).await;
    assert_eq!(same.body["lines"], after.body["lines"], "a second run drafts nothing more");
}
