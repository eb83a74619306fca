//! Sign-in limits: every attempt is recorded before it is decided, and the
//! limits hold per mobile and address, per mobile, and per address, so one
//! address can neither guess freely nor lock an owner out; a wrong password
//! is told the tries left; a mobile that reaches its limit stays locked
//! until a reset by SMS code; an overall limit holds for the instance.

use malanhua_tests::{PASSWORD, TestApp, TestResponse, concurrently, read};
use reqwest::StatusCode;
use serde_json::json;

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn failures_of(app: &TestApp, mobile: &'static str) -> i64 {
    app.state()
        .db(move |c| {
            let q = diesel::sql_query("SELECT count(*) AS n FROM login_failures WHERE mobile = $1")
                .bind::<diesel::sql_types::Text, _>(mobile);
            let n: Count = diesel::RunQueryDsl::get_result(q, c)?;
            Ok(n.n)
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Signs in as `mobile` from the address `ip` (behind the trusted proxy).
async fn login_from(app: &TestApp, ip: &str, mobile: &str, password: &str) -> TestResponse {
    let r = app
        .client
        .post(format!("{}/api/auth/login", app.base))
        .header("x-forwarded-for", format!("10.0.0.1, {ip}"))
        .json(&json!({ "mobile": mobile, "password": password }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    read(r).await
}

#[tokio::test]
async fn twenty_parallel_wrong_passwords_record_twenty_failures_and_five_are_checked() {
    let app = TestApp::spawn().await;
    app.register("13600000001").await;
    let body = json!({ "mobile": "13600000001", "password": "not the password" });
    let calls = (0..20).map(|_| (String::new(), "/api/auth/login".to_owned(), body.clone())).collect();
    let results = concurrently(&app, calls).await;
    let checked = results.iter().filter(|(s, _)| *s == StatusCode::UNAUTHORIZED).count();
    let refused =
        results.iter().filter(|(s, b)| *s == StatusCode::TOO_MANY_REQUESTS && b["code"] == "too_many_attempts");
    assert_eq!((checked, refused.count()), (5, 15), "{results:?}");
    assert_eq!(failures_of(&app, "13600000001").await, 20, "every attempt recorded");
    assert_eq!(app.login_as("13600000001", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_guesser_at_one_address_cannot_lock_the_owner_out_elsewhere() {
    let app = TestApp::spawn_with(|c| c.trust_proxy = true).await;
    app.register("13600000002").await;
    for _ in 0..5 {
        let r = login_from(&app, "203.0.113.9", "13600000002", "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let blocked = login_from(&app, "203.0.113.9", "13600000002", PASSWORD).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS, "the guesser's address is stopped");
    let owner = login_from(&app, "198.51.100.7", "13600000002", PASSWORD).await;
    assert_eq!(owner.status, StatusCode::OK, "the owner at her own address signs in: {}", owner.text);
}

#[tokio::test]
async fn guesses_spread_over_many_addresses_lock_the_mobile() {
    let app = TestApp::spawn_with(|c| {
        c.trust_proxy = true;
        c.signin_limits.per_mobile = 8;
    })
    .await;
    app.register("13600000003").await;
    for i in 0..8 {
        let r = login_from(&app, &format!("203.0.113.{i}"), "13600000003", "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = login_from(&app, "198.51.100.7", "13600000003", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text);
}

#[tokio::test]
async fn one_address_trying_many_mobiles_is_stopped_and_others_are_not() {
    let app = TestApp::spawn_with(|c| {
        c.trust_proxy = true;
        c.signin_limits.per_ip = 6;
    })
    .await;
    app.register("13600000020").await;
    for i in 0..6 {
        let r = login_from(&app, "203.0.113.50", &format!("1360000001{i}"), "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    }
    let stuffed = login_from(&app, "203.0.113.50", "13600000020", PASSWORD).await;
    assert_eq!(stuffed.status, StatusCode::TOO_MANY_REQUESTS, "{}", stuffed.text);
    assert_eq!(login_from(&app, "198.51.100.8", "13600000020", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_trusted_proxy_a_forwarded_address_is_ignored() {
    let app = TestApp::spawn().await;
    app.register("13600000004").await;
    for i in 0..5 {
        login_from(&app, &format!("203.0.113.{i}"), "13600000004", "not the password").await;
    }
    let r = login_from(&app, "198.51.100.9", "13600000004", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "the header is the client's word, not the peer's address");
}

#[tokio::test]
async fn a_wrong_password_tells_the_tries_left_and_an_unknown_mobile_hears_the_same() {
    let app = TestApp::spawn().await;
    app.register("13600000030").await;
    for mobile in ["13600000030", "13600000031"] {
        for left in [4, 3, 2, 1, 0] {
            let r = app.login_as(mobile, "not the password").await;
            assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "invalid_credentials"), "{}", r.text);
            assert_eq!(r.body["tries_left"], left, "{mobile}: {}", r.text);
        }
        let r = app.login_as(mobile, "not the password").await;
        assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"), "{}", r.text);
        assert!(r.body.get("tries_left").is_none(), "{}", r.text);
    }
}

#[tokio::test]
async fn a_mobile_locked_from_many_addresses_stays_locked_until_a_reset() {
    let app = TestApp::spawn_with(|c| {
        c.trust_proxy = true;
        c.signin_limits.per_mobile = 8;
    })
    .await;
    app.register("13600000032").await;
    for i in 0..8 {
        let r = login_from(&app, &format!("203.0.113.{i}"), "13600000032", "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = login_from(&app, "198.51.100.7", "13600000032", PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "signin_locked"), "{}", r.text);
    let r = login_from(&app, "198.51.100.7", "13600000032", PASSWORD).await;
    assert_eq!(r.code(), "signin_locked", "the correct password does not lift it: {}", r.text);
    app.advance(chrono::Duration::hours(3));
    let r = login_from(&app, "198.51.100.8", "13600000032", PASSWORD).await;
    assert_eq!(r.code(), "signin_locked", "nor does the window passing: {}", r.text);
    assert_eq!(app.take_up("13600000032").await.status, StatusCode::OK, "the owner proves the mobile by SMS");
    let r = login_from(&app, "198.51.100.8", "13600000032", PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "the reset lifted it: {}", r.text);
}

#[tokio::test]
async fn the_overall_limit_stops_every_sign_in_for_a_minute() {
    let app = TestApp::spawn_with(|c| {
        c.trust_proxy = true;
        c.signin_limits.overall_per_minute = 6;
    })
    .await;
    app.register("13600000040").await;
    for i in 0..6 {
        let r = login_from(&app, &format!("203.0.113.{i}"), &format!("1360000005{i}"), "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    }
    let r = login_from(&app, "198.51.100.9", "13600000040", PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"), "{}", r.text);
    let wait: u64 = r.headers.get("retry-after").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    app.advance(chrono::Duration::seconds(61));
    assert_eq!(login_from(&app, "198.51.100.9", "13600000040", PASSWORD).await.status, StatusCode::OK);
}
