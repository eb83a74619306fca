//! 创业一件事 in the browser: a certified trainee opens their one page from
//! the home dashboard, sees that the subsidy claim is theirs to file, takes
//! the action, files it, and the page then says the bureau is deciding.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::classes::mobile;
use malanhua_tests::subsidies::Setup;

#[tokio::test]
async fn a_founder_sees_the_next_step_and_takes_it() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup::default()).await;
    let claim = b.app.claim_of(&s.trainees[0].0).await;
    let id = claim["id"].as_str().unwrap_or_default().to_owned();

    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/").await;
    b.click_css("a[href='/my/journey']").await;
    b.wait_path("/my/journey").await;
    b.wait_css_text("li[data-step='file_claim']", "1,000.00").await;
    b.wait_css("li[data-step='find_mentor']").await;
    b.screenshot("journey-phone").await;
    b.screenshot_desktop("journey-lines", "journey-desktop").await;
    b.audit("journey").await;
    b.click_css("li[data-step='file_claim'] a").await;
    b.wait_path(&format!("/claims/{id}")).await;
    b.click("claim-submit").await;
    b.wait_text("claim-status", "已提交").await;
    b.open("/my/journey").await;
    b.wait_css_text("li[data-step='await_decision']", "审核").await;
    assert!(!b.has_css("li[data-step='file_claim']").await, "the step was taken");
    b.finish().await;
}
