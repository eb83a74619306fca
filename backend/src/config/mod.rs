//! Configuration from the environment. Secrets never have defaults in code
//! and never appear in `Debug` output or logs.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use rand::RngCore;

mod sms;

pub use sms::{HttpSms, sms_config};

pub use crate::accounts::rules::{CodeLimits, SigninLimits};

/// Which database the URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (the default).
    Sqlite,
    /// A PostgreSQL server (a province's deployment).
    Postgres,
}

impl Backend {
    /// `sqlite` or `postgres`, as `/api/health` reports it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// A secret string: shown as `***` in debug output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself; call only where it is used.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`MALANHUA_ADDR`, default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// `DATABASE_URL`: a SQLite path (`data/malanhua.db`, `sqlite://...`) or `postgres://...`.
    pub database_url: String,
    /// Which database `database_url` names.
    pub backend: Backend,
    /// HS256 key for session tokens (`MALANHUA_JWT_SECRET`).
    pub jwt_secret: Secret,
    /// AES-256 key (64 hex digits) for resident IDs at rest, and the key of
    /// their look-up hash (`MALANHUA_DATA_KEY`; for SQLite without it, one is
    /// generated once into `data-key` beside the database file).
    pub data_key: Secret,
    /// How long a session token lives, in minutes (`MALANHUA_TOKEN_MINUTES`, default 120).
    pub token_minutes: i64,
    /// The longest a session lasts from sign-in, however often it is renewed
    /// while in use, in minutes (`MALANHUA_SESSION_MAX_HOURS`, default 12).
    pub session_max_minutes: i64,
    /// Database connections in the pool (`MALANHUA_DB_POOL`, default 8).
    pub pool_size: u32,
    /// Seconds a request waits for a free connection before it is answered
    /// 503 (`MALANHUA_DB_WAIT_SECONDS`, default 5).
    pub pool_wait_secs: u64,
    /// Sign-ins and registrations that may wait for password hashing at
    /// once before more are answered 503 (`MALANHUA_HASH_QUEUE`, default
    /// 1024: a waiting sign-in holds no hashing memory, only a place).
    pub hash_queue: usize,
    /// Serve `/api/bench/bare`, the bare JSON route the benchmark measures
    /// the HTTP ceiling with (`MALANHUA_BENCH_ROUTES=1`; off by default).
    pub bench_routes: bool,
    /// Serve the SPA from this folder instead of the embedded copy (`MALANHUA_STATIC_DIR`).
    pub static_dir: Option<PathBuf>,
    /// Failed sign-ins allowed in 15 minutes per mobile and address, per
    /// mobile (reaching it locks the mobile until an SMS code lifts it), and
    /// per address (`MALANHUA_SIGNIN_PER_MOBILE_IP` 5,
    /// `MALANHUA_SIGNIN_PER_MOBILE` 20, `MALANHUA_SIGNIN_PER_IP` 50), and
    /// over the whole instance in a minute (`MALANHUA_SIGNIN_OVERALL_PER_MINUTE` 600).
    pub signin_limits: SigninLimits,
    /// Unsigned calls (verification, public lists) per address and minute
    /// (`MALANHUA_PUBLIC_PER_MINUTE`, default 120).
    pub public_per_minute: u32,
    /// Objections per address and day (`MALANHUA_OBJECTIONS_PER_DAY`,
    /// default 5; ten times that per claim).
    pub objections_per_day: u32,
    /// A training-subsidy policy version paying more than this (fen) takes
    /// effect only once a second officer of the region confirms it
    /// (`MALANHUA_SECOND_OFFICER_ABOVE_FEN`, default 200000: 2,000 yuan).
    pub second_officer_above_fen: i64,
    /// Take the client's address from the last `X-Forwarded-For` hop, set by
    /// a reverse proxy in front (`MALANHUA_TRUST_PROXY=1`; default off).
    pub trust_proxy: bool,
    /// The address people reach the site at, for QR codes and calendar feeds
    /// (`MALANHUA_PUBLIC_URL`; required when listening on a non-loopback
    /// address, else `http://` + the listen address).
    pub public_url: String,
    /// The SMS provider (`MALANHUA_SMS_URL`, `MALANHUA_SMS_KEY`,
    /// `MALANHUA_SMS_TEMPLATE_CODE`, `MALANHUA_SMS_TEMPLATE_INVITE`); without
    /// it messages go to the development outbox, which only a loopback
    /// listener may use.
    pub sms: Option<HttpSms>,
    /// Codes per mobile a day and per address an hour
    /// (`MALANHUA_CODES_PER_MOBILE_DAY` 10, `MALANHUA_CODES_PER_IP_HOUR` 30).
    pub code_limits: CodeLimits,
}

