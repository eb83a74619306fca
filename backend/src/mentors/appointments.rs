//! One-to-one appointments (预约服务): request, confirm or decline, cancel,
//! reschedule. Every rule is the server's: notice, horizon, hours, buffers,
//! limits, the person's own calendar and their open requests; the mentor's
//! row lock decides one booking at a time, and the occupancy blocks (and on
//! PostgreSQL the exclusion constraints) turn any overlap that got past it
//! into 409, never 500.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::mentors::{Appointment, AppointmentStatus, BookRequest, RescheduleRequest, parse_instant};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::ids::{AppointmentId, MentorId};
use malanhua_shared::{ErrorCode, FieldCode};

use super::decode::{self, note};
use super::jobs::expire_due;
use super::rules::{self, AppointmentEvent};
use super::store::{self as q, AppointmentRow, Calendar, MentorRow};
use crate::classes::store::notify;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

fn overlap_error(e: diesel::result::Error, person: bool) -> AppError {
    let exclusion = match &e {
        diesel::result::Error::DatabaseError(_, info) => info.constraint_name().map(str::to_owned),
        _ => None,
    };
    match exclusion.as_deref() {
        Some(name) if name.ends_with("no_overlap") => {
            if name.contains("trainee") {
                trainee_overlap()
            } else {
                taken()
            }
        }
        _ if is_unique_violation(&e) => {
            if person {
                trainee_overlap()
            } else {
                taken()
            }
        }
        _ => e.into(),
    }
}

fn taken() -> AppError {
    AppError::new(ErrorCode::SlotTaken, "someone else holds this time")
}

/// 409: the person holds an appointment or a group place at this time.
pub fn trainee_overlap() -> AppError {
    AppError::new(ErrorCode::TraineeOverlap, "you already hold an appointment at this time")
}

/// Puts an appointment on both calendars, or fails as a conflict.
fn occupy(c: &mut DbConn, a: &AppointmentRow) -> Result<(), AppError> {
    let blocks = rules::blocks(utc(a.starts_at), utc(a.ends_at));
    q::occupy(c, Calendar::Mentor, a.mentor_id.as_str(), a.id.as_str(), &blocks)
        .map_err(|e| overlap_error(e, false))?;
    q::occupy(c, Calendar::Person, a.trainee_id.as_str(), a.id.as_str(), &blocks)
        .map_err(|e| overlap_error(e, true))?;
    Ok(())
}

/// 409 `trainee_overlap` when the person holds an appointment (other than
/// `except`) or a group place overlapping the range.
pub fn refuse_person_overlap(
    c: &mut DbConn,
    person: &malanhua_shared::ids::UserId,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    except: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mine = q::live_of_person_overlapping(c, person, naive(starts), naive(ends))?;
    let held = mine.iter().any(|a| {
        Some(a.id.as_str()) != except && rules::holds_time(rules::appointment_status(a.status, utc(a.expires_at), now))
    });
    if held || q::places_overlapping(c, person, naive(starts), naive(ends))? > 0 {
        return Err(trainee_overlap());
    }
    Ok(())
}

/// Checks a requested start for this mentor and person; returns the slot.
fn check_time(
    c: &mut DbConn,
    mentor: &MentorRow,
    a_person: &malanhua_shared::ids::UserId,
    start: DateTime<Utc>,
    except: Option<&str>,
    now: DateTime<Utc>,
) -> Result<malanhua_shared::api::mentors::Slot, AppError> {
    let schedule = decode::schedule(c, mentor)?;
    let busy = decode::busy(c, mentor, start, now, except)?;
    let slot = rules::check_start(&schedule, &busy, now, start).map_err(decode::slot_error)?;
    refuse_person_overlap(c, a_person, slot.starts_at, slot.ends_at, except, now)?;
    Ok(slot)
}

