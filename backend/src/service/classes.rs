//! Classes: policies, trainers, opening requests and their decision, the
//! public catalogue, enrolment with a waitlist, rosters and notifications.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::InstitutionRef;
use malanhua_shared::api::classes::{
    CatalogueQuery, ClassDetail, ClassPage, ClassSession, ClassSummary, CoursePolicy, Decision, EnrolRequest, MyClass,
    MyEnrolment, NewClass, NewTrainer, Notification, PolicyRequest, ReasonRequest, Roster, RosterEntry, Trainer,
    check_reason,
};
use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use malanhua_shared::licence::BusinessLicence;
use malanhua_shared::{ErrorCode, FieldCode, InstitutionId, Mobile, RegionCode, ResidentId};

use super::audit::{self, Entry};
use super::{kind_of, naive, region, utc};
use crate::app::AppState;
use crate::db::classes::{
    self as q, CatalogueFilter, ClassRow, EnrolmentRow, NotificationRow, PolicyRow, SessionRow, TrainerRow,
};
use crate::db::{self, DbConn, is_unique_violation, new_id, write_tx};
use crate::domain::authorization::{Action, Actor, Grant, Resource, authorize};
use crate::domain::classes::{
    ClassError, ClassEvent, EnrolError, EnrolmentCase, Placement, check_against_policy, decide_enrolment,
    effective_policy, overlaps, region_chain, transition, waitlist_position,
};
use crate::error::AppError;

fn status_of(name: &str) -> Result<ClassStatus, AppError> {
    ClassStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad class status in storage: {name}")))
}

fn enrolment_status(name: &str) -> Result<EnrolmentStatus, AppError> {
    EnrolmentStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad enrolment status: {name}")))
}

fn policy_from_row(r: &PolicyRow) -> Result<CoursePolicy, AppError> {
    let defined_in = region(&r.region_code)?;
    Ok(CoursePolicy {
        region: defined_in.clone(),
        kind: kind_of(&r.kind)?,
        defined_in,
        min_hours: u32::try_from(r.min_hours).unwrap_or(0),
        max_class_size: u32::try_from(r.max_class_size).unwrap_or(0),
        opening_lead_days: u32::try_from(r.opening_lead_days).unwrap_or(0),
        attendance_threshold_pct: u32::try_from(r.attendance_threshold_pct).unwrap_or(0),
        requires_prior_certificate: r.requires_prior_certificate,
        requires_business_licence: r.requires_business_licence,
    })
}

/// The policy in force for the region and kind, if any.
pub fn policy_for(c: &mut DbConn, at: &RegionCode, kind: CourseKind) -> Result<Option<CoursePolicy>, AppError> {
    let chain: Vec<String> = region_chain(at).iter().map(ToString::to_string).collect();
    let rows = q::policies_for(c, &chain, Some(kind.as_str()))?;
    let policies = rows.iter().map(policy_from_row).collect::<Result<Vec<_>, _>>()?;
    Ok(effective_policy(at, &policies))
}

/// The policies in force for a region, one per kind that has one.
pub async fn policies(state: &AppState, code: String) -> Result<Vec<CoursePolicy>, AppError> {
    let at = RegionCode::parse(&code).map_err(|c| AppError::field("region", c))?;
    state
        .db(move |c| {
            super::regions::require_known(c, &at, "region")?;
            let mut out = Vec::new();
            for kind in CourseKind::ALL {
                out.extend(policy_for(c, &at, *kind)?);
            }
            Ok(out)
        })
        .await
}

