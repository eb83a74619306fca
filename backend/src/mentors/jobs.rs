//! The mentor library's background work, inside the server: expiring
//! unanswered requests and sending reminders a day ahead. Each due row is
//! claimed by a guarded update in the same transaction as its notification
//! (and on PostgreSQL selected `FOR UPDATE SKIP LOCKED`), so a restart never
//! sends twice and several instances on one database never send the same
//! reminder. Expiry is also applied whenever a request is read or booked.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::api::mentors::AppointmentStatus;
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::ids::MentorId;

use super::decode::{self, note};
use super::store as q;
use crate::classes::store::notify;
use crate::core::audit::{self, Entry};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Expires pending requests past their deadline (of one mentor, or all):
/// frees their time and tells both sides. Returns how many.
pub fn expire_due(c: &mut DbConn, mentor: Option<&MentorId>, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut n = 0;
    for a in q::due_expiries(c, mentor, naive(now))? {
        if q::set_status(c, &a.id, AppointmentStatus::Pending, AppointmentStatus::Expired, None, None, naive(now))? != 1
        {
            continue;
        }
        q::free(c, a.id.as_str())?;
        let mentor_user = q::find_mentor(c, &a.mentor_id)?.map(|m| m.user_id);
        let mut notes =
            vec![note(&a.trainee_id, NotificationKind::AppointmentExpired, a.id.as_str(), None, utc(a.expires_at))];
        if let Some(m) = mentor_user {
            notes.push(note(&m, NotificationKind::AppointmentExpired, a.id.as_str(), None, utc(a.expires_at)));
        }
        notify(c, &notes)?;
        audit::record(
            c,
            Entry {
                actor: None,
                action: AuditAction::ExpireAppointment,
                entity_type: "appointment",
                entity_id: a.id.as_str(),
                summary: a.topic.clone(),
                reason: None,
            },
            now,
        )?;
        n += 1;
    }
    Ok(n)
}

/// Ends the terms that are over: each mentor's calendar is closed as if removed.
pub fn expire_terms(c: &mut DbConn, now: DateTime<Utc>) -> Result<usize, AppError> {
    let today = malanhua_shared::course::shanghai_date(now);
    let mut n = 0;
    for m in q::past_term(c, today)? {
        let status = malanhua_shared::api::mentors::MentorStatus::Expired;
        if q::set_mentor_status(c, &m.id, m.status, status, Some("聘期届满"), None, naive(now))? == 1 {
            super::lifecycle::close_calendar(c, &m, "聘期届满 (term ended)", None, now)?;
            notify(c, &[note(&m.user_id, NotificationKind::MentorExpired, m.id.as_str(), None, now)])?;
            audit::record(
                c,
                Entry {
                    actor: None,
                    action: AuditAction::ExpireMentor,
                    entity_type: "mentor",
                    entity_id: m.id.as_str(),
                    summary: m.real_name.clone(),
                    reason: None,
                },
                now,
            )?;
            n += 1;
        }
    }
    Ok(n)
}

/// Sends the reminders that are due: each appointment and seat once.
pub fn remind_due(c: &mut DbConn, now: DateTime<Utc>) -> Result<usize, AppError> {
    // The widest window any policy allows; each row is then held to its region's hours.
    let until = now + Duration::hours(168);
    let mut n = 0;
    let due = match c {
        DbConn::Postgres(pg) => skip_locked_appointments(pg, naive(now), naive(until))?,
        DbConn::Sqlite(_) => q::due_reminders(c, naive(now), naive(until))?,
    };
    for a in due {
        let Some(m) = q::find_mentor(c, &a.mentor_id)? else { continue };
        if !within_reminder(c, &m, utc(a.starts_at), now)? {
            continue;
        }
        if q::claim_reminder(c, &a.id, naive(now))? == 1 {
            let mentor = Some(m.user_id);
            let mut notes = vec![note(&a.trainee_id, NotificationKind::AppointmentReminder, a.id.as_str(), None, now)];
            if let Some(m) = mentor {
                notes.push(note(&m, NotificationKind::AppointmentReminder, a.id.as_str(), None, now));
            }
            notify(c, &notes)?;
            n += 1;
        }
    }
    for (seat, group) in q::due_seat_reminders(c, naive(now), naive(until))? {
        let Some(m) = q::find_mentor(c, &group.mentor_id)? else { continue };
        if !within_reminder(c, &m, utc(group.starts_at), now)? {
            continue;
        }
        if q::claim_seat_reminder(c, &seat.id, naive(now))? == 1 {
            notify(c, &[note(&seat.user_id, NotificationKind::GroupSessionReminder, group.id.as_str(), None, now)])?;
            n += 1;
        }
    }
    Ok(n)
}

fn within_reminder(
    c: &mut DbConn,
    m: &q::MentorRow,
    starts: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let hours = decode::policy(c, &m.region_code, now)?.reminder_hours;
    Ok(starts <= now + Duration::hours(i64::from(hours)))
}

/// On PostgreSQL the due rows are locked as they are read, skipping rows
/// another instance holds, so two instances never work on the same row.
fn skip_locked_appointments(
    pg: &mut diesel::PgConnection,
    now: chrono::NaiveDateTime,
    until: chrono::NaiveDateTime,
) -> Result<Vec<q::AppointmentRow>, AppError> {
    use crate::core::db::schema::appointments as t;
    use diesel::prelude::*;
    Ok(t::table
        .filter(t::status.eq(AppointmentStatus::Confirmed))
        .filter(t::reminded_at.is_null())
        .filter(t::starts_at.gt(now))
        .filter(t::starts_at.le(until))
        .limit(500)
        .for_update()
        .skip_locked()
        .select(q::AppointmentRow::as_select())
        .load(pg)?)
}

/// One pass of the job, each part in its own transaction: requests
/// expired, terms ended, reminders sent, fee lines drafted and follow-ups
/// after training sent (counted), then
/// the retention purge.
pub async fn tick(state: &AppState) -> Result<usize, AppError> {
    let now = state.now();
    let expired = state.write(move |c| expire_due(c, None, now)).await?;
    let terms = state.write(move |c| expire_terms(c, now)).await?;
    let reminded = state.write(move |c| remind_due(c, now)).await?;
    let drafted = state.write(move |c| crate::fees::draft_last_month(c, now)).await?;
    let followed = state.write(move |c| crate::statistics::follow_ups::send_due(c, now)).await?;
    let keep = crate::core::retention::Retention::default();
    state.write(move |c| Ok(crate::core::retention::purge(c, keep, now)?)).await?;
    Ok(expired + terms + reminded + drafted + followed)
}

/// Runs the job every `every` until the server stops.
pub fn spawn(state: Arc<AppState>, every: StdDuration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(e) = tick(&state).await {
                tracing::warn!(error = %e.message, "mentor job");
            }
        }
    })
}
