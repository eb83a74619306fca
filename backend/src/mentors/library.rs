//! Applying to a region's library, the mentor's own record and profile, the
//! bureau's decisions (admit for a term, refuse, suspend, reinstate, remove),
//! the yearly evaluation and the region's policy.

use chrono::{DateTime, Datelike, Utc};
use malanhua_shared::api::mentors::{
    MentorAction, MentorDecisionRequest, MentorEvaluation, MentorPolicy, MentorPolicyInput, MentorProfileInput,
    MentorRecord, MentorStatus,
};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};
use malanhua_shared::ids::MentorId;
use malanhua_shared::{ErrorCode, RegionCode};

use super::decode::{self, note};
use super::rules;
use super::store::{self as q, MentorRow, PolicyRow};
use crate::classes::store::notify;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// Applies to the library of a region (自主申报). One record per person.
pub async fn apply(
    state: &AppState,
    actor: Actor,
    req: MentorProfileInput,
    now: DateTime<Utc>,
) -> Result<MentorRecord, AppError> {
    let p = req.validate().map_err(AppError::validation)?;
    let region = RegionCode::parse(&p.region_code).map_err(|c| AppError::field("region_code", c))?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &region, "region_code")?;
            let row =
                MentorRow::application(MentorId::from_raw(new_id()), actor.user_id.clone(), region, p, naive(now));
            q::insert_mentor(c, &row).map_err(|e| {
                if is_unique_violation(&e) {
                    AppError::new(ErrorCode::Conflict, "you have applied already")
                } else {
                    e.into()
                }
            })?;
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::ApplyMentor, "mentor", row.id.as_str(), &row.real_name),
                now,
            )?;
            decode::record(c, &row, now)
        })
        .await
}

/// The person's own mentor record (404 when they never applied).
pub async fn mine(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<MentorRecord, AppError> {
    state
        .db(move |c| {
            let row = q::mentor_of(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            decode::record(c, &row, now)
        })
        .await
}

/// The mentor edits what the directory shows (the region stays).
pub async fn edit_profile(
    state: &AppState,
    actor: Actor,
    req: MentorProfileInput,
    now: DateTime<Utc>,
) -> Result<MentorRecord, AppError> {
    let p = MentorProfileInput { region_code: String::new(), ..req }.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let mut row = q::mentor_of(c, &actor.user_id)?.ok_or_else(|| AppError::not_found("mentor record"))?;
            authorize(
                &actor,
                Action::ActAsMentor,
                &Resource::User { id: &row.user_id, region: Some(&row.region_code) },
            )?;
            row.set_profile(p);
            row.updated_at = naive(now);
            q::save_mentor(c, &row)?;
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::UpdateMentorProfile, "mentor", row.id.as_str(), &row.real_name),
                now,
            )?;
            decode::record(c, &row, now)
        })
        .await
}

/// A bureau officer's decision on a mentor of their region.
pub async fn decide(
    state: &AppState,
    actor: Actor,
    id: String,
    req: MentorDecisionRequest,
    now: DateTime<Utc>,
) -> Result<MentorRecord, AppError> {
    let action = req.action.ok_or_else(|| AppError::field("action", malanhua_shared::FieldCode::Required))?;
    let reason = match req.reason.trim() {
        "" => None,
        r => Some(malanhua_shared::api::classes::check_reason(r).map_err(|c| AppError::field("reason", c))?),
    };
    if req.term_years.is_some_and(|y| !(1..=10).contains(&y)) {
        return Err(AppError::field("term_years", malanhua_shared::FieldCode::OutOfRange));
    }
    let id = MentorId::from_raw(id);
    state
        .write(move |c| {
            let row = q::locked_mentor(c, &id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::DecideMentor, &Resource::Region(&row.region_code))?;
            let from = rules::effective_status(row.status, row.term_to, now);
            let to = rules::decide(from, action, reason.is_some()).map_err(decode::decision_error)?;
            if q::set_mentor_status(c, &id, row.status, to, reason.as_deref(), Some(&actor.user_id), naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::Conflict, "the mentor changed meanwhile; reload"));
            }
            if action == MentorAction::Admit {
                let policy = decode::policy(c, &row.region_code, now)?;
                let start = req.term_from.unwrap_or_else(|| shanghai_date(now));
                q::set_term(c, &id, start, rules::term_end(start, req.term_years.unwrap_or(policy.term_years)))?;
                crate::accounts::store::ensure_role(
                    c,
                    &row.user_id,
                    malanhua_shared::Role::Mentor,
                    Some(&row.region_code),
                    &actor.user_id,
                    now,
                )?;
            }
            if matches!(action, MentorAction::Suspend | MentorAction::Remove) {
                let why = reason.clone().unwrap_or_default();
                super::lifecycle::close_calendar(c, &row, &why, Some(&actor.user_id), now)?;
            }
            let (audit_action, kind) = match action {
                MentorAction::Admit => (AuditAction::AdmitMentor, NotificationKind::MentorAdmitted),
                MentorAction::Refuse => (AuditAction::RefuseMentor, NotificationKind::MentorRefused),
                MentorAction::Suspend => (AuditAction::SuspendMentor, NotificationKind::MentorSuspended),
                MentorAction::Reinstate => (AuditAction::ReinstateMentor, NotificationKind::MentorReinstated),
                MentorAction::Remove => (AuditAction::RemoveMentor, NotificationKind::MentorRemoved),
            };
            notify(c, &[note(&row.user_id, kind, row.id.as_str(), reason.as_deref(), now)])?;
            audit::record(
                c,
                Entry::by(&actor.user_id, audit_action, "mentor", row.id.as_str(), &row.real_name)
                    .because(reason.clone()),
                now,
            )?;
            let row = q::find_mentor(c, &id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            decode::record(c, &row, now)
        })
        .await
}

