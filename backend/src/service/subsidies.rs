//! Training subsidies: policies, priority-group declarations, claims drafted
//! when certificates are issued, filing (trainee or institution batch), the
//! officers' stages with eligibility re-run at each, public notice with
//! objections, payment, the worklist and its exports.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::Connection;
use malanhua_shared::api::certificates::mask_name;
use malanhua_shared::api::classes::{Decision, check_reason};
use malanhua_shared::api::subsidies::{
    BatchLine, BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimBatch, ClaimDetail, ClaimPage,
    ClaimQuery, ClaimStatus, ClaimSummary, DeclarationStatus, Eligibility, FileClaim, GroupDeclaration,
    IneligibleReason, NewDeclaration, NewObjection, NoticeEntry, Objection, ObjectionResolution, ObjectionStatus,
    Payee, PriorityGroup, SubsidyPolicy, SubsidyPolicyInput, TimelineEntry, check_payment_ref,
};
use malanhua_shared::course::{ClassStatus, CourseKind, shanghai_date};
use malanhua_shared::{ErrorCode, Fen, RegionCode, Role};

use super::audit::{self, Entry};
use super::{kind_of, naive, region, utc};
use crate::app::AppState;
use crate::db::certificates::{self as cq, CertificateRow};
use crate::db::classes::{self as q, ClassRow};
use crate::db::subsidies::{
    self as sq, ClaimFilter, ClaimRow, DeclarationRow, ObjectionRow, PaymentRow, PolicyRow, StageChange,
};
use crate::db::{self, DbConn, is_unique_violation, new_id, write_tx};
use crate::domain::authorization::{Action, Actor, Denied, Resource, authorize};
use crate::domain::classes::region_chain;
use crate::domain::subsidies::{
    CertificateFacts, ClaimFacts, ClassFacts, Eligible, HeldGroup, OtherClaim, PolicyVersion, StageContext, StageError,
    available_actions, can_submit, eligibility, needs_verified_group, next_status, notice_end, objection_allowed,
    paid_on_allowed, policy_in_force, rechecks_eligibility, verification_due,
};
use crate::error::AppError;

/// Most claims one bulk request may touch.
pub const MAX_BULK: usize = 500;
/// Most rows an export holds.
pub const MAX_EXPORT: i64 = 10_000;

fn status_of(name: &str) -> Result<ClaimStatus, AppError> {
    ClaimStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad claim status in storage: {name}")))
}

fn payee_of(name: &str) -> Result<Payee, AppError> {
    Payee::from_name(name).ok_or_else(|| AppError::internal(format!("bad payee in storage: {name}")))
}

fn fen(v: i64) -> Fen {
    Fen::new(v).unwrap_or(Fen::ZERO)
}

fn groups_text(groups: &[PriorityGroup]) -> String {
    groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(",")
}

fn groups_of(text: &str) -> Vec<PriorityGroup> {
    text.split(',').filter_map(PriorityGroup::from_name).collect()
}

fn version_of(r: &PolicyRow) -> Result<PolicyVersion, AppError> {
    Ok(PolicyVersion {
        id: r.id.clone(),
        region: region(&r.region_code)?,
        kind: kind_of(&r.kind)?,
        effective_from: r.effective_from,
        ends_on: r.ends_on,
        amount: fen(r.amount_fen),
        payee: payee_of(&r.payee)?,
        groups: groups_of(&r.eligible_groups),
        window_months: u32::try_from(r.claim_window_months).unwrap_or(0),
        notice_days: u32::try_from(r.notice_days).unwrap_or(0),
        one_per_year: r.one_per_year,
    })
}

fn not_eligible(reasons: &[IneligibleReason]) -> AppError {
    let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
    AppError::new(ErrorCode::NotEligible, format!("not eligible: {}", names.join(", ")))
}

fn officer_region(actor: &Actor) -> Result<RegionCode, AppError> {
    actor.officer_region().cloned().ok_or_else(|| AppError::from(Denied::MissingRole))
}

// ---------------------------------------------------------------- policies

fn policy_out(c: &mut DbConn, rows: &[PolicyRow]) -> Result<Vec<SubsidyPolicy>, AppError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let used = sq::policies_in_use(c, &ids)?;
    let codes: Vec<String> = rows.iter().map(|r| r.region_code.clone()).collect();
    let names: HashMap<String, String> = db::regions::names(c, &codes)?.into_iter().collect();
    rows.iter()
        .map(|r| {
            let v = version_of(r)?;
            Ok(SubsidyPolicy {
                id: r.id.clone(),
                region_code: r.region_code.clone(),
                region_name: names.get(&r.region_code).cloned().unwrap_or_default(),
                kind: v.kind,
                effective_from: v.effective_from,
                ends_on: v.ends_on,
                amount_fen: v.amount,
                payee: v.payee,
                eligible_groups: v.groups,
                claim_window_months: v.window_months,
                notice_days: v.notice_days,
                one_per_year: v.one_per_year,
                in_use: used.contains(&r.id),
                updated_at: utc(r.updated_at),
            })
        })
        .collect()
}

/// Every subsidy policy version of a region and its ancestors (public).
pub async fn policies(state: &AppState, code: String) -> Result<Vec<SubsidyPolicy>, AppError> {
    let at = RegionCode::parse(&code).map_err(|_| AppError::not_found("region"))?;
    state
        .db(move |c| {
            let chain: Vec<String> = region_chain(&at).iter().map(ToString::to_string).collect();
            let rows = sq::policies_for(c, &chain, None)?;
            policy_out(c, &rows)
        })
        .await
}

