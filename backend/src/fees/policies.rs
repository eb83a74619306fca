//! A region's service-fee policy versions: read (public), set (its
//! officers), and the version in force for a service date.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{FeePolicy, FeePolicyInput};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::FeePolicyId;

use super::store::{self as fq, FeePolicyRow, bands_of, bands_text};
use crate::classes::rules::region_chain;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// A row on the wire.
pub fn policy_out(r: &FeePolicyRow) -> Result<FeePolicy, AppError> {
    Ok(FeePolicy {
        id: r.id.clone(),
        region_code: r.region_code.as_str().to_owned(),
        effective_from: r.effective_from,
        ends_on: r.ends_on,
        one_to_one: bands_of(&r.one_to_one_bands).map_err(AppError::internal)?,
        group: bands_of(&r.group_bands).map_err(AppError::internal)?,
        transport_fen: r.transport_fen,
        yearly_cap_fen: r.yearly_cap_fen,
        notice_days: u32::try_from(r.notice_days).unwrap_or(5),
    })
}

fn versions(c: &mut DbConn, region: &RegionCode) -> Result<Vec<FeePolicy>, AppError> {
    fq::policies_for(c, &region_chain(region))?.iter().map(policy_out).collect()
}

/// The version in force for services in `region` on `day`.
pub fn policy_on(c: &mut DbConn, region: &RegionCode, day: NaiveDate) -> Result<Option<FeePolicy>, AppError> {
    let all = versions(c, region)?;
    Ok(crate::studios::rules::in_force(&all, region, day).cloned())
}

/// The versions of a region and of the regions above it.
pub async fn policies(state: &AppState, region: String) -> Result<Vec<FeePolicy>, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    state.db(move |c| versions(c, &region)).await
}

/// An officer of the region sets a version (replacing one of the same date).
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    region: String,
    req: FeePolicyInput,
    now: DateTime<Utc>,
) -> Result<FeePolicy, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    authorize(&actor, Action::DecideClaim, &Resource::Region(&region))?;
    let p = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &region, "region")?;
            let row = FeePolicyRow {
                id: FeePolicyId::from_raw(new_id()),
                region_code: region.clone(),
                effective_from: p.effective_from,
                ends_on: p.ends_on,
                one_to_one_bands: bands_text(&p.one_to_one),
                group_bands: bands_text(&p.group),
                transport_fen: p.transport_fen,
                yearly_cap_fen: p.yearly_cap_fen,
                notice_days: i32::try_from(p.notice_days).unwrap_or(5),
                updated_by: Some(actor.user_id.clone()),
                updated_at: naive(now),
            };
            let saved = fq::put_policy(c, &row)?;
            let summary = format!("from {}: cap {} fen", saved.effective_from, saved.yearly_cap_fen.get());
            let entry = Entry::by(&actor.user_id, AuditAction::SetFeePolicy, "fee_policy", saved.id.as_str(), summary);
            audit::record(c, entry, now)?;
            policy_out(&saved)
        })
        .await
}
