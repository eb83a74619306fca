//! The officers' stages: review, approval, notice, payment, return and rejection.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::subsidies::{
    BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimDetail, ClaimStatus,
};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{ClaimId, PaymentId, UserId};

use super::{claims::*, decode::*, kinds, reading::*};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id, write_tx};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::subsidies::rules::{
    ClaimEvent, StageContext, StageError, needs_verified_group, notice_working_days, paid_on_allowed,
    rechecks_eligibility, transition,
};
use crate::subsidies::store::{self as sq, ClaimRow, PaymentRow, StageChange};

/// A stage action whose fields passed [`ClaimActionRequest::validate`].
pub(crate) type Checked = ClaimActionRequest;

pub(crate) fn check_action(req: &ClaimActionRequest) -> Result<Checked, AppError> {
    req.validate().map_err(AppError::validation)
}

pub(crate) fn stage_error(e: StageError, action: ClaimAction) -> AppError {
    match e {
        StageError::WrongState => {
            AppError::new(ErrorCode::WrongState, format!("the claim is not at a stage that allows {}", action.as_str()))
        }
        StageError::SameOfficer => AppError::new(
            ErrorCode::SeparationOfDuties,
            "the officer who reviewed a claim may not approve it, and the approver may not pay it",
        ),
        StageError::NoticeRunning => {
            AppError::new(ErrorCode::NoticeRunning, "the public notice has not ended or an objection is open")
        }
        StageError::OwnClaim => AppError::new(
            ErrorCode::SeparationOfDuties,
            "you cannot decide a claim that pays you, that you filed, or for a studio you belong to",
        ),
    }
}

pub(crate) fn context<'a>(
    c: &mut DbConn,
    actor: &'a Actor,
    claim: &'a ClaimRow,
    today: NaiveDate,
) -> Result<StageContext<'a>, AppError> {
    Ok(StageContext {
        officer: actor.user_id.as_str(),
        reviewed_by: claim.reviewed_by.as_ref().map(UserId::as_str),
        approved_by: claim.approved_by.as_ref().map(UserId::as_str),
        today,
        notice_ends_on: claim.notice_ends_on,
        open_objections: sq::open_objections(c, &claim.id)? > 0,
        party: kinds::parties(c, claim)?.contains(&actor.user_id),
    })
}

