//! Measures first paint as a phone on slow 4G sees it: headless Chromium
//! with Chrome's "Slow 4G" network (562.5 ms latency, 1.44 Mbit/s down,
//! 675 kbit/s up), the CPU slowed four times and the cache off, opening
//! each page cold a few times. Prints one JSON line per page: the median
//! first contentful paint and the median time until the app has drawn
//! (its main region exists). `cargo xtask bench` runs it against the
//! release server with the demo data and writes the report.
//!
//! Usage: first-paint <base-url> <path>...

use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How many cold loads of each page.
const RUNS: usize = 3;

/// A Chrome DevTools command through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

async fn cdp(client: &Client, cmd: &'static str, params: Value) {
    client.issue_cmd(Cdp { cmd, params }).await.unwrap_or_else(|e| panic!("{cmd}: {e}"));
}

/// Waits until the script gives a number, and returns it.
async fn wait_number(client: &Client, script: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(v) = client.execute(script, vec![]).await
            && let Some(n) = v.as_f64()
        {
            return n;
        }
        assert!(Instant::now() < deadline, "no answer from: {script}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((base, paths)) = args.split_first() else {
        eprintln!("usage: first-paint <base-url> <path>...");
        std::process::exit(2);
    };
    let driver = malanhua_tests::browser::start_driver().await;
    let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let caps = json!({ "goog:chromeOptions": { "binary": chrome, "args": [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--window-size=390,844", "--lang=zh-CN",
    ] } });
    let Value::Object(caps) = caps else { unreachable!("object literal") };
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .unwrap_or_else(|e| panic!("cannot start Chromium: {e}"));
    cdp(&client, "Network.enable", json!({})).await;
    cdp(&client, "Network.setCacheDisabled", json!({ "cacheDisabled": true })).await;
    cdp(
        &client,
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375 }),
    )
    .await;
    cdp(&client, "Emulation.setCPUThrottlingRate", json!({ "rate": 4 })).await;
    for path in paths {
        let (mut paints, mut drawn) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let _ = client.goto("about:blank").await;
            client.goto(&format!("{base}{path}")).await.unwrap_or_else(|e| panic!("{path}: {e}"));
            paints.push(
                wait_number(
                    &client,
                    "const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null;",
                )
                .await,
            );
            drawn
                .push(wait_number(&client, "return document.getElementById('main') ? performance.now() : null;").await);
        }
        println!(
            "{}",
            json!({ "path": path, "first_paint_ms": median(paints), "app_drawn_ms": median(drawn), "runs": RUNS })
        );
    }
    let _ = client.close().await;
}
