//! A person's rights over their data: the download, deletion carried out
//! by the home region's bureau where nothing must be kept (and refused
//! where it must), and an officer's correction of a squatted resident ID.

use malanhua_tests::classes::{mobile, resident_id};
use malanhua_tests::subsidies::Setup;
use malanhua_tests::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// (action, reason) of the audit rows about an account.
async fn audit_of(app: &TestApp, user: &str) -> Vec<(String, Option<String>)> {
    let id = user.to_owned();
    app.state()
        .db(move |c| {
            Ok(malanhua::core::audit::store::for_entity(c, "user", &id)?
                .into_iter()
                .map(|r| (r.action.as_str().to_owned(), r.reason))
                .collect())
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"))
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_person_downloads_everything_held_about_them() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let token = app.trainee_with_profile(7).await;
    let d = json!({ "group": "registered_unemployed", "valid_from": "2020-01-01", "evidence": "失业登记证 7" });
    assert_eq!(app.post("/api/me/priority-groups", Some(&token), &d).await.status, StatusCode::CREATED);
    let class = app.open_class(&w, &app.syb_class(&w.trainer, 30, 10)).await;
    assert_eq!(
        app.post(&format!("/api/classes/{class}/enrol"), Some(&token), &json!({})).await.status,
        StatusCode::CREATED
    );

    assert_eq!(app.get("/api/me/export", None).await.status, StatusCode::UNAUTHORIZED);
    let r = app.get("/api/me/export", Some(&token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["account"]["mobile"], mobile(7).as_str());
    assert_eq!(r.body["resident_id"], resident_id(7).as_str(), "the ID in full, for its owner");
    assert!(r.body["privacy_version"].as_str().is_some_and(|v| !v.is_empty()), "consent recorded: {}", r.text);
    assert!(r.body["privacy_consented_at"].is_string());
    assert_eq!(r.body["classes"][0]["class"]["id"], class.as_str());
    assert_eq!(r.body["priority_groups"][0]["evidence"], "失业登记证 7");
    assert!(r.body["sessions"].as_array().is_some_and(|s| !s.is_empty()));
    let me = id(&app.get("/api/me", Some(&token)).await.body);
    assert!(audit_of(&app, &me).await.iter().any(|(a, _)| a == "account.export_data"), "the download is audited");
}

#[tokio::test]
async fn the_home_bureau_erases_an_account_that_holds_nothing_to_keep() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let beijing = app.officer(&w.admin, "13800000020", "110000").await;
    let token = app.trainee_with_profile(8).await;
    let me = id(&app.get("/api/me", Some(&token)).await.body);

    let asked = app.post("/api/me/deletion-requests", Some(&token), &json!({})).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.text);
    assert_eq!((asked.body["status"].as_str(), asked.body["must_keep"].clone()), (Some("pending"), json!([])));
    let again = app.post("/api/me/deletion-requests", Some(&token), &json!({})).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "one request waits at a time: {}", again.text);
    let request = id(&asked.body);

    let theirs = app.get("/api/bureau/deletion-requests", Some(&beijing)).await;
    assert_eq!(theirs.body, json!([]), "another region's bureau does not see it");
    let path = format!("/api/deletion-requests/{request}/decision");
    let r = app.post(&path, Some(&beijing), &json!({ "carry_out": true, "note": "核实无需保留" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let ours = app.get("/api/bureau/deletion-requests", Some(&w.officer)).await;
    assert_eq!(ours.body[0]["id"], request.as_str(), "{}", ours.text);
    assert_eq!(ours.body[0]["name_masked"], "学*");
    let r = app.post(&path, Some(&w.officer), &json!({ "carry_out": true })).await;
    assert_eq!((r.status, r.field("note")), (StatusCode::BAD_REQUEST, "required"), "{}", r.text);

    let r = app.post(&path, Some(&w.officer), &json!({ "carry_out": true, "note": "核实无需保留的记录" })).await;
    assert_eq!((r.status, r.body["status"].as_str()), (StatusCode::OK, Some("carried_out")), "{}", r.text);
    assert_eq!(
        app.post(&path, Some(&w.officer), &json!({ "carry_out": false, "note": "重复" })).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(app.get("/api/me", Some(&token)).await.status, StatusCode::UNAUTHORIZED, "its sessions ended");
    let login = app.login_as(&mobile(8), PASSWORD).await;
    assert_eq!(login.status, StatusCode::UNAUTHORIZED, "{}", login.text);
    let (m, uid) = (mobile(8), malanhua_shared::UserId::from_raw(me.clone()));
    let row = app
        .state()
        .db(move |c| {
            let by_mobile = malanhua::accounts::store::find_by_mobile(c, &m)?;
            Ok((by_mobile.is_some(), malanhua::accounts::store::find(c, &uid)?))
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert!(!row.0, "the mobile is no longer held");
    let erased = row.1.unwrap_or_else(|| panic!("the row stays as a pseudonym"));
    assert!(erased.real_name.is_none() && erased.resident_id.is_none() && erased.resident_id_hash.is_none());
    assert!(erased.mobile.is_erased());
    assert!(audit_of(&app, &me).await.iter().any(|(a, r)| a == "account.carry_out_deletion" && r.is_some()));
    // The number is free for a new account, and so is the resident ID.
    let again = app.register_as(&mobile(8), PASSWORD).await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    let fresh = app.login(&mobile(8)).await;
    let p = json!({ "real_name": "学员", "resident_id": resident_id(8), "region": "370212" });
    assert_eq!(app.put("/api/me/profile", Some(&fresh), &p).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_certified_trainee_is_told_the_record_is_kept_and_the_bureau_refuses_with_a_note() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup::default()).await;
    let token = &s.trainees[0].0;
    let asked = app.post("/api/me/deletion-requests", Some(token), &json!({})).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.text);
    assert!(asked.body["must_keep"].as_array().is_some_and(|k| k.contains(&json!("certificates"))), "{}", asked.text);
    let path = format!("/api/deletion-requests/{}/decision", id(&asked.body));
    let r = app.post(&path, Some(&s.w.officer), &json!({ "carry_out": true, "note": "申请注销" })).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "certificates must be kept: {}", r.text);
    assert_eq!(app.get("/api/me", Some(token)).await.status, StatusCode::OK, "nothing was erased");
    let r =
        app.post(&path, Some(&s.w.officer), &json!({ "carry_out": false, "note": "持有培训合格证书，依法保留" })).await;
    assert_eq!((r.status, r.body["status"].as_str()), (StatusCode::OK, Some("refused")), "{}", r.text);
    let mine = app.get("/api/me/deletion-requests", Some(token)).await;
    assert_eq!(mine.body[0]["note"], "持有培训合格证书，依法保留", "the person reads why");
}

#[tokio::test]
async fn an_officer_gives_a_squatted_resident_id_back_to_its_owner_with_a_reason() {
    let app = TestApp::spawn().await;
    let w = app.classes_world().await;
    let beijing = app.officer(&w.admin, "13800000020", "110000").await;
    let squatter = app.trainee("13900000066").await;
    let taken = json!({ "real_name": "冒用者", "resident_id": resident_id(9), "region": "370212" });
    assert_eq!(app.put("/api/me/profile", Some(&squatter), &taken).await.status, StatusCode::OK);
    let owner = app.trainee(&mobile(9)).await;
    let own = json!({ "real_name": "学员", "resident_id": resident_id(9), "region": "370212" });
    assert_eq!(app.put("/api/me/profile", Some(&owner), &own).await.code(), "resident_id_taken");

    let correction = json!({ "mobile": mobile(9), "real_name": "学员", "resident_id": resident_id(9),
                             "region": "370212", "reason": "本人持身份证原件到窗口核验" });
    let path = "/api/bureau/resident-id-corrections";
    let bad = app.post(path, Some(&w.officer), &json!({})).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for f in ["mobile", "real_name", "resident_id", "region", "reason"] {
        assert_eq!(bad.field(f), "required", "{f}: {}", bad.text);
    }
    assert_eq!(app.post(path, Some(&owner), &correction).await.status, StatusCode::FORBIDDEN, "not a trainee's power");
    assert_eq!(app.post(path, Some(&beijing), &correction).await.status, StatusCode::FORBIDDEN, "another region");
    let r = app.post(path, Some(&w.officer), &correction).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let (owner_id, squatter_id) =
        (id(&app.get("/api/me", Some(&owner)).await.body), id(&app.get("/api/me", Some(&squatter)).await.body));
    assert_eq!(
        (r.body["user_id"].as_str(), r.body["taken_from"].as_str()),
        (Some(owner_id.as_str()), Some(squatter_id.as_str()))
    );
    let me = app.get("/api/me", Some(&owner)).await;
    assert_eq!(me.body["profile_complete"], true, "{}", me.text);
    assert!(me.body["resident_id_masked"].as_str().is_some_and(|m| m.contains('*')));
    assert_eq!(app.get("/api/me", Some(&squatter)).await.body["profile_complete"], false);
    let reason = Some("本人持身份证原件到窗口核验".to_owned());
    for who in [&owner_id, &squatter_id] {
        let audit = audit_of(&app, who).await;
        assert!(audit.iter().any(|(a, r)| a == "account.correct_resident_id" && r == &reason), "{who}: {audit:?}");
    }
    let twice = app.post(path, Some(&w.officer), &correction).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "already bound: {}", twice.text);
}

#[derive(diesel::QueryableByName)]
struct IdemText {
    #[diesel(sql_type = diesel::sql_types::Text)]
    scope: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    key: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    request_hash: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    body: Option<String>,
}

#[tokio::test]
async fn an_idempotency_record_holds_no_readable_answer_and_a_retry_still_gets_it() {
    let app = TestApp::spawn().await;
    let token = app.trainee(&mobile(11)).await;
    let profile = json!({ "real_name": "韩梅梅", "resident_id": resident_id(11), "region": "370212" });
    let first =
        app.keyed(reqwest::Method::PUT, "/api/me/profile", Some(&token), Some(&profile), "key-profile-11").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    assert!(first.text.contains(&mobile(11)) && first.text.contains("韩梅梅"), "the answer names the person");
    let rows = app
        .state()
        .db(|c| {
            let q = diesel::sql_query("SELECT scope, key, request_hash, body FROM idempotency_keys");
            Ok(diesel::RunQueryDsl::load::<IdemText>(q, c)?)
        })
        .await
        .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"));
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    let stored = format!("{} {} {} {}", r.scope, r.key, r.request_hash, r.body.clone().unwrap_or_default());
    for secret in [mobile(11), "韩梅梅".to_owned(), resident_id(11), "key-profile-11".to_owned()] {
        assert!(!stored.contains(&secret), "the record holds {secret}: {stored}");
    }
    assert!(r.body.as_deref().is_some_and(|b| b.starts_with("v1:")), "the answer is sealed");
    let again =
        app.keyed(reqwest::Method::PUT, "/api/me/profile", Some(&token), Some(&profile), "key-profile-11").await;
    assert_eq!((again.status, again.body.clone()), (StatusCode::OK, first.body), "the retry gets the first answer");
    assert_eq!(again.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
}
