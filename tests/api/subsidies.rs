use malanhua_tests::subsidies::{Setup, SubsidyWorld};
use malanhua_tests::{TestApp, concurrently};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

/// Takes a trainee-paid claim through filing, review (A) and approval (B).
async fn approved(app: &TestApp, s: &SubsidyWorld) -> String {
    let (token, _, number) = &s.trainees[0];
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let claim = id(&r.body["claim"]);
    assert_eq!(app.act(&s.w.officer, &claim, json!({ "action": "review" })).await.status, StatusCode::OK);
    app.verify_groups(&s.w.officer).await;
    assert_eq!(app.act(&s.officer_b, &claim, json!({ "action": "approve" })).await.status, StatusCode::OK);
    claim
}

#[tokio::test]
async fn issuing_certificates_drafts_claims_for_eligible_trainees_and_tells_the_payee() {
    let app = TestApp::spawn().await;
    let s =
        app.subsidy_world(Setup { trainees: 2, payee: "institution", grouped: |i| i == 0, ..Setup::default() }).await;
    let draft = app.claim_of(&s.trainees[0].0).await;
    assert_eq!((draft["status"].as_str(), draft["amount_fen"].as_i64()), (Some("draft"), Some(100_000)), "{draft}");
    assert_eq!(draft["payee"], "institution");
    assert_eq!(app.claim_of(&s.trainees[1].0).await, Value::Null, "no group, no draft");
    let notes = app.get("/api/me/notifications", Some(&s.w.staff)).await;
    assert!(notes.text.contains("claim_drafted"), "{}", notes.text);

    let batch = app.get(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff)).await;
    assert_eq!(batch.status, StatusCode::OK, "{}", batch.text);
    let lines = batch.body["lines"].as_array().cloned().unwrap_or_default();
    let line = |n: &str| lines.iter().find(|l| l["certificate_number"] == n).cloned().unwrap_or_default();
    assert_eq!(line(&s.trainees[0].2)["status"], "draft");
    assert_eq!(strings(&line(&s.trainees[1].2)["reasons"]), ["no_eligible_group"]);

    let filed = app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    assert_eq!((filed.status, filed.body["filed"].as_u64()), (StatusCode::OK, Some(1)), "{}", filed.text);
    assert_eq!(app.claim_of(&s.trainees[0].0).await["status"], "submitted");
    let again = app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    assert_eq!(again.body["filed"], 0, "filing twice files nothing new");
    let trainee = app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.trainees[0].0), &json!({})).await;
    assert_eq!(trainee.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_claim_goes_from_filing_to_payment_through_different_officers() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let el = app.get(&format!("/api/certificates/{number}/eligibility"), Some(token)).await;
    assert_eq!(
        (el.body["eligible"].as_bool(), el.body["payee"].as_str()),
        (Some(true), Some("trainee")),
        "{}",
        el.text
    );
    let draft = app.claim_of(token).await;
    assert_eq!(draft["status"], "draft");
    let claim = id(&draft);
    let detail = app.get(&format!("/api/claims/{claim}"), Some(token)).await;
    assert_eq!(detail.body["can_submit"], true);
    assert_eq!(detail.body["actions"], json!([]));

    let r = app.post(&format!("/api/claims/{claim}/submit"), Some(token), &json!({})).await;
    assert_eq!((r.status, r.body["claim"]["status"].as_str()), (StatusCode::OK, Some("submitted")), "{}", r.text);
    let a = &s.w.officer;
    let b = &s.officer_b;
    assert_eq!(app.act(a, &claim, json!({ "action": "approve" })).await.code(), "wrong_state");
    let r = app.act(a, &claim, json!({ "action": "review" })).await;
    assert_eq!(strings(&r.body["actions"]), ["return", "reject"], "A may not approve what A reviewed");
    let r = app.act(a, &claim, json!({ "action": "approve" })).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "separation_of_duties"));
    let r = app.act(b, &claim, json!({ "action": "approve" })).await;
    assert_eq!(r.code(), "not_eligible", "approval needs the group verified: {}", r.text);
    assert!(r.text.contains("group_not_verified"));
    let detail = app.get(&format!("/api/claims/{claim}"), Some(b)).await;
    assert_eq!(strings(&detail.body["eligibility"]["reasons"]), ["group_not_verified"]);
    app.verify_groups(a).await;
    assert_eq!(app.act(b, &claim, json!({ "action": "approve" })).await.status, StatusCode::OK);
    let r = app.act(b, &claim, json!({ "action": "publish" })).await;
    assert_eq!(r.body["claim"]["status"], "notice", "{}", r.text);
    assert!(r.body["claim"]["notice_ends_on"].is_string());

    let notices = app.get("/api/notices?region=370200", None).await;
    let entry = notices.body.as_array().and_then(|a| a.iter().find(|e| e["claim_id"] == claim.as_str())).cloned();
    let entry = entry.unwrap_or_else(|| panic!("not on notice: {}", notices.text));
    assert_eq!((entry["holder_masked"].as_str(), entry["amount_fen"].as_i64()), (Some("学*"), Some(100_000)));
    assert!(!notices.text.contains(number.as_str()), "the notice names no certificate or ID");
    assert_eq!(app.get("/api/notices?region=110000", None).await.body, json!([]));

    let pay = json!({ "action": "pay", "payment_ref": "QD-2026-0001" });
    let r = app.act(a, &claim, pay.clone()).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "notice_running"));
    app.end_notice(&claim).await;
    assert_eq!(app.act(b, &claim, pay.clone()).await.code(), "separation_of_duties", "the approver may not pay");
    let future = json!({ "action": "pay", "payment_ref": "QD-2026-0001", "paid_on": "2099-01-01" });
    assert_eq!(app.act(a, &claim, future).await.field("paid_on"), "out_of_range");
    assert_eq!(app.act(a, &claim, json!({ "action": "pay" })).await.field("payment_ref"), "required");
    let r = app.act(a, &claim, pay.clone()).await;
    assert_eq!((r.status, r.body["claim"]["status"].as_str()), (StatusCode::OK, Some("paid")), "{}", r.text);
    assert_eq!(app.act(a, &claim, pay).await.code(), "wrong_state", "never paid twice");
    assert_eq!(app.payments(&claim).await, 1);

    let mine = app.claim_of(token).await;
    assert_eq!((mine["status"].as_str(), mine["payment_ref"].as_str()), (Some("paid"), Some("QD-2026-0001")));
    let notes = app.get("/api/me/notifications", Some(token)).await;
    assert!(notes.text.contains("claim_paid"));
    let detail = app.get(&format!("/api/claims/{claim}"), Some(token)).await;
    let steps: Vec<String> = detail.body["timeline"]
        .as_array()
        .map(|t| t.iter().filter_map(|e| e["action"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(steps, ["claim.draft", "claim.submit", "claim.review", "claim.approve", "claim.publish", "claim.pay"]);
    assert_eq!(app.claim_audit(&claim).await, steps, "one audit row per state change, none for refusals");
    assert_eq!(detail.body["timeline"][2]["actor_name"], "王芳");
}

#[tokio::test]
async fn officers_act_only_within_their_region_and_others_not_at_all() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    let claim = id(&r.body["claim"]);
    let beijing = app.officer(&s.w.admin, "13800000020", "110000").await;
    let r = app.act(&beijing, &claim, json!({ "action": "review" })).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"));
    assert_eq!(app.get(&format!("/api/claims/{claim}"), Some(&beijing)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.act(token, &claim, json!({ "action": "review" })).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.act(&s.w.staff, &claim, json!({ "action": "review" })).await.status, StatusCode::FORBIDDEN);
    let stranger = app.trainee_with_profile(77).await;
    assert_eq!(app.get(&format!("/api/claims/{claim}"), Some(&stranger)).await.status, StatusCode::FORBIDDEN);
    let page = app.get("/api/bureau/claims", Some(&beijing)).await;
    assert_eq!(page.body["items"], json!([]), "Beijing's worklist holds no Qingdao claim");
    assert_eq!(app.get("/api/bureau/claims", Some(token)).await.status, StatusCode::FORBIDDEN);
    let province = app.officer(&s.w.admin, "13800000021", "370000").await;
    assert_eq!(
        app.act(&province, &claim, json!({ "action": "review" })).await.status,
        StatusCode::OK,
        "Shandong covers Qingdao"
    );
}

#[tokio::test]
async fn a_returned_claim_is_corrected_and_resubmitted() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let claim = id(&app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await.body["claim"]);
    assert_eq!(app.act(&s.w.officer, &claim, json!({ "action": "return" })).await.field("reason"), "required");
    let r = app.act(&s.w.officer, &claim, json!({ "action": "return", "reason": "请补充失业登记证明编号" })).await;
    assert_eq!(
        (r.body["claim"]["status"].as_str(), r.body["claim"]["reason"].as_str()),
        (Some("returned"), Some("请补充失业登记证明编号"))
    );
    assert!(app.get("/api/me/notifications", Some(token)).await.text.contains("claim_returned"));
    let again = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!(
        (again.status, again.body["claim"]["status"].as_str()),
        (StatusCode::CREATED, Some("submitted")),
        "{}",
        again.text
    );
    assert_eq!(again.body["claim"]["id"], claim.as_str(), "the same claim is refiled");
    assert_eq!(again.body["claim"]["reason"], Value::Null);
    let r = app.act(&s.w.officer, &claim, json!({ "action": "reject", "reason": "重复申领" })).await;
    assert_eq!(r.body["claim"]["status"], "rejected");
    let late = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!(late.code(), "wrong_state", "a rejection is final: {}", late.text);
    assert_eq!(app.act(&s.w.officer, &claim, json!({ "action": "review" })).await.code(), "wrong_state");
}

#[tokio::test]
async fn an_objection_during_notice_holds_the_claim_until_an_officer_resolves_it() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let claim = approved(&app, &s).await;
    let path = format!("/api/notices/{claim}/objections");
    let early = app.object(&claim, "该学员未实际参加培训", "13912345678").await;
    assert_eq!(early.code(), "wrong_state", "not on notice yet");
    app.act(&s.officer_b, &claim, json!({ "action": "publish" })).await;
    let bad = app.post(&path, None, &json!({ "text": "no", "mobile": "" })).await;
    assert_eq!(
        (bad.status, bad.field("text"), bad.field("mobile"), bad.field("code")),
        (StatusCode::BAD_REQUEST, "too_short", "required", "required")
    );
    let unproved = json!({ "text": "该学员未实际参加培训", "mobile": "13912345678", "code": "000000" });
    let r = app.post(&path, None, &unproved).await;
    assert_eq!(r.field("code"), "expired", "no code was sent for this objection: {}", r.text);
    app.advance(chrono::Duration::seconds(61));
    let o = app.object(&claim, "该学员未实际参加培训", "13912345678").await;
    assert_eq!(o.status, StatusCode::CREATED, "{}", o.text);
    app.advance(chrono::Duration::seconds(61));
    let again = app.object(&claim, "再次提出同样的异议", "13912345678").await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "conflict"), "one open per person: {}", again.text);
    assert_eq!(o.body["contact"], Value::Null, "the objector's contact is not echoed publicly");
    let detail = app.get(&format!("/api/claims/{claim}"), Some(&s.w.officer)).await;
    assert_eq!(detail.body["claim"]["status"], "held");
    assert_eq!(detail.body["objections"][0]["contact"], "13912345678", "officers see the contact");
    let listed = app.get("/api/notices", None).await;
    assert_eq!(listed.body[0]["held"], true);
    app.end_notice(&claim).await;
    let pay = app.act(&s.w.officer, &claim, json!({ "action": "pay", "payment_ref": "QD-1" })).await;
    assert_eq!(pay.code(), "notice_running", "an open objection holds payment");

    let resolution = format!("/api/objections/{}/resolution", id(&o.body));
    let r = app
        .post(&resolution, Some(&s.w.officer), &json!({ "uphold": false, "reason": "经核查考勤记录，学员全勤" }))
        .await;
    assert_eq!(r.body["claim"]["status"], "notice", "{}", r.text);
    assert_eq!(
        app.post(&resolution, Some(&s.w.officer), &json!({ "uphold": true, "reason": "再次处理" })).await.code(),
        "wrong_state"
    );
    let pay = app.act(&s.w.officer, &claim, json!({ "action": "pay", "payment_ref": "QD-1" })).await;
    assert_eq!(pay.body["claim"]["status"], "paid", "{}", pay.text);
}