/// A bureau sets the version of its region's policy effective from a date.
/// A version that claims already use is never changed: add a later one.
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    input: SubsidyPolicyInput,
    now: DateTime<Utc>,
) -> Result<SubsidyPolicy, AppError> {
    let at = RegionCode::parse(&code).map_err(|_| AppError::not_found("region"))?;
    let kind = CourseKind::from_name(&kind).ok_or_else(|| AppError::not_found("course kind"))?;
    authorize(&actor, Action::EditSubsidyPolicy, &Resource::Region(&at))?;
    let p = input.check().map_err(AppError::validation)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                super::regions::require_known(c, &at, "region")?;
                let mut row = PolicyRow {
                    id: new_id(),
                    region_code: at.to_string(),
                    kind: kind.as_str().into(),
                    effective_from: p.effective_from,
                    ends_on: p.ends_on,
                    amount_fen: p.amount.get(),
                    payee: p.payee.as_str().into(),
                    eligible_groups: groups_text(&p.groups),
                    claim_window_months: i32::try_from(p.window_months).unwrap_or(0),
                    notice_days: i32::try_from(p.notice_days).unwrap_or(0),
                    one_per_year: p.one_per_year,
                    updated_by: Some(actor.user_id.to_string()),
                    updated_at: naive(now),
                };
                let verb = match sq::policy_at(c, &row.region_code, &row.kind, row.effective_from)? {
                    Some(existing) => {
                        sq::lock_policy(c, &existing.id)?;
                        if !sq::policies_in_use(c, std::slice::from_ref(&existing.id))?.is_empty() {
                            return Err(AppError::new(
                                ErrorCode::Conflict,
                                "claims were filed under this version; add a version with a later effective date",
                            ));
                        }
                        row.id = existing.id;
                        sq::replace_policy(c, &row)?;
                        "replaced"
                    }
                    None => {
                        sq::insert_policy(c, &row)?;
                        "added"
                    }
                };
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "subsidy_policy.set",
                        entity_type: "subsidy_policy",
                        entity_id: &row.id,
                        summary: format!(
                            "{verb} {} {} from {}: {} fen to the {}, window {} months, notice {} days",
                            row.region_code,
                            row.kind,
                            row.effective_from,
                            row.amount_fen,
                            row.payee,
                            row.claim_window_months,
                            row.notice_days
                        ),
                        reason: None,
                    },
                    now,
                )?;
                policy_out(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("policy vanished"))
            })
        })
        .await
}

// ---------------------------------------------------------- priority groups

fn declaration_out(c: &mut DbConn, r: &DeclarationRow) -> Result<GroupDeclaration, AppError> {
    let holder = db::users::find(c, &r.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
    Ok(GroupDeclaration {
        id: r.id.clone(),
        user_id: r.user_id.clone(),
        holder_name: holder,
        group: PriorityGroup::from_name(&r.group_code).ok_or_else(|| AppError::internal("bad group"))?,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        evidence: r.evidence.clone(),
        status: DeclarationStatus::from_name(&r.status).ok_or_else(|| AppError::internal("bad status"))?,
        reason: r.reason.clone(),
        decided_at: r.decided_at.map(utc),
        created_at: utc(r.created_at),
    })
}

/// The signed-in person's declarations.
pub async fn my_declarations(state: &AppState, actor: Actor) -> Result<Vec<GroupDeclaration>, AppError> {
    state
        .db(move |c| {
            let rows = sq::declarations_of(c, actor.user_id.as_str())?;
            rows.iter().map(|r| declaration_out(c, r)).collect()
        })
        .await
}

/// A trainee declares a priority group with its dates and evidence.
pub async fn declare(
    state: &AppState,
    actor: Actor,
    req: NewDeclaration,
    now: DateTime<Utc>,
) -> Result<GroupDeclaration, AppError> {
    if !actor.has(Role::Trainee) {
        return Err(Denied::MissingRole.into());
    }
    let (group, from, to, evidence) = req.check().map_err(AppError::validation)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = DeclarationRow {
                    id: new_id(),
                    user_id: actor.user_id.to_string(),
                    group_code: group.as_str().into(),
                    valid_from: from,
                    valid_to: to,
                    evidence,
                    status: DeclarationStatus::Declared.as_str().into(),
                    reason: None,
                    decided_by: None,
                    decided_at: None,
                    created_at: naive(now),
                };
                sq::insert_declaration(c, &row)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "priority_group.declare",
                        entity_type: "priority_group",
                        entity_id: &row.id,
                        summary: format!("declared {} from {}", row.group_code, row.valid_from),
                        reason: None,
                    },
                    now,
                )?;
                declaration_out(c, &row)
            })
        })
        .await
}

/// Declarations of people living in the officer's region, by status.
pub async fn region_declarations(
    state: &AppState,
    actor: Actor,
    status: Option<String>,
) -> Result<Vec<GroupDeclaration>, AppError> {
    let own = officer_region(&actor)?;
    authorize(&actor, Action::DecideClaim, &Resource::Region(&own))?;
    let status = match status.as_deref() {
        None | Some("" | "all") => None,
        Some(s) => Some(
            DeclarationStatus::from_name(s)
                .ok_or_else(|| AppError::field("status", malanhua_shared::FieldCode::InvalidFormat))?,
        ),
    };
    state
        .db(move |c| {
            let rows = sq::declarations_in_region(c, own.prefix(), status.map(DeclarationStatus::as_str))?;
            rows.iter().map(|r| declaration_out(c, r)).collect()
        })
        .await
}

