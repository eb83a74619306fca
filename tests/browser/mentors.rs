//! The mentor library in the browser: a mentor applies and is admitted and
//! sets their hours; a person finds them, books, gets the calendar file and,
//! after the meeting, rates the service the mentor recorded; a bureau officer
//! suspends a mentor and the pending request is declined.

use chrono::{DateTime, Duration, Utc};
use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::classes::mobile;
use malanhua_tests::mentors::friday;
use serde_json::json;

const MON_9: &str = "2026-12-07T09:00:00+08:00";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// Waits until the API says what the page should have done.
async fn eventually(b: &Browser, what: &str, check: impl AsyncFn() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !check().await {
        if std::time::Instant::now() > deadline {
            let shot = b.screenshot(&format!("eventually-{}", what.replace(' ', "-"))).await;
            panic!("{what} did not happen; screenshot {}", shot.display());
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn a_mentor_applies_is_admitted_and_sets_their_hours() {
    let b = Browser::start().await;
    b.app.travel_to(friday());
    let admin = b.app.admin("13800000001").await;
    b.app.officer(&admin, "13800000002", "370200").await;
    b.app.register(&mobile(900)).await;

    b.sign_in_as(&mobile(900), PASSWORD).await;
    b.open("/mentor").await;
    b.wait_id("mentor-apply-form").await;
    super::pick_region(&b, "apply-", "370000", "370200", Some("370212")).await;
    b.fill("apply-real-name", "王海燕").await;
    b.fill("apply-title", "高级经济师").await;
    b.fill("apply-employer", "青岛市创业服务中心").await;
    b.fill("apply-years", "12").await;
    b.click("expertise-marketing").await;
    b.click("expertise-catering").await;
    b.fill("apply-industries", "餐饮").await;
    b.fill("apply-languages", "普通话").await;
    b.select("apply-mode", "both").await;
    b.fill("apply-bio", "从事创业指导十二年，服务过三百多家小微企业，擅长开店选址与财税规划。").await;
    b.fill("apply-evidence", "创业指导师 CY2020-0001").await;
    b.click("apply-submit").await;
    b.wait_css("#mentor-status[data-status=applied]").await;
    b.screenshot("mentor-applied").await;

    b.sign_in_as("13800000002", PASSWORD).await;
    b.open("/bureau/mentors").await;
    b.wait_css("[data-testid=mentor-row][data-status=applied]").await;
    b.click_css("[data-testid=admit]").await;
    b.click_css("[data-testid=decision-submit]").await;
    let officer = b.app.login("13800000002").await;
    eventually(&b, "admission", async || {
        let r = b.app.get("/api/bureau/mentors?status=active", Some(&officer)).await;
        r.body.as_array().is_some_and(|a| a.len() == 1)
    })
    .await;
    b.screenshot("bureau-admitted-mentor").await;

    b.sign_in_as(&mobile(900), PASSWORD).await;
    b.open("/mentor").await;
    b.wait_css("#mentor-status[data-status=active]").await;
    b.click("tab-availability").await;
    b.wait_id("availability-form").await;
    b.select("availability-slot-minutes", "60").await;
    if !b.has("weekly-0-day").await {
        b.click("add-weekly-row").await;
    }
    b.select("weekly-0-day", "1").await;
    b.set_value("weekly-0-start", "07:00").await;
    b.set_value("weekly-0-end", "10:00").await;
    b.set_value("availability-notice", "2").await;
    b.click("availability-save").await;
    b.wait_id("availability-saved").await;
    let mentor = b.app.login(&mobile(900)).await;
    let saved = b.app.get("/api/me/mentor/availability", Some(&mentor)).await;
    assert_eq!(saved.body["weekly"][0], json!({ "weekday": 1, "start": "07:00", "end": "10:00" }), "{}", saved.text);
    // Next week's preview shows Monday's three slots, the first at 07:00 Shanghai (23:00 UTC the day before).
    b.click("availability-preview-next").await;
    b.wait_css("[data-testid=preview-slot][data-starts-at='2026-12-06T23:00:00Z']").await;
    b.screenshot("mentor-availability").await;
    b.finish().await;
}

#[tokio::test]
async fn a_person_books_a_mentor_found_in_the_directory_and_rates_the_service() {
    let b = Browser::start().await;
    let w = b.app.mentor_world().await;
    b.app.trainee_with_profile(1).await;

    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.click("nav-mentors").await;
    b.wait_path("/mentors").await;
    // On a phone the filters are folded until opened.
    b.click("mentor-filters-toggle").await;
    super::pick_region(&b, "mentor-filter-", "370000", "370200", None).await;
    b.click("mentor-filter-submit").await;
    b.wait_css_text("[data-testid=mentor-name]", "王海燕").await;
    b.screenshot("mentor-directory").await;
    b.click_css("[data-testid=mentor-name]").await;
    b.wait_path(&format!("/mentors/{}", w.id)).await;
    // Friday's week has nothing left: the page opens on the week of the soonest free slot.
    b.click_css("[data-testid=slot][data-starts-at='2026-12-07T01:00:00Z']").await;
    b.fill("book-topic", "开店选址").await;
    b.fill("book-business", "准备在社区开一家早餐店，想比较两个铺面的选址和租金。").await;
    b.click("book-submit").await;
    b.wait_path("/me/appointments").await;
    b.wait_css("[data-testid=appointment][data-status=pending]").await;
    b.screenshot("my-appointment-requested").await;

    // The mentor confirms it in the workspace.
    b.sign_in_as(&mobile(900), PASSWORD).await;
    b.open("/mentor").await;
    b.click("tab-appointments").await;
    b.click_css("[data-testid=confirm-appointment]").await;
    b.wait_css("[data-testid=appointment][data-status=confirmed]").await;
    b.screenshot("mentor-confirmed").await;

    // The person downloads the calendar file.
    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/me/appointments").await;
    b.wait_css("[data-testid=appointment][data-status=confirmed]").await;
    b.click_css("[data-testid=download-ics]").await;
    let fetched = "return performance.getEntriesByType('resource').some(e => e.name.includes('.ics'))";
    eventually(&b, "the ics download", async || {
        b.client.execute(fetched, vec![]).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
    })
    .await;

    // After the meeting: the mentor records the service, the person rates it.
    b.app.travel_to(at(MON_9) + Duration::minutes(70));
    b.sign_in_as(&mobile(900), PASSWORD).await;
    b.open("/mentor").await;
    b.click("tab-appointments").await;
    b.click_css("[data-testid=record-service]").await;
    let id = {
        let mentor = b.app.login(&mobile(900)).await;
        let list = b.app.get("/api/me/mentor/appointments", Some(&mentor)).await;
        list.body[0]["id"].as_str().unwrap_or_default().to_owned()
    };
    b.fill(&format!("record-{id}-discussed"), "门店选址与租金预算的取舍").await;
    b.fill(&format!("record-{id}-advice"), "先做三天人流测算再签约").await;
    b.fill(&format!("record-{id}-minutes"), "50").await;
    b.click(&format!("record-{id}-submit")).await;
    let mentor = b.app.login(&mobile(900)).await;
    eventually(&b, "the service record", async || {
        let list = b.app.get("/api/me/mentor/appointments", Some(&mentor)).await;
        list.body[0]["record"]["minutes"] == 50
    })
    .await;

    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/me/appointments").await;
    b.wait_css("[data-testid=service-record]").await;
    b.click_css("[data-testid=rate-service]").await;
    b.select(&format!("rate-{id}-rating"), "5").await;
    b.fill(&format!("rate-{id}-comment"), "建议很具体").await;
    b.click(&format!("rate-{id}-submit")).await;
    let person = b.app.login(&mobile(1)).await;
    eventually(&b, "the rating", async || {
        b.app.get("/api/me/appointments", Some(&person)).await.body[0]["rating"] == 5
    })
    .await;
    b.screenshot("my-appointment-rated").await;
    b.finish().await;
}

#[tokio::test]
async fn an_officer_suspends_a_mentor_and_the_pending_request_is_declined() {
    let b = Browser::start().await;
    let w = b.app.mentor_world().await;
    let person = b.app.trainee_with_profile(1).await;
    let r = b.app.book(&person, &w.id, MON_9).await;
    assert_eq!(r.status, reqwest::StatusCode::CREATED, "{}", r.text);

    b.sign_in_as("13800000002", PASSWORD).await;
    b.open("/bureau/mentors").await;
    b.select("bureau-mentor-status", "active").await;
    b.wait_css("[data-testid=mentor-row][data-status=active]").await;
    b.click_css("[data-testid=suspend]").await;
    b.fill(&format!("decision-suspend-{}-reason", w.id), "服务投诉核查中").await;
    b.click_css("[data-testid=decision-submit]").await;
    eventually(&b, "the suspension", async || {
        b.app.get("/api/me/appointments", Some(&person)).await.body[0]["status"] == "declined"
    })
    .await;
    b.screenshot("bureau-suspended-mentor").await;

    b.sign_in_as(&mobile(1), PASSWORD).await;
    b.open("/me/appointments").await;
    b.wait_css("[data-testid=appointment][data-status=declined]").await;
    b.wait_css_text("[data-testid=appointment]", "服务投诉核查中").await;
    b.screenshot("my-appointment-declined").await;
    b.finish().await;
}
