//! 政策找人, checked against a hand-made world: four Qingdao trainees of one
//! SYB class (policy: 1,000 yuan, a 12-month window, groups registered
//! unemployed or recent graduate).
//! - 0 declared a group before the class and filed the drafted claim: served;
//! - 1 declared before the class and left the draft unfiled;
//! - 2 declared only after the certificate, so no claim was drafted;
//! - 3 declared nothing and booked a seat in an IYB class.

use chrono::{Duration, Months, NaiveDate};
use malanhua_tests::subsidies::{Setup, SubsidyWorld};
use malanhua_tests::{TestApp, concurrently};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn world(app: &TestApp) -> SubsidyWorld {
    let s = app.subsidy_world(Setup { trainees: 4, grouped: |i| i < 2, ..Setup::default() }).await;
    let draft = app.claim_of(&s.trainees[0].0).await;
    let claim = draft["id"].as_str().unwrap_or_default();
    let r = app.post(&format!("/api/claims/{claim}/submit"), Some(&s.trainees[0].0), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "submit: {}", r.text);
    let d = json!({ "group": "recent_graduate", "valid_from": "2020-01-01", "evidence": "毕业证 2" });
    let r = app.post("/api/me/priority-groups", Some(&s.trainees[2].0), &d).await;
    assert_eq!(r.status, StatusCode::CREATED, "declare: {}", r.text);
    let rules =
        json!({ "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80 });
    app.set_policy(&s.w.officer, "370200", "iyb", rules).await;
    let mut iyb = app.syb_class(&s.w.trainer, 30, 10);
    iyb["kind"] = json!("iyb");
    iyb["title"] = json!("IYB 改善你的企业");
    let class = app.open_class(&s.w, &iyb).await;
    let r = app.post(&format!("/api/classes/{class}/enrol"), Some(&s.trainees[3].0), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "enrol in IYB: {}", r.text);
    s
}

async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let r = app.get(&format!("/api/bureau/outreach?{query}"), Some(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text);
    r.body
}

fn people(page: &Value) -> Vec<String> {
    let mut ids: Vec<String> = page["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["user_id"].as_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

fn ids(s: &SubsidyWorld, which: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = which.iter().map(|i| s.trainees[*i].1.clone()).collect();
    v.sort();
    v
}

async fn nudge(app: &TestApp, token: &str, reason: &str, subject: &str) -> reqwest::StatusCode {
    let r =
        app.post("/api/bureau/outreach/nudges", Some(token), &json!({ "reason": reason, "subject": subject })).await;
    r.status
}

async fn nudges_of(app: &TestApp, token: &str) -> Vec<String> {
    let notes = app.get("/api/me/notifications", Some(token)).await;
    notes
        .body
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["kind"].as_str())
        .filter(|k| k.starts_with("nudge_"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_list_holds_exactly_the_entitled_people_who_were_not_served() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let o = &s.w.officer;

    let unclaimed = page(&app, o, "").await;
    assert_eq!(unclaimed["reason"], "certificate_unclaimed");
    assert_eq!(people(&unclaimed), ids(&s, &[2]), "only the one with a group and no claim: {unclaimed}");
    let row = &unclaimed["rows"][0];
    assert_eq!(
        (row["amount_fen"].as_i64(), row["kind"].as_str(), row["region"].as_str()),
        (Some(100_000), Some("syb"), Some("370200"))
    );
    assert_eq!(row["subject"], s.trainees[2].2.as_str());
    assert!(row["mobile"].as_str().is_some_and(|m| m.contains("****")), "masked: {row}");
    let certs = app.get("/api/me/certificates", Some(&s.trainees[2].0)).await;
    let issued: NaiveDate = certs.body[0]["issued_on"].as_str().and_then(|d| d.parse().ok()).unwrap_or_default();
    assert_eq!(row["deadline"], (issued + Months::new(12)).to_string(), "the window of the policy");
    assert_eq!(people(&page(&app, o, "reason=window_closing").await), Vec::<String>::new());

    let waiting = page(&app, o, "reason=declaration_waiting&waiting_days=5").await;
    assert_eq!(people(&waiting), ids(&s, &[0, 1]), "declared before the class, not yet checked: {waiting}");
    assert!(waiting["rows"].as_array().into_iter().flatten().all(|r| r["waiting_days"].as_u64() >= Some(5)));
    assert_eq!(people(&page(&app, o, "reason=declaration_waiting&waiting_days=60").await), Vec::<String>::new());
    app.verify_groups(o).await;
    assert_eq!(people(&page(&app, o, "reason=declaration_waiting&waiting_days=1").await), Vec::<String>::new());

    let iyb = page(&app, o, "reason=syb_may_take_iyb").await;
    assert_eq!(people(&iyb), ids(&s, &[0, 1, 2]), "the one in an IYB class is served: {iyb}");

    // A year on, less a fortnight: the draft and the unclaimed certificate close soon.
    app.travel_to(app.now() + Duration::days(365 - 14));
    let o = &app.login("13800000003").await;
    let closing = page(&app, o, "reason=window_closing").await;
    assert_eq!(people(&closing), ids(&s, &[1, 2]), "{closing}");
    let stages: Vec<Option<&str>> =
        closing["rows"].as_array().into_iter().flatten().map(|r| r["claim_status"].as_str()).collect();
    assert!(stages.contains(&Some("draft")) && stages.contains(&None), "{closing}");
    assert_eq!(people(&page(&app, o, "").await), Vec::<String>::new(), "closing, not merely unclaimed");
    app.travel_to(app.now() + Duration::days(30));
    let o = &app.login("13800000003").await;
    assert_eq!(people(&page(&app, o, "reason=window_closing").await), Vec::<String>::new(), "expired");
}

#[tokio::test]
async fn only_the_regions_officers_see_the_list_and_bad_fields_are_named() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let jinan = app.officer(&s.w.admin, "13800000041", "370100").await;
    let r = app.get("/api/bureau/outreach?region=370200", Some(&jinan)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "another city: {}", r.text);
    assert_eq!(people(&page(&app, &jinan, "").await), Vec::<String>::new(), "Jinan's own list holds nobody of Qingdao");
    let r = app.get("/api/bureau/outreach", Some(&s.trainees[1].0)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a trainee: {}", r.text);
    let province = app.officer(&s.w.admin, "13800000031", "370000").await;
    assert_eq!(people(&page(&app, &province, "").await), ids(&s, &[2]), "the province sees its cities");
    let subject = s.trainees[2].2.clone();
    assert_eq!(nudge(&app, &jinan, "certificate_unclaimed", &subject).await, StatusCode::FORBIDDEN);

    let r = app.get("/api/bureau/outreach?reason=everyone&waiting_days=0&after=x", Some(&s.w.officer)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        (r.field("reason"), r.field("waiting_days"), r.field("after")),
        ("invalid_format", "out_of_range", "invalid_format")
    );
    let r = app
        .post("/api/bureau/outreach/nudges", Some(&s.w.officer), &json!({ "reason": "nobody", "subject": "x" }))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let served = s.trainees[0].2.clone();
    assert_eq!(nudge(&app, &s.w.officer, "certificate_unclaimed", &served).await, StatusCode::CONFLICT, "not listed");
    assert!(nudges_of(&app, &s.trainees[0].0).await.is_empty());
}

#[tokio::test]
async fn a_person_is_notified_once_a_week_however_many_officers_click() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let (token, _, number) = &s.trainees[2];
    assert_eq!(nudge(&app, &s.w.officer, "certificate_unclaimed", number).await, StatusCode::CREATED);
    assert_eq!(nudges_of(&app, token).await, ["nudge_unclaimed"]);
    let listed = page(&app, &s.w.officer, "").await;
    let row = &listed["rows"][0];
    assert!(row["nudged_at"].is_string() && row["quiet_until"].is_string(), "{row}");
    let r = app
        .post(
            "/api/bureau/outreach/nudges",
            Some(&s.officer_b),
            &json!({ "reason": "syb_may_take_iyb", "subject": number }),
        )
        .await;
    assert_eq!(
        (r.status, r.body["code"].as_str()),
        (StatusCode::CONFLICT, Some("recently_notified")),
        "another reason, same week: {}",
        r.text
    );
    assert_eq!(nudges_of(&app, token).await.len(), 1);

    // Two officers click for the same person at once: one notification.
    let (other, _, other_cert) = &s.trainees[1];
    let body = json!({ "reason": "syb_may_take_iyb", "subject": other_cert });
    let calls = vec![
        (s.w.officer.clone(), "/api/bureau/outreach/nudges".to_owned(), body.clone()),
        (s.officer_b.clone(), "/api/bureau/outreach/nudges".to_owned(), body),
    ];
    let mut statuses: Vec<u16> = concurrently(&app, calls).await.iter().map(|(st, _)| st.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409]);
    assert_eq!(nudges_of(&app, other).await, ["nudge_iyb"]);

    app.travel_to(app.now() + Duration::days(6));
    assert_eq!(nudge(&app, &s.w.officer, "certificate_unclaimed", number).await, StatusCode::CONFLICT, "day 6");
    app.travel_to(app.now() + Duration::days(1));
    assert_eq!(nudge(&app, &s.officer_b, "certificate_unclaimed", number).await, StatusCode::CREATED, "a week on");
    assert_eq!(nudges_of(&app, token).await.len(), 2);
    let user = s.trainees[2].1.clone();
    let steps = app
        .state()
        .db(move |c| Ok(malanhua::core::audit::store::for_entity(c, "user", &user)?))
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    let nudged = steps.iter().filter(|r| r.action.as_str() == "outreach.nudge").count();
    assert_eq!(nudged, 2, "each notification is audited");
}
