//! A person's rights over their data in the browser: the download and the
//! deletion request on the profile, the bureau carrying one out (and
//! refusing one that must be kept), and the correction of a squatted
//! resident ID on `/bureau/personal-data`.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::classes::{mobile, resident_id};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{pick_region, sign_in};

#[tokio::test]
async fn a_trainee_downloads_their_data_and_asks_for_deletion_which_the_bureau_carries_out() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    b.app.trainee_with_profile(8).await;
    // Another trainee, still in a class, asks too: that record must be kept.
    let enrolled = b.app.trainee_with_profile(9).await;
    let class = b.app.open_class(&w, &b.app.syb_class(&w.trainer, 30, 10)).await;
    let r = b.app.post(&format!("/api/classes/{class}/enrol"), Some(&enrolled), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = b.app.post("/api/me/deletion-requests", Some(&enrolled), &json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let kept = r.body["id"].as_str().unwrap_or_default().to_owned();

    // The trainee downloads everything held about them.
    b.sign_in_as(&mobile(8), PASSWORD).await;
    b.open("/profile").await;
    b.click("my-data-download").await;
    b.wait_text("my-data-downloaded", "malanhua-my-data.json").await;
    let file = b.downloaded("malanhua-my-data.json").await;
    let export: Value = serde_json::from_slice(&file).unwrap_or_else(|e| panic!("the download is not JSON: {e}"));
    assert_eq!(export["account"]["mobile"], mobile(8).as_str(), "{export}");
    assert_eq!(export["resident_id"], resident_id(8).as_str());
    b.wait_id("deletion-requests-empty").await;

    // They ask for deletion, after reading what happens.
    b.click("deletion-ask").await;
    b.wait_text("deletion-confirm", "人社局").await;
    b.screenshot_at("my-data", "privacy-deletion-confirm").await;
    b.click("deletion-confirm-submit").await;
    b.wait_id("deletion-asked").await;
    b.wait_css_text("#deletion-requests .deletion-status", "办理中").await;
    assert!(!b.has("deletion-ask").await, "one request waits at a time");
    b.screenshot_at("my-data", "privacy-deletion-asked").await;
    b.screenshot_desktop("my-data", "privacy-deletion-asked-desktop").await;

    // The officer finds both on the bureau's personal-data page.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau").await;
    b.click("bureau-personal-data-link").await;
    b.wait_path("/bureau/personal-data").await;
    let blocked = format!(".deletion-row[data-id='{kept}']");
    b.wait_css_text(&format!("{blocked} .deletion-must-keep"), "正在参加的培训").await;
    let carry_out = b.wait_css(&format!("{blocked} .deletion-carry-out")).await;
    assert_eq!(carry_out.attr("disabled").await.ok().flatten().as_deref(), Some("true"), "kept records block it");
    b.wait_css(&format!("{blocked} .deletion-blocked")).await;
    b.screenshot_at("deletions", "privacy-bureau-deletions").await;
    b.screenshot_desktop("deletions", "privacy-bureau-deletions-desktop").await;

    // The enrolled trainee's is refused with a note.
    b.click_css(&format!("{blocked} .deletion-refuse")).await;
    b.fill("deletion-decision-reason", "正在参加培训，结业后可再次申请").await;
    b.click("deletion-decision-submit").await;
    b.wait_text("deletion-done", "不予删除").await;
    let mine = b.app.get("/api/me/deletion-requests", Some(&enrolled)).await;
    assert_eq!(mine.body[0]["status"], "refused", "{}", mine.text);

    // The other is carried out; a note is needed first.
    b.click_css(&format!(".deletion-row:not([data-id='{kept}']) .deletion-carry-out")).await;
    b.click("deletion-decision-submit").await;
    b.wait_nonempty("deletion-decision-reason-error").await;
    b.fill("deletion-decision-reason", "核实无须保留的记录").await;
    b.click("deletion-decision-submit").await;
    b.wait_text("deletion-done", "学*").await;
    b.wait_id("deletions-empty").await;
    b.screenshot_at("main", "privacy-deletion-carried-out").await;

    // The person can no longer sign in.
    assert_eq!(b.app.login_as(&mobile(8), PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    b.click("nav-logout").await;
    b.wait_path("/login").await;
    sign_in(&b, &mobile(8), PASSWORD).await;
    b.wait_nonempty("form-error").await;
    b.wait_path("/login").await;
    b.screenshot("privacy-erased-cannot-sign-in").await;
    b.finish().await;
}

#[tokio::test]
async fn an_officer_gives_a_squatted_resident_id_back_to_its_owner() {
    let b = Browser::start().await;
    b.app.classes_world().await;
    let squatter = b.app.trainee("13900000066").await;
    let taken = json!({ "real_name": "冒用者", "resident_id": resident_id(9), "region": "370212" });
    assert_eq!(b.app.put("/api/me/profile", Some(&squatter), &taken).await.status, StatusCode::OK);
    let owner = b.app.trainee(&mobile(9)).await;

    b.sign_in_as("13800000003", PASSWORD).await;
    b.open("/bureau/personal-data").await;
    // Nothing filled in: every field says what it needs.
    b.click("fix-submit").await;
    for field in ["fix-mobile", "fix-real_name", "fix-resident_id", "fix-reason"] {
        b.wait_nonempty(&format!("{field}-error")).await;
    }
    b.wait_nonempty("fix-region-error").await;
    b.screenshot_at("resident-id-correction", "privacy-correction-errors").await;

    // A number nobody signed up with is named beside the mobile.
    b.fill("fix-mobile", "13900000099").await;
    b.fill("fix-real_name", "学员").await;
    b.fill("fix-resident_id", &resident_id(9)).await;
    pick_region(&b, "fix-", "370000", "370200", Some("370212")).await;
    b.fill("fix-reason", "本人持身份证原件到窗口核验").await;
    b.click("fix-submit").await;
    b.wait_text("fix-mobile-error", "注册").await;

    b.fill("fix-mobile", &mobile(9)).await;
    b.click("fix-submit").await;
    let done = b.wait_text("fix-done", "解除").await;
    assert!(done.contains('*') && !done.contains(&resident_id(9)), "the ID is shown masked: {done}");
    b.screenshot_at("resident-id-correction", "privacy-correction-done").await;
    b.screenshot_desktop("resident-id-correction", "privacy-correction-done-desktop").await;

    let me = b.app.get("/api/me", Some(&owner)).await;
    assert_eq!(me.body["profile_complete"], true, "{}", me.text);
    assert_eq!(b.app.get("/api/me", Some(&squatter)).await.body["profile_complete"], false);
    b.finish().await;
}
