use malanhua_tests::TestApp;
use malanhua_tests::classes::World;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn ids(list: &Value) -> Vec<String> {
    list.as_array().map(|a| a.iter().filter_map(|c| c["id"].as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

async fn enrol(app: &TestApp, token: &str, class: &str) -> malanhua_tests::TestResponse {
    app.post(&format!("/api/classes/{class}/enrol"), Some(token), &json!({})).await
}

/// A one-seat class with trainees 1..=n enrolled in turn: the first holds
/// the seat, the others wait in order.
async fn one_seat_class_with(app: &TestApp, w: &World, n: u32) -> (String, Vec<String>) {
    let id = app.open_class(w, &app.syb_class(&w.trainer, 1, 10)).await;
    let mut trainees = Vec::new();
    for i in 1..=n {
        let t = app.trainee_with_profile(i).await;
        enrol(app, &t, &id).await;
        trainees.push(t);
    }
    (id, trainees)
}

#[tokio::test]
async fn a_bureau_sets_a_policy_that_its_districts_inherit() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let officer = app.officer(&admin, "13800000003", "370200").await;
    let body = json!({ "min_hours": 70, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80 });
    app.set_policy(&officer, "370200", "syb", body).await;
    let r = app.get("/api/policies/370212", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let syb = r.body.as_array().and_then(|a| a.iter().find(|p| p["kind"] == "syb").cloned()).unwrap_or_default();
    assert_eq!(syb["defined_in"], "370200");
    assert_eq!(syb["region"], "370212");
    assert_eq!(syb["max_class_size"], 30);
    // The province has no row of its own, and another city sees nothing.
    assert_eq!(app.get("/api/policies/370000", None).await.body, json!([]));
    assert_eq!(app.get("/api/policies/370100", None).await.body, json!([]));
}

#[tokio::test]
async fn policy_figures_are_checked_and_only_the_regions_bureau_sets_them() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let qingdao = app.officer(&admin, "13800000003", "370200").await;
    let hohhot = app.officer(&admin, "13800000002", "150100").await;
    let bad = json!({ "min_hours": 0, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 101 });
    let r = app.put("/api/policies/370200/syb", Some(&qingdao), &bad).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.field("min_hours"), "out_of_range");
    assert_eq!(r.field("attendance_threshold_pct"), "out_of_range");
    let good = json!({ "min_hours": 70, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80 });
    assert_eq!(app.put("/api/policies/370200/syb", Some(&hohhot), &good).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.put("/api/policies/370000/syb", Some(&qingdao), &good).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.put("/api/policies/370200/mba", Some(&qingdao), &good).await.field("kind"), "invalid_format");
    assert_eq!(app.get("/api/policies/370212", None).await.body, json!([]));
}

#[tokio::test]
async fn staff_add_trainers_and_a_duplicate_qualification_number_is_a_conflict() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let dup =
        app.post("/api/trainers", Some(&w.staff), &json!({ "name": "王老师", "qualification_no": "syb-0001" })).await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    assert_eq!(dup.field("qualification_no"), "taken");
    let bad = app.post("/api/trainers", Some(&w.staff), &json!({ "name": "", "qualification_no": "x y" })).await;
    assert_eq!(bad.field("name"), "required");
    assert_eq!(bad.field("qualification_no"), "invalid_format");
    let list = app.get("/api/trainers", Some(&w.staff)).await;
    assert_eq!(list.body.as_array().map(Vec::len), Some(1));
    assert_eq!(app.get("/api/trainers", Some(&w.officer)).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_opening_request_is_checked_against_the_policy_with_every_failure_named() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let mut body = app.syb_class(&w.trainer, 31, 2);
    body["sessions"] = json!([body["sessions"][0].clone()]);
    let r = app.file(&w.staff, &body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert_eq!(r.field("capacity"), "out_of_range");
    assert_eq!(r.field("sessions"), "too_few_hours");
    assert_eq!(r.field("starts_on"), "too_late");
    let mut overlapping = app.syb_class(&w.trainer, 30, 10);
    overlapping["sessions"][1]["starts_at"] = overlapping["sessions"][0]["starts_at"].clone();
    let r = app.file(&w.staff, &overlapping).await;
    assert_eq!(r.field("sessions[1].starts_at"), "overlapping", "{}", r.text);
    assert_eq!(app.get("/api/institution/classes", Some(&w.staff)).await.body, json!([]));
}

#[tokio::test]
async fn a_kind_without_a_policy_or_a_foreign_trainer_cannot_be_filed() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let mut body = app.syb_class(&w.trainer, 20, 10);
    body["kind"] = json!("eyb");
    let r = app.file(&w.staff, &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "no_policy");
    let r = app.file(&w.staff, &app.syb_class("someone-elses-trainer", 20, 10)).await;
    assert_eq!(r.field("trainer_ids"), "unknown_reference");
    let trainee = app.trainee("13912345678").await;
    assert_eq!(app.file(&trainee, &app.syb_class(&w.trainer, 20, 10)).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn only_approved_classes_are_listed_and_the_institution_is_told_of_the_decision() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let r = app.file(&w.staff, &app.syb_class(&w.trainer, 20, 10)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["summary"]["status"], "pending");
    assert_eq!(r.body["summary"]["hours"], 14);
    let id = r.body["summary"]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(app.get("/api/classes", None).await.body["total"], 0);
    assert_eq!(app.get(&format!("/api/classes/{id}"), None).await.status, StatusCode::NOT_FOUND);
    let pending = app.get("/api/bureau/classes?status=pending", Some(&w.officer)).await;
    assert_eq!(ids(&pending.body), std::slice::from_ref(&id));
    let d = app.post(&format!("/api/classes/{id}/decision"), Some(&w.officer), &json!({ "approve": true })).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text);
    let list = app.get("/api/classes", None).await;
    assert_eq!(list.body["total"], 1);
    let page = app.get(&format!("/api/classes/{id}"), None).await;
    assert_eq!(page.body["summary"]["seats_left"], 20);
    assert_eq!(page.body["sessions"].as_array().map(Vec::len), Some(2));
    assert_eq!(page.body["trainers"][0]["name"], "刘老师");
    let notes = app.get("/api/me/notifications", Some(&w.staff)).await;
    assert_eq!(notes.body[0]["kind"], "class_approved");
    assert_eq!(notes.body[0]["class_id"], id.as_str());
    let again = app
        .post(&format!("/api/classes/{id}/decision"), Some(&w.officer), &json!({ "approve": false, "reason": "重复" }))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.code(), "wrong_state");
}

