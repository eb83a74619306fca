//! Priority-group declarations and their verification by the bureau.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{DeclarationStatus, GroupDeclaration, NewDeclaration, PriorityGroup};
use malanhua_shared::{ErrorCode, Role};

#[allow(unused_imports)]
use super::{batch::*, claims::*, decode::*, eligibility::*, export::*, notice::*, policies::*, reading::*, stages::*};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Denied, Resource, authorize};
use crate::core::db::{DbConn, new_id, write_tx};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, region, utc};
use crate::subsidies::store::{self as sq, DeclarationRow};

pub(crate) fn declaration_out(c: &mut DbConn, r: &DeclarationRow) -> Result<GroupDeclaration, AppError> {
    let holder = crate::accounts::store::find(c, &r.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
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
    let reason = crate::classes::decision_reason(&decision)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = sq::declaration(c, &id)?.ok_or_else(|| AppError::not_found("declaration"))?;
                let home = crate::accounts::store::find(c, &row.user_id)?.and_then(|u| u.region_code);
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
