//! Test support: a [`TestApp`] is the real server on port 0 against a fresh
//! database (a temporary SQLite file, or a new PostgreSQL database when
//! `MALANHUA_TEST_DB=postgres`), driven over HTTP.

pub mod browser;
pub mod classes;
pub mod subsidies;

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection, RunQueryDsl};
use malanhua::app::RunningApp;
use malanhua::config::{Config, Secret};
use malanhua::core::clock::Clock;
use malanhua::{App, AppState};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

/// The password every test account uses unless a test says otherwise.
pub const PASSWORD: &str = "spring flowers 7";

/// Which database the suite runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    /// A temporary SQLite file per test.
    Sqlite,
    /// A fresh database per test on `TEST_DATABASE_URL`'s server.
    Postgres,
}

/// `MALANHUA_TEST_DB` (`sqlite`, the default, or `postgres`).
pub fn db_kind() -> DbKind {
    match std::env::var("MALANHUA_TEST_DB").as_deref() {
        Ok("postgres") => DbKind::Postgres,
        _ => DbKind::Sqlite,
    }
}

/// The PostgreSQL server for tests (its maintenance database).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database that exists for one test and is removed after it.
pub enum TestDb {
    /// A folder holding the SQLite file.
    Sqlite(PathBuf),
    /// A database name on the server.
    Postgres(String),
}

impl TestDb {
    /// Creates an empty database of the suite's kind; returns it and its URL.
    pub fn create() -> (TestDb, String) {
        let id = uuid::Uuid::new_v4().simple().to_string();
        match db_kind() {
            DbKind::Sqlite => {
                let dir = std::env::temp_dir().join(format!("malanhua-test-{id}"));
                let url = dir.join("test.db").display().to_string();
                (TestDb::Sqlite(dir), url)
            }
            DbKind::Postgres => {
                let name = format!("malanhua_test_{id}");
                let admin = postgres_admin_url();
                let mut conn = PgConnection::establish(&admin)
                    .unwrap_or_else(|e| panic!("PostgreSQL at {admin} is not reachable: {e}"));
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .unwrap_or_else(|e| panic!("cannot create {name}: {e}"));
                let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin);
                (TestDb::Postgres(name.clone()), format!("{base}/{name}"))
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match self {
            TestDb::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TestDb::Postgres(name) => {
                if let Ok(mut conn) = PgConnection::establish(&postgres_admin_url()) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
                }
            }
        }
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct TestResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
    /// Body as JSON (`Null` when empty or not JSON).
    pub body: Value,
    /// Body as text.
    pub text: String,
}

impl TestResponse {
    /// The error code of an error body.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// The reason given for one field.
    pub fn field(&self, name: &str) -> &str {
        self.body["fields"][name].as_str().unwrap_or("")
    }
}

/// The server, its database and a client.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The token secret the server signs with.
    pub secret: String,
    /// HTTP client.
    pub client: Client,
    /// The server's clock; tests move time by advancing it.
    clock: Clock,
    running: Option<RunningApp>,
    url: String,
    _db: TestDb,
}

/// A database between servers: its URL, the token secret, and the time
/// the last server's clock read when it stopped.
pub struct Parked {
    /// The database (removed when dropped).
    pub db: TestDb,
    /// Its URL.
    pub url: String,
    /// The token secret (the data key derives from it too).
    pub secret: String,
    /// The clock's time at the stop.
    pub now: DateTime<Utc>,
}

/// The configuration every test server runs with.
pub fn test_config(url: String, secret: &str) -> Config {
    let mut config = Config::for_database(url, Secret::new(secret.to_owned()));
    config.pool_size = 4;
    // Sessions outlive the days a test travels through.
    config.token_minutes = 60 * 24 * 90;
    config.session_max_minutes = config.token_minutes;
    // Every test client comes from 127.0.0.1: the per-address code limit
    // is for the tests that check it.
    config.code_limits.per_ip_per_hour = 100_000;
    config.code_limits.per_mobile_per_day = 1_000;
    config
}

