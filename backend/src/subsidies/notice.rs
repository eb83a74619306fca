//! Public notice (公示) and objections.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::api::certificates::mask_name;
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::subsidies::{
    ClaimDetail, ClaimStatus, NewObjection, NoticeEntry, Objection, ObjectionResolution, ObjectionStatus,
};
use malanhua_shared::api::verification::CodePurpose;
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{ClaimId, ObjectionId};
use malanhua_shared::{ErrorCode, RegionCode};

use super::{claims::*, reading::*};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::subsidies::rules::{ClaimEvent, objection_allowed, transition};
use crate::subsidies::stages::move_stage;
use crate::subsidies::store::{self as sq, ClaimRow, ObjectionRow, StageChange};

/// Claims on public notice now (no login): masked names only.
pub async fn notices(state: &AppState, code: Option<String>, now: DateTime<Utc>) -> Result<Vec<NoticeEntry>, AppError> {
    let prefix = match code.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => RegionCode::parse(s)
            .map_err(|_| AppError::field("region", malanhua_shared::FieldCode::InvalidRegion))?
            .prefix()
            .to_owned(),
        None => String::new(),
    };
    let today = shanghai_date(now);
    state
        .db(move |c| {
            let rows: Vec<ClaimRow> = sq::on_notice(c, &prefix, today, 1000)?;
            let sums = summaries(c, &rows)?;
            let codes: Vec<RegionCode> = rows.iter().map(|r| r.region_code.clone()).collect();
            let names: HashMap<String, String> = crate::core::regions::store::names(c, &codes)?
                .into_iter()
                .map(|(code, name)| (code.to_string(), name))
                .collect();
            Ok(sums
                .into_iter()
                .filter_map(|s| {
                    Some(NoticeEntry {
                        claim_id: s.id,
                        holder_masked: mask_name(&s.holder_name),
                        claim_kind: s.claim_kind,
                        kind: s.kind,
                        institution: s.institution,
                        subject: s.subject,
                        amount_fen: s.amount_fen,
                        notice_ends_on: s.notice_ends_on?,
                        region_name: names.get(&s.region_code).cloned().unwrap_or_default(),
                        region_code: s.region_code,
                        held: s.status == ClaimStatus::Held,
                    })
                })
                .collect())
        })
        .await
}

pub(crate) fn objection_out(r: &ObjectionRow, with_contact: bool) -> Result<Objection, AppError> {
    Ok(Objection {
        id: r.id.clone(),
        text: r.text.clone(),
        contact: with_contact.then(|| r.contact.clone()),
        filed_at: utc(r.filed_at),
        status: r.status,
        resolution: r.resolution.clone(),
    })
}

/// Anyone files an objection while the claim is on notice, with a mobile
/// proved by a code sent for `objection`; it holds the claim. One open
/// objection per person and claim, and a few a day per person.
pub async fn object(
    state: &AppState,
    claim: String,
    req: NewObjection,
    now: DateTime<Utc>,
) -> Result<Objection, AppError> {
    let v = req.validate().map_err(AppError::validation)?;
    crate::accounts::codes::redeem(state, &v.mobile, CodePurpose::Objection, &v.code, now).await?;
    let (text, contact) = (v.text, v.mobile.as_str().to_owned());
    let per_day = i64::from(state.config.objections_per_day);
    let claim = ClaimId::from_raw(claim);
    state
        .write(move |c| {
            if !sq::lock_claim(c, &claim)? {
                return Err(AppError::not_found("claim"));
            }
            let row = sq::claim(c, &claim)?.ok_or_else(|| AppError::not_found("claim"))?;
            let status = row.status;
            if !objection_allowed(status, row.notice_ends_on, shanghai_date(now)) {
                return Err(AppError::new(ErrorCode::WrongState, "the claim is not on public notice"));
            }
            let (recent, open_here) = sq::objections_by(c, &contact, &claim, naive(now - Duration::hours(24)))?;
            if open_here {
                return Err(AppError::new(
                    ErrorCode::Conflict,
                    "your objection to this claim is open; the bureau will answer on your mobile",
                ));
            }
            if recent >= per_day {
                let mut e = AppError::new(ErrorCode::TooManyAttempts, "too many objections from this mobile today");
                e.retry_after = Some(24 * 3600);
                return Err(e);
            }
            let o = ObjectionRow {
                id: ObjectionId::from_raw(new_id()),
                claim_id: claim.clone(),
                text,
                contact,
                filed_at: naive(now),
                status: ObjectionStatus::Open,
                resolution: None,
                resolved_by: None,
                resolved_at: None,
            };
            sq::insert_objection(c, &o)?;
            let held = transition(status, ClaimEvent::Object).map_err(|_| not_on_notice())?;
            move_stage(c, &claim, status, held, &StageChange::default(), now, "the claim changed meanwhile")?;
            record(c, None, AuditAction::ObjectToClaim, &row, ClaimStatus::Held, Some(o.text.clone()), now)?;
            objection_out(&o, false)
        })
        .await
}

/// An officer resolves an objection: upheld rejects the claim; dismissed
/// returns it to notice once no objection is open.
pub async fn resolve(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ObjectionResolution,
    now: DateTime<Utc>,
) -> Result<ClaimDetail, AppError> {
    let finding = check_reason(&req.reason).map_err(|c| AppError::field("reason", c))?;
    let id = ObjectionId::from_raw(id);
    state
        .write(move |c| {
            let o = sq::objection(c, &id)?.ok_or_else(|| AppError::not_found("objection"))?;
            sq::lock_claim(c, &o.claim_id)?;
            let claim = sq::claim(c, &o.claim_id)?.ok_or_else(|| AppError::not_found("claim"))?;
            authorize(&actor, Action::DecideClaim, &Resource::Region(&claim.region_code))?;
            let to = if req.uphold { ObjectionStatus::Upheld } else { ObjectionStatus::Dismissed };
            if sq::resolve_objection(c, &id, to, &actor.user_id, &finding, naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "the objection was already resolved"));
            }
            let me = Some(&actor.user_id);
            if req.uphold {
                let change = StageChange { reason: Some(&finding), ..StageChange::default() };
                let to = transition(claim.status, ClaimEvent::Uphold).map_err(|_| not_held())?;
                move_stage(c, &claim.id, claim.status, to, &change, now, "the claim is not held")?;
                record(c, me, AuditAction::UpholdObjection, &claim, ClaimStatus::Rejected, Some(finding.clone()), now)?;
                let today = malanhua_shared::course::shanghai_date(now);
                crate::subsidies::kinds::after_stage(c, &claim, to, me, today, now)?;
                notify(c, &claim, NotificationKind::ClaimRejected, Some(&finding), now)?;
            } else {
                let still_open = sq::open_objections(c, &claim.id)? > 0;
                let next = transition(claim.status, ClaimEvent::Dismiss { still_open }).map_err(|_| not_held())?;
                move_stage(c, &claim.id, claim.status, next, &StageChange::default(), now, "the claim is not held")?;
                record(c, me, AuditAction::DismissObjection, &claim, next, Some(finding.clone()), now)?;
            }
            detail_of(c, &actor, &claim.id, now)
        })
        .await
}

fn not_on_notice() -> AppError {
    AppError::new(ErrorCode::WrongState, "the claim is not on public notice")
}

fn not_held() -> AppError {
    AppError::new(ErrorCode::WrongState, "the claim is not held")
}