#[tokio::test]
async fn rejecting_needs_a_reason_and_only_the_regions_bureau_decides() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let hohhot = app.officer(&w.admin, "13800000002", "150100").await;
    let id = app.file(&w.staff, &app.syb_class(&w.trainer, 20, 10)).await.body["summary"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/api/classes/{id}/decision");
    assert_eq!(app.post(&path, Some(&hohhot), &json!({ "approve": true })).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path, Some(&w.staff), &json!({ "approve": true })).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path, Some(&w.officer), &json!({ "approve": false })).await.field("reason"), "required");
    let r = app.post(&path, Some(&w.officer), &json!({ "approve": false, "reason": "讲师资质不全" })).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["summary"]["status"], "rejected");
    assert_eq!(r.body["status_reason"], "讲师资质不全");
    let notes = app.get("/api/me/notifications", Some(&w.staff)).await;
    assert_eq!(notes.body[0]["kind"], "class_rejected");
    assert_eq!(notes.body[0]["reason"], "讲师资质不全");
}

#[tokio::test]
async fn the_catalogue_filters_by_region_kind_mode_dates_seats_and_text_and_pages() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let a = app.open_class(&w, &app.syb_class(&w.trainer, 1, 10)).await;
    let mut online = app.syb_class(&w.trainer, 20, 20);
    online["mode"] = json!("online");
    online["place"] = Value::Null;
    online["title"] = json!("网店运营 SYB 特训班");
    let b = app.open_class(&w, &online).await;
    let trainee = app.trainee_with_profile(1).await;
    assert_eq!(enrol(&app, &trainee, &a).await.status, StatusCode::CREATED);
    let q = |query: &str| {
        let path = format!("/api/classes?{query}");
        let app = &app;
        async move { app.get(&path, None).await }
    };
    assert_eq!(ids(&q("region=370200").await.body["items"]), [a.clone(), b.clone()]);
    assert_eq!(q("region=370100").await.body["total"], 0);
    assert_eq!(q("region=150000").await.body["total"], 0);
    assert_eq!(ids(&q("mode=online").await.body["items"]), std::slice::from_ref(&b));
    assert_eq!(ids(&q("has_seats=true").await.body["items"]), std::slice::from_ref(&b));
    assert_eq!(ids(&q("q=%E7%BD%91%E5%BA%97").await.body["items"]), std::slice::from_ref(&b));
    assert_eq!(ids(&q("q=%E5%B4%82%E5%B1%B1").await.body["items"]).len(), 2, "institution name matches");
    assert_eq!(q("kind=iyb").await.body["total"], 0);
    let later = (app.now() + chrono::Duration::days(15)).format("%Y-%m-%d").to_string();
    assert_eq!(ids(&q(&format!("from={later}")).await.body["items"]), std::slice::from_ref(&b));
    assert_eq!(ids(&q(&format!("to={later}")).await.body["items"]), std::slice::from_ref(&a));
    let p2 = q("per_page=1&page=2").await;
    assert_eq!((p2.body["total"].clone(), ids(&p2.body["items"])), (json!(2), vec![b.clone()]));
    assert_eq!(q("kind=mba").await.field("kind"), "invalid_format");
    assert_eq!(q("from=2026-13-01").await.field("from"), "invalid_date");
    assert_eq!(q("region=12").await.field("region"), "invalid_region");
    assert_eq!(q("q=100%25_").await.body["total"], 0, "wildcards in the text are literal");
}