/// Requests a slot. A pending request holds it until answered or expired.
pub async fn book(
    state: &AppState,
    actor: Actor,
    mentor: String,
    req: BookRequest,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    authorize(&actor, Action::BookMentor, &Resource::System)?;
    let b = req.validate().map_err(AppError::validation)?;
    let mentor_id = MentorId::from_raw(mentor);
    state
        .write(move |c| {
            let m = q::locked_mentor(c, &mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            if !rules::bookable(m.status, m.term_to, now) {
                return Err(decode::not_bookable());
            }
            if m.user_id == actor.user_id {
                return Err(AppError::new(ErrorCode::Conflict, "a mentor cannot book themselves"));
            }
            let person =
                crate::accounts::store::find(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("account"))?;
            if person.real_name.is_none() || person.resident_id.is_none() {
                return Err(AppError::new(ErrorCode::ProfileIncomplete, "complete the real-name profile first"));
            }
            // Stale requests (of anyone) are expired first, so their time is free.
            expire_due(c, None, now)?;
            let policy = decode::policy(c, &m.region_code, now)?;
            if q::open_requests(c, &actor.user_id, naive(now))? >= i64::from(policy.max_open_requests) {
                return Err(AppError::new(
                    ErrorCode::TooManyOpenRequests,
                    format!("you may hold {} requests waiting for an answer at once", policy.max_open_requests),
                ));
            }
            let slot = check_time(c, &m, &actor.user_id, b.starts_at, None, now)?;
            let row = AppointmentRow {
                id: AppointmentId::from_raw(new_id()),
                mentor_id: m.id.clone(),
                trainee_id: actor.user_id.clone(),
                starts_at: naive(slot.starts_at),
                ends_at: naive(slot.ends_at),
                status: AppointmentStatus::Pending,
                topic: b.topic,
                business: b.business,
                plan_name: b.plan_name,
                expires_at: naive(rules::expiry(now, slot.starts_at, policy.request_expiry_hours)),
                status_reason: None,
                cancelled_by: None,
                sequence: 0,
                no_show: false,
                service_confirmed_at: None,
                rating: None,
                rating_comment: None,
                reminded_at: None,
                created_at: naive(now),
                updated_at: naive(now),
            };
            q::insert_appointment(c, &row).map_err(|e| overlap_error(e, false))?;
            occupy(c, &row)?;
            notify(c, &[note(&m.user_id, NotificationKind::AppointmentRequested, row.id.as_str(), None, now)])?;
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::RequestAppointment, "appointment", row.id.as_str(), &row.topic),
                now,
            )?;
            view(c, row, now)
        })
        .await
}

/// The appointment with its names and record.
pub fn view(c: &mut DbConn, a: AppointmentRow, now: DateTime<Utc>) -> Result<Appointment, AppError> {
    views(c, vec![a], now)?.pop().ok_or_else(|| AppError::not_found("appointment"))
}

/// Appointments with their names and records, in three queries whatever their number.
pub fn views(c: &mut DbConn, rows: Vec<AppointmentRow>, now: DateTime<Utc>) -> Result<Vec<Appointment>, AppError> {
    let mentor_ids: Vec<MentorId> = rows.iter().map(|a| a.mentor_id.clone()).collect();
    let people: Vec<malanhua_shared::ids::UserId> = rows.iter().map(|a| a.trainee_id.clone()).collect();
    let ids: Vec<AppointmentId> = rows.iter().map(|a| a.id.clone()).collect();
    let mentors: HashMap<MentorId, String> = q::mentor_names(c, &mentor_ids)?.into_iter().collect();
    let names: HashMap<_, String> =
        crate::accounts::store::real_names(c, &people)?.into_iter().filter_map(|(id, n)| Some((id, n?))).collect();
    let mut records: HashMap<AppointmentId, q::RecordRow> =
        q::records_of_appointments(c, &ids)?.into_iter().filter_map(|r| Some((r.appointment_id.clone()?, r))).collect();
    Ok(rows
        .into_iter()
        .map(|a| {
            let mentor = mentors.get(&a.mentor_id).cloned().unwrap_or_default();
            let trainee = names.get(&a.trainee_id).cloned().unwrap_or_default();
            let record = records.remove(&a.id);
            decode::appointment(a, mentor, trainee, record, now)
        })
        .collect())
}

