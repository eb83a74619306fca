//! The working-day calendar: seeded with the State Council's arrangement,
//! kept by the administrator (audited), and used by every working-day count.

use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_arrangement_is_seeded_and_only_the_administrator_changes_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000001").await;
    let officer = app.officer(&admin, "13800000002", "370200").await;
    let days = app.get("/api/working-days?year=2026", None).await;
    assert_eq!(days.status, StatusCode::OK, "{}", days.text);
    let list = days.body.as_array().cloned().unwrap_or_default();
    let find = |d: &str| list.iter().find(|x| x["day"] == d).cloned().unwrap_or_default();
    assert_eq!(
        (find("2026-10-01")["kind"].as_str(), find("2026-10-01")["name"].as_str()),
        (Some("holiday"), Some("国庆节"))
    );
    assert_eq!(find("2026-10-10")["kind"], "workday", "the Saturday worked for National Day");
    assert_eq!(find("2026-02-14")["kind"], "workday");
    assert_eq!(list.iter().filter(|d| d["kind"] == "holiday").count(), 33);
    let body = json!({ "kind": "holiday", "name": "测试假日" });
    assert_eq!(app.put("/api/working-days/2026-12-10", Some(&officer), &body).await.status, StatusCode::FORBIDDEN);
    let weekday_worked =
        app.put("/api/working-days/2026-12-10", Some(&admin), &json!({ "kind": "workday", "name": "x" })).await;
    assert_eq!(weekday_worked.field("kind"), "out_of_range", "only a weekend day is worked in place of a holiday");
    let bad = app.put("/api/working-days/2026-13-01", Some(&admin), &body).await;
    assert_eq!(bad.field("day"), "invalid_date");
    assert_eq!(app.get("/api/working-days?year=x", None).await.field("year"), "invalid_format");
    let r = app.put("/api/working-days/2026-12-10", Some(&admin), &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app.request(reqwest::Method::DELETE, "/api/working-days/2026-12-10", Some(&admin), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let gone = app.request(reqwest::Method::DELETE, "/api/working-days/2026-12-10", Some(&admin), None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let audit: Vec<String> = app
        .state()
        .db(|c| {
            Ok(malanhua::core::audit::store::for_entity(c, "working_day", "2026-12-10")?
                .into_iter()
                .map(|r| r.action.as_str().to_owned())
                .collect())
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert_eq!(audit, vec!["calendar.set_day", "calendar.clear_day"]);
}

#[tokio::test]
async fn public_notice_counts_the_arranged_working_days() {
    let app = TestApp::spawn().await;
    let mut w = app.studio_world(2).await;
    // The world's clock is Wednesday 9 December 2026. Thursday and Friday
    // become holidays and Saturday 12th a worked day.
    for (day, kind) in [("2026-12-10", "holiday"), ("2026-12-11", "holiday"), ("2026-12-12", "workday")] {
        let r = app
            .put(&format!("/api/working-days/{day}"), Some(&w.admin), &json!({ "kind": kind, "name": "调休" }))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    let now = app.now().with_timezone(&malanhua_shared::course::shanghai()).date_naive();
    assert_eq!(now.to_string(), "2026-12-09");
    let applied = app.apply_studio(&w, "崂山创业指导师工作室").await;
    let claim = applied.body["claim_id"].as_str().unwrap_or_default().to_owned();
    for (t, a) in [(&w.officer_a, "review"), (&w.officer_b, "approve"), (&w.officer_a, "publish")] {
        assert_eq!(app.act(t, &claim, json!({ "action": a })).await.status, StatusCode::OK);
    }
    app.refresh(&mut w).await;
    let detail = app.get(&format!("/api/claims/{claim}"), Some(&w.officer_a)).await;
    // 5 working days: Wed 9, Sat 12 (worked), Mon 14, Tue 15, Wed 16.
    assert_eq!(detail.body["claim"]["notice_ends_on"], "2026-12-16", "{}", detail.text);
}
