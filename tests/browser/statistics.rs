//! The bureau's statistics in the browser: the province officer opens them
//! from the hub, goes down to a city and back up, changes the period and
//! its division, sees the charts, and downloads the workbook.

use chrono::Duration;
use malanhua_shared::course::shanghai_date;
use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::subsidies::Setup;

#[tokio::test]
async fn an_officer_opens_the_statistics_changes_period_and_region_and_downloads_the_workbook() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup { trainees: 2, ..Setup::default() }).await;
    b.app.officer(&s.w.admin, "13800000031", "370000").await;
    let today = shanghai_date(b.app.now());

    b.sign_in_as("13800000031", PASSWORD).await;
    b.open("/bureau").await;
    b.click("bureau-statistics-link").await;
    b.wait_path("/bureau/statistics").await;
    b.wait_text("stat-region", "山东省").await;
    b.click("stat-filter-toggle").await;
    b.set_value("stat-from", &(today - Duration::days(60)).to_string()).await;
    b.set_value("stat-to", &today.to_string()).await;
    b.select("stat-by", "quarter").await;
    b.click("stat-apply").await;
    b.wait_text("stat-enrolled", "2").await;
    b.wait_text("stat-completion", "100.0").await;
    b.wait_id("stat-chart-regions").await;
    b.wait_id("stat-chart-funnel").await;
    b.wait_css_text("#stat-periods tbody th", "-Q").await;
    assert!(b.address().await.contains("by=quarter"), "the period is in the address");
    b.screenshot_desktop("stat-cards", "statistics-province-desktop").await;
    b.audit("statistics-province").await;

    // Down to Qingdao, whose one district holds the class, and back up.
    b.click_css("#stat-regions .stat-drill").await;
    b.wait_text("stat-region", "青岛市").await;
    b.wait_css_text("#stat-regions tbody th", "崂山区").await;
    b.wait_text("stat-certificates", "2").await;
    b.screenshot("statistics-city-phone").await;
    b.click("stat-up").await;
    b.wait_text("stat-region", "山东省").await;

    b.click("stat-xlsx").await;
    let book = b.downloaded("statistics.xlsx").await;
    assert!(book.starts_with(b"PK"), "an Excel workbook");
    b.finish().await;
}
