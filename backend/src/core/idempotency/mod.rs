//! `Idempotency-Key`: a retried write gets the first response; the same key
//! with a different request is refused. Keys are scoped to the caller.
//!
//! What is kept holds no personal data anyone can read: the request as a
//! fingerprint, the key as a keyed hash, and the first answer sealed
//! (AES-256-GCM) under a key derived from the caller's own Idempotency-Key,
//! which is never stored. Only a retry that presents the key opens it; the
//! database and the data key alone do not. Records go after 24 hours.

use chrono::{DateTime, Utc};
use malanhua_shared::{ErrorCode, FieldCode};

use crate::accounts::pii::{open_with, seal_with};
use crate::core::error::AppError;
use crate::core::idempotency::store::{self as iq, IdemRow};
use crate::core::naive;
use crate::core::state::AppState;

/// Longest key accepted.
pub const MAX_KEY_LEN: usize = 200;

/// What to do with a keyed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Begin {
    /// First time: run it, then [`finish`].
    Fresh,
    /// Seen and answered: send this again.
    Replay {
        /// The first response's status.
        status: u16,
        /// Its JSON body.
        body: String,
    },
}

/// Checks a key: 1 to 200 visible ASCII characters.
pub fn check_key(key: &str) -> Result<(), AppError> {
    if key.is_empty() || key.len() > MAX_KEY_LEN || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::field("Idempotency-Key", FieldCode::InvalidFormat));
    }
    Ok(())
}

/// How long an unanswered key stays reserved: a request whose answer was
/// never stored (the client went away, the server stopped) frees its key
/// after this, and a retry runs again; the stage checks make that safe.
pub const LEASE_SECONDS: i64 = 60;

/// A fingerprint of the request (method, path and body), so that bodies,
/// which may hold personal data, are not kept.
pub fn fingerprint(request: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(request.as_bytes()))
}

/// How a caller's key is stored: a keyed hash, so the key that opens the
/// sealed answer is not in the database.
pub fn stored_key(state: &AppState, scope: &str, key: &str) -> String {
    hex::encode(state.pii.derive("idempotency key", &[scope, key]))
}

fn reply_key(state: &AppState, scope: &str, key: &str) -> [u8; 32] {
    state.pii.derive("idempotency reply", &[scope, key])
}

/// Reserves the key for this request, or says how the earlier one ended.
pub async fn begin(
    state: &AppState,
    scope: String,
    key: String,
    request: String,
    now: DateTime<Utc>,
) -> Result<Begin, AppError> {
    check_key(&key)?;
    let request = fingerprint(&request);
    let opener = reply_key(state, &scope, &key);
    let key = stored_key(state, &scope, &key);
    state
        .db(move |c| {
            let row =
                IdemRow { scope, key, request_hash: request, status_code: None, body: None, created_at: naive(now) };
            if iq::reserve(c, &row)? {
                return Ok(Begin::Fresh);
            }
            let stale = naive(now - chrono::Duration::seconds(LEASE_SECONDS));
            if iq::take_over(c, &row, stale)? {
                return Ok(Begin::Fresh);
            }
            let Some(seen) = iq::find(c, &row.scope, &row.key)? else {
                return Err(AppError::new(
                    ErrorCode::RequestInProgress,
                    "the earlier request with this key just ended; retry",
                ));
            };
            if seen.request_hash != row.request_hash {
                return Err(AppError::new(
                    ErrorCode::IdempotencyKeyReused,
                    "this Idempotency-Key was used for a different request",
                ));
            }
            match (seen.status_code, seen.body) {
                (Some(status), Some(sealed)) => {
                    let body = open_with(&opener, seen.request_hash.as_bytes(), &sealed)
                        .and_then(|b| String::from_utf8(b).ok())
                        .ok_or_else(|| AppError::internal("a stored answer does not open"))?;
                    Ok(Begin::Replay { status: u16::try_from(status).unwrap_or(500), body })
                }
                _ => Err(AppError::new(
                    ErrorCode::RequestInProgress,
                    "a request with this Idempotency-Key is in progress",
                )),
            }
        })
        .await
}

/// Stores the response, sealed; a server failure frees the key instead, so
/// the request can be retried.
pub async fn finish(state: &AppState, scope: String, key: String, request: &str, status: u16, body: String) {
    let sealed = seal_with(&reply_key(state, &scope, &key), fingerprint(request).as_bytes(), body.as_bytes());
    let key = stored_key(state, &scope, &key);
    let result = state
        .db(move |c| {
            if status >= 500 {
                iq::forget(c, &scope, &key)?;
            } else {
                iq::complete(c, &scope, &key, i32::from(status), &sealed?)?;
            }
            Ok::<_, AppError>(())
        })
        .await;
    if let Err(e) = result {
        tracing::error!(code = ?e.code, "could not store the idempotent response");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_kept_as_fingerprints() {
        let a = fingerprint("POST /api/notices/x/objections\n{\"contact\":\"13912345678\"}");
        assert_eq!(a.len(), 64);
        assert!(!a.contains("13912345678"));
        assert_ne!(a, fingerprint("POST /api/notices/y/objections\n{}"));
    }

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        assert!(check_key("0b7c1f0e-2a3d-4c55-9f00-1234567890ab").is_ok());
        assert!(check_key("").is_err());
        assert!(check_key("has space").is_err());
        assert!(check_key(&"k".repeat(MAX_KEY_LEN + 1)).is_err());
    }
}

pub mod store;
