//! Two officers for a large subsidy standard: one proposes a version paying
//! more than the configured amount, another officer of the region confirms
//! it (it then takes effect, exactly as proposed) or turns it down.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{PolicyProposal, ProposalStatus, SubsidyPolicyInput};
use malanhua_shared::audit::AuditAction;

use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize, not_own};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::subsidies::policies::{apply, checked};
use crate::subsidies::rules::proposal_reason;
use crate::subsidies::store::{self as sq, ProposalRow};

fn view(c: &mut DbConn, row: ProposalRow) -> Result<PolicyProposal, AppError> {
    let input: SubsidyPolicyInput = serde_json::from_str(&row.input).map_err(AppError::internal)?;
    let policy = match (row.status, sq::policy_at(c, &row.region_code, row.kind, row.effective_from)?) {
        (ProposalStatus::Confirmed, Some(p)) => crate::subsidies::policies::policy_out(c, &[p])?.pop(),
        _ => None,
    };
    Ok(PolicyProposal {
        id: row.id,
        region_code: row.region_code.to_string(),
        kind: row.kind,
        input,
        proposed_by: row.proposed_by,
        proposed_at: utc(row.proposed_at),
        status: row.status,
        decided_by: row.decided_by,
        decided_at: row.decided_at.map(utc),
        policy,
    })
}

/// An officer proposes a version of the region's standard (any amount; one
/// above the second-officer amount can only be set this way).
pub async fn propose(
    state: &AppState,
    actor: Actor,
    code: String,
    kind: String,
    input: SubsidyPolicyInput,
    now: DateTime<Utc>,
) -> Result<PolicyProposal, AppError> {
    let (at, kind, p) = checked(&actor, &code, &kind, &input)?;
    let text = serde_json::to_string(&input).map_err(AppError::internal)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &at, "region")?;
            let row = ProposalRow {
                id: new_id(),
                region_code: at,
                kind,
                effective_from: p.effective_from,
                amount_fen: p.amount.get(),
                input: text,
                proposed_by: actor.user_id.clone(),
                proposed_at: naive(now),
                status: ProposalStatus::Pending,
                decided_by: None,
                decided_at: None,
            };
            sq::insert_proposal(c, &row)?;
            let summary = format!(
                "proposed {} {} from {}: {} fen, for a second officer",
                row.region_code,
                row.kind.as_str(),
                row.effective_from,
                row.amount_fen
            );
            let entry =
                Entry::by(&actor.user_id, AuditAction::ProposeSubsidyPolicy, "policy_proposal", &row.id, summary);
            audit::record(c, entry, now)?;
            view(c, row)
        })
        .await
}

/// Proposals waiting in the officer's regions, oldest first.
pub async fn waiting(state: &AppState, actor: Actor) -> Result<Vec<PolicyProposal>, AppError> {
    state
        .db(move |c| {
            let rows = sq::pending_proposals(c)?;
            rows.into_iter()
                .filter(|r| authorize(&actor, Action::EditSubsidyPolicy, &Resource::Region(&r.region_code)).is_ok())
                .map(|r| view(c, r))
                .collect()
        })
        .await
}

/// A second officer confirms the proposal (the version takes effect as
/// proposed) or turns it down with a reason. The proposer may do neither.
pub async fn decide(
    state: &AppState,
    actor: Actor,
    id: String,
    req: Decision,
    now: DateTime<Utc>,
) -> Result<PolicyProposal, AppError> {
    let reason = proposal_reason(req.approve, req.reason.as_deref()).map_err(|code| AppError::field("reason", code))?;
    state
        .write(move |c| {
            let row = sq::proposal(c, &id)?.ok_or_else(|| AppError::not_found("proposal"))?;
            authorize(&actor, Action::EditSubsidyPolicy, &Resource::Region(&row.region_code))?;
            not_own(&actor, &row.proposed_by)?;
            let (status, action) = if req.approve {
                let input: SubsidyPolicyInput = serde_json::from_str(&row.input).map_err(AppError::internal)?;
                let p = input.validate().map_err(AppError::validation)?;
                apply(c, &row.proposed_by, Some(&actor.user_id), &row.region_code, row.kind, &p, now)?;
                (ProposalStatus::Confirmed, AuditAction::ConfirmSubsidyPolicy)
            } else {
                (ProposalStatus::Rejected, AuditAction::RejectSubsidyPolicy)
            };
            if sq::settle_proposal(c, &row.id, status, &actor.user_id, naive(now))? == 0 {
                return Err(AppError::new(ErrorCode::WrongState, "this proposal was already decided"));
            }
            let summary =
                format!("{} {} from {}: {}", row.region_code, row.kind.as_str(), row.effective_from, status.as_str());
            audit::record(
                c,
                Entry::by(&actor.user_id, action, "policy_proposal", &row.id, summary).because(reason),
                now,
            )?;
            let row = sq::proposal(c, &row.id)?.ok_or_else(|| AppError::not_found("proposal"))?;
            view(c, row)
        })
        .await
}
