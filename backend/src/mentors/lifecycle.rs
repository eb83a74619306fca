//! A mentor leaving the library (suspended, removed, term over): in the same
//! transaction their pending requests are declined with the reason, their
//! confirmed future appointments and group sessions are cancelled, the time
//! is freed and the people are told.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::{AppointmentStatus, GroupStatus};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::ids::UserId;

use super::decode::note;
use super::rules::{self, AppointmentEvent};
use super::store::{self as q, MentorRow};
use crate::classes::store::notify;
use crate::core::audit::{self, Entry};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::{naive, utc};

/// Closes the mentor's calendar; returns how many bookings it called off.
pub fn close_calendar(
    c: &mut DbConn,
    mentor: &MentorRow,
    reason: &str,
    by: Option<&UserId>,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut closed = 0;
    for a in q::live_of_mentor(c, &mentor.id, naive(now))? {
        let Ok(to) =
            rules::appointment_transition(a.status, AppointmentEvent::MentorInactive, utc(a.starts_at), now, 0)
        else {
            continue;
        };
        if q::set_status(c, &a.id, a.status, to, Some(reason), by, naive(now))? == 1 {
            q::free(c, a.id.as_str())?;
            let kind = if to == AppointmentStatus::Declined {
                NotificationKind::AppointmentDeclined
            } else {
                NotificationKind::AppointmentCancelled
            };
            notify(c, &[note(&a.trainee_id, kind, a.id.as_str(), Some(reason), now)])?;
            let action = if to == AppointmentStatus::Declined {
                AuditAction::DeclineAppointment
            } else {
                AuditAction::CancelAppointment
            };
            audit::record(
                c,
                Entry {
                    actor: by,
                    action,
                    entity_type: "appointment",
                    entity_id: a.id.as_str(),
                    summary: a.topic.clone(),
                    reason: Some(reason.to_owned()),
                },
                now,
            )?;
            closed += 1;
        }
    }
    for g in q::open_groups_of(c, &mentor.id, naive(now))? {
        if g.status != GroupStatus::Open || utc(g.starts_at) <= now {
            continue;
        }
        closed += cancel_group_session(c, &g, reason, by, now)?;
    }
    Ok(closed)
}

/// Calls a group session off: its seats and places are cancelled, its time
/// freed, its people told. Returns 1 when it was open.
pub fn cancel_group_session(
    c: &mut DbConn,
    g: &q::GroupRow,
    reason: &str,
    by: Option<&UserId>,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    if q::cancel_group(c, &g.id, reason)? == 0 {
        return Ok(0);
    }
    q::free(c, g.id.as_str())?;
    let people = q::cancel_seats(c, &g.id, naive(now))?;
    let notes: Vec<_> = people
        .iter()
        .map(|p| note(p, NotificationKind::GroupSessionCancelled, g.id.as_str(), Some(reason), now))
        .collect();
    notify(c, &notes)?;
    audit::record(
        c,
        Entry {
            actor: by,
            action: AuditAction::CancelGroupSession,
            entity_type: "group_session",
            entity_id: g.id.as_str(),
            summary: g.topic.clone(),
            reason: Some(reason.to_owned()),
        },
        now,
    )?;
    Ok(1)
}
