//! One pipeline for three kinds of payable claim: the same stage rules run
//! for a training subsidy, a studio grant and a mentor's service fees, and
//! the worklist shows the three with one filter.

use malanhua_tests::studios::StudioWorld;
use malanhua_tests::subsidies::Setup;
use malanhua_tests::{TestApp, TestResponse};
use reqwest::StatusCode;
use serde_json::json;

async fn stage(app: &TestApp, token: &str, claim: &str, action: &str) -> TestResponse {
    let body = if action == "pay" {
        json!({ "action": "pay", "payment_ref": "CZ-2026-009" })
    } else {
        json!({ "action": action })
    };
    app.act(token, claim, body).await
}

/// Up to public notice, with an objection held and dismissed on the way.
async fn to_notice(app: &TestApp, w: &StudioWorld, claim: &str, kind: &str) {
    let r = stage(app, &w.officer_a, claim, "review").await;
    assert_eq!((r.status, r.body["claim"]["claim_kind"].as_str()), (StatusCode::OK, Some(kind)), "{kind}: {}", r.text);
    assert_eq!(stage(app, &w.officer_a, claim, "approve").await.code(), "separation_of_duties", "{kind}");
    assert_eq!(stage(app, &w.officer_b, claim, "approve").await.status, StatusCode::OK, "{kind}");
    assert_eq!(stage(app, &w.officer_c, claim, "pay").await.code(), "wrong_state", "{kind}: not published");
    assert_eq!(stage(app, &w.officer_a, claim, "publish").await.status, StatusCode::OK, "{kind}");
    // The same objector for each kind: a new code may be sent a minute later.
    app.advance(chrono::Duration::seconds(61));
    let o = app.object(claim, "请核实该笔资金的真实性", "13900000001").await;
    assert_eq!(o.status, StatusCode::CREATED, "{kind}: {}", o.text);
    assert_eq!(stage(app, &w.officer_c, claim, "pay").await.code(), "notice_running", "{kind}: held");
    let id = o.body["id"].as_str().unwrap_or_default();
    let d = app
        .post(
            &format!("/api/objections/{id}/resolution"),
            Some(&w.officer_b),
            &json!({ "uphold": false, "reason": "经核查无误" }),
        )
        .await;
    assert_eq!(d.body["claim"]["status"], "notice", "{kind}: {}", d.text);
    assert_eq!(stage(app, &w.officer_c, claim, "pay").await.code(), "notice_running", "{kind}: notice runs");
}

/// After the notice: the approver may not pay, another officer pays once.
async fn pay_once(app: &TestApp, w: &StudioWorld, claim: &str, kind: &str) {
    assert_eq!(stage(app, &w.officer_b, claim, "pay").await.code(), "separation_of_duties", "{kind}");
    let r = stage(app, &w.officer_c, claim, "pay").await;
    assert_eq!((r.status, r.body["claim"]["status"].as_str()), (StatusCode::OK, Some("paid")), "{kind}: {}", r.text);
    assert_eq!(stage(app, &w.officer_c, claim, "pay").await.code(), "wrong_state", "{kind}: never twice");
    assert_eq!(app.payments(claim).await, 1, "{kind}");
}

#[tokio::test]
async fn the_stage_rules_hold_for_every_kind_and_the_worklist_filters_by_kind() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let officer_c = app.officer(&s.w.admin, "13800000008", "370200").await;
    let mobiles = ["13800000000", "13800000003", "13800000009", "13800000008"];
    let tokens = [s.w.admin.clone(), s.w.officer.clone(), s.officer_b.clone(), officer_c];
    let mut w = app.studio_world_of(mobiles, tokens, 2).await;
    // Training: the trainee files the drafted claim.
    let trainee = app.login(&malanhua_tests::classes::mobile(1)).await;
    let training = app.claim_of(&trainee).await["id"].as_str().unwrap_or_default().to_owned();
    let r = app.post(&format!("/api/claims/{training}/submit"), Some(&trainee), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    app.verify_groups(&w.officer_a).await;
    // A studio grant.
    let applied = app.apply_studio(&w, "崂山创业指导师工作室").await;
    assert_eq!(applied.status, StatusCode::CREATED, "{}", applied.text);
    let grant = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    // A month of service fees, filed by the mentor.
    let policy = json!({ "effective_from": "2020-01-01", "one_to_one": [{ "min_minutes": 30, "fee_fen": 10_000 }],
                         "transport_fen": 0, "yearly_cap_fen": 1_000_000, "notice_days": 5 });
    assert_eq!(app.put("/api/fee-policies/370200", Some(&w.officer_a), &policy).await.status, StatusCode::OK);
    let o = app.post("/api/me/mentor/fees", Some(&w.leader.0), &json!({ "record_id": w.records[0] })).await;
    assert_eq!(o.status, StatusCode::OK, "{}", o.text);
    let fees = o.body["claims"][0]["id"].as_str().unwrap_or_default().to_owned();
    let r = app.post(&format!("/api/claims/{fees}/submit"), Some(&w.leader.0), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    let all = app.get("/api/bureau/claims", Some(&w.officer_a)).await;
    assert_eq!(all.body["items"].as_array().map(Vec::len), Some(3), "{}", all.text);
    for (kind, id) in [("training", &training), ("studio_grant", &grant), ("service_fee", &fees)] {
        let one = app.get(&format!("/api/bureau/claims?claim_kind={kind}"), Some(&w.officer_a)).await;
        let ids: Vec<&str> =
            one.body["items"].as_array().into_iter().flatten().filter_map(|c| c["id"].as_str()).collect();
        assert_eq!(ids, vec![id.as_str()], "{kind}: {}", one.text);
    }
    let bad = app.get("/api/bureau/claims?claim_kind=loan", Some(&w.officer_a)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);

    for (kind, id) in [("training", &training), ("studio_grant", &grant), ("service_fee", &fees)] {
        to_notice(&app, &w, id, kind).await;
    }
    app.end_notice(&grant).await;
    app.refresh(&mut w).await;
    for (kind, id) in [("training", &training), ("studio_grant", &grant), ("service_fee", &fees)] {
        pay_once(&app, &w, id, kind).await;
    }
}