/// Why the configuration could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A variable has a value that cannot be used.
    #[error("{name} is invalid: {reason}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// PostgreSQL mode without a secret.
    #[error(
        "MALANHUA_JWT_SECRET must be set when DATABASE_URL is PostgreSQL (at least 32 characters; \
         for example: openssl rand -hex 32)"
    )]
    MissingSecret,
    /// PostgreSQL mode without a data key.
    #[error(
        "MALANHUA_DATA_KEY must be set when DATABASE_URL is PostgreSQL: 64 hex digits (for example: \
         openssl rand -hex 32); it encrypts resident IDs, so keep it safe and never change it"
    )]
    MissingDataKey,
    /// The generated secret could not be stored.
    #[error("cannot store the generated secret at {path}: {source}")]
    SecretFile {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The default database: an SQLite file under `./data`.
pub const DEFAULT_DATABASE_URL: &str = "data/malanhua.db";

/// Which backend a URL names; anything not `postgres://` is an SQLite path.
pub fn backend_of(url: &str) -> Backend {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") { Backend::Postgres } else { Backend::Sqlite }
}

/// The SQLite file path of a URL (`sqlite://x.db`, `sqlite:x.db` or `x.db`).
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url)
}

impl Config {
    /// Reads the environment. For SQLite without `MALANHUA_JWT_SECRET`, a
    /// secret is generated once into `jwt-secret` beside the database file.
    pub fn from_env() -> Result<Self, ConfigError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = match var("MALANHUA_ADDR") {
            Some(a) => a.parse().map_err(|e| ConfigError::Invalid {
                name: "MALANHUA_ADDR",
                reason: format!("{e} (expected host:port such as 127.0.0.1:8080)"),
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        let database_url = var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        let backend = backend_of(&database_url);
        let jwt_secret = match (var("MALANHUA_JWT_SECRET"), backend) {
            (Some(s), _) if s.len() < 32 => {
                return Err(ConfigError::Invalid {
                    name: "MALANHUA_JWT_SECRET",
                    reason: "must be at least 32 characters".into(),
                });
            }
            (Some(s), _) => Secret::new(s),
            (None, Backend::Postgres) => return Err(ConfigError::MissingSecret),
            (None, Backend::Sqlite) => load_or_create_secret(&secret_path_for(&database_url))?,
        };
        let data_key = match (var("MALANHUA_DATA_KEY"), backend) {
            (Some(k), _) if k.len() != 64 || hex::decode(&k).is_err() => {
                return Err(ConfigError::Invalid { name: "MALANHUA_DATA_KEY", reason: "must be 64 hex digits".into() });
            }
            (Some(k), _) => Secret::new(k),
            (None, Backend::Postgres) => return Err(ConfigError::MissingDataKey),
            (None, Backend::Sqlite) => {
                load_or_create_secret(&secret_path_for(&database_url).with_file_name("data-key"))?
            }
        };
        let number = |name: &'static str, default: i64, min: i64, max: i64| -> Result<i64, ConfigError> {
            match var(name) {
                None => Ok(default),
                Some(v) => v.parse::<i64>().ok().filter(|n| (min..=max).contains(n)).ok_or_else(|| {
                    ConfigError::Invalid { name, reason: format!("expected a whole number from {min} to {max}") }
                }),
            }
        };
        let token_minutes = number("MALANHUA_TOKEN_MINUTES", 120, 1, 24 * 60)?;
        let session_max_minutes = number("MALANHUA_SESSION_MAX_HOURS", 12, 1, 24 * 30)? * 60;
        let pool_size = u32::try_from(number("MALANHUA_DB_POOL", 8, 1, 128)?).unwrap_or(8);
        let pool_wait_secs = u64::try_from(number("MALANHUA_DB_WAIT_SECONDS", 5, 1, 120)?).unwrap_or(5);
        let hash_queue = usize::try_from(number("MALANHUA_HASH_QUEUE", 1024, 1, 100_000)?).unwrap_or(1024);
        let public_url = public_url(var("MALANHUA_PUBLIC_URL"), addr)?;
        let limit = |name: &'static str, default: usize| -> Result<usize, ConfigError> {
            let d = i64::try_from(default).unwrap_or(5);
            Ok(usize::try_from(number(name, d, 1, 100_000)?).unwrap_or(default))
        };
        let d = SigninLimits::default();
        let signin_limits = SigninLimits {
            per_mobile_ip: limit("MALANHUA_SIGNIN_PER_MOBILE_IP", d.per_mobile_ip)?,
            per_mobile: limit("MALANHUA_SIGNIN_PER_MOBILE", d.per_mobile)?,
            per_ip: limit("MALANHUA_SIGNIN_PER_IP", d.per_ip)?,
            overall_per_minute: limit("MALANHUA_SIGNIN_OVERALL_PER_MINUTE", d.overall_per_minute)?,
        };
        let public_per_minute =
            u32::try_from(number("MALANHUA_PUBLIC_PER_MINUTE", 120, 1, 100_000_000)?).unwrap_or(120);
        let objections_per_day = u32::try_from(number("MALANHUA_OBJECTIONS_PER_DAY", 5, 1, 10_000)?).unwrap_or(5);
        let second_officer_above_fen = number("MALANHUA_SECOND_OFFICER_ABOVE_FEN", 200_000, 0, 1_000_000_000_000)?;
        let d = CodeLimits::default();
        let code_limits = CodeLimits {
            per_mobile_per_day: limit("MALANHUA_CODES_PER_MOBILE_DAY", d.per_mobile_per_day)?,
            per_ip_per_hour: limit("MALANHUA_CODES_PER_IP_HOUR", d.per_ip_per_hour)?,
        };
        let sms = sms_config(var, addr)?;
        let flag = |name: &'static str| match var(name).as_deref() {
            None | Some("0" | "false" | "no") => Ok(false),
            Some("1" | "true" | "yes") => Ok(true),
            Some(_) => Err(ConfigError::Invalid { name, reason: "expected 1 or 0".into() }),
        };
        let bench_routes = flag("MALANHUA_BENCH_ROUTES")?;
        let trust_proxy = flag("MALANHUA_TRUST_PROXY")?;
        Ok(Self {
            addr,
            data_key,
            database_url,
            backend,
            jwt_secret,
            token_minutes,
            session_max_minutes,
            pool_size,
            pool_wait_secs,
            hash_queue,
            bench_routes,
            signin_limits,
            public_per_minute,
            objections_per_day,
            second_officer_above_fen,
            trust_proxy,
            static_dir: var("MALANHUA_STATIC_DIR").map(PathBuf::from),
            public_url,
            sms,
            code_limits,
        })
    }

    /// A configuration for the given database with an explicit secret (tests, tools).
    pub fn for_database(database_url: impl Into<String>, jwt_secret: Secret) -> Self {
        let database_url = database_url.into();
        let data_key = {
            use sha2::Digest;
            Secret::new(hex::encode(sha2::Sha256::digest(format!("data-key:{}", jwt_secret.expose()))))
        };
        Self {
            data_key,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            backend: backend_of(&database_url),
            database_url,
            jwt_secret,
            token_minutes: 120,
            session_max_minutes: 12 * 60,
            pool_size: 8,
            pool_wait_secs: 5,
            hash_queue: 1024,
            bench_routes: false,
            signin_limits: SigninLimits::default(),
            public_per_minute: 120,
            objections_per_day: 5,
            second_officer_above_fen: 200_000,
            trust_proxy: false,
            static_dir: None,
            public_url: "http://127.0.0.1:8080".into(),
            sms: None,
            code_limits: CodeLimits::default(),
        }
    }
}