/// Who acts on an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The mentor (or the region's officer for them).
    Mentor,
    /// The person who booked.
    Trainee,
    /// Either.
    Either,
}

/// Loads an appointment under its mentor's lock and checks who may act.
/// Returns the appointment, its mentor and the side the actor is on.
pub fn load_for(
    c: &mut DbConn,
    actor: &Actor,
    id: &AppointmentId,
    side: Side,
) -> Result<(AppointmentRow, MentorRow, Side), AppError> {
    let a = q::find_appointment(c, id)?.ok_or_else(|| AppError::not_found("appointment"))?;
    let m = q::locked_mentor(c, &a.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
    let a = q::find_appointment(c, id)?.ok_or_else(|| AppError::not_found("appointment"))?;
    let is_trainee = a.trainee_id == actor.user_id;
    let as_mentor =
        authorize(actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) });
    let acting = match side {
        Side::Trainee if is_trainee => Side::Trainee,
        Side::Mentor if as_mentor.is_ok() => Side::Mentor,
        Side::Either if is_trainee => Side::Trainee,
        Side::Either if as_mentor.is_ok() => Side::Mentor,
        _ if is_trainee || as_mentor.is_ok() => {
            return Err(AppError::new(ErrorCode::Forbidden, "the other side does this"));
        }
        _ => return Err(AppError::not_found("appointment")),
    };
    Ok((a, m, acting))
}

/// Applies one event to an appointment as the actor.
async fn act(
    state: &AppState,
    actor: Actor,
    id: String,
    event: AppointmentEvent,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let id = AppointmentId::from_raw(id);
    let side = match event {
        AppointmentEvent::Confirm | AppointmentEvent::Decline => Side::Mentor,
        _ => Side::Either,
    };
    state
        .write(move |c| {
            let (a, m, acting) = load_for(c, &actor, &id, side)?;
            if event == AppointmentEvent::Confirm && !rules::bookable(m.status, m.term_to, now) {
                return Err(decode::not_bookable());
            }
            let status = rules::appointment_status(a.status, utc(a.expires_at), now);
            let policy = decode::policy(c, &m.region_code, now)?;
            let to = rules::appointment_transition(status, event, utc(a.starts_at), now, policy.cancel_cutoff_hours)
                .map_err(decode::appointment_error)?;
            if q::set_status(
                c,
                &a.id,
                a.status,
                to,
                reason.as_deref(),
                (event == AppointmentEvent::Cancel).then_some(&actor.user_id),
                naive(now),
            )? != 1
            {
                return Err(AppError::new(ErrorCode::WrongState, "the appointment changed meanwhile"));
            }
            if !rules::holds_time(to) {
                q::free(c, a.id.as_str())?;
            }
            let (action, kind, tell) = match (event, acting) {
                (AppointmentEvent::Confirm, _) => {
                    (AuditAction::ConfirmAppointment, NotificationKind::AppointmentConfirmed, &a.trainee_id)
                }
                (AppointmentEvent::Decline, _) => {
                    (AuditAction::DeclineAppointment, NotificationKind::AppointmentDeclined, &a.trainee_id)
                }
                (_, Side::Trainee) => {
                    (AuditAction::CancelAppointment, NotificationKind::AppointmentCancelled, &m.user_id)
                }
                _ => (AuditAction::CancelAppointment, NotificationKind::AppointmentCancelled, &a.trainee_id),
            };
            notify(c, &[note(tell, kind, a.id.as_str(), reason.as_deref(), now)])?;
            audit::record(
                c,
                Entry::by(&actor.user_id, action, "appointment", a.id.as_str(), &a.topic).because(reason),
                now,
            )?;
            let a = q::find_appointment(c, &id)?.ok_or_else(|| AppError::not_found("appointment"))?;
            view(c, a, now)
        })
        .await
}

