//! What happened after the course, in the browser: the holder records a
//! started business on the certificate, a mistyped credit code is named
//! beside its field, and the saved outcome reads back.

use malanhua_tests::browser::Browser;
use malanhua_tests::classes::mobile;
use malanhua_tests::subsidies::Setup;
use malanhua_tests::{PASSWORD, credit_code};

#[tokio::test]
async fn a_trainee_records_the_business_started_after_the_course_on_the_certificate() {
    let b = Browser::start().await;
    let s = b.app.subsidy_world(Setup::default()).await;
    let number = s.trainees[0].2.clone();
    let good = credit_code("92370212MA3C5678Y");
    let last = good.chars().last().unwrap_or('0');
    let wrong = format!("{}{}", &good[..17], if last == '0' { '1' } else { '0' });

    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open(&format!("/certificates/{number}")).await;
    b.wait_text("outcome-summary", "尚未登记").await;
    b.wait_text("outcome-points", "结业后 3 个月").await;
    b.select("outcome-status", "started").await;
    b.set_value("outcome-started-on", &b.app.now().date_naive().to_string()).await;
    b.fill("outcome-jobs", "2").await;
    b.fill("outcome-credit-code", &wrong).await;
    b.select("outcome-industry", "H").await;
    b.click("outcome-submit").await;
    b.wait_text("outcome-credit-code-error", "校验位").await;
    b.screenshot_at("outcome", "outcome-credit-code-wrong").await;
    let kept = b.app.get(&format!("/api/certificates/{number}/outcome"), Some(&s.trainees[0].0)).await;
    assert_eq!(kept.body["outcome"], serde_json::Value::Null, "nothing was saved: {}", kept.text);

    b.fill("outcome-credit-code", &good).await;
    b.click("outcome-submit").await;
    b.wait_id("outcome-done").await;
    b.wait_text("outcome-summary", "住宿和餐饮业").await;
    b.wait_text("outcome-points", "已反馈").await;
    b.screenshot_at("outcome", "outcome-recorded").await;
    let saved = b.app.get(&format!("/api/certificates/{number}/outcome"), Some(&s.trainees[0].0)).await;
    assert_eq!(saved.body["outcome"]["credit_code"], good.as_str(), "{}", saved.text);
    b.audit("outcome").await;
    b.finish().await;
}
