//! The one-click notification of a listed person: the row is decided again
//! as it stands, the officer must serve its region, and the person's
//! notification row is claimed by a guarded update, so nobody hears from
//! the list twice within [`QUIET_DAYS`] days, even when two officers click
//! at once.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::outreach::{NudgeInput, OutreachReason, OutreachRow, QUIET_DAYS};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::{CertificateNumber, NotificationId};

use super::{rows, rules, store as q};
use crate::certificates::store as cq;
use crate::classes::store::{NotificationRow, notify};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Notifies the person of a row; returns the row as it now stands.
pub async fn nudge(
    state: &AppState,
    actor: Actor,
    input: NudgeInput,
    now: DateTime<Utc>,
) -> Result<OutreachRow, AppError> {
    state
        .write(move |c| {
            let Some(mut row) = rows::find(c, input.reason, input.subject.trim(), now)? else {
                return Err(AppError::new(
                    ErrorCode::WrongState,
                    "this person is no longer on the list for this reason (claimed, checked or expired)",
                ));
            };
            authorize(&actor, Action::ReachOut, &Resource::Region(&row.region))?;
            let quiet_from = naive(rules::quiet_from(now));
            if !q::claim_nudge(c, &row.user_id, row.reason, &row.subject, &actor.user_id, naive(now), quiet_from)? {
                let last = q::last_nudge(c, &row.user_id)?.map(utc);
                let until = rules::quiet_until(last, now).unwrap_or(now);
                return Err(AppError::new(
                    ErrorCode::RecentlyNotified,
                    format!("this person was notified within the last {QUIET_DAYS} days; the next notice may go from {until}"),
                ));
            }
            let class_id = match row.reason {
                OutreachReason::DeclarationWaiting => None,
                _ => cq::by_number(c, &CertificateNumber::from_raw(row.subject.clone()))?.map(|cert| cert.class_id),
            };
            notify(
                c,
                &[NotificationRow {
                    id: NotificationId::from_raw(new_id()),
                    user_id: row.user_id.clone(),
                    kind: rules::notification_of(row.reason),
                    class_id,
                    reason: None,
                    created_at: naive(now),
                    read_at: None,
                    subject_id: Some(row.subject.clone()),
                }],
            )?;
            let summary = format!("{} {}", row.reason.as_str(), row.subject);
            audit::record(c, Entry::by(&actor.user_id, AuditAction::NudgePerson, "user", row.user_id.as_str(), summary), now)?;
            row.nudged_at = Some(now);
            row.quiet_until = rules::quiet_until(row.nudged_at, now);
            Ok(row)
        })
        .await
}