/// An officer of the declarant's home region verifies or rejects a declaration.
pub async fn decide_declaration(
    state: &AppState,
    actor: Actor,
    id: String,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<GroupDeclaration, AppError> {
    let reason = super::classes::decision_reason(&decision)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = sq::declaration(c, &id)?.ok_or_else(|| AppError::not_found("declaration"))?;
                let home = db::users::find(c, &row.user_id)?.and_then(|u| u.region_code);
                let Some(home) = home.as_deref().map(region).transpose()? else {
                    return Err(Denied::OutsideRegion.into());
                };
                authorize(&actor, Action::DecideClaim, &Resource::Region(&home))?;
                let to = if decision.approve { DeclarationStatus::Verified } else { DeclarationStatus::Rejected };
                if sq::decide_declaration(c, &id, to.as_str(), actor.user_id.as_str(), reason.as_deref(), naive(now))?
                    != 1
                {
                    return Err(AppError::new(ErrorCode::WrongState, "the declaration was already decided"));
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: if decision.approve { "priority_group.verify" } else { "priority_group.reject" },
                        entity_type: "priority_group",
                        entity_id: &id,
                        summary: format!("{} {}", row.group_code, to.as_str()),
                        reason: reason.clone(),
                    },
                    now,
                )?;
                let row = sq::declaration(c, &id)?.ok_or_else(|| AppError::not_found("declaration"))?;
                declaration_out(c, &row)
            })
        })
        .await
}

// -------------------------------------------------------------- eligibility

/// The outcome of the rules for one certificate, with the policy used.
struct Assessed {
    outcome: Result<Eligible, Vec<IneligibleReason>>,
    policy: Option<PolicyVersion>,
}

