//! The bureau's statistics, checked against a hand-counted world: a Laoshan
//! class of two certified trainees in Qingdao, with their drafted claims.

use chrono::Duration;
use malanhua_shared::course::shanghai_date;
use malanhua_tests::subsidies::{Setup, SubsidyWorld};
use malanhua_tests::{TestApp, credit_code};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn period(app: &TestApp) -> String {
    let to = shanghai_date(app.now());
    format!("from={}&to={to}", to - Duration::days(60))
}

async fn stats(app: &TestApp, token: &str, query: &str) -> Value {
    let r = app.get(&format!("/api/bureau/statistics?{}&{query}", period(app)), Some(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text);
    r.body
}

fn figure(v: &Value, name: &str) -> u64 {
    v[name].as_u64().unwrap_or_else(|| panic!("{name} in {v}"))
}

fn region<'a>(s: &'a Value, code: &str) -> &'a Value {
    s["regions"].as_array().and_then(|r| r.iter().find(|x| x["region"] == code)).unwrap_or(&Value::Null)
}

async fn world(app: &TestApp) -> SubsidyWorld {
    app.subsidy_world(Setup { trainees: 2, ..Setup::default() }).await
}

#[tokio::test]
async fn the_city_figures_count_the_class_its_certificates_and_claims_and_sum_over_its_districts() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let city = stats(&app, &s.w.officer, "").await;
    assert_eq!((city["region"].as_str(), city["region_name"].as_str()), (Some("370200"), Some("青岛市")), "{city}");
    let t = &city["totals"];
    assert_eq!(
        ["classes_opened", "enrolled", "completed", "certificates", "start_ups", "payments"].map(|n| figure(t, n)),
        [1, 2, 2, 2, 0, 0],
        "{t}"
    );
    let drafts = t["claims"].as_array().cloned().unwrap_or_default();
    assert_eq!(drafts.len(), 1, "{t}");
    assert_eq!((drafts[0]["kind"].as_str(), drafts[0]["status"].as_str()), (Some("training"), Some("draft")));
    assert_eq!((drafts[0]["count"].as_u64(), drafts[0]["amount_fen"].as_i64()), (Some(2), Some(200_000)));

    let districts = city["regions"].as_array().cloned().unwrap_or_default();
    assert_eq!(districts.len(), 1, "one district has figures: {city}");
    let laoshan = region(&city, "370212");
    assert_eq!(laoshan["name"], "崂山区");
    for name in ["classes_opened", "enrolled", "completed", "certificates"] {
        let sum: u64 = districts.iter().map(|d| figure(&d["figures"], name)).sum();
        assert_eq!(sum, figure(t, name), "{name}: the districts sum to the city");
    }
    assert_eq!(city["funnel"], json!({ "enrolled": 2, "certified": 2, "claimed": 0, "paid": 0 }));
    let inst = &city["institutions"][0];
    assert_eq!(
        (inst["name"].as_str(), figure(inst, "enrolled"), figure(inst, "completed")),
        (Some("崂山创业学校"), 2, 2)
    );
    let months: u64 = city["periods"].as_array().into_iter().flatten().map(|p| figure(&p["figures"], "enrolled")).sum();
    assert_eq!(months, 2, "the months sum to the total");
}

