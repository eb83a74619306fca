//! Reading subsidy rows: groups and policy versions from storage.

use malanhua_shared::api::subsidies::{IneligibleReason, PriorityGroup};
use malanhua_shared::{ErrorCode, RegionCode};

use crate::core::authorization::{Actor, Denied};
use crate::core::error::AppError;
use crate::subsidies::rules::PolicyVersion;
use crate::subsidies::store::PolicyRow;

/// Most claims one bulk request may touch.
pub const MAX_BULK: usize = 500;

/// Most rows an export holds.
pub const MAX_EXPORT: i64 = 10_000;

pub(crate) fn groups_text(groups: &[PriorityGroup]) -> String {
    groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(",")
}

pub(crate) fn groups_of(text: &str) -> Vec<PriorityGroup> {
    text.split(',').filter_map(PriorityGroup::from_name).collect()
}

pub(crate) fn version_of(r: &PolicyRow) -> PolicyVersion {
    PolicyVersion {
        id: r.id.clone(),
        region: r.region_code.clone(),
        kind: r.kind,
        effective_from: r.effective_from,
        ends_on: r.ends_on,
        amount: r.amount_fen,
        payee: r.payee,
        groups: groups_of(&r.eligible_groups),
        window_months: u32::try_from(r.claim_window_months).unwrap_or(0),
        notice_days: u32::try_from(r.notice_days).unwrap_or(0),
        one_per_year: r.one_per_year,
    }
}

pub(crate) fn not_eligible(reasons: &[IneligibleReason]) -> AppError {
    let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
    AppError::new(ErrorCode::NotEligible, format!("not eligible: {}", names.join(", ")))
}

pub(crate) fn officer_region(actor: &Actor) -> Result<RegionCode, AppError> {
    actor.officer_region().cloned().ok_or_else(|| AppError::from(Denied::MissingRole))
}
