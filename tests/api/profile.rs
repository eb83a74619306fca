use malanhua_tests::TestApp;
use reqwest::StatusCode;
use serde_json::json;

fn profile(name: &str, id: &str, region: &str) -> serde_json::Value {
    json!({ "real_name": name, "resident_id": id, "region": region })
}

#[tokio::test]
async fn saving_the_profile_derives_gender_and_birth_date_and_completes_it() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let r = app.put("/api/me/profile", Some(&token), &profile("张三", "11010519491231002x", "110105")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["real_name"], "张三");
    assert_eq!(r.body["gender"], "female");
    assert_eq!(r.body["birth_date"], "1949-12-31");
    assert_eq!(r.body["region"], "110105");
    assert_eq!(r.body["region_name"], "朝阳区");
    assert_eq!(r.body["resident_id_masked"], "1101**********002X");
    assert_eq!(r.body["profile_complete"], true);
    assert!(!r.text.contains("11010519491231002X"), "the full resident ID must not be echoed");
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body, r.body);
}

#[tokio::test]
async fn a_wrong_resident_id_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let cases = [
        ("110105194912310021", "invalid_checksum"),
        ("110105194902300021", "invalid_date"),
        ("11010519491231002", "invalid_format"),
        ("990105194912310021", "invalid_region"),
        ("", "required"),
    ];
    for (id, code) in cases {
        let r = app.put("/api/me/profile", Some(&token), &profile("张三", id, "110105")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{id}");
        assert_eq!(r.field("resident_id"), code, "{id}: {}", r.text);
    }
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body["real_name"], serde_json::Value::Null);
    assert_eq!(me.body["profile_complete"], false);
}

#[tokio::test]
async fn a_bad_name_and_region_are_named_together() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let r = app.put("/api/me/profile", Some(&token), &profile("张3", "11010519491231002X", "12345")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.field("real_name"), "invalid_format");
    assert_eq!(r.field("region"), "invalid_region");
    assert_eq!(r.field("resident_id"), "");
}

#[tokio::test]
async fn a_well_formed_but_unknown_region_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let r = app.put("/api/me/profile", Some(&token), &profile("张三", "11010519491231002X", "650102")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.field("region"), "unknown_region");
}

#[tokio::test]
async fn a_resident_id_bound_to_another_account_is_a_conflict() {
    let app = TestApp::spawn().await;
    let first = app.trainee("13912345678").await;
    let second = app.trainee("13912345679").await;
    let ok = app.put("/api/me/profile", Some(&first), &profile("张三", "11010519491231002X", "110105")).await;
    assert_eq!(ok.status, StatusCode::OK);
    let r = app.put("/api/me/profile", Some(&second), &profile("李四", "11010519491231002X", "110105")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "resident_id_taken");
    assert_eq!(r.field("resident_id"), "taken");
    assert_eq!(app.get("/api/me", Some(&second)).await.body["real_name"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_saved_resident_id_cannot_be_changed_but_name_and_region_can() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    app.put("/api/me/profile", Some(&token), &profile("张三", "11010519491231002X", "110105")).await;
    let r = app.put("/api/me/profile", Some(&token), &profile("张三", "440524188001010014", "110105")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.field("resident_id"), "not_allowed");
    let r = app.put("/api/me/profile", Some(&token), &profile("张三丰", "11010519491231002X", "370212")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["real_name"], "张三丰");
    assert_eq!(r.body["region_name"], "崂山区");
}

#[tokio::test]
async fn the_profile_needs_a_signed_in_person() {
    let app = TestApp::spawn().await;
    let r = app.put("/api/me/profile", None, &profile("张三", "11010519491231002X", "110105")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[derive(diesel::QueryableByName, Debug)]
struct StoredId {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    resident_id: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    resident_id_hash: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    resident_id_masked: Option<String>,
}

async fn stored(app: &TestApp) -> Vec<StoredId> {
    app.state()
        .db(|c| {
            let q = diesel::sql_query(
                "SELECT id, resident_id, resident_id_hash, resident_id_masked FROM users ORDER BY created_at",
            );
            Ok(diesel::RunQueryDsl::load(q, c)?)
        })
        .await
        .unwrap_or_default()
}

#[tokio::test]
async fn the_database_holds_no_plaintext_resident_id_and_old_rows_are_sealed_at_start() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    let r = app.put("/api/me/profile", Some(&token), &profile("张三", "11010519491231002x", "110105")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let rows = stored(&app).await;
    let row = rows.iter().find(|r| r.resident_id.is_some()).unwrap_or_else(|| panic!("no row: {rows:?}"));
    let sealed = row.resident_id.clone().unwrap_or_default();
    assert!(sealed.starts_with("v1:") && !sealed.contains("110105") && !sealed.contains("19491231"), "{sealed}");
    assert_eq!(row.resident_id_hash.as_ref().map(String::len), Some(64));
    assert_eq!(row.resident_id_masked.as_deref(), Some("1101**********002X"));
    // The same ID is still one account's only: the keyed hash finds it.
    let other = app.trainee("13912345679").await;
    let r = app.put("/api/me/profile", Some(&other), &profile("李四", "11010519491231002X", "110105")).await;
    assert_eq!(r.code(), "resident_id_taken", "{}", r.text);
    // A row written in plaintext before IDs were sealed is sealed at start-up.
    let id = row.id.clone();
    app.state()
        .write(move |c| {
            let q = diesel::sql_query(
                "UPDATE users SET resident_id = '370212199003151236', resident_id_hash = NULL, \
                 resident_id_masked = NULL WHERE id = $1",
            )
            .bind::<diesel::sql_types::Text, _>(id);
            Ok(diesel::RunQueryDsl::execute(q, c)?)
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let keys = app.state().pii.clone();
    let n = app
        .state()
        .write(move |c| malanhua::accounts::pii::seal_legacy(c, &keys))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(n, 1);
    let after = stored(&app).await;
    let row = after.iter().find(|r| r.id == row.id).unwrap_or_else(|| panic!("gone"));
    assert!(row.resident_id.as_deref().is_some_and(|s| s.starts_with("v1:") && !s.contains("370212")));
    assert_eq!(row.resident_id_masked.as_deref(), Some("3702**********1236"));
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body["resident_id_masked"], "3702**********1236", "{}", me.text);
}
