//! Course policies per region and kind, inherited from the parent region.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::{CoursePolicy, PolicyRequest};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::CourseKind;
use malanhua_shared::{FieldCode, RegionCode};

use super::decode::*;
use crate::classes::rules::{effective_policy, region_chain};
use crate::classes::store::{self as q, PolicyRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The policy in force for the region and kind, if any.
pub fn policy_for(c: &mut DbConn, at: &RegionCode, kind: CourseKind) -> Result<Option<CoursePolicy>, AppError> {
    let rows = q::policies_for(c, &region_chain(at), Some(kind))?;
    let policies: Vec<CoursePolicy> = rows.iter().map(policy_from_row).collect();
    Ok(effective_policy(at, &policies))
}

/// The policies in force for a region, one per kind that has one.
pub async fn policies(state: &AppState, code: String) -> Result<Vec<CoursePolicy>, AppError> {
    let at = RegionCode::parse(&code).map_err(|c| AppError::field("region", c))?;
    state
        .db(move |c| {
            crate::core::regions::require_known(c, &at, "region")?;
            let mut out = Vec::new();
            for kind in CourseKind::ALL {
                out.extend(policy_for(c, &at, *kind)?);
            }
            Ok(out)
        })
        .await
}

/// A bureau sets its region's policy for a kind. Classes already filed keep
/// the figures they were checked against.
pub async fn set_policy(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    req: PolicyRequest,
    now: DateTime<Utc>,
) -> Result<CoursePolicy, AppError> {
    let at = RegionCode::parse(&code).map_err(|c| AppError::field("region", c))?;
    let kind = CourseKind::from_name(&kind).ok_or_else(|| AppError::field("kind", FieldCode::InvalidFormat))?;
    authorize(&actor, Action::EditPolicy, &Resource::Region(&at))?;
    let policy = req.validate(at.clone(), kind).map_err(AppError::validation)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &at, "region")?;
            let row = PolicyRow {
                id: new_id(),
                region_code: at.clone(),
                kind,
                min_hours: i32::try_from(policy.min_hours).unwrap_or(i32::MAX),
                max_class_size: i32::try_from(policy.max_class_size).unwrap_or(i32::MAX),
                opening_lead_days: i32::try_from(policy.opening_lead_days).unwrap_or(i32::MAX),
                attendance_threshold_pct: i32::try_from(policy.attendance_threshold_pct).unwrap_or(100),
                requires_prior_certificate: policy.requires_prior_certificate,
                requires_business_licence: policy.requires_business_licence,
                updated_by: Some(actor.user_id.clone()),
                updated_at: naive(now),
                prior_kinds: crate::classes::decode::kinds_text(&policy.prior_kinds),
            };
            q::upsert_policy(c, &row)?;
            audit::record(c, Entry::by(&actor.user_id, AuditAction::SetCoursePolicy, "course_policy", &format!("{at}/{}", kind.as_str()), format!(
                        "{} {}: min {} h, max {} trainees, {} days notice, {}% attendance, prior certificate {}, licence {}",
                        at,
                        kind.as_str(),
                        policy.min_hours,
                        policy.max_class_size,
                        policy.opening_lead_days,
                        policy.attendance_threshold_pct,
                        policy.requires_prior_certificate,
                        policy.requires_business_licence
                    )), now)?;
            Ok(policy)
        })
        .await
}
