//! Setting a password with a code sent by SMS: forgotten passwords, staff
//! taking up the roles offered to their mobile, and lifting a sign-in
//! lock-out. Every other session of the account ends.

use chrono::{DateTime, Utc};
use malanhua_shared::api::TokenResponse;
use malanhua_shared::api::verification::{CodePurpose, PasswordReset};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, Mobile, UserId};

use crate::accounts::sessions::Device;
use crate::accounts::{insert_user, passwords};
use crate::core::audit::{self, Entry};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// Proves the mobile with the code, sets the password and signs in on `device`.
pub async fn reset_password(
    state: &AppState,
    req: PasswordReset,
    device: Device,
    now: DateTime<Utc>,
) -> Result<TokenResponse, AppError> {
    let p = req.validate().map_err(AppError::validation)?;
    let hash = passwords::hash(state, p.password.expose().to_owned()).await?;
    crate::accounts::codes::redeem(state, &p.mobile, CodePurpose::Reset, &p.code, now).await?;
    set_password_proved(state, p.mobile, hash, device, now).await
}

/// The part after the proof (the demo data starts here too): the account
/// of the mobile (made now when only offers wait for it) gets the password,
/// its failures, sign-in lock and sessions go, offers become roles, and a
/// session opens on `device`.
pub(crate) async fn set_password_proved(
    state: &AppState,
    mobile: Mobile,
    hash: String,
    device: Device,
    now: DateTime<Utc>,
) -> Result<TokenResponse, AppError> {
    let keys = state.tokens.clone();
    state
        .write(move |c| {
            let user = match crate::accounts::store::find_by_mobile(c, mobile.as_str())? {
                Some(u) => {
                    crate::accounts::store::set_password(c, &u.id, &hash, naive(now))?;
                    crate::accounts::sessions::revoke_all(c, &u.id, None, naive(now))?;
                    u.id
                }
                None if crate::accounts::invitations::pending_of(c, &mobile, now)?.is_empty() => {
                    return Err(AppError::new(
                        ErrorCode::NotFound,
                        "no account uses this mobile number; register instead",
                    ));
                }
                None => {
                    let id = UserId::from_raw(new_id());
                    insert_user(c, &id, &mobile, hash, now)?;
                    id
                }
            };
            crate::accounts::store::mark_proved(c, &user, naive(now))?;
            crate::accounts::sessions::clear_failures(c, mobile.as_str())?;
            crate::accounts::sessions::unlock(c, mobile.as_str())?;
            let summary = format!("set a password after proving {} by SMS code", mobile.masked());
            audit::record(c, Entry::by(&user, AuditAction::ResetPassword, "user", user.as_str(), summary), now)?;
            crate::accounts::invitations::accept_all(c, &user, &mobile, now)?;
            let (reply, session) = crate::accounts::signin::new_session(&keys, &user, device, now)?;
            crate::accounts::sessions::insert(c, &session)?;
            Ok(reply)
        })
        .await
}
