//! Sign-in with throttling, sign-out, and authenticating a token.

use chrono::{DateTime, Utc};
use malanhua_shared::api::{Credentials, TokenResponse};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, FieldCode, InstitutionId, Mobile, Role, SessionId, UserId};

use crate::accounts::passwords;
use crate::accounts::rules::{
    OVERALL_WINDOW_SECONDS, RecentFailures, SigninGate, SigninLimits, signin_gate, throttle_window_start,
};
use crate::accounts::sessions::{Device, SessionRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Actor, Grant};
use crate::core::db::{DbConn, lock_keys, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Signs in: the attempt is recorded as a failure before anything is
/// decided (so parallel guesses all count), refused while the mobile is
/// locked or the mobile from this address, this address or the instance is
/// over its limit, then argon2id-verified; a wrong password is told how
/// many tries are left; a success takes the mobile's failures back and
/// opens a session on `device`.
pub async fn login(
    state: &AppState,
    creds: Credentials,
    device: Device,
    now: DateTime<Utc>,
) -> Result<TokenResponse, AppError> {
    let mobile = Mobile::parse(&creds.mobile)
        .map_err(|e| AppError::field("mobile", malanhua_shared::api::mobile_field_code(e)))?;
    if creds.password.is_empty() {
        return Err(AppError::field("password", FieldCode::Required));
    }
    let (m, ip) = (mobile.as_str().to_owned(), device.ip.clone().unwrap_or_default());
    let limits = state.config.signin_limits;
    let (attempt, gate, user) = state
        .write_private(move |c| {
            let (attempt, gate) = begin_attempt(c, &m, &ip, limits, now)?;
            Ok((attempt, gate, crate::accounts::store::find_by_mobile(c, &m)?))
        })
        .await?;
    let tries_left = admit(gate).inspect_err(|_| tracing::warn!(mobile = %mobile.masked(), "sign-in refused"))?;
    let ok = match passwords::verify(state, user.as_ref().map(|u| u.password_hash.clone()), creds.password).await {
        Ok(ok) => ok,
        Err(e) => {
            // Not checked (the server was busy): the attempt does not count.
            state.write_private(move |c| Ok(crate::accounts::sessions::forget_attempt(c, &attempt)?)).await?;
            return Err(e);
        }
    };
    let m = mobile.as_str().to_owned();
    let Some(user) = user.filter(|_| ok) else {
        tracing::info!(mobile = %mobile.masked(), "sign-in failed");
        let mut e = AppError::new(ErrorCode::InvalidCredentials, "mobile number or password is wrong");
        e.tries_left = Some(u32::try_from(tries_left).unwrap_or(u32::MAX));
        return Err(e);
    };
    let (reply, session) = new_session(&state.tokens, &user.id, device, now)?;
    state
        .write_private(move |c| {
            crate::accounts::sessions::clear_failures(c, &m)?;
            crate::accounts::sessions::insert(c, &session)?;
            audit::record(c, Entry::by(&user.id, AuditAction::SignIn, "session", &session.id, "signed in"), now)?;
            Ok::<_, AppError>(())
        })
        .await?;
    Ok(reply)
}

/// A new session for the account on `device`: the token to hand out and
/// the row to insert with it.
pub(crate) fn new_session(
    keys: &crate::accounts::tokens::TokenKeys,
    user: &UserId,
    device: Device,
    now: DateTime<Utc>,
) -> Result<(TokenResponse, SessionRow), AppError> {
    let id = SessionId::from_raw(new_id());
    let (token, expires_at) = keys.issue(user, &id, now)?;
    let row = SessionRow {
        id,
        user_id: user.clone(),
        created_at: naive(now),
        expires_at: naive(expires_at),
        revoked_at: None,
        user_agent: device.user_agent,
        ip: device.ip,
    };
    Ok((TokenResponse { token, expires_at }, row))
}

/// Records an attempt on `mobile` from `ip` as a failure before anything is
/// decided, under the mobile's and the address's locks, and says what the
/// limits make of it ([`signin_gate`]); the attempt that reaches the
/// per-mobile limit locks the mobile. Returns the attempt's id, which a
/// success (or an attempt never checked) takes back.
pub(crate) fn begin_attempt(
    c: &mut DbConn,
    mobile: &str,
    ip: &str,
    limits: SigninLimits,
    now: DateTime<Utc>,
) -> Result<(String, SigninGate), AppError> {
    lock_keys(c, &[&format!("signin:mobile:{mobile}"), &format!("signin:ip:{ip}")])?;
    let since = naive(throttle_window_start(now));
    let mut recent = RecentFailures::default();
    for (from, who, at) in crate::accounts::sessions::failures_since(c, mobile, ip, since)? {
        let at = utc(at);
        if who == mobile {
            recent.mobile.push(at);
            if from == ip {
                recent.mobile_ip.push(at);
            }
        }
        if from == ip {
            recent.ip.push(at);
        }
    }
    let minute_ago = naive(now - chrono::Duration::seconds(OVERALL_WINDOW_SECONDS));
    recent.overall = crate::accounts::sessions::all_failures_since(c, minute_ago, limits.overall_per_minute)?
        .into_iter()
        .map(utc)
        .collect();
    recent.locked = crate::accounts::sessions::is_locked(c, mobile)?;
    let attempt = new_id();
    crate::accounts::sessions::record_failure(c, &attempt, mobile, ip, naive(now))?;
    let gate = signin_gate(&recent, limits, now);
    if gate == (SigninGate::Locked { newly: true }) {
        crate::accounts::sessions::lock(c, mobile, naive(now))?;
    }
    Ok((attempt, gate))
}

/// Whether the limits let the password be checked: the tries left should
/// it be wrong, or the refusal (429 with `Retry-After`, or `signin_locked`).
pub(crate) fn admit(gate: SigninGate) -> Result<usize, AppError> {
    match gate {
        SigninGate::Check { tries_left } => Ok(tries_left),
        SigninGate::Wait(secs) => Err(too_many(secs)),
        SigninGate::Locked { .. } => Err(AppError::new(
            ErrorCode::SigninLocked,
            "too many failed sign-ins for this mobile; set a new password with a code sent by SMS",
        )),
    }
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
        .write(move |c| {
            crate::accounts::sessions::revoke(c, &actor.session_id, naive(now))?;
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::SignOut, "session", &actor.session_id, "signed out"),
                now,
            )?;
            Ok(())
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
    let claims = state.tokens.verify(token, now)?;
    state
        .db(move |c| {
            let session = crate::accounts::sessions::find(c, &SessionId::from_raw(claims.sid.as_str()))?
                .filter(|s| s.user_id == claims.sub && s.revoked_at.is_none())
                .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated, "the session has ended; sign in again"))?;
            if utc(session.expires_at) <= now {
                return Err(AppError::new(ErrorCode::TokenExpired, "the session has expired; sign in again"));
            }
            let user_id = session.user_id;
            let grants = grants_of(c, &user_id)?;
            Ok(Actor { user_id, session_id: session.id, grants })
        })
        .await
}

/// The domain view of a person's roles.
pub fn grants_of(c: &mut DbConn, user_id: &UserId) -> Result<Vec<Grant>, AppError> {
    let rows = crate::accounts::store::grants_of(c, user_id)?;
    let inst_ids: Vec<InstitutionId> = rows.iter().filter_map(|r| r.institution_id.clone()).collect();
    let institutions = crate::accounts::store::institutions_by_id(c, &inst_ids)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let region = r.region_code;
            match r.role {
                Role::Trainee => Some(Grant::Trainee),
                Role::Mentor => Some(Grant::Mentor),
                Role::Admin => Some(Grant::Admin),
                Role::BureauOfficer => Some(Grant::BureauOfficer { region: region? }),
                Role::InstitutionStaff => {
                    let id = r.institution_id?;
                    let inst = institutions.iter().find(|i| i.id == id)?;
                    Some(Grant::InstitutionStaff { institution_id: id, region: inst.region_code.clone() })
                }
            }
        })
        .collect())
}
