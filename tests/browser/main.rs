//! Browser journeys: headless Chromium (phone-sized) drives the built SPA
//! against the real server, the way people use it. Screenshots of each final
//! page go to `target/browser-screenshots/`.

mod classes;
mod group_services;
mod journey;
mod lifecycle;
mod mentors;
mod outcomes;
mod outreach;
mod phone;
mod privacy;
mod statistics;
mod studios;
mod subsidies;
mod subsidy_standards;
mod worklist;

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use reqwest::StatusCode;

/// Chooses province, city and district in a cascading region picker.
async fn pick_region(b: &Browser, prefix: &str, province: &str, city: &str, county: Option<&str>) {
    b.select(&format!("{prefix}region-province"), province).await;
    b.select(&format!("{prefix}region-city"), city).await;
    if let Some(county) = county {
        b.select(&format!("{prefix}region-county"), county).await;
    }
}

async fn sign_in(b: &Browser, mobile: &str, password: &str) {
    b.open("/login").await;
    b.fill("mobile", mobile).await;
    b.fill("password", password).await;
    b.click("submit").await;
}

#[tokio::test]
async fn a_trainee_signs_up_fixes_a_wrong_resident_id_and_signs_out_and_in_again() {
    let b = Browser::start().await;
    b.open("/register").await;
    b.fill("mobile", "13912345678").await;
    b.click("code-send").await;
    b.wait_text("code-status", "139****5678").await;
    b.fill("code", &b.app.sms_code("13912345678").await).await;
    b.fill("password", PASSWORD).await;
    b.fill("password_confirm", PASSWORD).await;
    b.click("submit").await;
    b.wait_nonempty("privacy_consent-error").await;
    b.click("privacy_consent").await;
    b.screenshot("register-with-code").await;
    b.click("submit").await;
    b.wait_path("/profile").await;

    b.fill("real_name", "张三").await;
    b.fill("resident_id", "110105194912310021").await;
    pick_region(&b, "", "110000", "110100", Some("110105")).await;
    b.click("submit").await;
    let error = b.wait_nonempty("resident_id-error").await;
    b.screenshot("profile-wrong-resident-id").await;
    assert!(!error.contains("invalid_checksum"), "the error code is shown untranslated: {error}");
    // Nothing was saved.
    let token = b.app.login("13912345678").await;
    assert_eq!(b.app.get("/api/me", Some(&token)).await.body["profile_complete"], false);

    b.fill("resident_id", "11010519491231002x").await;
    b.click("submit").await;
    b.wait_id("profile-saved").await;
    let me = b.app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body["profile_complete"], true, "{}", me.text);
    assert_eq!(me.body["real_name"], "张三");
    assert_eq!(me.body["region"], "110105");
    b.wait_text("main", "1949").await;
    b.wait_text("profile-next", "查找并报名课程").await;
    b.screenshot_at("main", "profile-saved").await;

    b.click("nav-logout").await;
    b.wait_path("/login").await;
    sign_in(&b, "13912345678", PASSWORD).await;
    b.wait_path("/my/classes").await;
    b.open("/profile").await;
    b.wait_text("main", "1101**********002X").await;
    b.screenshot_at("main", "signed-in-again").await;
    b.finish().await;
}

#[tokio::test]
async fn a_wrong_password_is_explained_and_nothing_happens() {
    let b = Browser::start().await;
    b.app.register("13912345678").await;
    sign_in(&b, "13912345678", "not the password").await;
    let text = b.wait_nonempty("form-error").await;
    assert!(!text.contains("invalid_credentials"), "untranslated error: {text}");
    b.wait_path("/login").await;
    b.screenshot("login-wrong-password").await;
    b.finish().await;
}

/// On `/reset`: asks for a code, types it and a new password, submits.
async fn reset_password(b: &Browser, mobile: &str, password: &str) {
    b.fill("mobile", mobile).await;
    b.click("code-send").await;
    b.wait_nonempty("code-status").await;
    b.fill("code", &b.app.sms_code(mobile).await).await;
    b.fill("password", password).await;
    b.fill("password_confirm", password).await;
    b.click("submit").await;
}

#[tokio::test]
async fn an_admin_invites_an_officer_who_proves_the_mobile_and_sets_a_password() {
    let b = Browser::start().await;
    b.app.admin("13800000000").await;
    sign_in(&b, "13800000000", PASSWORD).await;
    b.wait_path("/admin").await;
    b.click("nav-admin").await;
    b.wait_path("/admin").await;
    assert!(!b.has("bureau-password").await, "nobody types a password for someone else");
    b.fill("bureau-mobile", "13800000001").await;
    b.fill("bureau-real_name", "其其格").await;
    pick_region(&b, "bureau-", "150000", "150100", None).await;
    b.click("bureau-submit").await;
    b.wait_text("bureau-created", "138****0001").await;
    b.wait_text("offers-table", "其其格").await;
    b.screenshot_at("main", "admin-invited-officer").await;
    assert_eq!(b.app.login_as("13800000001", "bureau pass 2026").await.status, StatusCode::UNAUTHORIZED);
    // The officer opens the link in the text message on their own phone.
    b.click("nav-logout").await;
    b.wait_path("/login").await;
    b.open("/reset").await;
    reset_password(&b, "13800000001", "bureau pass 2026").await;
    b.wait_path("/bureau/claims").await;
    let r = b.app.login_as("13800000001", "bureau pass 2026").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let me = b.app.get("/api/me", r.body["token"].as_str()).await;
    assert_eq!(me.body["roles"][0]["role"], "bureau_officer");
    assert_eq!(me.body["roles"][0]["region"], "150100");
    assert_eq!(me.body["real_name"], "其其格");
    b.finish().await;
}

