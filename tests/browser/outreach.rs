//! 政策找人 in the browser: the Qingdao officer opens the list from the hub,
//! finds the trainee who holds a certificate and a group but no claim,
//! notifies them with one click (the row then shows when), and looks at the
//! other reasons; the trainee has the notice.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_officer_finds_an_entitled_trainee_and_notifies_them() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup { trainees: 2, grouped: |i| i == 0, ..Setup::default() }).await;
    let (token, _, number) = &s.trainees[1];
    let d = json!({ "group": "recent_graduate", "valid_from": "2020-01-01", "evidence": "毕业证" });
    let r = b.app.post("/api/me/priority-groups", Some(token), &d).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);

    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau").await;
    b.click("bureau-outreach-link").await;
    b.wait_path("/bureau/outreach").await;
    b.wait_text(&format!("outreach-row-{number}"), "1,000.00").await;
    b.screenshot_desktop("outreach-list", "outreach-desktop").await;
    b.audit("outreach").await;
    b.click(&format!("outreach-notify-{number}")).await;
    b.wait_id("outreach-done").await;
    b.wait_id(&format!("outreach-notified-{number}")).await;
    assert!(!b.has(&format!("outreach-notify-{number}")).await, "no second click this week");
    b.screenshot("outreach-phone").await;

    b.click("outreach-tab-syb_may_take_iyb").await;
    b.wait_css_text("#outreach-list tbody", s.trainees[0].2.as_str()).await;
    b.click("outreach-tab-window_closing").await;
    b.wait_id("outreach-empty").await;

    let notes = b.app.get("/api/me/notifications", Some(token)).await;
    let kinds: Vec<&str> = notes.body.as_array().into_iter().flatten().filter_map(|n| n["kind"].as_str()).collect();
    assert!(kinds.contains(&"nudge_unclaimed"), "{kinds:?}");
    b.finish().await;
}
