//! The mentor library: admission, the directory, slots in Shanghai days,
//! every booking rule by the server, expiry, rescheduling and calendar files
//! (after the meeting: `mentor_services.rs`).

use chrono::Duration;
use malanhua_tests::TestApp;
use malanhua_tests::mentors::friday;
use reqwest::StatusCode;
use serde_json::{Value, json};

// Monday 7 December 2026 in Shanghai.
const MON_7: &str = "2026-12-07T07:00:00+08:00";
const MON_9: &str = "2026-12-07T09:00:00+08:00";
const MON_10: &str = "2026-12-07T10:00:00+08:00";

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|m| m["id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn an_admitted_mentor_is_listed_under_their_city_and_leaves_when_suspended() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let (_, applied) = app.mentor_applies(901, "370212").await;
    let city = app.get("/api/mentors?region=370200", None).await;
    assert_eq!(city.status, StatusCode::OK, "{}", city.text);
    assert_eq!(
        ids(&city.body),
        vec![w.id.clone()],
        "a district's mentor shows on the city's page; an applicant does not"
    );
    assert!(city.body["items"][0]["next_free"].is_string());
    assert!(ids(&app.get("/api/mentors?region=150100", None).await.body).is_empty());
    assert_eq!(ids(&app.get("/api/mentors?expertise=law", None).await.body), Vec::<String>::new());
    assert_eq!(ids(&app.get("/api/mentors?q=选址&mode=online", None).await.body), vec![w.id.clone()]);
    assert_eq!(app.get(&format!("/api/mentors/{applied}"), None).await.status, StatusCode::NOT_FOUND);

    let person = app.trainee_with_profile(1).await;
    let other = app.trainee_with_profile(2).await;
    let pending = app.book(&person, &w.id, MON_9).await;
    assert_eq!(pending.status, StatusCode::CREATED, "{}", pending.text);
    let confirmed = app.book(&other, &w.id, MON_10).await;
    let cid = confirmed.body["id"].as_str().unwrap_or_default().to_owned();
    let r = app.post(&format!("/api/appointments/{cid}/confirm"), Some(&w.mentor), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    let r = app.mentor_decision(&w.officer, &w.id, json!({ "action": "suspend" })).await;
    assert_eq!(r.field("reason"), "required");
    let r = app.mentor_decision(&w.officer, &w.id, json!({ "action": "suspend", "reason": "服务投诉核查中" })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["status"], "suspended");
    assert!(ids(&app.get("/api/mentors?region=370200", None).await.body).is_empty());
    assert_eq!(app.book(&person, &w.id, MON_7).await.code(), "mentor_not_bookable");
    let mine = app.get("/api/me/appointments", Some(&person)).await;
    assert_eq!(mine.body[0]["status"], "declined");
    assert_eq!(mine.body[0]["status_reason"], "服务投诉核查中");
    let theirs = app.get("/api/me/appointments", Some(&other)).await;
    assert_eq!(theirs.body[0]["status"], "cancelled");
    let notes = app.get("/api/me/notifications", Some(&other)).await;
    assert!(
        notes.body.as_array().is_some_and(|n| n.iter().any(|n| n["kind"] == "appointment_cancelled")),
        "{}",
        notes.text
    );

    let r = app.mentor_decision(&w.officer, &w.id, json!({ "action": "reinstate" })).await;
    assert_eq!(r.body["status"], "active");
    assert_eq!(app.book(&person, &w.id, MON_9).await.status, StatusCode::CREATED, "the freed time is bookable again");
}

#[tokio::test]
async fn only_the_regions_officer_decides_and_a_term_ends() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let admin = app.login("13800000001").await;
    let hohhot = app.officer(&admin, "13800000003", "150100").await;
    let (_, id) = app.mentor_applies(902, "370212").await;
    let r = app.mentor_decision(&hohhot, &id, json!({ "action": "admit" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.mentor_decision(&w.officer, &id, json!({ "action": "refuse", "reason": "证明材料不足" })).await;
    assert_eq!(r.body["status"], "refused");
    assert_eq!(app.mentor_decision(&w.officer, &id, json!({ "action": "admit" })).await.code(), "wrong_state");
    let list = app.get("/api/bureau/mentors?status=active", Some(&w.officer)).await;
    assert_eq!(list.body.as_array().map(Vec::len), Some(1));
    let rec = app.get("/api/me/mentor", Some(&w.mentor)).await;
    assert_eq!(rec.body["term_from"], "2026-12-04");
    assert_eq!(rec.body["term_to"], "2029-12-03", "three years by default");
    app.travel_to(friday() + Duration::days(365 * 3 + 2));
    let mentor = app.login(&malanhua_tests::classes::mobile(900)).await;
    assert_eq!(app.get("/api/me/mentor", Some(&mentor)).await.body["status"], "expired");
    assert_eq!(app.get(&format!("/api/mentors/{}/slots", w.id), None).await.code(), "mentor_not_bookable");
}

#[tokio::test]
async fn a_slot_at_seven_in_shanghai_is_listed_on_its_shanghai_day() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let r = app
        .get(
            &format!("/api/mentors/{}/slots?from=2026-12-07T00:00:00%2B08:00&to=2026-12-08T00:00:00%2B08:00", w.id),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let days = r.body.as_array().cloned().unwrap_or_default();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["day"], "2026-12-07");
    assert_eq!(days[0]["slots"][0]["starts_at"], "2026-12-06T23:00:00Z", "07:00 Shanghai is the previous day in UTC");
    assert_eq!(days[0]["slots"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn a_hand_made_request_that_breaks_a_rule_is_refused_naming_it() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let mut hours = malanhua_tests::mentors::mornings();
    hours["buffer_after_minutes"] = json!(60);
    hours["max_per_day"] = json!(2);
    assert_eq!(app.put("/api/me/mentor/availability", Some(&w.mentor), &hours).await.status, StatusCode::OK);
    let person = app.trainee_with_profile(1).await;
    let other = app.trainee_with_profile(2).await;
    let third = app.trainee_with_profile(3).await;
    let refused = |r: malanhua_tests::TestResponse| (r.status, r.code().to_owned());
    assert_eq!(
        refused(app.book(&person, &w.id, "2026-12-04T11:00:00+08:00").await),
        (StatusCode::UNPROCESSABLE_ENTITY, "booking_notice".into())
    );
    assert_eq!(
        refused(app.book(&person, &w.id, "2027-01-08T09:00:00+08:00").await),
        (StatusCode::UNPROCESSABLE_ENTITY, "booking_horizon".into())
    );
    assert_eq!(refused(app.book(&person, &w.id, "2026-12-07T13:00:00+08:00").await).1, "outside_availability");
    assert_eq!(refused(app.book(&person, &w.id, "2026-12-07T09:30:00+08:00").await).1, "outside_availability");
    assert_eq!(refused(app.book(&person, &w.id, "2026-12-05T09:00:00+08:00").await).1, "outside_availability");
    assert_eq!(app.book(&person, &w.id, MON_9).await.status, StatusCode::CREATED);
    assert_eq!(refused(app.book(&other, &w.id, MON_9).await), (StatusCode::CONFLICT, "slot_taken".into()));
    assert_eq!(
        refused(app.book(&other, &w.id, MON_10).await),
        (StatusCode::UNPROCESSABLE_ENTITY, "buffer_conflict".into())
    );
    assert_eq!(app.book(&other, &w.id, MON_7).await.status, StatusCode::CREATED);
    assert_eq!(
        refused(app.book(&third, &w.id, "2026-12-07T11:00:00+08:00").await),
        (StatusCode::UNPROCESSABLE_ENTITY, "booking_limit".into())
    );
    let bad = app
        .post(
            &format!("/api/mentors/{}/appointments", w.id),
            Some(&third),
            &json!({ "starts_at": "monday", "topic": "" }),
        )
        .await;
    assert_eq!(
        (bad.field("starts_at"), bad.field("topic"), bad.field("business")),
        ("invalid_format", "required", "required")
    );
}

#[tokio::test]
async fn the_persons_own_calendar_and_open_requests_are_checked() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let (second, sid) = app.mentor_applies(903, "370212").await;
    assert_eq!(app.mentor_decision(&w.officer, &sid, json!({ "action": "admit" })).await.status, StatusCode::OK);
    assert_eq!(
        app.put("/api/me/mentor/availability", Some(&second), &malanhua_tests::mentors::mornings()).await.status,
        StatusCode::OK
    );
    let person = app.trainee_with_profile(1).await;
    assert_eq!(app.book(&person, &w.id, MON_9).await.status, StatusCode::CREATED);
    assert_eq!(app.book(&person, &sid, MON_9).await.code(), "trainee_overlap");
    assert_eq!(app.book(&person, &w.id, MON_7).await.status, StatusCode::CREATED);
    assert_eq!(app.book(&person, &sid, "2026-12-08T09:00:00+08:00").await.status, StatusCode::CREATED);
    assert_eq!(
        app.book(&person, &sid, "2026-12-09T09:00:00+08:00").await.code(),
        "too_many_open_requests",
        "three open requests at most"
    );
    let no_profile = app.trainee("13900099999").await;
    assert_eq!(app.book(&no_profile, &w.id, MON_10).await.code(), "profile_incomplete");
}

#[tokio::test]
async fn an_unanswered_request_expires_and_frees_its_slot() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let other = app.trainee_with_profile(2).await;
    let r = app.book(&person, &w.id, "2026-12-10T09:00:00+08:00").await;
    let id = r.body["id"].as_str().unwrap_or_default().to_owned();
    assert!(
        r.body["expires_at"].as_str().is_some_and(|t| t.starts_with("2026-12-06T02:00:00")),
        "48 hours by default: {}",
        r.text
    );
    let day = format!("/api/mentors/{}/slots?from=2026-12-10T00:00:00%2B08:00&to=2026-12-11T00:00:00%2B08:00", w.id);
    let starts = |v: &Value| -> Vec<String> {
        v[0]["slots"]
            .as_array()
            .map(|s| s.iter().filter_map(|x| x["starts_at"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    assert!(
        !starts(&app.get(&day, None).await.body).contains(&"2026-12-10T01:00:00Z".to_owned()),
        "a pending request holds its slot"
    );
    app.advance(Duration::hours(49));
    assert!(
        starts(&app.get(&day, None).await.body).contains(&"2026-12-10T01:00:00Z".to_owned()),
        "expired: free again, before any job ran"
    );
    assert_eq!(app.get("/api/me/appointments", Some(&person)).await.body[0]["status"], "expired");
    assert_eq!(
        app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await.code(),
        "wrong_state"
    );
    assert_eq!(app.book(&other, &w.id, "2026-12-10T09:00:00+08:00").await.status, StatusCode::CREATED);
    let notes = app.get("/api/me/notifications", Some(&person)).await;
    assert!(notes.body.as_array().is_some_and(|n| n.iter().any(|n| n["kind"] == "appointment_expired")));
}

#[tokio::test]
async fn a_reschedule_keeps_the_id_frees_the_old_slot_and_the_calendar_file_follows() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let other = app.trainee_with_profile(2).await;
    let id = app.book(&person, &w.id, MON_9).await.body["id"].as_str().unwrap_or_default().to_owned();
    app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await;
    let ics = app.get(&format!("/api/appointments/{id}.ics"), Some(&person)).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(
        ics.text.contains("METHOD:REQUEST")
            && ics.text.contains("DTSTART:20261207T010000Z")
            && ics.text.contains("SEQUENCE:0"),
        "{}",
        ics.text
    );
    assert!(ics.text.contains(&format!("UID:appointment-{id}@malanhua")));
    assert_eq!(app.get(&format!("/api/appointments/{id}.ics"), Some(&other)).await.status, StatusCode::NOT_FOUND);
    let r = app
        .post(
            &format!("/api/appointments/{id}/reschedule"),
            Some(&person),
            &json!({ "starts_at": "2026-12-08T10:00:00+08:00" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        (r.body["id"].as_str(), r.body["status"].as_str(), r.body["sequence"].as_u64()),
        (Some(id.as_str()), Some("confirmed"), Some(1))
    );
    assert_eq!(app.book(&other, &w.id, MON_9).await.status, StatusCode::CREATED, "the old slot is free");
    let ics = app.get(&format!("/api/appointments/{id}.ics"), Some(&w.mentor)).await;
    assert!(ics.text.contains("SEQUENCE:1") && ics.text.contains("DTSTART:20261208T020000Z"), "{}", ics.text);
    let r =
        app.post(&format!("/api/appointments/{id}/cancel"), Some(&w.mentor), &json!({ "reason": "临时出差" })).await;
    assert_eq!(r.body["status"], "cancelled");
    let ics = app.get(&format!("/api/appointments/{id}.ics"), Some(&person)).await;
    assert!(
        ics.text.contains("METHOD:CANCEL") && ics.text.contains("STATUS:CANCELLED") && ics.text.contains("SEQUENCE:2"),
        "{}",
        ics.text
    );
    let feed = app.get("/api/me/calendar", Some(&person)).await;
    let url = feed.body["url"].as_str().unwrap_or_default().to_owned();
    let path = url.split_once("/api/").map(|(_, p)| format!("/api/{p}")).unwrap_or_default();
    let body = app.get(&path, None).await;
    assert!(
        body.text.contains(&format!("UID:appointment-{id}@malanhua")) && body.text.contains("STATUS:CANCELLED"),
        "{}",
        body.text
    );
    app.post("/api/me/calendar/renew", Some(&person), &json!({})).await;
    assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND, "a renewed feed closes the old URL");
}

#[tokio::test]
async fn the_cancel_cut_off_holds_for_both_sides() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let id = app.book(&person, &w.id, MON_9).await.body["id"].as_str().unwrap_or_default().to_owned();
    app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await;
    app.travel_to(friday() + Duration::hours(70));
    let r =
        app.post(&format!("/api/appointments/{id}/cancel"), Some(&w.mentor), &json!({ "reason": "临时有会" })).await;
    assert_eq!(r.code(), "cancel_cutoff", "{}", r.text);
    let r = app.post(&format!("/api/appointments/{id}/cancel"), Some(&person), &json!({ "reason": "有事" })).await;
    assert_eq!(r.code(), "cancel_cutoff", "{}", r.text);
}

#[tokio::test]
async fn a_group_place_and_an_appointment_at_the_same_time_exclude_each_other() {
    let app = TestApp::spawn().await;
    let w = app.mentor_world().await;
    let (second, sid) = app.mentor_applies(903, "370212").await;
    assert_eq!(app.mentor_decision(&w.officer, &sid, json!({ "action": "admit" })).await.status, StatusCode::OK);
    assert_eq!(
        app.put("/api/me/mentor/availability", Some(&second), &malanhua_tests::mentors::mornings()).await.status,
        StatusCode::OK
    );
    let session = json!({ "topic": "开业前的财税", "starts_at": "2026-12-07T08:30:00+08:00", "ends_at": "2026-12-07T09:30:00+08:00", "place": "崂山区创业孵化基地", "seats": 20 });
    let g = app.post(&format!("/api/mentors/{}/group-sessions", w.id), Some(&w.mentor), &session).await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text);
    let gid = g.body["id"].as_str().unwrap_or_default().to_owned();
    let person = app.trainee_with_profile(1).await;
    assert_eq!(
        app.post(&format!("/api/group-sessions/{gid}/join"), Some(&person), &json!({})).await.status,
        StatusCode::OK
    );
    assert_eq!(app.book(&person, &sid, MON_9).await.code(), "trainee_overlap", "a seat at 08:30-09:30 overlaps 09:00");
    let other = app.trainee_with_profile(2).await;
    assert_eq!(app.book(&other, &sid, MON_9).await.status, StatusCode::CREATED);
    assert_eq!(
        app.post(&format!("/api/group-sessions/{gid}/join"), Some(&other), &json!({})).await.code(),
        "trainee_overlap"
    );
    assert_eq!(app.book(&other, &w.id, MON_9).await.code(), "slot_taken", "the session holds the mentor's calendar");
}
