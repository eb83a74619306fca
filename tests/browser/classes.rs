//! Classes in the browser: staff file, the bureau approves, a trainee enrols.

use chrono::Duration;
use malanhua_shared::course::shanghai;
use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use reqwest::StatusCode;

#[tokio::test]
async fn staff_file_a_class_the_bureau_approves_it_and_a_trainee_enrols() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    let trainee = b.app.trainee_with_profile(1).await;
    drop(trainee);

    // Staff file the opening request in the institution workspace.
    b.sign_in_as("13800000004", PASSWORD).await;
    b.click("nav-institution").await;
    b.wait_path("/institution").await;
    let day = |d: i64| (b.app.now() + Duration::days(d)).with_timezone(&shanghai()).format("%Y-%m-%d").to_string();
    let now_local = b.app.now().with_timezone(&shanghai());
    b.select("class-kind", "syb").await;
    b.fill("class-title-input", "SYB 创办你的企业 · 浏览器测试班").await;
    b.click(&format!("class-trainer-{}", w.trainer)).await;
    b.select("class-mode", "offline").await;
    b.fill("class-place", "青岛市崂山区海尔路 1 号").await;
    b.fill("class-capacity", "20").await;
    b.set_value("class-enrol_opens_at", &(now_local - Duration::hours(1)).format("%Y-%m-%dT%H:%M").to_string()).await;
    b.set_value("class-enrol_closes_at", &format!("{}T18:00", day(9))).await;
    b.set_value("class-starts_on", &day(10)).await;
    b.set_value("class-ends_on", &day(11)).await;
    if !b.has("session-1-date").await {
        b.click("session-add").await;
    }
    for (i, d) in [(0, 10), (1, 11)] {
        b.set_value(&format!("session-{i}-date"), &day(d)).await;
        b.set_value(&format!("session-{i}-start"), "09:00").await;
        b.set_value(&format!("session-{i}-end"), "16:00").await;
        b.fill(&format!("session-{i}-topic"), if i == 0 { "创业意识" } else { "企业计划书" }).await;
    }
    b.click("class-submit").await;
    b.wait_id("class-filed").await;
    b.screenshot_at("class-filed", "institution-filed-class").await;
    let staff = b.app.login("13800000004").await;
    let mine = b.app.get("/api/institution/classes", Some(&staff)).await;
    let id = mine.body[0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(mine.body[0]["status"], "pending", "{}", mine.text);
    assert_eq!(mine.body[0]["hours"], 14);

    // The bureau approves it from its worklist.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.click("nav-bureau").await;
    b.wait_path("/bureau").await;
    b.click(&format!("approve-{id}")).await;
    b.wait_css(&format!("#approve-{id}-dialog[open]")).await;
    b.wait_text(&format!("approve-{id}-dialog-body"), "课程目录").await;
    b.click(&format!("approve-{id}-dialog-confirm")).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let r = b.app.get(&format!("/api/classes/{id}"), None).await;
        if r.status == StatusCode::OK {
            assert_eq!(r.body["summary"]["status"], "approved");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the class was not approved");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.screenshot_at("main", "bureau-approved-class").await;

    // A trainee finds it in the catalogue and enrols.
    b.sign_in_as(&malanhua_tests::classes::mobile(1), PASSWORD).await;
    b.click("nav-classes").await;
    b.wait_path("/classes").await;
    b.click(&format!("class-{id}")).await;
    b.wait_path(&format!("/classes/{id}")).await;
    b.wait_text("seats-left", "20").await;
    let title = b.wait_title("浏览器测试班").await;
    assert!(title.ends_with("马兰花创业培训"), "the page names the class: {title}");
    b.click("enrol").await;
    b.wait_nonempty("enrolment-status").await;
    // The next steps: the sessions into the calendar, and my classes.
    let calendar = b.wait_id("add-to-calendar").await.attr("href").await.ok().flatten().unwrap_or_default();
    assert!(calendar.starts_with("data:text/calendar") && calendar.contains("BEGIN%3AVEVENT"), "{calendar}");
    assert!(b.has("to-my-classes").await);
    b.screenshot_at("main", "trainee-enrolled").await;
    let token = b.app.login(&malanhua_tests::classes::mobile(1)).await;
    let page = b.app.get(&format!("/api/classes/{id}"), Some(&token)).await;
    assert_eq!(page.body["my_enrolment"]["status"], "enrolled");
    assert_eq!(page.body["summary"]["seats_left"], 19);
    wait_focus(&b, "enrolment-status").await;

    // Withdrawing gives the seat away: it asks first, and going back keeps the seat.
    b.click("withdraw").await;
    b.wait_css("#withdraw-dialog[open]").await;
    b.wait_text("withdraw-dialog-body", "候补").await;
    wait_focus(&b, "withdraw-dialog-cancel").await;
    b.screenshot("withdraw-asks-first").await;
    b.click("withdraw-dialog-cancel").await;
    assert!(!b.has_css("#withdraw-dialog[open]").await);
    let page = b.app.get(&format!("/api/classes/{id}"), Some(&token)).await;
    assert_eq!(page.body["my_enrolment"]["status"], "enrolled", "going back changed nothing");
    b.click("withdraw").await;
    b.wait_css("#withdraw-dialog[open]").await;
    b.click("withdraw-dialog-confirm").await;
    b.wait_text("enrolment-status", "退出").await;
    let page = b.app.get(&format!("/api/classes/{id}"), Some(&token)).await;
    assert_eq!(page.body["my_enrolment"]["status"], "withdrawn");
    assert_eq!(page.body["summary"]["seats_left"], 20);
    b.finish().await;
}

/// Waits (up to 5 s) until the element with this id has the keyboard focus.
async fn wait_focus(b: &Browser, id: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let v = b.client.execute("return document.activeElement && document.activeElement.id", vec![]).await;
        let now = v.ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        if now == id {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "focus is on #{now}, not #{id}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn sign_out(b: &Browser) {
    if b.has("nav-logout").await {
        b.click("nav-logout").await;
        b.wait_path("/login").await;
    }
}

#[tokio::test]
async fn attendance_check_in_results_and_completion_lead_to_a_certificate_anyone_can_verify_until_revoked() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    let id = b.app.open_class(&w, &b.app.syb_class(&w.trainer, 10, 10)).await;
    let trainee = b.app.trainee_with_profile(1).await;
    let r = b.app.post(&format!("/api/classes/{id}/enrol"), Some(&trainee), &serde_json::json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let uid = b.app.get("/api/me", Some(&trainee)).await.body["id"].as_str().unwrap_or_default().to_owned();
    // Yesterday's session is over; today's began five minutes ago.
    b.app.into_session(&id, 1, 5).await;
    let sessions = b.app.session_ids(&id).await;

    // Staff take attendance for yesterday and put up today's check-in code.
    b.sign_in_as("13800000004", PASSWORD).await;
    b.open(&format!("/institution/sessions/{}", sessions[0])).await;
    b.select(&format!("mark-{uid}"), "present").await;
    b.click("marks-submit").await;
    b.wait_id("marks-saved").await;
    // The change is kept: who marked whom, from what to what.
    b.open(&format!("/institution/sessions/{}", sessions[0])).await;
    b.wait_text("mark-history", "出勤").await;
    b.screenshot_at("mark-history", "staff-attendance-history").await;
    b.open(&format!("/institution/sessions/{}", sessions[1])).await;
    b.click("checkin-code-issue").await;
    let code = b.wait_nonempty("checkin-code").await.trim().to_owned();
    assert_eq!(code.len(), 6, "{code}");
    b.screenshot_at("checkin-code", "staff-checkin-code").await;

    // The trainee checks in with the code.
    b.sign_in_as(&malanhua_tests::classes::mobile(1), PASSWORD).await;
    b.open(&format!("/my/classes/{id}")).await;
    b.fill("checkin-code-input", &code).await;
    b.click("checkin-submit").await;
    b.wait_nonempty("checkin-result").await;
    b.screenshot_at("checkin-result", "trainee-checked-in").await;

    // The class ends; staff record the result and submit completion.
    b.app.after_session(&id, 1, 120).await;
    b.sign_in_as("13800000004", PASSWORD).await;
    b.open(&format!("/institution/classes/{id}/completion")).await;
    b.click(&format!("plan-{uid}")).await;
    b.fill(&format!("score-{uid}"), "88").await;
    b.click(&format!("passed-{uid}")).await;
    b.click("results-submit").await;
    b.wait_id("results-saved").await;
    b.click("completion-submit").await;
    let staff = b.app.login("13800000004").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while b.app.get(&format!("/api/classes/{id}/completion"), Some(&staff)).await.body["status"] != "submitted" {
        assert!(std::time::Instant::now() < deadline, "completion was not submitted");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.screenshot_at("completion-table", "staff-submitted-completion").await;

    // The bureau approves completion; a certificate is issued.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/bureau/completions/{id}")).await;
    b.click("completion-approve").await;
    b.wait_css("#completion-dialog[open]").await;
    b.click("completion-dialog-confirm").await;
    b.wait_id("issued-certificates").await;
    b.screenshot_at("issued-certificates", "bureau-issued-certificates").await;
    let certs = b.app.get("/api/me/certificates", Some(&trainee)).await;
    let number = certs.body[0]["number"].as_str().unwrap_or_default().to_owned();
    assert!(number.starts_with("370200-"), "{}", certs.text);

    // The trainee opens the certificate.
    b.sign_in_as(&malanhua_tests::classes::mobile(1), PASSWORD).await;
    b.open(&format!("/my/classes/{id}")).await;
    b.click("certificate-link").await;
    b.wait_text("certificate-number", &number).await;
    b.wait_id("certificate-qr").await;
    b.wait_id("certificate-subsidy").await;
    b.screenshot_at("main", "trainee-certificate").await;

    // Anyone can verify it, signed out.
    sign_out(&b).await;
    b.open(&format!("/verify/{number}")).await;
    b.wait_text("verify-status", "有效").await;
    b.wait_text("verify-region", "青岛市人力资源和社会保障局").await;
    b.screenshot_at("verify-result", "verify-valid").await;
    // In English the issuer is named in English throughout.
    b.click("lang-switch").await;
    b.wait_text("verify-region", "Qingdao Human Resources and Social Security Bureau").await;
    b.screenshot_at("verify-result", "verify-valid-english").await;
    b.click("lang-switch").await;
    b.wait_text("verify-status", "有效").await;

    // The bureau revokes it; verification says so.
    b.sign_in_as("13800000003", PASSWORD).await;
    b.open(&format!("/certificates/{number}")).await;
    b.fill("revoke-reason", "培训记录核查不实").await;
    b.click("revoke-submit").await;
    b.wait_text("certificate-status", "撤销").await;
    sign_out(&b).await;
    b.open(&format!("/verify/{number}")).await;
    b.wait_text("verify-status", "撤销").await;
    b.screenshot_at("verify-result", "verify-revoked").await;
    assert_eq!(b.app.get(&format!("/api/verify/{number}"), None).await.body["status"], "revoked");
    b.finish().await;
}

#[tokio::test]
async fn staff_end_a_class_that_has_begun_early_instead_of_cancelling_it() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    let id = b.app.open_class(&w, &b.app.syb_class(&w.trainer, 10, 10)).await;
    // The first session began half an hour ago: the class can no longer be cancelled.
    b.app.into_session(&id, 0, 30).await;
    b.sign_in_as("13800000004", PASSWORD).await;
    b.open(&format!("/institution/classes/{id}")).await;
    b.wait_id("end-early-submit").await;
    assert!(!b.has("cancel-submit").await, "a class that has begun is not offered cancelling");
    b.fill("end-early-reason", "场地突发停电，后续课次无法进行").await;
    b.click("end-early-submit").await;
    b.wait_text("class-ended-early", "场地突发停电").await;
    assert!(!b.has("end-early-submit").await, "it is ended once");
    b.screenshot_at("main", "staff-class-ended-early").await;
    b.finish().await;
}
