//! Seats can never be oversold, whatever the concurrency.

use std::collections::BTreeSet;

use malanhua_tests::TestApp;

use reqwest::StatusCode;
use serde_json::{Value, json};

async fn concurrently(app: &TestApp, calls: Vec<(String, String)>) -> Vec<(StatusCode, Value)> {
    malanhua_tests::concurrently(app, calls.into_iter().map(|(t, p)| (t, p, json!({}))).collect()).await
}

async fn check_invariants(app: &TestApp, staff: &str, id: &str, capacity: usize) -> (usize, usize) {
    let roster = app.get(&format!("/api/classes/{id}/roster"), Some(staff)).await;
    let enrolled = roster.body["enrolled"].as_array().map(Vec::len).unwrap_or(0);
    let waiting: Vec<u64> = roster.body["waitlist"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["waitlist_position"].as_u64()).collect())
        .unwrap_or_default();
    let page = app.get(&format!("/api/classes/{id}"), None).await;
    assert_eq!(page.body["summary"]["taken"].as_u64(), Some(enrolled as u64), "taken differs from the seat holders");
    assert!(enrolled <= capacity, "oversold: {enrolled} > {capacity}");
    let distinct: BTreeSet<u64> = waiting.iter().copied().collect();
    assert_eq!(distinct, (1..=waiting.len() as u64).collect::<BTreeSet<_>>(), "waitlist positions are not 1..n");
    (enrolled, waiting.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_enrolments_into_thirty_seats_fill_exactly_thirty() {
    let app = TestApp::spawn_with(|c| c.pool_size = 8).await;
    let w = app.classes_world().await;
    let id = app.open_class(&w, &app.syb_class(&w.trainer, 30, 10)).await;
    let tokens = app.many_trainees(1, 200).await;
    let calls = tokens.iter().map(|t| (t.clone(), format!("/api/classes/{id}/enrol"))).collect();
    let results = concurrently(&app, calls).await;
    assert!(
        results.iter().all(|(s, _)| *s == StatusCode::CREATED),
        "{:?}",
        results.iter().find(|(s, _)| *s != StatusCode::CREATED)
    );
    let seats = results.iter().filter(|(_, b)| b["status"] == "enrolled").count();
    let positions: BTreeSet<u64> = results.iter().filter_map(|(_, b)| b["waitlist_position"].as_u64()).collect();
    assert_eq!(seats, 30);
    assert_eq!(positions, (1..=170).collect::<BTreeSet<_>>());
    assert_eq!(check_invariants(&app, &w.staff, &id, 30).await, (30, 170));

    // Withdrawals and new enrolments at once keep the invariants.
    let roster = app.get(&format!("/api/classes/{id}/roster"), Some(&w.staff)).await;
    let seated: Vec<String> = roster.body["enrolled"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["user_id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(seated.len(), 30);
    let newcomers = app.many_trainees(1000, 20).await;
    // The seat holders' tokens are found by matching enrolment results to tokens.
    let mut calls: Vec<(String, String)> = Vec::new();
    for (token, (_, body)) in tokens.iter().zip(&results).filter(|(_, (_, b))| b["status"] == "enrolled").take(20) {
        assert_eq!(body["class_id"], id.as_str());
        calls.push((token.clone(), format!("/api/classes/{id}/withdraw")));
    }
    calls.extend(newcomers.iter().map(|t| (t.clone(), format!("/api/classes/{id}/enrol"))));
    let mixed = concurrently(&app, calls).await;
    assert!(mixed.iter().all(|(s, _)| s.is_success()), "{:?}", mixed.iter().find(|(s, _)| !s.is_success()));
    let (enrolled, waiting) = check_invariants(&app, &w.staff, &id, 30).await;
    assert_eq!(enrolled, 30, "freed seats go to those waiting");
    assert_eq!(waiting, 170, "20 left the seats, 20 were promoted, 20 joined the end");
}