#[tokio::test]
async fn enrolling_needs_a_complete_profile_and_an_open_window() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let id = app.open_class(&w, &app.syb_class(&w.trainer, 10, 10)).await;
    let bare = app.trainee("13912345678").await;
    let r = enrol(&app, &bare, &id).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "profile_incomplete");
    let mut later = app.syb_class(&w.trainer, 10, 12);
    later["enrol_opens_at"] = json!(malanhua_tests::classes::sh(app.now() + chrono::Duration::days(2)));
    let not_yet = app.open_class(&w, &later).await;
    let trainee = app.trainee_with_profile(1).await;
    let r = enrol(&app, &trainee, &not_yet).await;
    assert_eq!(r.code(), "enrolment_closed");
    let pending = app.file(&w.staff, &app.syb_class(&w.trainer, 10, 14)).await.body["summary"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(enrol(&app, &trainee, &pending).await.code(), "enrolment_closed");
    assert_eq!(enrol(&app, &w.officer, &id).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_full_class_puts_the_trainee_on_the_waitlist_with_a_position() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let id = app.open_class(&w, &app.syb_class(&w.trainer, 2, 10)).await;
    let mut results = Vec::new();
    for n in 1..=4 {
        let t = app.trainee_with_profile(n).await;
        let r = enrol(&app, &t, &id).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        results.push((r.body["status"].clone(), r.body["waitlist_position"].clone()));
    }
    assert_eq!(
        results,
        [
            (json!("enrolled"), Value::Null),
            (json!("enrolled"), Value::Null),
            (json!("waitlisted"), json!(1)),
            (json!("waitlisted"), json!(2)),
        ]
    );
    let page = app.get(&format!("/api/classes/{id}"), None).await;
    assert_eq!(
        (page.body["summary"]["seats_left"].clone(), page.body["summary"]["waitlisted"].clone()),
        (json!(0), json!(2))
    );
}

#[tokio::test]
async fn withdrawing_frees_the_seat_and_promotes_the_first_waiting_who_is_told() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let (id, trainees) = one_seat_class_with(&app, &w, 3).await;
    let [first, second, third] = &trainees[..] else { panic!("three trainees") };
    let r = app.post(&format!("/api/classes/{id}/withdraw"), Some(first), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["status"], "withdrawn");
    let mine = |t: &str| {
        let t = t.to_owned();
        let app = &app;
        let id = id.clone();
        async move { app.get(&format!("/api/classes/{id}"), Some(&t)).await.body["my_enrolment"].clone() }
    };
    assert_eq!(mine(second).await["status"], "enrolled");
    assert_eq!(mine(third).await["waitlist_position"], 1);
    let notes = app.get("/api/me/notifications", Some(second)).await;
    let kinds: Vec<&str> =
        notes.body.as_array().map(|a| a.iter().filter_map(|n| n["kind"].as_str()).collect()).unwrap_or_default();
    assert_eq!(kinds, ["promoted", "waitlisted"]);
    let page = app.get(&format!("/api/classes/{id}"), None).await;
    assert_eq!(page.body["summary"]["taken"], 1);
    // Leaving the waitlist frees no seat and promotes no one.
    app.post(&format!("/api/classes/{id}/withdraw"), Some(third), &json!({})).await;
    assert_eq!(app.get(&format!("/api/classes/{id}"), None).await.body["summary"]["waitlisted"], 0);
    let again = app.post(&format!("/api/classes/{id}/withdraw"), Some(third), &json!({})).await;
    assert_eq!(again.code(), "wrong_state");
    // The one who withdrew may enrol again, at the end of the line.
    assert_eq!(enrol(&app, first, &id).await.body["waitlist_position"], 1);
}