impl Assessed {
    fn view(&self) -> Eligibility {
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
fn assess(
    c: &mut DbConn,
    cert: &CertificateRow,
    claim: Option<&ClaimRow>,
    claimant: Option<Payee>,
    filed_on: NaiveDate,
    require_verified: bool,
) -> Result<Assessed, AppError> {
    let kind = kind_of(&cert.kind)?;
    let class = q::find_class(c, &cert.class_id)?;
    let class_facts = class.as_ref().map(|k| ClassFacts {
        approved_at: (k.status == ClassStatus::Approved.as_str()).then_some(k.decided_at).flatten().map(utc),
        starts_at: utc(k.first_session_at),
        training_date: k.starts_on,
    });
    let groups: Vec<HeldGroup> = sq::declarations_of(c, &cert.user_id)?
        .iter()
        .filter_map(|d| {
            Some(HeldGroup {
                group: PriorityGroup::from_name(&d.group_code)?,
                from: d.valid_from,
                to: d.valid_to,
                status: DeclarationStatus::from_name(&d.status)?,
            })
        })
        .collect();
    let policy = match claim {
        Some(cl) => sq::policy(c, &cl.policy_id)?.as_ref().map(version_of).transpose()?,
        None => match &class {
            Some(k) => {
                let chain: Vec<String> =
                    region_chain(&region(&k.region_code)?).iter().map(ToString::to_string).collect();
                let versions = sq::policies_for(c, &chain, Some(kind.as_str()))?
                    .iter()
                    .map(version_of)
                    .collect::<Result<Vec<_>, _>>()?;
                policy_in_force(&versions, &region(&k.region_code)?, kind, cert.issued_on).cloned()
            }
            None => None,
        },
    };
    let mut others = Vec::new();
    for other in sq::live_claims_of(c, &cert.user_id)? {
        if claim.is_some_and(|cl| cl.id == other.id) || other.certificate_id == cert.id {
            continue;
        }
        let year = sq::certificate(c, &other.certificate_id)?.map_or(0, |oc| oc.issued_on.year());
        others.push(OtherClaim { kind: kind_of(&other.kind)?, certificate_year: year });
    }
    let claimant = claimant.or(policy.as_ref().map(|p| p.payee)).unwrap_or(Payee::Trainee);
    let outcome = eligibility(&ClaimFacts {
        certificate: Some(CertificateFacts { revoked: cert.status != "valid", issued_on: cert.issued_on, kind }),
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
fn assess_locked(
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
fn reassess(c: &mut DbConn, claim: &ClaimRow, today: NaiveDate, require_verified: bool) -> Result<Assessed, AppError> {
    let filed_on = claim.filed_at.map(|t| shanghai_date(utc(t))).unwrap_or(today);
    let Some(cert) = sq::certificate(c, &claim.certificate_id)? else {
        return Ok(Assessed { outcome: Err(vec![IneligibleReason::CertificateMissing]), policy: None });
    };
    assess(c, &cert, Some(claim), Some(payee_of(&claim.payee)?), filed_on, require_verified)
}

/// What a certificate would earn, for its holder (rules run for the policy's payee).
pub async fn certificate_eligibility(
    state: &AppState,
    actor: Actor,
    number: String,
    now: DateTime<Utc>,
) -> Result<Eligibility, AppError> {
    state
        .db(move |c| {
            let cert = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            if cert.user_id != actor.user_id.as_str() {
                let class = q::find_class(c, &cert.class_id)?.ok_or_else(|| AppError::not_found("class"))?;
                let reg = region(&class.region_code)?;
                authorize(
                    &actor,
                    Action::ViewClaim,
                    &Resource::Claim {
                        trainee: &malanhua_shared::UserId::from_raw(&cert.user_id),
                        institution: &class.institution_id,
                        region: &reg,
                    },
                )?;
            }
            Ok(assess(c, &cert, None, None, shanghai_date(now), false)?.view())
        })
        .await
}

// ------------------------------------------------------------------- claims

fn new_claim(
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
fn insert_claim_once(c: &mut DbConn, row: &ClaimRow) -> Result<bool, AppError> {
    let r = c.transaction(|c| sq::insert_claim(c, row));
    match r {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn payee_recipients(c: &mut DbConn, claim: &ClaimRow) -> Result<Vec<String>, AppError> {
    let mut to = vec![claim.user_id.clone()];
    if claim.payee == Payee::Institution.as_str() {
        to.extend(q::staff_of_institution(c, &claim.institution_id)?);
    }
    Ok(to)
}

fn notify(
    c: &mut DbConn,
    claim: &ClaimRow,
    kind: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rows: Vec<_> = payee_recipients(c, claim)?
        .iter()
        .map(|u| super::classes::notification(u, kind, &claim.class_id, reason, now))
        .collect();
    q::notify(c, &rows)?;
    Ok(())
}

fn record(
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

fn may_file(actor: &Actor, claim: &ClaimRow) -> Result<(), AppError> {
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
fn submit_row(c: &mut DbConn, actor: &Actor, claim: &ClaimRow, now: DateTime<Utc>) -> Result<(), AppError> {
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

fn batch_view(c: &mut DbConn, class: &ClassRow, filed: u32, now: DateTime<Utc>) -> Result<ClaimBatch, AppError> {
    let claims = sq::claims_of_class(c, &class.id)?;
    let mut lines = Vec::new();
    let mut total = 0i64;
    for cert in cq::of_class(c, &class.id)? {
        let live = claims.iter().rev().find(|cl| cl.certificate_id == cert.id && cl.status != "rejected");
        let shown = live.or_else(|| claims.iter().rev().find(|cl| cl.certificate_id == cert.id));
        // Without a live claim, one run of the rules gives both the reasons and the amount.
        let fresh = match live {
            Some(_) => None,
            None => Some(assess(c, &cert, None, Some(Payee::Institution), shanghai_date(now), false)?.outcome),
        };
        let reasons = match (live, &fresh) {
            (Some(cl), _) if !can_submit(status_of(&cl.status)?) => vec![],
            (Some(cl), _) => {
                let probe = ClaimRow { filed_at: Some(cl.filed_at.unwrap_or(naive(now))), ..cl.clone() };
                reassess(c, &probe, shanghai_date(now), false)?.outcome.err().unwrap_or_default()
            }
            (None, Some(Err(r))) => r.clone(),
            (None, _) => vec![],
        };
        let amount = match (shown, &fresh) {
            (Some(cl), _) => Some(fen(cl.amount_fen)),
            (None, Some(Ok(e))) => Some(e.amount),
            (None, _) => None,
        };
        if let Some(cl) = live {
            total += cl.amount_fen;
        }
        lines.push(BatchLine {
            certificate_number: cert.number.clone(),
            holder_name: cert.holder_name.clone(),
            claim_id: shown.map(|cl| cl.id.clone()),
            status: shown.map(|cl| status_of(&cl.status)).transpose()?,
            amount_fen: amount,
            reasons,
        });
    }
    Ok(ClaimBatch { class_id: class.id.clone(), class_title: class.title.clone(), lines, filed, total_fen: fen(total) })
}

fn staff_class(c: &mut DbConn, actor: &Actor, id: &str) -> Result<ClassRow, AppError> {
    let class = q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))?;
    let reg = region(&class.region_code)?;
    authorize(actor, Action::FileBatchClaim, &Resource::Institution { id: &class.institution_id, region: &reg })?;
    Ok(class)
}

/// The institution's batch for a class: each certificate with its claim or reasons.
pub async fn batch(state: &AppState, actor: Actor, class: String, now: DateTime<Utc>) -> Result<ClaimBatch, AppError> {
    state
        .db(move |c| {
            let class = staff_class(c, &actor, &class)?;
            batch_view(c, &class, 0, now)
        })
        .await
}

/// Institution staff file the batch: every eligible line is filed (drafts
/// and returned claims refiled, new claims made); the rest keep their reasons.
pub async fn file_batch(
    state: &AppState,
    actor: Actor,
    class: String,
    now: DateTime<Utc>,
) -> Result<ClaimBatch, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let class = staff_class(c, &actor, &class)?;
                let mut filed = 0;
                for cert in cq::of_class(c, &class.id)? {
                    sq::lock_person(c, &cert.user_id)?;
                    let all = sq::claims_of(c, &cert.user_id)?;
                    let rejected = all.iter().any(|cl| cl.certificate_id == cert.id && cl.status == "rejected");
                    let live = all.into_iter().find(|cl| cl.certificate_id == cert.id && cl.status != "rejected");
                    match live {
                        None if rejected => {}
                        Some(claim) if can_submit(status_of(&claim.status)?) => {
                            if c.transaction(|c| submit_row(c, &actor, &claim, now)).is_ok() {
                                filed += 1;
                            }
                        }
                        Some(_) => {}
                        None => {
                            let Ok(e) = assess_locked(c, &cert, Some(Payee::Institution), shanghai_date(now))? else {
                                continue;
                            };
                            let row =
                                new_claim(&cert, &class, &e, ClaimStatus::Submitted, Some(actor.user_id.as_str()), now);
                            if insert_claim_once(c, &row)? {
                                record(
                                    c,
                                    Some(actor.user_id.as_str()),
                                    "claim.file",
                                    &row,
                                    ClaimStatus::Submitted,
                                    None,
                                    now,
                                )?;
                                filed += 1;
                            }
                        }
                    }
                }
                batch_view(c, &class, filed, now)
            })
        })
        .await
}

// ------------------------------------------------------------- the stages

struct Checked {
    action: ClaimAction,
    reason: Option<String>,
    payment_ref: Option<String>,
    paid_on: Option<NaiveDate>,
}

fn check_action(req: &ClaimActionRequest) -> Result<Checked, AppError> {
    let reason = match req.action {
        ClaimAction::Return | ClaimAction::Reject => {
            Some(check_reason(req.reason.as_deref().unwrap_or_default()).map_err(|c| AppError::field("reason", c))?)
        }
        _ => None,
    };
    let payment_ref = match req.action {
        ClaimAction::Pay => Some(
            check_payment_ref(req.payment_ref.as_deref().unwrap_or_default())
                .map_err(|c| AppError::field("payment_ref", c))?,
        ),
        _ => None,
    };
    let paid_on = req.paid_on.filter(|_| req.action == ClaimAction::Pay);
    Ok(Checked { action: req.action, reason, payment_ref, paid_on })
}

fn stage_error(e: StageError, action: ClaimAction) -> AppError {
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
    }
}

fn context<'a>(
    c: &mut DbConn,
    actor: &'a Actor,
    claim: &'a ClaimRow,
    today: NaiveDate,
) -> Result<StageContext<'a>, AppError> {
    Ok(StageContext {
        officer: actor.user_id.as_str(),
        reviewed_by: claim.reviewed_by.as_deref(),
        approved_by: claim.approved_by.as_deref(),
        today,
        notice_ends_on: claim.notice_ends_on,
        open_objections: sq::open_objections(c, &claim.id)? > 0,
    })
}

/// One stage action on one claim, in the caller's transaction.
fn act_row(
    c: &mut DbConn,
    actor: &Actor,
    id: &str,
    req: &Checked,
    now: DateTime<Utc>,
) -> Result<ClaimStatus, AppError> {
    let claim = sq::claim(c, id)?.ok_or_else(|| AppError::not_found("claim"))?;
    authorize(actor, Action::DecideClaim, &Resource::Region(&region(&claim.region_code)?))?;
    let today = shanghai_date(now);
    let from = status_of(&claim.status)?;
    let to =
        next_status(from, req.action, &context(c, actor, &claim, today)?).map_err(|e| stage_error(e, req.action))?;
    if let Some(day) = req.paid_on
        && !paid_on_allowed(day, today, claim.notice_ends_on)
    {
        return Err(AppError::field("paid_on", malanhua_shared::FieldCode::OutOfRange));
    }
    if rechecks_eligibility(req.action)
        && let Err(reasons) = reassess(c, &claim, today, needs_verified_group(req.action))?.outcome
    {
        return Err(not_eligible(&reasons));
    }
    let me = actor.user_id.as_str();
    let mut change = StageChange { reason: req.reason.as_deref(), ..StageChange::default() };
    match req.action {
        ClaimAction::Review => change.reviewed_by = Some(me),
        ClaimAction::Approve => change.approved_by = Some(me),
        ClaimAction::Publish => {
            let days = sq::policy(c, &claim.policy_id)?.map_or(5, |p| u32::try_from(p.notice_days).unwrap_or(5));
            change.notice_ends_on = Some(notice_end(today, days));
        }
        ClaimAction::Pay | ClaimAction::Return | ClaimAction::Reject => {}
    }
    if sq::change_stage(c, id, from.as_str(), to.as_str(), &change, naive(now))? != 1 {
        return Err(AppError::new(ErrorCode::WrongState, "the claim changed meanwhile; reload it"));
    }
    if let Some(reference) = &req.payment_ref {
        let payment = PaymentRow {
            id: new_id(),
            claim_id: claim.id.clone(),
            reference: reference.clone(),
            paid_on: req.paid_on.unwrap_or(today),
            amount_fen: claim.amount_fen,
            paid_by: me.to_owned(),
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
    record(c, Some(me), &format!("claim.{}", req.action.as_str()), &claim, to, why, now)?;
    match req.action {
        ClaimAction::Return => notify(c, &claim, "claim_returned", req.reason.as_deref(), now)?,
        ClaimAction::Reject => notify(c, &claim, "claim_rejected", req.reason.as_deref(), now)?,
        ClaimAction::Pay => notify(c, &claim, "claim_paid", req.payment_ref.as_deref(), now)?,
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
    state
        .db(move |c| {
            write_tx(c, |c| {
                act_row(c, &actor, &id, &checked, now)?;
                detail_of(c, &actor, &id, now)
            })
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
            for id in &req.claim_ids {
                let result = write_tx(c, |c| act_row(c, &actor, id, &checked, now));
                out.push(match result {
                    Ok(s) => BulkResult { claim_id: id.clone(), status: Some(s), error: None },
                    Err(e) => {
                        let status = sq::claim(c, id)?.map(|cl| status_of(&cl.status)).transpose()?;
                        BulkResult { claim_id: id.clone(), status, error: Some(e.body()) }
                    }
                });
            }
            Ok(out)
        })
        .await
}

// ------------------------------------------------------- notice, objections

/// Claims on public notice now (no login): masked names only.
pub async fn notices(state: &AppState, code: Option<String>, now: DateTime<Utc>) -> Result<Vec<NoticeEntry>, AppError> {
    let prefix = match code.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => RegionCode::parse(s)
            .map_err(|_| AppError::field("region", malanhua_shared::FieldCode::InvalidRegion))?
            .prefix()
            .to_owned(),
        None => String::new(),
    };
    let today = shanghai_date(now);
    state
        .db(move |c| {
            let rows: Vec<ClaimRow> = sq::on_notice(c, &prefix, today, 1000)?;
            let sums = summaries(c, &rows)?;
            let codes: Vec<String> = rows.iter().map(|r| r.region_code.clone()).collect();
            let names: HashMap<String, String> = db::regions::names(c, &codes)?.into_iter().collect();
            Ok(sums
                .into_iter()
                .filter_map(|s| {
                    Some(NoticeEntry {
                        claim_id: s.id,
                        holder_masked: mask_name(&s.holder_name),
                        kind: s.kind,
                        institution: s.institution,
                        amount_fen: s.amount_fen,
                        notice_ends_on: s.notice_ends_on?,
                        region_name: names.get(&s.region_code).cloned().unwrap_or_default(),
                        region_code: s.region_code,
                        held: s.status == ClaimStatus::Held,
                    })
                })
                .collect())
        })
        .await
}

fn objection_out(r: &ObjectionRow, with_contact: bool) -> Result<Objection, AppError> {
    Ok(Objection {
        id: r.id.clone(),
        text: r.text.clone(),
        contact: with_contact.then(|| r.contact.clone()),
        filed_at: utc(r.filed_at),
        status: ObjectionStatus::from_name(&r.status).ok_or_else(|| AppError::internal("bad objection status"))?,
        resolution: r.resolution.clone(),
    })
}

/// Anyone files an objection while the claim is on notice; it holds the claim.
pub async fn object(
    state: &AppState,
    claim: String,
    req: NewObjection,
    now: DateTime<Utc>,
) -> Result<Objection, AppError> {
    let (text, contact) = req.check().map_err(AppError::validation)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                if !sq::lock_claim(c, &claim)? {
                    return Err(AppError::not_found("claim"));
                }
                let row = sq::claim(c, &claim)?.ok_or_else(|| AppError::not_found("claim"))?;
                let status = status_of(&row.status)?;
                if !objection_allowed(status, row.notice_ends_on, shanghai_date(now)) {
                    return Err(AppError::new(ErrorCode::WrongState, "the claim is not on public notice"));
                }
                let o = ObjectionRow {
                    id: new_id(),
                    claim_id: claim.clone(),
                    text,
                    contact,
                    filed_at: naive(now),
                    status: ObjectionStatus::Open.as_str().into(),
                    resolution: None,
                    resolved_by: None,
                    resolved_at: None,
                };
                sq::insert_objection(c, &o)?;
                if status == ClaimStatus::Notice
                    && sq::change_stage(c, &claim, "notice", "held", &StageChange::default(), naive(now))? != 1
                {
                    return Err(AppError::new(ErrorCode::WrongState, "the claim changed meanwhile"));
                }
                record(c, None, "claim.objection", &row, ClaimStatus::Held, Some(o.text.clone()), now)?;
                objection_out(&o, false)
            })
        })
        .await
}

