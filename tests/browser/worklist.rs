//! The officer's day in the worklist: ten claims reviewed with the keyboard
//! alone (j, Enter, a, the confirmation, Enter on "next claim"), the
//! filters kept in the address (Back and "back to the list" return to
//! them), sorting by a column, and bulk actions offered only when every
//! ticked claim admits them.

use fantoccini::key::Key;
use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;

/// Follows `link`, waits for `there`, goes Back and waits for `list`.
async fn away_and_back(b: &Browser, link: &str, there: &str, list: &str) {
    b.click_css(link).await;
    b.wait_css(there).await;
    b.client.back().await.unwrap_or_else(|e| panic!("back: {e}"));
    b.wait_css(list).await;
}

#[tokio::test]
async fn an_officer_reviews_ten_claims_with_the_keyboard_and_back_keeps_the_filters() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup { trainees: 10, payee: "institution", ..Setup::default() }).await;
    let filed = b.app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &serde_json::json!({})).await;
    assert_eq!(filed.status, StatusCode::OK, "{}", filed.text);
    let _ = b.client.set_window_size(1366, 768).await;

    // On the office screen the officer's header is one row, in English too.
    b.sign_in_as("13800000003", PASSWORD).await;
    for lang in ["zh", "en"] {
        let height = b
            .client
            .execute("return document.querySelector('.site-header').getBoundingClientRect().height;", vec![])
            .await
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::MAX);
        assert!(height <= 72.0, "{lang}: the header is {height} px high");
        b.screenshot(&format!("worklist-header-{lang}")).await;
        b.click("lang-switch").await;
    }
    b.wait_text("lang-switch", "English").await;
    b.open("/bureau/claims").await;
    b.wait_css("tr.claim-row").await;
    assert!(b.has_css("tr.claim-row .group-unverified").await, "declared, unverified groups are marked");
    b.click("claim-filters-toggle").await;
    b.select("filter-status", "submitted").await;
    b.click("filter-apply").await;
    b.wait_text("claim-filters-toggle", "1").await;
    assert_eq!(b.address().await, "/bureau/claims?status=submitted");
    b.wait_css("tr.claim-row").await;
    b.screenshot("worklist-desktop-dense").await;

    // Bulk: nothing ticked offers nothing; the keyboard ticks a row.
    b.wait_text("bulk-selected", "勾选").await;

    // ? lists the keys.
    b.keys("?").await;
    b.wait_css("#shortcut-help[open]").await;
    b.keys(&Key::Escape.to_string()).await;
    assert!(!b.has_css("#shortcut-help[open]").await, "Escape closes the help");

    // j puts the first claim in hand, Enter opens it.
    b.keys("j").await;
    b.wait_css("tr.claim-row.current").await;
    b.keys(&Key::Enter.to_string()).await;
    b.wait_id("claim-status").await;
    for n in 1..=10 {
        // a asks for this stage's step; the confirmation is one Shift+Tab away.
        b.wait_text("claim-status", "已提交").await;
        b.keys("a").await;
        b.wait_css("#action-dialog[open]").await;
        b.wait_focus("action-dialog-cancel").await;
        b.keys(&format!("{}{}", Key::Shift, Key::Tab)).await;
        b.wait_focus("action-dialog-confirm").await;
        b.keys(&Key::Enter.to_string()).await;
        b.wait_text("claim-status", "初审通过").await;
        if n < 10 {
            // The next claim of the list has the focus: Enter opens it.
            b.wait_focus("claim-next").await;
            b.wait_text("claim-next", &format!("{} / 10", n + 1)).await;
            b.keys(&Key::Enter.to_string()).await;
        } else {
            b.wait_id("claim-list-done").await;
        }
    }
    b.screenshot("worklist-last-claim-done").await;
    let list = b.app.get("/api/bureau/claims?status=reviewed", Some(&s.w.officer)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(10), "{}", list.text);

    // Back to the list: the same filter, now with nothing left to review.
    b.click("claim-back").await;
    b.wait_id("claims-empty").await;
    assert_eq!(b.address().await, "/bureau/claims?status=submitted");

    // The browser's Back from a claim keeps the filters too.
    b.click("claim-filters-toggle").await;
    b.select("filter-status", "reviewed").await;
    b.click("filter-apply").await;
    b.wait_css("tr.claim-row").await;
    b.click("sort-amount_desc").await;
    b.wait_css("th[aria-sort=descending] #sort-amount_desc").await;
    assert_eq!(b.address().await, "/bureau/claims?status=reviewed&sort=amount_desc");
    away_and_back(&b, "tr.claim-row a.claim-link", "#claim-status", "tr.claim-row").await;
    assert_eq!(b.address().await, "/bureau/claims?status=reviewed&sort=amount_desc");
    b.wait_text("claim-filters-toggle", "1").await;

    // x ticks the claim in hand; only what every ticked claim admits is offered.
    b.keys("j").await;
    b.keys("x").await;
    b.wait_css("#bulk-action").await;
    let offered: Vec<String> = {
        let mut names = Vec::new();
        for option in b.client.find_all(fantoccini::Locator::Css("#bulk-action option")).await.unwrap_or_default() {
            names.push(option.attr("value").await.ok().flatten().unwrap_or_default());
        }
        names
    };
    assert_eq!(offered, ["", "approve", "return", "reject"], "reviewed claims: approval, return, rejection");

    // The other lists keep their status in the address too.
    b.open("/bureau").await;
    b.select("bureau-status", "approved").await;
    b.wait_css("#pending-classes, #pending-classes-empty").await;
    assert_eq!(b.address().await, "/bureau?status=approved");
    away_and_back(&b, "#bureau-mentors-link", "#bureau-mentor-list", "#pending-classes").await;
    assert_eq!(b.address().await, "/bureau?status=approved");
    b.finish().await;
}