#[tokio::test]
async fn an_upheld_objection_rejects_the_claim() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let claim = approved(&app, &s).await;
    app.act(&s.officer_b, &claim, json!({ "action": "publish" })).await;
    let o = app.object(&claim, "该学员已在外地领取过补贴", "13912345670").await;
    let r = app
        .post(
            &format!("/api/objections/{}/resolution", id(&o.body)),
            Some(&s.officer_b),
            &json!({ "uphold": true, "reason": "核实已重复领取" }),
        )
        .await;
    assert_eq!(
        (r.body["claim"]["status"].as_str(), r.body["claim"]["reason"].as_str()),
        (Some("rejected"), Some("核实已重复领取"))
    );
    assert_eq!(r.body["objections"][0]["status"], "upheld");
}

#[tokio::test]
async fn revoking_the_certificate_between_stages_stops_the_claim() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let claim = id(&app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await.body["claim"]);
    app.act(&s.w.officer, &claim, json!({ "action": "review" })).await;
    app.verify_groups(&s.w.officer).await;
    let r = app
        .post(&format!("/api/certificates/{number}/revoke"), Some(&s.w.officer), &json!({ "reason": "考勤记录造假" }))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app.act(&s.officer_b, &claim, json!({ "action": "approve" })).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "not_eligible"));
    assert!(r.body["message"].as_str().unwrap_or_default().contains("certificate_revoked"));
    let detail = app.get(&format!("/api/claims/{claim}"), Some(token)).await;
    assert_eq!(
        (detail.body["claim"]["status"].as_str(), detail.body["eligibility"]["eligible"].as_bool()),
        (Some("reviewed"), Some(false))
    );
    assert_eq!(strings(&detail.body["eligibility"]["reasons"]), ["certificate_revoked"]);
    assert_eq!(
        app.act(&s.officer_b, &claim, json!({ "action": "reject", "reason": "证书已撤销" })).await.body["claim"]["status"],
        "rejected"
    );
}

