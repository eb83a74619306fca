//! The benchmark's generator at a tiny factor, on both databases: it makes
//! what its summary says, the data reads back through the product (the
//! officer's worklist, verification, the catalogue), the seat counts agree
//! with the enrolments, claims sit in every common stage, and the rush
//! class takes an enrolment.

use diesel::prelude::*;
use malanhua::core::db::schema::{classes, enrolments, subsidy_claims};
use malanhua::scale::{Plan, SCALE_PASSWORD, seed_scale};
use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_scale_generator_makes_a_province_that_the_product_reads() {
    let app = TestApp::spawn().await;
    let plan = Plan::new(0.0005, 7).unwrap_or_else(|e| panic!("{e}"));
    let summary = seed_scale(app.state(), plan, app.now()).await.unwrap_or_else(|e| panic!("{e:?}"));
    let rows = |table: &str| summary.rows.iter().find(|(t, _)| t == table).map_or(0, |(_, n)| *n);
    assert_eq!(rows("trainees"), 500);
    assert_eq!(rows("classes"), 52, "50 classes and the two the rush opens");
    assert_eq!(rows("institutions"), 16);
    assert!(rows("certificates") > 100, "{:?}", summary.rows);
    assert!(summary.database_bytes > 0);

    let pool = app.state().pool.clone();
    let (taken, seated, stages) = tokio::task::spawn_blocking(move || {
        let c = &mut *pool.get().unwrap_or_else(|e| panic!("{e}"));
        let taken: Option<i64> = classes::table.select(diesel::dsl::sum(classes::taken)).first(c).unwrap_or(None);
        let seated: i64 =
            enrolments::table.filter(enrolments::status.eq("enrolled")).count().get_result(c).unwrap_or(-1);
        let stages: Vec<String> =
            subsidy_claims::table.select(subsidy_claims::status).distinct().load(c).unwrap_or_default();
        (taken.unwrap_or(0), seated, stages)
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(taken, seated, "each class's seat count is its enrolled places");
    for stage in ["draft", "submitted", "reviewed", "approved", "notice", "paid", "returned", "rejected"] {
        assert!(stages.iter().any(|s| s == stage), "no claim is {stage}: {stages:?}");
    }

    let officer = app.login_as(&summary.officer_mobile, SCALE_PASSWORD).await;
    assert_eq!(officer.status, StatusCode::OK, "{}", officer.text);
    let token = officer.body["token"].as_str().unwrap_or_default().to_owned();
    let page = app.get("/api/bureau/claims?status=submitted&limit=20", Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(!page.body["items"].as_array().map(Vec::is_empty).unwrap_or(true), "the province officer sees claims");

    let verified = app.get(&format!("/api/verify/{}", summary.certificate_number), None).await;
    assert_eq!(verified.status, StatusCode::OK, "{}", verified.text);
    let class = app.get(&format!("/api/classes/{}", summary.some_class), None).await;
    assert!(matches!(class.status, StatusCode::OK | StatusCode::NOT_FOUND), "{}", class.text);

    let trainee = app.login_as("17000000001", SCALE_PASSWORD).await;
    let trainee = trainee.body["token"].as_str().unwrap_or_default().to_owned();
    let enrolled = app.post(&format!("/api/classes/{}/enrol", summary.rush_class), Some(&trainee), &json!({})).await;
    assert_eq!(enrolled.status, StatusCode::CREATED, "{}", enrolled.text);
    assert_eq!(enrolled.body["status"], "enrolled");
}

#[tokio::test]
async fn the_worklist_in_institution_order_pages_by_the_kept_name_and_is_planned_on_an_index() {
    let app = TestApp::spawn().await;
    let plan = Plan::new(0.0005, 11).unwrap_or_else(|e| panic!("{e}"));
    let summary = seed_scale(app.state(), plan, app.now()).await.unwrap_or_else(|e| panic!("{e:?}"));
    let officer = app.login_as(&summary.officer_mobile, SCALE_PASSWORD).await;
    let token = officer.body["token"].as_str().unwrap_or_default().to_owned();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut after = String::new();
    for _ in 0..4 {
        let page = app.get(&format!("/api/bureau/claims?sort=institution&limit=40{after}"), Some(&token)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        for item in page.body["items"].as_array().cloned().unwrap_or_default() {
            let name = item["institution"].as_str().unwrap_or_default().to_owned();
            names.push((name, item["id"].as_str().unwrap_or_default().to_owned()));
        }
        match page.body["next"].as_str() {
            Some(next) => after = format!("&after={}", crate::worklist::urlencode(next)),
            None => break,
        }
    }
    assert!(names.len() > 80, "four pages of claims: {}", names.len());
    assert!(names.windows(2).all(|w| w[0] < w[1]), "by institution name, then id, with no repeats");
    assert!(names.iter().all(|(n, _)| n.starts_with("规模培训学校")), "each claim shows its institution");

    let pool = app.state().pool.clone();
    let sqlite = app.state().backend.name() == "sqlite";
    let plans = tokio::task::spawn_blocking(move || {
        let c = &mut *pool.get().unwrap_or_else(|e| panic!("{e}"));
        let queries = ["status=submitted".to_owned(), "sort=institution".to_owned()];
        malanhua::scale::explain::worklist_plans(c, "370000", &queries).unwrap_or_else(|e| panic!("{e:?}"))
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(plans.contains("`status=submitted`") && plans.contains("`sort=institution`"), "{plans}");
    if sqlite {
        assert!(plans.contains("subsidy_claims_stage_id"), "a stage is read from its index: {plans}");
        assert!(plans.contains("subsidy_claims_institution"), "the name order is an index: {plans}");
        assert!(!plans.contains("TEMP B-TREE"), "nothing is sorted: {plans}");
    } else {
        assert!(plans.contains("subsidy_claims"), "PostgreSQL explains the query: {plans}");
    }
}