#[tokio::test]
async fn no_one_holds_two_places_in_a_class_or_two_seats_at_the_same_time() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let a = app.open_class(&w, &app.syb_class(&w.trainer, 5, 10)).await;
    // Another trainer teaches the class at the same time (one trainer cannot).
    let t2 =
        app.post("/api/trainers", Some(&w.staff), &json!({ "name": "王老师", "qualification_no": "SYB-0002" })).await;
    let mut same_time = app.syb_class(t2.body["id"].as_str().unwrap_or_default(), 5, 10);
    same_time["title"] = json!("同期另一个班");
    let b = app.open_class(&w, &same_time).await;
    let c = app.open_class(&w, &app.syb_class(&w.trainer, 5, 20)).await;
    let t = app.trainee_with_profile(1).await;
    assert_eq!(enrol(&app, &t, &a).await.status, StatusCode::CREATED);
    let twice = enrol(&app, &t, &a).await;
    assert_eq!((twice.status, twice.code()), (StatusCode::CONFLICT, "already_enrolled"));
    let clash = enrol(&app, &t, &b).await;
    assert_eq!((clash.status, clash.code()), (StatusCode::CONFLICT, "schedule_clash"));
    // The refusal names the class held and when its clashing session meets.
    let held = app.get(&format!("/api/classes/{a}"), None).await;
    assert_eq!(clash.body["clash"]["class_id"], a.as_str(), "{}", clash.text);
    assert_eq!(clash.body["clash"]["title"], held.body["summary"]["title"], "{}", clash.text);
    let first_session = held.body["sessions"][0]["starts_at"].as_str().unwrap_or_default().to_owned();
    let named = clash.body["clash"]["starts_at"].as_str().unwrap_or_default().to_owned();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).map(|d| d.timestamp()).ok();
    assert!(at(&named).is_some() && at(&named) >= at(&first_session), "{named} vs {first_session}");
    assert_eq!(enrol(&app, &t, &c).await.status, StatusCode::CREATED);
    let mine = app.get("/api/me/classes", Some(&t)).await;
    assert_eq!(mine.body.as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn kinds_that_need_a_licence_or_a_prior_certificate_check_them() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    app.set_policy(
        &w.officer,
        "370200",
        "iyb",
        json!({
            "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80,
            "requires_business_licence": true
        }),
    )
    .await;
    app.set_policy(
        &w.officer,
        "370200",
        "eyb",
        json!({
            "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80,
            "requires_prior_certificate": true
        }),
    )
    .await;
    let mut iyb = app.syb_class(&w.trainer, 10, 10);
    iyb["kind"] = json!("iyb");
    let iyb = app.open_class(&w, &iyb).await;
    let mut eyb = app.syb_class(&w.trainer, 10, 20);
    eyb["kind"] = json!("eyb");
    let eyb = app.open_class(&w, &eyb).await;
    let t = app.trainee_with_profile(1).await;
    let path = format!("/api/classes/{iyb}/enrol");
    assert_eq!(app.post(&path, Some(&t), &json!({})).await.field("business_licence"), "required");
    let wrong = app.post(&path, Some(&t), &json!({ "business_licence": "91370212MA3C1234X0" })).await;
    assert_eq!(wrong.field("business_licence"), "invalid_checksum");
    let ok = app.post(&path, Some(&t), &json!({ "business_licence": "91370212ma3c1234x5" })).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    let r = enrol(&app, &t, &eyb).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "prerequisite_missing"));
}