impl TestApp {
    /// Starts the server on a fresh database.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Starts the server after adjusting its configuration.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (db, url) = TestDb::create();
        let secret = format!("test-secret-{}", uuid::Uuid::new_v4().simple());
        Self::start(Parked { db, url, secret, now: Utc::now() }, adjust).await
    }

    /// Starts the server on a parked database, its clock at the parked time.
    pub async fn start(parked: Parked, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let Parked { db, url, secret, now } = parked;
        let mut config = test_config(url.clone(), &secret);
        adjust(&mut config);
        let clock = Clock::adjustable();
        clock.set(now).unwrap_or_else(|e| panic!("{e}"));
        let app =
            App::build_with_clock(config, clock.clone()).await.unwrap_or_else(|e| panic!("app did not start: {e}"));
        let running = app.spawn(([127, 0, 0, 1], 0).into()).await.unwrap_or_else(|e| panic!("bind: {e}"));
        TestApp {
            base: format!("http://{}", running.addr),
            secret,
            client: Client::new(),
            clock,
            running: Some(running),
            url,
            _db: db,
        }
    }

    /// Stops the server and keeps its database (and the time), so another
    /// server, in this process or another, can start on it.
    pub async fn park(mut self) -> Parked {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
        let now = self.now();
        Parked { db: self._db, url: self.url, secret: self.secret, now }
    }

    /// The server's state, for checks straight against the database.
    pub fn state(&self) -> &AppState {
        match &self.running {
            Some(r) => &r.state,
            None => panic!("the app has stopped"),
        }
    }

    /// Now, by the server's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Moves the server's clock forward, as the days pass.
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by).unwrap_or_else(|e| panic!("{e}"));
    }

    /// Sets the server's clock to `to`.
    pub fn travel_to(&self, to: DateTime<Utc>) {
        self.clock.set(to).unwrap_or_else(|e| panic!("{e}"));
    }

    /// Stops the server (the database goes when the app is dropped).
    pub async fn stop(mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }

    /// Sends a request with an optional token and JSON body.
    pub async fn request(&self, method: Method, path: &str, token: Option<&str>, body: Option<&Value>) -> TestResponse {
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req.send().await.unwrap_or_else(|e| panic!("request {path}: {e}"));
        read(resp).await
    }

    /// `GET`
    pub async fn get(&self, path: &str, token: Option<&str>) -> TestResponse {
        self.request(Method::GET, path, token, None).await
    }

    /// `POST` JSON.
    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> TestResponse {
        self.request(Method::POST, path, token, Some(body)).await
    }

    /// `PUT` JSON.
    pub async fn put(&self, path: &str, token: Option<&str>, body: &Value) -> TestResponse {
        self.request(Method::PUT, path, token, Some(body)).await
    }

    /// Asks for a code for `purpose`; returns the response.
    pub async fn ask_code(&self, mobile: &str, purpose: &str) -> TestResponse {
        self.post("/api/auth/codes", None, &json!({ "mobile": mobile, "purpose": purpose })).await
    }

    /// The newest message in the development outbox for the mobile.
    pub async fn last_sms(&self, mobile: &str) -> String {
        let m = malanhua_shared::Mobile::parse(mobile).unwrap_or_else(|e| panic!("{mobile}: {e:?}"));
        let texts = self
            .state()
            .db(move |c| Ok(malanhua::accounts::sms::outbox_of(c, m.as_str(), 1)?))
            .await
            .unwrap_or_else(|e| panic!("outbox: {e}"));
        texts.first().map(|(_, t)| t.clone()).unwrap_or_else(|| panic!("no SMS to {mobile}"))
    }

    /// The newest code the development outbox holds for the mobile.
    pub async fn sms_code(&self, mobile: &str) -> String {
        let text = self.last_sms(mobile).await;
        let code = text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).map(str::to_owned);
        code.unwrap_or_else(|| panic!("no code in {text}"))
    }

    /// Asks for a code for `purpose` and reads it from the outbox.
    pub async fn code_for(&self, mobile: &str, purpose: &str) -> String {
        let r = self.ask_code(mobile, purpose).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "code for {mobile}: {}", r.text);
        self.sms_code(mobile).await
    }

    /// Objects to a claim on notice from `mobile`, proved by a code, as the
    /// notice page does; returns the response.
    pub async fn object(&self, claim: &str, text: &str, mobile: &str) -> TestResponse {
        let code = self.code_for(mobile, "objection").await;
        let body = json!({ "text": text, "mobile": mobile, "code": code });
        self.post(&format!("/api/notices/{claim}/objections"), None, &body).await
    }

    /// Registers a trainee with a code, as the app does; returns the response.
    pub async fn register_as(&self, mobile: &str, password: &str) -> TestResponse {
        let code = self.code_for(mobile, "register").await;
        let body = json!({ "mobile": mobile, "password": password, "code": code, "privacy_consent": true });
        self.post("/api/auth/register", None, &body).await
    }

    /// Registers a trainee; panics unless it succeeds.
    pub async fn register(&self, mobile: &str) -> Value {
        let r = self.register_as(mobile, PASSWORD).await;
        assert_eq!(r.status, StatusCode::CREATED, "register {mobile}: {}", r.text);
        r.body
    }

    /// Sets [`PASSWORD`] with a reset code, taking up any roles offered to
    /// the mobile; returns the response (a session on success).
    pub async fn take_up(&self, mobile: &str) -> TestResponse {
        let code = self.code_for(mobile, "reset").await;
        self.post("/api/auth/reset", None, &json!({ "mobile": mobile, "code": code, "password": PASSWORD })).await
    }

    /// Signs in; returns the response.
    pub async fn login_as(&self, mobile: &str, password: &str) -> TestResponse {
        self.post("/api/auth/login", None, &json!({ "mobile": mobile, "password": password })).await
    }

    /// Signs in with [`PASSWORD`]; returns the token.
    pub async fn login(&self, mobile: &str) -> String {
        let r = self.login_as(mobile, PASSWORD).await;
        assert_eq!(r.status, StatusCode::OK, "login {mobile}: {}", r.text);
        r.body["token"].as_str().unwrap_or_default().to_owned()
    }

    /// Registers and signs in a trainee; returns the token.
    pub async fn trainee(&self, mobile: &str) -> String {
        self.register(mobile).await;
        self.login(mobile).await
    }

    /// Creates an administrator the way `malanhua create-admin` does; returns a token.
    pub async fn admin(&self, mobile: &str) -> String {
        malanhua::seed::create_admin(self.state(), mobile, PASSWORD, "管理员", self.now())
            .await
            .unwrap_or_else(|e| panic!("create admin: {e}"));
        self.login(mobile).await
    }

    /// An admin makes `mobile` an officer for `region`; returns the officer's token.
    pub async fn officer(&self, admin: &str, mobile: &str, region: &str) -> String {
        let body = json!({ "mobile": mobile, "real_name": "王芳", "region": region });
        let r = self.post("/api/admin/bureau-accounts", Some(admin), &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "officer {mobile}: {}", r.text);
        let t = self.take_up(mobile).await;
        assert_eq!(t.status, StatusCode::OK, "officer {mobile} takes up the role: {}", t.text);
        self.login(mobile).await
    }
}

