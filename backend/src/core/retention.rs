//! Keeping personal data no longer than it serves (PIPL): ended sessions,
//! sign-in and check-in failures, idempotency records (sealed first answers)
//! and read notifications are deleted once their period is over.
//! Runs with the background job; what the law or the money requires keeping
//! (accounts, certificates, claims, payments, the audit log) is not touched.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::core::db::DbConn;
use crate::core::db::schema::{
    checkin_failures, idempotency_keys, login_failures, notifications, role_invitations, sessions, sms_codes,
    sms_outbox,
};
use crate::core::naive;

/// How long each kind of record is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// A session after it expired or was ended.
    pub sessions: Duration,
    /// A failed sign-in (the throttle looks back 15 minutes).
    pub login_failures: Duration,
    /// Wrong check-in codes (a class session lasts a day at most).
    pub checkin_failures: Duration,
    /// An idempotency record (clients retry within minutes).
    pub idempotency: Duration,
    /// A notification after it was read.
    pub read_notifications: Duration,
    /// A one-time code, and a message in the development outbox (the
    /// limits look back a day).
    pub sms: Duration,
    /// A staff offer after it lapsed unaccepted.
    pub lapsed_invitations: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            sessions: Duration::days(30),
            login_failures: Duration::days(1),
            checkin_failures: Duration::days(7),
            idempotency: Duration::hours(24),
            read_notifications: Duration::days(180),
            sms: Duration::days(2),
            lapsed_invitations: Duration::days(90),
        }
    }
}

/// Deletes what is past its period at `now`; returns rows deleted.
pub fn purge(c: &mut DbConn, keep: Retention, now: DateTime<Utc>) -> QueryResult<usize> {
    let before = |d: Duration| naive(now - d);
    let ended = before(keep.sessions);
    let mut n =
        diesel::delete(sessions::table.filter(sessions::expires_at.lt(ended).or(sessions::revoked_at.lt(ended))))
            .execute(c)?;
    n += diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(before(keep.login_failures))))
        .execute(c)?;
    n += diesel::delete(checkin_failures::table.filter(checkin_failures::last_at.lt(before(keep.checkin_failures))))
        .execute(c)?;
    n += diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before(keep.idempotency))))
        .execute(c)?;
    n += diesel::delete(notifications::table.filter(notifications::read_at.lt(before(keep.read_notifications))))
        .execute(c)?;
    n += diesel::delete(sms_codes::table.filter(sms_codes::created_at.lt(before(keep.sms)))).execute(c)?;
    n += diesel::delete(sms_outbox::table.filter(sms_outbox::created_at.lt(before(keep.sms)))).execute(c)?;
    n += diesel::delete(
        role_invitations::table
            .filter(role_invitations::accepted_at.is_null())
            .filter(role_invitations::expires_at.lt(before(keep.lapsed_invitations))),
    )
    .execute(c)?;
    if n > 0 {
        tracing::info!(deleted = n, "retention purge");
    }
    Ok(n)
}
