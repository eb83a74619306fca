use malanhua_tests::TestApp;
use reqwest::StatusCode;

const HASHED_JS: &str = "app-0123456789abcdef.js";

async fn app_with_fake_spa() -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("malanhua-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let index = format!("<!doctype html><title>马兰花</title><script type=module src=/{HASHED_JS}></script>");
    std::fs::write(dir.join("index.html"), index).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join(HASHED_JS), "export default function init() {}\n".repeat(100))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("style.css"), "body { margin: 0 }").unwrap_or_else(|e| panic!("{e}"));
    let d = dir.clone();
    (TestApp::spawn_with(move |c| c.static_dir = Some(d)).await, dir)
}

/// `GET path` with an `Accept-Encoding`.
async fn get_encoded(app: &TestApp, path: &str, accept: &str) -> reqwest::Response {
    let request = app.client.get(format!("{}{path}", app.base));
    let request = if accept.is_empty() { request } else { request.header("accept-encoding", accept) };
    request.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn header<'a>(r: &'a malanhua_tests::TestResponse, name: &str) -> &'a str {
    r.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn client_routes_reload_to_the_app_and_are_not_cached() {
    let (app, dir) = app_with_fake_spa().await;
    for path in ["/", "/profile", "/bureau/claims/", "/login?next=/profile"] {
        let r = app.get(path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.text.contains("<title>马兰花</title>"), "{path}");
        assert_eq!(header(&r, "cache-control"), "no-cache");
        assert!(header(&r, "content-type").starts_with("text/html"));
    }
    assert_eq!(app.get("/missing.js", None).await.status, StatusCode::NOT_FOUND);
    std::fs::write(dir.join(".env"), "MALANHUA_SECRET=1").unwrap_or_else(|e| panic!("{e}"));
    let dot = app.get("/.env", None).await;
    assert!(!dot.text.contains("MALANHUA_SECRET"), "a dotfile is never served: {}", dot.text);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn unknown_addresses_and_links_to_missing_objects_answer_404_with_the_app() {
    let (app, dir) = app_with_fake_spa().await;
    let w = app.classes_world().await;
    let class = app.open_class(&w, &app.syb_class(&w.trainer, 10, 10)).await;
    let found = app.get(&format!("/classes/{class}"), None).await;
    assert_eq!(found.status, StatusCode::OK, "a class that exists");
    for path in ["/admin/accounts", "/nope", "/classes/a/b", "/classes/no-such-class", "/mentors/none", "/studios/none"]
    {
        let r = app.get(path, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.text.contains("<title>马兰花</title>"), "the app still comes, to show its page: {path}");
        assert_eq!(header(&r, "cache-control"), "no-cache");
    }
    let api = app.get("/api/no-such-endpoint", None).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.body["code"], "not_found", "the API answers in JSON: {}", api.text);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_gzipped_when_accepted() {
    let (app, dir) = app_with_fake_spa().await;
    let plain = app.client.get(format!("{}/{HASHED_JS}", app.base)).send().await.unwrap_or_else(|e| panic!("{e}"));
    let plain = malanhua_tests::read(plain).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(header(&plain, "cache-control").contains("immutable"));
    assert!(
        header(&plain, "content-type").starts_with("text/javascript")
            || header(&plain, "content-type").starts_with("application/javascript")
    );
    assert_eq!(header(&plain, "content-encoding"), "");
    let gz = get_encoded(&app, &format!("/{HASHED_JS}"), "gzip, br").await;
    assert_eq!(gz.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let bytes = gz.bytes().await.unwrap_or_default();
    assert!(bytes.len() < plain.text.len() / 4, "gzip did not shrink the body ({} bytes)", bytes.len());
    assert_eq!(&bytes[..2], &[0x1f, 0x8b]);
    let etag = header(&plain, "etag").to_owned();
    let again = app.client.get(format!("{}/style.css", app.base)).send().await.unwrap_or_else(|e| panic!("{e}"));
    let css_etag = again.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(
        again.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").contains("must-revalidate")
    );
    let revalidate = app
        .client
        .get(format!("{}/style.css", app.base))
        .header("if-none-match", css_etag)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(revalidate.status(), StatusCode::NOT_MODIFIED);
    assert!(!etag.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_page_allows_only_its_own_inline_script_also_when_revalidated() {
    let dir = std::env::temp_dir().join(format!("malanhua-csp-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let script = "import init from '/app-0123456789abcdef.js'; init();";
    std::fs::write(dir.join("index.html"), format!("<!doctype html><script type=\"module\">{script}</script>"))
        .unwrap_or_else(|e| panic!("{e}"));
    let d = dir.clone();
    let app = TestApp::spawn_with(move |c| c.static_dir = Some(d)).await;
    let page = app.get("/", None).await;
    let csp = header(&page, "content-security-policy").to_owned();
    let hash = malanhua::core::headers::inline_script_hashes(&page.text);
    assert_eq!(hash.len(), 1, "{}", page.text);
    assert!(csp.contains(&format!("'{}'", hash[0])), "the page's own script is allowed: {csp}");
    assert!(!csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), "{csp}");
    let etag = header(&page, "etag").to_owned();
    let again = app
        .client
        .get(format!("{}/", app.base))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers().get("content-security-policy").and_then(|v| v.to_str().ok()), Some(csp.as_str()));
    let api = app.get("/api/health", None).await;
    assert!(header(&api, "content-security-policy").starts_with("default-src 'self'"));
    assert!(header(&api, "permissions-policy").contains("camera=()"));
    assert!(header(&api, "strict-transport-security").is_empty(), "HSTS only when the public address is HTTPS");
    let _ = std::fs::remove_dir_all(dir);
}

/// A built page with the shell markers, as `frontend/static/index.html` has them.
async fn app_with_shell(public_per_minute: u32) -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("malanhua-shell-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let index = "<!doctype html><title>马兰花</title><style>body { margin: 0 }</style>\
                 <main><!--shell--><p class=\"shell-note\">正在加载</p><!--/shell--></main>";
    std::fs::write(dir.join("index.html"), index).unwrap_or_else(|e| panic!("{e}"));
    let d = dir.clone();
    let app = TestApp::spawn_with(move |c| {
        c.static_dir = Some(d);
        c.public_per_minute = public_per_minute;
    })
    .await;
    (app, dir)
}

#[tokio::test]
async fn a_certificate_and_the_notice_are_drawn_by_the_server_without_the_app() {
    let (app, dir) = app_with_shell(120).await;
    let s = app.subsidy_world(malanhua_tests::subsidies::Setup::default()).await;
    let number = s.trainees[0].2.clone();
    let page = app.get(&format!("/verify/{number}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("id=\"server-verify\"") && page.text.contains("证书有效"), "{}", page.text);
    assert!(page.text.contains("学*") && page.text.contains(&number), "the holder masked, the number: {}", page.text);
    assert!(!page.text.contains("正在加载"), "the skeleton gives way to the content");
    assert!(page.text.contains(&format!("<title>证书查验 {number}")), "{}", page.text);
    let csp = header(&page, "content-security-policy").to_owned();
    let style = malanhua::core::headers::inline_style_hashes(&page.text);
    assert!(csp.contains(&format!("style-src 'self' '{}'", style[0])), "the shell's own style is allowed: {csp}");
    let unknown = app.get("/verify/NO-SUCH-NUMBER", None).await;
    assert!(unknown.text.contains("未找到该证书"), "{}", unknown.text);
    let notices = app.get("/notices", None).await;
    assert!(notices.text.contains("id=\"server-notices\""), "{}", notices.text);
    assert!(notices.text.contains("目前没有正在公示的补贴"), "nothing is on notice yet: {}", notices.text);
    let other = app.get("/classes", None).await;
    assert!(other.text.contains("正在加载"), "other pages keep the skeleton");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_server_drawn_pages_count_against_the_public_limit() {
    let (app, dir) = app_with_shell(2).await;
    let first = app.get("/verify/NO-SUCH-NUMBER", None).await;
    assert!(first.text.contains("未找到该证书"));
    let _ = app.get("/verify/NO-SUCH-NUMBER", None).await;
    let limited = app.get("/verify/NO-SUCH-NUMBER", None).await;
    assert_eq!(limited.status, StatusCode::OK, "the page still comes");
    assert!(
        !limited.text.contains("未找到该证书") && limited.text.contains("正在加载"),
        "but not looked up: {}",
        limited.text
    );
    let api = app.get("/api/verify/NO-SUCH-NUMBER", None).await;
    assert_eq!(api.status, StatusCode::TOO_MANY_REQUESTS, "the page and the API share the limit");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn json_answers_are_compressed_as_the_client_accepts() {
    let app = TestApp::spawn().await;
    let get = |encoding: &'static str| get_encoded(&app, "/api/openapi.json", encoding);
    let plain = get("").await;
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain = plain.bytes().await.unwrap_or_default();
    let br = get("gzip, deflate, br").await;
    assert_eq!(br.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("br"));
    assert!(br.headers().get("vary").and_then(|v| v.to_str().ok()).unwrap_or("").contains("accept-encoding"));
    let packed = br.bytes().await.unwrap_or_default();
    assert!(packed.len() * 4 < plain.len(), "{} of {} bytes", packed.len(), plain.len());
    let gz = get("gzip").await;
    assert_eq!(gz.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    assert_eq!(&gz.bytes().await.unwrap_or_default()[..2], &[0x1f, 0x8b]);
    let small = get_encoded(&app, "/api/health", "br").await;
    assert_eq!(small.headers().get("content-encoding"), None, "a small answer is sent as it is");
}

#[tokio::test]
async fn brotli_copies_from_the_build_are_sent_where_accepted() {
    let (app, dir) = app_with_fake_spa().await;
    std::fs::write(dir.join(format!("{HASHED_JS}.br")), b"brotli bytes").unwrap_or_else(|e| panic!("{e}"));
    let br = get_encoded(&app, &format!("/{HASHED_JS}"), "gzip, br").await;
    assert_eq!(br.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("br"));
    assert!(br.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").contains("javascript"));
    assert_eq!(&br.bytes().await.unwrap_or_default()[..], b"brotli bytes");
    let gz = get_encoded(&app, &format!("/{HASHED_JS}"), "gzip").await;
    assert_eq!(gz.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let _ = std::fs::remove_dir_all(dir);
}
