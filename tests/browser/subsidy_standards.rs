//! A large subsidy standard in the browser: refused to one officer with the
//! second-officer message, proposed, and confirmed by another officer.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;

/// The amounts (fen) of the IYB versions in force in Qingdao.
async fn iyb_amounts(b: &Browser) -> Vec<i64> {
    let list = b.app.get("/api/subsidy-policies/370200", None).await;
    let iyb = list.body.as_array().into_iter().flatten().filter(|p| p["kind"] == "iyb");
    iyb.filter_map(|p| p["amount_fen"].as_i64()).collect()
}

#[tokio::test]
async fn a_large_standard_is_proposed_by_one_officer_and_confirmed_by_another() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    b.app.officer(&w.admin, "13800000009", "370200").await;

    // Officer A sets 3,000 yuan for IYB: refused, with the way forward.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau").await;
    b.click("bureau-subsidy-policies-link").await;
    b.wait_path("/bureau/subsidy-policies").await;
    b.wait_id("sp-proposals-empty").await;
    b.select("sp-kind", "iyb").await;
    b.set_value("sp-from", "2025-01-01").await;
    b.fill("sp-amount", "3000").await;
    b.select("sp-payee", "institution").await;
    b.click("sp-group-2").await;
    b.fill("sp-window", "12").await;
    b.fill("sp-notice", "5").await;
    b.click("sp-save").await;
    b.wait_text("sp-error", "另一名经办人").await;
    b.wait_text("sp-second-officer", "3,000.00").await;
    b.screenshot_at("sp-second-officer", "standard-second-officer-required").await;
    assert!(iyb_amounts(&b).await.is_empty(), "nothing took effect");

    // A proposes it; it waits, and A is not offered to confirm it.
    b.click("sp-propose").await;
    b.wait_text("sp-proposed", "等待").await;
    assert!(!b.has("sp-error").await, "the refusal is answered");
    b.wait_css_text("#sp-proposal-list .proposal-row .proposal-own", "另一名经办人").await;
    assert!(!b.has_css(".proposal-confirm").await, "the proposer cannot confirm");
    b.screenshot_at("sp-proposals", "standard-proposed").await;
    b.screenshot_desktop("sp-proposals", "standard-proposed-desktop").await;
    assert!(iyb_amounts(&b).await.is_empty(), "a proposal is not in force");

    // Officer B sees it; turning it down needs a reason; B confirms instead.
    b.sign_in_as("13800000009", PASSWORD).await;
    b.open("/bureau/subsidy-policies").await;
    b.wait_css_text(".proposal-row .proposal-amount", "3,000.00").await;
    b.wait_css_text(".proposal-row .proposal-by", "另一名经办人").await;
    b.click_css(".proposal-row .proposal-turn-down").await;
    b.click("proposal-turn-down-submit").await;
    b.wait_nonempty("proposal-turn-down-reason-error").await;
    b.click_css(".proposal-row .proposal-turn-down").await;
    b.screenshot_at("sp-proposals", "standard-waiting-second-officer").await;
    b.click_css(".proposal-row .proposal-confirm").await;
    b.wait_text("proposal-done", "确认生效").await;
    b.wait_id("sp-proposals-empty").await;
    b.wait_css_text(".sp-version[data-kind='iyb']", "3,000.00").await;
    b.screenshot_at("main", "standard-confirmed").await;
    assert_eq!(iyb_amounts(&b).await, vec![300_000]);
    b.finish().await;
}