/// The mentors of the officer's region (and below), optionally of one status.
pub async fn for_bureau(
    state: &AppState,
    actor: Actor,
    status: Option<String>,
    now: DateTime<Utc>,
) -> Result<Vec<MentorRecord>, AppError> {
    let region =
        actor.officer_region().cloned().ok_or_else(|| AppError::new(ErrorCode::Forbidden, "for bureau officers"))?;
    authorize(&actor, Action::DecideMentor, &Resource::Region(&region))?;
    let status = match status.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            MentorStatus::from_name(s)
                .ok_or_else(|| AppError::field("status", malanhua_shared::FieldCode::NotAllowed))?,
        ),
    };
    state
        .db(move |c| {
            // Expired is read, not only written: an active mentor past the term is listed as expired.
            let stored = match status {
                Some(MentorStatus::Expired) => None,
                s => s,
            };
            let rows = q::mentors_under(c, region.prefix(), stored)?;
            let mut out = Vec::new();
            for row in rows {
                let rec = decode::record(c, &row, now)?;
                if status.is_none_or(|s| s == rec.status) {
                    out.push(rec);
                }
            }
            Ok(out)
        })
        .await
}

/// A mentor's service evaluation for a calendar year (Shanghai).
pub async fn evaluation(
    state: &AppState,
    actor: Actor,
    id: String,
    year: Option<i32>,
    now: DateTime<Utc>,
) -> Result<MentorEvaluation, AppError> {
    let id = MentorId::from_raw(id);
    let year = year.unwrap_or_else(|| shanghai_date(now).year());
    let (first, next) =
        rules::evaluation_year(year).ok_or_else(|| AppError::field("year", malanhua_shared::FieldCode::OutOfRange))?;
    state
        .db(move |c| {
            let row = q::find_mentor(c, &id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::DecideMentor, &Resource::Region(&row.region_code))?;
            let policy = decode::policy(c, &row.region_code, now)?;
            let services: Vec<(u32, bool)> =
                q::year_services(c, &row.id, naive(shanghai_midnight(first)), naive(shanghai_midnight(next)))?
                    .into_iter()
                    .map(|(m, confirmed)| (u32::try_from(m).unwrap_or(0), confirmed))
                    .collect();
            let (qualifying, meets) = rules::evaluate(&services, &policy);
            let count = |n: usize| u32::try_from(n).unwrap_or(0);
            Ok(MentorEvaluation {
                mentor_id: row.id.clone(),
                year,
                services: count(services.len()),
                confirmed: count(services.iter().filter(|(_, c)| *c).count()),
                qualifying,
                required: policy.yearly_min_services,
                min_minutes: policy.min_service_minutes,
                meets,
                rating: rules::shown_rating(&decode::ratings(c, &row)?),
            })
        })
        .await
}

/// The policy in force for a region (public).
pub async fn policy(state: &AppState, region: String, now: DateTime<Utc>) -> Result<MentorPolicy, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    state.db(move |c| decode::policy(c, &region, now)).await
}

/// A bureau sets its region's policy from a date.
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    region: String,
    req: MentorPolicyInput,
    now: DateTime<Utc>,
) -> Result<MentorPolicy, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    authorize(&actor, Action::DecideMentor, &Resource::Region(&region))?;
    let p = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &region, "region")?;
            let n = |v: u32| i32::try_from(v).unwrap_or(0);
            let row = PolicyRow {
                id: new_id(),
                region_code: region.clone(),
                effective_from: p.effective_from.unwrap_or_else(|| shanghai_date(now)),
                term_years: n(p.term_years),
                request_expiry_hours: n(p.request_expiry_hours),
                cancel_cutoff_hours: n(p.cancel_cutoff_hours),
                max_open_requests: n(p.max_open_requests),
                yearly_min_services: n(p.yearly_min_services),
                min_service_minutes: n(p.min_service_minutes),
                reminder_hours: n(p.reminder_hours),
                updated_by: Some(actor.user_id.clone()),
                updated_at: naive(now),
            };
            q::put_policy(c, &row)?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::SetMentorPolicy,
                    "mentor_policy",
                    region.as_str(),
                    format!("from {}", row.effective_from),
                ),
                now,
            )?;
            decode::policy(c, &region, now)
        })
        .await
}
