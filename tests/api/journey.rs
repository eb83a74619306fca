//! 创业一件事: the founder's one page, line by line, as the journey goes on.

use chrono::Duration;
use malanhua_tests::TestApp;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn journey(app: &TestApp, token: &str) -> Vec<Value> {
    let r = app.get("/api/me/journey", Some(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.body["lines"].as_array().cloned().unwrap_or_default()
}

fn steps(lines: &[Value]) -> Vec<(String, String)> {
    lines
        .iter()
        .map(|l| (l["area"].as_str().unwrap_or("").to_owned(), l["next"].as_str().unwrap_or("").to_owned()))
        .collect()
}

fn pair(area: &str, next: &str) -> (String, String) {
    (area.to_owned(), next.to_owned())
}

#[tokio::test]
async fn each_line_shows_the_next_step_as_the_journey_goes_on() {
    let app = TestApp::spawn().await;
    let newcomer = app.trainee("13700000099").await;
    assert_eq!(steps(&journey(&app, &newcomer).await), [pair("training", "find_class")]);
    let r = app.get("/api/me/journey", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    let s = app.subsidy_world(Setup { trainees: 2, grouped: |i| i == 0, ..Setup::default() }).await;
    let (token, _, number) = &s.trainees[0];
    let lines = journey(&app, token).await;
    assert_eq!(steps(&lines), [pair("subsidy", "file_claim"), pair("mentoring", "find_mentor")], "{lines:?}");
    let draft = app.claim_of(token).await;
    assert_eq!(lines[0]["subject"], draft["id"], "the action opens the drafted claim");
    assert_eq!(
        (lines[0]["certificate"].as_str(), lines[0]["amount_fen"].as_i64()),
        (Some(number.as_str()), Some(100_000))
    );

    let other = journey(&app, &s.trainees[1].0).await;
    assert_eq!(steps(&other)[0], pair("subsidy", "declare_group"), "only a group is missing: {other:?}");
    assert_eq!(other[0]["reasons"], json!(["no_eligible_group"]));

    let claim = draft["id"].as_str().unwrap_or_default();
    let r = app.post(&format!("/api/claims/{claim}/submit"), Some(token), &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(steps(&journey(&app, token).await)[0], pair("mentoring", "find_mentor"), "what to do comes first");
    assert!(steps(&journey(&app, token).await).contains(&pair("subsidy", "await_decision")));

    // A new class: the trainee enrols and the line says when to come.
    let class = app.open_class(&s.w, &app.syb_class(&s.w.trainer, 30, 10)).await;
    let r = app.post(&format!("/api/classes/{class}/enrol"), Some(&s.trainees[1].0), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let lines = journey(&app, &s.trainees[1].0).await;
    let attend = lines.iter().find(|l| l["next"] == "attend_class").cloned().unwrap_or_default();
    assert_eq!((attend["subject"].as_str(), attend["at"].is_string()), (Some(class.as_str()), true), "{lines:?}");

    // Three months after the certificate the follow-up is due.
    app.travel_to(app.now() + Duration::days(100));
    let token = app.login(&malanhua_tests::classes::mobile(1)).await;
    let lines = journey(&app, &token).await;
    let due = lines.iter().find(|l| l["next"] == "record_outcome").cloned().unwrap_or_default();
    assert_eq!(due["subject"], number.as_str(), "{lines:?}");
    assert!(due["due_on"].is_string());
}
