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
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/bureau/completions/{}", s.class)).await;
    b.click("completion-approve").await;
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

    // Officer A reviews (初审); officer B approves (复审) and publishes (公示).
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/claims/{id}")).await;
    b.click("action-review").await;
    b.wait_text("claim-status", "初审通过").await;
    assert!(!b.has("action-approve").await, "the reviewer is not offered approval");
    b.sign_in_as("13800000009", PASSWORD).await;
    b.open("/bureau/claims").await;
    b.click_css(&format!("tr.claim-row[data-claim-id='{id}'] a")).await;
    b.wait_path(&format!("/claims/{id}")).await;
    b.click("action-approve").await;
    b.wait_text("claim-status", "复审通过").await;
    b.click("action-publish").await;
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
    b.click("action-pay").await;
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
    b.finish().await;
}
