//! Sliding renewal: a session in use gets a fresh token and a later
//! expiry, never past the absolute limit from sign-in, so nobody is signed
//! out while typing and no token lives for ever.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::TokenResponse;

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Renews the actor's session: it now ends at `min(now + lifetime,
/// signed in + absolute limit)` and a token for that is issued. A session
/// revoked or expired (also meanwhile) is refused.
pub async fn refresh(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<TokenResponse, AppError> {
    let keys = state.tokens.clone();
    state
        .write(move |c| {
            let ended = || AppError::new(ErrorCode::TokenExpired, "the session has expired; sign in again");
            let session = crate::accounts::sessions::find(c, &actor.session_id)?
                .filter(|s| s.revoked_at.is_none() && utc(s.expires_at) > now)
                .ok_or_else(ended)?;
            let expires_at = keys.expiry(utc(session.created_at), now);
            if crate::accounts::sessions::renew(c, &session.id, naive(now), naive(expires_at))? != 1 {
                return Err(ended());
            }
            let token = keys.issue_until(session.user_id.as_str(), session.id.as_str(), now, expires_at)?;
            Ok(TokenResponse { token, expires_at })
        })
        .await
}
