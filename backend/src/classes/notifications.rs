//! In-app notifications.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::Notification;
use malanhua_shared::ids::NotificationId;

use crate::classes::store::{self as q};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// The person's notifications, newest first.
pub async fn notifications(state: &AppState, actor: Actor) -> Result<Vec<Notification>, AppError> {
    state
        .db(move |c| {
            Ok(q::notifications_of(c, &actor.user_id)?
                .into_iter()
                .map(|(n, title, appointment, group)| Notification {
                    id: n.id,
                    kind: n.kind,
                    class_id: n.class_id,
                    class_title: title,
                    reason: n.reason,
                    subject_id: n.subject_id,
                    subject_title: appointment.or(group),
                    created_at: utc(n.created_at),
                    read_at: n.read_at.map(utc),
                })
                .collect())
        })
        .await
}

/// Marks one of the person's notifications read.
pub async fn mark_read(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<(), AppError> {
    let id = NotificationId::from_raw(id);
    state
        .write(move |c| match q::mark_read(c, &actor.user_id, &id, naive(now))? {
            1 => Ok(()),
            _ => Err(AppError::not_found("unread notification")),
        })
        .await
}
