//! Every subsidy policy in the demo data can be earned: for each one, a class
//! of its region and kind is filed, approved, run and completed, and the
//! certificate it issues qualifies for the policy's amount.

use chrono::{Duration, Utc};
use malanhua_tests::TestApp;
use malanhua_tests::classes::sh;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Regions whose bureaus set subsidy policies in the demo.
const REGIONS: [&str; 5] = ["440300", "450300", "430100", "110000", "370200"];

/// A region's bureau, institution and trainer, made for the test.
struct Bureau {
    officer: String,
    staff: String,
    trainer: String,
}

/// The test travels for years; everyone signs in again after each class.
struct People {
    officer: String,
    staff: String,
    trainee: String,
}

async fn sign_in(app: &TestApp, b: &Bureau, trainee: &str) -> People {
    People { officer: app.login(&b.officer).await, staff: app.login(&b.staff).await, trainee: app.login(trainee).await }
}

async fn bureau(app: &TestApp, admin: &str, region: &str, n: u32) -> Bureau {
    let officer_mobile = format!("1370000{n:04}");
    let officer = app.officer(admin, &officer_mobile, region).await;
    let body = json!({ "institution_name": format!("创业学校 {region}"), "region": region,
                       "mobile": format!("1360000{n:04}"), "real_name": "赵敏" });
    let r = app.post("/api/admin/institution-accounts", Some(&officer), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "institution in {region}: {}", r.text);
    assert_eq!(app.take_up(&format!("1360000{n:04}")).await.status, StatusCode::OK);
    let staff = app.login(&format!("1360000{n:04}")).await;
    let t = app.post("/api/trainers", Some(&staff), &json!({ "name": "刘老师", "qualification_no": "SYB-9" })).await;
    let staff_mobile = format!("1360000{n:04}");
    Bureau {
        officer: officer_mobile,
        staff: staff_mobile,
        trainer: t.body["id"].as_str().unwrap_or_default().to_owned(),
    }
}

/// The course policy in force for a kind in a region, if any.
async fn course_policy(app: &TestApp, region: &str, kind: &str) -> Option<Value> {
    let list = app.get(&format!("/api/policies/{region}"), None).await;
    list.body.as_array().into_iter().flatten().find(|p| p["kind"] == kind).cloned()
}

