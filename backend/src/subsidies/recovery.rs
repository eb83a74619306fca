//! Recovery (追回): a subsidy paid on a certificate that is revoked later is
//! to be returned. The revocation opens the record; an officer of the
//! claim's region records the return.

use chrono::{DateTime, Utc};
use malanhua_shared::FieldCode;
use malanhua_shared::api::subsidies::{ClaimDetail, RecoveryRequest, check_payment_ref};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{CertificateId, ClaimId, UserId};

use super::{claims::*, reading::*};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::subsidies::rules::{recovered_on_allowed, recovery_due};
use crate::subsidies::store::{self as sq, RecoveryRow};

/// Opens a recovery for every paid claim of a revoked certificate, telling
/// the trainee and the payee. Part of the revocation's transaction.
pub fn open_recoveries(
    c: &mut DbConn,
    certificate: &CertificateId,
    reason: &str,
    by: &UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for claim in sq::paid_of_certificate(c, certificate)? {
        let due_on = recovery_due(shanghai_date(now));
        let row = RecoveryRow {
            id: new_id(),
            claim_id: claim.id.clone(),
            amount_fen: claim.amount_fen,
            reason: reason.to_owned(),
            due_on,
            opened_by: by.clone(),
            opened_at: naive(now),
            recovered_on: None,
            reference: None,
            recovered_by: None,
            recovered_at: None,
        };
        if sq::open_recovery(c, &row)? == 0 {
            continue;
        }
        notify(c, &claim, NotificationKind::SubsidyRecovery, Some(reason), now)?;
        let summary = format!("recovery of {} fen opened, due {due_on}", claim.amount_fen.get());
        let entry = Entry::by(by, AuditAction::OpenRecovery, "claim", claim.id.as_str(), summary);
        audit::record(c, entry.because(Some(reason.to_owned())), now)?;
    }
    Ok(())
}

/// An officer of the claim's region records that the money came back.
pub async fn record_recovery(
    state: &AppState,
    actor: Actor,
    id: String,
    req: RecoveryRequest,
    now: DateTime<Utc>,
) -> Result<ClaimDetail, AppError> {
    let reference = check_payment_ref(&req.reference).map_err(|c| AppError::field("reference", c))?;
    let id = ClaimId::from_raw(id);
    state
        .write(move |c| {
            let claim = sq::claim(c, &id)?.ok_or_else(|| AppError::not_found("claim"))?;
            authorize(&actor, Action::DecideClaim, &Resource::Region(&claim.region_code))?;
            let open = sq::recoveries_of(c, std::slice::from_ref(&id))?
                .pop()
                .filter(|r| r.recovered_on.is_none())
                .ok_or_else(|| {
                    AppError::new(malanhua_shared::ErrorCode::WrongState, "no recovery of this claim is open")
                })?;
            let today = shanghai_date(now);
            let on = req.recovered_on.unwrap_or(today);
            if !recovered_on_allowed(on, today, shanghai_date(crate::core::utc(open.opened_at))) {
                return Err(AppError::field("recovered_on", FieldCode::OutOfRange));
            }
            if sq::close_recovery(c, &id, on, &reference, &actor.user_id, naive(now))? != 1 {
                return Err(AppError::new(malanhua_shared::ErrorCode::WrongState, "the recovery was just recorded"));
            }
            let summary = format!("recovered {} fen on {on}, ref {reference}", open.amount_fen.get());
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::RecordRecovery, "claim", id.as_str(), summary),
                now,
            )?;
            detail_of(c, &actor, &id, now)
        })
        .await
}
