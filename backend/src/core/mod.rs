//! Plumbing every feature uses: state and clock, the database (pool,
//! `write_tx`, schema), HTTP helpers (reply, actor, idempotency),
//! authorization, the audit log, regions, the SPA and meta routes.

pub mod audit;
pub mod authorization;
pub mod clock;
pub mod db;
pub mod error;
pub mod http;
pub mod idempotency;
pub mod meta;
pub mod regions;
pub mod spa;
pub mod state;

use chrono::{DateTime, NaiveDateTime, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::course::CourseKind;

use crate::core::error::AppError;

/// A region code read from storage (a bad one is a server error).
pub fn region(code: &str) -> Result<RegionCode, AppError> {
    RegionCode::parse(code).map_err(|_| AppError::internal(format!("bad region code in storage: {code}")))
}

/// A course kind read from storage (a bad one is a server error).
pub fn kind_of(name: &str) -> Result<CourseKind, AppError> {
    CourseKind::from_name(name).ok_or_else(|| AppError::internal(format!("bad course kind in storage: {name}")))
}

/// Storage form of an instant (naive UTC).
pub fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// An instant from its storage form.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}
