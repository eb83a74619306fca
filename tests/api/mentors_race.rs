//! Never double-booked: real concurrent requests against one slot, one
//! request and one group session.

use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::json;

const MON_9: &str = "2026-12-07T09:00:00+08:00";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_requests_for_one_slot_give_one_booking() {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let w = app.mentor_world().await;
    let tokens = app.many_trainees(1, 50).await;
    let body = json!({ "starts_at": MON_9, "topic": "开店选址", "business": "准备在社区开一家早餐店，想了解选址。" });
    let calls =
        tokens.iter().map(|t| (t.clone(), format!("/api/mentors/{}/appointments", w.id), body.clone())).collect();
    let results = malanhua_tests::concurrently(&app, calls).await;
    let created = results.iter().filter(|(s, _)| *s == StatusCode::CREATED).count();
    let conflicts = results.iter().filter(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "slot_taken").count();
    assert_eq!(
        (created, conflicts),
        (1, 49),
        "{:?}",
        results.iter().map(|(s, b)| (s.as_u16(), b["code"].clone())).collect::<Vec<_>>()
    );
    let mine = app.get("/api/me/mentor/appointments", Some(&w.mentor)).await;
    let live = mine.body.as_array().map_or(0, |a| a.iter().filter(|x| x["status"] == "pending").count());
    assert_eq!(live, 1, "one active row");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_concurrent_confirmations_give_one_success() {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let w = app.mentor_world().await;
    let person = app.trainee_with_profile(1).await;
    let id = app.book(&person, &w.id, MON_9).await.body["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/appointments/{id}/confirm");
    let results = malanhua_tests::concurrently(
        &app,
        vec![(w.mentor.clone(), path.clone(), json!({})), (w.mentor.clone(), path, json!({}))],
    )
    .await;
    let mut statuses: Vec<u16> = results.iter().map(|(s, _)| s.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, vec![200, 409], "{results:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_concurrent_joins_of_twenty_seats_seat_twenty_and_waitlist_ten() {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let w = app.mentor_world().await;
    let session = json!({ "topic": "开业前的财税", "starts_at": "2026-12-12T14:00:00+08:00", "ends_at": "2026-12-12T16:00:00+08:00", "place": "崂山区创业孵化基地", "seats": 20 });
    let r = app.post(&format!("/api/mentors/{}/group-sessions", w.id), Some(&w.mentor), &session).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let gid = r.body["id"].as_str().unwrap_or_default().to_owned();
    let tokens = app.many_trainees(1, 30).await;
    let calls = tokens.iter().map(|t| (t.clone(), format!("/api/group-sessions/{gid}/join"), json!({}))).collect();
    let results = malanhua_tests::concurrently(&app, calls).await;
    assert!(results.iter().all(|(s, _)| *s == StatusCode::OK), "{results:?}");
    let seated = results.iter().filter(|(_, b)| b["my_seat"]["status"] == "seated").count();
    let waiting: Vec<u64> = results.iter().filter_map(|(_, b)| b["my_seat"]["position"].as_u64()).collect();
    assert_eq!((seated, waiting.len()), (20, 10));
    let g = app.get(&format!("/api/group-sessions/{gid}"), None).await;
    assert_eq!((g.body["taken"].as_u64(), g.body["waitlist"].as_u64()), (Some(20), Some(10)));
    // A seat freed goes to the first who waited, at once.
    let mut seated_token = None;
    let mut first_waiting = None;
    for t in &tokens {
        let mine = app.get(&format!("/api/group-sessions/{gid}"), Some(t)).await;
        match (mine.body["my_seat"]["status"].as_str(), mine.body["my_seat"]["position"].as_u64()) {
            (Some("seated"), _) if seated_token.is_none() => seated_token = Some(t.clone()),
            (Some("waitlisted"), Some(1)) => first_waiting = Some(t.clone()),
            _ => {}
        }
    }
    let (Some(leaver), Some(next)) = (seated_token, first_waiting) else { panic!("no seat holder or no first waiter") };
    let r = app.post(&format!("/api/group-sessions/{gid}/leave"), Some(&leaver), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let g = app.get(&format!("/api/group-sessions/{gid}"), None).await;
    assert_eq!((g.body["taken"].as_u64(), g.body["waitlist"].as_u64()), (Some(20), Some(9)), "promoted at once");
    let promoted = app.get(&format!("/api/group-sessions/{gid}"), Some(&next)).await;
    assert_eq!(promoted.body["my_seat"]["status"], "seated", "the first who waited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_running_the_job_at_once_send_each_reminder_once() {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let w = app.mentor_world().await;
    let tokens = app.many_trainees(1, 6).await;
    let slots = ["2026-12-07T07:00:00+08:00", "2026-12-07T08:00:00+08:00", "2026-12-07T09:00:00+08:00"];
    for (token, slot) in tokens.iter().zip(slots) {
        let r = app.book(token, &w.id, slot).await;
        let id = r.body["id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(
            app.post(&format!("/api/appointments/{id}/confirm"), Some(&w.mentor), &json!({})).await.status,
            StatusCode::OK
        );
    }
    app.travel_to(
        chrono::DateTime::parse_from_rfc3339("2026-12-06T12:00:00+08:00")
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default(),
    );
    let (a, b) = tokio::join!(malanhua::mentors::jobs::tick(app.state()), malanhua::mentors::jobs::tick(app.state()));
    let sent = a.unwrap_or_else(|e| panic!("{e:?}")) + b.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sent, 3, "three reminders between the two runs");
    let notes = app.get("/api/me/notifications", Some(&w.mentor)).await;
    let reminders =
        notes.body.as_array().map_or(0, |n| n.iter().filter(|n| n["kind"] == "appointment_reminder").count());
    assert_eq!(reminders, 3, "{}", notes.text);
}
