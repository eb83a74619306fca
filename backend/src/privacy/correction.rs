//! An officer binds a resident ID to its rightful account after seeing the
//! person's ID card, taking it from the account that took it first (the
//! real person was locked out of their own identity). Both accounts' audit
//! trails say who did it and why.

use chrono::{DateTime, Utc};
use malanhua_shared::api::privacy::{CorrectionDone, ResidentIdCorrection};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, FieldCode};

use crate::accounts::rules::profile_facts;
use crate::accounts::store as aq;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize, not_own};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// Binds the resident ID to the account of `mobile`, with the profile as on
/// the ID card; the officer must be of the person's home region.
pub async fn correct(
    state: &AppState,
    actor: Actor,
    req: ResidentIdCorrection,
    now: DateTime<Utc>,
) -> Result<CorrectionDone, AppError> {
    let v = req.validate().map_err(AppError::validation)?;
    authorize(&actor, Action::HandlePersonalData, &Resource::Region(&v.profile.region))?;
    let reason = v.reason.clone();
    let facts = profile_facts(v.profile, now.date_naive()).map_err(AppError::validation)?;
    let mobile = v.mobile.as_str().to_owned();
    let target = state
        .db(move |c| {
            aq::find_by_mobile(c, &mobile)?.ok_or_else(|| AppError::field("mobile", FieldCode::UnknownReference))
        })
        .await?;
    not_own(&actor, &target.id)?;
    let sealed = state.pii.seal(&target.id, &facts.resident_id)?;
    state
        .write(move |c| {
            crate::core::regions::require_known(c, &facts.region, "region")?;
            aq::lock_user(c, &target.id)?;
            let holder = aq::find_by_resident_hash(c, &sealed.hash)?;
            let taken_from = match holder {
                Some(h) if h.id == target.id => {
                    return Err(AppError::new(
                        ErrorCode::Conflict,
                        "this resident ID is already bound to this account",
                    ));
                }
                Some(h) => {
                    if crate::privacy::store::holdings(c, &h.id, now.date_naive(), naive(now))?.certificates > 0 {
                        return Err(AppError::new(
                            ErrorCode::Conflict,
                            "the account holding this resident ID has certificates; revoke them first",
                        ));
                    }
                    aq::clear_resident_id(c, &h.id, naive(now))?;
                    let summary = format!("resident ID {} taken back by the bureau", sealed.masked);
                    let entry =
                        Entry::by(&actor.user_id, AuditAction::CorrectResidentId, "user", h.id.as_str(), summary)
                            .because(Some(reason.clone()));
                    audit::record(c, entry, now)?;
                    Some(h.id)
                }
                None => None,
            };
            let change = crate::accounts::profile::profile_change(&facts, &sealed, now);
            aq::update_profile(c, &target.id, &change)?;
            let summary = format!("resident ID {} bound by the bureau, region {}", sealed.masked, facts.region);
            let entry = Entry::by(&actor.user_id, AuditAction::CorrectResidentId, "user", target.id.as_str(), summary)
                .because(Some(reason));
            audit::record(c, entry, now)?;
            Ok(CorrectionDone { user_id: target.id, taken_from, resident_id_masked: sealed.masked })
        })
        .await
}
