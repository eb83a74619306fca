//! Stored responses of write requests sent with an `Idempotency-Key`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::db::DbConn;
use crate::core::db::schema::idempotency_keys;

/// One row of `idempotency_keys`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdemRow {
    /// Whose key: the account id, or `public`.
    pub scope: String,
    /// The client's key, as a keyed hash ([`super::stored_key`]).
    pub key: String,
    /// What was asked: method, path and body.
    pub request_hash: String,
    /// The response status, once answered.
    pub status_code: Option<i32>,
    /// The response body once answered, sealed under a key derived from
    /// the client's key (which is not stored).
    pub body: Option<String>,
    /// When first seen.
    pub created_at: NaiveDateTime,
}

/// Reserves the key; false when it is already taken.
pub fn reserve(conn: &mut DbConn, row: &IdemRow) -> QueryResult<bool> {
    match diesel::insert_into(idempotency_keys::table).values(row).execute(conn) {
        Ok(_) => Ok(true),
        Err(e) if crate::core::db::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Takes over an unanswered key reserved before `stale` for the same
/// request (its first attempt never stored an answer); true when taken.
pub fn take_over(conn: &mut DbConn, row: &IdemRow, stale: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        idempotency_keys::table
            .find((&row.scope, &row.key))
            .filter(idempotency_keys::status_code.is_null())
            .filter(idempotency_keys::request_hash.eq(&row.request_hash))
            .filter(idempotency_keys::created_at.lt(stale)),
    )
    .set(idempotency_keys::created_at.eq(row.created_at))
    .execute(conn)
    .map(|n| n == 1)
}

/// The key's row.
pub fn find(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<Option<IdemRow>> {
    idempotency_keys::table.find((scope, key)).select(IdemRow::as_select()).first(conn).optional()
}

/// Stores the response for the key.
pub fn complete(conn: &mut DbConn, scope: &str, key: &str, status: i32, body: &str) -> QueryResult<usize> {
    diesel::update(idempotency_keys::table.find((scope, key)))
        .set((idempotency_keys::status_code.eq(Some(status)), idempotency_keys::body.eq(Some(body))))
        .execute(conn)
}

/// Frees the key (the request failed on the server and may be retried).
pub fn forget(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.find((scope, key))).execute(conn)
}
