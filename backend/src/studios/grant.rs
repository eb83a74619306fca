//! The studio grant as a kind of payable claim: what the stages re-check,
//! the notice length, and what a stage does to the studio (payment
//! recognises it; rejection refuses it and frees its citations).

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::mentors::MentorStatus;
use malanhua_shared::api::studios::StudioStatus;
use malanhua_shared::api::subsidies::{ClaimStatus, IneligibleReason};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::ids::{StudioId, UserId};

use super::decode::policy_of;
use super::rules::cycle_end;
use super::store::{self as sq, StudioChange, StudioRow};
use crate::core::audit::{self, Entry};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::naive;
use crate::mentors::rules::effective_status;
use crate::mentors::store as mq;
use crate::subsidies::store::ClaimRow;

fn studio_of(c: &mut DbConn, claim: &ClaimRow) -> Result<StudioRow, AppError> {
    let id = claim.studio_id.as_ref().ok_or_else(|| AppError::internal("grant claim without a studio"))?;
    sq::studio(c, id)?.ok_or_else(|| AppError::internal("grant claim's studio vanished"))
}

/// What each stage re-checks: the studio still waits for its grant, and its
/// leader and members are still active mentors.
pub(crate) fn recheck(c: &mut DbConn, claim: &ClaimRow, today: NaiveDate) -> Result<Vec<IneligibleReason>, AppError> {
    let studio = studio_of(c, claim)?;
    let mut out = Vec::new();
    if studio.status != StudioStatus::Applied {
        out.push(IneligibleReason::StudioNotApplied);
    }
    let at = malanhua_shared::course::shanghai_midnight(today);
    for m in sq::members_of(c, std::slice::from_ref(&studio.id))? {
        let Some(row) = mq::find_mentor(c, &m.mentor_id)? else { continue };
        if effective_status(row.status, row.term_to, at) != MentorStatus::Active {
            out.push(if m.leader { IneligibleReason::LeaderNotActive } else { IneligibleReason::MemberNotActive });
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The notice length of the studio's policy.
pub(crate) fn notice_days(c: &mut DbConn, claim: &ClaimRow) -> Result<Option<i32>, AppError> {
    let studio = studio_of(c, claim)?;
    Ok(sq::policy(c, &studio.policy_id)?.map(|p| p.notice_days))
}

/// Tells the studio's leader and members.
pub(crate) fn tell(
    c: &mut DbConn,
    studio: &StudioId,
    kind: NotificationKind,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut rows = Vec::new();
    for m in sq::members_of(c, std::slice::from_ref(studio))? {
        if let Some(mentor) = mq::find_mentor(c, &m.mentor_id)? {
            rows.push(crate::mentors::decode::note(&mentor.user_id, kind, studio.as_str(), reason, now));
        }
    }
    crate::classes::store::notify(c, &rows)?;
    Ok(())
}

/// What the grant claim's new stage does to the studio, in the stage's transaction.
pub(crate) fn after_stage(
    c: &mut DbConn,
    claim: &ClaimRow,
    to: ClaimStatus,
    actor: Option<&UserId>,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let studio = studio_of(c, claim)?;
    let (next, change, action, kind) = match to {
        ClaimStatus::Paid => {
            let years = policy_of(c, &studio)?.cycle_years;
            let change = StudioChange {
                recognised_on: Some(day),
                cycle_ends_on: Some(cycle_end(day, years)),
                ..StudioChange::default()
            };
            (StudioStatus::Recognised, change, AuditAction::RecogniseStudio, NotificationKind::StudioRecognised)
        }
        ClaimStatus::Rejected => {
            sq::release_evidence(c, &studio.id)?;
            (StudioStatus::Refused, StudioChange::default(), AuditAction::RefuseStudio, NotificationKind::StudioRefused)
        }
        _ => return Ok(()),
    };
    if sq::change_status(c, &studio.id, StudioStatus::Applied, next, &change, naive(now))? != 1 {
        return Err(AppError::new(malanhua_shared::ErrorCode::WrongState, "the studio is no longer applied"));
    }
    let entry = Entry {
        actor,
        action,
        entity_type: "studio",
        entity_id: studio.id.as_str(),
        summary: format!("{} -> {}", StudioStatus::Applied.as_str(), next.as_str()),
        reason: None,
    };
    audit::record(c, entry, now)?;
    tell(c, &studio.id, kind, None, now)
}
