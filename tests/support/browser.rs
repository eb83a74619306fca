//! Browser journeys: headless Chromium driven over WebDriver (chromedriver)
//! with fantoccini, against a [`TestApp`](crate::TestApp) serving the built SPA.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::TestApp;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The built SPA (`cargo xtask` builds it before the browser tests).
pub fn spa_dir() -> PathBuf {
    let dir =
        std::env::var("MALANHUA_SPA_DIR").map(PathBuf::from).unwrap_or_else(|_| workspace_root().join("frontend/dist"));
    assert!(
        dir.join("index.html").exists(),
        "the SPA is not built at {}: run `cargo xtask test` (it builds it first)",
        dir.display()
    );
    dir
}

/// Where screenshots go: `target/browser-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target/browser-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// axe-core's script: `MALANHUA_AXE`, else where `cargo xtask test` puts it.
fn axe_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let path = std::env::var("MALANHUA_AXE")
            .map(PathBuf::from)
            .unwrap_or_else(|_| workspace_root().join("target/xtask-tools/node_modules/axe-core/axe.min.js"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("axe-core is not at {} ({e}): run `cargo xtask test`, which installs it", path.display())
        })
    })
}

/// Runs axe on the page and gives each violation as one line.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`)))
  .catch(e => done([`axe failed: ${e}`]));
"#;

/// A chromedriver process, ended on drop.
pub struct Driver {
    child: Child,
    /// Its WebDriver URL.
    pub url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(9515)
}

/// Starts chromedriver (`CHROMEDRIVER`, default `chromedriver` on PATH).
pub async fn start_driver() -> Driver {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {bin}: {e} (apt-get install chromium-driver)"));
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen on {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Driver { child, url }
}

/// A browser session on a phone-sized window, with the app to drive.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    /// The server under test.
    pub app: TestApp,
    /// Where the browser saves downloads (a fresh folder per browser).
    pub downloads: PathBuf,
    _driver: Driver,
}

