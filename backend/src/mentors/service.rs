//! After the meeting: the mentor's service record (from the start), no-shows
//! (after the end), and the person's confirmation with a rating (once).

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::mentors::{
    Appointment, AppointmentStatus, GroupSession, GroupStatus, RatingInput, SeatStatus, ServiceRecordInput,
};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::{AppointmentId, GroupSessionId, ServiceRecordId};

use super::appointments::{Side, load_for, view};
use super::decode;
use super::groups::group_view;
use super::rules;
use super::store::{self as q, RecordRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// What a service record is about.
enum Served<'a> {
    /// A one-to-one appointment.
    Appointment(&'a AppointmentId),
    /// A group session.
    Group(&'a GroupSessionId),
}

/// Writes the record (once: the unique index answers a second attempt) and audits it.
fn write_record(
    c: &mut DbConn,
    by: &malanhua_shared::ids::UserId,
    mentor: &malanhua_shared::ids::MentorId,
    served: Served<'_>,
    (discussed, advice, follow_up, minutes): (String, String, String, u32),
    offline: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (appointment_id, group_session_id, entity_type, entity_id) = match served {
        Served::Appointment(a) => (Some(a.clone()), None, "appointment", a.as_str()),
        Served::Group(g) => (None, Some(g.clone()), "group_session", g.as_str()),
    };
    let row = RecordRow {
        id: ServiceRecordId::from_raw(new_id()),
        mentor_id: mentor.clone(),
        appointment_id,
        group_session_id,
        discussed,
        advice,
        follow_up,
        minutes: i32::try_from(minutes).unwrap_or(0),
        recorded_at: naive(now),
        offline,
        bureau_confirmed_by: None,
        bureau_confirmed_at: None,
    };
    q::insert_record(c, &row).map_err(|e| {
        if is_unique_violation(&e) { decode::service_error(rules::ServiceError::AlreadyDone) } else { e.into() }
    })?;
    audit::record(c, Entry::by(by, AuditAction::RecordService, entity_type, entity_id, format!("{minutes} min")), now)?;
    Ok(())
}

/// The mentor records a confirmed appointment's service, once, from its start.
pub async fn record_appointment(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ServiceRecordInput,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let (discussed, advice, follow_up, minutes) = req.validate().map_err(AppError::validation)?;
    let offline = req.offline;
    let id = AppointmentId::from_raw(id);
    state
        .write(move |c| {
            let (a, m, _) = load_for(c, &actor, &id, Side::Mentor)?;
            let recorded = q::record_of_appointment(c, &id)?.is_some();
            rules::may_record(a.status == AppointmentStatus::Confirmed, utc(a.starts_at), now, recorded)
                .map_err(decode::service_error)?;
            write_record(
                c,
                &actor.user_id,
                &m.id,
                Served::Appointment(&id),
                (discussed, advice, follow_up, minutes),
                offline,
                now,
            )?;
            view(c, a, now)
        })
        .await
}

/// The mentor marks the person absent, after the end.
pub async fn no_show(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<Appointment, AppError> {
    let id = AppointmentId::from_raw(id);
    state
        .write(move |c| {
            let (a, _, _) = load_for(c, &actor, &id, Side::Mentor)?;
            rules::may_mark_no_show(a.status == AppointmentStatus::Confirmed, utc(a.ends_at), now, a.no_show)
                .map_err(decode::service_error)?;
            if a.rating.is_some() {
                return Err(AppError::new(ErrorCode::WrongState, "the person confirmed the service"));
            }
            q::mark_no_show(c, &id, naive(now))?;
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::MarkNoShow, "appointment", id.as_str(), &a.topic),
                now,
            )?;
            let a = q::find_appointment(c, &id)?.ok_or_else(|| AppError::not_found("appointment"))?;
            view(c, a, now)
        })
        .await
}

/// The person confirms the service took place and rates it, once.
pub async fn rate_appointment(
    state: &AppState,
    actor: Actor,
    id: String,
    req: RatingInput,
    now: DateTime<Utc>,
) -> Result<Appointment, AppError> {
    let (rating, comment) = req.validate().map_err(AppError::validation)?;
    let id = AppointmentId::from_raw(id);
    state
        .write(move |c| {
            let (a, _, _) = load_for(c, &actor, &id, Side::Trainee)?;
            rules::may_rate(
                a.status == AppointmentStatus::Confirmed,
                utc(a.starts_at),
                now,
                a.no_show,
                a.rating.is_some(),
            )
            .map_err(decode::service_error)?;
            if q::rate(c, &id, i32::from(rating), comment.as_deref(), naive(now))? != 1 {
                return Err(decode::service_error(rules::ServiceError::AlreadyDone));
            }
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::RateService, "appointment", id.as_str(), format!("{rating}/5")),
                now,
            )?;
            let a = q::find_appointment(c, &id)?.ok_or_else(|| AppError::not_found("appointment"))?;
            view(c, a, now)
        })
        .await
}

/// The mentor records a group session's service, once, from its start.
pub async fn record_group(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ServiceRecordInput,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let (discussed, advice, follow_up, minutes) = req.validate().map_err(AppError::validation)?;
    let offline = req.offline;
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let g = q::locked_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })?;
            let recorded = q::record_of_group(c, &id)?.is_some();
            rules::may_record(g.status == GroupStatus::Open, utc(g.starts_at), now, recorded)
                .map_err(decode::service_error)?;
            let parts = (discussed, advice, follow_up, minutes);
            write_record(c, &actor.user_id, &m.id, Served::Group(&id), parts, offline, now)?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}

/// A seated person confirms a group session and rates it, once.
pub async fn rate_group(
    state: &AppState,
    actor: Actor,
    id: String,
    req: RatingInput,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let (rating, comment) = req.validate().map_err(AppError::validation)?;
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            let seat =
                q::last_seat(c, &id, &actor.user_id)?.ok_or_else(|| AppError::not_found("place in this session"))?;
            let seated = seat.status == SeatStatus::Seated && g.status == GroupStatus::Open;
            rules::may_rate(seated, utc(g.starts_at), now, seat.no_show, seat.rating.is_some())
                .map_err(decode::service_error)?;
            if q::rate_seat(c, &seat.id, i32::from(rating), comment.as_deref(), naive(now))? != 1 {
                return Err(decode::service_error(rules::ServiceError::AlreadyDone));
            }
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::RateService,
                    "group_session",
                    id.as_str(),
                    format!("{rating}/5"),
                ),
                now,
            )?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}

/// The mentor marks a seated person absent from a group session, after its end
/// (not someone who confirmed it took place).
pub async fn group_no_show(
    state: &AppState,
    actor: Actor,
    id: String,
    seat: String,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let id = GroupSessionId::from_raw(id);
    let seat_id = malanhua_shared::ids::GroupSeatId::from_raw(seat);
    state
        .write(move |c| {
            let g = q::locked_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })?;
            let seat = q::find_seat(c, &seat_id)?
                .filter(|s| s.session_id == id)
                .ok_or_else(|| AppError::not_found("place"))?;
            let held = seat.status == SeatStatus::Seated && g.status == GroupStatus::Open;
            rules::may_mark_no_show(held, utc(g.ends_at), now, seat.no_show).map_err(decode::service_error)?;
            if q::mark_seat_no_show(c, &seat_id, naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "the person confirmed the service"));
            }
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::MarkNoShow, "group_session", id.as_str(), &g.topic),
                now,
            )?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}
