//! Reading studios: the public directory, a studio's page, the mentor's own
//! studio page and the bureau's worklist.

use chrono::{DateTime, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::mentors::MentorStatus;
use malanhua_shared::api::studios::{MyStudio, StudioDetail, StudioMember, StudioStatus, StudioWork};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{MentorId, StudioId};

use super::apply::{blockers, own_mentor};
use super::decode::{self, cards, history, missing, policy_in_force, policy_of};
use super::rules::{self, evaluation_due, may_revoke};
use super::store::{self as sq, StudioRow};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::mentors::rules::effective_status;
use crate::mentors::store::{self as mq, Which};

/// Listed publicly: recognised, or rectifying within the recognition.
pub const PUBLIC: [StudioStatus; 2] = [StudioStatus::Recognised, StudioStatus::Rectification];

/// Whether the viewer is inside the studio (leader or member) or the region's officer.
fn insider(c: &mut DbConn, viewer: Option<&Actor>, row: &StudioRow) -> Result<bool, AppError> {
    let Some(actor) = viewer else { return Ok(false) };
    if authorize(actor, Action::DecideMentor, &Resource::Region(&row.region_code)).is_ok() {
        return Ok(true);
    }
    let Some(me) = mq::mentor_of(c, &actor.user_id)? else { return Ok(false) };
    Ok(sq::members_of(c, std::slice::from_ref(&row.id))?.iter().any(|m| m.mentor_id == me.id))
}

/// A studio's page for `viewer` (none: the public).
pub(crate) fn detail_of(
    c: &mut DbConn,
    viewer: Option<&Actor>,
    id: &StudioId,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let row = sq::studio(c, id)?.ok_or_else(|| AppError::not_found("studio"))?;
    let inside = insider(c, viewer, &row)?;
    if !inside && !PUBLIC.contains(&row.status) {
        return Err(AppError::not_found("studio"));
    }
    let policy = policy_of(c, &row)?;
    let today = shanghai_date(now);
    let claim = sq::grant_claim(c, id)?;
    let (reports, evaluations) = history(c, id)?;
    let evidence = if inside {
        let ids = sq::evidence_of(c, id)?;
        let facts = mq::service_facts(c, Which::Ids(&ids))?;
        decode::citable(c, &facts)?
    } else {
        vec![]
    };
    let clawback = match (&claim, row.status) {
        (Some(cl), StudioStatus::Revoked) => sq_recovery(c, &cl.id)?,
        _ => None,
    };
    let is_leader = match viewer {
        Some(a) => mq::mentor_of(c, &a.user_id)?.is_some_and(|m| m.id == row.leader_id),
        None => false,
    };
    let reports_missing = missing(c, &row, &policy, today)?;
    let studio = cards(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("studio card"))?;
    Ok(StudioDetail {
        studio,
        plan: row.plan.clone(),
        documents: decode::documents(&row),
        policy_id: row.policy_id.clone(),
        claim_id: claim.as_ref().filter(|_| inside).map(|c| c.id.clone()),
        claim_status: claim.as_ref().filter(|_| inside).map(|c| c.status),
        grant_fen: policy.grant_fen,
        evidence,
        reports,
        reports_missing,
        evaluations,
        rectify_by: row.rectify_by,
        revoke_reason: row.revoke_reason.clone(),
        clawback_fen: clawback,
        banned_until: row.banned_until,
        is_leader,
    })
}

fn sq_recovery(
    c: &mut DbConn,
    claim: &malanhua_shared::ids::ClaimId,
) -> Result<Option<malanhua_shared::Fen>, AppError> {
    Ok(crate::subsidies::store::recoveries_of(c, std::slice::from_ref(claim))?.pop().map(|r| r.amount_fen))
}

/// A studio's page.
pub async fn detail(
    state: &AppState,
    viewer: Option<Actor>,
    id: String,
    now: DateTime<Utc>,
) -> Result<StudioDetail, AppError> {
    let id = StudioId::from_raw(id);
    state.db(move |c| detail_of(c, viewer.as_ref(), &id, now)).await
}

/// The public directory: recognised studios under a region, matching a text.
pub async fn directory(
    state: &AppState,
    region: Option<String>,
    text: Option<String>,
) -> Result<Vec<malanhua_shared::api::studios::StudioCard>, AppError> {
    let prefix = match region.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => RegionCode::parse(s)
            .map_err(|_| AppError::field("region", malanhua_shared::FieldCode::InvalidRegion))?
            .prefix()
            .to_owned(),
        None => String::new(),
    };
    let text = text.map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty());
    state
        .db(move |c| {
            let rows = sq::studios_in(c, &prefix, &PUBLIC)?;
            let all = cards(c, &rows)?;
            Ok(all
                .into_iter()
                .filter(|card| {
                    text.as_ref().is_none_or(|t| {
                        card.name.to_lowercase().contains(t) || card.members.iter().any(|m| m.name.contains(t.as_str()))
                    })
                })
                .collect())
        })
        .await
}

