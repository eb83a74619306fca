//! Browser journeys: headless Chromium (phone-sized) drives the built SPA
//! against the real server, the way people use it. Screenshots of each final
//! page go to `target/browser-screenshots/`.

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
    b.fill("password", PASSWORD).await;
    b.fill("password_confirm", PASSWORD).await;
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
    b.screenshot("profile-saved").await;

    b.click("nav-logout").await;
    b.wait_path("/login").await;
    sign_in(&b, "13912345678", PASSWORD).await;
    b.wait_path("/profile").await;
    b.wait_text("main", "1101**********002X").await;
    b.screenshot("signed-in-again").await;
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

#[tokio::test]
async fn an_admin_creates_a_bureau_account_that_can_sign_in() {
    let b = Browser::start().await;
    b.app.admin("13800000000").await;
    sign_in(&b, "13800000000", PASSWORD).await;
    b.wait_path("/profile").await;
    b.click("nav-admin").await;
    b.wait_path("/admin").await;
    b.fill("bureau-mobile", "13800000001").await;
    b.fill("bureau-password", "bureau pass 2026").await;
    b.fill("bureau-real_name", "其其格").await;
    pick_region(&b, "bureau-", "150000", "150100", None).await;
    b.click("bureau-submit").await;
    b.wait_id("bureau-created").await;
    b.wait_text("accounts-table", "其其格").await;
    b.wait_text("accounts-table", "138****0001").await;
    b.screenshot("admin-created-bureau-account").await;
    let r = b.app.login_as("13800000001", "bureau pass 2026").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let me = b.app.get("/api/me", r.body["token"].as_str()).await;
    assert_eq!(me.body["roles"][0]["role"], "bureau_officer");
    assert_eq!(me.body["roles"][0]["region"], "150100");
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
