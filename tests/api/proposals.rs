//! A subsidy standard above the configured amount needs two officers: one
//! proposes it, another of the region confirms it or turns it down.

use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::json;

fn standard(amount_fen: i64) -> serde_json::Value {
    json!({ "effective_from": "2025-01-01", "amount_fen": amount_fen, "payee": "institution",
            "eligible_groups": ["registered_unemployed"], "claim_window_months": 12, "notice_days": 5 })
}

async fn amounts(app: &TestApp) -> Vec<i64> {
    let list = app.get("/api/subsidy-policies/370200", None).await;
    list.body.as_array().into_iter().flatten().filter_map(|p| p["amount_fen"].as_i64()).collect()
}

#[tokio::test]
async fn a_large_standard_takes_effect_only_when_a_second_officer_confirms_it() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let second = app.officer(&w.admin, "13800000009", "370200").await;
    let beijing = app.officer(&w.admin, "13800000020", "110000").await;

    let r = app.put("/api/subsidy-policies/370200/iyb", Some(&w.officer), &standard(300_000)).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "second_officer_required"), "{}", r.text);
    assert!(amounts(&app).await.is_empty(), "nothing took effect");
    let small = app.put("/api/subsidy-policies/370200/gyb", Some(&w.officer), &standard(50_000)).await;
    assert_eq!(small.status, StatusCode::OK, "a small standard needs one officer: {}", small.text);

    let bad =
        app.post("/api/subsidy-policies/370200/iyb/proposals", Some(&w.officer), &json!({ "amount_fen": -1 })).await;
    assert_eq!((bad.status, bad.field("amount_fen")), (StatusCode::BAD_REQUEST, "out_of_range"), "{}", bad.text);
    let p = app.post("/api/subsidy-policies/370200/iyb/proposals", Some(&w.officer), &standard(300_000)).await;
    assert_eq!((p.status, p.body["status"].as_str()), (StatusCode::CREATED, Some("pending")), "{}", p.text);
    assert_eq!(amounts(&app).await, vec![50_000], "a proposal is not in force");
    let path = format!("/api/policy-proposals/{}/decision", p.body["id"].as_str().unwrap_or_default());

    let own = app.post(&path, Some(&w.officer), &json!({ "approve": true })).await;
    assert_eq!((own.status, own.code()), (StatusCode::FORBIDDEN, "separation_of_duties"), "{}", own.text);
    assert_eq!(app.post(&path, Some(&beijing), &json!({ "approve": true })).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/bureau/policy-proposals", Some(&beijing)).await.body, json!([]));
    let list = app.get("/api/bureau/policy-proposals", Some(&second)).await;
    assert_eq!(list.body[0]["input"]["amount_fen"], 300_000, "{}", list.text);
    let no_reason = app.post(&path, Some(&second), &json!({ "approve": false })).await;
    assert_eq!(no_reason.field("reason"), "required", "{}", no_reason.text);

    let r = app.post(&path, Some(&second), &json!({ "approve": true })).await;
    assert_eq!((r.status, r.body["status"].as_str()), (StatusCode::OK, Some("confirmed")), "{}", r.text);
    assert_eq!(r.body["policy"]["amount_fen"], 300_000);
    let mut now_in_force = amounts(&app).await;
    now_in_force.sort_unstable();
    assert_eq!(now_in_force, vec![50_000, 300_000]);
    let again = app.post(&path, Some(&second), &json!({ "approve": false, "reason": "重复操作" })).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once: {}", again.text);
    let id = r.body["policy"]["id"].as_str().unwrap_or_default().to_owned();
    let audit = app
        .state()
        .db(move |c| Ok(malanhua::core::audit::store::for_entity(c, "subsidy_policy", &id)?))
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert!(audit.iter().any(|a| a.summary.contains("confirmed by")), "both officers are on record: {audit:?}");
}

#[tokio::test]
async fn a_turned_down_proposal_never_takes_effect() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let second = app.officer(&w.admin, "13800000009", "370200").await;
    let p = app.post("/api/subsidy-policies/370200/eyb/proposals", Some(&w.officer), &standard(500_000)).await;
    let path = format!("/api/policy-proposals/{}/decision", p.body["id"].as_str().unwrap_or_default());
    let r = app.post(&path, Some(&second), &json!({ "approve": false, "reason": "超出本地区补贴上限" })).await;
    assert_eq!((r.status, r.body["status"].as_str()), (StatusCode::OK, Some("rejected")), "{}", r.text);
    assert!(amounts(&app).await.is_empty());
    assert_eq!(app.get("/api/bureau/policy-proposals", Some(&second)).await.body, json!([]));
}
