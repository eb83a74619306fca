//! The subsidy journey in the browser: certificates issued, the drafted
//! claim filed by the trainee, reviewed and approved by two officers, on
//! public notice, paid, and seen as paid.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::classes::mobile;
use malanhua_tests::subsidies::Setup;

#[tokio::test]
async fn certificates_lead_to_a_drafted_claim_that_two_officers_approve_the_public_sees_and_the_trainee_is_paid() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup { approve_completion: false, ..Setup::default() }).await;

    // Officer A approves the completion: certificates are issued and a claim drafted.
    // From the list of classes waiting, by keyboard: j to the class, Enter.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau/completions").await;
    b.wait_id(&format!("completion-link-{}", s.class)).await;
    b.keys("j").await;
    b.wait_focus(&format!("completion-link-{}", s.class)).await;
    b.keys(&fantoccini::key::Key::Enter.to_string()).await;
    b.wait_path(&format!("/bureau/completions/{}", s.class)).await;
    b.click("completion-approve").await;
    b.wait_css("#completion-dialog[open]").await;
    b.click("completion-dialog-confirm").await;
    b.wait_id("issued-certificates").await;
    let token = &s.trainees[0].0;
    let claim = b.app.claim_of(token).await;
    assert_eq!(claim["status"], "draft", "{claim}");
    let id = claim["id"].as_str().unwrap_or_default().to_owned();

    // The trainee finds the draft and files it.
    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/my/subsidies").await;
    let row = format!(".claim-row[data-claim-id='{id}']");
    b.wait_css_text(&format!("{row} .claim-status"), "待提交").await;
    b.screenshot_at("claims-list", "subsidy-draft-claim").await;
    b.click_css(&format!("{row} a.claim-link")).await;
    b.wait_path(&format!("/claims/{id}")).await;
    b.click("claim-submit").await;
    b.wait_text("claim-status", "已提交").await;

    // Officer A checks the trainee's declared group, verifies it on the
    // declarations page, and reviews (初审); officer B approves (复审) and
    // publishes (公示).
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/claims/{id}")).await;
    b.wait_css_text("#claim-declarations .group-row", "待核验").await;
    b.open("/bureau/priority-groups").await;
    b.click_css(".declaration-row .declaration-verify").await;
    b.wait_id("declaration-done").await;
    b.open(&format!("/claims/{id}")).await;
    b.wait_css_text("#claim-declarations .group-row", "已核验").await;
    b.click("action-review").await;
    b.click("action-dialog-confirm").await;
    b.wait_text("claim-status", "初审通过").await;
    assert!(!b.has("action-approve").await, "the reviewer is not offered approval");
    b.sign_in_as("13800000009", PASSWORD).await;
    b.open("/bureau/claims").await;
    b.click_css(&format!("tr.claim-row[data-claim-id='{id}'] a")).await;
    b.wait_path(&format!("/claims/{id}")).await;
    b.wait_title("学员 - ").await;
    b.click("action-approve").await;
    b.click("action-dialog-confirm").await;
    b.wait_text("claim-status", "复审通过").await;
    b.click("action-publish").await;
    b.click("action-dialog-confirm").await;
    b.wait_text("claim-status", "公示中").await;
    b.screenshot_at("main", "subsidy-approved-and-published").await;

    // Anyone sees it on the public notice list, the name masked.
    b.click("nav-logout").await;
    b.wait_path("/login").await;
    b.open("/notices").await;
    let text = b.wait_css_text(&format!(".notice-row[data-claim-id='{id}']"), "学*").await;
    assert!(text.contains("1,000.00") || text.contains("1000.00"), "{text}");
    b.screenshot_at("notice-list", "subsidy-public-notice").await;

    // The notice ends; officer A pays with a reference.
    b.app.end_notice(&id).await;
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/claims/{id}")).await;
    b.fill("payment-ref", "QD-2026-000123").await;
    // A payment cannot be taken back: it is asked first, and going back pays nothing.
    b.click("action-pay").await;
    b.wait_css("#action-dialog[open]").await;
    b.wait_text("action-dialog-body", "不能撤销").await;
    b.screenshot("subsidy-pay-asks-first").await;
    b.click("action-dialog-cancel").await;
    assert!(!b.has("action-dialog").await, "the question is gone");
    b.wait_text("claim-status", "公示中").await;
    b.click("action-pay").await;
    b.click("action-dialog-confirm").await;
    b.wait_text("claim-status", "已拨付").await;

    // The trainee sees it paid, with the reference, and the whole timeline.
    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/my/subsidies").await;
    b.wait_css_text(&format!("{row} .claim-status"), "已拨付").await;
    b.click_css(&format!("{row} a.claim-link")).await;
    b.wait_text("claim-payment-ref", "QD-2026-000123").await;
    let timeline = b.wait_nonempty("claim-timeline").await;
    assert!(timeline.contains("王芳"), "the timeline names the officers: {timeline}");
    b.screenshot_at("main", "subsidy-paid-trainee").await;
    assert_eq!(b.app.payments(&id).await, 1);

    // Later the certificate is revoked: the trainee's claim shows what is to be returned, and by when.
    let officer = b.app.login("13800000003").await;
    let claim = b.app.get(&format!("/api/claims/{id}"), Some(&officer)).await;
    let number = claim.body["claim"]["certificate_number"].as_str().unwrap_or_default().to_owned();
    let revoke = serde_json::json!({ "reason": "冒名参训，撤销证书" });
    let r = b.app.post(&format!("/api/certificates/{number}/revoke"), Some(&officer), &revoke).await;
    assert_eq!(r.status, reqwest::StatusCode::OK, "{}", r.text);
    b.open(&format!("/claims/{id}")).await;
    b.wait_text("claim-recovery-due", "冒名参训").await;
    b.screenshot_at("main", "subsidy-recovery-trainee").await;

    // The money comes back; officer A records it on the claim.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/claims/{id}")).await;
    b.click("recovery-submit").await;
    b.wait_id("recovery-ref-error").await;
    b.fill("recovery-ref", "QD-RET-000123").await;
    b.click("recovery-submit").await;
    b.wait_text("claim-recovered-on", "QD-RET-000123").await;
    assert!(!b.has("recovery-submit").await, "a recovery is recorded once");
    b.screenshot_at("main", "subsidy-recovery-recorded").await;
    b.finish().await;
}

