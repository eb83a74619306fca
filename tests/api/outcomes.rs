//! Outcomes after training: who records them, how they are checked, and
//! the follow-up reminders at 3, 6 and 12 months.

use chrono::Duration;
use malanhua_tests::classes::mobile;
use malanhua_tests::subsidies::Setup;
use malanhua_tests::{TestApp, credit_code};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn started(code: &str) -> Value {
    json!({ "status": "started", "started_on": "2026-01-05", "credit_code": code, "industry": "H", "jobs_created": 2 })
}

async fn follow_ups(app: &TestApp, token: &str) -> usize {
    let notes = app.get("/api/me/notifications", Some(token)).await;
    assert_eq!(notes.status, StatusCode::OK, "{}", notes.text);
    notes.text.matches("outcome_follow_up").count()
}

#[tokio::test]
async fn the_holder_records_a_started_business_and_the_institution_and_bureau_read_it() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { trainees: 2, ..Setup::default() }).await;
    let (token, _, number) = &s.trainees[0];
    let path = format!("/api/certificates/{number}/outcome");
    let before = app.get(&path, Some(token)).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.text);
    assert_eq!(before.body["outcome"], Value::Null);
    let months: Vec<u64> =
        before.body["follow_ups"].as_array().into_iter().flatten().filter_map(|p| p["months"].as_u64()).collect();
    assert_eq!(months, [3, 6, 12], "the national default: {}", before.text);
    assert_eq!(before.body["due"], Value::Null, "nothing is due on the day of issue");

    let code = credit_code("92370212MA3C5678Y");
    let mut body = started(&code);
    body["started_on"] = json!(app.now().date_naive().to_string());
    let r = app.put(&path, Some(token), &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["outcome"]["status"], "started");
    assert_eq!(r.body["outcome"]["credit_code"], code.as_str());
    assert_eq!(
        (r.body["outcome"]["industry"].as_str(), r.body["outcome"]["jobs_created"].as_u64()),
        (Some("H"), Some(2))
    );
    assert_eq!(r.body["outcome"]["by_holder"], true);

    let staff = app.get(&path, Some(&s.w.staff)).await;
    assert_eq!((staff.status, &staff.body["outcome"]["status"]), (StatusCode::OK, &json!("started")), "{}", staff.text);
    let officer = app.get(&path, Some(&s.w.officer)).await;
    assert_eq!(officer.status, StatusCode::OK, "the bureau reads it: {}", officer.text);
    let other = app.get(&path, Some(&s.trainees[1].0)).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "another trainee: {}", other.text);
    let beijing = app.officer(&s.w.admin, "13800000021", "110000").await;
    assert_eq!(app.get(&path, Some(&beijing)).await.status, StatusCode::FORBIDDEN, "another region's officer");

    let mine = app.get("/api/me/outcomes", Some(token)).await;
    assert_eq!(mine.body.as_array().map(Vec::len), Some(1), "{}", mine.text);
    assert_eq!(mine.body[0]["number"], number.as_str());
}

