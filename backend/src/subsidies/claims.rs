//! Claims drafted when certificates are issued, and filing by the trainee.

use chrono::{DateTime, Utc};
use diesel::Connection;
use malanhua_shared::ErrorCode;
use malanhua_shared::api::subsidies::{ClaimDetail, ClaimKind, ClaimStatus, FileClaim, IneligibleReason, Payee};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{CertificateId, CertificateNumber, ClaimId, UserId};

use super::{decode::*, eligibility::*, reading::*};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::{self as q, ClassRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::subsidies::rules::{ClaimEvent, Eligible, transition};
use crate::subsidies::stages::move_stage;
use crate::subsidies::store::{self as sq, ClaimRow, StageChange};

pub(crate) fn new_claim(
    cert: &CertificateRow,
    class: &ClassRow,
    e: &Eligible,
    status: ClaimStatus,
    filed_by: Option<&UserId>,
    now: DateTime<Utc>,
) -> ClaimRow {
    let mut row = ClaimRow::new(
        ClaimKind::Training,
        cert.user_id.clone(),
        class.region_code.clone(),
        e.payee,
        e.amount,
        status,
        naive(now),
    );
    row.certificate_id = Some(cert.id.clone());
    row.kind = Some(cert.kind);
    row.institution_id = Some(class.institution_id.clone());
    row.class_id = Some(class.id.clone());
    row.policy_id = Some(e.policy_id.clone());
    row.filed_by = filed_by.cloned();
    row.filed_at = filed_by.map(|_| naive(now));
    row
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

pub(crate) fn payee_recipients(c: &mut DbConn, claim: &ClaimRow) -> Result<Vec<UserId>, AppError> {
    let mut to = vec![claim.user_id.clone()];
    if let (Payee::Institution, Some(inst)) = (claim.payee, &claim.institution_id) {
        to.extend(q::staff_of_institution(c, inst)?);
    }
    Ok(to)
}

pub(crate) fn notify(
    c: &mut DbConn,
    claim: &ClaimRow,
    kind: NotificationKind,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rows: Vec<_> = payee_recipients(c, claim)?
        .iter()
        .map(|u| match &claim.class_id {
            Some(class) => crate::classes::notification(u, kind, class, reason, now),
            None => crate::mentors::decode::note(u, kind, claim.id.as_str(), reason, now),
        })
        .collect();
    q::notify(c, &rows)?;
    Ok(())
}

pub(crate) fn record(
    c: &mut DbConn,
    actor: Option<&UserId>,
    action: AuditAction,
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
            entity_id: claim.id.as_str(),
            summary: format!("-> {}: {} {} fen", to.as_str(), what_is_paid(claim), claim.amount_fen.get()),
            reason,
        },
        now,
    )?;
    Ok(())
}

/// What a claim pays for, in the audit summary: the course kind, else the claim's kind.
fn what_is_paid(claim: &ClaimRow) -> &'static str {
    claim.kind.map_or(claim.claim_kind.as_str(), |k| k.as_str())
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
            record(c, None, AuditAction::DraftClaim, &row, ClaimStatus::Draft, None, now)?;
            notify(c, &row, NotificationKind::ClaimDrafted, None, now)?;
            drafted += 1;
        }
    }
    Ok(drafted)
}

/// A revoked certificate's drafts are closed by the system with the
/// revocation's reason (filed claims stay for the bureau, whose next stage
/// action finds them ineligible). Runs inside the revocation's transaction.
pub fn close_drafts(
    c: &mut DbConn,
    certificate: &CertificateId,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let why = format!("certificate revoked: {reason}");
    for claim in sq::drafts_of_certificate(c, certificate)? {
        let change = StageChange { reason: Some(&why), ..StageChange::default() };
        let Ok(to) = transition(claim.status, ClaimEvent::CertificateRevoked) else { continue };
        if sq::change_stage(c, &claim.id, claim.status, to, &change, naive(now))? == 1 {
            record(c, None, AuditAction::RejectClaim, &claim, to, Some(why.clone()), now)?;
        }
    }
    Ok(())
}

