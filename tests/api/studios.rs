//! Mentor studios: the application's rules, the grant through the claim
//! pipeline by three officers, exactly one payment under concurrency,
//! recognition, reports, evaluation, rectification, revocation with a
//! clawback and a ban.

use chrono::{Duration, TimeZone, Utc};
use malanhua_tests::{TestApp, concurrently};
use reqwest::StatusCode;
use serde_json::json;

fn reasons(r: &malanhua_tests::TestResponse) -> String {
    r.body["message"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn too_few_members_or_a_record_cited_twice_is_refused_naming_the_rule() {
    let app = TestApp::spawn().await;
    let w = app.studio_world(2).await;
    let one = [w.members[0].1.as_str()];
    let r = app.apply_studio_with(&w.leader.0, "崂山创业指导师工作室", &one, &w.records).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "not_eligible"), "{}", r.text);
    assert_eq!(reasons(&r), "not eligible: too_few_members");
    let few = app
        .apply_studio_with(&w.leader.0, "崂山创业指导师工作室", &[&w.members[0].1, &w.members[1].1], &w.records[..2])
        .await;
    assert_eq!(reasons(&few), "not eligible: too_few_services", "two services of three: {}", few.text);
    let bad = app.apply_studio_with(&w.leader.0, "工作", &one, &w.records).await;
    assert_eq!((bad.code(), bad.field("name")), ("validation_failed", "too_short"));
    assert!(app.get("/api/me/studio", Some(&w.leader.0)).await.body["studio"].is_null(), "nothing was saved");
    let ok = app.apply_studio(&w, "崂山创业指导师工作室").await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(ok.body["studio"]["status"], "applied");
    assert_eq!(ok.body["claim_status"], "submitted");
    assert_eq!(ok.body["grant_fen"], 10_000_000);
    // Another mentor citing the leader's records, with members already in a studio.
    let other = app.admitted_mentor(&w.officer_a, 950).await;
    let members = [w.members[0].1.as_str(), w.members[1].1.as_str()];
    let r = app.apply_studio_with(&other.0, "另一家工作室", &members, &w.records).await;
    assert_eq!(
        reasons(&r),
        "not eligible: too_few_services, member_in_other_studio, record_already_cited, record_not_countable",
        "{}",
        r.text
    );
    let again = app.apply_studio(&w, "崂山创业指导师工作室二号").await;
    assert!(reasons(&again).contains("studio_already_recognised"), "{}", again.text);
}