fn required_reason(text: &str) -> Result<String, AppError> {
    check_reason(text).map_err(|c| AppError::field("reason", c))
}

/// The mentor confirms a pending request (before it expires or starts).
pub async fn confirm(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<Appointment, AppError> {
    act(state, actor, id, AppointmentEvent::Confirm, None, now).await
}

/// The mentor declines a pending request with a reason.
pub async fn decline(
    state: &AppState,
    actor: Actor,
    id: String,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let reason = required_reason(&reason)?;
    act(state, actor, id, AppointmentEvent::Decline, Some(reason), now).await
}

/// Either side cancels with a reason, up to the policy's cut-off.
pub async fn cancel(
    state: &AppState,
    actor: Actor,
    id: String,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let reason = required_reason(&reason)?;
    act(state, actor, id, AppointmentEvent::Cancel, Some(reason), now).await
}

/// Either side moves the appointment to another slot of the same mentor:
/// the id stays, the old time is freed and the new one taken at once, the
/// calendar sequence goes up. A confirmed appointment stays confirmed.
pub async fn reschedule(
    state: &AppState,
    actor: Actor,
    id: String,
    req: RescheduleRequest,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let start = parse_instant(&req.starts_at).ok_or_else(|| {
        AppError::field(
            "starts_at",
            if req.starts_at.trim().is_empty() { FieldCode::Required } else { FieldCode::InvalidFormat },
        )
    })?;
    let reason = match req.reason.trim() {
        "" => None,
        r => Some(required_reason(r)?),
    };
    let id = AppointmentId::from_raw(id);
    state
        .write(move |c| {
            let (a, m, acting) = load_for(c, &actor, &id, Side::Either)?;
            if !rules::bookable(m.status, m.term_to, now) {
                return Err(decode::not_bookable());
            }
            let status = rules::appointment_status(a.status, utc(a.expires_at), now);
            let policy = decode::policy(c, &m.region_code, now)?;
            rules::appointment_transition(
                status,
                AppointmentEvent::Reschedule,
                utc(a.starts_at),
                now,
                policy.cancel_cutoff_hours,
            )
            .map_err(decode::appointment_error)?;
            let slot = check_time(c, &m, &a.trainee_id, start, Some(a.id.as_str()), now)?;
            q::free(c, a.id.as_str())?;
            let expires = if status == AppointmentStatus::Pending {
                rules::expiry(now, slot.starts_at, policy.request_expiry_hours)
            } else {
                utc(a.expires_at)
            };
            q::move_to(c, &a.id, naive(slot.starts_at), naive(slot.ends_at), naive(expires), naive(now))?;
            let moved = q::find_appointment(c, &id)?.ok_or_else(|| AppError::not_found("appointment"))?;
            occupy(c, &moved)?;
            let tell = if acting == Side::Trainee { &m.user_id } else { &a.trainee_id };
            notify(c, &[note(tell, NotificationKind::AppointmentRescheduled, a.id.as_str(), reason.as_deref(), now)])?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::RescheduleAppointment,
                    "appointment",
                    a.id.as_str(),
                    format!("{} -> {}", a.starts_at, moved.starts_at),
                )
                .because(reason),
                now,
            )?;
            view(c, moved, now)
        })
        .await
}

/// The person's appointments, newest first.
pub async fn mine(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<Appointment>, AppError> {
    state
        .db(move |c| {
            let rows = q::of_person(c, &actor.user_id)?;
            views(c, rows, now)
        })
        .await
}

/// The mentor's appointments, newest first.
pub async fn of_mentor(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<Appointment>, AppError> {
    state
        .db(move |c| {
            let m = q::mentor_of(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            let rows = q::of_mentor(c, &m.id)?;
            views(c, rows, now)
        })
        .await
}
