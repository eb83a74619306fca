//! Sign-in sessions (so a token can be revoked) and failed sign-in attempts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::{SessionId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{login_failures, sessions};

/// One row of `sessions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    /// Session id, the token's `sid`.
    pub id: SessionId,
    /// The person.
    pub user_id: UserId,
    /// Signed in at (UTC).
    pub created_at: NaiveDateTime,
    /// The token's expiry (UTC).
    pub expires_at: NaiveDateTime,
    /// Signed out at (UTC).
    pub revoked_at: Option<NaiveDateTime>,
}

/// Records a new session.
pub fn insert(conn: &mut DbConn, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn).map(|_| ())
}

/// The session, if it exists.
pub fn find(conn: &mut DbConn, id: &SessionId) -> QueryResult<Option<SessionRow>> {
    sessions::table.find(id).select(SessionRow::as_select()).first(conn).optional()
}

/// Ends a session that is still open; returns rows changed.
pub fn revoke(conn: &mut DbConn, id: &SessionId, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id).filter(sessions::revoked_at.is_null()))
        .set(sessions::revoked_at.eq(Some(at)))
        .execute(conn)
}

/// Failures since `since` (oldest first) of this mobile from any address,
/// and from this address for any mobile: (address, mobile, when).
pub fn failures_since(
    conn: &mut DbConn,
    mobile: &str,
    ip: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<(String, String, NaiveDateTime)>> {
    login_failures::table
        .filter(login_failures::mobile.eq(mobile).or(login_failures::ip.eq(ip)))
        .filter(login_failures::failed_at.gt(since))
        .order(login_failures::failed_at.asc())
        .select((login_failures::ip, login_failures::mobile, login_failures::failed_at))
        .load(conn)
}

/// Records an attempt as failed, before the password is checked: parallel
/// guesses all count, and a success takes its own row back.
pub fn record_failure(conn: &mut DbConn, id: &str, mobile: &str, ip: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(id),
            login_failures::mobile.eq(mobile),
            login_failures::ip.eq(ip),
            login_failures::failed_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Ends every open session of the person but `except`; returns how many.
pub fn revoke_all(
    conn: &mut DbConn,
    user: &UserId,
    except: Option<&SessionId>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let mut q = diesel::update(sessions::table)
        .filter(sessions::user_id.eq(user))
        .filter(sessions::revoked_at.is_null())
        .into_boxed();
    if let Some(keep) = except {
        q = q.filter(sessions::id.ne(keep));
    }
    q.set(sessions::revoked_at.eq(Some(at))).execute(conn)
}

/// The person's sessions still open at `now`, newest first.
pub fn open_of(conn: &mut DbConn, user: &UserId, now: NaiveDateTime) -> QueryResult<Vec<SessionRow>> {
    sessions::table
        .filter(sessions::user_id.eq(user))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .order(sessions::created_at.desc())
        .select(SessionRow::as_select())
        .load(conn)
}

/// Takes back one recorded attempt (it was never checked).
pub fn forget_attempt(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.find(id)).execute(conn)
}

/// Forgets the failures of a mobile after a successful sign-in.
pub fn clear_failures(conn: &mut DbConn, mobile: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::mobile.eq(mobile))).execute(conn)
}