#[tokio::test]
async fn a_locked_out_person_follows_the_sign_in_page_to_a_new_password() {
    let b = Browser::start().await;
    b.app.register("13912345679").await;
    for _ in 0..5 {
        b.app.login_as("13912345679", "not the password").await;
    }
    sign_in(&b, "13912345679", PASSWORD).await;
    b.wait_nonempty("form-error").await;
    b.screenshot("login-locked-out").await;
    b.click("forgot-password").await;
    b.wait_path("/reset").await;
    reset_password(&b, "13912345679", "a fresh secret 9").await;
    b.wait_path("/my/classes").await;
    b.screenshot_at("main", "reset-signed-in").await;
    assert_eq!(b.app.login_as("13912345679", "a fresh secret 9").await.status, StatusCode::OK, "unlocked");
    b.finish().await;
}

#[tokio::test]
async fn the_language_switch_turns_the_app_to_english_and_is_remembered() {
    let b = Browser::start().await;
    b.open("/login").await;
    let zh = b.wait_id("submit").await.text().await.unwrap_or_default();
    b.click("lang-switch").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut en = zh.clone();
    while en == zh && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        en = b.wait_id("submit").await.text().await.unwrap_or_default();
    }
    assert_ne!(zh, en, "the sign-in button did not change language");
    assert!(en.is_ascii(), "English label expected, got {en}");
    b.client.refresh().await.unwrap_or_else(|e| panic!("{e}"));
    b.wait_text("submit", &en).await;
    b.screenshot("login-english").await;
    b.finish().await;
}

#[tokio::test]
async fn an_ended_session_sends_the_person_to_sign_in_and_back_to_the_page() {
    let b = Browser::start().await;
    let admin = b.app.admin("13800000000").await;
    b.app.officer(&admin, "13800000003", "370200").await;
    sign_in(&b, "13800000003", PASSWORD).await;
    b.wait_path("/bureau/claims").await;
    // The session ends elsewhere (signed out on another device).
    let stored = b
        .client
        .execute("return localStorage.getItem('malanhua.token')", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let raw = stored.as_str().unwrap_or_default();
    let token: String = serde_json::from_str(raw).unwrap_or_else(|_| raw.to_owned());
    assert!(!token.is_empty(), "no token in local storage");
    let r = b.app.post("/api/auth/logout", Some(&token), &serde_json::json!({})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    b.open("/admin").await;
    b.wait_path("/login").await;
    let url = b.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    assert!(url.contains("next=%2Fadmin") || url.contains("next=/admin"), "{url}");
    b.fill("mobile", "13800000003").await;
    b.fill("password", PASSWORD).await;
    b.click("submit").await;
    b.wait_path("/admin").await;
    b.wait_id("accounts-table").await;
    b.screenshot_at("main", "back-at-admin-after-sign-in").await;
    b.finish().await;
}

#[tokio::test]
async fn a_bureau_officer_designates_an_institution_in_its_region() {
    let b = Browser::start().await;
    let admin = b.app.admin("13800000000").await;
    b.app.officer(&admin, "13800000003", "370200").await;
    sign_in(&b, "13800000003", PASSWORD).await;
    b.wait_path("/bureau/claims").await;
    b.click("nav-admin").await;
    b.wait_path("/admin").await;
    b.fill("inst-institution_name", "崂山区创业培训中心").await;
    b.fill("inst-mobile", "13800000004").await;
    b.fill("inst-real_name", "赵敏").await;
    b.select("inst-region-county", "370212").await;
    b.click("inst-submit").await;
    b.wait_id("inst-created").await;
    b.wait_text("offers-table", "赵敏").await;
    b.screenshot_at("inst-created", "officer-created-institution-account").await;
    let r = b.app.take_up("13800000004").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let me = b.app.get("/api/me", r.body["token"].as_str()).await;
    assert_eq!(me.body["roles"][0]["institution"]["name"], "崂山区创业培训中心");
    assert_eq!(me.body["roles"][0]["region"], "370212");
    b.finish().await;
}

#[tokio::test]
async fn the_server_serves_the_built_app_it_carries_when_no_folder_is_configured() {
    malanhua_tests::browser::spa_dir();
    let app = malanhua_tests::TestApp::spawn().await;
    let index = app.get("/profile", None).await;
    assert_eq!(index.status, StatusCode::OK, "{}", index.text);
    let script =
        index.text.split("from '/app-").nth(1).and_then(|s| s.split(".js").next()).unwrap_or_default().to_owned();
    assert_eq!(script.len(), 16, "index.html does not load a hashed app script: {}", index.text);
    let js = app.get(&format!("/app-{script}.js"), None).await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.headers.get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").contains("immutable"));
    let wasm =
        app.client.get(format!("{}/app-{script}_bg.wasm", app.base)).header("accept-encoding", "gzip").send().await;
    let wasm = wasm.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(wasm.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/wasm"));
    assert_eq!(wasm.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
}

#[tokio::test]
async fn a_link_to_a_class_that_does_not_exist_says_so_and_offers_a_way_on() {
    let b = Browser::start().await;
    b.open("/classes/no-such-class").await;
    let text = b.wait_css_text(".not-found", "页面不存在").await;
    assert!(!text.contains("重试"), "no retry for what is not there: {text}");
    assert!(b.has_css(".not-found a[href='/']").await, "a way on");
    b.screenshot("class-not-found").await;
    b.open("/no/such/page").await;
    b.wait_css_text("main h1", "页面不存在").await;
    b.finish().await;
}
