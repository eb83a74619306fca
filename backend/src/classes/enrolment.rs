//! Enrolment with a waitlist that can never oversell, and withdrawal.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::classes::{EnrolRequest, MyClass, MyEnrolment};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::{CourseKind, EnrolmentStatus};
use malanhua_shared::ids::{ClassId, EnrolmentId};
use malanhua_shared::licence::BusinessLicence;

use super::{opening::*, policies::*, views::*};
use crate::classes::rules::{
    EnrolError, EnrolmentCase, EnrolmentEvent, NotActive, Placement, decide_enrolment, enrolment_transition, overlaps,
};
use crate::classes::store::{self as q, ClassRow, EnrolmentRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

pub(crate) fn enrol_error(e: EnrolError) -> AppError {
    match e {
        EnrolError::ProfileIncomplete => {
            AppError::new(ErrorCode::ProfileIncomplete, "complete the real-name profile first")
        }
        EnrolError::Closed => AppError::new(ErrorCode::EnrolmentClosed, "enrolment is not open for this class"),
        EnrolError::AlreadyActive => {
            AppError::new(ErrorCode::AlreadyEnrolled, "you already hold a place in this class")
        }
        EnrolError::ScheduleClash => {
            AppError::new(ErrorCode::ScheduleClash, "you hold a seat in a class at the same time")
        }
        EnrolError::PrerequisiteMissing => {
            AppError::new(ErrorCode::PrerequisiteMissing, "this course needs a GYB or SYB certificate first")
        }
        EnrolError::Licence(code) => AppError::field("business_licence", code),
    }
}

/// Takes a seat, or a place at the end of the waitlist when the class is
/// full. Under the class's row lock, in one transaction: the seat count can
/// never exceed the capacity, whatever the concurrency.
pub async fn enrol(
    state: &AppState,
    actor: Actor,
    id: String,
    req: EnrolRequest,
    now: DateTime<Utc>,
) -> Result<MyEnrolment, AppError> {
    authorize(&actor, Action::Enrol, &Resource::System)?;
    let id = ClassId::from_raw(id);
    state
        .write(move |c| {
            let user = actor.user_id.clone();
            let enrolment_id = {
                let row = q::locked_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                let person = crate::accounts::store::find(c, &user)?.ok_or_else(|| AppError::not_found("account"))?;
                let policy = policy_for(c, &row.region_code, row.kind)?;
                let prior_kinds: Vec<CourseKind> =
                    policy.as_ref().map(|p| crate::classes::rules::prerequisite_kinds(p).to_vec()).unwrap_or_default();
                let needs_cert = !prior_kinds.is_empty();
                let needs_licence = policy.as_ref().is_some_and(|p| p.requires_business_licence);
                let sessions = q::sessions_of(c, &id)?;
                let others = q::seated_sessions_of(c, &user, &id)?;
                // The first session of a class already held that overlaps one of these.
                let clash = others.iter().find(|o| {
                    sessions
                        .iter()
                        .any(|s| overlaps((utc(s.starts_at), utc(s.ends_at)), (utc(o.starts_at), utc(o.ends_at))))
                });
                let clash_with = match clash {
                    Some(o) => Some(malanhua_shared::error::Clash {
                        class_id: o.class_id.to_string(),
                        title: q::find_class(c, &o.class_id)?.map(|k| k.title).unwrap_or_default(),
                        starts_at: utc(o.starts_at),
                        ends_at: utc(o.ends_at),
                    }),
                    None => None,
                };
                let licence = match (needs_licence, req.business_licence.as_deref()) {
                    (false, _) => Ok(None),
                    (true, given) => BusinessLicence::parse(given.unwrap_or_default()).map(Some),
                };
                let case = EnrolmentCase {
                    status: row.status,
                    opens: utc(row.enrol_opens_at),
                    closes: utc(row.enrol_closes_at),
                    taken: u32::try_from(row.taken).unwrap_or(0),
                    capacity: u32::try_from(row.capacity).unwrap_or(0),
                    profile_complete: person.real_name.is_some()
                        && person.resident_id.is_some()
                        && person.region_code.is_some(),
                    already_active: q::active_enrolment(c, &id, &user)?.is_some(),
                    schedule_clash: clash.is_some(),
                    missing_prior_certificate: needs_cert && !q::holds_certificate(c, &user, &prior_kinds)?,
                    licence: licence.as_ref().map(|_| ()).map_err(|c| *c),
                };
                let placement = decide_enrolment(&case, now).map_err(|e| match e {
                    EnrolError::PrerequisiteMissing => {
                        let names: Vec<&str> = prior_kinds.iter().map(|k| k.as_str()).collect();
                        AppError::new(
                            ErrorCode::PrerequisiteMissing,
                            format!("this course needs one of these certificates first: {}", names.join(", ")),
                        )
                    }
                    EnrolError::ScheduleClash => {
                        AppError { clash: clash_with.clone().map(Box::new), ..enrol_error(EnrolError::ScheduleClash) }
                    }
                    other => enrol_error(other),
                })?;
                let (status, seq) = match placement {
                    Placement::Seat if q::take_seat(c, &id)? => (EnrolmentStatus::Enrolled, None),
                    // The guarded update is the last word: no seat left means the waitlist.
                    Placement::Seat | Placement::Waitlist => {
                        (EnrolmentStatus::Waitlisted, Some(q::next_waitlist_seq(c, &id)?))
                    }
                };
                let enrolment = EnrolmentRow {
                    id: EnrolmentId::from_raw(new_id()),
                    class_id: id.clone(),
                    user_id: user.clone(),
                    status,
                    waitlist_seq: seq,
                    business_licence: licence.ok().flatten().map(|l| l.as_str().to_owned()),
                    created_at: naive(now),
                    updated_at: naive(now),
                };
                q::insert_enrolment(c, &enrolment).map_err(|e| {
                    if is_unique_violation(&e) { enrol_error(EnrolError::AlreadyActive) } else { e.into() }
                })?;
                let kind = if status == EnrolmentStatus::Enrolled {
                    NotificationKind::Enrolled
                } else {
                    NotificationKind::Waitlisted
                };
                q::notify(c, &[notification(&user, kind, &id, None, now)])?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(&user),
                        action: if status == EnrolmentStatus::Enrolled {
                            AuditAction::Enrol
                        } else {
                            AuditAction::Waitlist
                        },
                        entity_type: "class",
                        entity_id: id.as_str(),
                        summary: format!("{} {}", row.title, kind.as_str()),
                        reason: None,
                    },
                    now,
                )?;
                enrolment
            };
            my_enrolment(c, &enrolment_id)
        })
        .await
}

