use malanhua_tests::{DbKind, TestApp, db_kind};
use reqwest::StatusCode;

#[tokio::test]
async fn health_reports_ok_with_the_backend_and_the_migration() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/health", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["status"], "ok");
    let backend = match db_kind() {
        DbKind::Sqlite => "sqlite",
        DbKind::Postgres => "postgres",
    };
    assert_eq!(r.body["backend"], backend);
    assert_eq!(r.body["migration"], "20261212000017");
}

#[tokio::test]
async fn the_region_tree_holds_beijing_inner_mongolia_with_hohhot_and_shandong_with_qingdao() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/regions", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let regions = r.body.as_array().cloned().unwrap_or_default();
    let find = |code: &str| regions.iter().find(|x| x["code"] == code).cloned().unwrap_or_default();
    assert_eq!(find("110000")["name_zh"], "北京市");
    assert_eq!(find("150100")["name_zh"], "呼和浩特市");
    assert_eq!(find("150100")["parent"], "150000");
    assert_eq!(find("370200")["parent"], "370000");
    assert_eq!(find("370212")["parent"], "370200");
    assert_eq!(find("370212")["level"], "county");
    // Every region but the provinces has a parent that is in the tree.
    for r in &regions {
        if let Some(parent) = r["parent"].as_str() {
            assert!(regions.iter().any(|x| x["code"] == parent), "{r} has an unknown parent");
        }
    }
}

