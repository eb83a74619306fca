//! Claims drafted when certificates are issued, and filing by the trainee.

use chrono::{DateTime, Utc};
use diesel::Connection;
use malanhua_shared::ErrorCode;
use malanhua_shared::api::subsidies::{ClaimDetail, ClaimStatus, FileClaim, IneligibleReason, Payee};
use malanhua_shared::course::shanghai_date;

#[allow(unused_imports)]
use super::{batch::*, decode::*, eligibility::*, export::*, groups::*, notice::*, policies::*, reading::*, stages::*};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::{self as q, ClassRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Denied, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id, write_tx};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, region};
use crate::subsidies::rules::{Eligible, can_submit};
use crate::subsidies::store::{self as sq, ClaimRow, StageChange};

pub(crate) fn new_claim(
    cert: &CertificateRow,
    class: &ClassRow,
    e: &Eligible,
    status: ClaimStatus,
    filed_by: Option<&str>,
    now: DateTime<Utc>,
) -> ClaimRow {
    ClaimRow {
        id: new_id(),
        certificate_id: cert.id.clone(),
        user_id: cert.user_id.clone(),
        kind: cert.kind.clone(),
        region_code: class.region_code.clone(),
        institution_id: class.institution_id.clone(),
        class_id: class.id.clone(),
        policy_id: e.policy_id.clone(),
        payee: e.payee.as_str().into(),
        amount_fen: e.amount.get(),
        status: status.as_str().into(),
        filed_by: filed_by.map(str::to_owned),
        filed_at: filed_by.map(|_| naive(now)),
        reviewed_by: None,
        reviewed_at: None,
        approved_by: None,
        approved_at: None,
        notice_ends_on: None,
        reason: None,
        created_at: naive(now),
        updated_at: naive(now),
    }
}

/// Inserts a claim in a savepoint, so a lost race on the one-per-kind index
/// leaves the surrounding transaction usable.
pub(crate) fn insert_claim_once(c: &mut DbConn, row: &ClaimRow) -> Result<bool, AppError> {
    let r = c.transaction(|c| sq::insert_claim(c, row));
    match r {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn payee_recipients(c: &mut DbConn, claim: &ClaimRow) -> Result<Vec<String>, AppError> {
    let mut to = vec![claim.user_id.clone()];
    if claim.payee == Payee::Institution.as_str() {
        to.extend(q::staff_of_institution(c, &claim.institution_id)?);
    }
    Ok(to)
}

pub(crate) fn notify(
    c: &mut DbConn,
    claim: &ClaimRow,
    kind: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rows: Vec<_> = payee_recipients(c, claim)?
        .iter()
        .map(|u| crate::classes::notification(u, kind, &claim.class_id, reason, now))
        .collect();
    q::notify(c, &rows)?;
    Ok(())
}

pub(crate) fn record(
    c: &mut DbConn,
    actor: Option<&str>,
    action: &str,
    claim: &ClaimRow,
    to: ClaimStatus,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    audit::record(
        c,
        Entry {
            actor,
            action,
            entity_type: "claim",
            entity_id: &claim.id,
            summary: format!("-> {}: {} {} fen", to.as_str(), claim.kind, claim.amount_fen),
            reason,
        },
        now,
    )?;
    Ok(())
}

/// 免申即享: drafts a claim for every eligible certificate just issued for a
/// class and tells the payee. Runs inside the completion's transaction.
pub fn draft_claims(
    c: &mut DbConn,
    class: &ClassRow,
    certificates: &[CertificateRow],
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let mut drafted = 0;
    for cert in certificates {
        sq::lock_person(c, &cert.user_id)?;
        let Ok(e) = assess_locked(c, cert, None, shanghai_date(now))? else { continue };
        let row = new_claim(cert, class, &e, ClaimStatus::Draft, None, now);
        if insert_claim_once(c, &row)? {
            record(c, None, "claim.draft", &row, ClaimStatus::Draft, None, now)?;
            notify(c, &row, "claim_drafted", None, now)?;
            drafted += 1;
        }
    }
    Ok(drafted)
}

/// A revoked certificate's drafts are closed by the system with the
/// revocation's reason (filed claims stay for the bureau, whose next stage
/// action finds them ineligible). Runs inside the revocation's transaction.
pub fn close_drafts(c: &mut DbConn, certificate: &str, reason: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let why = format!("certificate revoked: {reason}");
    for claim in sq::drafts_of_certificate(c, certificate)? {
        let change = StageChange { reason: Some(&why), ..StageChange::default() };
        if sq::change_stage(c, &claim.id, "draft", "rejected", &change, naive(now))? == 1 {
            record(c, None, "claim.reject", &claim, ClaimStatus::Rejected, Some(why.clone()), now)?;
        }
    }
    Ok(())
}

pub(crate) fn may_file(actor: &Actor, claim: &ClaimRow) -> Result<(), AppError> {
    if claim.payee == Payee::Trainee.as_str() {
        if claim.user_id == actor.user_id.as_str() { Ok(()) } else { Err(Denied::NotOwner.into()) }
    } else {
        let reg = region(&claim.region_code)?;
        Ok(authorize(
            actor,
            Action::FileBatchClaim,
            &Resource::Institution { id: &claim.institution_id, region: &reg },
        )?)
    }
}

/// Files a drafted or returned claim (the payee), with the rules run again.
pub(crate) fn submit_row(c: &mut DbConn, actor: &Actor, claim: &ClaimRow, now: DateTime<Utc>) -> Result<(), AppError> {
    may_file(actor, claim)?;
    let from = status_of(&claim.status)?;
    if !can_submit(from) {
        return Err(AppError::new(ErrorCode::WrongState, "only a draft or a returned claim can be filed"));
    }
    // A refiled claim keeps its first filing date for the window.
    let filed_at = claim.filed_at.unwrap_or(naive(now));
    let filed = ClaimRow { filed_at: Some(filed_at), ..claim.clone() };
    if let Err(reasons) = reassess(c, &filed, shanghai_date(now), false)?.outcome {
        return Err(not_eligible(&reasons));
    }
    let change =
        StageChange { filed_by: Some(actor.user_id.as_str()), filed_at: Some(filed_at), ..StageChange::default() };
    if sq::change_stage(c, &claim.id, from.as_str(), ClaimStatus::Submitted.as_str(), &change, naive(now))? != 1 {
        return Err(AppError::new(ErrorCode::WrongState, "the claim changed meanwhile; reload it"));
    }
    let action = if from == ClaimStatus::Returned { "claim.resubmit" } else { "claim.submit" };
    record(c, Some(actor.user_id.as_str()), action, claim, ClaimStatus::Submitted, None, now)
}

/// The payee files (or refiles) a claim.
pub async fn submit(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let claim = sq::claim(c, &id)?.ok_or_else(|| AppError::not_found("claim"))?;
                submit_row(c, &actor, &claim, now)?;
                detail_of(c, &actor, &id, now)
            })
        })
        .await
}