/// An officer resolves an objection: upheld rejects the claim; dismissed
/// returns it to notice once no objection is open.
pub async fn resolve(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ObjectionResolution,
    now: DateTime<Utc>,
) -> Result<ClaimDetail, AppError> {
    let finding = check_reason(&req.reason).map_err(|c| AppError::field("reason", c))?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let o = sq::objection(c, &id)?.ok_or_else(|| AppError::not_found("objection"))?;
                sq::lock_claim(c, &o.claim_id)?;
                let claim = sq::claim(c, &o.claim_id)?.ok_or_else(|| AppError::not_found("claim"))?;
                authorize(&actor, Action::DecideClaim, &Resource::Region(&region(&claim.region_code)?))?;
                let to = if req.uphold { ObjectionStatus::Upheld } else { ObjectionStatus::Dismissed };
                if sq::resolve_objection(c, &id, to.as_str(), actor.user_id.as_str(), &finding, naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "the objection was already resolved"));
                }
                let me = Some(actor.user_id.as_str());
                if req.uphold {
                    let change = StageChange { reason: Some(&finding), ..StageChange::default() };
                    if sq::change_stage(c, &claim.id, "held", "rejected", &change, naive(now))? != 1 {
                        return Err(AppError::new(ErrorCode::WrongState, "the claim is not held"));
                    }
                    record(c, me, "claim.objection_upheld", &claim, ClaimStatus::Rejected, Some(finding.clone()), now)?;
                    notify(c, &claim, "claim_rejected", Some(&finding), now)?;
                } else {
                    let mut next = status_of(&claim.status)?;
                    if sq::open_objections(c, &claim.id)? == 0 && next == ClaimStatus::Held {
                        if sq::change_stage(c, &claim.id, "held", "notice", &StageChange::default(), naive(now))? != 1 {
                            return Err(AppError::new(ErrorCode::WrongState, "the claim is not held"));
                        }
                        next = ClaimStatus::Notice;
                    }
                    record(c, me, "claim.objection_dismissed", &claim, next, Some(finding.clone()), now)?;
                }
                detail_of(c, &actor, &claim.id, now)
            })
        })
        .await
}

