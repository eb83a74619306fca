//! Registration, sign-in and -out, the signed-in person, the real-name profile.

use chrono::{DateTime, Utc};
use malanhua_shared::api::{Credentials, InstitutionRef, Me, ProfileRequest, RoleGrant, TokenResponse};
use malanhua_shared::{ErrorCode, FieldCode, InstitutionId, Mobile, RegionCode, ResidentId, Role, UserId};

use super::audit::{self, Entry};
use super::{naive, passwords, utc};
use crate::app::AppState;
use crate::db::sessions::SessionRow;
use crate::db::users::{ProfileChange, RoleGrantRow, UserRow};
use crate::db::{self, DbConn, is_unique_violation, new_id, write_tx};
use crate::domain::accounts::{
    gender_from_name, gender_name, login_throttle, profile_complete, profile_facts, throttle_window_start,
};
use crate::domain::authorization::{Action, Actor, Grant, Resource, authorize};
use crate::error::AppError;

/// Creates a trainee account. Returns the new account as `/api/me` shows it.
pub async fn register(state: &AppState, creds: Credentials, now: DateTime<Utc>) -> Result<Me, AppError> {
    let account = creds.validate_new().map_err(AppError::validation)?;
    let mobile = account.mobile.as_str().to_owned();
    let taken = {
        let mobile = mobile.clone();
        state.db(move |c| Ok(db::users::find_by_mobile(c, &mobile)?.is_some())).await?
    };
    if taken {
        return Err(mobile_taken());
    }
    let hash = passwords::hash(state, account.password.expose().to_owned()).await?;
    state
        .db(move |c| {
            let id = new_id();
            write_tx(c, |c| {
                insert_user(c, &id, &mobile, hash, now)?;
                insert_role(c, &id, Role::Trainee, None, None, None, now)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(&id),
                        action: "account.register",
                        entity_type: "user",
                        entity_id: &id,
                        summary: format!("registered with mobile {}", account.mobile.masked()),
                        reason: None,
                    },
                    now,
                )?;
                Ok::<(), AppError>(())
            })?;
            load_me(c, &id)
        })
        .await
}

fn mobile_taken() -> AppError {
    let mut e = AppError::new(ErrorCode::MobileTaken, "this mobile number is already registered");
    e.fields.insert("mobile".into(), FieldCode::Taken);
    e
}

/// Inserts an account row; a duplicate mobile becomes `mobile_taken`.
pub fn insert_user(c: &mut DbConn, id: &str, mobile: &str, hash: String, now: DateTime<Utc>) -> Result<(), AppError> {
    let row = UserRow {
        id: id.to_owned(),
        mobile: mobile.to_owned(),
        password_hash: hash,
        real_name: None,
        resident_id: None,
        gender: None,
        birth_date: None,
        region_code: None,
        created_at: naive(now),
        updated_at: naive(now),
    };
    db::users::insert(c, &row).map_err(|e| if is_unique_violation(&e) { mobile_taken() } else { e.into() })
}

/// Grants a role; holding it already is a conflict.
pub fn insert_role(
    c: &mut DbConn,
    user_id: &str,
    role: Role,
    region: Option<&str>,
    institution_id: Option<&str>,
    granted_by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = RoleGrantRow {
        id: new_id(),
        user_id: user_id.to_owned(),
        role: role.as_str().to_owned(),
        region_code: region.map(str::to_owned),
        institution_id: institution_id.map(str::to_owned),
        granted_by: granted_by.map(str::to_owned),
        granted_at: naive(now),
    };
    db::users::insert_grant(c, &row).map_err(|e| {
        if is_unique_violation(&e) {
            AppError::new(ErrorCode::Conflict, format!("this person already holds the role {}", role.as_str()))
        } else {
            e.into()
        }
    })
}