/// A bureau sets its region's policy for a kind. Classes already filed keep
/// the figures they were checked against.
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    req: PolicyRequest,
    now: DateTime<Utc>,
) -> Result<CoursePolicy, AppError> {
    let at = RegionCode::parse(&code).map_err(|c| AppError::field("region", c))?;
    let kind = CourseKind::from_name(&kind).ok_or_else(|| AppError::field("kind", FieldCode::InvalidFormat))?;
    authorize(&actor, Action::EditPolicy, &Resource::Region(&at))?;
    let policy = req.validate(at.clone(), kind).map_err(AppError::validation)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                super::regions::require_known(c, &at, "region")?;
                let row = PolicyRow {
                    id: new_id(),
                    region_code: at.to_string(),
                    kind: kind.as_str().to_owned(),
                    min_hours: i32::try_from(policy.min_hours).unwrap_or(i32::MAX),
                    max_class_size: i32::try_from(policy.max_class_size).unwrap_or(i32::MAX),
                    opening_lead_days: i32::try_from(policy.opening_lead_days).unwrap_or(i32::MAX),
                    attendance_threshold_pct: i32::try_from(policy.attendance_threshold_pct).unwrap_or(100),
                    requires_prior_certificate: policy.requires_prior_certificate,
                    requires_business_licence: policy.requires_business_licence,
                    updated_by: Some(actor.user_id.to_string()),
                    updated_at: naive(now),
                };
                q::upsert_policy(c, &row)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "policy.set",
                        entity_type: "course_policy",
                        entity_id: &format!("{at}/{}", kind.as_str()),
                        summary: format!(
                            "{} {}: min {} h, max {} trainees, {} days notice, {}% attendance, prior certificate {}, licence {}",
                            at,
                            kind.as_str(),
                            policy.min_hours,
                            policy.max_class_size,
                            policy.opening_lead_days,
                            policy.attendance_threshold_pct,
                            policy.requires_prior_certificate,
                            policy.requires_business_licence
                        ),
                        reason: None,
                    },
                    now,
                )?;
                Ok(policy)
            })
        })
        .await
}

/// The actor's institution (they must be its staff).
fn own_institution(actor: &Actor) -> Result<(String, RegionCode), AppError> {
    actor
        .grants
        .iter()
        .find_map(|g| match g {
            Grant::InstitutionStaff { institution_id, region } => Some((institution_id.clone(), region.clone())),
            _ => None,
        })
        .ok_or_else(|| AppError::from(crate::domain::authorization::Denied::MissingRole))
}

fn trainer(r: TrainerRow) -> Trainer {
    Trainer { id: r.id, name: r.name, qualification_no: r.qualification_no }
}

/// The trainers of the staff member's institution.
pub async fn trainers(state: &AppState, actor: Actor) -> Result<Vec<Trainer>, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::ManageTrainers, &Resource::Institution { id: &inst, region: &inst_region })?;
    state.db(move |c| Ok(q::trainers_of(c, &inst)?.into_iter().map(trainer).collect())).await
}

/// Records a trainer of the staff member's institution.
pub async fn add_trainer(
    state: &AppState,
    actor: Actor,
    req: NewTrainer,
    now: DateTime<Utc>,
) -> Result<Trainer, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::ManageTrainers, &Resource::Institution { id: &inst, region: &inst_region })?;
    let (name, qualification_no) = req.validate().map_err(AppError::validation)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row =
                    TrainerRow { id: new_id(), institution_id: inst, name, qualification_no, created_at: naive(now) };
                q::insert_trainer(c, &row).map_err(|e| {
                    if is_unique_violation(&e) {
                        let mut err =
                            AppError::new(ErrorCode::Conflict, "a trainer with this qualification number exists");
                        err.fields.insert("qualification_no".into(), FieldCode::Taken);
                        err
                    } else {
                        e.into()
                    }
                })?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "trainer.add",
                        entity_type: "trainer",
                        entity_id: &row.id,
                        summary: format!("trainer {} ({})", row.name, row.qualification_no),
                        reason: None,
                    },
                    now,
                )?;
                Ok(trainer(row))
            })
        })
        .await
}

/// Listing fields of classes, with institution and region names and waitlist counts.
pub fn summaries(c: &mut DbConn, rows: &[ClassRow]) -> Result<Vec<ClassSummary>, AppError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let inst_ids: Vec<String> = rows.iter().map(|r| r.institution_id.clone()).collect();
    let regions: Vec<String> = rows.iter().map(|r| r.region_code.clone()).collect();
    let inst_names = q::institution_names(c, &inst_ids)?;
    let region_names = db::regions::names(c, &regions)?;
    let waiting = q::waitlisted_counts(c, &ids)?;
    rows.iter()
        .map(|r| {
            let taken = u32::try_from(r.taken).unwrap_or(0);
            let capacity = u32::try_from(r.capacity).unwrap_or(0);
            Ok(ClassSummary {
                id: r.id.clone(),
                kind: kind_of(&r.kind)?,
                title: r.title.clone(),
                institution: InstitutionRef {
                    id: InstitutionId::from_raw(r.institution_id.clone()),
                    name: inst_names
                        .iter()
                        .find(|(i, _)| *i == r.institution_id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                },
                region: region(&r.region_code)?,
                region_name: region_names
                    .iter()
                    .find(|(c, _)| *c == r.region_code)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                mode: ClassMode::from_name(&r.mode).unwrap_or(ClassMode::Offline),
                place: r.place.clone(),
                capacity,
                taken,
                seats_left: capacity.saturating_sub(taken),
                waitlisted: waiting
                    .iter()
                    .find(|(id, _)| *id == r.id)
                    .map(|(_, n)| u32::try_from(*n).unwrap_or(0))
                    .unwrap_or(0),
                starts_on: r.starts_on,
                ends_on: r.ends_on,
                enrol_opens_at: utc(r.enrol_opens_at),
                enrol_closes_at: utc(r.enrol_closes_at),
                hours: u32::try_from(r.minutes / 60).unwrap_or(0),
                status: status_of(&r.status)?,
            })
        })
        .collect()
}