// ----------------------------------------------------------------- reading

/// Claims as listed, with names, titles and payments loaded in bulk.
fn summaries(c: &mut DbConn, rows: &[ClaimRow]) -> Result<Vec<ClaimSummary>, AppError> {
    let cert_ids: Vec<String> = rows.iter().map(|r| r.certificate_id.clone()).collect();
    let certs: HashMap<String, CertificateRow> =
        sq::certificates(c, &cert_ids)?.into_iter().map(|r| (r.id.clone(), r)).collect();
    let class_ids: Vec<String> = rows.iter().map(|r| r.class_id.clone()).collect();
    let titles: HashMap<String, String> = sq::class_titles(c, &class_ids)?.into_iter().collect();
    let inst_ids: Vec<String> = rows.iter().map(|r| r.institution_id.clone()).collect();
    let insts: HashMap<String, String> = q::institution_names(c, &inst_ids)?.into_iter().collect();
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let pays: HashMap<String, PaymentRow> =
        sq::payments_of(c, &ids)?.into_iter().map(|p| (p.claim_id.clone(), p)).collect();
    rows.iter()
        .map(|r| {
            let cert = certs.get(&r.certificate_id);
            let pay = pays.get(&r.id);
            Ok(ClaimSummary {
                id: r.id.clone(),
                status: status_of(&r.status)?,
                kind: kind_of(&r.kind)?,
                certificate_number: cert.map(|x| x.number.clone()).unwrap_or_default(),
                trainee_id: r.user_id.clone(),
                holder_name: cert.map(|x| x.holder_name.clone()).unwrap_or_default(),
                institution_id: r.institution_id.clone(),
                institution: insts.get(&r.institution_id).cloned().unwrap_or_default(),
                class_id: r.class_id.clone(),
                class_title: titles.get(&r.class_id).cloned().unwrap_or_default(),
                region_code: r.region_code.clone(),
                payee: payee_of(&r.payee)?,
                amount_fen: fen(r.amount_fen),
                filed_at: r.filed_at.map(utc),
                notice_ends_on: r.notice_ends_on,
                payment_ref: pay.map(|p| p.reference.clone()),
                paid_on: pay.map(|p| p.paid_on),
                reason: r.reason.clone(),
                updated_at: utc(r.updated_at),
            })
        })
        .collect()
}

