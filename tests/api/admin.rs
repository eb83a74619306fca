use malanhua_tests::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::json;

fn bureau(mobile: &str, region: &str) -> serde_json::Value {
    json!({ "mobile": mobile, "real_name": "王芳", "region": region })
}

fn institution(name: &str, mobile: &str, region: &str) -> serde_json::Value {
    json!({ "institution_name": name, "region": region, "mobile": mobile, "real_name": "赵敏" })
}

#[tokio::test]
async fn an_admin_creates_a_bureau_account_that_signs_in_as_an_officer_of_its_region() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &bureau("13800000001", "150100")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["role"], "bureau_officer");
    assert_eq!(r.body["region"], "150100");
    assert_eq!(r.body["mobile_masked"], "138****0001");
    assert!(r.body["accepted_at"].is_null(), "an offer until the owner proves the mobile");
    let told = app.last_sms("13800000001").await;
    assert!(told.contains("呼和浩特市人社部门经办人员") && told.contains("/reset"), "{told}");
    assert_eq!(app.take_up("13800000001").await.status, StatusCode::OK);
    let token = app.login("13800000001").await;
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body["real_name"], "王芳");
    assert_eq!(me.body["roles"][0]["role"], "bureau_officer");
    assert_eq!(me.body["roles"][0]["region"], "150100");
}