#[tokio::test]
async fn the_openapi_document_covers_every_endpoint() {
    let app = TestApp::spawn().await;
    let r = app.get("/api/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body["openapi"].as_str().unwrap_or("").starts_with("3."));
    let expected = [
        ("/api/health", "get"),
        ("/api/regions", "get"),
        ("/api/auth/register", "post"),
        ("/api/auth/login", "post"),
        ("/api/auth/logout", "post"),
        ("/api/auth/refresh", "post"),
        ("/api/me", "get"),
        ("/api/me/profile", "put"),
        ("/api/auth/logout-all", "post"),
        ("/api/me/password", "put"),
        ("/api/me/sessions", "get"),
        ("/api/users/{id}/roles/revoke", "post"),
        ("/api/admin/accounts", "get"),
        ("/api/admin/bureau-accounts", "post"),
        ("/api/admin/institution-accounts", "post"),
        ("/api/users/{id}", "get"),
        ("/api/policies/{region}", "get"),
        ("/api/policies/{region}/{kind}", "put"),
        ("/api/trainers", "get"),
        ("/api/trainers", "post"),
        ("/api/classes", "get"),
        ("/api/classes", "post"),
        ("/api/classes/{id}", "get"),
        ("/api/classes/{id}/decision", "post"),
        ("/api/classes/{id}/cancel", "post"),
        ("/api/classes/{id}/enrol", "post"),
        ("/api/classes/{id}/withdraw", "post"),
        ("/api/classes/{id}/roster", "get"),
        ("/api/classes/{id}/roster.csv", "get"),
        ("/api/institution/classes", "get"),
        ("/api/bureau/classes", "get"),
        ("/api/me/classes", "get"),
        ("/api/me/notifications", "get"),
        ("/api/me/notifications/{id}/read", "post"),
        ("/api/sessions/{id}/attendance", "get"),
        ("/api/sessions/{id}/attendance", "put"),
        ("/api/sessions/{id}/checkin-code", "post"),
        ("/api/sessions/{id}/checkin-code", "get"),
        ("/api/sessions/{id}/checkin", "post"),
        ("/api/classes/{id}/assessments", "put"),
        ("/api/classes/{id}/completion", "get"),
        ("/api/classes/{id}/completion", "post"),
        ("/api/classes/{id}/completion/decision", "post"),
        ("/api/me/certificates", "get"),
        ("/api/bureau/completions", "get"),
        ("/api/certificates/{number}", "get"),
        ("/api/certificates/{number}/revoke", "post"),
        ("/api/verify/{number}", "get"),
        ("/api/verify/{number}/qr.svg", "get"),
        ("/api/subsidy-policies/{region}", "get"),
        ("/api/subsidy-policies/{region}/{kind}", "put"),
        ("/api/me/priority-groups", "get"),
        ("/api/me/priority-groups", "post"),
        ("/api/bureau/priority-groups", "get"),
        ("/api/priority-groups/{id}/decision", "post"),
        ("/api/me/claims", "get"),
        ("/api/certificates/{number}/eligibility", "get"),
        ("/api/claims", "post"),
        ("/api/claims/bulk", "post"),
        ("/api/claims/{id}", "get"),
        ("/api/claims/{id}/submit", "post"),
        ("/api/claims/{id}/actions", "post"),
        ("/api/classes/{id}/claims", "get"),
        ("/api/classes/{id}/claims", "post"),
        ("/api/bureau/claims", "get"),
        ("/api/bureau/claims.csv", "get"),
        ("/api/bureau/claims.xlsx", "get"),
        ("/api/notices", "get"),
        ("/api/notices/{id}/objections", "post"),
        ("/api/objections/{id}/resolution", "post"),
        ("/api/claims/{id}/recovery", "post"),
        ("/api/classes/{id}/end-early", "post"),
        ("/api/mentor-policies/{region}", "get"),
        ("/api/mentor-policies/{region}", "put"),
        ("/api/mentors/apply", "post"),
        ("/api/me/mentor", "get"),
        ("/api/me/mentor/profile", "put"),
        ("/api/me/mentor/availability", "get"),
        ("/api/me/mentor/availability", "put"),
        ("/api/me/mentor/appointments", "get"),
        ("/api/mentors", "get"),
        ("/api/mentors/{id}", "get"),
        ("/api/mentors/{id}/slots", "get"),
        ("/api/mentors/{id}/decision", "post"),
        ("/api/bureau/mentors", "get"),
        ("/api/bureau/mentors/{id}/evaluation", "get"),
        ("/api/mentors/{id}/appointments", "post"),
        ("/api/me/appointments", "get"),
        ("/api/appointments/{id}/confirm", "post"),
        ("/api/appointments/{id}/decline", "post"),
        ("/api/appointments/{id}/cancel", "post"),
        ("/api/appointments/{id}/reschedule", "post"),
        ("/api/appointments/{id}/record", "post"),
        ("/api/appointments/{id}/no-show", "post"),
        ("/api/appointments/{id}/rate", "post"),
        ("/api/appointments/{id}.ics", "get"),
        ("/api/mentors/{id}/group-sessions", "post"),
        ("/api/mentors/{id}/group-sessions", "get"),
        ("/api/me/group-seats", "get"),
        ("/api/group-sessions/{id}/join", "post"),
        ("/api/group-sessions/{id}/leave", "post"),
        ("/api/group-sessions/{id}/cancel", "post"),
        ("/api/group-sessions/{id}/record", "post"),
        ("/api/group-sessions/{id}/rate", "post"),
        ("/api/group-sessions/{id}/seats/{seat}/no-show", "post"),
        ("/api/group-sessions/{id}", "get"),
        ("/api/me/calendar", "get"),
        ("/api/me/calendar/renew", "post"),
        ("/api/calendar/{token}.ics", "get"),
        ("/api/studio-policies/{region}", "get"),
        ("/api/studio-policies/{region}", "put"),
        ("/api/studios", "get"),
        ("/api/studios", "post"),
        ("/api/studios/{id}", "get"),
        ("/api/me/studio", "get"),
        ("/api/studios/{id}/reports", "post"),
        ("/api/bureau/studios", "get"),
        ("/api/studios/{id}/evaluations", "post"),
        ("/api/studios/{id}/revoke", "post"),
        ("/api/fee-policies/{region}", "get"),
        ("/api/fee-policies/{region}", "put"),
        ("/api/me/mentor/fees", "get"),
        ("/api/me/mentor/fees", "post"),
        ("/api/group-sessions/{id}/confirm-service", "post"),
        ("/api/bureau/group-services", "get"),
        ("/api/working-days", "get"),
        ("/api/working-days/{day}", "put"),
        ("/api/working-days/{day}", "delete"),
        ("/api/auth/codes", "post"),
        ("/api/auth/reset", "post"),
        ("/api/dev/sms", "get"),
        ("/api/admin/invitations", "get"),
        ("/api/me/export", "get"),
        ("/api/subsidy-policies/{region}/{kind}/proposals", "post"),
        ("/api/bureau/policy-proposals", "get"),
        ("/api/policy-proposals/{id}/decision", "post"),
        ("/api/me/deletion-requests", "get"),
        ("/api/me/deletion-requests", "post"),
        ("/api/bureau/deletion-requests", "get"),
        ("/api/deletion-requests/{id}/decision", "post"),
        ("/api/bureau/resident-id-corrections", "post"),
        ("/api/certificates/{number}/outcome", "get"),
        ("/api/certificates/{number}/outcome", "put"),
        ("/api/me/outcomes", "get"),
        ("/api/bureau/statistics", "get"),
        ("/api/bureau/statistics.csv", "get"),
        ("/api/bureau/statistics.xlsx", "get"),
        ("/api/bureau/outreach", "get"),
        ("/api/bureau/outreach/nudges", "post"),
        ("/api/me/journey", "get"),
    ];
    let paths = r.body["paths"].as_object().cloned().unwrap_or_default();
    let documented: usize = paths.values().map(|p| p.as_object().map_or(0, |o| o.len())).sum();
    assert_eq!(documented, expected.len(), "documented operations: {:?}", paths.keys().collect::<Vec<_>>());
    for (path, method) in expected {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} is not documented");
        // Each documented path is a real route (an unauthenticated call is not a 404).
        let concrete = path
            .replace("{id}", "x")
            .replace("{region}", "370200")
            .replace("{kind}", "syb")
            .replace("{number}", "x")
            .replace("{token}", "x")
            .replace("{seat}", "x");
        let probe = app.request(method.to_uppercase().parse().unwrap_or_default(), &concrete, None, None).await;
        assert!(
            probe.status != StatusCode::NOT_FOUND
                || probe.code() == "not_found" && probe.body["message"] != "no such endpoint",
            "{method} {path} is documented but not routed"
        );
    }
    for schema in ["ErrorBody", "ErrorCode", "Me", "ProfileRequest", "StaffAccount"] {
        assert!(r.body["components"]["schemas"].get(schema).is_some(), "schema {schema} missing");
    }
}