/// A session as the API shows it.
fn session_view(s: SessionRow) -> ClassSession {
    ClassSession {
        id: s.id,
        seq: u32::try_from(s.seq).unwrap_or(0),
        starts_at: utc(s.starts_at),
        ends_at: utc(s.ends_at),
        topic: s.topic,
    }
}

fn my_enrolment(c: &mut DbConn, e: &EnrolmentRow) -> Result<MyEnrolment, AppError> {
    let status = enrolment_status(&e.status)?;
    let waitlist_position = match (status, e.waitlist_seq) {
        (EnrolmentStatus::Waitlisted, Some(seq)) => Some(waitlist_position(seq, &q::waiting_seqs(c, &e.class_id)?)),
        _ => None,
    };
    Ok(MyEnrolment { class_id: e.class_id.clone(), status, waitlist_position })
}

fn detail(c: &mut DbConn, row: &ClassRow, viewer: Option<&str>) -> Result<ClassDetail, AppError> {
    let summary = summaries(c, std::slice::from_ref(row))?.pop().ok_or_else(|| AppError::internal("no summary"))?;
    let sessions = q::sessions_of(c, &row.id)?.into_iter().map(session_view).collect();
    let trainers = q::trainers_of_class(c, &row.id)?.into_iter().map(trainer).collect();
    let my_enrolment = match viewer {
        Some(user) => q::latest_enrolment(c, &row.id, user)?.map(|e| my_enrolment(c, &e)).transpose()?,
        None => None,
    };
    Ok(ClassDetail { summary, sessions, trainers, status_reason: row.status_reason.clone(), my_enrolment })
}

/// Loads a class the actor may see: approved ones are public; others only
/// for the institution's staff and the region's officers.
fn visible_class(c: &mut DbConn, actor: Option<&Actor>, id: &str) -> Result<ClassRow, AppError> {
    let row = q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))?;
    if row.status == ClassStatus::Approved.as_str() {
        return Ok(row);
    }
    let reg = region(&row.region_code)?;
    let allowed = actor.is_some_and(|a| {
        authorize(a, Action::ViewClassInternals, &Resource::Institution { id: &row.institution_id, region: &reg })
            .is_ok()
    });
    if allowed { Ok(row) } else { Err(AppError::not_found("class")) }
}

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
        .db(move |c| {
            let id = new_id();
            write_tx(c, |c| {
                let policy = policy_for(c, &inst_region, class.kind)?.ok_or_else(|| {
                    AppError::new(
                        ErrorCode::NoPolicy,
                        format!("no {} policy is in force for {inst_region}", class.kind.as_str()),
                    )
                })?;
                check_against_policy(&class, &policy, now).map_err(AppError::validation)?;
                let own: Vec<String> = q::trainers_of(c, &inst)?.into_iter().map(|t| t.id).collect();
                if class.trainer_ids.iter().any(|t| !own.contains(t)) {
                    return Err(AppError::field("trainer_ids", FieldCode::UnknownReference));
                }
                let mut trainer_ids = class.trainer_ids.clone();
                trainer_ids.sort();
                trainer_ids.dedup();
                let row = ClassRow {
                    id: id.clone(),
                    institution_id: inst.clone(),
                    region_code: inst_region.to_string(),
                    kind: class.kind.as_str().to_owned(),
                    title: class.title.clone(),
                    mode: class.mode.as_str().to_owned(),
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
                    status: ClassStatus::Pending.as_str().to_owned(),
                    status_reason: None,
                    decided_by: None,
                    decided_at: None,
                    created_by: actor.user_id.to_string(),
                    created_at: naive(now),
                    updated_at: naive(now),
                };
                let sessions: Vec<SessionRow> = class
                    .sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| SessionRow {
                        id: new_id(),
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
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "class.file",
                        entity_type: "class",
                        entity_id: &id,
                        summary: format!(
                            "opening request {} ({}), {} seats, {} to {}, {} sessions, {} minutes",
                            row.title,
                            row.kind,
                            row.capacity,
                            row.starts_on,
                            row.ends_on,
                            sessions.len(),
                            row.minutes
                        ),
                        reason: None,
                    },
                    now,
                )?;
                Ok(())
            })?;
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
        return Err(crate::domain::authorization::Denied::MissingRole.into());
    };
    authorize(&actor, Action::DecideClass, &Resource::Region(&own))?;
    state
        .db(move |c| {
            let rows = q::classes_in_region(c, own.prefix(), status.map(ClassStatus::as_str))?;
            summaries(c, &rows)
        })
        .await
}

