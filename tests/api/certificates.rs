use malanhua_tests::TestApp;
use malanhua_tests::classes::World;
use reqwest::StatusCode;
use serde_json::{Value, json};

struct Class {
    id: String,
    sessions: Vec<String>,
    trainees: Vec<(String, String)>,
}

/// An approved class of two sessions with `n` trainees enrolled (token, user id).
async fn class_with_trainees(app: &TestApp, w: &World, n: u32) -> Class {
    let id = app.open_class(w, &app.syb_class(&w.trainer, 10, 10)).await;
    let mut trainees = Vec::new();
    for i in 1..=n {
        let token = app.trainee_with_profile(i).await;
        let r = app.post(&format!("/api/classes/{id}/enrol"), Some(&token), &json!({})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let me = app.get("/api/me", Some(&token)).await;
        trainees.push((token, me.body["id"].as_str().unwrap_or_default().to_owned()));
    }
    let sessions = app.session_ids(&id).await;
    Class { id, sessions, trainees }
}

fn reasons(review: &Value, user: &str) -> Vec<String> {
    review["lines"]
        .as_array()
        .and_then(|a| a.iter().find(|l| l["user_id"] == user))
        .and_then(|l| l["reasons"].as_array())
        .map(|r| r.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_class_runs_from_attendance_to_certificates_that_anyone_can_verify() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 3).await;
    let (a, b, cc) = (&c.trainees[0], &c.trainees[1], &c.trainees[2]);
    // The first session is over; the second began twenty minutes ago.
    app.into_session(&c.id, 1, 20).await;

    let marks = json!({ "marks": [
        { "user_id": a.1, "mark": "present" }, { "user_id": b.1, "mark": "late" }, { "user_id": cc.1, "mark": "absent" }
    ]});
    let r = app.put(&format!("/api/sessions/{}/attendance", c.sessions[0]), Some(&w.staff), &marks).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["lines"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        app.put(&format!("/api/sessions/{}/attendance", c.sessions[0]), Some(&a.0), &marks).await.status,
        StatusCode::FORBIDDEN
    );

    let code = app.post(&format!("/api/sessions/{}/checkin-code", c.sessions[1]), Some(&w.staff), &json!({})).await;
    assert_eq!(code.status, StatusCode::OK, "{}", code.text);
    let code = code.body["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(code.len(), 6);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let checkin = |token: &str, code: &str| {
        let path = format!("/api/sessions/{}/checkin", c.sessions[1]);
        let body = json!({ "code": code });
        let token = token.to_owned();
        let app = &app;
        async move { app.post(&path, Some(&token), &body).await }
    };
    let r = checkin(&b.0, wrong).await;
    assert_eq!((r.status, r.field("code")), (StatusCode::BAD_REQUEST, "invalid_format"));
    let r = checkin(&a.0, &code).await;
    assert_eq!((r.status, r.body["mark"].clone()), (StatusCode::OK, json!("late")), "{}", r.text);
    assert_eq!(checkin(&b.0, &code).await.body["via"], "code");
    let stranger = app.trainee_with_profile(99).await;
    assert_eq!(checkin(&stranger, &code).await.status, StatusCode::FORBIDDEN);
    let sheet = app.get(&format!("/api/sessions/{}/attendance", c.sessions[1]), Some(&w.staff)).await;
    let via: Vec<Value> =
        sheet.body["lines"].as_array().map(|l| l.iter().map(|x| x["via"].clone()).collect()).unwrap_or_default();
    assert_eq!(via.iter().filter(|v| **v == "code").count(), 2);

    let results = json!({ "results": [
        { "user_id": a.1, "plan_submitted": true, "score": 88, "passed": true, "comment": "计划书完整" },
        { "user_id": b.1, "plan_submitted": true, "score": 52, "passed": false },
        { "user_id": cc.1, "plan_submitted": true, "score": 75, "passed": true },
    ]});
    let r = app.put(&format!("/api/classes/{}/assessments", c.id), Some(&w.staff), &results).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    let early = app.post(&format!("/api/classes/{}/completion", c.id), Some(&w.staff), &json!({})).await;
    assert_eq!((early.status, early.code()), (StatusCode::CONFLICT, "wrong_state"));
    app.after_session(&c.id, 1, 5).await;
    let review = app.post(&format!("/api/classes/{}/completion", c.id), Some(&w.staff), &json!({})).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.text);
    assert_eq!(review.body["status"], "submitted");
    assert_eq!(reasons(&review.body, &a.1), Vec::<String>::new());
    assert_eq!(reasons(&review.body, &b.1), ["not_passed"]);
    assert_eq!(reasons(&review.body, &cc.1), ["attendance_below_threshold"]);
    let locked = app.put(&format!("/api/classes/{}/assessments", c.id), Some(&w.staff), &results).await;
    assert_eq!(locked.code(), "wrong_state");

    let waiting = app.get("/api/bureau/completions", Some(&w.officer)).await;
    assert_eq!(waiting.body[0]["id"], c.id.as_str(), "{}", waiting.text);
    let hohhot = app.officer(&w.admin, "13800000002", "150100").await;
    assert_eq!(app.get("/api/bureau/completions", Some(&hohhot)).await.body, json!([]));
    let path = format!("/api/classes/{}/completion/decision", c.id);
    assert_eq!(app.post(&path, Some(&hohhot), &json!({ "approve": true })).await.status, StatusCode::FORBIDDEN);
    let done = app.post(&path, Some(&w.officer), &json!({ "approve": true })).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_eq!(done.body["status"], "approved");
    let numbers: Vec<Value> = done.body["lines"]
        .as_array()
        .map(|l| l.iter().map(|x| x["certificate_number"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(numbers.iter().filter(|n| n.is_string()).count(), 1, "only the qualified trainee gets a certificate");
    let year = malanhua_shared::course::shanghai_date(app.now()).format("%Y").to_string();
    let number = format!("370200-{year}-SYB-00001");
    assert_eq!(numbers.iter().find(|n| n.is_string()), Some(&json!(number)));
    assert_eq!(app.post(&path, Some(&w.officer), &json!({ "approve": true })).await.code(), "wrong_state");

    let mine = app.get("/api/me/certificates", Some(&a.0)).await;
    assert_eq!(mine.body[0]["number"], number.as_str());
    assert_eq!(mine.body[0]["hours"], 14);
    assert_eq!(mine.body[0]["institution"], "崂山创业学校");
    assert_eq!(mine.body[0]["issuing_region_name"], "青岛市");
    assert_eq!(app.get("/api/me/certificates", Some(&b.0)).await.body, json!([]));
    let my_classes = app.get("/api/me/classes", Some(&a.0)).await;
    assert_eq!(my_classes.body[0]["certificate_number"], number.as_str());
    assert_eq!(my_classes.body[0]["attendance"]["rate_pct"], 100);
    let notes = app.get("/api/me/notifications", Some(&a.0)).await;
    assert_eq!(notes.body[0]["kind"], "certificate_issued");
    assert_eq!(app.get(&format!("/api/certificates/{number}"), Some(&b.0)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/api/certificates/{number}"), Some(&w.staff)).await.status, StatusCode::OK);

    let v = app.get(&format!("/api/verify/{number}"), None).await;
    assert_eq!((v.body["status"].clone(), v.body["holder_masked"].clone()), (json!("valid"), json!("学*")));
    assert!(!v.text.contains(&malanhua_tests::classes::resident_id(1)));
    let qr = app
        .client
        .get(format!("{}/api/verify/{number}/qr.svg", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(qr.headers().get("content-type").and_then(|h| h.to_str().ok()), Some("image/svg+xml"));
    assert!(qr.text().await.unwrap_or_default().contains("<svg"));

    let revoke = format!("/api/certificates/{number}/revoke");
    assert_eq!(app.post(&revoke, Some(&hohhot), &json!({ "reason": "冒名顶替" })).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&revoke, Some(&w.officer), &json!({ "reason": "" })).await.field("reason"), "required");
    let r = app.post(&revoke, Some(&w.officer), &json!({ "reason": "培训记录造假" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let v = app.get(&format!("/api/verify/{number}"), None).await;
    assert_eq!(v.body["status"], "revoked");
    assert!(v.body["revoked_on"].is_string());
    assert_eq!(app.post(&revoke, Some(&w.officer), &json!({ "reason": "再次撤销" })).await.code(), "wrong_state");
    assert_eq!(app.get("/api/verify/370200-2026-SYB-99999", None).await.body["status"], "unknown");
}

#[tokio::test]
async fn a_check_in_code_works_only_around_the_sessions_time() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 1).await;
    let code = app.post(&format!("/api/sessions/{}/checkin-code", c.sessions[0]), Some(&w.staff), &json!({})).await;
    let code = code.body["code"].as_str().unwrap_or_default().to_owned();
    let r = app
        .post(&format!("/api/sessions/{}/checkin", c.sessions[0]), Some(&c.trainees[0].0), &json!({ "code": code }))
        .await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "checkin_closed"));
    let r = app
        .post(&format!("/api/sessions/{}/checkin", c.sessions[0]), Some(&c.trainees[0].0), &json!({ "code": "" }))
        .await;
    assert_eq!(r.field("code"), "required");
    app.into_session(&c.id, 0, 5).await;
    // Hours have passed: the code issued then has long turned over.
    let r = app
        .post(&format!("/api/sessions/{}/checkin", c.sessions[0]), Some(&c.trainees[0].0), &json!({ "code": code }))
        .await;
    assert_eq!(r.field("code"), "invalid_format", "a stale code: {}", r.text);
    let shown = app.get(&format!("/api/sessions/{}/checkin-code", c.sessions[0]), Some(&w.staff)).await;
    let code = shown.body["code"].as_str().unwrap_or_default().to_owned();
    let r = app
        .post(&format!("/api/sessions/{}/checkin", c.sessions[0]), Some(&c.trainees[0].0), &json!({ "code": code }))
        .await;
    assert_eq!((r.status, r.body["mark"].clone()), (StatusCode::OK, json!("present")), "{}", r.text);
}

#[tokio::test]
async fn the_check_in_code_in_the_room_turns_over_every_five_minutes() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 3).await;
    app.into_session(&c.id, 0, 5).await;
    let path = format!("/api/sessions/{}/checkin-code", c.sessions[0]);
    let issued = app.post(&path, Some(&w.staff), &json!({})).await;
    assert_eq!(issued.status, StatusCode::OK, "{}", issued.text);
    let first = issued.body["code"].as_str().unwrap_or_default().to_owned();
    let changes_at = issued.body["changes_at"].as_str().unwrap_or_default();
    let changes_at = chrono::DateTime::parse_from_rfc3339(changes_at).map(|t| t.to_utc());
    let changes_at = changes_at.unwrap_or_else(|e| panic!("changes_at: {e}: {}", issued.text));
    assert!(changes_at > app.now() && changes_at <= app.now() + chrono::Duration::minutes(5));
    assert_eq!(app.get(&path, Some(&w.staff)).await.body["code"], first.as_str(), "steady until it changes");
    assert_eq!(app.get(&path, Some(&c.trainees[0].0)).await.status, StatusCode::FORBIDDEN, "only staff see it");
    let sheet = app.get(&format!("/api/sessions/{}/attendance", c.sessions[0]), Some(&w.staff)).await;
    assert_eq!(sheet.body["checkin_code"]["code"], first.as_str(), "{}", sheet.text);

    let checkin = |n: usize, code: String| {
        let (path, token, app) = (format!("/api/sessions/{}/checkin", c.sessions[0]), c.trainees[n].0.clone(), &app);
        async move { app.post(&path, Some(&token), &json!({ "code": code })).await }
    };
    // Just after it changes, the one before still holds for whoever is typing it.
    app.travel_to(changes_at + chrono::Duration::seconds(20));
    let second = app.get(&path, Some(&w.staff)).await.body["code"].as_str().unwrap_or_default().to_owned();
    assert_ne!(second, first, "a new code after five minutes");
    assert_eq!(checkin(0, first.clone()).await.status, StatusCode::OK, "the code just before");
    // Five minutes later the first one is worth nothing, the shown one works.
    app.advance(chrono::Duration::minutes(5));
    let r = checkin(1, first).await;
    assert_eq!(r.field("code"), "invalid_format", "a code passed on is soon stale: {}", r.text);
    let third = app.get(&path, Some(&w.staff)).await.body["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(checkin(2, third).await.status, StatusCode::OK);
}

#[tokio::test]
async fn bad_marks_and_results_are_named_and_change_nothing() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 1).await;
    app.into_session(&c.id, 0, 5).await;
    let r = app
        .put(
            &format!("/api/sessions/{}/attendance", c.sessions[0]),
            Some(&w.staff),
            &json!({ "marks": [
                { "user_id": c.trainees[0].1, "mark": "present" }, { "user_id": "someone-else", "mark": "present" }
            ]}),
        )
        .await;
    assert_eq!(r.field("marks[1].user_id"), "unknown_reference");
    let sheet = app.get(&format!("/api/sessions/{}/attendance", c.sessions[0]), Some(&w.staff)).await;
    assert_eq!(sheet.body["lines"][0]["mark"], Value::Null);
    let r = app
        .put(
            &format!("/api/classes/{}/assessments", c.id),
            Some(&w.staff),
            &json!({ "results": [
                { "user_id": c.trainees[0].1, "plan_submitted": true, "score": 120, "passed": true }
            ]}),
        )
        .await;
    assert_eq!(r.field("results[0].score"), "out_of_range");
    let review = app.get(&format!("/api/classes/{}/completion", c.id), Some(&w.staff)).await;
    assert_eq!(reasons(&review.body, &c.trainees[0].1), ["attendance_below_threshold", "not_assessed"]);
}

#[tokio::test]
async fn a_returned_completion_needs_a_reason_and_can_be_resubmitted() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 1).await;
    app.after_session(&c.id, 1, 60).await;
    assert_eq!(
        app.post(&format!("/api/classes/{}/completion", c.id), Some(&w.staff), &json!({})).await.status,
        StatusCode::OK
    );
    let path = format!("/api/classes/{}/completion/decision", c.id);
    assert_eq!(app.post(&path, Some(&w.officer), &json!({ "approve": false })).await.field("reason"), "required");
    let r = app.post(&path, Some(&w.officer), &json!({ "approve": false, "reason": "缺少考勤记录" })).await;
    assert_eq!(r.body["status"], "returned");
    let notes = app.get("/api/me/notifications", Some(&w.staff)).await;
    assert_eq!(notes.body[0]["kind"], "completion_returned");
    let again = app.post(&format!("/api/classes/{}/completion", c.id), Some(&w.staff), &json!({})).await;
    assert_eq!(again.body["status"], "submitted");
    let approved = app.post(&path, Some(&w.officer), &json!({ "approve": true })).await;
    assert_eq!(approved.body["status"], "approved");
    assert_eq!(
        app.get("/api/me/certificates", Some(&c.trainees[0].0)).await.body,
        json!([]),
        "no attendance, no certificate"
    );
}

