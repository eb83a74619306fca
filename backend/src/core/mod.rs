//! Plumbing every feature uses: state and clock, the database (pool,
//! `write_tx`, schema), HTTP helpers (reply, actor, idempotency),
//! authorization, the audit log, regions, the SPA and meta routes.

pub mod audit;
pub mod authorization;
pub mod calendar;
pub mod calls;
pub mod clock;
pub mod compress;
pub mod csv;
pub mod db;
pub mod deep_links;
pub mod error;
pub mod headers;
pub mod http;
pub mod idempotency;
pub mod kept;
pub mod limits;
pub mod meta;
pub mod public_pages;
pub mod regions;
pub mod retention;
pub mod shell;
pub mod spa;
pub mod state;

use chrono::{DateTime, NaiveDateTime, Utc};

/// Storage form of an instant (naive UTC).
pub fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// An instant from its storage form.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}
