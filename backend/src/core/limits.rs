//! Request limits per client address for what anyone may call without
//! signing in: certificate verification, the public lists, and objections.
//! A fixed window per key, by the app's clock, in this process's memory (so
//! per instance when several serve one database); over the limit is 429
//! `too_many_attempts` with `Retry-After`.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::ErrorCode;

use crate::core::error::AppError;

/// What a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Verification and the public lists, per address.
    Public,
    /// Objections, per address.
    Objection,
    /// Objections, per claim (whoever sends them).
    ObjectionToClaim,
}

/// One fixed window: at most `max` hits per key within `span`.
#[derive(Debug)]
pub struct Window {
    max: u32,
    span: Duration,
    hits: Mutex<HashMap<String, (DateTime<Utc>, u32)>>,
}

/// Keys kept before expired windows are swept.
const SWEEP_AT: usize = 10_000;

impl Window {
    /// `max` hits per `span`.
    pub fn new(max: u32, span: Duration) -> Self {
        Self { max, span, hits: Mutex::new(HashMap::new()) }
    }

    /// Counts one hit for `key` at `now`; the seconds to wait when over.
    pub fn hit(&self, key: &str, now: DateTime<Utc>) -> Result<(), u64> {
        let Ok(mut hits) = self.hits.lock() else { return Ok(()) };
        if hits.len() >= SWEEP_AT {
            let span = self.span;
            hits.retain(|_, (start, _)| now < *start + span);
        }
        let entry = hits.entry(key.to_owned()).or_insert((now, 0));
        if now >= entry.0 + self.span {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            let wait = (entry.0 + self.span - now).num_seconds().max(1);
            return Err(u64::try_from(wait).unwrap_or(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// The windows of every bucket.
#[derive(Debug)]
pub struct Limits {
    public: Window,
    objection: Window,
    objection_to_claim: Window,
}

impl Limits {
    /// Public calls per minute and objections per day, per address; ten
    /// times the objections per day to any one claim.
    pub fn new(public_per_minute: u32, objections_per_day: u32) -> Self {
        Self {
            public: Window::new(public_per_minute, Duration::minutes(1)),
            objection: Window::new(objections_per_day, Duration::days(1)),
            objection_to_claim: Window::new(objections_per_day.saturating_mul(10), Duration::days(1)),
        }
    }

    /// Counts one request against `bucket` for `key`, or 429.
    pub fn check(&self, bucket: Bucket, key: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let window = match bucket {
            Bucket::Public => &self.public,
            Bucket::Objection => &self.objection,
            Bucket::ObjectionToClaim => &self.objection_to_claim,
        };
        window.hit(key, now).map_err(|secs| {
            tracing::warn!(?bucket, "request limit reached");
            AppError {
                retry_after: Some(secs),
                ..AppError::new(ErrorCode::TooManyAttempts, "too many requests; wait before trying again")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).single().unwrap_or_default() + Duration::seconds(secs)
    }

    #[test]
    fn a_key_is_refused_past_its_limit_until_its_window_ends() {
        let w = Window::new(3, Duration::minutes(1));
        assert!((0..3).all(|i| w.hit("203.0.113.9", at(i)).is_ok()));
        assert_eq!(w.hit("203.0.113.9", at(20)), Err(40), "the window began at second 0");
        assert!(w.hit("198.51.100.7", at(20)).is_ok(), "another address has its own window");
        assert!(w.hit("203.0.113.9", at(60)).is_ok(), "a new window");
    }

    #[test]
    fn objections_to_one_claim_are_limited_whoever_sends_them() {
        let l = Limits::new(100, 1);
        assert!(l.check(Bucket::Objection, "a", at(0)).is_ok());
        let e = l.check(Bucket::Objection, "a", at(1)).err();
        assert_eq!(e.map(|e| (e.code, e.retry_after.is_some())), Some((ErrorCode::TooManyAttempts, true)));
        assert!((0..10).all(|_| l.check(Bucket::ObjectionToClaim, "claim", at(2)).is_ok()));
        assert!(l.check(Bucket::ObjectionToClaim, "claim", at(3)).is_err());
    }
}