impl Browser {
    /// Starts the app with the built SPA, chromedriver and headless Chromium.
    pub async fn start() -> Browser {
        let dir = spa_dir();
        let app = TestApp::spawn_with(|c| c.static_dir = Some(dir)).await;
        let driver = start_driver().await;
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let run = uuid::Uuid::new_v4().simple().to_string();
        let profile = std::env::temp_dir().join(format!("malanhua-chrome-{run}"));
        let downloads = std::env::temp_dir().join(format!("malanhua-downloads-{run}"));
        let _ = std::fs::create_dir_all(&downloads);
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chrome,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=390,844",
                    "--lang=zh-CN", format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                }
            }
        });
        let serde_json::Value::Object(caps) = caps else { unreachable!("object literal") };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("cannot start Chromium through chromedriver: {e}"));
        Browser { client, app, downloads, _driver: driver }
    }

    /// Opens a path of the app.
    pub async fn open(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.app.base)).await.unwrap_or_else(|e| panic!("goto {path}: {e}"));
    }

    /// Waits (up to 10 s) for the element with this id.
    pub async fn wait_id(&self, id: &str) -> Element {
        self.wait_css(&format!("#{id}")).await
    }

    /// Waits (up to 10 s) for the first element matching a CSS selector.
    pub async fn wait_css(&self, css: &str) -> Element {
        let id = css.trim_start_matches('#');
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            if Instant::now() > deadline {
                let name: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
                let shot = self.screenshot(&format!("missing-{name}")).await;
                panic!(
                    "no {css} after 10 s on {:?}; screenshot {}",
                    self.client.current_url().await.ok(),
                    shot.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element's text contains `needle`; returns the text.
    pub async fn wait_text(&self, id: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.wait_id(id).await.text().await.unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
            if Instant::now() > deadline {
                let shot = self.screenshot(&format!("text-{id}")).await;
                panic!("#{id} says {text:?}, not {needle:?}; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element has some text; returns it.
    pub async fn wait_nonempty(&self, id: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.wait_id(id).await.text().await.unwrap_or_default();
            if !text.trim().is_empty() {
                return text;
            }
            if Instant::now() > deadline {
                let shot = self.screenshot(&format!("empty-{id}")).await;
                panic!("#{id} stayed empty; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the path is `path`.
    pub async fn wait_path(&self, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.client.current_url().await.map(|u| u.path().to_owned()).unwrap_or_default();
            if url == path {
                self.settle().await;
                self.audit(&path.replace('/', "_")).await;
                return;
            }
            if Instant::now() > deadline {
                let shot = self.snap("wrong-path").await;
                panic!("still at {url}, expected {path}; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clears the input and types into it, as a person would.
    pub async fn fill(&self, id: &str, text: &str) {
        let e = self.wait_id(id).await;
        e.clear().await.unwrap_or_else(|err| panic!("clear #{id}: {err}"));
        e.send_keys(text).await.unwrap_or_else(|err| panic!("type into #{id}: {err}"));
    }

    /// Sets an input's value as the browser's own date and time pickers do,
    /// firing `input` and `change` (typing into them depends on the locale).
    pub async fn set_value(&self, id: &str, value: &str) {
        self.wait_id(id).await;
        let script = "const e = document.getElementById(arguments[0]); e.value = arguments[1]; \
                      e.dispatchEvent(new Event('input', {bubbles: true})); \
                      e.dispatchEvent(new Event('change', {bubbles: true}));";
        self.client.execute(script, vec![json!(id), json!(value)]).await.unwrap_or_else(|e| panic!("set #{id}: {e}"));
    }

    /// True when an element with this id is on the page now.
    pub async fn has(&self, id: &str) -> bool {
        self.client.find(Locator::Css(&format!("#{id}"))).await.is_ok()
    }

    /// Signs out through the navigation and signs in as someone else.
    pub async fn sign_in_as(&self, mobile: &str, password: &str) {
        if self.has("nav-logout").await {
            self.click("nav-logout").await;
            self.wait_path("/login").await;
        } else {
            self.open("/login").await;
        }
        self.fill("mobile", mobile).await;
        self.fill("password", password).await;
        self.click("submit").await;
        self.wait_signed_in().await;
    }

    /// Waits (up to 10 s) until the document title contains `needle`; returns it.
    pub async fn wait_title(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let title = self.client.title().await.unwrap_or_default();
            if title.contains(needle) {
                return title;
            }
            assert!(Instant::now() < deadline, "the title is {title:?}, without {needle:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until signing in has left the sign-in page (each role lands
    /// on its own page).
    pub async fn wait_signed_in(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.client.current_url().await.map(|u| u.path().to_owned()).unwrap_or_default();
            if url != "/login" && self.has("nav-logout").await {
                return;
            }
            if Instant::now() > deadline {
                let shot = self.snap("not-signed-in").await;
                panic!("still at {url} after signing in; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Chooses the option with this value in a select, then lets the page react.
    pub async fn select(&self, id: &str, value: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let e = self.wait_id(id).await;
            if e.select_by_value(value).await.is_ok() {
                return;
            }
            if Instant::now() > deadline {
                let shot = self.screenshot(&format!("select-{id}")).await;
                panic!("#{id} has no option {value}; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the first element matching `css` contains `needle`; returns its text.
    pub async fn wait_css_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.wait_css(css).await.text().await.unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
            if Instant::now() > deadline {
                let shot = self.screenshot("css-text").await;
                panic!("{css} says {text:?}, not {needle:?}; screenshot {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching a CSS selector.
    pub async fn click_css(&self, css: &str) {
        self.wait_css(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Clicks the element.
    /// A link of the site's navigation is behind the menu button on a
    /// phone: as a person would, this opens the menu first.
    pub async fn click(&self, id: &str) {
        let element = self.wait_id(id).await;
        let hidden = |e: &Element| {
            let e = e.clone();
            async move { !e.is_displayed().await.unwrap_or(true) }
        };
        if id.starts_with("nav-") && id != "nav-menu-toggle" && hidden(&element).await {
            let toggle = self.wait_id("nav-menu-toggle").await;
            if toggle.is_displayed().await.unwrap_or(false)
                && toggle.attr("aria-expanded").await.ok().flatten().as_deref() != Some("true")
            {
                toggle.click().await.unwrap_or_else(|e| panic!("open the menu: {e}"));
            }
            if hidden(&element).await && self.has("nav-account-toggle").await {
                self.click_css("#nav-account-menu:not([open]) > summary").await;
            }
        }
        element.click().await.unwrap_or_else(|e| panic!("click #{id}: {e}"));
    }

    /// Scrolls the element into view, then saves a screenshot.
    pub async fn screenshot_at(&self, id: &str, name: &str) -> PathBuf {
        let _ = self
            .client
            .execute("document.getElementById(arguments[0])?.scrollIntoView({block: 'start'})", vec![json!(id)])
            .await;
        self.screenshot(name).await
    }

    /// Waits (up to 10 s) for a finished download called `name`; returns its bytes.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.join(name);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(bytes) = std::fs::read(&path) {
                return bytes;
            }
            if Instant::now() > deadline {
                let shot = self.screenshot(&format!("no-download-{name}")).await;
                panic!("{} was not downloaded after 10 s; screenshot {}", path.display(), shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Like [`Browser::screenshot_at`], on a desktop-sized window (1280×900),
    /// then back to the phone size (390×844).
    pub async fn screenshot_desktop(&self, id: &str, name: &str) -> PathBuf {
        let _ = self.client.set_window_size(1280, 900).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let path = self.screenshot_at(id, name).await;
        let _ = self.client.set_window_size(390, 844).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        path
    }

    /// Types keys into whatever has the focus (the page itself when nothing
    /// does), as a keyboard would: shortcuts, Tab, Enter.
    pub async fn keys(&self, keys: &str) {
        let active = self.client.active_element().await.unwrap_or_else(|e| panic!("no active element: {e}"));
        if active.send_keys(keys).await.is_ok() {
            return;
        }
        // The focus was on something the page just replaced (after Back):
        // the keys go to the page itself, as a keyboard's would.
        let _ = self.client.execute("document.activeElement && document.activeElement.blur();", vec![]).await;
        let body = self.wait_css("body").await;
        body.send_keys(keys).await.unwrap_or_else(|e| panic!("keys {keys:?}: {e}"));
    }

    /// The id of the element that has the focus (empty for none).
    pub async fn focused_id(&self) -> String {
        match self.client.active_element().await {
            Ok(e) => e.attr("id").await.ok().flatten().unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the element with this id has the focus.
    pub async fn wait_focus(&self, id: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let now = self.focused_id().await;
            if now == id {
                return;
            }
            assert!(Instant::now() < deadline, "focus stayed on {now:?}, not {id:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's path and query now.
    pub async fn address(&self) -> String {
        let url = self.client.current_url().await.unwrap_or_else(|e| panic!("current url: {e}"));
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// True when an element matching a CSS selector is on the page now.
    pub async fn has_css(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Checks the page as it is now with axe-core: any violation fails the
    /// journey, naming the rule and the elements (with a screenshot).
    pub async fn audit(&self, name: &str) {
        let injected =
            self.client.execute("return typeof axe !== 'undefined';", vec![]).await.ok().and_then(|v| v.as_bool());
        if injected != Some(true) {
            self.client
                .execute(&format!("{}\nreturn true;", axe_script()), vec![])
                .await
                .unwrap_or_else(|e| panic!("cannot load axe-core into the page: {e}"));
        }
        let found = self.client.execute_async(AXE_RUN, vec![]).await.unwrap_or_else(|e| panic!("axe: {e}"));
        let violations: Vec<String> = serde_json::from_value(found).unwrap_or_default();
        if !violations.is_empty() {
            let path = self.address().await;
            let png = screenshot_dir().join(format!("axe-{name}.png"));
            if let Ok(bytes) = self.client.screenshot().await {
                let _ = std::fs::write(&png, bytes);
            }
            panic!(
                "axe-core finds {} violation(s) on {path}:\n{}\n(screenshot {})",
                violations.len(),
                violations.join("\n"),
                png.display()
            );
        }
    }

    /// Waits (up to 5 s) until the app has drawn the page and nothing on it
    /// says it is loading.
    async fn settle(&self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        let script = "return !!document.getElementById('main') && !document.querySelector('.loading');";
        while Instant::now() < deadline {
            if self.client.execute(script, vec![]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Saves a PNG screenshot under `target/browser-screenshots/`, after
    /// checking the page with axe-core.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.audit(name).await;
        self.snap(name).await
    }

    /// Saves a PNG screenshot as the page is, without checking it (for
    /// the picture of a failure).
    pub async fn snap(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(&path, png);
        }
        path
    }

    /// Ends the browser session and the server.
    pub async fn finish(self) {
        self.audit("last-page").await;
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.downloads);
        self.app.stop().await;
    }
}
