//! The mentor's availability, and the free slots anyone can see.

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::FieldCode;
use malanhua_shared::api::mentors::{AvailabilityInput, Schedule, SlotDay, SlotsQuery, parse_instant};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::MentorId;

use super::decode;
use super::rules;
use super::store::{self as q, OverrideRow, WeeklyRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The mentor's own schedule.
pub async fn mine(state: &AppState, actor: Actor) -> Result<AvailabilityInput, AppError> {
    state
        .db(move |c| {
            let row = q::mentor_of(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            Ok(decode::schedule(c, &row)?.to_input())
        })
        .await
}

/// Replaces the mentor's schedule. Bookings already made stay.
pub async fn set(
    state: &AppState,
    actor: Actor,
    req: AvailabilityInput,
    now: DateTime<Utc>,
) -> Result<AvailabilityInput, AppError> {
    let s = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let mine = q::mentor_of(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            let mut row = q::locked_mentor(c, &mine.id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            authorize(
                &actor,
                Action::ActAsMentor,
                &Resource::User { id: &row.user_id, region: Some(&row.region_code) },
            )?;
            let n = |v: u32| i32::try_from(v).unwrap_or(0);
            row.slot_minutes = n(s.slot_minutes);
            row.buffer_before_minutes = n(s.buffer_before);
            row.buffer_after_minutes = n(s.buffer_after);
            row.min_notice_hours = n(s.min_notice_hours);
            row.horizon_days = n(s.horizon_days);
            row.max_per_day = s.max_per_day.map(n);
            row.max_per_week = s.max_per_week.map(n);
            row.updated_at = naive(now);
            q::save_mentor(c, &row)?;
            let weekly: Vec<WeeklyRow> = s
                .weekly
                .iter()
                .map(|(d, r)| WeeklyRow {
                    id: new_id(),
                    mentor_id: row.id.clone(),
                    weekday: i32::from(*d),
                    start_minute: n(r.start),
                    end_minute: n(r.end),
                })
                .collect();
            let overrides: Vec<OverrideRow> = s
                .overrides
                .iter()
                .map(|(d, r)| OverrideRow {
                    id: new_id(),
                    mentor_id: row.id.clone(),
                    day: *d,
                    start_minute: r.map(|r| n(r.start)),
                    end_minute: r.map(|r| n(r.end)),
                })
                .collect();
            q::replace_schedule(c, &row.id, &weekly, &overrides)?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::SetAvailability,
                    "mentor",
                    row.id.as_str(),
                    format!("{} weekly ranges", weekly.len()),
                ),
                now,
            )?;
            Ok(decode::schedule(c, &row)?.to_input())
        })
        .await
}

/// The free slots of a mentor between two instants (default: the next 14
/// days), by Shanghai day. An inactive mentor has none.
pub async fn slots(
    state: &AppState,
    id: String,
    query: SlotsQuery,
    now: DateTime<Utc>,
) -> Result<Vec<SlotDay>, AppError> {
    let instant = |field: &str, v: &Option<String>| match v.as_deref() {
        None | Some("") => Ok(None),
        Some(t) => parse_instant(t).map(Some).ok_or_else(|| AppError::field(field, FieldCode::InvalidFormat)),
    };
    let from = instant("from", &query.from)?.unwrap_or(now);
    let to = instant("to", &query.to)?.unwrap_or(from + Duration::days(14));
    if to <= from {
        return Err(AppError::field("to", FieldCode::NotInOrder));
    }
    if to - from > Duration::days(62) {
        return Err(AppError::field("to", FieldCode::OutOfRange));
    }
    let id = MentorId::from_raw(id);
    state
        .db(move |c| {
            let row = q::find_mentor(c, &id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            if !rules::bookable(row.status, row.term_to, now) {
                return Err(decode::not_bookable());
            }
            let schedule = decode::schedule(c, &row)?;
            let busy = decode::busy(c, &row, from, now, None)?;
            Ok(rules::free_slots(&schedule, &busy, now, from, to))
        })
        .await
}

/// The soonest free slot of a mentor within their horizon.
pub fn next_free(
    c: &mut crate::core::db::DbConn,
    row: &q::MentorRow,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, AppError> {
    let schedule = decode::schedule(c, row)?;
    if schedule.weekly.is_empty() && schedule.overrides.is_empty() {
        return Ok(None);
    }
    Ok(soonest_free(&schedule, &decode::busy(c, row, now, now, None)?, now))
}

/// The soonest free slot of a schedule, given what is busy, within its horizon.
pub fn soonest_free(schedule: &Schedule, busy: &[rules::Busy], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let to = now + Duration::days(i64::from(schedule.horizon_days.min(62)));
    rules::first_free(schedule, busy, now, now, to)
}