#[tokio::test]
async fn a_claim_needs_a_group_held_the_right_payee_and_an_unused_kind() {
    let app = TestApp::spawn().await;
    let s =
        app.subsidy_world(Setup { trainees: 2, payee: "institution", grouped: |i| i == 0, ..Setup::default() }).await;
    let (token, _, number) = &s.trainees[0];
    let r = app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "not_eligible"));
    assert!(r.text.contains("payee_mismatch"), "{}", r.text);
    let other = app.post("/api/claims", Some(token), &json!({ "certificate_number": s.trainees[1].2 })).await;
    assert_eq!(other.field("certificate_number"), "unknown_reference", "not their certificate");
    assert_eq!(app.post("/api/claims", Some(token), &json!({})).await.field("certificate_number"), "required");
    let el = app.get(&format!("/api/certificates/{}/eligibility", s.trainees[1].2), Some(&s.trainees[1].0)).await;
    assert_eq!(strings(&el.body["reasons"]), ["no_eligible_group"]);
    assert_eq!(el.body["amount_fen"], 100_000);
    // The group was declared too late to count for the training date.
    let late = json!({ "group": "registered_unemployed", "valid_from": "2099-01-01", "evidence": "登记证 2099" });
    assert_eq!(app.post("/api/me/priority-groups", Some(&s.trainees[1].0), &late).await.status, StatusCode::CREATED);
    let el = app.get(&format!("/api/certificates/{}/eligibility", s.trainees[1].2), Some(&s.trainees[1].0)).await;
    assert_eq!(strings(&el.body["reasons"]), ["no_eligible_group"]);
    let bad = json!({ "group": "veteran", "valid_from": "2026-05-01", "valid_to": "2026-04-01", "evidence": "" });
    let r = app.post("/api/me/priority-groups", Some(token), &bad).await;
    assert_eq!((r.field("valid_to"), r.field("evidence")), ("not_in_order", "required"));
}