/// The mentor's own studio page: the studio, the policy, colleagues and
/// the records that could be cited.
pub async fn my_studio(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<MyStudio, AppError> {
    state
        .db(move |c| {
            let me = own_mentor(c, &actor)?;
            let today = shanghai_date(now);
            let studio = match sq::studios_of_mentor(c, &me.id)?.first() {
                Some(s) => Some(detail_of(c, Some(&actor), &s.id, now)?),
                None => None,
            };
            let policy = policy_in_force(c, &me.region_code, today)?;
            let colleagues: Vec<StudioMember> =
                mq::mentors_under(c, me.region_code.prefix(), Some(MentorStatus::Active))?
                    .into_iter()
                    .filter(|m| m.id != me.id && effective_status(m.status, m.term_to, now) == MentorStatus::Active)
                    .map(|m| StudioMember { mentor_id: m.id, name: m.real_name, title: m.title, leader: false })
                    .collect();
            let mut people: Vec<MentorId> = colleagues.iter().map(|m| m.mentor_id.clone()).collect();
            people.push(me.id.clone());
            let from = crate::core::naive(malanhua_shared::course::shanghai_midnight(rules::window_start(today)));
            let facts = mq::service_facts(c, Which::Mentors(&people, from, crate::core::naive(now)))?;
            let ids: Vec<_> = facts.iter().map(|f| f.record.id.clone()).collect();
            let cited = sq::cited(c, &ids, None)?;
            let min_minutes = crate::mentors::decode::policy(c, &me.region_code, now)?.min_service_minutes;
            let countable: Vec<_> = facts
                .into_iter()
                .filter(|f| !cited.contains(&f.record.id))
                .filter(|f| decode::citation(f, min_minutes, false).confirmed)
                .filter(|f| u32::try_from(f.record.minutes).unwrap_or(0) >= min_minutes)
                .collect();
            Ok(MyStudio {
                mentor_id: me.id.clone(),
                studio,
                policy,
                colleagues,
                citable: decode::citable(c, &countable)?,
                blockers: blockers(c, &me, now)?,
            })
        })
        .await
}

/// The officer's worklist: studios of the region with what each needs now.
pub async fn worklist(
    state: &AppState,
    actor: Actor,
    status: Option<StudioStatus>,
    now: DateTime<Utc>,
) -> Result<Vec<StudioWork>, AppError> {
    let region = crate::subsidies::decode::officer_region(&actor)?;
    authorize(&actor, Action::DecideMentor, &Resource::Region(&region))?;
    let statuses: Vec<StudioStatus> = match status {
        Some(s) => vec![s],
        None => StudioStatus::ALL.to_vec(),
    };
    let today = shanghai_date(now);
    state
        .db(move |c| {
            let rows = sq::studios_in(c, region.prefix(), &statuses)?;
            let mut out = Vec::new();
            for row in rows {
                let policy = policy_of(c, &row)?;
                let claim = sq::grant_claim(c, &row.id)?;
                let reports_missing = missing(c, &row, &policy, today)?;
                let evaluated: Vec<i32> = sq::evaluations_of(c, &row.id)?.iter().map(|e| e.year).collect();
                let evaluation_due = match (row.status, row.recognised_on, row.cycle_ends_on) {
                    (StudioStatus::Recognised | StudioStatus::Rectification, Some(on), Some(end)) => {
                        evaluation_due(on, end, &evaluated, today)
                    }
                    _ => None,
                };
                let live = PUBLIC.contains(&row.status);
                let card = cards(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("card"))?;
                out.push(StudioWork {
                    studio: card,
                    claim_id: claim.as_ref().map(|c| c.id.clone()),
                    claim_status: claim.as_ref().map(|c| c.status),
                    may_revoke: live && may_revoke(!reports_missing.is_empty(), row.rectify_by, today),
                    reports_missing,
                    evaluation_due,
                    rectify_by: row.rectify_by,
                });
            }
            Ok(out)
        })
        .await
}