fn class_error(e: ClassError) -> AppError {
    let message = match e {
        ClassError::NotPending => "only a pending opening request can be decided",
        ClassError::AlreadyStarted => {
            "the class has already started; an opening approved after the start earns no subsidy"
        }
        ClassError::Closed => "the class is already rejected or cancelled",
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
pub fn notification(user: &str, kind: &str, class: &str, reason: Option<&str>, now: DateTime<Utc>) -> NotificationRow {
    NotificationRow {
        id: new_id(),
        user_id: user.to_owned(),
        kind: kind.to_owned(),
        class_id: Some(class.to_owned()),
        reason: reason.map(str::to_owned),
        created_at: naive(now),
        read_at: None,
    }
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
    state
        .db(move |c| {
            write_tx(c, |c| {
                if !q::lock_class(c, &id)? {
                    return Err(AppError::not_found("class"));
                }
                let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                authorize(&actor, Action::DecideClass, &Resource::Region(&region(&row.region_code)?))?;
                let event = if decision.approve { ClassEvent::Approve } else { ClassEvent::Reject };
                let to =
                    transition(status_of(&row.status)?, event, utc(row.first_session_at), now).map_err(class_error)?;
                let changed = q::set_class_status(
                    c,
                    &id,
                    &row.status,
                    to.as_str(),
                    reason.as_deref(),
                    Some(actor.user_id.as_str()),
                    naive(now),
                )?;
                if changed != 1 {
                    return Err(class_error(ClassError::NotPending));
                }
                let kind = if decision.approve { "class_approved" } else { "class_rejected" };
                let staff = q::staff_of_institution(c, &row.institution_id)?;
                let notes: Vec<_> = staff.iter().map(|u| notification(u, kind, &id, reason.as_deref(), now)).collect();
                q::notify(c, &notes)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: if decision.approve { "class.approve" } else { "class.reject" },
                        entity_type: "class",
                        entity_id: &id,
                        summary: format!("{} {}", row.title, to.as_str()),
                        reason: reason.clone(),
                    },
                    now,
                )?;
                Ok(())
            })?;
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
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
    state
        .db(move |c| {
            write_tx(c, |c| {
                if !q::lock_class(c, &id)? {
                    return Err(AppError::not_found("class"));
                }
                let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                let reg = region(&row.region_code)?;
                authorize(
                    &actor,
                    Action::CancelClass,
                    &Resource::Institution { id: &row.institution_id, region: &reg },
                )?;
                let to = transition(status_of(&row.status)?, ClassEvent::Cancel, utc(row.first_session_at), now)
                    .map_err(class_error)?;
                q::set_class_status(c, &id, &row.status, to.as_str(), Some(&reason), None, naive(now))?;
                let active = q::active_enrolments_of(c, &id)?;
                let mut notes = Vec::new();
                for e in &active {
                    q::set_enrolment_status(
                        c,
                        &e.id,
                        &e.status,
                        EnrolmentStatus::Cancelled.as_str(),
                        None,
                        naive(now),
                    )?;
                    notes.push(notification(&e.user_id, "class_cancelled", &id, Some(&reason), now));
                }
                for staff in q::staff_of_institution(c, &row.institution_id)? {
                    if staff != actor.user_id.as_str() {
                        notes.push(notification(&staff, "class_cancelled", &id, Some(&reason), now));
                    }
                }
                q::clear_seats(c, &id)?;
                q::notify(c, &notes)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "class.cancel",
                        entity_type: "class",
                        entity_id: &id,
                        summary: format!("{} cancelled; {} trainees told", row.title, active.len()),
                        reason: Some(reason.clone()),
                    },
                    now,
                )?;
                Ok(())
            })?;
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

fn parse_day(field: &str, v: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::field(field, FieldCode::InvalidDate)),
    }
}

/// The public catalogue: approved classes matching the filters, one page.
/// Without a `from` date, classes that are over are left out.
pub async fn catalogue(state: &AppState, query: CatalogueQuery, now: DateTime<Utc>) -> Result<ClassPage, AppError> {
    let region_prefix = match query.region.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(r) => Some(RegionCode::parse(r).map_err(|c| AppError::field("region", c))?.prefix().to_owned()),
    };
    let kind = match query.kind.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(k) => Some(
            CourseKind::from_name(k)
                .ok_or_else(|| AppError::field("kind", FieldCode::InvalidFormat))?
                .as_str()
                .to_owned(),
        ),
    };
    let mode = match query.mode.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(m) => Some(
            ClassMode::from_name(m)
                .ok_or_else(|| AppError::field("mode", FieldCode::InvalidFormat))?
                .as_str()
                .to_owned(),
        ),
    };
    let from = parse_day("from", query.from.as_deref())?;
    let to = parse_day("to", query.to.as_deref())?;
    let text = query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(escape_like);
    if text.as_ref().is_some_and(|t| t.chars().count() > 100) {
        return Err(AppError::field("q", FieldCode::TooLong));
    }
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query.per_page.unwrap_or(20).clamp(1, 100);
    let ends_from = if from.is_none() { Some(malanhua_shared::course::shanghai_date(now)) } else { None };
    let filter = CatalogueFilter {
        region_prefix,
        kind,
        from,
        to,
        ends_from,
        mode,
        has_seats: query.has_seats.unwrap_or(false),
        text,
    };
    state
        .db(move |c| {
            let offset = i64::from(page - 1) * i64::from(per_page);
            let (rows, total) = q::catalogue(c, &filter, offset, i64::from(per_page))?;
            Ok(ClassPage { items: summaries(c, &rows)?, total: u64::try_from(total).unwrap_or(0), page, per_page })
        })
        .await
}

