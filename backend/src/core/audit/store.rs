//! The append-only audit log (the database refuses updates and deletes).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::UserId;
use malanhua_shared::audit::AuditAction;

use crate::core::db::DbConn;
use crate::core::db::schema::{app_meta, audit_log};

/// One row of `audit_log`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    /// Entry id (time-ordered).
    pub id: String,
    /// Who acted; `None` for the system or an anonymous caller.
    pub actor_id: Option<UserId>,
    /// What was done (`account.register`).
    pub action: AuditAction,
    /// The kind of thing changed (`user`, `institution`, `session`).
    pub entity_type: String,
    /// Its id.
    pub entity_id: String,
    /// When (UTC).
    pub at: NaiveDateTime,
    /// A short human summary, free of full resident IDs and secrets.
    pub summary: String,
    /// Why, when a reason was given.
    pub reason: Option<String>,
}

/// Appends one entry.
pub fn append(conn: &mut DbConn, row: &AuditRow) -> QueryResult<()> {
    diesel::insert_into(audit_log::table).values(row).execute(conn).map(|_| ())
}

/// Entries about one entity, oldest first.
pub fn for_entity(conn: &mut DbConn, entity_type: &str, entity_id: &str) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .filter(audit_log::entity_type.eq(entity_type))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::id.asc())
        .select(AuditRow::as_select())
        .load(conn)
}

/// A value from `app_meta`.
pub fn meta(conn: &mut DbConn, key: &str) -> QueryResult<Option<String>> {
    app_meta::table.find(key).select(app_meta::value).first(conn).optional()
}

/// Sets a value in `app_meta` (the key must be new).
pub fn insert_meta(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    diesel::insert_into(app_meta::table)
        .values((app_meta::key.eq(key), app_meta::value.eq(value)))
        .execute(conn)
        .map(|_| ())
}