fn timeline(c: &mut DbConn, claim: &str) -> Result<Vec<TimelineEntry>, AppError> {
    let rows = db::audit::for_entity(c, "claim", claim)?;
    let actor_ids: Vec<String> = rows.iter().filter_map(|r| r.actor_id.clone()).collect();
    let mut names = HashMap::new();
    for id in actor_ids {
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(id.clone()) {
            let u = db::users::find(c, &id)?;
            e.insert(u.and_then(|u| u.real_name));
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| TimelineEntry {
            at: utc(r.at),
            status: r.summary.strip_prefix("-> ").and_then(|s| s.split(':').next()).and_then(ClaimStatus::from_name),
            actor_name: r.actor_id.as_ref().and_then(|id| names.get(id).cloned().flatten()),
            action: r.action,
            reason: r.reason,
        })
        .collect())
}

fn detail_of(c: &mut DbConn, actor: &Actor, id: &str, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    let row = sq::claim(c, id)?.ok_or_else(|| AppError::not_found("claim"))?;
    let reg = region(&row.region_code)?;
    let trainee = malanhua_shared::UserId::from_raw(&row.user_id);
    authorize(
        actor,
        Action::ViewClaim,
        &Resource::Claim { trainee: &trainee, institution: &row.institution_id, region: &reg },
    )?;
    let today = shanghai_date(now);
    let status = status_of(&row.status)?;
    let officer = authorize(actor, Action::DecideClaim, &Resource::Region(&reg)).is_ok();
    let actions = if officer { available_actions(status, &context(c, actor, &row, today)?) } else { vec![] };
    let probe = ClaimRow { filed_at: Some(row.filed_at.unwrap_or(naive(now))), ..row.clone() };
    let eligibility = reassess(c, &probe, today, verification_due(status))?.view();
    let objections =
        sq::objections_of(c, id)?.iter().map(|o| objection_out(o, officer)).collect::<Result<Vec<_>, _>>()?;
    let claim = summaries(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("claim vanished"))?;
    let declarations = if officer || row.user_id == actor.user_id.as_str() {
        sq::declarations_of(c, &row.user_id)?.iter().map(|d| declaration_out(c, d)).collect::<Result<Vec<_>, _>>()?
    } else {
        vec![]
    };
    Ok(ClaimDetail {
        claim,
        eligibility,
        timeline: timeline(c, id)?,
        objections,
        declarations,
        actions,
        can_submit: can_submit(status) && may_file(actor, &row).is_ok(),
    })
}

/// A claim with its eligibility now, its history and objections.
pub async fn detail(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    state.db(move |c| detail_of(c, &actor, &id, now)).await
}