#[tokio::test]
async fn trainees_staff_and_officers_cannot_create_bureau_accounts() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let officer = app.officer(&admin, "13800000001", "110000").await;
    let trainee = app.trainee("13912345678").await;
    for token in [&officer, &trainee] {
        let r = app.post("/api/admin/bureau-accounts", Some(token), &bureau("13800000009", "110000")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
        assert_eq!(r.code(), "forbidden");
    }
    assert_eq!(app.login_as("13800000009", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_officer_designates_an_institution_in_a_district_of_its_city() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let qingdao = app.officer(&admin, "13800000003", "370200").await;
    let r = app
        .post(
            "/api/admin/institution-accounts",
            Some(&qingdao),
            &institution("青岛马兰花培训学校", "13800000004", "370212"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["role"], "institution_staff");
    assert_eq!(r.body["institution"]["name"], "青岛马兰花培训学校");
    assert_eq!(r.body["region"], "370212");
    assert_eq!(app.take_up("13800000004").await.status, StatusCode::OK);
    let staff = app.login("13800000004").await;
    let me = app.get("/api/me", Some(&staff)).await;
    assert_eq!(me.body["roles"][0]["institution"]["name"], "青岛马兰花培训学校");
}

#[tokio::test]
async fn an_officer_cannot_act_outside_its_region_or_for_its_province() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let qingdao = app.officer(&admin, "13800000003", "370200").await;
    for region in ["150102", "370102", "370000"] {
        let r = app
            .post("/api/admin/institution-accounts", Some(&qingdao), &institution("某培训学校", "13800000004", region))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{region}: {}", r.text);
    }
    assert_eq!(app.login_as("13800000004", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn staff_and_trainees_cannot_create_institution_accounts() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    app.post("/api/admin/institution-accounts", Some(&admin), &institution("青岛学校", "13800000004", "370212")).await;
    let staff = app.take_up("13800000004").await.body["token"].as_str().unwrap_or_default().to_owned();
    let trainee = app.trainee("13912345678").await;
    for token in [&staff, &trainee] {
        let r = app
            .post("/api/admin/institution-accounts", Some(token), &institution("别的学校", "13800000005", "370212"))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get("/api/admin/accounts", Some(token)).await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn nobody_types_a_password_for_someone_else_and_bad_fields_are_named() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let body = json!({ "mobile": "13800000001", "password": PASSWORD, "real_name": "王芳", "region": "110000" });
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "a password given is not used: {}", r.text);
    assert_eq!(app.login_as("13800000001", PASSWORD).await.status, StatusCode::UNAUTHORIZED, "no account yet");
    let body = json!({ "mobile": "1380000", "real_name": "", "region": "99" });
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &body).await;
    assert_eq!(r.field("mobile"), "invalid_format");
    assert_eq!(r.field("real_name"), "required");
    assert_eq!(r.field("region"), "invalid_region");
    let r = app.post("/api/admin/institution-accounts", Some(&admin), &institution("", "13800000004", "370212")).await;
    assert_eq!(r.field("institution_name"), "required");
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &bureau("13800000001", "650100")).await;
    assert_eq!(r.field("region"), "unknown_region");
}

#[tokio::test]
async fn a_pre_registered_mobile_gains_no_role_until_its_owner_proves_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    // The squatter registered the officer's number first (before mobiles were
    // proved; the table is written straight, as an old account would be).
    let squatter = app.register("13912345678").await;
    let body = json!({ "mobile": "13912345678", "real_name": "王芳", "region": "110000" });
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let token = app.login("13912345678").await;
    let roles = |me: &serde_json::Value| -> Vec<String> {
        me["roles"]
            .as_array()
            .map(|a| a.iter().filter_map(|r| r["role"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    assert_eq!(roles(&app.get("/api/me", Some(&token)).await.body), ["trainee"], "the offer is not a grant");
    // The real owner proves the mobile: the squatter's password and sessions go.
    let r = app.take_up("13912345678").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(app.get("/api/me", Some(&token)).await.status, StatusCode::UNAUTHORIZED, "old sessions end");
    let owner = r.body["token"].as_str().unwrap_or_default();
    let me = app.get("/api/me", Some(owner)).await.body;
    assert_eq!(roles(&me), ["trainee", "bureau_officer"]);
    assert_eq!(me["id"], squatter["id"]);
    let listed = app.get("/api/admin/invitations", Some(&admin)).await;
    assert!(listed.body[0]["accepted_at"].is_string(), "{}", listed.text);
}

#[tokio::test]
async fn granting_the_same_role_twice_is_a_conflict() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    app.officer(&admin, "13800000001", "110000").await;
    let r = app.post("/api/admin/bureau-accounts", Some(&admin), &bureau("13800000001", "150100")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "conflict");
    let token = app.login("13800000001").await;
    assert_eq!(app.get("/api/me", Some(&token)).await.body["roles"][0]["region"], "110000");
}

#[tokio::test]
async fn admins_list_all_staff_and_officers_only_institutions_of_their_region() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let qingdao = app.officer(&admin, "13800000003", "370200").await;
    app.officer(&admin, "13800000002", "150100").await;
    for (name, mobile, region) in [("青岛学校", "13800000004", "370212"), ("呼市学校", "13800000005", "150102")]
    {
        app.post("/api/admin/institution-accounts", Some(&admin), &institution(name, mobile, region)).await;
        assert_eq!(app.take_up(mobile).await.status, StatusCode::OK);
    }
    let all = app.get("/api/admin/accounts", Some(&admin)).await;
    assert_eq!(all.body.as_array().map(Vec::len), Some(4), "{}", all.text);
    let mine = app.get("/api/admin/accounts", Some(&qingdao)).await;
    let names: Vec<&str> = mine
        .body
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["institution"]["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["青岛学校"], "{}", mine.text);
    assert_eq!(mine.body.as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn a_trainee_sees_their_own_account_but_not_anothers() {
    let app = TestApp::spawn().await;
    let me = app.register("13912345678").await;
    let other = app.register("13912345679").await;
    let token = app.login("13912345678").await;
    let own = app.get(&format!("/api/users/{}", me["id"].as_str().unwrap_or("")), Some(&token)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.body["mobile_masked"], "139****5678");
    let theirs = app.get(&format!("/api/users/{}", other["id"].as_str().unwrap_or("")), Some(&token)).await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_officer_sees_people_of_its_region_only() {
    let app = TestApp::spawn().await;
    let admin = app.admin("13800000000").await;
    let qingdao = app.officer(&admin, "13800000003", "370200").await;
    let local = app.register("13912345678").await;
    let far = app.register("13912345679").await;
    let t1 = app.login("13912345678").await;
    let t2 = app.login("13912345679").await;
    app.put(
        "/api/me/profile",
        Some(&t1),
        &json!({ "real_name": "张三", "resident_id": "370212199003151236", "region": "370212" }),
    )
    .await;
    app.put(
        "/api/me/profile",
        Some(&t2),
        &json!({ "real_name": "李四", "resident_id": "150102198511082341", "region": "150102" }),
    )
    .await;
    let r = app.get(&format!("/api/users/{}", local["id"].as_str().unwrap_or("")), Some(&qingdao)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["resident_id_masked"], "3702**********1236");
    let r = app.get(&format!("/api/users/{}", far["id"].as_str().unwrap_or("")), Some(&qingdao)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/users/no-such-id", Some(&qingdao)).await.status, StatusCode::NOT_FOUND);
}
