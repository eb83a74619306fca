//! After the meeting: service records, no-shows, ratings and the yearly
//! evaluation, for appointments and group sessions; and the reminder job.

use chrono::Duration;
use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

const MON_9: &str = "2026-12-07T09:00:00+08:00";

#[tokio::test]
async fn after_the_meeting_it_is_recorded_rated_once_and_counted() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let id = app.book(&person, &w.id, MON_9).await.body["id"].as_str().unwrap_or_default().to_owned();
    app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await;
    let record = json!({ "discussed": "门店选址与租金预算的取舍", "advice": "先做三天人流测算", "follow_up": "两周后复盘", "minutes": 50 });
    let early = app.post(&format!("/api/appointments/{id}/record"), Some(&w.mentor), &record).await;
    assert_eq!(early.code(), "wrong_state", "not before the start");
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/rate"), Some(&person), &json!({ "rating": 5 })).await.code(),
        "wrong_state"
    );
    app.travel_to(
        chrono::DateTime::parse_from_rfc3339(MON_9).map(|t| t.with_timezone(&chrono::Utc)).unwrap_or_default()
            + Duration::minutes(10),
    );
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/no-show"), Some(&w.mentor), &json!({})).await.code(),
        "wrong_state",
        "no-show only after the end"
    );
    let r = app.post(&format!("/api/appointments/{id}/record"), Some(&w.mentor), &record).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["record"]["minutes"], 50);
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/record"), Some(&w.mentor), &record).await.code(),
        "wrong_state"
    );
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/rate"), Some(&w.mentor), &json!({ "rating": 5 })).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/rate"), Some(&person), &json!({ "rating": 9 })).await.field("rating"),
        "out_of_range"
    );
    let evaluation = format!("/api/bureau/mentors/{}/evaluation?year=2026", w.id);
    let before = app.get(&evaluation, Some(&w.officer)).await;
    assert_eq!(
        (before.body["services"].as_u64(), before.body["confirmed"].as_u64(), before.body["qualifying"].as_u64()),
        (Some(1), Some(0), Some(0)),
        "recorded but not yet confirmed by the person: {}",
        before.text
    );
    let r = app
        .post(&format!("/api/appointments/{id}/rate"), Some(&person), &json!({ "rating": 4, "comment": "很实用" }))
        .await;
    assert_eq!((r.status, r.body["rating"].as_u64()), (StatusCode::OK, Some(4)), "{}", r.text);
    assert!(r.body["service_confirmed_at"].is_string());
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/rate"), Some(&person), &json!({ "rating": 1 })).await.code(),
        "wrong_state",
        "once"
    );
    let page = app.get(&format!("/api/mentors/{}", w.id), None).await;
    assert_eq!(
        (page.body["card"]["rating"].clone(), page.body["card"]["rating_count"].as_u64()),
        (Value::Null, Some(1)),
        "shown from three ratings"
    );
    assert_eq!(page.body["services_this_year"], 1);
    let e = app.get(&format!("/api/bureau/mentors/{}/evaluation?year=2026", w.id), Some(&w.officer)).await;
    assert_eq!(e.status, StatusCode::OK, "{}", e.text);
    assert_eq!(
        (
            e.body["services"].as_u64(),
            e.body["confirmed"].as_u64(),
            e.body["qualifying"].as_u64(),
            e.body["required"].as_u64(),
            e.body["meets"].as_bool()
        ),
        (Some(1), Some(1), Some(1), Some(10), Some(false))
    );
}