/// The public address: given, or the listen address when that is loopback
/// (a QR code saying `0.0.0.0` reaches nobody). A given one must be an
/// `http://` or `https://` URL; a trailing slash is dropped.
pub fn public_url(given: Option<String>, addr: SocketAddr) -> Result<String, ConfigError> {
    let invalid = |reason: &str| ConfigError::Invalid { name: "MALANHUA_PUBLIC_URL", reason: reason.into() };
    match given {
        Some(url) => {
            let url = url.trim().trim_end_matches('/').to_owned();
            let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
            match host {
                Some(h) if !h.is_empty() && !h.contains(char::is_whitespace) => Ok(url),
                _ => Err(invalid("expected an http:// or https:// address such as https://mlh.example.gov.cn")),
            }
        }
        None if addr.ip().is_loopback() => Ok(format!("http://{addr}")),
        None => Err(invalid(&format!(
            "must be set when listening on {addr}: the address people reach the site at, used in QR codes"
        ))),
    }
}

/// `jwt-secret` in the folder of the SQLite file.
fn secret_path_for(database_url: &str) -> PathBuf {
    let db = Path::new(sqlite_path(database_url));
    db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("jwt-secret")
}

fn load_or_create_secret(path: &Path) -> Result<Secret, ConfigError> {
    let err = |source| ConfigError::SecretFile { path: path.to_owned(), source };
    if let Ok(existing) = std::fs::read_to_string(path)
        && existing.trim().len() >= 32
    {
        return Ok(Secret::new(existing.trim()));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    write_private(path, &secret).map_err(err)?;
    tracing::info!(path = %path.display(), "generated a new token secret");
    Ok(Secret::new(secret))
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    f.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_is_required_off_loopback_and_must_be_a_web_address() {
        let local = SocketAddr::from(([127, 0, 0, 1], 8080));
        let open = SocketAddr::from(([0, 0, 0, 0], 8080));
        assert_eq!(public_url(None, local).ok().as_deref(), Some("http://127.0.0.1:8080"));
        assert!(matches!(public_url(None, open), Err(ConfigError::Invalid { name: "MALANHUA_PUBLIC_URL", .. })));
        assert_eq!(
            public_url(Some("https://mlh.example.gov.cn/".into()), open).ok().as_deref(),
            Some("https://mlh.example.gov.cn")
        );
        assert!(public_url(Some("mlh.example.gov.cn".into()), open).is_err(), "no scheme");
        assert!(public_url(Some("https://".into()), local).is_err(), "no host");
    }

    #[test]
    fn urls_choose_the_backend_by_scheme() {
        assert_eq!(backend_of("postgres://u@h/db"), Backend::Postgres);
        assert_eq!(backend_of("postgresql://u@h/db"), Backend::Postgres);
        assert_eq!(backend_of("data/malanhua.db"), Backend::Sqlite);
        assert_eq!(backend_of("sqlite://data/x.db"), Backend::Sqlite);
        assert_eq!(sqlite_path("sqlite://data/x.db"), "data/x.db");
    }

    #[test]
    fn the_secret_file_sits_beside_the_database() {
        assert_eq!(secret_path_for("data/malanhua.db"), PathBuf::from("data/jwt-secret"));
        assert_eq!(secret_path_for("x.db"), PathBuf::from("./jwt-secret"));
    }

    #[test]
    fn a_generated_secret_is_kept_for_the_next_start() {
        let dir = std::env::temp_dir().join(format!("malanhua-secret-{}", uuid::Uuid::new_v4()));
        let path = dir.join("jwt-secret");
        let first = load_or_create_secret(&path).map(|s| s.expose().to_owned()).ok();
        let second = load_or_create_secret(&path).map(|s| s.expose().to_owned()).ok();
        assert!(first.as_ref().is_some_and(|s| s.len() == 64));
        assert_eq!(first, second);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let config = Config::for_database("x.db", Secret::new("a".repeat(40)));
        assert!(!format!("{config:?}").contains("aaaa"));
    }
}