#[tokio::test]
async fn cancelling_a_class_cancels_every_place_frees_the_seats_and_tells_the_trainees() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let (id, trainees) = one_seat_class_with(&app, &w, 2).await;
    let [a, b] = &trainees[..] else { panic!("two trainees") };
    let path = format!("/api/classes/{id}/cancel");
    assert_eq!(app.post(&path, Some(&w.staff), &json!({ "reason": "" })).await.field("reason"), "required");
    assert_eq!(app.post(&path, Some(a), &json!({ "reason": "不想上了" })).await.status, StatusCode::FORBIDDEN);
    let r = app.post(&path, Some(&w.staff), &json!({ "reason": "场地检修，改期另行通知" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["summary"]["status"], "cancelled");
    assert_eq!(r.body["summary"]["taken"], 0);
    for t in [&a, &b] {
        let notes = app.get("/api/me/notifications", Some(t)).await;
        assert_eq!(notes.body[0]["kind"], "class_cancelled");
        assert_eq!(notes.body[0]["reason"], "场地检修，改期另行通知");
        let mine = app.get("/api/me/classes", Some(t)).await;
        assert_eq!(mine.body[0]["enrolment"]["status"], "cancelled");
    }
    assert_eq!(app.get("/api/classes", None).await.body["total"], 0);
    assert_eq!(app.post(&path, Some(&w.staff), &json!({ "reason": "再取消" })).await.code(), "wrong_state");
}

#[tokio::test]
async fn staff_see_the_roster_and_export_it_for_excel_but_trainees_cannot() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let (id, trainees) = one_seat_class_with(&app, &w, 2).await;
    let [a, _] = &trainees[..] else { panic!("two trainees") };
    let r = app.get(&format!("/api/classes/{id}/roster"), Some(&w.staff)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["enrolled"].as_array().map(Vec::len), Some(1));
    assert_eq!(r.body["waitlist"][0]["waitlist_position"], 1);
    assert_eq!(
        r.body["enrolled"][0]["resident_id_masked"],
        "3702**********0010".replace("0010", &malanhua_tests::classes::resident_id(1)[14..])
    );
    assert_eq!(app.get(&format!("/api/classes/{id}/roster"), Some(&w.officer)).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/api/classes/{id}/roster"), Some(a)).await.status, StatusCode::FORBIDDEN);
    let csv = app.client.get(format!("{}/api/classes/{id}/roster.csv", app.base)).bearer_auth(&w.staff).send().await;
    let csv = csv.unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("text/csv"));
    let bytes = csv.bytes().await.unwrap_or_default();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for Excel");
    let text = String::from_utf8_lossy(&bytes[3..]).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("序号,姓名"));
    assert!(lines[2].contains("候补"));
    assert!(!text.contains(&malanhua_tests::classes::resident_id(1)), "full resident IDs must not be exported");
}

#[tokio::test]
async fn filing_and_deciding_are_audited() {
    let app = TestApp::spawn().await;
    let w: World = app.classes_world().await;
    let id = app.open_class(&w, &app.syb_class(&w.trainer, 5, 10)).await;
    let rows = {
        let id = id.clone();
        app.state()
            .db(move |c| Ok(malanhua::core::audit::store::for_entity(c, "class", &id)?))
            .await
            .unwrap_or_default()
    };
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["class.file", "class.approve"]);
}

#[tokio::test]
async fn a_retried_enrolment_with_the_same_idempotency_key_gets_the_first_response() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let id = app.open_class(&w, &app.syb_class(&w.trainer, 5, 10)).await;
    let token = app.trainee_with_profile(1).await;
    let path = format!("/api/classes/{id}/enrol");
    let body = json!({});
    let first = app.keyed(reqwest::Method::POST, &path, Some(&token), Some(&body), "enrol-1").await;
    let retry = app.keyed(reqwest::Method::POST, &path, Some(&token), Some(&body), "enrol-1").await;
    assert_eq!((first.status, retry.status), (StatusCode::CREATED, StatusCode::CREATED), "{}", retry.text);
    assert_eq!(first.body, retry.body);
    let again = app.keyed(reqwest::Method::POST, &path, Some(&token), Some(&body), "enrol-2").await;
    assert_eq!(again.code(), "already_enrolled", "a new key is a new attempt");
    let withdraw = format!("/api/classes/{id}/withdraw");
    let w1 = app.keyed(reqwest::Method::POST, &withdraw, Some(&token), None, "enrol-1").await;
    assert_eq!(w1.code(), "idempotency_key_reused", "the key named another request");
    let page = app.get(&format!("/api/classes/{id}"), None).await;
    assert_eq!(page.body["summary"]["taken"], 1);
}
