//! Opening requests, the bureau decision and cancellation.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::{
    ClassDetail, ClassSummary, Decision, NewClass, ReasonRequest, ValidSession, check_reason,
};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::{ClassStatus, shanghai_date};
use malanhua_shared::ids::{ClassId, ClassSessionId, NotificationId, TrainerId, UserId};
use malanhua_shared::{ErrorCode, FieldCode, RegionCode};

use super::{policies::*, trainers::*, views::*};
use crate::classes::rules::{
    ClassError, ClassEvent, EnrolmentEvent, check_against_policy, enrolment_transition, first_clash, lead_time,
    transition,
};
use crate::classes::store::{self as q, ClassRow, NotificationRow, SessionRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Grant, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Files an opening request for the staff member's institution.
pub async fn file_class(
    state: &AppState,
    actor: Actor,
    req: NewClass,
    now: DateTime<Utc>,
) -> Result<ClassDetail, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::FileClass, &Resource::Institution { id: &inst, region: &inst_region })?;
    let class = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let id = ClassId::from_raw(new_id());
            {
                let policy = policy_for(c, &inst_region, class.kind)?.ok_or_else(|| {
                    AppError::new(
                        ErrorCode::NoPolicy,
                        format!("no {} policy is in force for {inst_region}", class.kind.as_str()),
                    )
                })?;
                let cal = crate::core::calendar::load(c)?;
                check_against_policy(&class, &policy, &cal, now).map_err(AppError::validation)?;
                let own: Vec<TrainerId> = q::trainers_of(c, &inst)?.into_iter().map(|t| t.id).collect();
                let mut trainer_ids: Vec<TrainerId> = class.trainer_ids.clone();
                if trainer_ids.iter().any(|t| !own.contains(t)) {
                    return Err(AppError::field("trainer_ids", FieldCode::UnknownReference));
                }
                trainer_ids.sort();
                trainer_ids.dedup();
                refuse_trainer_clash(c, &trainer_ids, &class.sessions)?;
                let row = ClassRow {
                    id: id.clone(),
                    institution_id: inst.clone(),
                    region_code: inst_region.clone(),
                    kind: class.kind,
                    title: class.title.clone(),
                    mode: class.mode,
                    place: class.place.clone(),
                    capacity: i32::try_from(class.capacity).unwrap_or(i32::MAX),
                    taken: 0,
                    waitlist_counter: 0,
                    enrol_opens_at: naive(class.enrol_opens_at),
                    enrol_closes_at: naive(class.enrol_closes_at),
                    starts_on: class.starts_on,
                    ends_on: class.ends_on,
                    first_session_at: naive(class.sessions.first().map(|s| s.starts_at).unwrap_or(now)),
                    minutes: i32::try_from(class.minutes()).unwrap_or(i32::MAX),
                    status: ClassStatus::Pending,
                    status_reason: None,
                    decided_by: None,
                    decided_at: None,
                    created_by: actor.user_id.clone(),
                    created_at: naive(now),
                    attendance_threshold_pct: None,
                    fee_fen: class.fee,
                    ended_early_at: None,
                    ended_early_reason: None,
                    ended_early_by: None,
                    updated_at: naive(now),
                };
                let sessions: Vec<SessionRow> = class
                    .sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| SessionRow {
                        id: ClassSessionId::from_raw(new_id()),
                        class_id: id.clone(),
                        seq: i32::try_from(i + 1).unwrap_or(i32::MAX),
                        starts_at: naive(s.starts_at),
                        ends_at: naive(s.ends_at),
                        topic: s.topic.clone(),
                        checkin_code: None,
                    })
                    .collect();
                q::insert_class(c, &row, &sessions, &trainer_ids)?;
                audit::record(
                    c,
                    Entry::by(
                        &actor.user_id,
                        AuditAction::FileClass,
                        "class",
                        id.as_str(),
                        format!(
                            "opening request {} ({}), {} seats, {} to {}, {} sessions, {} minutes",
                            row.title,
                            row.kind.as_str(),
                            row.capacity,
                            row.starts_on,
                            row.ends_on,
                            sessions.len(),
                            row.minutes
                        ),
                    ),
                    now,
                )?;
            };
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
}

