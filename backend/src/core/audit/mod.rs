//! Writing audit entries inside the use case's transaction.

use chrono::{DateTime, Utc};
use malanhua_shared::UserId;
use malanhua_shared::audit::AuditAction;

use crate::core::audit::store::{AuditRow, append};
use crate::core::db::{DbConn, new_id};

/// One audit entry to write.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Who acted (`None`: the system or an anonymous caller).
    pub actor: Option<&'a UserId>,
    /// What was done.
    pub action: AuditAction,
    /// Kind of entity.
    pub entity_type: &'a str,
    /// Its id.
    pub entity_id: &'a str,
    /// Short summary, free of secrets and full resident IDs.
    pub summary: String,
    /// Why, if a reason was given.
    pub reason: Option<String>,
}

impl<'a> Entry<'a> {
    /// An entry by `actor` about one entity, without a reason.
    pub fn by(
        actor: &'a UserId,
        action: AuditAction,
        entity_type: &'a str,
        entity_id: &'a str,
        summary: impl Into<String>,
    ) -> Self {
        Entry { actor: Some(actor), action, entity_type, entity_id, summary: summary.into(), reason: None }
    }

    /// The same entry with the reason given (if any).
    pub fn because(self, reason: Option<String>) -> Self {
        Entry { reason, ..self }
    }
}

/// Appends the entry at `now`.
pub fn record(conn: &mut DbConn, entry: Entry<'_>, now: DateTime<Utc>) -> diesel::QueryResult<()> {
    append(
        conn,
        &AuditRow {
            id: new_id(),
            actor_id: entry.actor.cloned(),
            action: entry.action,
            entity_type: entry.entity_type.to_owned(),
            entity_id: entry.entity_id.to_owned(),
            at: crate::core::naive(now),
            summary: entry.summary,
            reason: entry.reason,
        },
    )
}

pub mod store;