/// Every claim on the signed-in person's certificates.
pub async fn my_claims(state: &AppState, actor: Actor) -> Result<Vec<ClaimSummary>, AppError> {
    state
        .db(move |c| {
            let rows = sq::claims_of(c, actor.user_id.as_str())?;
            summaries(c, &rows)
        })
        .await
}

fn filter_of(actor: &Actor, query: &ClaimQuery) -> Result<ClaimFilter, AppError> {
    let own = officer_region(actor)?;
    authorize(actor, Action::DecideClaim, &Resource::Region(&own))?;
    let start = |d: NaiveDate| naive(malanhua_shared::course::shanghai_midnight(d));
    if let (Some(a), Some(b)) = (query.min_fen, query.max_fen)
        && b < a
    {
        return Err(AppError::field("max_fen", malanhua_shared::FieldCode::NotInOrder));
    }
    if let (Some(a), Some(b)) = (query.from, query.to)
        && b < a
    {
        return Err(AppError::field("to", malanhua_shared::FieldCode::NotInOrder));
    }
    Ok(ClaimFilter {
        prefix: own.prefix().to_owned(),
        status: query.status.map(|s| s.as_str().to_owned()),
        // Drafts are the payee's until filed; an officer lists them only on purpose.
        except_status: query.status.is_none().then(|| ClaimStatus::Draft.as_str().to_owned()),
        kind: query.kind.map(|k| k.as_str().to_owned()),
        institution: query.institution.clone().filter(|s| !s.is_empty()),
        filed_from: query.from.map(start),
        filed_before: query.to.and_then(|d| d.succ_opt()).map(start),
        min_fen: query.min_fen,
        max_fen: query.max_fen,
        after: query.after.clone().filter(|s| !s.is_empty()),
    })
}

/// The officer's worklist: filtered, oldest first, one keyset page.
pub async fn worklist(state: &AppState, actor: Actor, query: ClaimQuery) -> Result<ClaimPage, AppError> {
    let f = filter_of(&actor, &query)?;
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    state
        .db(move |c| {
            let mut rows = sq::worklist(c, &f, limit + 1)?;
            let more = rows.len() > usize::try_from(limit).unwrap_or(0);
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            let next = if more { rows.last().map(|r| r.id.clone()) } else { None };
            Ok(ClaimPage { items: summaries(c, &rows)?, next })
        })
        .await
}

/// Every claim matching the filters (up to [`MAX_EXPORT`]), for export.
pub async fn export_rows(state: &AppState, actor: Actor, query: ClaimQuery) -> Result<Vec<ClaimSummary>, AppError> {
    let f = filter_of(&actor, &query)?;
    state
        .db(move |c| {
            let rows = sq::worklist(c, &f, MAX_EXPORT)?;
            summaries(c, &rows)
        })
        .await
}

/// The export's columns.
pub const EXPORT_HEADER: [&str; 13] = [
    "claim_id",
    "status",
    "kind",
    "certificate",
    "holder",
    "institution",
    "class",
    "region",
    "payee",
    "amount_yuan",
    "filed_at",
    "notice_ends_on",
    "payment_ref",
];

/// One export row as text cells (amount in yuan with two decimals, times in Shanghai).
pub fn export_cells(s: &ClaimSummary) -> [String; 13] {
    let yuan = format!("{}.{:02}", s.amount_fen.get() / 100, s.amount_fen.get() % 100);
    [
        s.id.clone(),
        s.status.as_str().into(),
        s.kind.as_str().into(),
        s.certificate_number.clone(),
        s.holder_name.clone(),
        s.institution.clone(),
        s.class_title.clone(),
        s.region_code.clone(),
        s.payee.as_str().into(),
        yuan,
        s.filed_at
            .map(|t| t.with_timezone(&malanhua_shared::course::shanghai()).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
        s.notice_ends_on.map(|d| d.to_string()).unwrap_or_default(),
        s.payment_ref.clone().unwrap_or_default(),
    ]
}

fn csv_cell(v: &str) -> String {
    // Cells that a spreadsheet would run as a formula are prefixed with a quote.
    let v = if v.starts_with(['=', '+', '-', '@']) { format!("'{v}") } else { v.to_owned() };
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
}

/// The claims as CSV (UTF-8 with a BOM, so spreadsheets read the Chinese).
pub fn claims_csv(rows: &[ClaimSummary]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&EXPORT_HEADER.join(","));
    out.push_str("\r\n");
    for s in rows {
        let cells: Vec<String> = export_cells(s).iter().map(|v| csv_cell(v)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The claims as an XLSX workbook.
pub fn claims_xlsx(rows: &[ClaimSummary]) -> Result<Vec<u8>, AppError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("claims").map_err(AppError::internal)?;
    for (col, h) in (0u16..).zip(EXPORT_HEADER) {
        sheet.write_string(0, col, h).map_err(AppError::internal)?;
    }
    for (row, s) in (1u32..).zip(rows) {
        for (col, v) in (0u16..).zip(export_cells(s)) {
            if col == 9 {
                #[expect(clippy::cast_precision_loss, reason = "display only: fen fit f64 exactly below 2^53")]
                let yuan = s.amount_fen.get() as f64 / 100.0;
                sheet.write_number(row, col, yuan).map_err(AppError::internal)?;
            } else {
                sheet.write_string(row, col, v).map_err(AppError::internal)?;
            }
        }
    }
    book.save_to_buffer().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("张三"), "张三");
    }
}
