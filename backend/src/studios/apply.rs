//! A mentor applies for a studio as its leader: the rules run on the leader,
//! the members and the cited records; the studio, its members, its
//! citations and its grant claim (kind `studio_grant`, filed) are written in
//! one transaction.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::studios::{CheckedApplication, StudioApplication, StudioDetail, StudioStatus};
use malanhua_shared::api::subsidies::{ClaimKind, ClaimStatus, IneligibleReason, Payee};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{MentorId, StudioId};

use super::decode::{candidate, citations, policy_in_force};
use super::reading::detail_of;
use super::rules::{ApplicationFacts, application_reasons};
use super::store::{self as sq, MemberRow, StudioRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::mentors::store::{self as mq, MentorRow};
use crate::subsidies::claims::record;
use crate::subsidies::decode::not_eligible;
use crate::subsidies::store::{self as cq, ClaimRow};

/// The signed-in person's mentor record.
pub(crate) fn own_mentor(c: &mut DbConn, actor: &Actor) -> Result<MentorRow, AppError> {
    let m = mq::mentor_of(c, &actor.user_id)?
        .ok_or_else(|| AppError::new(ErrorCode::Forbidden, "only a mentor of the library may do this"))?;
    authorize(actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })?;
    Ok(m)
}

/// The rules for the application, every failed one named.
fn reasons(
    c: &mut DbConn,
    leader: &MentorRow,
    app: &CheckedApplication,
    now: DateTime<Utc>,
) -> Result<(Vec<IneligibleReason>, Option<malanhua_shared::api::studios::StudioPolicy>), AppError> {
    let today = shanghai_date(now);
    let policy = policy_in_force(c, &leader.region_code, today)?;
    let lead = candidate(c, &leader.id, None, now)?;
    let mut members = Vec::new();
    for id in app.member_ids.iter().filter(|id| **id != leader.id) {
        mq::locked_mentor(c, id)?;
        members.push(candidate(c, id, None, now)?);
    }
    let min_minutes = crate::mentors::decode::policy(c, &leader.region_code, now)?.min_service_minutes;
    let cites = citations(c, &app.record_ids, None, min_minutes)?;
    let live = match &policy {
        Some(p) => sq::live_under_policy(c, &leader.id, &p.id, None)?,
        None => false,
    };
    let facts = ApplicationFacts {
        policy: policy.as_ref(),
        region: &leader.region_code,
        leader: &lead,
        members: &members,
        citations: &cites,
        today,
        banned_until: sq::ban_of(c, &leader.id)?,
        live_under_policy: live,
    };
    Ok((application_reasons(&facts), policy))
}

/// A mentor applies for a studio.
pub async fn apply(
    state: &AppState,
    actor: Actor,
    req: StudioApplication,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let app = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let leader = own_mentor(c, &actor)?;
            mq::locked_mentor(c, &leader.id)?;
            let (failed, policy) = reasons(c, &leader, &app, now)?;
            let Some(policy) = policy.filter(|_| failed.is_empty()) else { return Err(not_eligible(&failed)) };
            let id = StudioId::from_raw(new_id());
            let row = StudioRow {
                id: id.clone(),
                policy_id: policy.id.clone(),
                region_code: leader.region_code.clone(),
                leader_id: leader.id.clone(),
                name: app.name.clone(),
                specialities: app.specialities.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","),
                plan: app.plan.clone(),
                documents: app.documents.join("\n"),
                status: StudioStatus::Applied,
                recognised_on: None,
                cycle_ends_on: None,
                rectify_by: None,
                revoked_on: None,
                revoke_reason: None,
                banned_until: None,
                created_at: naive(now),
                updated_at: naive(now),
            };
            sq::insert_studio(c, &row).map_err(|e| {
                if is_unique_violation(&e) {
                    not_eligible(&[IneligibleReason::StudioAlreadyRecognised])
                } else {
                    e.into()
                }
            })?;
            let mut people: Vec<(MentorId, bool)> = vec![(leader.id.clone(), true)];
            people.extend(app.member_ids.iter().filter(|m| **m != leader.id).map(|m| (m.clone(), false)));
            for (mentor_id, is_leader) in people {
                sq::insert_member(c, &MemberRow { studio_id: id.clone(), mentor_id, leader: is_leader })?;
            }
            for record_id in &app.record_ids {
                sq::cite(c, record_id, &id).map_err(|e| {
                    if is_unique_violation(&e) {
                        not_eligible(&[IneligibleReason::RecordAlreadyCited])
                    } else {
                        e.into()
                    }
                })?;
            }
            let mut claim = ClaimRow::new(
                ClaimKind::StudioGrant,
                actor.user_id.clone(),
                leader.region_code.clone(),
                Payee::Studio,
                policy.grant_fen,
                ClaimStatus::Submitted,
                naive(now),
            );
            claim.subject = app.name.clone();
            claim.studio_id = Some(id.clone());
            claim.filed_by = Some(actor.user_id.clone());
            claim.filed_at = Some(naive(now));
            cq::insert_claim(c, &claim).map_err(|e| {
                if is_unique_violation(&e) {
                    not_eligible(&[IneligibleReason::StudioAlreadyRecognised])
                } else {
                    e.into()
                }
            })?;
            let summary = format!("{} members, {} records", app.member_ids.len() + 1, app.record_ids.len());
            audit::record(c, Entry::by(&actor.user_id, AuditAction::ApplyStudio, "studio", id.as_str(), summary), now)?;
            record(c, Some(&actor.user_id), AuditAction::FileClaim, &claim, ClaimStatus::Submitted, None, now)?;
            detail_of(c, Some(&actor), &id, now)
        })
        .await
}

/// The leader-side rules a new application would fail today (shown before
/// the form is filled).
pub(crate) fn blockers(
    c: &mut DbConn,
    leader: &MentorRow,
    now: DateTime<Utc>,
) -> Result<Vec<IneligibleReason>, AppError> {
    let empty = CheckedApplication {
        name: String::new(),
        specialities: vec![],
        plan: String::new(),
        member_ids: vec![],
        record_ids: vec![],
        documents: vec![],
    };
    let (all, _) = reasons(c, leader, &empty, now)?;
    let leader_side = [
        IneligibleReason::NoStudioPolicy,
        IneligibleReason::LeaderNotActive,
        IneligibleReason::MemberInOtherStudio,
        IneligibleReason::BannedAfterRevocation,
        IneligibleReason::StudioAlreadyRecognised,
    ];
    Ok(all.into_iter().filter(|r| leader_side.contains(r)).collect())
}