/// A trainee files for their own certificate: the drafted claim is filed,
/// or a new one is, when the rules allow.
pub async fn file(state: &AppState, actor: Actor, req: FileClaim, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    let number = req.certificate_number.trim().to_ascii_uppercase();
    if number.is_empty() {
        return Err(AppError::field("certificate_number", malanhua_shared::FieldCode::Required));
    }
    state
        .db(move |c| {
            write_tx(c, |c| {
                let cert =
                    cq::by_number(c, &number)?.filter(|r| r.user_id == actor.user_id.as_str()).ok_or_else(|| {
                        AppError::field("certificate_number", malanhua_shared::FieldCode::UnknownReference)
                    })?;
                sq::lock_person(c, &cert.user_id)?;
                let live = sq::live_claims_of(c, &cert.user_id)?.into_iter().find(|cl| cl.certificate_id == cert.id);
                if let Some(claim) = live {
                    if claim.payee != Payee::Trainee.as_str() {
                        return Err(not_eligible(&[IneligibleReason::PayeeMismatch]));
                    }
                    submit_row(c, &actor, &claim, now)?;
                    return detail_of(c, &actor, &claim.id, now);
                }
                if sq::claims_of(c, &cert.user_id)?.iter().any(|cl| cl.certificate_id == cert.id) {
                    return Err(AppError::new(
                        ErrorCode::WrongState,
                        "a claim for this certificate was rejected; that is final",
                    ));
                }
                let class = q::find_class(c, &cert.class_id)?.ok_or_else(|| AppError::not_found("class"))?;
                let e =
                    assess_locked(c, &cert, Some(Payee::Trainee), shanghai_date(now))?.map_err(|r| not_eligible(&r))?;
                let row = new_claim(&cert, &class, &e, ClaimStatus::Submitted, Some(actor.user_id.as_str()), now);
                if !insert_claim_once(c, &row)? {
                    return Err(not_eligible(&[IneligibleReason::AlreadySubsidised]));
                }
                record(c, Some(actor.user_id.as_str()), "claim.file", &row, ClaimStatus::Submitted, None, now)?;
                detail_of(c, &actor, &row.id, now)
            })
        })
        .await
}
