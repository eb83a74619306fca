//! The bureau confirms a recorded group session took place from the mentor
//! library page; only then does it earn the mentor a fee.

use chrono::Duration;
use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::studios::{record_body, weekday_9};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_officer_confirms_a_recorded_group_session_took_place() {
    let b = Browser::start().await;
    let mut w = b.app.studio_world(0).await;
    let start = weekday_9(b.app.now(), 0);
    let body = json!({ "topic": "创业政策解读", "starts_at": start.to_rfc3339(),
                       "ends_at": (start + Duration::hours(2)).to_rfc3339(), "place": "崂山区创业大厦", "seats": 20 });
    let g = b.app.post(&format!("/api/mentors/{}/group-sessions", w.leader.1), Some(&w.leader.0), &body).await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text);
    let group = g.body["id"].as_str().unwrap_or_default().to_owned();
    b.app.travel_to(start + Duration::hours(1));
    b.app.refresh(&mut w).await;
    let r =
        b.app.post(&format!("/api/group-sessions/{group}/record"), Some(&w.leader.0), &record_body(120, true)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    b.sign_in_as(w.mobiles[1], PASSWORD).await;
    b.open("/bureau/mentors").await;
    b.wait_css(&format!("#group-services [data-testid=group-service][data-id='{group}'][data-confirmed=false]")).await;
    b.click(&format!("confirm-group-{group}")).await;
    b.wait_css(&format!("[data-testid=group-service][data-id='{group}'][data-confirmed=true]")).await;
    b.wait_css_text("[data-testid=group-service-confirmed]", "已确认").await;
    b.screenshot_at("group-services", "bureau-group-session-confirmed").await;

    let list = b.app.get("/api/bureau/group-services", Some(&w.officer_a)).await;
    let row = list.body.as_array().into_iter().flatten().find(|s| s["session_id"] == group.as_str());
    assert!(row.is_some_and(|s| s["confirmed_at"].is_string()), "{}", list.text);
    b.finish().await;
}
