//! Subsidy policies: versions per region and course kind.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use malanhua_shared::api::subsidies::{CheckedPolicy, SubsidyPolicy, SubsidyPolicyInput};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::CourseKind;
use malanhua_shared::ids::{SubsidyPolicyId, UserId};
use malanhua_shared::{ErrorCode, RegionCode};

use super::decode::*;
use crate::classes::rules::region_chain;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::subsidies::rules::needs_second_officer;
use crate::subsidies::store::{self as sq, PolicyRow};

pub(crate) fn policy_out(c: &mut DbConn, rows: &[PolicyRow]) -> Result<Vec<SubsidyPolicy>, AppError> {
    let ids: Vec<SubsidyPolicyId> = rows.iter().map(|r| r.id.clone()).collect();
    let used = sq::policies_in_use(c, &ids)?;
    let codes: Vec<RegionCode> = rows.iter().map(|r| r.region_code.clone()).collect();
    let names: HashMap<RegionCode, String> = crate::core::regions::store::names(c, &codes)?.into_iter().collect();
    rows.iter()
        .map(|r| {
            let v = version_of(r)?;
            Ok(SubsidyPolicy {
                id: r.id.clone(),
                region_code: r.region_code.to_string(),
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
                local_groups: v.local_groups,
                amount_is_cap: v.amount_is_cap,
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
            let rows = sq::policies_for(c, &region_chain(&at), None)?;
            policy_out(c, &rows)
        })
        .await
}

/// Checks a policy request: the region, the course kind, the actor's right
/// to set the region's policy, and every field.
pub(crate) fn checked(
    actor: &Actor,
    code: &str,
    kind: &str,
    input: &SubsidyPolicyInput,
) -> Result<(RegionCode, CourseKind, CheckedPolicy), AppError> {
    let at = RegionCode::parse(code).map_err(|_| AppError::not_found("region"))?;
    let kind = CourseKind::from_name(kind).ok_or_else(|| AppError::not_found("course kind"))?;
    authorize(actor, Action::EditSubsidyPolicy, &Resource::Region(&at))?;
    let p = input.validate().map_err(AppError::validation)?;
    Ok((at, kind, p))
}

/// A bureau sets the version of its region's policy effective from a date.
/// A version that claims already use is never changed: add a later one. A
/// version paying more than the second-officer amount is refused here with
/// `second_officer_required`: it is proposed, and another officer confirms it.
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    input: SubsidyPolicyInput,
    now: DateTime<Utc>,
) -> Result<SubsidyPolicy, AppError> {
    let above = state.config.second_officer_above_fen;
    let one_officer = |p: &CheckedPolicy| {
        if !needs_second_officer(p.amount, above) {
            return Ok(());
        }
        Err(AppError::new(
            ErrorCode::SecondOfficerRequired,
            format!("a standard above {} yuan takes effect once a second officer confirms it: propose it", above / 100),
        ))
    };
    write_policy(state, actor, (&code, &kind), &input, now, one_officer).await
}

/// Loads a policy from the published texts (the demo), whatever its amount.
pub async fn load_policy(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    input: SubsidyPolicyInput,
    now: DateTime<Utc>,
) -> Result<SubsidyPolicy, AppError> {
    write_policy(state, actor, (&code, &kind), &input, now, |_| Ok(())).await
}

/// Checks the request, lets `allow` refuse the checked version, and writes it.
async fn write_policy(
    state: &AppState,
    actor: Actor,
    (code, kind): (&str, &str),
    input: &SubsidyPolicyInput,
    now: DateTime<Utc>,
    allow: impl FnOnce(&CheckedPolicy) -> Result<(), AppError>,
) -> Result<SubsidyPolicy, AppError> {
    let (at, kind, p) = checked(&actor, code, kind, input)?;
    allow(&p)?;
    state.write(move |c| apply(c, &actor.user_id, None, &at, kind, &p, now)).await
}

/// Writes the version (adding it, or replacing the one of the same date
/// while no claim uses it) and audits it; `confirmed_by` is the second
/// officer of a proposal.
pub(crate) fn apply(
    c: &mut DbConn,
    by: &UserId,
    confirmed_by: Option<&UserId>,
    at: &RegionCode,
    kind: CourseKind,
    p: &CheckedPolicy,
    now: DateTime<Utc>,
) -> Result<SubsidyPolicy, AppError> {
    crate::core::regions::require_known(c, at, "region")?;
    let mut row = PolicyRow {
        id: SubsidyPolicyId::from_raw(new_id()),
        region_code: at.clone(),
        kind,
        effective_from: p.effective_from,
        ends_on: p.ends_on,
        amount_fen: p.amount,
        payee: p.payee,
        eligible_groups: groups_text(&p.groups),
        claim_window_months: i32::try_from(p.window_months).unwrap_or(0),
        notice_days: i32::try_from(p.notice_days).unwrap_or(0),
        one_per_year: p.one_per_year,
        local_groups: p.local_groups,
        amount_is_cap: p.amount_is_cap,
        updated_by: Some(by.clone()),
        updated_at: naive(now),
    };
    let verb = match sq::policy_at(c, &row.region_code, row.kind, row.effective_from)? {
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
    let confirmed = confirmed_by.map(|o| format!("; confirmed by {o}")).unwrap_or_default();
    let summary = format!(
        "{verb} {} {} from {}: {} fen to the {}, window {} months, notice {} days{confirmed}",
        row.region_code,
        row.kind.as_str(),
        row.effective_from,
        row.amount_fen.get(),
        row.payee.as_str(),
        row.claim_window_months,
        row.notice_days
    );
    audit::record(c, Entry::by(by, AuditAction::SetSubsidyPolicy, "subsidy_policy", row.id.as_str(), summary), now)?;
    policy_out(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("policy vanished"))
}
