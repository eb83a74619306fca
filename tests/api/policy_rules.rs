//! The rules as the policy texts say them (issue 15): each test is one of
//! the scenarios that did not hold before.

use malanhua_tests::TestApp;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_class_that_has_begun_cannot_be_cancelled_and_its_certificates_and_claims_stand() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let claim_before = app.claim_of(token).await;
    let path = format!("/api/classes/{}/cancel", s.class);
    for who in [&s.w.staff, &s.w.officer] {
        let r = app.post(&path, Some(who), &json!({ "reason": "结业后想取消" })).await;
        assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "class_started"), "{}", r.text);
    }
    let class = app.get(&format!("/api/classes/{}", s.class), None).await;
    assert_eq!(class.body["summary"]["status"], "approved");
    let verified = app.get(&format!("/api/verify/{number}"), None).await;
    assert_eq!(verified.body["status"], "valid", "{}", verified.text);
    let claim_after = app.claim_of(token).await;
    assert_eq!(claim_after["status"], claim_before["status"]);
}

#[tokio::test]
async fn an_administrator_is_not_a_bureau_officer() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let claim = r.body["claim"]["id"].as_str().unwrap_or_default().to_owned();
    let admin = &s.w.admin;
    let r = app.act(admin, &claim, json!({ "action": "review" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(app.get(&format!("/api/claims/{claim}"), Some(admin)).await.status, StatusCode::FORBIDDEN);
    let policy =
        json!({ "min_hours": 70, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80 });
    assert_eq!(app.put("/api/policies/370200/syb", Some(admin), &policy).await.status, StatusCode::FORBIDDEN);
    let path = format!("/api/certificates/{number}/revoke");
    assert_eq!(app.post(&path, Some(admin), &json!({ "reason": "管理员" })).await.status, StatusCode::FORBIDDEN);
    // Filed and still submitted: the officer's review goes through as before.
    assert_eq!(app.act(&s.w.officer, &claim, json!({ "action": "review" })).await.status, StatusCode::OK);
    // Administration stays the admin's: a new officer account.
    let officer = app.officer(admin, "13800000019", "370200").await;
    assert!(!officer.is_empty());
}

#[tokio::test]
async fn attendance_opens_at_the_session_start_closes_at_completion_and_keeps_every_change() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let class = app.open_class(&w, &app.syb_class(&w.trainer, 10, 10)).await;
    let token = app.trainee_with_profile(1).await;
    let r = app.post(&format!("/api/classes/{class}/enrol"), Some(&token), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let user = app.get("/api/me", Some(&token)).await.body["id"].clone();
    let sessions = app.session_ids(&class).await;
    let sheet = format!("/api/sessions/{}/attendance", sessions[0]);
    let mark = |m: &str| json!({ "marks": [{ "user_id": user, "mark": m }] });

    // Days before the session: refused, nothing written.
    let r = app.put(&sheet, Some(&w.staff), &mark("present")).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "attendance_closed"), "{}", r.text);
    app.into_session(&class, 0, -5).await;
    assert_eq!(app.put(&sheet, Some(&w.staff), &mark("present")).await.code(), "attendance_closed");

    // From the start: marked, then corrected; the history keeps both.
    app.into_session(&class, 0, 0).await;
    assert_eq!(app.put(&sheet, Some(&w.staff), &mark("absent")).await.status, StatusCode::OK);
    app.into_session(&class, 0, 30).await;
    let r = app.put(&sheet, Some(&w.staff), &mark("late")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["lines"][0]["mark"], "late");
    let history = r.body["history"].as_array().cloned().unwrap_or_default();
    assert_eq!(history.len(), 2, "{}", r.text);
    assert_eq!((history[0]["from"].clone(), history[0]["to"].clone()), (json!(null), json!("absent")));
    assert_eq!((history[1]["from"].clone(), history[1]["to"].clone()), (json!("absent"), json!("late")));
    // The same mark again is no change.
    let r = app.put(&sheet, Some(&w.staff), &mark("late")).await;
    assert_eq!(r.body["history"].as_array().map(Vec::len), Some(2));

    // Completion submitted: attendance is fixed; the sheet says so and keeps the marks.
    app.after_session(&class, 1, 60).await;
    let r = app.post(&format!("/api/classes/{class}/completion"), Some(&w.staff), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app.put(&sheet, Some(&w.staff), &mark("present")).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "attendance_closed"), "{}", r.text);
    let now = app.get(&sheet, Some(&w.staff)).await;
    assert_eq!(now.body["lines"][0]["mark"], "late");

    // Returned for correction: marks open again.
    let decision = format!("/api/classes/{class}/completion/decision");
    let r = app.post(&decision, Some(&w.officer), &json!({ "approve": false, "reason": "请核对第一节考勤" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(app.put(&sheet, Some(&w.staff), &mark("present")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_lead_time_counts_working_days_and_is_checked_again_at_approval() {
    use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
    let app = TestApp::spawn().await;
    // A Monday a few weeks ahead; its first session at 00:30 Shanghai.
    let mut monday = (app.now() + Duration::days(21)).date_naive();
    while monday.weekday() != Weekday::Mon {
        monday = monday.succ_opt().unwrap_or(NaiveDate::MAX);
    }
    let shanghai = |d: NaiveDate, h: u32, m: u32| {
        chrono::FixedOffset::east_opt(8 * 3600)
            .and_then(|tz| tz.from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap_or_default()).single())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    };
    // Filed on the Tuesday before: Wednesday to Friday are three working days.
    app.travel_to(shanghai(monday - Duration::days(6), 10, 0));
    let w = app.classes_world().await;
    let mut body = app.syb_class(&w.trainer, 10, 6);
    let start = shanghai(monday, 0, 30);
    body["starts_on"] = json!(monday.to_string());
    body["sessions"][0]["starts_at"] = json!(start.to_rfc3339());
    body["sessions"][0]["ends_at"] = json!((start + Duration::hours(8)).to_rfc3339());
    let r = app.file(&w.staff, &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.body["summary"]["id"].as_str().unwrap_or_default().to_owned();

    // The bureau decides on Wednesday: Thursday and Friday are two working days.
    app.travel_to(shanghai(monday - Duration::days(5), 9, 0));
    let decide = format!("/api/classes/{id}/decision");
    let r = app.post(&decide, Some(&w.officer), &json!({ "approve": true })).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"), "{}", r.text);
    assert!(r.text.contains(&(monday - Duration::days(6)).to_string()), "names the last day: {}", r.text);
    assert_eq!(app.get(&format!("/api/classes/{id}"), Some(&w.staff)).await.body["summary"]["status"], "pending");

    // Filing a class for that Monday on Thursday, four calendar days ahead: too late.
    app.travel_to(shanghai(monday - Duration::days(4), 9, 0));
    let r = app.file(&w.staff, &body).await;
    assert_eq!(r.field("starts_on"), "too_late", "{}", r.text);
}

#[tokio::test]
async fn a_trainer_cannot_teach_two_classes_at_once() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let first = app.file(&w.staff, &app.syb_class(&w.trainer, 10, 10)).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let title = first.body["summary"]["title"].as_str().unwrap_or_default().to_owned();
    let r = app.file(&w.staff, &app.syb_class(&w.trainer, 10, 10)).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "schedule_clash"), "{}", r.text);
    assert!(r.text.contains("刘老师") && r.text.contains(&title), "names the trainer and the class: {}", r.text);
    // Another week is fine.
    let r = app.file(&w.staff, &app.syb_class(&w.trainer, 10, 17)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

#[tokio::test]
async fn a_class_is_held_to_the_attendance_threshold_in_force_when_it_was_approved() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let class = app.open_class(&w, &app.syb_class(&w.trainer, 10, 10)).await;
    // The bureau raises the threshold to 100 % after approving the class.
    let stricter =
        json!({ "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 100 });
    app.set_policy(&w.officer, "370200", "syb", stricter).await;
    let review = app.get(&format!("/api/classes/{class}/completion"), Some(&w.staff)).await;
    assert_eq!(review.body["threshold_pct"], 80, "{}", review.text);
    // A class approved after the change is held to the new figure.
    let later = app.open_class(&w, &app.syb_class(&w.trainer, 10, 17)).await;
    let review = app.get(&format!("/api/classes/{later}/completion"), Some(&w.staff)).await;
    assert_eq!(review.body["threshold_pct"], 100, "{}", review.text);
}

#[tokio::test]
async fn eyb_follows_iyb_so_an_syb_certificate_does_not_open_it() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    assert!(!number.is_empty(), "the trainee holds an SYB certificate");
    let eyb_policy = json!({
        "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80,
        "requires_prior_certificate": true
    });
    let policy = app.set_policy(&s.w.officer, "370200", "eyb", eyb_policy).await;
    assert_eq!(policy["prior_kinds"], json!(["iyb"]), "{policy}");
    let mut eyb = app.syb_class(&s.w.trainer, 10, 20);
    eyb["kind"] = json!("eyb");
    let eyb = app.open_class(&s.w, &eyb).await;
    let r = app.post(&format!("/api/classes/{eyb}/enrol"), Some(token), &json!({})).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "prerequisite_missing"), "{}", r.text);
    assert!(r.text.contains("iyb"), "names what counts: {}", r.text);
    // A region whose policy says SYB counts for EYB decides so with its data.
    let lenient = json!({
        "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80,
        "requires_prior_certificate": true, "prior_kinds": ["iyb", "syb"]
    });
    app.set_policy(&s.w.officer, "370200", "eyb", lenient).await;
    let r = app.post(&format!("/api/classes/{eyb}/enrol"), Some(token), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

#[tokio::test]
async fn revoking_a_certificate_whose_subsidy_was_paid_opens_a_recovery_that_an_officer_closes() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    let claim = r.body["claim"]["id"].as_str().unwrap_or_default().to_owned();
    let (a, b) = (&s.w.officer, &s.officer_b);
    assert_eq!(app.act(a, &claim, json!({ "action": "review" })).await.status, StatusCode::OK);
    app.verify_groups(a).await;
    assert_eq!(app.act(b, &claim, json!({ "action": "approve" })).await.status, StatusCode::OK);
    assert_eq!(app.act(b, &claim, json!({ "action": "publish" })).await.status, StatusCode::OK);
    app.end_notice(&claim).await;
    let r = app.act(a, &claim, json!({ "action": "pay", "payment_ref": "QD-2026-0009" })).await;
    assert_eq!(r.body["claim"]["status"], "paid", "{}", r.text);
    let recover = format!("/api/claims/{claim}/recovery");
    let early = app.post(&recover, Some(a), &json!({ "reference": "RET-0001" })).await;
    assert_eq!(early.code(), "wrong_state", "nothing to recover yet");

    let reason = "培训期间冒名顶替，经核查撤销证书";
    let r = app.post(&format!("/api/certificates/{number}/revoke"), Some(a), &json!({ "reason": reason })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let detail = app.get(&format!("/api/claims/{claim}"), Some(a)).await;
    let recovery = &detail.body["claim"]["recovery"];
    assert_eq!(recovery["amount_fen"], 100_000, "{}", detail.text);
    assert_eq!(recovery["reason"], reason);
    assert!(recovery["due_on"].is_string() && recovery["recovered_on"].is_null());
    assert_eq!(detail.body["claim"]["status"], "paid", "the payment stays on record");
    let actions: Vec<&str> =
        detail.body["timeline"].as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"claim.recovery_opened"), "{actions:?}");
    let notes = app.get("/api/me/notifications", Some(token)).await;
    assert_eq!(notes.body[0]["kind"], "subsidy_recovery", "{}", notes.text);
    let list = app.get("/api/bureau/claims?status=paid", Some(a)).await;
    assert_eq!(list.body["items"][0]["recovery"]["amount_fen"], 100_000, "{}", list.text);

    // Recording the return: named errors first, then once only.
    assert_eq!(app.post(&recover, Some(a), &json!({ "reference": "" })).await.field("reference"), "required");
    let future = json!({ "reference": "RET-0001", "recovered_on": "2099-01-01" });
    assert_eq!(app.post(&recover, Some(a), &future).await.field("recovered_on"), "out_of_range");
    assert_eq!(
        app.post(&recover, Some(token), &json!({ "reference": "RET-0001" })).await.status,
        StatusCode::FORBIDDEN
    );
    let r = app.post(&recover, Some(a), &json!({ "reference": "RET-0001" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.body["claim"]["recovery"]["recovered_on"].is_string());
    assert_eq!(r.body["claim"]["recovery"]["reference"], "RET-0001");
    assert_eq!(app.post(&recover, Some(a), &json!({ "reference": "RET-0002" })).await.code(), "wrong_state");
}

#[tokio::test]
async fn a_policy_for_local_people_refuses_a_group_issued_elsewhere_and_names_the_rule() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { grouped: |_| false, ..Setup::default() }).await;
    let local_only = json!({
        "effective_from": "2020-01-01", "amount_fen": 100_000, "payee": "trainee",
        "eligible_groups": ["registered_unemployed", "new_small_business_head"],
        "claim_window_months": 12, "notice_days": 3, "local_groups": true
    });
    let r = app.put("/api/subsidy-policies/370200/syb", Some(&s.w.officer), &local_only).await;
    assert_eq!((r.status, r.body["local_groups"].clone()), (StatusCode::OK, json!(true)), "{}", r.text);
    let (token, _, number) = &s.trainees[0];
    let declare = |issued_in: &str| {
        json!({ "group": "registered_unemployed", "valid_from": "2020-01-01", "evidence": "失业登记证 0001",
                "issued_in": issued_in })
    };
    let r = app.post("/api/me/priority-groups", Some(token), &declare("110000")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["issued_in"], "110000");
    let path = format!("/api/certificates/{number}/eligibility");
    let e = app.get(&path, Some(token)).await;
    assert_eq!(e.body["reasons"], json!(["group_not_local"]), "{}", e.text);
    let r = app.post("/api/me/priority-groups", Some(token), &declare("370202")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let e = app.get(&path, Some(token)).await;
    assert_eq!(e.body["eligible"], true, "{}", e.text);
    let bad = app.post("/api/me/priority-groups", Some(token), &declare("999999")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);
}

#[tokio::test]
async fn the_head_of_a_new_small_business_declares_with_a_checked_credit_code() {
    let app = TestApp::spawn().await;
    let token = app.trainee_with_profile(1).await;
    let head = |licence: Option<&str>| {
        json!({ "group": "new_small_business_head", "valid_from": "2026-01-01", "evidence": "营业执照副本",
                "issued_in": "370212", "business_licence": licence })
    };
    let r = app.post("/api/me/priority-groups", Some(&token), &head(None)).await;
    assert_eq!(r.field("business_licence"), "required", "{}", r.text);
    let r = app.post("/api/me/priority-groups", Some(&token), &head(Some("91370212MA3C1234X6"))).await;
    assert_eq!(r.field("business_licence"), "invalid_checksum", "{}", r.text);
    let r = app.post("/api/me/priority-groups", Some(&token), &head(Some("91370212ma3c1234x5"))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["business_licence"], "91370212MA3C1234X5");
    let mine = app.get("/api/me/priority-groups", Some(&token)).await;
    assert_eq!(mine.body.as_array().map(Vec::len), Some(1), "the refused ones were not saved");
}

#[tokio::test]
async fn the_training_date_is_the_first_sessions_day_not_the_declared_start() {
    use chrono::{Duration, NaiveDate};
    // The class is declared to start the day before its first session.
    let early = |body: &mut serde_json::Value| {
        let first = body["starts_on"].as_str().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let first = first.unwrap_or_default();
        body["starts_on"] = json!((first - Duration::days(1)).to_string());
    };
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { grouped: |_| false, adjust_class: early, ..Setup::default() }).await;
    let class = app.get(&format!("/api/classes/{}", s.class), None).await;
    let first_day =
        class.body["sessions"][0]["starts_at"].as_str().unwrap_or_default().get(..10).unwrap_or_default().to_owned();
    assert_ne!(class.body["summary"]["starts_on"].as_str(), Some(first_day.as_str()), "{}", class.text);
    let (token, _, number) = &s.trainees[0];
    // Unemployed from the first session's day: held on the training date.
    let d = json!({ "group": "registered_unemployed", "valid_from": first_day, "evidence": "失业登记证 0002" });
    assert_eq!(app.post("/api/me/priority-groups", Some(token), &d).await.status, StatusCode::CREATED);
    let e = app.get(&format!("/api/certificates/{number}/eligibility"), Some(token)).await;
    assert_eq!(e.body["eligible"], true, "{}", e.text);
}

#[tokio::test]
async fn a_policy_paying_up_to_an_amount_pays_the_cheaper_class_its_cost() {
    let app = TestApp::spawn().await;
    let priced = |body: &mut serde_json::Value| body["fee_fen"] = json!(80_000);
    let s = app.subsidy_world(Setup { grouped: |_| false, adjust_class: priced, ..Setup::default() }).await;
    let class = app.get(&format!("/api/classes/{}", s.class), None).await;
    assert_eq!(class.body["summary"]["fee_fen"], 80_000, "{}", class.text);
    let up_to = json!({
        "effective_from": "2020-01-01", "amount_fen": 100_000, "payee": "trainee",
        "eligible_groups": ["registered_unemployed"], "claim_window_months": 12, "notice_days": 3,
        "amount_is_cap": true
    });
    let r = app.put("/api/subsidy-policies/370200/syb", Some(&s.w.officer), &up_to).await;
    assert_eq!((r.status, r.body["amount_is_cap"].clone()), (StatusCode::OK, json!(true)), "{}", r.text);
    let (token, _, number) = &s.trainees[0];
    let d = json!({ "group": "registered_unemployed", "valid_from": "2020-01-01", "evidence": "失业登记证 0003" });
    assert_eq!(app.post("/api/me/priority-groups", Some(token), &d).await.status, StatusCode::CREATED);
    let e = app.get(&format!("/api/certificates/{number}/eligibility"), Some(token)).await;
    assert_eq!((e.body["eligible"].clone(), e.body["amount_fen"].clone()), (json!(true), json!(80_000)), "{}", e.text);
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!(r.body["claim"]["amount_fen"], 80_000, "{}", r.text);
}

#[tokio::test]
async fn a_class_that_has_begun_is_ended_early_keeping_what_happened() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let class = app.open_class(&w, &app.syb_class(&w.trainer, 10, 10)).await;
    let token = app.trainee_with_profile(1).await;
    assert_eq!(
        app.post(&format!("/api/classes/{class}/enrol"), Some(&token), &json!({})).await.status,
        StatusCode::CREATED
    );
    let user = app.get("/api/me", Some(&token)).await.body["id"].clone();
    let path = format!("/api/classes/{class}/end-early");
    let why = json!({ "reason": "场地突发停电，后续课次无法进行" });
    let r = app.post(&path, Some(&w.staff), &why).await;
    assert_eq!(r.code(), "wrong_state", "before it begins a class is cancelled, not ended: {}", r.text);

    // The first session is held and marked; then the class is ended.
    app.into_session(&class, 0, 30).await;
    let sessions = app.session_ids(&class).await;
    let mark = json!({ "marks": [{ "user_id": user, "mark": "present" }] });
    let first = format!("/api/sessions/{}/attendance", sessions[0]);
    assert_eq!(app.put(&first, Some(&w.staff), &mark).await.status, StatusCode::OK);
    assert_eq!(app.post(&path, Some(&w.staff), &json!({ "reason": "" })).await.field("reason"), "required");
    assert_eq!(app.post(&path, Some(&token), &why).await.status, StatusCode::FORBIDDEN);
    let r = app.post(&path, Some(&w.staff), &why).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["summary"]["status"], "approved", "what happened stands");
    assert!(r.body["summary"]["ended_early_at"].is_string(), "{}", r.text);
    assert_eq!(app.post(&path, Some(&w.staff), &why).await.code(), "wrong_state", "once only");
    let notes = app.get("/api/me/notifications", Some(&token)).await;
    assert_eq!(notes.body[0]["kind"], "class_ended_early", "{}", notes.text);

    // The session held keeps its marks; the one called off takes none.
    let sheet = app.get(&first, Some(&w.staff)).await;
    assert_eq!(sheet.body["lines"][0]["mark"], "present");
    app.into_session(&class, 1, 10).await;
    let second = format!("/api/sessions/{}/attendance", sessions[1]);
    let r = app.put(&second, Some(&w.staff), &mark).await;
    assert_eq!(r.code(), "attendance_closed", "{}", r.text);
}