#[tokio::test]
async fn the_grant_passes_three_officers_is_paid_once_and_the_studio_is_listed() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(2).await;
    let applied = app.apply_studio(&w, "崂山创业指导大师工作室").await;
    assert_eq!(applied.status, StatusCode::CREATED, "{}", applied.text);
    let studio = applied.body["studio"]["id"].as_str().unwrap_or_default().to_owned();
    let claim = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    assert!(app.get(&format!("/api/studios/{studio}"), None).await.status == StatusCode::NOT_FOUND, "not public yet");
    let r = app.act(&w.officer_a, &claim, json!({ "action": "review" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["claim"]["claim_kind"], "studio_grant");
    assert_eq!(r.body["claim"]["subject"], "崂山创业指导大师工作室");
    let same = app.act(&w.officer_a, &claim, json!({ "action": "approve" })).await;
    assert_eq!(same.code(), "separation_of_duties", "the reviewer cannot approve");
    assert_eq!(app.act(&w.officer_b, &claim, json!({ "action": "approve" })).await.status, StatusCode::OK);
    assert_eq!(app.act(&w.officer_a, &claim, json!({ "action": "publish" })).await.status, StatusCode::OK);
    let notices = app.get("/api/notices", None).await;
    let entry = notices.body.as_array().into_iter().flatten().find(|n| n["claim_id"] == claim.as_str()).cloned();
    let entry = entry.unwrap_or_else(|| panic!("on notice: {}", notices.text));
    assert_eq!(
        (entry["claim_kind"].as_str(), entry["subject"].as_str(), entry["holder_masked"].as_str()),
        (Some("studio_grant"), Some("崂山创业指导大师工作室"), Some("王*燕")),
        "the leader's name masked"
    );
    assert_eq!(entry["amount_fen"], 10_000_000);
    let early = app.act(&w.officer_c, &claim, json!({ "action": "pay", "payment_ref": "CZ-2026-001" })).await;
    assert_eq!(early.code(), "notice_running");
    app.end_notice(&claim).await;
    app.refresh(&mut w).await;
    let by_approver = app.act(&w.officer_b, &claim, json!({ "action": "pay", "payment_ref": "CZ-2026-001" })).await;
    assert_eq!(by_approver.code(), "separation_of_duties", "the approver cannot pay");
    let path = format!("/api/claims/{claim}/actions");
    let body = json!({ "action": "pay", "payment_ref": "CZ-2026-001" });
    let calls = (0..10).map(|_| (w.officer_c.clone(), path.clone(), body.clone())).collect();
    let results = concurrently(&app, calls).await;
    let paid = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(paid, 1, "{results:?}");
    assert!(results.iter().all(|(s, b)| *s == StatusCode::OK || b["code"] == "wrong_state"), "{results:?}");
    assert_eq!(app.payments(&claim).await, 1);
    let detail = app.get(&format!("/api/claims/{claim}"), Some(&w.officer_c)).await;
    assert_eq!(
        (detail.body["claim"]["status"].as_str(), detail.body["claim"]["amount_fen"].as_i64()),
        (Some("paid"), Some(10_000_000))
    );
    let public = app.get(&format!("/api/studios/{studio}"), None).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.text);
    assert_eq!(public.body["studio"]["status"], "recognised");
    assert!(
        public.body["claim_id"].is_null() && public.body["evidence"] == json!([]),
        "the public sees no claim or evidence"
    );
    assert_eq!(public.body["studio"]["members"].as_array().map(Vec::len), Some(3));
    let listed = app.get("/api/studios?region=370200", None).await;
    assert_eq!(listed.body.as_array().map(Vec::len), Some(1), "{}", listed.text);
    assert_eq!(listed.body[0]["name"], "崂山创业指导大师工作室");
    let found = app.get("/api/studios?q=%E5%A4%A7%E5%B8%88", None).await;
    assert_eq!(found.body.as_array().map(Vec::len), Some(1));
    let again = app.apply_studio(&w, "崂山创业指导大师工作室").await;
    assert!(
        reasons(&again).contains("studio_already_recognised"),
        "a second application under the policy: {}",
        again.text
    );
}