/// Gives up a seat or waitlist place. A freed seat goes to the first person
/// waiting in the same transaction, and they are told.
pub async fn withdraw(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<MyEnrolment, AppError> {
    let id = ClassId::from_raw(id);
    state
        .write(move |c| {
            let user = actor.user_id.clone();
            let row = {
                let class = q::locked_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                let e = q::active_enrolment(c, &id, &user)?
                    .ok_or_else(|| AppError::new(ErrorCode::WrongState, "you hold no place in this class"))?;
                let left = enrolment_transition(e.status, EnrolmentEvent::Withdraw).map_err(not_active)?;
                q::set_enrolment_status(c, &e.id, e.status, left, None, naive(now))?;
                let mut promoted = None;
                if e.status == EnrolmentStatus::Enrolled {
                    q::free_seat(c, &id)?;
                    if let Some(next) = q::first_waiting(c, &id)?
                        && q::take_seat(c, &id)?
                    {
                        let seated = enrolment_transition(next.status, EnrolmentEvent::Promote).map_err(not_active)?;
                        q::set_enrolment_status(c, &next.id, next.status, seated, None, naive(now))?;
                        q::notify(c, &[notification(&next.user_id, NotificationKind::Promoted, &id, None, now)])?;
                        audit::record(
                            c,
                            Entry::by(
                                &user,
                                AuditAction::Promote,
                                "class",
                                id.as_str(),
                                format!("{}: first on the waitlist promoted to a seat", class.title),
                            ),
                            now,
                        )?;
                        promoted = Some(next.user_id);
                    }
                }
                audit::record(
                    c,
                    Entry::by(
                        &user,
                        AuditAction::Withdraw,
                        "class",
                        id.as_str(),
                        format!("{}: withdrew from {}", class.title, e.status.as_str()),
                    ),
                    now,
                )?;
                let _ = promoted;
                EnrolmentRow { status: EnrolmentStatus::Withdrawn, waitlist_seq: None, ..e }
            };
            my_enrolment(c, &row)
        })
        .await
}

/// The trainee's classes, newest first.
pub async fn my_classes(state: &AppState, actor: Actor) -> Result<Vec<MyClass>, AppError> {
    state
        .db(move |c| {
            let pairs = q::enrolments_of_user(c, &actor.user_id)?;
            let rows: Vec<ClassRow> = pairs.iter().map(|(_, r)| r.clone()).collect();
            let summaries = summaries(c, &rows)?;
            let user = &actor.user_id;
            let certificates = crate::certificates::store::of_user(c, user)?;
            pairs
                .iter()
                .zip(summaries)
                .map(|((e, row), class)| {
                    let sessions = q::sessions_of(c, &row.id)?.into_iter().map(session_view).collect();
                    Ok(MyClass {
                        attendance: Some(crate::certificates::attendance_of(c, &row.id, user)?),
                        assessment: crate::certificates::assessment_of(c, &row.id, user)?,
                        certificate_number: certificates
                            .iter()
                            .find(|r| r.class_id == row.id)
                            .map(|r| r.number.clone()),
                        sessions,
                        enrolment: my_enrolment(c, e)?,
                        class,
                    })
                })
                .collect()
        })
        .await
}

pub(crate) fn not_active(_: NotActive) -> AppError {
    AppError::new(ErrorCode::WrongState, "this place in the class is no longer held")
}