/// One stage action on one claim, in the caller's transaction.
pub(crate) fn act_row(
    c: &mut DbConn,
    actor: &Actor,
    id: &ClaimId,
    req: &Checked,
    now: DateTime<Utc>,
) -> Result<ClaimStatus, AppError> {
    // The claim's row lock first: a concurrent stage action on the same
    // claim waits here and then reads what the first one committed, so
    // its re-check never sees the first one's side effects half-way.
    if !sq::lock_claim(c, id)? {
        return Err(AppError::not_found("claim"));
    }
    let claim = sq::claim(c, id)?.ok_or_else(|| AppError::not_found("claim"))?;
    authorize(actor, Action::DecideClaim, &Resource::Region(&claim.region_code))?;
    let today = shanghai_date(now);
    let from = claim.status;
    let ctx = context(c, actor, &claim, today)?;
    let to = transition(from, ClaimEvent::Officer(req.action, &ctx)).map_err(|e| stage_error(e, req.action))?;
    if let Some(day) = req.paid_on
        && !paid_on_allowed(day, today, claim.notice_ends_on)
    {
        return Err(AppError::field("paid_on", malanhua_shared::FieldCode::OutOfRange));
    }
    if rechecks_eligibility(req.action) {
        let reasons = kinds::recheck(c, &claim, today, needs_verified_group(req.action))?;
        if !reasons.is_empty() {
            return Err(not_eligible(&reasons));
        }
    }
    let me = &actor.user_id;
    let mut change = StageChange { reason: req.reason.as_deref(), ..StageChange::default() };
    match req.action {
        ClaimAction::Review => change.reviewed_by = Some(me),
        ClaimAction::Approve => change.approved_by = Some(me),
        ClaimAction::Publish => {
            let days = notice_working_days(kinds::notice_days(c, &claim)?);
            change.notice_ends_on = Some(crate::core::calendar::load(c)?.nth_working_day(today, days));
        }
        ClaimAction::Pay | ClaimAction::Return | ClaimAction::Reject => {}
    }
    move_stage(c, id, from, to, &change, now, "the claim changed meanwhile; reload it")?;
    if let Some(reference) = &req.payment_ref {
        let payment = PaymentRow {
            id: PaymentId::from_raw(new_id()),
            claim_id: claim.id.clone(),
            reference: reference.clone(),
            paid_on: req.paid_on.unwrap_or(today),
            amount_fen: claim.amount_fen,
            paid_by: me.clone(),
            created_at: naive(now),
        };
        match sq::insert_payment(c, &payment) {
            Ok(()) => {}
            Err(e) if is_unique_violation(&e) => {
                return Err(AppError::new(ErrorCode::WrongState, "the claim is already paid"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let why = match req.action {
        ClaimAction::Pay => req.payment_ref.as_ref().map(|r| format!("payment {r}")),
        _ => req.reason.clone(),
    };
    record(c, Some(me), AuditAction::of_claim_action(req.action), &claim, to, why, now)?;
    kinds::after_stage(c, &claim, to, Some(me), req.paid_on.unwrap_or(today), now)?;
    match req.action {
        ClaimAction::Return => notify(c, &claim, NotificationKind::ClaimReturned, req.reason.as_deref(), now)?,
        ClaimAction::Reject => notify(c, &claim, NotificationKind::ClaimRejected, req.reason.as_deref(), now)?,
        ClaimAction::Pay => notify(c, &claim, NotificationKind::ClaimPaid, req.payment_ref.as_deref(), now)?,
        _ => {}
    }
    Ok(to)
}

/// An officer of the claim's region takes one stage action.
pub async fn act(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ClaimActionRequest,
    now: DateTime<Utc>,
) -> Result<ClaimDetail, AppError> {
    let checked = check_action(&req)?;
    let id = ClaimId::from_raw(id);
    state
        .write(move |c| {
            act_row(c, &actor, &id, &checked, now)?;
            detail_of(c, &actor, &id, now)
        })
        .await
}

/// One action on many claims, each in its own transaction, with a result per claim.
pub async fn bulk(
    state: &AppState,
    actor: Actor,
    req: BulkActionRequest,
    now: DateTime<Utc>,
) -> Result<Vec<BulkResult>, AppError> {
    if req.claim_ids.is_empty() {
        return Err(AppError::field("claim_ids", malanhua_shared::FieldCode::Required));
    }
    if req.claim_ids.len() > MAX_BULK {
        return Err(AppError::field("claim_ids", malanhua_shared::FieldCode::TooLong));
    }
    let checked = check_action(&req.action)?;
    authorize(&actor, Action::DecideClaim, &Resource::Region(&officer_region(&actor)?))?;
    state
        .db(move |c| {
            let mut out = Vec::new();
            for raw in &req.claim_ids {
                let id = ClaimId::from_raw(raw.as_str());
                let result = write_tx(c, |c| act_row(c, &actor, &id, &checked, now));
                out.push(match result {
                    Ok(s) => BulkResult { claim_id: raw.clone(), status: Some(s), error: None },
                    Err(e) => {
                        let status = sq::claim(c, &id)?.map(|cl| cl.status);
                        BulkResult { claim_id: raw.clone(), status, error: Some(e.body()) }
                    }
                });
            }
            Ok(out)
        })
        .await
}

/// Writes a stage that [`transition`] decided: a conditional update on the
/// stage it was read at, so a concurrent change fails with `conflict` and
/// nothing is written twice. Staying at the same stage writes nothing.
pub(crate) fn move_stage(
    c: &mut DbConn,
    id: &ClaimId,
    from: ClaimStatus,
    to: ClaimStatus,
    change: &StageChange<'_>,
    now: DateTime<Utc>,
    changed_meanwhile: &str,
) -> Result<(), AppError> {
    if from != to && sq::change_stage(c, id, from, to, change, naive(now))? != 1 {
        return Err(AppError::new(ErrorCode::WrongState, changed_meanwhile));
    }
    Ok(())
}
