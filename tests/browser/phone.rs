//! The phone's first screen: a compact header whose navigation opens from
//! a menu button, the catalogue's classes before its filters (which start
//! in the trainee's own city), and Back from a class returning to the same
//! place in the list.

use malanhua_tests::PASSWORD;
use malanhua_tests::browser::Browser;
use serde_json::json;

async fn number(b: &Browser, script: &str) -> f64 {
    let v = b.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"));
    v.as_f64().unwrap_or_else(|| panic!("{script} gave {v}"))
}

#[tokio::test]
async fn a_trainee_on_a_phone_sees_a_class_on_the_first_screen_and_back_returns_to_the_same_place() {
    let b = Browser::start().await;
    let w = b.app.classes_world().await;
    let mut ids = Vec::new();
    for n in 0..8 {
        let mut body = b.app.syb_class(&w.trainer, 20, 10 + n * 3);
        body["title"] = json!(format!("SYB 创办你的企业 · 第 {} 期", n + 1));
        ids.push(b.app.open_class(&w, &body).await);
    }
    drop(b.app.trainee_with_profile(1).await);

    // Signed in on a 390 × 844 phone, the header is one compact row.
    b.sign_in_as(&malanhua_tests::classes::mobile(1), PASSWORD).await;
    let header = number(&b, "return document.querySelector('.site-header').getBoundingClientRect().height;").await;
    assert!(header <= 72.0, "the header takes {header} px of the phone's first screen");
    b.screenshot("phone-header-signed-in").await;
    b.click("nav-menu-toggle").await;
    b.wait_css("#nav-menu-toggle[aria-expanded=true]").await;
    b.screenshot("phone-menu-open").await;

    // The catalogue starts in the trainee's city, the classes first.
    b.click("nav-classes").await;
    b.wait_css(".class-card").await;
    assert_eq!(b.address().await, "/classes?region=370200", "a district's trainee starts in the city");
    assert!(!b.has_css("#catalogue-filters[open]").await, "the filters wait behind their button");
    let first = number(&b, "return document.querySelector('.class-card').getBoundingClientRect().top;").await;
    let screen = number(&b, "return window.innerHeight;").await;
    assert!(first + 80.0 < screen, "the first class starts at {first} px of {screen}");
    b.screenshot("phone-catalogue-first-screen").await;

    // Further down the list, a class; Back returns to the same place.
    let card = format!("class-{}", ids[6]);
    b.client
        .execute("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", vec![json!(card)])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let left_at = number(&b, "return window.scrollY;").await;
    assert!(left_at > 400.0, "the list scrolls on a phone ({left_at})");
    b.click(&card).await;
    b.wait_id("seats-left").await;
    b.client.back().await.unwrap_or_else(|e| panic!("back: {e}"));
    b.wait_css(&format!("#{card}")).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let now_at = number(&b, "return window.scrollY;").await;
        if (now_at - left_at).abs() < 40.0 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "back at {now_at} px, left at {left_at} px");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // On an office screen the navigation shows without the menu button.
    let _ = b.client.set_window_size(1366, 768).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let toggle = b.wait_id("nav-menu-toggle").await;
    assert!(!toggle.is_displayed().await.unwrap_or(true), "no menu button on a wide screen");
    assert!(b.wait_id("nav-classes").await.is_displayed().await.unwrap_or(false));
    b.finish().await;
}
