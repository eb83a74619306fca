//! Reading subsidy rows: statuses, payees, groups and policy versions from storage.

use malanhua_shared::api::subsidies::{ClaimStatus, IneligibleReason, Payee, PriorityGroup};
use malanhua_shared::{ErrorCode, Fen, RegionCode};

#[allow(unused_imports)]
use super::{batch::*, claims::*, eligibility::*, export::*, groups::*, notice::*, policies::*, reading::*, stages::*};
use crate::core::authorization::{Actor, Denied};
use crate::core::error::AppError;
use crate::core::{kind_of, region};
use crate::subsidies::rules::PolicyVersion;
use crate::subsidies::store::PolicyRow;

/// Most claims one bulk request may touch.
pub const MAX_BULK: usize = 500;

/// Most rows an export holds.
pub const MAX_EXPORT: i64 = 10_000;

pub(crate) fn status_of(name: &str) -> Result<ClaimStatus, AppError> {
    ClaimStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad claim status in storage: {name}")))
}

pub(crate) fn payee_of(name: &str) -> Result<Payee, AppError> {
    Payee::from_name(name).ok_or_else(|| AppError::internal(format!("bad payee in storage: {name}")))
}

pub(crate) fn fen(v: i64) -> Fen {
    Fen::new(v).unwrap_or(Fen::ZERO)
}

pub(crate) fn groups_text(groups: &[PriorityGroup]) -> String {
    groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(",")
}

pub(crate) fn groups_of(text: &str) -> Vec<PriorityGroup> {
    text.split(',').filter_map(PriorityGroup::from_name).collect()
}

pub(crate) fn version_of(r: &PolicyRow) -> Result<PolicyVersion, AppError> {
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

pub(crate) fn not_eligible(reasons: &[IneligibleReason]) -> AppError {
    let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
    AppError::new(ErrorCode::NotEligible, format!("not eligible: {}", names.join(", ")))
}

pub(crate) fn officer_region(actor: &Actor) -> Result<RegionCode, AppError> {
    actor.officer_region().cloned().ok_or_else(|| AppError::from(Denied::MissingRole))
}