/// The staff member's classes, every status.
pub async fn institution_classes(state: &AppState, actor: Actor) -> Result<Vec<ClassSummary>, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::FileClass, &Resource::Institution { id: &inst, region: &inst_region })?;
    state
        .db(move |c| {
            let rows = q::classes_of_institution(c, &inst)?;
            summaries(c, &rows)
        })
        .await
}

/// The classes of the officer's region, optionally of one status.
pub async fn bureau_classes(
    state: &AppState,
    actor: Actor,
    status: Option<String>,
) -> Result<Vec<ClassSummary>, AppError> {
    let status = match status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(ClassStatus::from_name(s).ok_or_else(|| AppError::field("status", FieldCode::InvalidFormat))?),
    };
    let regions: Vec<RegionCode> = actor
        .grants
        .iter()
        .filter_map(|g| match g {
            Grant::BureauOfficer { region } => Some(region.clone()),
            _ => None,
        })
        .collect();
    let Some(own) = regions.first().cloned() else {
        return Err(crate::core::authorization::Denied::MissingRole.into());
    };
    authorize(&actor, Action::DecideClass, &Resource::Region(&own))?;
    state
        .db(move |c| {
            let rows = q::classes_in_region(c, own.prefix(), status)?;
            summaries(c, &rows)
        })
        .await
}

pub(crate) fn class_error(e: ClassError) -> AppError {
    let message = match e {
        ClassError::NotPending => "only a pending opening request can be decided",
        ClassError::AlreadyStarted => {
            "the class has already started; an opening approved after the start earns no subsidy"
        }
        ClassError::Closed => "the class is already rejected or cancelled",
        ClassError::Running => {
            return AppError::new(
                ErrorCode::ClassStarted,
                "the class has begun: it can no longer be cancelled, and what happened in it stands",
            );
        }
    };
    AppError::new(ErrorCode::WrongState, message)
}

/// The checked reason of a decision: required when refusing, optional otherwise.
pub fn decision_reason(decision: &Decision) -> Result<Option<String>, AppError> {
    match (decision.approve, decision.reason.as_deref().map(str::trim).filter(|r| !r.is_empty())) {
        (false, None) => Err(AppError::field("reason", FieldCode::Required)),
        (_, Some(r)) => Ok(Some(check_reason(r).map_err(|c| AppError::field("reason", c))?)),
        (true, None) => Ok(None),
    }
}