/// Runs one class of `kind` for the trainee and returns the certificate number.
async fn certificate(app: &TestApp, b: &Bureau, region: &str, kind: &str, mobile: &str, fee: Option<i64>) -> String {
    let policy = course_policy(app, region, kind).await.unwrap_or_else(|| panic!("{region} {kind}: no course policy"));
    if policy["requires_prior_certificate"] == true {
        // The first of the kinds that count which the region runs.
        let mut prior = None;
        for k in policy["prior_kinds"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if course_policy(app, region, k).await.is_some() {
                prior = Some(k.to_owned());
                break;
            }
        }
        let prior = prior.unwrap_or_else(|| panic!("{region} {kind}: no prior course runs here"));
        Box::pin(certificate(app, b, region, &prior, mobile, None)).await;
    }
    let who = sign_in(app, b, mobile).await;
    let (staff, officer, trainee) = (&who.staff, &who.officer, &who.trainee);
    let hours = policy["min_hours"].as_i64().unwrap_or(70);
    let days = (hours + 6) / 7;
    let first = (app.now() + Duration::days(30)).with_timezone(&malanhua_shared::course::shanghai()).date_naive();
    let at = |d: i64, h: u32| {
        let day = first + Duration::days(d);
        sh(day
            .and_hms_opt(h, 0, 0)
            .unwrap_or_default()
            .and_local_timezone(malanhua_shared::course::shanghai())
            .single()
            .unwrap_or_default()
            .with_timezone(&Utc))
    };
    let sessions: Vec<Value> =
        (0..days).map(|d| json!({ "starts_at": at(d, 9), "ends_at": at(d, 16), "topic": "课程" })).collect();
    let body = json!({
        "kind": kind, "title": format!("{kind} {region} {first}"), "trainer_ids": [b.trainer], "mode": "online",
        "capacity": 20, "enrol_opens_at": sh(app.now() - Duration::hours(1)), "enrol_closes_at": at(-1, 18),
        "starts_on": first.to_string(), "ends_on": (first + Duration::days(days - 1)).to_string(),
        "sessions": sessions, "fee_fen": fee,
    });
    let r = app.post("/api/classes", Some(staff), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{region} {kind} file: {}", r.text);
    let class = r.body["summary"]["id"].as_str().unwrap_or_default().to_owned();
    let r = app.post(&format!("/api/classes/{class}/decision"), Some(officer), &json!({ "approve": true })).await;
    assert_eq!(r.status, StatusCode::OK, "{region} {kind} approve: {}", r.text);
    let enrol = json!({ "business_licence": "91370212ma3c1234x5" });
    let r = app.post(&format!("/api/classes/{class}/enrol"), Some(trainee), &enrol).await;
    assert_eq!(r.status, StatusCode::CREATED, "{region} {kind} enrol: {}", r.text);
    let user = app.get("/api/me", Some(trainee)).await.body["id"].clone();
    app.after_session(&class, usize::try_from(days - 1).unwrap_or(0), 60).await;
    let who = sign_in(app, b, mobile).await;
    let (staff, officer, trainee) = (&who.staff, &who.officer, &who.trainee);
    for s in app.session_ids(&class).await {
        let marks = json!({ "marks": [{ "user_id": user, "mark": "present" }] });
        let r = app.put(&format!("/api/sessions/{s}/attendance"), Some(staff), &marks).await;
        assert_eq!(r.status, StatusCode::OK, "{region} {kind} marks: {}", r.text);
    }
    let results = json!({ "results": [{ "user_id": user, "plan_submitted": true, "score": 80, "passed": true }] });
    let r = app.put(&format!("/api/classes/{class}/assessments"), Some(staff), &results).await;
    assert_eq!(r.status, StatusCode::OK, "{region} {kind} results: {}", r.text);
    let r = app.post(&format!("/api/classes/{class}/completion"), Some(staff), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{region} {kind} completion: {}", r.text);
    let path = format!("/api/classes/{class}/completion/decision");
    let r = app.post(&path, Some(officer), &json!({ "approve": true })).await;
    assert_eq!(r.status, StatusCode::OK, "{region} {kind} certificates: {}", r.text);
    let certs = app.get("/api/me/certificates", Some(trainee)).await;
    let cert = certs.body.as_array().into_iter().flatten().find(|c| c["class_id"] == class.as_str());
    cert.and_then(|c| c["number"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("{region} {kind}: {}", certs.text))
}

#[tokio::test]
async fn every_demo_subsidy_policy_can_be_earned_end_to_end() {
    let app = TestApp::spawn().await;
    assert_eq!(malanhua::seed::seed_demo(app.state(), app.now()).await, Ok(true));
    let mut earned = 0;
    for (i, region) in REGIONS.into_iter().enumerate() {
        let admin = app.login_as("13800000000", malanhua::seed::DEMO_PASSWORD).await;
        let admin = admin.body["token"].as_str().unwrap_or_default().to_owned();
        let n = u32::try_from(i).unwrap_or(0);
        let b = bureau(&app, &admin, region, n).await;
        let policies = app.get(&format!("/api/subsidy-policies/{region}"), None).await;
        let own: Vec<Value> =
            policies.body.as_array().into_iter().flatten().filter(|p| p["region_code"] == region).cloned().collect();
        assert!(!own.is_empty(), "{region}: {}", policies.text);
        for (k, p) in own.iter().enumerate() {
            let kind = p["kind"].as_str().unwrap_or_default();
            let amount = p["amount_fen"].as_i64().unwrap_or(0);
            let person = 500 + n * 20 + u32::try_from(k).unwrap_or(0);
            let trainee = app.trainee_with_profile(person).await;
            let mobile = malanhua_tests::classes::mobile(person);
            let group = json!({ "group": "registered_unemployed", "valid_from": "2020-01-01",
                                "evidence": "失业登记证", "issued_in": region });
            assert_eq!(app.post("/api/me/priority-groups", Some(&trainee), &group).await.status, StatusCode::CREATED);
            // An "up to" policy pays a cheaper class its fee.
            let fee = (p["amount_is_cap"] == true).then_some(amount - 10_000);
            let number = certificate(&app, &b, region, kind, &mobile, fee).await;
            let trainee = app.login(&mobile).await;
            let e = app.get(&format!("/api/certificates/{number}/eligibility"), Some(&trainee)).await;
            let expected = fee.unwrap_or(amount);
            assert_eq!(e.body["eligible"], true, "{region} {kind}: {}", e.text);
            assert_eq!(e.body["amount_fen"], expected, "{region} {kind}: {}", e.text);
            earned += 1;
        }
    }
    assert_eq!(earned, 14, "every demo subsidy policy");
}