#[tokio::test]
async fn the_province_sees_its_cities_and_nobody_sees_outside_their_region() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let province = app.officer(&s.w.admin, "13800000031", "370000").await;
    let p = stats(&app, &province, "").await;
    assert_eq!(p["region"], "370000");
    assert_eq!(figure(&region(&p, "370200")["figures"], "certificates"), 2, "{p}");
    assert_eq!(figure(&p["totals"], "certificates"), 2);
    let qingdao = stats(&app, &province, "region=370200").await;
    assert_eq!(qingdao["totals"], stats(&app, &s.w.officer, "").await["totals"], "the same city, asked from above");

    let beijing = app.officer(&s.w.admin, "13800000021", "110000").await;
    let r = app.get(&format!("/api/bureau/statistics?region=370200&{}", period(&app)), Some(&beijing)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "another province's officer: {}", r.text);
    let r = app.get("/api/bureau/statistics?region=370000", Some(&s.w.officer)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a city officer asks for the province: {}", r.text);
    let r = app.get("/api/bureau/statistics", Some(&s.trainees[0].0)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a trainee: {}", r.text);
    let b = stats(&app, &beijing, "").await;
    assert_eq!(figure(&b["totals"], "certificates"), 0, "Beijing's own figures hold nothing of Qingdao");
    let national = stats(&app, &s.w.admin, "").await;
    assert_eq!(figure(&region(&national, "370000")["figures"], "enrolled"), 2, "{national}");
}

#[tokio::test]
async fn filters_and_outcomes_change_the_figures_they_concern() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let (token, _, number) = &s.trainees[0];
    let mut body = json!({ "status": "started", "credit_code": credit_code("92370212MA3C5678Y"), "industry": "H", "jobs_created": 3 });
    body["started_on"] = json!(shanghai_date(app.now()).to_string());
    let r = app.put(&format!("/api/certificates/{number}/outcome"), Some(token), &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    let all = stats(&app, &s.w.officer, "by=quarter").await;
    assert_eq!((figure(&all["totals"], "start_ups"), figure(&all["totals"], "jobs_created")), (1, 3), "{all}");
    assert!(
        all["periods"].as_array().into_iter().flatten().all(|p| p["label"].as_str().is_some_and(|l| l.contains("-Q")))
    );
    assert_eq!(figure(&all["institutions"][0], "start_ups"), 1);
    let food = stats(&app, &s.w.officer, "industry=H").await;
    assert_eq!(figure(&food["totals"], "start_ups"), 1);
    let it = stats(&app, &s.w.officer, "industry=I").await;
    assert_eq!(figure(&it["totals"], "start_ups"), 0);
    let iyb = stats(&app, &s.w.officer, "kind=iyb").await;
    assert_eq!((figure(&iyb["totals"], "classes_opened"), figure(&iyb["totals"], "certificates")), (0, 0));
    let grouped = stats(&app, &s.w.officer, "group=registered_unemployed").await;
    assert_eq!(figure(&grouped["totals"], "enrolled"), 0, "their groups are declared, not yet verified: {grouped}");
    app.verify_groups(&s.w.officer).await;
    let grouped = stats(&app, &s.w.officer, "group=registered_unemployed").await;
    assert_eq!((figure(&grouped["totals"], "enrolled"), figure(&grouped["totals"], "certificates")), (2, 2));
    let inst = all["institutions"][0]["institution_id"].as_str().unwrap_or_default().to_owned();
    let one = stats(&app, &s.w.officer, &format!("institution={inst}")).await;
    assert_eq!(figure(&one["totals"], "enrolled"), 2);
}

#[tokio::test]
async fn a_bad_period_or_filter_is_named() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    for (query, field, code) in [
        ("by=week", "by", "invalid_format"),
        ("kind=xyb", "kind", "invalid_format"),
        ("from=2026-02-30", "from", "invalid_date"),
        ("from=2026-05-01&to=2026-04-01", "to", "not_in_order"),
        ("from=2020-01-01&to=2026-01-01", "to", "out_of_range"),
        ("region=370", "region", "invalid_region"),
        ("institution=x'y", "institution", "invalid_format"),
    ] {
        let r = app.get(&format!("/api/bureau/statistics?{query}"), Some(&s.w.officer)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}: {}", r.text);
        assert_eq!(r.field(field), code, "{query}: {}", r.text);
    }
}

#[tokio::test]
async fn the_figures_download_as_csv_and_xlsx_in_either_language() {
    let app = TestApp::spawn().await;
    let s = world(&app).await;
    let csv = app.get(&format!("/api/bureau/statistics.csv?{}", period(&app)), Some(&s.w.officer)).await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.text);
    assert!(csv.text.starts_with('\u{feff}'), "a BOM for spreadsheets");
    let laoshan = csv.text.lines().find(|l| l.contains("崂山区")).unwrap_or_default();
    assert!(laoshan.starts_with("分地区,370212,崂山区,1,2,2,100.0%,2,"), "{}", csv.text);
    let en = app.get(&format!("/api/bureau/statistics.csv?lang=en&{}", period(&app)), Some(&s.w.officer)).await;
    assert!(en.text.contains("completion rate") && en.text.contains("by region"), "{}", en.text);
    let url = format!("{}/api/bureau/statistics.xlsx?{}", app.base, period(&app));
    let xlsx = app.client.get(url).bearer_auth(&s.w.officer).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap_or_default().starts_with(b"PK"), "an XLSX file is a zip archive");
    let denied = app.get("/api/bureau/statistics.xlsx?region=110000", Some(&s.w.officer)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}