/// A notification about a class.
pub fn notification(
    user: &UserId,
    kind: NotificationKind,
    class: &ClassId,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> NotificationRow {
    NotificationRow {
        id: NotificationId::from_raw(new_id()),
        user_id: user.clone(),
        kind,
        class_id: Some(class.clone()),
        reason: reason.map(str::to_owned),
        created_at: naive(now),
        read_at: None,
        subject_id: None,
    }
}

/// Refuses a class whose trainers already teach a live class at an
/// overlapping time, naming the trainer and that class.
fn refuse_trainer_clash(c: &mut DbConn, trainers: &[TrainerId], sessions: &[ValidSession]) -> Result<(), AppError> {
    q::lock_trainers(c, trainers)?;
    let booked = q::trainer_bookings(c, trainers)?;
    let times: Vec<_> = sessions.iter().map(|s| (s.starts_at, s.ends_at)).collect();
    match first_clash(&times, &booked, |b| (utc(b.starts_at), utc(b.ends_at))) {
        None => Ok(()),
        Some(b) => Err(AppError::new(
            ErrorCode::ScheduleClash,
            format!(
                "trainer {} already teaches {} (class {}) at an overlapping time",
                b.trainer_name, b.title, b.class_id
            ),
        )),
    }
}

/// What approval checks again, in the policy in force at the moment of the
/// decision: the opening lead time in working days. Returns the attendance
/// threshold that the class is then held to.
fn approvable(c: &mut DbConn, row: &ClassRow, now: DateTime<Utc>) -> Result<i32, AppError> {
    let policy = policy_for(c, &row.region_code, row.kind)?.ok_or_else(|| {
        AppError::new(
            ErrorCode::NoPolicy,
            format!("no {} policy is in force for {}", row.kind.as_str(), row.region_code),
        )
    })?;
    let first_day = shanghai_date(utc(row.first_session_at));
    let cal = crate::core::calendar::load(c)?;
    lead_time(&cal, policy.opening_lead_days, now, first_day).map_err(|last| {
        AppError::new(
            ErrorCode::Unprocessable,
            format!(
                "the policy asks for approval at least {} working days before the first day ({first_day}); \
                 the last day to approve was {last}",
                policy.opening_lead_days
            ),
        )
    })?;
    Ok(i32::try_from(policy.attendance_threshold_pct).unwrap_or(100))
}

/// The bureau approves or rejects an opening request; the institution's staff are told.
pub async fn decide(
    state: &AppState,
    actor: Actor,
    id: String,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<ClassDetail, AppError> {
    let reason = decision_reason(&decision)?;
    let id = ClassId::from_raw(id);
    state
        .write(move |c| {
            {
                let row = q::locked_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                authorize(&actor, Action::DecideClass, &Resource::Region(&row.region_code))?;
                let threshold = if decision.approve { Some(approvable(c, &row, now)?) } else { None };
                let event = if decision.approve { ClassEvent::Approve } else { ClassEvent::Reject };
                let to = transition(row.status, event, utc(row.first_session_at), now).map_err(class_error)?;
                let changed =
                    q::set_class_status(c, &id, row.status, to, reason.as_deref(), Some(&actor.user_id), naive(now))?;
                if changed != 1 {
                    return Err(class_error(ClassError::NotPending));
                }
                if let Some(pct) = threshold {
                    q::set_attendance_threshold(c, &id, pct)?;
                }
                let kind =
                    if decision.approve { NotificationKind::ClassApproved } else { NotificationKind::ClassRejected };
                let staff = q::staff_of_institution(c, &row.institution_id)?;
                let notes: Vec<_> = staff.iter().map(|u| notification(u, kind, &id, reason.as_deref(), now)).collect();
                q::notify(c, &notes)?;
                audit::record(
                    c,
                    Entry::by(
                        &actor.user_id,
                        if decision.approve { AuditAction::ApproveClass } else { AuditAction::RejectClass },
                        "class",
                        id.as_str(),
                        format!("{} {}", row.title, to.as_str()),
                    )
                    .because(reason.clone()),
                    now,
                )?;
            };
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
}

/// The class, locked, once the actor may call it off (cancel or end it early).
pub(crate) fn class_to_call_off(c: &mut DbConn, actor: &Actor, id: &ClassId) -> Result<ClassRow, AppError> {
    let row = q::locked_class(c, id)?.ok_or_else(|| AppError::not_found("class"))?;
    authorize(
        actor,
        Action::CancelClass,
        &Resource::Institution { id: &row.institution_id, region: &row.region_code },
    )?;
    Ok(row)
}

/// Calls a class off: every place is cancelled, seats are freed, and
/// everyone holding one is told, with the reason.
pub async fn cancel(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ReasonRequest,
    now: DateTime<Utc>,
) -> Result<ClassDetail, AppError> {
    let reason = check_reason(&req.reason).map_err(|c| AppError::field("reason", c))?;
    let id = ClassId::from_raw(id);
    state
        .write(move |c| {
            {
                let row = class_to_call_off(c, &actor, &id)?;
                authorize(
                    &actor,
                    Action::CancelClass,
                    &Resource::Institution { id: &row.institution_id, region: &row.region_code },
                )?;
                let to =
                    transition(row.status, ClassEvent::Cancel, utc(row.first_session_at), now).map_err(class_error)?;
                q::set_class_status(c, &id, row.status, to, Some(&reason), None, naive(now))?;
                let active = q::active_enrolments_of(c, &id)?;
                let mut notes = Vec::new();
                for e in &active {
                    let to = enrolment_transition(e.status, EnrolmentEvent::ClassCancelled)
                        .map_err(crate::classes::enrolment::not_active)?;
                    q::set_enrolment_status(c, &e.id, e.status, to, None, naive(now))?;
                    notes.push(notification(&e.user_id, NotificationKind::ClassCancelled, &id, Some(&reason), now));
                }
                for staff in q::staff_of_institution(c, &row.institution_id)? {
                    if staff != actor.user_id {
                        notes.push(notification(&staff, NotificationKind::ClassCancelled, &id, Some(&reason), now));
                    }
                }
                q::clear_seats(c, &id)?;
                q::notify(c, &notes)?;
                audit::record(
                    c,
                    Entry::by(
                        &actor.user_id,
                        AuditAction::CancelClass,
                        "class",
                        id.as_str(),
                        format!("{} cancelled; {} trainees told", row.title, active.len()),
                    )
                    .because(Some(reason.clone())),
                    now,
                )?;
            };
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
}