#[tokio::test]
async fn a_script_trying_every_check_in_code_is_stopped_after_five_wrong_ones() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let c = class_with_trainees(&app, &w, 2).await;
    app.into_session(&c.id, 0, 10).await;
    let code = app.post(&format!("/api/sessions/{}/checkin-code", c.sessions[0]), Some(&w.staff), &json!({})).await;
    let code = code.body["code"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/sessions/{}/checkin", c.sessions[0]);
    let mut tried = 0;
    for n in 0..1_000_000u32 {
        let guess = format!("{n:06}");
        if guess == code {
            continue;
        }
        let r = app.post(&path, Some(&c.trainees[0].0), &json!({ "code": guess })).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(r.code(), "too_many_attempts");
            break;
        }
        assert_eq!(r.field("code"), "invalid_format", "{}", r.text);
        tried += 1;
    }
    assert_eq!(tried, 5, "five wrong codes, then the script is stopped");
    let right = app.post(&path, Some(&c.trainees[0].0), &json!({ "code": code })).await;
    assert_eq!(right.code(), "too_many_attempts", "even the right code, for this person and session");
    let other = app.post(&path, Some(&c.trainees[1].0), &json!({ "code": code })).await;
    assert_eq!(other.status, StatusCode::OK, "another trainee still checks in: {}", other.text);
    let marks = json!({ "marks": [{ "user_id": c.trainees[0].1, "mark": "present" }] });
    let staff = app.put(&format!("/api/sessions/{}/attendance", c.sessions[0]), Some(&w.staff), &marks).await;
    assert_eq!(staff.status, StatusCode::OK, "staff still mark the locked-out trainee: {}", staff.text);
}