#[tokio::test]
async fn a_rejected_declaration_no_longer_counts_at_the_next_stage() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let claim = id(&app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await.body["claim"]);
    let list = app.get("/api/bureau/priority-groups?status=declared", Some(&s.w.officer)).await;
    let decl = list.body.as_array().and_then(|a| a.first()).map(id).unwrap_or_default();
    let beijing = app.officer(&s.w.admin, "13800000020", "110000").await;
    let path = format!("/api/priority-groups/{decl}/decision");
    assert_eq!(
        app.post(&path, Some(&beijing), &json!({ "approve": false, "reason": "无证明" })).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.post(&path, Some(&s.w.officer), &json!({ "approve": false })).await.field("reason"), "required");
    let r = app.post(&path, Some(&s.w.officer), &json!({ "approve": false, "reason": "失业登记已于培训前注销" })).await;
    assert_eq!(r.body["status"], "rejected", "{}", r.text);
    assert_eq!(app.post(&path, Some(&s.w.officer), &json!({ "approve": true })).await.code(), "wrong_state");
    let r = app.act(&s.w.officer, &claim, json!({ "action": "review" })).await;
    assert_eq!(r.code(), "not_eligible");
    assert!(r.text.contains("no_eligible_group"));
    let detail = app.get(&format!("/api/claims/{claim}"), Some(&s.w.officer)).await;
    assert_eq!(detail.body["declarations"][0]["status"], "rejected", "the officer sees why on the claim");
    let staff = app.get(&format!("/api/claims/{claim}"), Some(&s.w.staff)).await;
    assert_eq!(staff.body["declarations"], json!([]), "institution staff do not see a trainee's groups");
}