#[tokio::test]
async fn seeding_the_demo_data_twice_loads_it_once() {
    let app = TestApp::spawn().await;
    let now = app.now();
    let first = malanhua::seed::seed_demo(app.state(), now).await;
    assert_eq!(first, Ok(true));
    let second = malanhua::seed::seed_demo(app.state(), now).await;
    assert_eq!(second, Ok(false));
    let token = {
        let r = app.login_as("13800000005", malanhua::seed::DEMO_PASSWORD).await;
        r.body["token"].as_str().unwrap_or_default().to_owned()
    };
    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.body["profile_complete"], true);
    let admin = app.login_as("13800000000", malanhua::seed::DEMO_PASSWORD).await;
    let accounts = app.get("/api/admin/accounts", admin.body["token"].as_str()).await;
    assert_eq!(accounts.body.as_array().map(Vec::len), Some(7), "{}", accounts.text);
    let catalogue = app.get("/api/classes", None).await;
    assert_eq!(catalogue.body["total"], 4, "four upcoming approved demo classes");
    let mentors = app.get("/api/mentors", None).await;
    assert_eq!(mentors.body["items"].as_array().map(Vec::len), Some(6), "six admitted demo mentors: {}", mentors.text);
    let qingdao = app.get("/api/mentors?region=370200&sort=rating", None).await;
    let wang = qingdao.body["items"].as_array().into_iter().flatten().find(|m| m["real_name"] == "王海燕").cloned();
    let wang = wang.unwrap_or_default();
    assert_eq!(wang["rating_count"], 3, "three past services rated: {}", qingdao.text);
    assert_eq!(wang["rating"], 4.7);
    let zhang = app.get("/api/me/appointments", Some(&token)).await;
    let statuses: Vec<&str> =
        zhang.body.as_array().map(|a| a.iter().filter_map(|x| x["status"].as_str()).collect()).unwrap_or_default();
    assert!(statuses.contains(&"pending") && statuses.contains(&"confirmed"), "{}", zhang.text);
    let with_past = app.get("/api/classes?from=2000-01-01", None).await;
    assert_eq!(with_past.body["total"], 5, "the completed class is listed when asked for past dates");
    // The completed class issued certificates to the two who qualified, not to the one who missed half.
    let mut numbers = Vec::new();
    for mobile in ["13900000110", "13900000111", "13900000112"] {
        let r = app.login_as(mobile, malanhua::seed::DEMO_PASSWORD).await;
        let certs = app.get("/api/me/certificates", r.body["token"].as_str()).await;
        numbers.push(certs.body.as_array().map(Vec::len).unwrap_or(0));
        if let Some(n) = certs.body[0]["number"].as_str() {
            assert_eq!(app.get(&format!("/api/verify/{n}"), None).await.body["status"], "valid");
        }
    }
    assert_eq!(numbers, [1, 1, 0]);
    let full =
        catalogue.body["items"].as_array().and_then(|a| a.iter().find(|c| c["kind"] == "online_venture").cloned());
    let full = full.unwrap_or_default();
    assert_eq!((full["seats_left"].clone(), full["waitlisted"].clone()), (serde_json::json!(0), serde_json::json!(2)));
    // The two certificates have claims: one reviewed, one filed; the second officer can approve the first.
    let second = app.login_as("13800000008", malanhua::seed::DEMO_PASSWORD).await;
    let second = second.body["token"].as_str().unwrap_or_default().to_owned();
    let page = app.get("/api/bureau/claims?claim_kind=training", Some(&second)).await;
    let mut stages: Vec<String> = page.body["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["status"].as_str().map(str::to_owned))
        .collect();
    stages.sort();
    assert_eq!(stages, ["reviewed", "submitted"], "{}", page.text);
    let reviewed = page.body["items"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["status"] == "reviewed"))
        .cloned()
        .unwrap_or_default();
    let detail = app.get(&format!("/api/claims/{}", reviewed["id"].as_str().unwrap_or_default()), Some(&second)).await;
    assert_eq!(detail.body["actions"], serde_json::json!(["approve", "return", "reject"]), "{}", detail.text);
    assert_eq!(reviewed["amount_fen"], 100_000);
    // Studios and fees at their stages: a Hohhot studio recognised, a Qingdao
    // application reviewed for the second officer, a fee claim on notice.
    let studios = app.get("/api/studios", None).await;
    assert_eq!(studios.body.as_array().map(Vec::len), Some(1), "{}", studios.text);
    assert_eq!(
        (studios.body[0]["name"].as_str(), studios.body[0]["status"].as_str()),
        (Some("乌兰创业指导大师工作室"), Some("recognised"))
    );
    let grants = app.get("/api/bureau/claims?claim_kind=studio_grant", Some(&second)).await;
    assert_eq!(grants.body["items"][0]["status"], "reviewed", "{}", grants.text);
    assert_eq!(grants.body["items"][0]["amount_fen"], 10_000_000);
    let fees = app.get("/api/bureau/claims?claim_kind=service_fee", Some(&second)).await;
    assert_eq!(fees.body["items"][0]["status"], "submitted", "{}", fees.text);
    let notices = app.get("/api/notices", None).await;
    let kinds: Vec<&str> =
        notices.body.as_array().into_iter().flatten().filter_map(|n| n["claim_kind"].as_str()).collect();
    assert!(kinds.contains(&"service_fee"), "{}", notices.text);
    let guilin = app.get("/api/subsidy-policies/450305", None).await;
    let syb = guilin.body.as_array().and_then(|a| a.iter().find(|p| p["kind"] == "syb")).cloned().unwrap_or_default();
    assert_eq!(
        (syb["amount_fen"].clone(), syb["payee"].clone()),
        (serde_json::json!(150_000), serde_json::json!("institution"))
    );
}

#[tokio::test]
async fn the_demo_data_loads_whatever_the_day_and_hour() {
    // The demo dates its classes and bookings from today: a Friday, a
    // holiday or the minutes after midnight in Shanghai must not break it.
    let start = app_start();
    for day in 0..7 {
        for hour in [0, 15] {
            let app = TestApp::spawn().await;
            let at = start + chrono::Duration::days(day) + chrono::Duration::hours(hour);
            app.travel_to(at);
            let r = malanhua::seed::seed_demo(app.state(), app.now()).await;
            assert_eq!(r.map_err(|e| e.message), Ok(true), "the demo at {at}");
            app.stop().await;
        }
    }
}

/// The next Monday, 00:30 in Shanghai.
fn app_start() -> chrono::DateTime<chrono::Utc> {
    use chrono::{Datelike, TimeZone};
    let today = malanhua_shared::course::shanghai_date(chrono::Utc::now());
    let monday = today + chrono::Duration::days(i64::from(7 - today.weekday().num_days_from_monday()));
    let local = monday.and_hms_opt(0, 30, 0).unwrap_or_default();
    malanhua_shared::course::shanghai()
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default()
}