/// One class, with the caller's place when signed in.
pub async fn class_detail(state: &AppState, actor: Option<Actor>, id: String) -> Result<ClassDetail, AppError> {
    state
        .db(move |c| {
            let row = visible_class(c, actor.as_ref(), &id)?;
            detail(c, &row, actor.as_ref().map(|a| a.user_id.as_str()))
        })
        .await
}

fn enrol_error(e: EnrolError) -> AppError {
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
    state
        .db(move |c| {
            let user = actor.user_id.to_string();
            let enrolment_id = write_tx(c, |c| {
                if !q::lock_class(c, &id)? {
                    return Err(AppError::not_found("class"));
                }
                let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                let person = db::users::find(c, &user)?.ok_or_else(|| AppError::not_found("account"))?;
                let policy = policy_for(c, &region(&row.region_code)?, kind_of(&row.kind)?)?;
                let needs_cert = policy.as_ref().is_some_and(|p| p.requires_prior_certificate);
                let needs_licence = policy.as_ref().is_some_and(|p| p.requires_business_licence);
                let sessions = q::sessions_of(c, &id)?;
                let others = q::seated_sessions_of(c, &user, &id)?;
                let clash = sessions.iter().any(|s| {
                    others
                        .iter()
                        .any(|o| overlaps((utc(s.starts_at), utc(s.ends_at)), (utc(o.starts_at), utc(o.ends_at))))
                });
                let licence = match (needs_licence, req.business_licence.as_deref()) {
                    (false, _) => Ok(None),
                    (true, given) => BusinessLicence::parse(given.unwrap_or_default()).map(Some),
                };
                let case = EnrolmentCase {
                    status: status_of(&row.status)?,
                    opens: utc(row.enrol_opens_at),
                    closes: utc(row.enrol_closes_at),
                    taken: u32::try_from(row.taken).unwrap_or(0),
                    capacity: u32::try_from(row.capacity).unwrap_or(0),
                    profile_complete: person.real_name.is_some()
                        && person.resident_id.is_some()
                        && person.region_code.is_some(),
                    already_active: q::active_enrolment(c, &id, &user)?.is_some(),
                    schedule_clash: clash,
                    missing_prior_certificate: needs_cert
                        && !q::holds_certificate(c, &user, &[CourseKind::Gyb.as_str(), CourseKind::Syb.as_str()])?,
                    licence: licence.as_ref().map(|_| ()).map_err(|c| *c),
                };
                let placement = decide_enrolment(&case, now).map_err(enrol_error)?;
                let (status, seq) = match placement {
                    Placement::Seat if q::take_seat(c, &id)? => (EnrolmentStatus::Enrolled, None),
                    // The guarded update is the last word: no seat left means the waitlist.
                    Placement::Seat | Placement::Waitlist => {
                        (EnrolmentStatus::Waitlisted, Some(q::next_waitlist_seq(c, &id)?))
                    }
                };
                let enrolment = EnrolmentRow {
                    id: new_id(),
                    class_id: id.clone(),
                    user_id: user.clone(),
                    status: status.as_str().to_owned(),
                    waitlist_seq: seq,
                    business_licence: licence.ok().flatten().map(|l| l.as_str().to_owned()),
                    created_at: naive(now),
                    updated_at: naive(now),
                };
                q::insert_enrolment(c, &enrolment).map_err(|e| {
                    if is_unique_violation(&e) { enrol_error(EnrolError::AlreadyActive) } else { e.into() }
                })?;
                let kind = if status == EnrolmentStatus::Enrolled { "enrolled" } else { "waitlisted" };
                q::notify(c, &[notification(&user, kind, &id, None, now)])?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(&user),
                        action: if status == EnrolmentStatus::Enrolled {
                            "enrolment.enrol"
                        } else {
                            "enrolment.waitlist"
                        },
                        entity_type: "class",
                        entity_id: &id,
                        summary: format!("{} {}", row.title, kind),
                        reason: None,
                    },
                    now,
                )?;
                Ok(enrolment)
            })?;
            my_enrolment(c, &enrolment_id)
        })
        .await
}