#[tokio::test]
async fn reminders_go_once_a_day_ahead_and_requests_expire_in_the_job() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let id = app.book(&person, &w.id, MON_9).await.body["id"].as_str().unwrap_or_default().to_owned();
    app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await;
    let stale =
        app.book(&person, &w.id, "2026-12-11T09:00:00+08:00").await.body["id"].as_str().unwrap_or_default().to_owned();
    let count = |v: &Value, kind: &str| v.as_array().map_or(0, |n| n.iter().filter(|n| n["kind"] == kind).count());
    app.travel_to(
        chrono::DateTime::parse_from_rfc3339(MON_9).map(|t| t.with_timezone(&chrono::Utc)).unwrap_or_default()
            - Duration::hours(22),
    );
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e:?}"));
    malanhua::mentors::jobs::tick(app.state()).await.unwrap_or_else(|e| panic!("{e:?}"));
    let notes = app.get("/api/me/notifications", Some(&person)).await;
    assert_eq!(count(&notes.body, "appointment_reminder"), 1, "{}", notes.text);
    assert_eq!(count(&app.get("/api/me/notifications", Some(&w.mentor)).await.body, "appointment_reminder"), 1);
    let row = app.get("/api/me/appointments", Some(&person)).await;
    let stale_row =
        row.body.as_array().and_then(|a| a.iter().find(|x| x["id"] == stale.as_str()).cloned()).unwrap_or_default();
    assert_eq!(stale_row["status"], "expired");
}

#[tokio::test]
async fn a_group_session_is_recorded_its_absentees_marked_after_the_end_and_rated_by_those_present() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let session = json!({ "topic": "开业前的财税", "starts_at": "2026-12-12T14:00:00+08:00", "ends_at": "2026-12-12T16:00:00+08:00", "place": "崂山区创业孵化基地", "seats": 20 });
    let gid = app.post(&format!("/api/mentors/{}/group-sessions", w.id), Some(&w.mentor), &session).await.body["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let present = app.trainee_with_profile(1).await;
    let absent = app.trainee_with_profile(2).await;
    for t in [&present, &absent] {
        assert_eq!(
            app.post(&format!("/api/group-sessions/{gid}/join"), Some(t), &json!({})).await.status,
            StatusCode::OK
        );
    }
    assert!(
        app.get(&format!("/api/group-sessions/{gid}"), Some(&present)).await.body["attendees"]
            .as_array()
            .is_some_and(Vec::is_empty),
        "attendees are the mentor's to see"
    );
    let g = app.get(&format!("/api/group-sessions/{gid}"), Some(&w.mentor)).await;
    let seats: Vec<String> = g.body["attendees"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["seat_id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(seats.len(), 2, "{}", g.text);
    let no_show = |seat: &str| format!("/api/group-sessions/{gid}/seats/{seat}/no-show");
    app.travel_to(
        chrono::DateTime::parse_from_rfc3339("2026-12-12T15:00:00+08:00")
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default(),
    );
    assert_eq!(
        app.post(&no_show(&seats[1]), Some(&w.mentor), &json!({})).await.code(),
        "wrong_state",
        "not before the end"
    );
    let record =
        json!({ "discussed": "开业前的税务登记与发票", "advice": "先办税务登记", "follow_up": "", "minutes": 120 });
    assert_eq!(
        app.post(&format!("/api/group-sessions/{gid}/record"), Some(&w.mentor), &record).await.status,
        StatusCode::OK
    );
    app.advance(Duration::hours(2));
    let r = app.post(&no_show(&seats[1]), Some(&w.mentor), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["attendees"][1]["no_show"], true);
    assert_eq!(app.post(&no_show(&seats[1]), Some(&absent), &json!({})).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post(&format!("/api/group-sessions/{gid}/rate"), Some(&absent), &json!({ "rating": 5 })).await.code(),
        "wrong_state"
    );
    assert_eq!(
        app.post(&format!("/api/group-sessions/{gid}/rate"), Some(&present), &json!({ "rating": 5 })).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.post(&no_show(&seats[0]), Some(&w.mentor), &json!({})).await.code(),
        "wrong_state",
        "they confirmed it took place"
    );
    let e = app.get(&format!("/api/bureau/mentors/{}/evaluation?year=2026", w.id), Some(&w.officer)).await;
    assert_eq!(
        (e.body["services"].as_u64(), e.body["confirmed"].as_u64(), e.body["qualifying"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
}
