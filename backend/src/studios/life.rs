//! The life of a recognised studio: periodic reports by the leader, the
//! yearly evaluation by the bureau (a failure orders rectification by a
//! deadline, a second failure revokes), and revocation for a missing report
//! or a passed deadline, with a clawback recorded as a receivable on the
//! grant claim and a ban on applying again.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::studios::{
    EvaluationInput, EvaluationOutcome, RevocationInput, StudioDetail, StudioReportInput, StudioStatus,
};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{StudioId, StudioReportId};
use malanhua_shared::{ErrorCode, Fen, FieldCode};

use super::apply::own_mentor;
use super::decode::{missing, policy_of};
use super::grant::tell;
use super::reading::{PUBLIC, detail_of};
use super::rules::{ban_until, clawback_max, evaluable_year, evaluation_outcome, may_revoke, report_period_allowed};
use super::store::{self as sq, EvaluationRow, ReportRow, StudioChange, StudioRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::subsidies::store::{self as cq, RecoveryRow};

fn live_studio(c: &mut DbConn, id: &StudioId) -> Result<StudioRow, AppError> {
    let row = sq::locked_studio(c, id)?.ok_or_else(|| AppError::not_found("studio"))?;
    if !PUBLIC.contains(&row.status) {
        return Err(AppError::new(ErrorCode::WrongState, "the studio is not recognised"));
    }
    Ok(row)
}

fn studio_audit(
    c: &mut DbConn,
    actor: &Actor,
    action: AuditAction,
    row: &StudioRow,
    summary: String,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let entry = Entry::by(&actor.user_id, action, "studio", row.id.as_str(), summary).because(reason);
    audit::record(c, entry, now)?;
    Ok(())
}

/// The leader files the report of one period.
pub async fn report(
    state: &AppState,
    actor: Actor,
    id: String,
    req: StudioReportInput,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let checked = req.validate().map_err(AppError::validation)?;
    let id = StudioId::from_raw(id);
    state
        .write(move |c| {
            let me = own_mentor(c, &actor)?;
            let row = live_studio(c, &id)?;
            if row.leader_id != me.id {
                return Err(AppError::new(ErrorCode::Forbidden, "only the studio's leader files its reports"));
            }
            let policy = policy_of(c, &row)?;
            let today = shanghai_date(now);
            let (Some(on), Some(end)) = (row.recognised_on, row.cycle_ends_on) else {
                return Err(AppError::new(ErrorCode::WrongState, "the studio is not recognised"));
            };
            if !report_period_allowed(on, end, policy.report_months, checked.period_start, today) {
                return Err(AppError::field("period_start", FieldCode::OutOfRange));
            }
            let r = ReportRow {
                id: StudioReportId::from_raw(new_id()),
                studio_id: id.clone(),
                period_start: checked.period_start,
                activities: checked.activities.clone(),
                services: i32::try_from(checked.services).unwrap_or(i32::MAX),
                spent_fen: checked.spent,
                submitted_by: actor.user_id.clone(),
                submitted_at: naive(now),
            };
            sq::insert_report(c, &r).map_err(|e| {
                if is_unique_violation(&e) {
                    AppError::new(ErrorCode::WrongState, "the report of this period is already filed")
                } else {
                    e.into()
                }
            })?;
            let summary = format!("{}: {} services, {} fen", r.period_start, r.services, r.spent_fen.get());
            studio_audit(c, &actor, AuditAction::ReportStudio, &row, summary, None, now)?;
            detail_of(c, Some(&actor), &id, now)
        })
        .await
}

fn officer_studio(c: &mut DbConn, actor: &Actor, id: &StudioId) -> Result<StudioRow, AppError> {
    let row = live_studio(c, id)?;
    authorize(actor, Action::DecideMentor, &Resource::Region(&row.region_code))?;
    Ok(row)
}

/// The bureau evaluates one ended year of the cycle.
pub async fn evaluate(
    state: &AppState,
    actor: Actor,
    id: String,
    req: EvaluationInput,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let (year, score, comment) = req.validate().map_err(AppError::validation)?;
    let id = StudioId::from_raw(id);
    state
        .write(move |c| {
            let row = officer_studio(c, &actor, &id)?;
            let policy = policy_of(c, &row)?;
            let today = shanghai_date(now);
            if !evaluable_year(year, row.recognised_on, row.cycle_ends_on, today) {
                return Err(AppError::field("year", FieldCode::OutOfRange));
            }
            let rectifying = row.status == StudioStatus::Rectification;
            let outcome = evaluation_outcome(score, policy.pass_mark, rectifying);
            let e = EvaluationRow {
                id: new_id(),
                studio_id: id.clone(),
                year,
                score: i32::try_from(score).unwrap_or(0),
                outcome,
                comment: comment.clone(),
                evaluated_by: actor.user_id.clone(),
                evaluated_at: naive(now),
            };
            sq::insert_evaluation(c, &e).map_err(|err| {
                if is_unique_violation(&err) {
                    AppError::new(ErrorCode::WrongState, format!("{year} is already evaluated"))
                } else {
                    err.into()
                }
            })?;
            let summary = format!("{year}: {score} (pass {}) -> {}", policy.pass_mark, outcome.as_str());
            studio_audit(c, &actor, AuditAction::EvaluateStudio, &row, summary, Some(comment.clone()), now)?;
            match outcome {
                EvaluationOutcome::Passed if rectifying => {
                    let change = StudioChange { rectify_by: Some(None), ..StudioChange::default() };
                    move_studio(c, &row, StudioStatus::Recognised, &change, now)?;
                }
                EvaluationOutcome::Passed => {}
                EvaluationOutcome::Rectification => {
                    let by = today + chrono::Duration::days(i64::from(policy.rectification_days));
                    let change = StudioChange { rectify_by: Some(Some(by)), ..StudioChange::default() };
                    move_studio(c, &row, StudioStatus::Rectification, &change, now)?;
                    let why = format!("{comment} (by {by})");
                    tell(c, &id, NotificationKind::StudioRectification, Some(&why), now)?;
                }
                EvaluationOutcome::Revoked => revoke_row(c, &actor, &row, &comment, None, today, now)?,
            }
            detail_of(c, Some(&actor), &id, now)
        })
        .await
}

fn move_studio(
    c: &mut DbConn,
    row: &StudioRow,
    to: StudioStatus,
    change: &StudioChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if sq::change_status(c, &row.id, row.status, to, change, naive(now))? != 1 {
        return Err(AppError::new(ErrorCode::WrongState, "the studio changed meanwhile; reload it"));
    }
    Ok(())
}

/// Revokes a studio in the caller's transaction: the status, the ban, and
/// the clawback (at most what was paid and not justified by reported
/// spending) as a receivable on the grant claim.
fn revoke_row(
    c: &mut DbConn,
    actor: &Actor,
    row: &StudioRow,
    reason: &str,
    clawback: Option<i64>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let policy = policy_of(c, row)?;
    let claim = sq::grant_claim(c, &row.id)?;
    let paid = match &claim {
        Some(cl) => cq::payments_of(c, std::slice::from_ref(&cl.id))?.first().map_or(Fen::ZERO, |p| p.amount_fen),
        None => Fen::ZERO,
    };
    let spent: i64 = sq::reports_of(c, &row.id)?.iter().map(|r| r.spent_fen.get()).sum();
    let max = clawback_max(paid, Fen::new(spent).unwrap_or(Fen::ZERO));
    let amount = match clawback {
        None => max,
        Some(v) if v < 0 || v > max.get() => return Err(AppError::field("clawback_fen", FieldCode::OutOfRange)),
        Some(v) => Fen::new(v).unwrap_or(Fen::ZERO),
    };
    let change = StudioChange {
        revoked_on: Some(today),
        revoke_reason: Some(reason),
        banned_until: ban_until(today, policy.ban_years),
        rectify_by: Some(None),
        ..StudioChange::default()
    };
    move_studio(c, row, StudioStatus::Revoked, &change, now)?;
    if let Some(cl) = claim.filter(|_| amount.get() > 0) {
        let r = RecoveryRow {
            id: new_id(),
            claim_id: cl.id.clone(),
            amount_fen: amount,
            reason: format!("studio revoked: {reason}"),
            due_on: crate::subsidies::rules::recovery_due(today),
            opened_by: actor.user_id.clone(),
            opened_at: naive(now),
            recovered_on: None,
            reference: None,
            recovered_by: None,
            recovered_at: None,
        };
        cq::open_recovery(c, &r)?;
    }
    let summary = format!("clawback {} fen of {} paid, ban until {:?}", amount.get(), paid.get(), change.banned_until);
    studio_audit(c, actor, AuditAction::RevokeStudio, row, summary, Some(reason.to_owned()), now)?;
    tell(c, &row.id, NotificationKind::StudioRevoked, Some(reason), now)
}

/// The bureau revokes a studio whose report is missing or whose
/// rectification deadline passed.
pub async fn revoke(
    state: &AppState,
    actor: Actor,
    id: String,
    req: RevocationInput,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let reason = check_reason(&req.reason).map_err(|c| AppError::field("reason", c))?;
    let id = StudioId::from_raw(id);
    state
        .write(move |c| {
            let row = officer_studio(c, &actor, &id)?;
            let policy = policy_of(c, &row)?;
            let today = shanghai_date(now);
            let missing = missing(c, &row, &policy, today)?;
            if !may_revoke(!missing.is_empty(), row.rectify_by, today) {
                return Err(AppError::new(
                    ErrorCode::WrongState,
                    "a studio is revoked for a missing report or a passed rectification deadline",
                ));
            }
            revoke_row(c, &actor, &row, &reason, req.clawback_fen, today, now)?;
            detail_of(c, Some(&actor), &id, now)
        })
        .await
}
