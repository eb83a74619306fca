//! Separation of duties: nobody is both bureau officer and institution
//! staff, and nobody decides a claim that pays them or that they filed.

use malanhua_tests::TestApp;
use malanhua_tests::classes::mobile;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_officer_cannot_also_be_institution_staff_nor_staff_an_officer() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13500000000").await;
    let officer = app.officer(&admin, "13500000001", "370200").await;
    let staff_body =
        |m: &str| json!({ "institution_name": "崂山创业学校", "region": "370212", "mobile": m, "real_name": "赵敏" });
    let r = app.post("/api/admin/institution-accounts", Some(&officer), &staff_body("13500000001")).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "separation_of_duties"), "{}", r.text);
    let r = app.post("/api/admin/institution-accounts", Some(&officer), &staff_body("13500000002")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let body = json!({ "mobile": "13500000002", "real_name": "赵敏", "region": "370200" });
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &body).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::FORBIDDEN, "separation_of_duties"),
        "while staff is offered: {}",
        r.text
    );
    assert_eq!(app.take_up("13500000002").await.status, StatusCode::OK);
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &body).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "separation_of_duties"), "once staff: {}", r.text);
    let me = app.get("/api/me", Some(&app.login("13500000002").await)).await;
    let roles: Vec<&str> =
        me.body["roles"].as_array().into_iter().flatten().filter_map(|r| r["role"].as_str()).collect();
    assert!(
        roles.contains(&"institution_staff") && !roles.contains(&"bureau_officer"),
        "the staff role stays and nothing was granted: {}",
        me.text
    );
}

#[tokio::test]
async fn an_officer_cannot_decide_a_claim_that_pays_them() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { payee: "trainee", ..Setup::default() }).await;
    let claim = app.claim_of(&s.trainees[0].0).await;
    let id = claim["id"].as_str().unwrap_or_default().to_owned();
    let r = app.post(&format!("/api/claims/{id}/submit"), Some(&s.trainees[0].0), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let body = json!({ "mobile": mobile(1), "real_name": "学员", "region": "370200" });
    let r = app.post("/api/admin/bureau-accounts", Some(&s.w.admin), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "the trainee is offered the officer's role: {}", r.text);
    let took = app.take_up(&mobile(1)).await;
    assert_eq!(took.status, StatusCode::OK, "{}", took.text);
    let both = took.body["token"].as_str().unwrap_or_default();
    let own = app.act(both, &id, json!({ "action": "review" })).await;
    assert_eq!((own.status, own.code()), (StatusCode::FORBIDDEN, "separation_of_duties"), "{}", own.text);
    let detail = app.get(&format!("/api/claims/{id}"), Some(both)).await;
    assert_eq!(detail.body["actions"], json!([]), "no action is offered on one's own claim: {}", detail.text);
    let r = app.act(&s.w.officer, &id, json!({ "action": "review" })).await;
    assert_eq!(r.status, StatusCode::OK, "another officer reviews it: {}", r.text);
}

#[tokio::test]
async fn a_declaration_is_verified_by_the_bureau_where_it_was_declared_not_where_one_moves() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13500000010").await;
    let qingdao = app.officer(&admin, "13500000011", "370200").await;
    let hohhot = app.officer(&admin, "13500000012", "150100").await;
    let token = app.trainee_with_profile(501).await;
    let d = json!({ "group": "registered_unemployed", "valid_from": "2025-01-01", "evidence": "失业登记证 501" });
    let declared = app.post("/api/me/priority-groups", Some(&token), &d).await;
    assert_eq!(declared.status, StatusCode::CREATED, "{}", declared.text);
    let id = declared.body["id"].as_str().unwrap_or_default().to_owned();
    let moved =
        json!({ "real_name": "学员", "resident_id": malanhua_tests::classes::resident_id(501), "region": "150102" });
    let r = app.put("/api/me/profile", Some(&token), &moved).await;
    assert_eq!(r.status, StatusCode::OK, "the person moves to Hohhot: {}", r.text);
    let path = format!("/api/priority-groups/{id}/decision");
    let r = app.post(&path, Some(&hohhot), &json!({ "approve": true })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the new home's bureau cannot verify it: {}", r.text);
    let hohhot_list = app.get("/api/bureau/priority-groups", Some(&hohhot)).await;
    assert!(!hohhot_list.text.contains(&id), "{}", hohhot_list.text);
    let qingdao_list = app.get("/api/bureau/priority-groups", Some(&qingdao)).await;
    assert!(qingdao_list.text.contains(&id), "{}", qingdao_list.text);
    let r = app.post(&path, Some(&qingdao), &json!({ "approve": true })).await;
    assert_eq!((r.status, r.body["status"].as_str()), (StatusCode::OK, Some("verified")), "{}", r.text);
}
