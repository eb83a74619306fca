//! Credentials and roles in the browser: the account page (password,
//! sessions, signing out everywhere), an administrator revoking an
//! officer's role, a session that ends while a form is typed, and where
//! signing in lands for each role.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use reqwest::StatusCode;

use super::{pick_region, sign_in};

const NEW_PASSWORD: &str = "autumn rivers 9";

/// Waits (up to 10 s) until the input with this id holds `value`.
async fn wait_value(b: &Browser, id: &str, value: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let script = "const e = document.getElementById(arguments[0]); return e ? e.value : null;";
        let got = b.client.execute(script, vec![serde_json::json!(id)]).await.ok();
        let got = got.as_ref().and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        if got == value {
            return;
        }
        if std::time::Instant::now() > deadline {
            let shot = b.screenshot(&format!("value-of-{id}")).await;
            panic!("#{id} holds {got:?}, not {value:?}; screenshot {}", shot.display());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_person_changes_the_password_sees_the_sessions_and_signs_out_everywhere() {
    let b = Browser::start().await;
    b.app.register("13912340101").await;
    let phone = b.app.login("13912340101").await;
    sign_in(&b, "13912340101", PASSWORD).await;
    b.wait_path("/my/classes").await;
    b.click("nav-account").await;
    b.wait_path("/account").await;
    b.wait_id("this-device").await;
    b.wait_text("sessions-table", "Chrome").await;
    b.wait_text("sessions-table", "127.0.0.1").await;

    b.fill("old_password", "not the password").await;
    b.fill("password", NEW_PASSWORD).await;
    b.fill("password_confirm", NEW_PASSWORD).await;
    b.click("password-submit").await;
    b.wait_nonempty("old_password-error").await;
    b.fill("old_password", PASSWORD).await;
    b.click("password-submit").await;
    b.wait_id("password-changed").await;
    b.screenshot_at("main", "account-password-changed").await;
    assert_eq!(b.app.get("/api/me", Some(&phone)).await.status, StatusCode::UNAUTHORIZED, "the phone was signed out");
    let desk = b.app.login_as("13912340101", NEW_PASSWORD).await;
    assert_eq!(desk.status, StatusCode::OK, "{}", desk.text);
    let desk = desk.body["token"].as_str().unwrap_or_default().to_owned();

    b.click("sign-out-everywhere").await;
    b.wait_path("/login").await;
    assert_eq!(b.app.get("/api/me", Some(&desk)).await.status, StatusCode::UNAUTHORIZED, "every session ended");
    b.finish().await;
}

#[tokio::test]
async fn an_administrator_revokes_an_officers_role_after_confirming() {
    let b = Browser::start().await;
    let admin = b.app.admin("13800000000").await;
    let officer = b.app.officer(&admin, "13800000003", "370200").await;
    let id = b.app.get("/api/me", Some(&officer)).await.body["id"].as_str().unwrap_or_default().to_owned();
    sign_in(&b, "13800000000", PASSWORD).await;
    b.wait_path("/admin").await;
    b.click("nav-admin").await;
    b.wait_id("accounts-table").await;
    b.click(&format!("revoke-{id}-bureau_officer")).await;
    b.wait_id("revoke-panel").await;
    b.click("revoke-submit").await;
    b.wait_nonempty("revoke-reason-error").await;
    b.fill("revoke-reason", "调岗").await;
    b.click("revoke-submit").await;
    b.wait_text("revoke-question", "王芳").await;
    b.screenshot_at("main", "admin-revoke-confirm").await;
    assert_eq!(b.app.get("/api/me", Some(&officer)).await.status, StatusCode::OK, "nothing happens before the yes");
    b.click("revoke-confirm").await;
    b.wait_id("role-revoked").await;
    assert_eq!(b.app.get("/api/me", Some(&officer)).await.status, StatusCode::UNAUTHORIZED, "the session ended");
    let again = b.app.login("13800000003").await;
    let roles = b.app.get("/api/me", Some(&again)).await.body["roles"].clone();
    assert!(!roles.to_string().contains("bureau_officer"), "{roles}");
    b.finish().await;
}

#[tokio::test]
async fn a_session_that_ends_while_a_form_is_typed_keeps_the_form_after_signing_in_again() {
    let b = Browser::start().await;
    b.app.register("13912340102").await;
    sign_in(&b, "13912340102", PASSWORD).await;
    b.wait_path("/my/classes").await;
    b.open("/profile").await;
    b.fill("real_name", "李娜").await;
    b.fill("resident_id", "11010519491231002X").await;
    pick_region(&b, "", "110000", "110100", Some("110105")).await;
    // The session runs out (the test app's tokens live 90 days).
    b.app.advance(chrono::Duration::days(91));
    b.click("submit").await;
    b.wait_path("/login").await;
    b.wait_id("session-expired").await;
    let url = b.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    assert!(url.contains("next=%2Fprofile") || url.contains("next=/profile"), "{url}");
    b.screenshot("login-session-expired").await;
    b.fill("mobile", "13912340102").await;
    b.fill("password", PASSWORD).await;
    b.click("submit").await;
    b.wait_path("/profile").await;
    wait_value(&b, "real_name", "李娜").await;
    wait_value(&b, "resident_id", "11010519491231002X").await;
    wait_value(&b, "region-county", "110105").await;
    b.screenshot_at("main", "profile-form-kept").await;
    b.click("submit").await;
    b.wait_id("profile-saved").await;
    let token = b.app.login("13912340102").await;
    let me = b.app.get("/api/me", Some(&token)).await;
    assert_eq!(
        (me.body["real_name"].as_str(), me.body["region"].as_str()),
        (Some("李娜"), Some("110105")),
        "{}",
        me.text
    );
    b.finish().await;
}

#[tokio::test]
async fn signing_in_lands_where_each_role_works() {
    let b = Browser::start().await;
    b.app.classes_world().await;
    b.app.register("13912340103").await;
    // (mobile, where the role works, an element only that page has)
    let landings = [
        ("13912340103", "/my/classes", "main"),
        ("13800000003", "/bureau/claims", "main"),
        ("13800000004", "/institution", "main"),
        ("13800000000", "/admin", "accounts-table"),
    ];
    for (mobile, path, id) in landings {
        b.sign_in_as(mobile, PASSWORD).await;
        b.wait_path(path).await;
        b.wait_id(id).await;
        let name = format!("landing{}", path.replace('/', "-"));
        b.screenshot_at("main", &name).await;
    }
    // A page asked for before signing in still wins over the role's page.
    b.click("nav-logout").await;
    b.wait_path("/login").await;
    b.open("/login?next=%2Fnotices").await;
    b.fill("mobile", "13800000003").await;
    b.fill("password", PASSWORD).await;
    b.click("submit").await;
    b.wait_path("/notices").await;
    b.finish().await;
}
