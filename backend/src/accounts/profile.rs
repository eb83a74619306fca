//! `/api/me` and the real-name profile.

use chrono::{DateTime, Utc};
use malanhua_shared::api::{InstitutionRef, Me, ProfileRequest, RoleGrant};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, FieldCode, InstitutionId, RegionCode, UserId};

use crate::accounts::pii::SealedId;
use crate::accounts::rules::{ProfileFacts, profile_complete, profile_facts};
use crate::accounts::store::ProfileChange;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The person as `/api/me` shows them.
pub fn load_me(c: &mut DbConn, user_id: &UserId) -> Result<Me, AppError> {
    let user = crate::accounts::store::find(c, user_id)?.ok_or_else(|| AppError::not_found("account"))?;
    let grants = crate::accounts::store::grants_of(c, user_id)?;
    let inst_ids: Vec<InstitutionId> = grants.iter().filter_map(|g| g.institution_id.clone()).collect();
    let institutions = crate::accounts::store::institutions_by_id(c, &inst_ids)?;
    let mut codes: Vec<RegionCode> = grants.iter().filter_map(|g| g.region_code.clone()).collect();
    codes.extend(institutions.iter().map(|i| i.region_code.clone()));
    codes.extend(user.region_code.clone());
    let names = crate::core::regions::store::names(c, &codes)?;
    let name_of = |code: &RegionCode| names.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone());
    let roles = grants
        .iter()
        .map(|g| {
            let inst = g.institution_id.as_ref().and_then(|id| institutions.iter().find(|i| &i.id == id));
            let region = g.region_code.clone().or_else(|| inst.map(|i| i.region_code.clone()));
            RoleGrant {
                role: g.role,
                region_name: region.as_ref().and_then(name_of),
                region,
                institution: inst.map(|i| InstitutionRef { id: i.id.clone(), name: i.name.clone() }),
            }
        })
        .collect();
    Ok(Me {
        id: user.id.clone(),
        mobile: user.mobile.as_str().to_owned(),
        profile_complete: profile_complete(
            user.real_name.as_deref(),
            user.resident_id.as_ref(),
            user.region_code.as_ref(),
        ),
        resident_id_masked: user.resident_id_masked.clone(),
        gender: user.gender,
        birth_date: user.birth_date,
        region_name: user.region_code.as_ref().and_then(name_of),
        region: user.region_code,
        real_name: user.real_name,
        roles,
    })
}

/// The signed-in person.
pub async fn me(state: &AppState, actor: Actor) -> Result<Me, AppError> {
    state.db(move |c| load_me(c, &actor.user_id)).await
}

/// Saves the real-name profile. The resident ID, once saved, cannot be
/// changed by its holder, and may belong to one account only.
pub async fn update_profile(
    state: &AppState,
    actor: Actor,
    req: ProfileRequest,
    now: DateTime<Utc>,
) -> Result<Me, AppError> {
    authorize(&actor, Action::EditProfile, &Resource::User { id: &actor.user_id, region: None })?;
    let valid = req.validate().map_err(AppError::validation)?;
    let facts = profile_facts(valid, now.date_naive()).map_err(AppError::validation)?;
    let sealed = state.pii.seal(&actor.user_id, &facts.resident_id)?;
    state
        .write(move |c| {
            let id = actor.user_id.clone();
            {
                crate::core::regions::require_known(c, &facts.region, "region")?;
                let user = crate::accounts::store::find(c, &id)?.ok_or_else(|| AppError::not_found("account"))?;
                if user.resident_id_hash.as_ref().is_some_and(|h| h != &sealed.hash) {
                    let mut e = AppError::field("resident_id", FieldCode::NotAllowed);
                    e.message = "a saved resident ID cannot be changed; ask your bureau to correct it".into();
                    return Err(e);
                }
                if crate::accounts::store::find_by_resident_hash(c, &sealed.hash)?.is_some_and(|u| u.id != id) {
                    return Err(resident_id_taken());
                }
                let change = profile_change(&facts, &sealed, now);
                crate::accounts::store::update_profile(c, &id, &change)
                    .map_err(|e| if is_unique_violation(&e) { resident_id_taken() } else { e.into() })?;
                let masked = &sealed.masked;
                audit::record(
                    c,
                    Entry::by(
                        &id,
                        AuditAction::UpdateProfile,
                        "user",
                        id.as_str(),
                        format!("real-name profile saved: resident ID {masked}, region {}", facts.region),
                    ),
                    now,
                )?;
            };
            load_me(c, &id)
        })
        .await
}

/// The profile as saved: the facts, with the resident ID sealed.
pub(crate) fn profile_change<'a>(
    facts: &'a ProfileFacts,
    sealed: &'a SealedId,
    now: DateTime<Utc>,
) -> ProfileChange<'a> {
    ProfileChange {
        real_name: &facts.real_name,
        resident_id: &sealed.sealed,
        resident_id_hash: &sealed.hash,
        resident_id_masked: &sealed.masked,
        gender: facts.gender,
        birth_date: facts.birth_date,
        region_code: &facts.region,
        updated_at: naive(now),
    }
}

pub(crate) fn resident_id_taken() -> AppError {
    let mut e = AppError::new(ErrorCode::ResidentIdTaken, "this resident ID is bound to another account");
    e.fields.insert("resident_id".into(), FieldCode::Taken);
    e
}
