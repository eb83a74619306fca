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

/// The groups of a policy version, stored comma-separated; a name that is
/// not a group is an error naming the column and the value.
pub(crate) fn groups_of(text: &str) -> Result<Vec<PriorityGroup>, AppError> {
    text.split(',')
        .filter(|name| !name.is_empty())
        .map(|name| {
            PriorityGroup::from_name(name).ok_or_else(|| {
                AppError::internal(format!(
                    "bad priority group in storage: subsidy_policies.eligible_groups = '{text}'"
                ))
            })
        })
        .collect()
}

pub(crate) fn version_of(r: &PolicyRow) -> Result<PolicyVersion, AppError> {
    Ok(PolicyVersion {
        id: r.id.clone(),
        region: r.region_code.clone(),
        kind: r.kind,
        effective_from: r.effective_from,
        ends_on: r.ends_on,
        amount: r.amount_fen,
        payee: r.payee,
        groups: groups_of(&r.eligible_groups)?,
        window_months: u32::try_from(r.claim_window_months).unwrap_or(0),
        notice_days: u32::try_from(r.notice_days).unwrap_or(0),
        one_per_year: r.one_per_year,
        local_groups: r.local_groups,
        amount_is_cap: r.amount_is_cap,
    })
}

pub(crate) fn not_eligible(reasons: &[IneligibleReason]) -> AppError {
    let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
    AppError {
        reasons: reasons.to_vec(),
        ..AppError::new(ErrorCode::NotEligible, format!("not eligible: {}", names.join(", ")))
    }
}

pub(crate) fn officer_region(actor: &Actor) -> Result<RegionCode, AppError> {
    actor.officer_region().cloned().ok_or_else(|| AppError::from(Denied::MissingRole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_groups_read_back_and_a_bad_name_is_an_error() {
        let groups = [PriorityGroup::Veteran, PriorityGroup::RecentGraduate];
        assert_eq!(groups_of(&groups_text(&groups)).ok(), Some(groups.to_vec()));
        assert_eq!(groups_of("").ok(), Some(vec![]));
        // The column and the value go to the log; the caller gets a server error.
        let bad = groups_of("veteran,astronaut").err().map(|e| e.code);
        assert_eq!(bad, Some(ErrorCode::Internal));
    }
}
