//! Mentor studios in the browser: the leader applies from the workspace with
//! two colleagues and three confirmed services; three officers review,
//! approve, publish and pay the grant; the public sees the notice with the
//! leader's name masked and, once paid, the studio in the directory.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use malanhua_tests::classes::mobile;

const STUDIO: &str = "崂山创业指导师工作室";
const PLAN: &str = "每季度举办两次集中服务，每月开展一对一辅导，三年内孵化二十家小微企业。";
const DOCUMENT: &str = "场地使用证明";

/// A phone's window (390×844), for the pages the public opens on the go.
async fn phone(b: &Browser) {
    b.client.set_window_size(390, 844).await.unwrap_or_else(|e| panic!("window size: {e}"));
}

/// Signs out through the navigation, to look as the public does.
async fn sign_out(b: &Browser) {
    b.click("nav-logout").await;
    b.wait_path("/login").await;
}

/// The claim page's stage action, then the stage it leads to.
async fn act(b: &Browser, action: &str, status: &str) {
    b.click(&format!("action-{action}")).await;
    b.click("action-dialog-confirm").await;
    b.wait_css(&format!("#claim-status[data-status={status}]")).await;
}

/// The leader fills the studio application in the workspace and files it.
async fn apply_for_the_studio(b: &Browser, members: &[String], records: &[String]) {
    b.sign_in_as(&mobile(900), PASSWORD).await;
    b.open("/mentor").await;
    b.click("tab-studio").await;
    b.wait_id("studio-apply-form").await;
    b.wait_id("studio-policy-in-force").await;
    assert!(!b.has("studio-blockers").await, "nothing should block the leader");
    b.fill("studio-name", STUDIO).await;
    b.click_css("[data-testid=studio-speciality-marketing]").await;
    b.fill("studio-plan", PLAN).await;
    for id in members {
        b.click_css(&format!("[data-testid=studio-member-{id}]")).await;
    }
    b.click("studio-records-all").await;
    for id in records {
        b.wait_css(&format!("[data-testid=studio-record-{id}]:checked")).await;
    }
    b.fill("studio-document", DOCUMENT).await;
    b.click("studio-document-add").await;
    b.wait_css_text("[data-testid=studio-document]", DOCUMENT).await;
    b.screenshot_at("studio-apply-form", "studio-application-filled").await;
    b.click("studio-submit").await;
    b.wait_css("#studio-status[data-status=applied]").await;
    b.wait_text("my-studio-name", STUDIO).await;
    b.wait_id("studio-claim-link").await;
    b.screenshot_at("my-studio", "studio-applied").await;
}