#[tokio::test]
async fn policy_versions_in_use_never_change_and_bad_input_names_fields() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let claim = id(&app.post("/api/claims", Some(token), &json!({ "certificate_number": number })).await.body["claim"]);
    let same_date = json!({ "effective_from": "2020-01-01", "amount_fen": 150_000, "payee": "trainee",
        "eligible_groups": ["veteran"], "claim_window_months": 12, "notice_days": 3 });
    let r = app.put("/api/subsidy-policies/370200/syb", Some(&s.w.officer), &same_date).await;
    assert_eq!(r.code(), "conflict", "{}", r.text);
    let later = json!({ "effective_from": "2020-06-01", "amount_fen": 150_000, "payee": "trainee",
        "eligible_groups": ["veteran"], "claim_window_months": 12, "notice_days": 3 });
    assert_eq!(app.put("/api/subsidy-policies/370200/syb", Some(&s.w.officer), &later).await.status, StatusCode::OK);
    let detail = app.get(&format!("/api/claims/{claim}"), Some(token)).await;
    assert_eq!(detail.body["claim"]["amount_fen"], 100_000, "the filed claim keeps its amount");
    assert_eq!(detail.body["eligibility"]["eligible"], true, "and its policy");
    let list = app.get("/api/subsidy-policies/370212", None).await;
    let versions = list.body.as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(versions, 2, "{}", list.text);
    assert_eq!(list.body[0]["in_use"], true);
    let bad = json!({ "amount_fen": -5, "payee": "trainee", "eligible_groups": [], "claim_window_months": 0, "notice_days": 3 });
    let r = app.put("/api/subsidy-policies/370200/syb", Some(&s.w.officer), &bad).await;
    assert_eq!(
        (r.field("effective_from"), r.field("amount_fen"), r.field("eligible_groups"), r.field("claim_window_months")),
        ("required", "out_of_range", "required", "out_of_range")
    );
    assert_eq!(
        app.put("/api/subsidy-policies/110000/syb", Some(&s.w.officer), &later).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.put("/api/subsidy-policies/370200/syb", Some(token), &later).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_worklist_filters_pages_bulk_acts_and_exports() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { trainees: 3, payee: "institution", ..Setup::default() }).await;
    app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    let a = &s.w.officer;
    let first = app.get("/api/bureau/claims?status=submitted&limit=2", Some(a)).await;
    assert_eq!(first.body["items"].as_array().map(Vec::len), Some(2), "{}", first.text);
    let next = first.body["next"].as_str().unwrap_or_default().to_owned();
    let second = app.get(&format!("/api/bureau/claims?status=submitted&limit=2&after={next}"), Some(a)).await;
    assert_eq!((second.body["items"].as_array().map(Vec::len), second.body["next"].clone()), (Some(1), Value::Null));
    let ids: Vec<String> = first.body["items"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(second.body["items"].as_array().into_iter().flatten())
        .map(id)
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(app.get("/api/bureau/claims?kind=gyb", Some(a)).await.body["items"], json!([]));
    assert_eq!(app.get("/api/bureau/claims?min_fen=100001", Some(a)).await.body["items"], json!([]));
    assert_eq!(app.get("/api/bureau/claims?min_fen=5&max_fen=1", Some(a)).await.field("max_fen"), "not_in_order");

    let mut bulk_ids = ids.clone();
    bulk_ids.push("no-such-claim".into());
    let r = app.post("/api/claims/bulk", Some(a), &json!({ "action": "review", "claim_ids": bulk_ids })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let results = r.body.as_array().cloned().unwrap_or_default();
    assert_eq!(results.iter().filter(|x| x["status"] == "reviewed" && x["error"].is_null()).count(), 3);
    assert_eq!(results[3]["error"]["code"], "not_found");
    let r = app.post("/api/claims/bulk", Some(a), &json!({ "action": "approve", "claim_ids": ids })).await;
    assert!(
        r.body.as_array().into_iter().flatten().all(|x| x["error"]["code"] == "separation_of_duties"),
        "{}",
        r.text
    );

    let csv = app.get("/api/bureau/claims.csv?status=reviewed", Some(a)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"].to_str().unwrap_or_default().starts_with("text/csv"));
    let lines: Vec<&str> = csv.text.trim_end().lines().collect();
    assert_eq!(lines.len(), 4, "{}", csv.text);
    assert!(lines[0].trim_start_matches('\u{feff}').starts_with("申请编号,办理阶段,补贴类别,证书编号"), "{}", lines[0]);
    assert!(
        lines[1].contains(",初审通过，待复审,SYB 创办你的企业,") && lines[1].contains(",1000.00,"),
        "Chinese values for a bureau's spreadsheet: {}",
        lines[1]
    );
    assert!(lines[1].contains(",崂山区,370212,"), "the region by name and code: {}", lines[1]);
    let en = app.get("/api/bureau/claims.csv?status=reviewed&lang=en", Some(a)).await;
    let en_lines: Vec<&str> = en.text.trim_end().lines().collect();
    assert!(en_lines[0].trim_start_matches('\u{feff}').starts_with("Claim number,Stage,Kind,Certificate"));
    assert!(en_lines[1].contains(",\"Reviewed, awaiting approval\",SYB Start Your Business,"), "{}", en_lines[1]);
    let bad = app.get("/api/bureau/claims.csv?lang=fr", Some(a)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "an unknown language is refused: {}", bad.text);
    let xlsx = app.client.get(format!("{}/api/bureau/claims.xlsx", app.base)).bearer_auth(a).send().await;
    let xlsx = xlsx.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap_or_default();
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
    assert_eq!(app.get("/api/bureau/claims.csv", Some(&s.w.staff)).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_retried_write_with_the_same_key_gets_the_first_response() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, _, number) = &s.trainees[0];
    let body = json!({ "certificate_number": number });
    let first = app.keyed(Method::POST, "/api/claims", Some(token), Some(&body), "file-1").await;
    let retry = app.keyed(Method::POST, "/api/claims", Some(token), Some(&body), "file-1").await;
    assert_eq!((first.status, retry.status), (StatusCode::CREATED, StatusCode::CREATED), "{}", retry.text);
    assert_eq!(first.body, retry.body);
    assert_eq!(retry.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    let claim = id(&first.body["claim"]);
    let other = json!({ "certificate_number": "370200-2026-SYB-99999" });
    let reused = app.keyed(Method::POST, "/api/claims", Some(token), Some(&other), "file-1").await;
    assert_eq!((reused.status, reused.code()), (StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused"));
    let bad = app.keyed(Method::POST, "/api/claims", Some(token), Some(&body), "has space").await;
    assert_eq!(bad.field("Idempotency-Key"), "invalid_format");

    let path = format!("/api/claims/{claim}/actions");
    let review = json!({ "action": "review" });
    let a1 = app.keyed(Method::POST, &path, Some(&s.w.officer), Some(&review), "review-1").await;
    let a2 = app.keyed(Method::POST, &path, Some(&s.w.officer), Some(&review), "review-1").await;
    assert_eq!((a1.status, a2.status), (StatusCode::OK, StatusCode::OK));
    let fresh = app.keyed(Method::POST, &path, Some(&s.w.officer), Some(&review), "review-2").await;
    assert_eq!(fresh.code(), "wrong_state", "a new key is a new attempt, refused by the stage check");
    app.verify_groups(&s.w.officer).await;
    let theirs =
        app.keyed(Method::POST, &path, Some(&s.officer_b), Some(&json!({ "action": "approve" })), "review-1").await;
    assert_eq!(theirs.status, StatusCode::OK, "keys belong to the caller: {}", theirs.text);
    assert_eq!(app.claim_audit(&claim).await.iter().filter(|a| *a == "claim.review").count(), 1);
}

#[tokio::test]
async fn twenty_concurrent_payments_of_one_claim_make_exactly_one_payment() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let claim = approved(&app, &s).await;
    app.act(&s.officer_b, &claim, json!({ "action": "publish" })).await;
    app.end_notice(&claim).await;
    let path = format!("/api/claims/{claim}/actions");
    let calls = (0..20)
        .map(|i| {
            (s.w.officer.clone(), path.clone(), json!({ "action": "pay", "payment_ref": format!("QD-RACE-{i:02}") }))
        })
        .collect();
    let results = concurrently(&app, calls).await;
    let ok = results.iter().filter(|(st, _)| *st == StatusCode::OK).count();
    assert_eq!(ok, 1, "{results:?}");
    assert!(
        results
            .iter()
            .filter(|(st, _)| *st != StatusCode::OK)
            .all(|(st, b)| *st == StatusCode::CONFLICT && b["code"] == "wrong_state")
    );
    assert_eq!(app.payments(&claim).await, 1);
    assert_eq!(app.claim_audit(&claim).await.iter().filter(|a| *a == "claim.pay").count(), 1);
}

#[tokio::test]
async fn concurrent_filings_for_one_person_and_kind_make_exactly_one_claim() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, user, number) = s.trainees[0].clone();
    // Without the drafted claim, every filing races to create one.
    let claim = id(&app.claim_of(&token).await);
    let gone = claim.clone();
    app.state()
        .db(move |c| {
            use diesel::prelude::*;
            use malanhua::core::db::schema::subsidy_claims;
            diesel::delete(subsidy_claims::table.find(&gone)).execute(c)?;
            Ok(())
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    let calls =
        (0..12).map(|_| (token.clone(), "/api/claims".to_owned(), json!({ "certificate_number": number }))).collect();
    let results = concurrently(&app, calls).await;
    assert_eq!(results.iter().filter(|(st, _)| *st == StatusCode::CREATED).count(), 1, "{results:?}");
    assert!(results.iter().all(|(st, _)| *st == StatusCode::CREATED || st.is_client_error()), "{results:?}");
    let live = app
        .state()
        .db(move |c| Ok(malanhua::subsidies::store::live_claims_of(c, &malanhua_shared::UserId::from_raw(user))?.len()))
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert_eq!(live, 1);
}

#[tokio::test]
async fn bulk_approval_racing_single_approvals_approves_each_claim_once() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { trainees: 6, payee: "institution", ..Setup::default() }).await;
    app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    let page = app.get("/api/bureau/claims?status=submitted", Some(&s.w.officer)).await;
    let ids: Vec<String> = page.body["items"].as_array().map(|a| a.iter().map(id).collect()).unwrap_or_default();
    assert_eq!(ids.len(), 6);
    app.post("/api/claims/bulk", Some(&s.w.officer), &json!({ "action": "review", "claim_ids": ids })).await;
    app.verify_groups(&s.w.officer).await;
    let third = app.officer(&s.w.admin, "13800000022", "370200").await;
    let mut calls =
        vec![(s.officer_b.clone(), "/api/claims/bulk".to_owned(), json!({ "action": "approve", "claim_ids": ids }))];
    for c in &ids {
        calls.push((third.clone(), format!("/api/claims/{c}/actions"), json!({ "action": "approve" })));
    }
    let results = concurrently(&app, calls).await;
    let singles = results.iter().filter(|(_, b)| b["claim"].is_object()).count();
    let bulk_ok = results
        .iter()
        .find_map(|(_, b)| b.as_array().map(|a| a.iter().filter(|x| x["error"].is_null()).count()))
        .unwrap_or(0);
    assert_eq!(singles + bulk_ok, 6, "each claim approved exactly once: {results:?}");
    for c in &ids {
        let audit = app.claim_audit(c).await;
        assert_eq!(audit.iter().filter(|a| *a == "claim.approve").count(), 1, "{c}: {audit:?}");
        assert_eq!(
            audit,
            ["claim.draft", "claim.submit", "claim.review", "claim.approve"],
            "audit rows equal state changes"
        );
    }
}

#[tokio::test]
async fn revoking_a_certificate_closes_its_drafted_claim_so_it_blocks_nothing() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, user, number) = s.trainees[0].clone();
    let draft = app.claim_of(&token).await;
    assert_eq!(draft["status"], "draft");
    let r = app
        .post(&format!("/api/certificates/{number}/revoke"), Some(&s.w.officer), &json!({ "reason": "证书信息有误" }))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let closed = app.claim_of(&token).await;
    assert_eq!(
        (closed["status"].as_str(), closed["reason"].as_str()),
        (Some("rejected"), Some("certificate revoked: 证书信息有误"))
    );
    let live = app
        .state()
        .db(move |c| Ok(malanhua::subsidies::store::live_claims_of(c, &malanhua_shared::UserId::from_raw(user))?.len()))
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert_eq!(live, 0, "the person may claim SYB again on a new certificate");
    assert_eq!(app.claim_audit(draft["id"].as_str().unwrap_or_default()).await, ["claim.draft", "claim.reject"]);
}

