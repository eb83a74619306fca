//! Use cases: one function each. Load, ask `domain`, persist and audit in
//! one transaction.

pub mod accounts;
pub mod admin;
pub mod audit;
pub mod certificates;
pub mod classes;
pub mod idempotency;
pub mod passwords;
pub mod regions;
pub mod seed;
pub mod subsidies;
pub mod tokens;

use chrono::{DateTime, NaiveDateTime, Utc};

/// Storage form of an instant (naive UTC).
pub fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// An instant from its storage form.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}
