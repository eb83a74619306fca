//! The institution files a whole class as one batch.

use chrono::{DateTime, Utc};
use diesel::Connection;
use malanhua_shared::Fen;
use malanhua_shared::api::subsidies::{BatchLine, ClaimBatch, ClaimStatus, Payee};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::ClassId;

use super::{claims::*, eligibility::*};
use crate::certificates::store::{self as cq};
use crate::classes::store::{self as q, ClassRow};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::subsidies::rules::can_submit;
use crate::subsidies::store::{self as sq, ClaimRow};

pub(crate) fn batch_view(
    c: &mut DbConn,
    class: &ClassRow,
    filed: u32,
    now: DateTime<Utc>,
) -> Result<ClaimBatch, AppError> {
    let claims = sq::claims_of_class(c, &class.id)?;
    let mut lines = Vec::new();
    let mut total = Fen::ZERO;
    for cert in cq::of_class(c, &class.id)? {
        let live = claims
            .iter()
            .rev()
            .find(|cl| cl.certificate_id.as_ref() == Some(&cert.id) && cl.status != ClaimStatus::Rejected);
        let shown = live.or_else(|| claims.iter().rev().find(|cl| cl.certificate_id.as_ref() == Some(&cert.id)));
        // Without a live claim, one run of the rules gives both the reasons and the amount.
        let fresh = match live {
            Some(_) => None,
            None => Some(assess(c, &cert, None, Some(Payee::Institution), shanghai_date(now), false)?.outcome),
        };
        let reasons = match (live, &fresh) {
            (Some(cl), _) if !can_submit(cl.status) => vec![],
            (Some(cl), _) => {
                let probe = ClaimRow { filed_at: Some(cl.filed_at.unwrap_or(naive(now))), ..cl.clone() };
                reassess(c, &probe, shanghai_date(now), false)?.outcome.err().unwrap_or_default()
            }
            (None, Some(Err(r))) => r.clone(),
            (None, _) => vec![],
        };
        let amount = match (shown, &fresh) {
            (Some(cl), _) => Some(cl.amount_fen),
            (None, Some(Ok(e))) => Some(e.amount),
            (None, _) => None,
        };
        if let Some(cl) = live {
            total = total.checked_add(cl.amount_fen).map_err(|_| AppError::internal("batch total overflows"))?;
        }
        lines.push(BatchLine {
            certificate_number: cert.number,
            holder_name: cert.holder_name.clone(),
            claim_id: shown.map(|cl| cl.id.clone()),
            status: shown.map(|cl| cl.status),
            amount_fen: amount,
            reasons,
        });
    }
    Ok(ClaimBatch { class_id: class.id.clone(), class_title: class.title.clone(), lines, filed, total_fen: total })
}

pub(crate) fn staff_class(c: &mut DbConn, actor: &Actor, id: &ClassId) -> Result<ClassRow, AppError> {
    let class = q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))?;
    authorize(
        actor,
        Action::FileBatchClaim,
        &Resource::Institution { id: &class.institution_id, region: &class.region_code },
    )?;
    Ok(class)
}

/// The institution's batch for a class: each certificate with its claim or reasons.
pub async fn batch(state: &AppState, actor: Actor, class: String, now: DateTime<Utc>) -> Result<ClaimBatch, AppError> {
    let class = ClassId::from_raw(class);
    state
        .db(move |c| {
            let class = staff_class(c, &actor, &class)?;
            batch_view(c, &class, 0, now)
        })
        .await
}

/// Institution staff file the batch: every eligible line is filed (drafts
/// and returned claims refiled, new claims made); the rest keep their reasons.
pub async fn file_batch(
    state: &AppState,
    actor: Actor,
    class: String,
    now: DateTime<Utc>,
) -> Result<ClaimBatch, AppError> {
    let class = ClassId::from_raw(class);
    state
        .write(move |c| {
            let class = staff_class(c, &actor, &class)?;
            let mut filed = 0;
            for cert in cq::of_class(c, &class.id)? {
                sq::lock_person(c, &cert.user_id)?;
                let all = sq::claims_of(c, &cert.user_id)?;
                let rejected = all
                    .iter()
                    .any(|cl| cl.certificate_id.as_ref() == Some(&cert.id) && cl.status == ClaimStatus::Rejected);
                let live = all
                    .into_iter()
                    .find(|cl| cl.certificate_id.as_ref() == Some(&cert.id) && cl.status != ClaimStatus::Rejected);
                match live {
                    None if rejected => {}
                    Some(claim) if can_submit(claim.status) => {
                        if c.transaction(|c| submit_row(c, &actor, &claim, now)).is_ok() {
                            filed += 1;
                        }
                    }
                    Some(_) => {}
                    None => {
                        let Ok(e) = assess_locked(c, &cert, Some(Payee::Institution), shanghai_date(now))? else {
                            continue;
                        };
                        let row = new_claim(&cert, &class, &e, ClaimStatus::Submitted, Some(&actor.user_id), now);
                        if insert_claim_once(c, &row)? {
                            record(
                                c,
                                Some(&actor.user_id),
                                AuditAction::FileClaim,
                                &row,
                                ClaimStatus::Submitted,
                                None,
                                now,
                            )?;
                            filed += 1;
                        }
                    }
                }
            }
            batch_view(c, &class, filed, now)
        })
        .await
}
