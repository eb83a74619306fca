//! Sign-in sessions (so a token can be revoked), failed sign-in attempts
//! and the locks on mobiles that reached the per-mobile limit.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::{SessionId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{login_failures, sessions, signin_locks};

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
    /// The browser's `User-Agent` at sign-in, trimmed.
    pub user_agent: Option<String>,
    /// The client's address at sign-in.
    pub ip: Option<String>,
}

/// Where a session is opened from, as the sessions list shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Device {
    /// The `User-Agent`, at most [`USER_AGENT_CHARS`] characters.
    pub user_agent: Option<String>,
    /// The client's address.
    pub ip: Option<String>,
}

/// The longest `User-Agent` kept.
pub const USER_AGENT_CHARS: usize = 200;

impl Device {
    /// The device of a request: its `User-Agent` (trimmed, control
    /// characters dropped, cut to [`USER_AGENT_CHARS`]) and address.
    pub fn new(user_agent: Option<&str>, ip: &str) -> Self {
        let user_agent = user_agent
            .map(|ua| ua.chars().filter(|c| !c.is_control()).take(USER_AGENT_CHARS).collect::<String>())
            .map(|ua| ua.trim().to_owned())
            .filter(|ua| !ua.is_empty());
        let ip = Some(ip.trim().to_owned()).filter(|ip| !ip.is_empty());
        Self { user_agent, ip }
    }
}

/// Records a new session.
pub fn insert(conn: &mut DbConn, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn).map(|_| ())
}

/// The session, if it exists.
pub fn find(conn: &mut DbConn, id: &SessionId) -> QueryResult<Option<SessionRow>> {
    sessions::table.find(id).select(SessionRow::as_select()).first(conn).optional()
}

/// Moves the expiry of a session still open at `now` to `until`; returns
/// rows changed (0 when it was revoked or had expired meanwhile).
pub fn renew(conn: &mut DbConn, id: &SessionId, now: NaiveDateTime, until: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id).filter(sessions::revoked_at.is_null()).filter(sessions::expires_at.gt(now)))
        .set(sessions::expires_at.eq(until))
        .execute(conn)
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

/// The newest failures of the whole instance since `since`, at most `max`,
/// oldest first: what the overall limit counts.
pub fn all_failures_since(conn: &mut DbConn, since: NaiveDateTime, max: usize) -> QueryResult<Vec<NaiveDateTime>> {
    let mut newest: Vec<NaiveDateTime> = login_failures::table
        .filter(login_failures::failed_at.gt(since))
        .order(login_failures::failed_at.desc())
        .limit(i64::try_from(max).unwrap_or(i64::MAX))
        .select(login_failures::failed_at)
        .load(conn)?;
    newest.reverse();
    Ok(newest)
}

/// Whether the mobile is locked.
pub fn is_locked(conn: &mut DbConn, mobile: &str) -> QueryResult<bool> {
    signin_locks::table.find(mobile).select(signin_locks::mobile).first::<String>(conn).optional().map(|m| m.is_some())
}

/// Locks the mobile (called under the mobile's lock, once it is not).
pub fn lock(conn: &mut DbConn, mobile: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(signin_locks::table)
        .values((signin_locks::mobile.eq(mobile), signin_locks::locked_at.eq(at)))
        .execute(conn)
        .map(|_| ())
}

/// Lifts the lock of a mobile its owner has just proved by SMS code.
pub fn unlock(conn: &mut DbConn, mobile: &str) -> QueryResult<usize> {
    diesel::delete(signin_locks::table.find(mobile)).execute(conn)
}
