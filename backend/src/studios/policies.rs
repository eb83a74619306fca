//! A region's studio policy versions: read (public) and set (its officers).

use chrono::{DateTime, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{StudioPolicy, StudioPolicyInput};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::StudioPolicyId;

use super::decode::policy_out;
use super::store::{self as sq, PolicyRow};
use crate::classes::rules::region_chain;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The versions of a region and of the regions above it.
pub async fn policies(state: &AppState, region: String) -> Result<Vec<StudioPolicy>, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    state.db(move |c| Ok(sq::policies_for(c, &region_chain(&region))?.iter().map(policy_out).collect())).await
}

/// An officer of the region sets a version (replacing one of the same date).
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    region: String,
    req: StudioPolicyInput,
    now: DateTime<Utc>,
) -> Result<StudioPolicy, AppError> {
    let region = RegionCode::parse(&region).map_err(|c| AppError::field("region", c))?;
    authorize(&actor, Action::DecideMentor, &Resource::Region(&region))?;
    let p = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &region, "region")?;
            let n = |v: u32| i32::try_from(v).unwrap_or(0);
            let row = PolicyRow {
                id: StudioPolicyId::from_raw(new_id()),
                region_code: region.clone(),
                effective_from: p.effective_from,
                ends_on: p.ends_on,
                grant_fen: p.grant_fen,
                min_members: n(p.min_members),
                min_services: n(p.min_services),
                cycle_years: n(p.cycle_years),
                report_months: n(p.report_months),
                pass_mark: n(p.pass_mark),
                rectification_days: n(p.rectification_days),
                ban_years: n(p.ban_years),
                notice_days: n(p.notice_days),
                updated_by: Some(actor.user_id.clone()),
                updated_at: naive(now),
            };
            let saved = sq::put_policy(c, &row)?;
            let summary = format!("from {}: grant {} fen", saved.effective_from, saved.grant_fen.get());
            let entry =
                Entry::by(&actor.user_id, AuditAction::SetStudioPolicy, "studio_policy", saved.id.as_str(), summary);
            audit::record(c, entry, now)?;
            Ok(policy_out(&saved))
        })
        .await
}