#[tokio::test]
async fn a_key_whose_first_attempt_never_answered_is_free_again_after_its_lease() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let (token, user, number) = s.trainees[0].clone();
    let body = json!({ "certificate_number": number });
    // A first attempt reserved the key and never stored an answer.
    let request = format!("POST /api/claims\n{}", serde_json::to_string(&body).unwrap_or_default());
    let reserved_at = app.now().naive_utc();
    let stored = malanhua::core::idempotency::stored_key(app.state(), &user, "lost-1");
    app.state()
        .db(move |c| {
            let row = malanhua::core::idempotency::store::IdemRow {
                scope: user,
                key: stored,
                request_hash: malanhua::core::idempotency::fingerprint(&request),
                status_code: None,
                body: None,
                created_at: reserved_at,
            };
            Ok(malanhua::core::idempotency::store::reserve(c, &row)?)
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    let early = app.keyed(Method::POST, "/api/claims", Some(&token), Some(&body), "lost-1").await;
    assert_eq!(early.status, StatusCode::CONFLICT, "still leased: {}", early.text);
    app.advance(chrono::Duration::minutes(2));
    let retry = app.keyed(Method::POST, "/api/claims", Some(&token), Some(&body), "lost-1").await;
    assert_eq!(retry.status, StatusCode::CREATED, "{}", retry.text);
    let again = app.keyed(Method::POST, "/api/claims", Some(&token), Some(&body), "lost-1").await;
    assert_eq!((again.status, again.body.clone()), (StatusCode::CREATED, retry.body), "and now it replays");
}
