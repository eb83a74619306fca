//! The bureau's worklist built for volume: every order pages exactly
//! (keyset on the sort key and the id), a cursor of another order is
//! refused naming `after`, claims waiting on an unverified group are
//! marked, the claim page withholds what its eligibility does not allow
//! (saying why), and a refused bulk action lists the reasons per claim.

use malanhua_tests::TestApp;
use malanhua_tests::subsidies::Setup;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|c| c["id"].as_str().map(str::to_owned)).collect()
}

/// Every claim of `sort`, one per page, following `next`.
async fn one_by_one(app: &TestApp, officer: &str, sort: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after = String::new();
    for _ in 0..20 {
        let path = format!("/api/bureau/claims?sort={sort}&limit=1{after}");
        let page = app.get(&path, Some(officer)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.text);
        seen.extend(ids(&page.body));
        match page.body["next"].as_str() {
            Some(next) => after = format!("&after={}", urlencode(next)),
            None => return seen,
        }
    }
    panic!("{sort}: paging did not end: {seen:?}");
}

/// Percent-encodes a keyset cursor for a query string.
pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn every_order_of_the_worklist_pages_through_each_claim_once() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { trainees: 4, payee: "institution", ..Setup::default() }).await;
    let filed = app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    assert_eq!(filed.body["filed"], 4, "{}", filed.text);
    let a = &s.w.officer;
    let by_id = ids(&app.get("/api/bureau/claims", Some(a)).await.body);
    assert_eq!(by_id.len(), 4);
    // The first claim filed moves on an hour later: it is now the newest at its stage.
    app.advance(chrono::Duration::hours(1));
    assert_eq!(app.act(a, &by_id[0], json!({ "action": "review" })).await.status, StatusCode::OK);

    for sort in ["filed", "filed_desc", "amount", "amount_desc", "institution", "stage_age"] {
        let whole = ids(&app.get(&format!("/api/bureau/claims?sort={sort}"), Some(a)).await.body);
        assert_eq!(one_by_one(&app, a, sort).await, whole, "{sort}: pages of one give the whole list in order");
        let mut sorted = whole.clone();
        sorted.sort();
        let mut expected = by_id.clone();
        expected.sort();
        assert_eq!(sorted, expected, "{sort}: every claim once");
    }
    let newest_first = ids(&app.get("/api/bureau/claims?sort=filed_desc", Some(a)).await.body);
    assert_eq!(newest_first, by_id.iter().rev().cloned().collect::<Vec<_>>());
    let waiting = ids(&app.get("/api/bureau/claims?sort=stage_age", Some(a)).await.body);
    assert_eq!(waiting.last(), Some(&by_id[0]), "the claim that just moved has waited least");
    assert_eq!(waiting[..3], by_id[1..], "the rest in the order they were filed");

    let first = app.get("/api/bureau/claims?sort=amount&limit=1", Some(a)).await;
    let cursor = first.body["next"].as_str().unwrap_or_default().to_owned();
    assert!(cursor.contains(':'), "an amount cursor carries the amount: {cursor}");
    let wrong = app.get(&format!("/api/bureau/claims?sort=stage_age&after={}", urlencode(&cursor)), Some(a)).await;
    assert_eq!((wrong.status, wrong.field("after")), (StatusCode::BAD_REQUEST, "invalid_format"));
    let bad = app.get("/api/bureau/claims?sort=cheapest", Some(a)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "an unknown order is refused: {}", bad.text);
}

#[tokio::test]
async fn an_unverified_group_is_marked_withheld_on_the_claim_page_and_each_refusal_says_why() {
    let app = TestApp::spawn().await;
    let s = app.subsidy_world(Setup { trainees: 2, payee: "institution", ..Setup::default() }).await;
    app.post(&format!("/api/classes/{}/claims", s.class), Some(&s.w.staff), &json!({})).await;
    let (a, b) = (&s.w.officer, &s.officer_b);
    let list = app.get("/api/bureau/claims", Some(a)).await;
    let claims = ids(&list.body);
    assert!(
        list.body["items"].as_array().into_iter().flatten().all(|c| c["group_unverified"] == true),
        "declared groups not yet verified are marked: {}",
        list.text
    );
    let r = app.post("/api/claims/bulk", Some(a), &json!({ "action": "review", "claim_ids": claims })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Approval needs the group verified: officer B's claim page does not
    // offer it, and says why.
    let detail = app.get(&format!("/api/claims/{}", claims[0]), Some(b)).await;
    assert_eq!(detail.body["actions"], json!(["return", "reject"]), "{}", detail.text);
    assert_eq!(detail.body["withheld"], json!([{ "action": "approve", "reasons": ["group_not_verified"] }]));

    // A bulk approval refused names the reasons for each claim.
    let r = app.post("/api/claims/bulk", Some(b), &json!({ "action": "approve", "claim_ids": claims })).await;
    for result in r.body.as_array().into_iter().flatten() {
        assert_eq!(result["error"]["code"], "not_eligible", "{result}");
        assert_eq!(result["error"]["reasons"], json!(["group_not_verified"]), "{result}");
    }

    // Once verified, the mark goes, and approval is offered.
    app.verify_groups(a).await;
    let list = app.get("/api/bureau/claims", Some(b)).await;
    assert!(
        list.body["items"].as_array().into_iter().flatten().all(|c| c["group_unverified"] == false),
        "{}",
        list.text
    );
    let detail = app.get(&format!("/api/claims/{}", claims[0]), Some(b)).await;
    assert_eq!(detail.body["actions"], json!(["approve", "return", "reject"]), "{}", detail.text);
    assert_eq!(detail.body["withheld"], json!([]));
}