/// Gives up a seat or waitlist place. A freed seat goes to the first person
/// waiting in the same transaction, and they are told.
pub async fn withdraw(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<MyEnrolment, AppError> {
    state
        .db(move |c| {
            let user = actor.user_id.to_string();
            let row = write_tx(c, |c| {
                if !q::lock_class(c, &id)? {
                    return Err(AppError::not_found("class"));
                }
                let class = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
                let e = q::active_enrolment(c, &id, &user)?
                    .ok_or_else(|| AppError::new(ErrorCode::WrongState, "you hold no place in this class"))?;
                q::set_enrolment_status(c, &e.id, &e.status, EnrolmentStatus::Withdrawn.as_str(), None, naive(now))?;
                let mut promoted = None;
                if e.status == EnrolmentStatus::Enrolled.as_str() {
                    q::free_seat(c, &id)?;
                    if let Some(next) = q::first_waiting(c, &id)?
                        && q::take_seat(c, &id)?
                    {
                        q::set_enrolment_status(
                            c,
                            &next.id,
                            "waitlisted",
                            EnrolmentStatus::Enrolled.as_str(),
                            None,
                            naive(now),
                        )?;
                        q::notify(c, &[notification(&next.user_id, "promoted", &id, None, now)])?;
                        audit::record(
                            c,
                            Entry {
                                actor: Some(&user),
                                action: "enrolment.promote",
                                entity_type: "class",
                                entity_id: &id,
                                summary: format!("{}: first on the waitlist promoted to a seat", class.title),
                                reason: None,
                            },
                            now,
                        )?;
                        promoted = Some(next.user_id);
                    }
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(&user),
                        action: "enrolment.withdraw",
                        entity_type: "class",
                        entity_id: &id,
                        summary: format!("{}: withdrew from {}", class.title, e.status),
                        reason: None,
                    },
                    now,
                )?;
                let _ = promoted;
                Ok(EnrolmentRow { status: EnrolmentStatus::Withdrawn.as_str().to_owned(), waitlist_seq: None, ..e })
            })?;
            my_enrolment(c, &row)
        })
        .await
}