/// Signs in: throttled per mobile number, argon2id-verified, a new session.
pub async fn login(state: &AppState, creds: Credentials, now: DateTime<Utc>) -> Result<TokenResponse, AppError> {
    let mobile = Mobile::parse(&creds.mobile)
        .map_err(|e| AppError::field("mobile", malanhua_shared::api::mobile_field_code(e)))?;
    if creds.password.is_empty() {
        return Err(AppError::field("password", FieldCode::Required));
    }
    let m = mobile.as_str().to_owned();
    let (throttled, user) = state
        .db(move |c| {
            let since = naive(throttle_window_start(now));
            let failures: Vec<_> = db::sessions::failures_since(c, &m, since)?.into_iter().map(utc).collect();
            Ok((login_throttle(&failures, now), db::users::find_by_mobile(c, &m)?))
        })
        .await?;
    if let Some(secs) = throttled {
        tracing::warn!(mobile = %mobile.masked(), "sign-in throttled");
        return Err(too_many(secs));
    }
    let ok = passwords::verify(state, user.as_ref().map(|u| u.password_hash.clone()), creds.password).await?;
    let m = mobile.as_str().to_owned();
    let Some(user) = user.filter(|_| ok) else {
        tracing::info!(mobile = %mobile.masked(), "sign-in failed");
        state.db(move |c| Ok(db::sessions::record_failure(c, &new_id(), &m, naive(now))?)).await?;
        return Err(AppError::new(ErrorCode::InvalidCredentials, "mobile number or password is wrong"));
    };
    let session_id = new_id();
    let (token, expires_at) = state.tokens.issue(&user.id, &session_id, now)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                db::sessions::clear_failures(c, &m)?;
                db::sessions::insert(
                    c,
                    &SessionRow {
                        id: session_id.clone(),
                        user_id: user.id.clone(),
                        created_at: naive(now),
                        expires_at: naive(expires_at),
                        revoked_at: None,
                    },
                )?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(&user.id),
                        action: "session.sign_in",
                        entity_type: "session",
                        entity_id: &session_id,
                        summary: "signed in".into(),
                        reason: None,
                    },
                    now,
                )?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(TokenResponse { token, expires_at })
}

fn too_many(secs: u64) -> AppError {
    let mut e = AppError::new(
        ErrorCode::TooManyAttempts,
        format!("too many failed sign-ins; try again in {} minutes", secs.div_ceil(60)),
    );
    e.retry_after = Some(secs);
    e
}

/// Ends the actor's session; its token stops working at once.
pub async fn logout(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<(), AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                db::sessions::revoke(c, &actor.session_id, naive(now))?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "session.sign_out",
                        entity_type: "session",
                        entity_id: &actor.session_id,
                        summary: "signed out".into(),
                        reason: None,
                    },
                    now,
                )?;
                Ok(())
            })
        })
        .await
}

/// Who is calling: a valid `Bearer` token of an open, unexpired session.
pub async fn authenticate(state: &AppState, header: Option<String>, now: DateTime<Utc>) -> Result<Actor, AppError> {
    let header = header.ok_or_else(AppError::unauthenticated)?;
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(AppError::unauthenticated)?;
    let claims = state.tokens.verify(token)?;
    state
        .db(move |c| {
            let session = db::sessions::find(c, &claims.sid)?
                .filter(|s| s.user_id == claims.sub && s.revoked_at.is_none())
                .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated, "the session has ended; sign in again"))?;
            if utc(session.expires_at) <= now {
                return Err(AppError::new(ErrorCode::TokenExpired, "the session has expired; sign in again"));
            }
            let grants = grants_of(c, &session.user_id)?;
            Ok(Actor { user_id: UserId::from_raw(session.user_id), session_id: session.id, grants })
        })
        .await
}

/// The domain view of a person's roles.
pub fn grants_of(c: &mut DbConn, user_id: &str) -> Result<Vec<Grant>, AppError> {
    let rows = db::users::grants_of(c, user_id)?;
    let inst_ids: Vec<String> = rows.iter().filter_map(|r| r.institution_id.clone()).collect();
    let institutions = db::users::institutions_by_id(c, &inst_ids)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let region = r.region_code.as_deref().and_then(|s| RegionCode::parse(s).ok());
            match Role::from_name(&r.role)? {
                Role::Trainee => Some(Grant::Trainee),
                Role::Mentor => Some(Grant::Mentor),
                Role::Admin => Some(Grant::Admin),
                Role::BureauOfficer => Some(Grant::BureauOfficer { region: region? }),
                Role::InstitutionStaff => {
                    let id = r.institution_id?;
                    let inst = institutions.iter().find(|i| i.id == id)?;
                    Some(Grant::InstitutionStaff {
                        institution_id: id,
                        region: RegionCode::parse(&inst.region_code).ok()?,
                    })
                }
            }
        })
        .collect())
}

