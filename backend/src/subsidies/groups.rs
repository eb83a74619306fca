//! Priority-group declarations and their verification by the bureau.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{DeclarationStatus, GroupDeclaration, NewDeclaration};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::DeclarationId;
use malanhua_shared::{ErrorCode, Role};

use super::decode::*;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Denied, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::subsidies::store::{self as sq, DeclarationRow};

pub(crate) fn declaration_out(c: &mut DbConn, r: &DeclarationRow) -> Result<GroupDeclaration, AppError> {
    let holder = crate::accounts::store::find(c, &r.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
    Ok(GroupDeclaration {
        id: r.id.clone(),
        user_id: r.user_id.clone(),
        holder_name: holder,
        group: r.group_code,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        evidence: r.evidence.clone(),
        status: r.status,
        reason: r.reason.clone(),
        decided_at: r.decided_at.map(utc),
        created_at: utc(r.created_at),
        issued_in: r.issued_in.clone(),
        business_licence: r.business_licence.clone(),
    })
}

/// The signed-in person's declarations.
pub async fn my_declarations(state: &AppState, actor: Actor) -> Result<Vec<GroupDeclaration>, AppError> {
    state
        .db(move |c| {
            let rows = sq::declarations_of(c, &actor.user_id)?;
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
    let d = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            if let Some(region) = &d.issued_in {
                crate::core::regions::require_known(c, region, "issued_in")?;
            }
            let home = crate::accounts::store::find(c, &actor.user_id)?.and_then(|u| u.region_code);
            let row = DeclarationRow {
                region_code: home,
                id: DeclarationId::from_raw(new_id()),
                user_id: actor.user_id.clone(),
                group_code: d.group,
                valid_from: d.valid_from,
                valid_to: d.valid_to,
                evidence: d.evidence,
                issued_in: d.issued_in,
                business_licence: d.business_licence,
                status: DeclarationStatus::Declared,
                reason: None,
                decided_by: None,
                decided_at: None,
                created_at: naive(now),
            };
            sq::insert_declaration(c, &row)?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::DeclareGroup,
                    "priority_group",
                    row.id.as_str(),
                    format!("declared {} from {}", row.group_code.as_str(), row.valid_from),
                ),
                now,
            )?;
            declaration_out(c, &row)
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
            let rows = sq::declarations_in_region(c, own.prefix(), status)?;
            rows.iter().map(|r| declaration_out(c, r)).collect()
        })
        .await
}

/// An officer of the region the declarant lived in when declaring verifies
/// or rejects a declaration.
pub async fn decide_declaration(
    state: &AppState,
    actor: Actor,
    id: String,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<GroupDeclaration, AppError> {
    let reason = crate::classes::decision_reason(&decision)?;
    let id = DeclarationId::from_raw(id);
    state
        .write(move |c| {
            let row = sq::declaration(c, &id)?.ok_or_else(|| AppError::not_found("declaration"))?;
            let Some(home) = row.region_code.clone() else {
                return Err(Denied::OutsideRegion.into());
            };
            authorize(&actor, Action::DecideClaim, &Resource::Region(&home))?;
            let to = if decision.approve { DeclarationStatus::Verified } else { DeclarationStatus::Rejected };
            if sq::decide_declaration(c, &id, to, &actor.user_id, reason.as_deref(), naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "the declaration was already decided"));
            }
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    if decision.approve { AuditAction::VerifyGroup } else { AuditAction::RejectGroup },
                    "priority_group",
                    id.as_str(),
                    format!("{} {}", row.group_code.as_str(), to.as_str()),
                )
                .because(reason.clone()),
                now,
            )?;
            let row = sq::declaration(c, &id)?.ok_or_else(|| AppError::not_found("declaration"))?;
            declaration_out(c, &row)
        })
        .await
}
