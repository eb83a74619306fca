//! The three kinds of payable claim on one pipeline: what the stages
//! re-check, how long the notice runs, and what a stage does beyond the
//! claim, for training subsidies, studio grants and mentors' service fees.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::subsidies::{ClaimKind, ClaimStatus, Eligibility, IneligibleReason};
use malanhua_shared::ids::UserId;

use super::eligibility::reassess;
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::subsidies::store::{self as sq, ClaimRow};

/// Every rule the claim fails now (empty: the stage may go ahead).
pub(crate) fn recheck(
    c: &mut DbConn,
    claim: &ClaimRow,
    today: NaiveDate,
    require_verified: bool,
) -> Result<Vec<IneligibleReason>, AppError> {
    match claim.claim_kind {
        ClaimKind::Training => Ok(reassess(c, claim, today, require_verified)?.outcome.err().unwrap_or_default()),
        ClaimKind::StudioGrant => crate::studios::grant::recheck(c, claim, today),
        ClaimKind::ServiceFee => {
            let lines = crate::fees::store::lines_of_claim(c, &claim.id)?;
            Ok(if lines.is_empty() { vec![IneligibleReason::ServiceNotConfirmed] } else { vec![] })
        }
    }
}

/// The people a claim pays or was filed by (for a studio grant, every
/// member): none of them may decide any stage of it.
pub(crate) fn parties(c: &mut DbConn, claim: &ClaimRow) -> Result<Vec<UserId>, AppError> {
    let mut out = vec![claim.user_id.clone()];
    out.extend(claim.filed_by.clone());
    if let (ClaimKind::StudioGrant, Some(studio)) = (claim.claim_kind, &claim.studio_id) {
        let members = crate::studios::store::members_of(c, std::slice::from_ref(studio))?;
        let mentors: Vec<_> = members.into_iter().map(|m| m.mentor_id).collect();
        out.extend(crate::mentors::store::mentor_users(c, &mentors)?);
    }
    Ok(out)
}

/// The claim's eligibility as its page shows it.
pub(crate) fn eligibility_view(
    c: &mut DbConn,
    claim: &ClaimRow,
    today: NaiveDate,
    require_verified: bool,
) -> Result<Eligibility, AppError> {
    if claim.claim_kind == ClaimKind::Training {
        return Ok(reassess(c, claim, today, require_verified)?.view());
    }
    let reasons = recheck(c, claim, today, require_verified)?;
    Ok(Eligibility {
        eligible: reasons.is_empty(),
        reasons,
        amount_fen: Some(claim.amount_fen),
        payee: Some(claim.payee),
        policy_id: None,
    })
}

/// The working days of notice the claim's policy names.
pub(crate) fn notice_days(c: &mut DbConn, claim: &ClaimRow) -> Result<Option<i32>, AppError> {
    match claim.claim_kind {
        ClaimKind::Training => match &claim.policy_id {
            Some(id) => Ok(sq::policy(c, id)?.map(|p| p.notice_days)),
            None => Ok(None),
        },
        ClaimKind::StudioGrant => crate::studios::grant::notice_days(c, claim),
        ClaimKind::ServiceFee => match &claim.fee_policy_id {
            Some(id) => Ok(crate::fees::store::policy(c, id)?.map(|p| p.notice_days)),
            None => Ok(None),
        },
    }
}

/// What a new stage does beyond the claim, in the stage's transaction.
pub(crate) fn after_stage(
    c: &mut DbConn,
    claim: &ClaimRow,
    to: ClaimStatus,
    actor: Option<&UserId>,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    match claim.claim_kind {
        ClaimKind::StudioGrant => crate::studios::grant::after_stage(c, claim, to, actor, day, now),
        ClaimKind::Training | ClaimKind::ServiceFee => Ok(()),
    }
}