/// The trainee's classes, newest first.
pub async fn my_classes(state: &AppState, actor: Actor) -> Result<Vec<MyClass>, AppError> {
    state
        .db(move |c| {
            let pairs = q::enrolments_of_user(c, actor.user_id.as_str())?;
            let rows: Vec<ClassRow> = pairs.iter().map(|(_, r)| r.clone()).collect();
            let summaries = summaries(c, &rows)?;
            let user = actor.user_id.as_str();
            let certificates = crate::db::certificates::of_user(c, user)?;
            pairs
                .iter()
                .zip(summaries)
                .map(|((e, _), class)| {
                    let sessions = q::sessions_of(c, &class.id)?.into_iter().map(session_view).collect();
                    Ok(MyClass {
                        attendance: Some(super::certificates::attendance_of(c, &class.id, user)?),
                        assessment: super::certificates::assessment_of(c, &class.id, user)?,
                        certificate_number: certificates
                            .iter()
                            .find(|r| r.class_id == class.id)
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

/// Seat holders and the waitlist, for the institution's staff and the region's officers.
pub async fn roster(state: &AppState, actor: Actor, id: String) -> Result<Roster, AppError> {
    state
        .db(move |c| {
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            let reg = region(&row.region_code)?;
            authorize(
                &actor,
                Action::ViewClassInternals,
                &Resource::Institution { id: &row.institution_id, region: &reg },
            )?;
            let class =
                summaries(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("no summary"))?;
            let active = q::active_enrolments_of(c, &id)?;
            let seqs: Vec<i32> = active.iter().filter_map(|e| e.waitlist_seq).collect();
            let mut enrolled = Vec::new();
            let mut waitlist = Vec::new();
            for e in active {
                let person = db::users::find(c, &e.user_id)?.ok_or_else(|| AppError::not_found("account"))?;
                let status = enrolment_status(&e.status)?;
                let entry = RosterEntry {
                    user_id: e.user_id.clone(),
                    real_name: person.real_name.unwrap_or_default(),
                    mobile_masked: Mobile::parse(&person.mobile).map(|m| m.masked()).unwrap_or_default(),
                    resident_id_masked: person
                        .resident_id
                        .as_deref()
                        .and_then(|r| ResidentId::parse(r).ok())
                        .map(|r| r.masked())
                        .unwrap_or_default(),
                    status,
                    waitlist_position: e.waitlist_seq.map(|s| waitlist_position(s, &seqs)),
                    since: utc(e.created_at),
                };
                if status == EnrolmentStatus::Enrolled { enrolled.push(entry) } else { waitlist.push(entry) }
            }
            enrolled.sort_by_key(|e| e.since);
            waitlist.sort_by_key(|e| e.waitlist_position);
            Ok(Roster { class, enrolled, waitlist })
        })
        .await
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// The roster as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese.
pub fn roster_csv(roster: &Roster) -> String {
    let shanghai = malanhua_shared::course::shanghai();
    let mut out = String::from("\u{feff}序号,姓名,手机号,身份证号,状态,候补顺位,报名时间\r\n");
    for (i, e) in roster.enrolled.iter().chain(&roster.waitlist).enumerate() {
        let status = match e.status {
            EnrolmentStatus::Enrolled => "已报名",
            EnrolmentStatus::Waitlisted => "候补",
            EnrolmentStatus::Withdrawn => "已退出",
            EnrolmentStatus::Cancelled => "已取消",
        };
        let fields = [
            (i + 1).to_string(),
            csv_field(&e.real_name),
            e.mobile_masked.clone(),
            e.resident_id_masked.clone(),
            status.to_owned(),
            e.waitlist_position.map(|p| p.to_string()).unwrap_or_default(),
            e.since.with_timezone(&shanghai).format("%Y-%m-%d %H:%M").to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The person's notifications, newest first.
pub async fn notifications(state: &AppState, actor: Actor) -> Result<Vec<Notification>, AppError> {
    state
        .db(move |c| {
            Ok(q::notifications_of(c, actor.user_id.as_str())?
                .into_iter()
                .map(|(n, title)| Notification {
                    id: n.id,
                    kind: n.kind,
                    class_id: n.class_id,
                    class_title: title,
                    reason: n.reason,
                    created_at: utc(n.created_at),
                    read_at: n.read_at.map(utc),
                })
                .collect())
        })
        .await
}

/// Marks one of the person's notifications read.
pub async fn mark_read(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<(), AppError> {
    state
        .db(move |c| match q::mark_read(c, actor.user_id.as_str(), &id, naive(now))? {
            1 => Ok(()),
            _ => Err(AppError::not_found("unread notification")),
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("张三"), "张三");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