pub(crate) fn may_file(actor: &Actor, claim: &ClaimRow) -> Result<(), AppError> {
    let (action, resource) = match (claim.payee, &claim.institution_id) {
        (Payee::Institution, Some(id)) => {
            (Action::FileBatchClaim, Resource::Institution { id, region: &claim.region_code })
        }
        // The trainee, the studio's leader or the mentor files their own.
        _ => (Action::FileOwnClaim, Resource::User { id: &claim.user_id, region: None }),
    };
    Ok(authorize(actor, action, &resource)?)
}

/// Files a drafted or returned claim (the payee), with the rules run again.
pub(crate) fn submit_row(c: &mut DbConn, actor: &Actor, claim: &ClaimRow, now: DateTime<Utc>) -> Result<(), AppError> {
    may_file(actor, claim)?;
    let from = claim.status;
    let to = transition(from, ClaimEvent::File)
        .map_err(|_| AppError::new(ErrorCode::WrongState, "only a draft or a returned claim can be filed"))?;
    // A refiled claim keeps its first filing date for the window.
    let filed_at = claim.filed_at.unwrap_or(naive(now));
    let filed = ClaimRow { filed_at: Some(filed_at), ..claim.clone() };
    let reasons = crate::subsidies::kinds::recheck(c, &filed, shanghai_date(now), false)?;
    if !reasons.is_empty() {
        return Err(not_eligible(&reasons));
    }
    let change = StageChange { filed_by: Some(&actor.user_id), filed_at: Some(filed_at), ..StageChange::default() };
    move_stage(c, &claim.id, from, to, &change, now, "the claim changed meanwhile; reload it")?;
    let action = if from == ClaimStatus::Returned { AuditAction::ResubmitClaim } else { AuditAction::SubmitClaim };
    record(c, Some(&actor.user_id), action, claim, to, None, now)
}

/// The payee files (or refiles) a claim.
pub async fn submit(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    let id = ClaimId::from_raw(id);
    state
        .write(move |c| {
            let claim = sq::claim(c, &id)?.ok_or_else(|| AppError::not_found("claim"))?;
            submit_row(c, &actor, &claim, now)?;
            detail_of(c, &actor, &id, now)
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
    let number = CertificateNumber::from_raw(number);
    state
        .write(move |c| {
            let cert = cq::by_number(c, &number)?
                .filter(|r| r.user_id == actor.user_id)
                .ok_or_else(|| AppError::field("certificate_number", malanhua_shared::FieldCode::UnknownReference))?;
            sq::lock_person(c, &cert.user_id)?;
            let live = sq::live_claims_of(c, &cert.user_id)?
                .into_iter()
                .find(|cl| cl.certificate_id.as_ref() == Some(&cert.id));
            if let Some(claim) = live {
                if claim.payee != Payee::Trainee {
                    return Err(not_eligible(&[IneligibleReason::PayeeMismatch]));
                }
                submit_row(c, &actor, &claim, now)?;
                return detail_of(c, &actor, &claim.id, now);
            }
            if sq::claims_of(c, &cert.user_id)?.iter().any(|cl| cl.certificate_id.as_ref() == Some(&cert.id)) {
                return Err(AppError::new(
                    ErrorCode::WrongState,
                    "a claim for this certificate was rejected; that is final",
                ));
            }
            let class = q::find_class(c, &cert.class_id)?.ok_or_else(|| AppError::not_found("class"))?;
            let e = assess_locked(c, &cert, Some(Payee::Trainee), shanghai_date(now))?.map_err(|r| not_eligible(&r))?;
            let row = new_claim(&cert, &class, &e, ClaimStatus::Submitted, Some(&actor.user_id), now);
            if !insert_claim_once(c, &row)? {
                return Err(not_eligible(&[IneligibleReason::AlreadySubsidised]));
            }
            record(c, Some(&actor.user_id), AuditAction::FileClaim, &row, ClaimStatus::Submitted, None, now)?;
            detail_of(c, &actor, &row.id, now)
        })
        .await
}