/// Sends the POSTs (token, path, JSON body) all at once; returns each
/// status and body, in the order they finished.
pub async fn concurrently(app: &TestApp, calls: Vec<(String, String, Value)>) -> Vec<(StatusCode, Value)> {
    let mut set = tokio::task::JoinSet::new();
    for (token, path, body) in calls {
        let client = app.client.clone();
        let url = format!("{}{path}", app.base);
        set.spawn(async move {
            let r = client.post(url).bearer_auth(token).json(&body).send().await;
            let r = r.unwrap_or_else(|e| panic!("{e}"));
            let status = r.status();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        });
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.unwrap_or_else(|e| panic!("{e}")));
    }
    out
}

/// Reads a response whole.
pub async fn read(resp: reqwest::Response) -> TestResponse {
    let status = resp.status();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    TestResponse { status, headers, body, text }
}
/// A unified social credit code: `first17` with its GB 32100 check character.
pub fn credit_code(first17: &str) -> String {
    const CHARSET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let sum: usize =
        first17.bytes().zip(WEIGHTS).map(|(b, w)| CHARSET.iter().position(|c| *c == b).unwrap_or(0) * w).sum();
    format!("{first17}{}", CHARSET[(31 - sum % 31) % 31] as char)
}

pub mod mentors;
pub mod studios;