#[tokio::test]
async fn an_officer_bulk_reviews_the_institution_batch_and_the_public_objects_to_a_claim_on_notice() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup { trainees: 2, payee: "institution", ..Setup::default() }).await;

    // Staff file the class's batch from the class's claims page.
    b.sign_in_as("13800000004", PASSWORD).await;
    b.open(&format!("/institution/classes/{}/claims", s.class)).await;
    b.wait_css("tr.batch-line").await;
    b.click("batch-file").await;
    b.wait_css_text("#batch-lines", "已提交").await;
    b.screenshot_at("main", "subsidy-institution-batch").await;

    // Officer A selects both claims in the worklist and reviews them at once.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau/claims").await;
    b.wait_css("tr.claim-row").await;
    for (_, _, number) in &s.trainees {
        assert!(!number.is_empty());
    }
    let page = b.app.get("/api/bureau/claims", Some(&s.w.officer)).await;
    let ids: Vec<String> = page.body["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids.len(), 2, "{}", page.text);
    let institution = page.body["items"][0]["institution_id"].as_str().unwrap_or_default().to_owned();
    b.click("claim-filters-toggle").await;
    b.select("filter-institution", &institution).await;
    b.select("filter-status", "submitted").await;
    b.click("filter-apply").await;
    b.wait_css(&format!("tr.claim-row[data-claim-id='{}']", ids[1])).await;
    for id in &ids {
        b.click_css(&format!("input.claim-select[data-claim-id='{id}']")).await;
    }
    b.select("bulk-action", "review").await;
    b.click("bulk-apply").await;
    b.wait_text("bulk-dialog-title", "2").await;
    b.click("bulk-dialog-confirm").await;
    b.wait_id("bulk-results").await;
    b.screenshot_at("bulk-results", "subsidy-bulk-review").await;
    for id in &ids {
        let d = b.app.get(&format!("/api/claims/{id}"), Some(&s.w.officer)).await;
        assert_eq!(d.body["claim"]["status"], "reviewed", "{}", d.text);
    }

    // Officer B approves and publishes one; a member of the public objects.
    b.app.verify_groups(&s.w.officer).await;
    let claim = &ids[0];
    for action in ["approve", "publish"] {
        let r = b.app.act(&s.officer_b, claim, serde_json::json!({ "action": action })).await;
        assert_eq!(r.status, reqwest::StatusCode::OK, "{}", r.text);
    }
    b.click("nav-logout").await;
    b.wait_path("/login").await;
    b.open("/notices").await;
    b.click_css(&format!(".notice-row[data-claim-id='{claim}'] .object-button")).await;
    b.fill("objection-text", "x").await;
    b.click("objection-submit").await;
    b.wait_nonempty("objection-text-error").await;
    b.fill("objection-text", "该学员培训期间在外地务工，未实际参训").await;
    b.fill("objection-mobile", "13912340000").await;
    b.click("objection-code-send").await;
    b.wait_nonempty("objection-code-status").await;
    b.fill("objection-code", &b.app.sms_code("13912340000").await).await;
    b.click("objection-submit").await;
    b.wait_id("objection-done").await;
    b.screenshot_at("main", "subsidy-objection-filed").await;
    let d = b.app.get(&format!("/api/claims/{claim}"), Some(&s.w.officer)).await;
    assert_eq!(d.body["claim"]["status"], "held", "{}", d.text);
    b.finish().await;
}