#[tokio::test]
async fn the_institution_may_record_during_follow_up_but_the_bureau_may_not() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let path = format!("/api/certificates/{number}/outcome");
    let r = app.put(&path, Some(&s.w.staff), &json!({ "status": "not_yet" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        (r.body["outcome"]["status"].as_str(), r.body["outcome"]["by_holder"].as_bool()),
        (Some("not_yet"), Some(false))
    );
    let r = app.put(&path, Some(&s.w.officer), &json!({ "status": "not_yet" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the bureau reads, the institution records: {}", r.text);
    // The holder corrects it later; the last record stands.
    let r = app.put(&path, Some(token), &started(&credit_code("91370212MA3C1234X"))).await;
    assert_eq!((r.status, &r.body["outcome"]["by_holder"]), (StatusCode::OK, &json!(true)), "{}", r.text);
}

#[tokio::test]
async fn a_bad_credit_code_industry_date_or_job_count_is_named_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let path = format!("/api/certificates/{number}/outcome");
    assert_eq!(app.put(&path, Some(token), &json!({ "status": "not_yet" })).await.status, StatusCode::OK);

    let good = credit_code("91370212MA3C1234X");
    let last = good.chars().last().unwrap_or('0');
    let wrong_check = format!("{}{}", &good[..17], if last == '0' { '1' } else { '0' });
    let cases = [
        ("credit_code", json!(wrong_check), "invalid_checksum"),
        ("credit_code", json!("91370212"), "invalid_format"),
        ("credit_code", json!(""), "required"),
        ("industry", json!("Z"), "invalid_format"),
        ("industry", json!(""), "required"),
        ("jobs_created", json!(-1), "out_of_range"),
        ("jobs_created", json!(10_001), "out_of_range"),
        ("started_on", json!((app.now() + Duration::days(2)).date_naive().to_string()), "out_of_range"),
    ];
    for (field, value, code) in cases {
        let mut body = started(&good);
        body[field] = value.clone();
        let r = app.put(&path, Some(token), &body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}={value}: {}", r.text);
        assert_eq!(r.field(field), code, "{field}={value}: {}", r.text);
    }
    let r = app.put(&path, Some(token), &json!({ "status": "not_yet", "industry": "H" })).await;
    assert_eq!(r.field("industry"), "not_allowed", "{}", r.text);
    let r = app.put(&path, Some(token), &json!({})).await;
    assert_eq!(r.field("status"), "required", "{}", r.text);
    let kept = app.get(&path, Some(token)).await;
    assert_eq!(kept.body["outcome"]["status"], "not_yet", "nothing changed: {}", kept.text);
}

#[tokio::test]
async fn a_revoked_certificate_takes_no_outcome() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let r = app
        .post(&format!("/api/certificates/{number}/revoke"), Some(&s.w.officer), &json!({ "reason": "材料造假" }))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app.put(&format!("/api/certificates/{number}/outcome"), Some(token), &json!({ "status": "not_yet" })).await;
    assert_eq!(r.code(), "wrong_state", "{}", r.text);
    let mine = app.get("/api/me/outcomes", Some(token)).await;
    assert_eq!(mine.body.as_array().map(Vec::len), Some(0), "{}", mine.text);
}

#[tokio::test]
async fn follow_up_reminders_come_once_at_each_point_until_a_business_is_started() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let number = s.trainees[0].2.clone();
    let path = format!("/api/certificates/{number}/outcome");
    let tick = || async { malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e:?}")) };

    tick().await;
    let token = app.login(&mobile(1)).await;
    assert_eq!(follow_ups(&app, &token).await, 0, "nothing is due yet");

    app.advance(Duration::days(93));
    tick().await;
    tick().await;
    let token = app.login(&mobile(1)).await;
    assert_eq!(follow_ups(&app, &token).await, 1, "the 3-month point, once");
    let due = app.get(&path, Some(&token)).await;
    assert_eq!(due.body["due"]["months"], 3, "{}", due.text);
    assert_eq!(app.put(&path, Some(&token), &json!({ "status": "not_yet" })).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&token)).await.body["due"], Value::Null, "answered");

    app.advance(Duration::days(92));
    tick().await;
    let token = app.login(&mobile(1)).await;
    assert_eq!(follow_ups(&app, &token).await, 2, "the 6-month point asks again");
    let mut body = started(&credit_code("92370212MA3C5678Y"));
    body["started_on"] = json!(app.now().date_naive().to_string());
    assert_eq!(app.put(&path, Some(&token), &body).await.status, StatusCode::OK);

    app.advance(Duration::days(190));
    tick().await;
    let token = app.login(&mobile(1)).await;
    assert_eq!(follow_ups(&app, &token).await, 2, "a started business ends the follow-up");
}
