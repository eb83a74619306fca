//! Eligibility of a certificate for a subsidy, assessed from stored facts.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::subsidies::{Eligibility, IneligibleReason, Payee};
use malanhua_shared::course::{ClassStatus, shanghai_date};
use malanhua_shared::ids::CertificateNumber;

use super::decode::*;
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::rules::region_chain;
use crate::classes::store::{self as q};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::utc;
use crate::subsidies::rules::{
    CertificateFacts, ClaimFacts, ClassFacts, Eligible, HeldGroup, OtherClaim, PolicyVersion, eligibility,
    policy_in_force,
};
use crate::subsidies::store::{self as sq, ClaimRow};

/// The outcome of the rules for one certificate, with the policy used.
pub(crate) struct Assessed {
    pub(crate) outcome: Result<Eligible, Vec<IneligibleReason>>,
    pub(crate) policy: Option<PolicyVersion>,
}

impl Assessed {
    pub(crate) fn view(&self) -> Eligibility {
        match &self.outcome {
            Ok(e) => Eligibility {
                eligible: true,
                reasons: vec![],
                amount_fen: Some(e.amount),
                payee: Some(e.payee),
                policy_id: Some(e.policy_id.clone()),
            },
            Err(reasons) => Eligibility {
                eligible: false,
                reasons: reasons.clone(),
                amount_fen: self.policy.as_ref().map(|p| p.amount),
                payee: self.policy.as_ref().map(|p| p.payee),
                policy_id: self.policy.as_ref().map(|p| p.id.clone()),
            },
        }
    }
}

/// Loads the facts and runs the rules for `cert`. `claim` is the claim being
/// decided (its policy is kept and it is not counted against itself);
/// `claimant` defaults to the policy's payee.
pub(crate) fn assess(
    c: &mut DbConn,
    cert: &CertificateRow,
    claim: Option<&ClaimRow>,
    claimant: Option<Payee>,
    filed_on: NaiveDate,
    require_verified: bool,
) -> Result<Assessed, AppError> {
    let kind = cert.kind;
    let class = q::find_class(c, &cert.class_id)?;
    let class_facts = class.as_ref().map(|k| ClassFacts {
        approved_at: (k.status == ClassStatus::Approved).then_some(k.decided_at).flatten().map(utc),
        starts_at: utc(k.first_session_at),
        // The day training actually began: the first session's Shanghai date.
        training_date: shanghai_date(utc(k.first_session_at)),
        fee: k.fee_fen,
    });
    let groups: Vec<HeldGroup> = sq::declarations_of(c, &cert.user_id)?
        .iter()
        .map(|d| HeldGroup {
            group: d.group_code,
            from: d.valid_from,
            to: d.valid_to,
            status: d.status,
            issued_in: d.issued_in.clone(),
        })
        .collect();
    let policy = match claim {
        Some(cl) => match &cl.policy_id {
            Some(id) => sq::policy(c, id)?.as_ref().map(version_of).transpose()?,
            None => None,
        },
        None => match &class {
            Some(k) => {
                let chain = region_chain(&k.region_code);
                let versions =
                    sq::policies_for(c, &chain, Some(kind))?.iter().map(version_of).collect::<Result<Vec<_>, _>>()?;
                policy_in_force(&versions, &k.region_code, kind, cert.issued_on).cloned()
            }
            None => None,
        },
    };
    let mut others = Vec::new();
    for other in sq::live_claims_of(c, &cert.user_id)? {
        let (Some(other_cert), Some(other_kind)) = (&other.certificate_id, other.kind) else { continue };
        if claim.is_some_and(|cl| cl.id == other.id) || *other_cert == cert.id {
            continue;
        }
        let year = sq::certificate(c, other_cert)?.map_or(0, |oc| oc.issued_on.year());
        others.push(OtherClaim { kind: other_kind, certificate_year: year });
    }
    let claimant = claimant.or(policy.as_ref().map(|p| p.payee)).unwrap_or(Payee::Trainee);
    let outcome = eligibility(&ClaimFacts {
        certificate: Some(CertificateFacts {
            revoked: cert.status != CertificateStatus::Valid,
            issued_on: cert.issued_on,
            kind,
        }),
        class: class_facts,
        groups: &groups,
        policy: policy.as_ref(),
        filed_on,
        claimant,
        others: &others,
        require_verified,
    });
    Ok(Assessed { outcome, policy })
}

/// The rules for a new claim, with the chosen policy version's row lock
/// taken before the final check, so a bureau cannot replace that version
/// between the check and the claim's insert.
pub(crate) fn assess_locked(
    c: &mut DbConn,
    cert: &CertificateRow,
    claimant: Option<Payee>,
    filed_on: NaiveDate,
) -> Result<Result<Eligible, Vec<IneligibleReason>>, AppError> {
    let first = assess(c, cert, None, claimant, filed_on, false)?;
    let Some(policy) = &first.policy else { return Ok(first.outcome) };
    sq::lock_policy(c, &policy.id)?;
    Ok(assess(c, cert, None, claimant, filed_on, false)?.outcome)
}

/// The rules run again for a claim, as they stand now; from approval on the
/// covering group must be verified.
pub(crate) fn reassess(
    c: &mut DbConn,
    claim: &ClaimRow,
    today: NaiveDate,
    require_verified: bool,
) -> Result<Assessed, AppError> {
    let filed_on = claim.filed_at.map(|t| shanghai_date(utc(t))).unwrap_or(today);
    let cert = match &claim.certificate_id {
        Some(id) => sq::certificate(c, id)?,
        None => None,
    };
    let Some(cert) = cert else {
        return Ok(Assessed { outcome: Err(vec![IneligibleReason::CertificateMissing]), policy: None });
    };
    assess(c, &cert, Some(claim), Some(claim.payee), filed_on, require_verified)
}

/// What a certificate would earn, for its holder (rules run for the policy's payee).
pub async fn certificate_eligibility(
    state: &AppState,
    actor: Actor,
    number: String,
    now: DateTime<Utc>,
) -> Result<Eligibility, AppError> {
    let number = CertificateNumber::from_raw(number);
    state
        .db(move |c| {
            let cert = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            if cert.user_id != actor.user_id {
                let class = q::find_class(c, &cert.class_id)?.ok_or_else(|| AppError::not_found("class"))?;
                authorize(
                    &actor,
                    Action::ViewClaim,
                    &Resource::Claim {
                        trainee: &cert.user_id,
                        institution: Some(&class.institution_id),
                        region: &class.region_code,
                    },
                )?;
            }
            Ok(assess(c, &cert, None, None, shanghai_date(now), false)?.view())
        })
        .await
}
