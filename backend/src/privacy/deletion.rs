//! A person asks for their account's deletion; the bureau of the home region
//! recorded when asked carries it out where nothing requires keeping the
//! record (the personal data is erased, the row stays as a pseudonym), or
//! refuses it with a note.

use chrono::{DateTime, Utc};
use malanhua_shared::api::privacy::{DeletionDecision, DeletionRequest, DeletionStatus};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, UserId};

use crate::accounts::store as aq;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize, not_own};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::privacy::rules::{erased_mobile, masked_name, must_keep};
use crate::privacy::store::{self as pq, DeletionRow};

fn today(now: DateTime<Utc>) -> chrono::NaiveDate {
    now.with_timezone(&malanhua_shared::course::shanghai()).date_naive()
}

fn view(c: &mut DbConn, row: DeletionRow, now: DateTime<Utc>) -> Result<DeletionRequest, AppError> {
    let user = aq::find(c, &row.user_id)?;
    let status = DeletionStatus::parse(&row.status).ok_or_else(|| AppError::internal("deletion status"))?;
    // What keeps the record matters only while the request waits.
    let held = match status {
        DeletionStatus::Pending => must_keep(&pq::holdings(c, &row.user_id, today(now), naive(now))?),
        _ => Vec::new(),
    };
    Ok(DeletionRequest {
        id: row.id,
        user_id: row.user_id,
        name_masked: masked_name(user.as_ref().and_then(|u| u.real_name.as_deref())),
        region: row.region_code,
        requested_at: utc(row.requested_at),
        status,
        decided_at: row.decided_at.map(utc),
        note: row.note,
        must_keep: held,
    })
}

/// The person asks for deletion; one request waits at a time.
pub async fn request(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<DeletionRequest, AppError> {
    state
        .write(move |c| {
            let user = aq::find(c, &actor.user_id)?.ok_or_else(AppError::unauthenticated)?;
            let row = DeletionRow {
                id: new_id(),
                user_id: user.id.clone(),
                region_code: user.region_code.clone(),
                requested_at: naive(now),
                status: DeletionStatus::Pending.as_str().to_owned(),
                decided_by: None,
                decided_at: None,
                note: None,
            };
            pq::insert(c, &row).map_err(|e| {
                if is_unique_violation(&e) {
                    AppError::new(ErrorCode::Conflict, "a deletion request of yours is already waiting")
                } else {
                    e.into()
                }
            })?;
            let summary = "asked for the account to be deleted".to_owned();
            audit::record(
                c,
                Entry::by(&user.id, AuditAction::RequestDeletion, "user", user.id.as_str(), summary),
                now,
            )?;
            view(c, row, now)
        })
        .await
}

/// The person's requests, newest first.
pub async fn mine(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<DeletionRequest>, AppError> {
    state
        .db(move |c| {
            let rows = pq::of_user(c, &actor.user_id)?;
            rows.into_iter().map(|r| view(c, r, now)).collect()
        })
        .await
}

fn may_decide(actor: &Actor, row: &DeletionRow) -> Result<(), AppError> {
    let scope = row.region_code.as_ref().map_or(Resource::System, Resource::Region);
    authorize(actor, Action::HandlePersonalData, &scope)?;
    Ok(())
}

/// Requests waiting for this officer's regions (administrators: those of
/// people who gave no home region), oldest first.
pub async fn waiting(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<DeletionRequest>, AppError> {
    state
        .db(move |c| {
            let rows = pq::pending(c)?;
            rows.into_iter().filter(|r| may_decide(&actor, r).is_ok()).map(|r| view(c, r, now)).collect()
        })
        .await
}

/// The bureau carries a request out (erasing the personal data, refused
/// with 409 `conflict` while certificates, claims, roles or current
/// classes need the record) or refuses it with a note.
pub async fn decide(
    state: &AppState,
    actor: Actor,
    id: String,
    req: DeletionDecision,
    now: DateTime<Utc>,
) -> Result<DeletionRequest, AppError> {
    let note = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let row = pq::find(c, &id)?.ok_or_else(|| AppError::not_found("deletion request"))?;
            may_decide(&actor, &row)?;
            not_own(&actor, &row.user_id)?;
            if row.status != DeletionStatus::Pending.as_str() {
                return Err(AppError::new(ErrorCode::WrongState, "this request was already decided"));
            }
            let user = aq::find(c, &row.user_id)?.ok_or_else(|| AppError::not_found("account"))?;
            let (status, action) = if req.carry_out {
                let keep = must_keep(&pq::holdings(c, &user.id, today(now), naive(now))?);
                if !keep.is_empty() {
                    return Err(AppError::new(
                        ErrorCode::Conflict,
                        format!("the record must be kept: {}; refuse with a note instead", keep.join(", ")),
                    ));
                }
                erase_account(c, &user.id, user.mobile.as_str(), now)?;
                (DeletionStatus::CarriedOut, AuditAction::CarryOutDeletion)
            } else {
                (DeletionStatus::Refused, AuditAction::RefuseDeletion)
            };
            if pq::settle(c, &row.id, status.as_str(), &actor.user_id, naive(now), &note)? == 0 {
                return Err(AppError::new(ErrorCode::WrongState, "this request was already decided"));
            }
            let entry =
                Entry::by(&actor.user_id, action, "user", user.id.as_str(), format!("deletion {}", status.as_str()))
                    .because(Some(note));
            audit::record(c, entry, now)?;
            let row = pq::find(c, &row.id)?.ok_or_else(|| AppError::not_found("deletion request"))?;
            view(c, row, now)
        })
        .await
}

/// Erases the account and ends its sessions.
fn erase_account(c: &mut DbConn, user: &UserId, mobile: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let stand_in = (0..16)
        .map(|attempt| erased_mobile(user.as_str(), attempt))
        .find(|m| !pq::mobile_taken(c, m).unwrap_or(true))
        .ok_or_else(|| AppError::internal("no free stand-in number"))?;
    crate::accounts::sessions::revoke_all(c, user, None, naive(now))?;
    pq::erase(c, user, mobile, &stand_in, naive(now))?;
    Ok(())
}