#[tokio::test]
async fn a_leader_applies_for_a_studio_three_officers_pass_the_grant_and_the_public_finds_it() {
    let b = Browser::start().await;
    let w = b.app.studio_world(2).await;
    let members: Vec<String> = w.members.iter().map(|m| m.1.clone()).collect();
    let [_, officer_a, officer_b, officer_c] = w.mobiles;

    // 1. The leader applies from the workspace's studio tab.
    apply_for_the_studio(&b, &members, &w.records).await;
    let mine = b.app.get("/api/me/studio", Some(&w.leader.0)).await;
    let studio = &mine.body["studio"];
    assert_eq!(studio["studio"]["name"], STUDIO, "{}", mine.text);
    assert_eq!(studio["studio"]["specialities"], serde_json::json!(["marketing"]), "{}", mine.text);
    assert_eq!(studio["studio"]["members"].as_array().map(Vec::len), Some(3), "the leader and two members");
    assert_eq!(studio["documents"], serde_json::json!([DOCUMENT]), "{}", mine.text);
    let claim = studio["claim_id"].as_str().unwrap_or_default().to_owned();
    assert!(!claim.is_empty(), "no grant claim: {}", mine.text);
    // The workspace links the grant claim.
    b.click("studio-claim-link").await;
    b.wait_path(&format!("/claims/{claim}")).await;
    b.wait_css("#claim-title[data-claim-kind=studio_grant]").await;
    b.wait_text("claim-title", STUDIO).await;

    // 2. Officer A finds it in the worklist by kind and reviews it (初审).
    b.sign_in_as(officer_a, PASSWORD).await;
    b.open("/bureau/claims").await;
    b.click("claim-filters-toggle").await;
    b.select("filter-claim-kind", "studio_grant").await;
    b.click("filter-apply").await;
    let row = format!("tr.claim-row[data-claim-id='{claim}'][data-claim-kind=studio_grant]");
    b.wait_css_text(&row, STUDIO).await;
    b.screenshot_at("claims-table", "studio-grant-in-worklist").await;
    b.click_css(&format!("{row} a.claim-link")).await;
    b.wait_path(&format!("/claims/{claim}")).await;
    act(&b, "review", "reviewed").await;
    assert!(!b.has("action-approve").await, "the reviewer is not offered approval");

    // Officer B approves (复审) and publishes (公示).
    b.sign_in_as(officer_b, PASSWORD).await;
    b.open(&format!("/claims/{claim}")).await;
    act(&b, "approve", "approved").await;
    act(&b, "publish", "notice").await;
    b.screenshot_at("main", "studio-grant-published").await;

    // 3. Anyone sees it on notice, the leader's name masked.
    sign_out(&b).await;
    phone(&b).await;
    b.open("/notices").await;
    let notice = format!(".notice-row[data-claim-kind=studio_grant][data-claim-id='{claim}']");
    let text = b.wait_css_text(&notice, STUDIO).await;
    b.wait_css_text(&format!("{notice} .notice-holder"), "王*燕").await;
    assert!(!text.contains("王海燕"), "the leader's full name is on the public notice: {text}");
    assert!(text.contains("100,000.00") || text.contains("100000.00"), "the grant's amount: {text}");
    b.screenshot_at("notice-list", "studio-public-notice").await;

    // 4. The notice ends; officer C pays with a reference (拨付).
    b.app.end_notice(&claim).await;
    b.sign_in_as(officer_c, PASSWORD).await;
    b.open(&format!("/claims/{claim}")).await;
    b.fill("payment-ref", "CZ-2026-001").await;
    act(&b, "pay", "paid").await;
    b.screenshot_at("main", "studio-grant-paid").await;
    let officer = b.app.login(officer_c).await;
    let paid = b.app.get(&format!("/api/claims/{claim}"), Some(&officer)).await;
    assert_eq!(paid.body["claim"]["payment_ref"], "CZ-2026-001", "{}", paid.text);

    // 5. The public finds the recognised studio in the directory.
    sign_out(&b).await;
    phone(&b).await;
    b.open("/studios").await;
    let card = "[data-testid=studio-card][data-status=recognised]";
    b.wait_css_text(&format!("{card} [data-testid=studio-name]"), STUDIO).await;
    b.screenshot_at("studio-list", "studio-directory").await;
    b.click_css(&format!("{card} a")).await;
    b.wait_text("studio-title", STUDIO).await;
    b.wait_css("#studio-page-status[data-status=recognised]").await;
    let listed = b.wait_text("studio-members", "王海燕").await;
    for id in std::iter::once(&w.leader.1).chain(&members) {
        b.wait_css(&format!("#studio-members li[data-mentor-id='{id}']")).await;
    }
    b.wait_css("#studio-members .studio-leader").await;
    assert!(!b.has("studio-evidence").await, "the public sees no evidence: {listed}");
    b.screenshot_at("studio-title", "studio-page").await;

    // Paid exactly once; the studio is recognised.
    assert_eq!(b.app.payments(&claim).await, 1);
    let leader = b.app.login(&mobile(900)).await;
    let mine = b.app.get("/api/me/studio", Some(&leader)).await;
    assert_eq!(mine.body["studio"]["studio"]["status"], "recognised", "{}", mine.text);
    assert_eq!(mine.body["studio"]["claim_status"], "paid", "{}", mine.text);
    b.finish().await;
}
