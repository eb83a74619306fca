//! Credential and role lifecycle: changing one's password (the old one
//! required, every other session ended), one's open sessions, signing out
//! everywhere, and revoking a staff role (its sessions end at once).

use chrono::{DateTime, Utc};
use malanhua_shared::api::security::{PasswordChange, RoleRevocation, SessionInfo};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, FieldCode, Role, UserId};

use crate::accounts::passwords;
use crate::accounts::signin::{admit, begin_attempt};
use crate::accounts::store::{self as aq};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Changes the actor's password. A wrong old password counts as a failed
/// sign-in (the same limits hold), and every other session ends.
pub async fn change_password(
    state: &AppState,
    actor: Actor,
    req: PasswordChange,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let me = actor.user_id.clone();
    let user = state.db(move |c| aq::find(c, &me)?.ok_or_else(AppError::unauthenticated)).await?;
    let new = req.validate(user.mobile.as_str()).map_err(AppError::validation)?;
    let (m, ip, limits) = (user.mobile.as_str().to_owned(), ip.to_owned(), state.config.signin_limits);
    let (attempt, gate) = state.write(move |c| begin_attempt(c, &m, &ip, limits, now)).await?;
    let tries_left = admit(gate)?;
    if !passwords::verify(state, Some(user.password_hash.clone()), req.old_password).await? {
        let mut e = AppError::field("old_password", FieldCode::Incorrect);
        e.tries_left = Some(u32::try_from(tries_left).unwrap_or(u32::MAX));
        return Err(e);
    }
    let hash = passwords::hash(state, new.expose().to_owned()).await?;
    let mobile = user.mobile.as_str().to_owned();
    state
        .write(move |c| {
            crate::accounts::sessions::forget_attempt(c, &attempt)?;
            crate::accounts::sessions::clear_failures(c, &mobile)?;
            aq::set_password(c, &actor.user_id, &hash, naive(now))?;
            let ended = crate::accounts::sessions::revoke_all(c, &actor.user_id, Some(&actor.session_id), naive(now))?;
            let summary = format!("password changed; {ended} other sessions ended");
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::ChangePassword, "user", &actor.user_id, summary),
                now,
            )?;
            Ok(())
        })
        .await
}

/// The actor's open sessions, newest first.
pub async fn sessions(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<SessionInfo>, AppError> {
    state
        .db(move |c| {
            let rows = crate::accounts::sessions::open_of(c, &actor.user_id, naive(now))?;
            Ok(rows
                .into_iter()
                .map(|s| SessionInfo {
                    current: s.id == actor.session_id,
                    id: s.id,
                    created_at: utc(s.created_at),
                    expires_at: utc(s.expires_at),
                    user_agent: s.user_agent,
                    ip: s.ip,
                })
                .collect())
        })
        .await
}

/// Ends every session of the actor, this one included.
pub async fn sign_out_everywhere(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<(), AppError> {
    state
        .write(move |c| {
            let ended = crate::accounts::sessions::revoke_all(c, &actor.user_id, None, naive(now))?;
            let summary = format!("signed out of {ended} sessions");
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::SignOutEverywhere, "user", &actor.user_id, summary),
                now,
            )?;
            Ok(())
        })
        .await
}

/// Takes a staff role away: a bureau officer's (administrators), or an
/// institution staff member's (administrators, or officers of the
/// institution's region). The person's sessions end at once, so the role
/// stops working now, not when the token expires.
pub async fn revoke_role(
    state: &AppState,
    actor: Actor,
    user: String,
    req: RoleRevocation,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (role, reason) = req.validate().map_err(AppError::validation)?;
    let user = UserId::from_raw(user);
    state
        .write(move |c| {
            aq::lock_user(c, &user)?;
            let grants = aq::grants_of(c, &user)?;
            let grant = grants.into_iter().find(|g| g.role == role).ok_or_else(|| {
                AppError::new(ErrorCode::NotFound, format!("this person holds no {} role", role.as_str()))
            })?;
            match (role, &grant.region_code, &grant.institution_id) {
                (Role::BureauOfficer, Some(region), _) => {
                    authorize(&actor, Action::CreateBureauAccount, &Resource::Region(region))?;
                }
                (Role::InstitutionStaff, _, Some(inst)) => {
                    let region = aq::institutions_by_id(c, std::slice::from_ref(inst))?
                        .into_iter()
                        .next()
                        .map(|i| i.region_code)
                        .ok_or_else(|| AppError::not_found("institution"))?;
                    authorize(&actor, Action::CreateInstitutionAccount, &Resource::Region(&region))?;
                }
                _ => return Err(AppError::field("role", FieldCode::NotAllowed)),
            }
            if user == actor.user_id {
                return Err(AppError::new(ErrorCode::Forbidden, "ask another officer or an administrator"));
            }
            aq::delete_grant(c, &grant.id)?;
            let ended = crate::accounts::sessions::revoke_all(c, &user, None, naive(now))?;
            let summary = format!("{} revoked; {ended} sessions ended", role.as_str());
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::RevokeRole, "user", user.as_str(), summary)
                    .because(Some(reason)),
                now,
            )?;
            Ok(())
        })
        .await
}