/// The person as `/api/me` shows them.
pub fn load_me(c: &mut DbConn, user_id: &str) -> Result<Me, AppError> {
    let user = db::users::find(c, user_id)?.ok_or_else(|| AppError::not_found("account"))?;
    let grants = db::users::grants_of(c, user_id)?;
    let inst_ids: Vec<String> = grants.iter().filter_map(|g| g.institution_id.clone()).collect();
    let institutions = db::users::institutions_by_id(c, &inst_ids)?;
    let mut codes: Vec<String> = grants.iter().filter_map(|g| g.region_code.clone()).collect();
    codes.extend(institutions.iter().map(|i| i.region_code.clone()));
    codes.extend(user.region_code.clone());
    let names = db::regions::names(c, &codes)?;
    let name_of = |code: &str| names.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone());
    let roles = grants
        .iter()
        .filter_map(|g| {
            let inst = g.institution_id.as_ref().and_then(|id| institutions.iter().find(|i| &i.id == id));
            let region = g.region_code.clone().or_else(|| inst.map(|i| i.region_code.clone()));
            Some(RoleGrant {
                role: Role::from_name(&g.role)?,
                region_name: region.as_deref().and_then(name_of),
                region: region.as_deref().and_then(|r| RegionCode::parse(r).ok()),
                institution: inst
                    .map(|i| InstitutionRef { id: InstitutionId::from_raw(i.id.clone()), name: i.name.clone() }),
            })
        })
        .collect();
    Ok(Me {
        id: UserId::from_raw(user.id.clone()),
        mobile: user.mobile.clone(),
        profile_complete: profile_complete(
            user.real_name.as_deref(),
            user.resident_id.as_deref(),
            user.region_code.as_deref(),
        ),
        resident_id_masked: user.resident_id.as_deref().and_then(|r| ResidentId::parse(r).ok()).map(|r| r.masked()),
        gender: user.gender.as_deref().and_then(gender_from_name),
        birth_date: user.birth_date,
        region_name: user.region_code.as_deref().and_then(name_of),
        region: user.region_code.as_deref().and_then(|r| RegionCode::parse(r).ok()),
        real_name: user.real_name,
        roles,
    })
}

/// The signed-in person.
pub async fn me(state: &AppState, actor: Actor) -> Result<Me, AppError> {
    state.db(move |c| load_me(c, actor.user_id.as_str())).await
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
    state
        .db(move |c| {
            let id = actor.user_id.as_str().to_owned();
            write_tx(c, |c| {
                let region = RegionCode::parse(&facts.region).map_err(|f| AppError::field("region", f))?;
                super::regions::require_known(c, &region, "region")?;
                let user = db::users::find(c, &id)?.ok_or_else(|| AppError::not_found("account"))?;
                if user.resident_id.as_deref().is_some_and(|r| r != facts.resident_id) {
                    let mut e = AppError::field("resident_id", FieldCode::NotAllowed);
                    e.message = "a saved resident ID cannot be changed; ask your bureau to correct it".into();
                    return Err(e);
                }
                if db::users::find_by_resident_id(c, &facts.resident_id)?.is_some_and(|u| u.id != id) {
                    return Err(resident_id_taken());
                }
                let change = ProfileChange {
                    real_name: &facts.real_name,
                    resident_id: &facts.resident_id,
                    gender: gender_name(facts.gender),
                    birth_date: facts.birth_date,
                    region_code: &facts.region,
                    updated_at: naive(now),
                };
                db::users::update_profile(c, &id, &change)
                    .map_err(|e| if is_unique_violation(&e) { resident_id_taken() } else { e.into() })?;
                let masked = ResidentId::parse(&facts.resident_id).map(|r| r.masked()).unwrap_or_default();
                audit::record(
                    c,
                    Entry {
                        actor: Some(&id),
                        action: "account.update_profile",
                        entity_type: "user",
                        entity_id: &id,
                        summary: format!("real-name profile saved: resident ID {masked}, region {}", facts.region),
                        reason: None,
                    },
                    now,
                )?;
                Ok::<(), AppError>(())
            })?;
            load_me(c, &id)
        })
        .await
}

fn resident_id_taken() -> AppError {
    let mut e = AppError::new(ErrorCode::ResidentIdTaken, "this resident ID is bound to another account");
    e.fields.insert("resident_id".into(), FieldCode::Taken);
    e
}