#[tokio::test]
async fn an_upheld_objection_refuses_the_studio_and_frees_its_records() {
    let app = TestApp::spawn().await;
    let w = app.studio_world(2).await;
    let applied = app.apply_studio(&w, "崂山创业指导师工作室").await;
    let claim = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    for (t, a) in [(&w.officer_a, "review"), (&w.officer_b, "approve"), (&w.officer_a, "publish")] {
        assert_eq!(app.act(t, &claim, json!({ "action": a })).await.status, StatusCode::OK);
    }
    let o = app.object(&claim, "成员并未实际参与服务", "13900000000").await;
    assert_eq!(o.status, StatusCode::CREATED, "{}", o.text);
    let id = o.body["id"].as_str().unwrap_or_default();
    let r = app
        .post(
            &format!("/api/objections/{id}/resolution"),
            Some(&w.officer_b),
            &json!({ "uphold": true, "reason": "经核查属实" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let mine = app.get("/api/me/studio", Some(&w.leader.0)).await;
    assert_eq!(mine.body["studio"]["studio"]["status"], "refused", "{}", mine.text);
    assert_eq!(mine.body["citable"].as_array().map(Vec::len), Some(3), "the records are free again");
    let again = app.apply_studio(&w, "崂山创业指导师工作室").await;
    assert_eq!(again.status, StatusCode::CREATED, "a refused studio may apply again: {}", again.text);
}

#[tokio::test]
async fn a_failed_evaluation_orders_rectification_and_a_second_revokes_with_a_clawback_and_a_ban() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(2).await;
    let applied = app.apply_studio(&w, "崂山创业指导师工作室").await;
    let studio = applied.body["studio"]["id"].as_str().unwrap_or_default().to_owned();
    let claim = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    let paid = app.through_the_stages(&mut w, &claim).await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.text);
    let mine = app.get("/api/me/studio", Some(&w.leader.0)).await;
    let recognised_on = mine.body["studio"]["studio"]["recognised_on"].as_str().unwrap_or_default().to_owned();
    let report = |start: &str, spent: i64| json!({ "period_start": start, "activities": "举办集中服务两场，一对一辅导十二次。", "services": 14, "spent_fen": spent });
    let r = app.post(&format!("/api/studios/{studio}/reports"), Some(&w.leader.0), &report("2026-12-01", 1)).await;
    assert_eq!(r.field("period_start"), "out_of_range", "not a period start: {}", r.text);
    let r =
        app.post(&format!("/api/studios/{studio}/reports"), Some(&w.members[0].0), &report(&recognised_on, 1)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the leader reports");
    let r = app
        .post(&format!("/api/studios/{studio}/reports"), Some(&w.leader.0), &report(&recognised_on, 2_500_000))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let early = json!({ "year": 2026, "score": 50, "comment": "服务记录不完整" });
    let r = app.post(&format!("/api/studios/{studio}/evaluations"), Some(&w.officer_a), &early).await;
    assert_eq!(r.field("year"), "out_of_range", "2026 has not ended");
    app.travel_to(Utc.with_ymd_and_hms(2027, 1, 5, 2, 0, 0).single().unwrap_or_default());
    app.refresh(&mut w).await;
    let work = app.get("/api/bureau/studios", Some(&w.officer_a)).await;
    assert_eq!(work.body[0]["evaluation_due"], 2026, "{}", work.text);
    let r = app.post(&format!("/api/studios/{studio}/evaluations"), Some(&w.officer_a), &early).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["studio"]["status"], "rectification");
    assert_eq!(r.body["rectify_by"], "2027-04-05", "90 days");
    assert_eq!(r.body["evaluations"][0]["outcome"], "rectification");
    let twice = app.post(&format!("/api/studios/{studio}/evaluations"), Some(&w.officer_a), &early).await;
    assert_eq!(twice.code(), "wrong_state", "one evaluation a year");
    app.travel_to(Utc.with_ymd_and_hms(2028, 1, 5, 2, 0, 0).single().unwrap_or_default());
    app.refresh(&mut w).await;
    let failed = json!({ "year": 2027, "score": 40, "comment": "整改未到位" });
    let r = app.post(&format!("/api/studios/{studio}/evaluations"), Some(&w.officer_b), &failed).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["studio"]["status"], "revoked");
    assert_eq!(r.body["clawback_fen"], 7_500_000, "paid 10,000,000, 2,500,000 justified");
    assert_eq!(r.body["banned_until"], "2031-01-05");
    let detail = app.get(&format!("/api/claims/{claim}"), Some(&w.officer_c)).await;
    assert_eq!(detail.body["claim"]["recovery"]["amount_fen"], 7_500_000, "a receivable on the grant: {}", detail.text);
    assert_eq!(
        app.get(&format!("/api/studios/{studio}"), None).await.status,
        StatusCode::NOT_FOUND,
        "off the directory"
    );
    let again = app.apply_studio(&w, "崂山创业指导师工作室").await;
    assert!(reasons(&again).contains("banned_after_revocation"), "{}", again.text);
}

#[tokio::test]
async fn revocation_needs_a_missing_report_and_recovers_at_most_what_is_unjustified() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(2).await;
    let applied = app.apply_studio(&w, "崂山创业指导师工作室").await;
    let studio = applied.body["studio"]["id"].as_str().unwrap_or_default().to_owned();
    let claim = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(app.through_the_stages(&mut w, &claim).await.status, StatusCode::OK);
    let path = format!("/api/studios/{studio}/revoke");
    let r = app.post(&path, Some(&w.officer_a), &json!({ "reason": "未按期报告" })).await;
    assert_eq!(r.code(), "wrong_state", "nothing is missing yet: {}", r.text);
    app.advance(Duration::days(120));
    app.refresh(&mut w).await;
    let work = app.get("/api/bureau/studios?status=recognised", Some(&w.officer_a)).await;
    assert_eq!(work.body[0]["may_revoke"], true, "{}", work.text);
    assert_eq!(work.body[0]["reports_missing"].as_array().map(Vec::len), Some(1));
    let r = app.post(&path, Some(&w.officer_a), &json!({ "reason": "未按期报告", "clawback_fen": 10_000_001 })).await;
    assert_eq!(r.field("clawback_fen"), "out_of_range", "{}", r.text);
    let r = app.post(&path, Some(&w.officer_a), &json!({ "reason": "未按期报告", "clawback_fen": 4_000_000 })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        (r.body["studio"]["status"].as_str(), r.body["clawback_fen"].as_i64()),
        (Some("revoked"), Some(4_000_000))
    );
}
