//! Session tokens: JWT, HS256 only, `exp` and `sub` required, short-lived.
//! Each token names a session row so signing out revokes it.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use malanhua_shared::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::accounts::rules::renewed_expiry;
use crate::core::error::AppError;

/// The claims of a session token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The account id.
    pub sub: String,
    /// The session id.
    pub sid: String,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
}

/// Keys and rules for issuing and checking tokens.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime: Duration,
    absolute: Duration,
}

impl TokenKeys {
    /// Keys from the HS256 secret; tokens live `minutes`, and a session
    /// renewed while in use lives at most [`DEFAULT_ABSOLUTE_HOURS`] from
    /// sign-in (see [`TokenKeys::with_absolute`]).
    pub fn new(secret: &str, minutes: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_required_spec_claims(&["exp", "sub"]);
        // Expiry is checked against the app's clock in `verify`, not the system's.
        validation.validate_exp = false;
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            lifetime: Duration::minutes(minutes),
            absolute: Duration::hours(DEFAULT_ABSOLUTE_HOURS),
        }
    }

    /// The same keys with sessions ending at most `minutes` after sign-in,
    /// however often they are renewed.
    pub fn with_absolute(self, minutes: i64) -> Self {
        Self { absolute: Duration::minutes(minutes), ..self }
    }

    /// How long a token lives.
    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    /// When a session opened at `created` and renewed at `now` ends: the
    /// sliding rule [`renewed_expiry`].
    pub fn expiry(&self, created: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
        renewed_expiry(now, created, self.lifetime, self.absolute)
    }

    /// Signs a token for a session that ends at `expires`.
    pub fn issue_until(
        &self,
        user_id: &str,
        session_id: &str,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let claims = Claims {
            sub: user_id.to_owned(),
            sid: session_id.to_owned(),
            iat: now.timestamp(),
            exp: expires.timestamp(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(AppError::internal)
    }

    /// Signs a token for a session; returns it with its expiry.
    pub fn issue(
        &self,
        user_id: &str,
        session_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), AppError> {
        let expires = self.expiry(now, now);
        Ok((self.issue_until(user_id, session_id, now, expires)?, expires))
    }

    /// Checks signature and algorithm, then expiry by the app's clock (`now`).
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Claims, AppError> {
        let claims =
            decode::<Claims>(token, &self.decoding, &self.validation).map(|d| d.claims).map_err(|e| {
                match e.kind() {
                    ErrorKind::ExpiredSignature => expired(),
                    _ => AppError::new(ErrorCode::Unauthenticated, "the token is not valid"),
                }
            })?;
        if claims.exp.saturating_add(LEEWAY_SECS) < now.timestamp() {
            return Err(expired());
        }
        Ok(claims)
    }
}

/// The default absolute limit of a renewed session, from sign-in.
pub const DEFAULT_ABSOLUTE_HOURS: i64 = 12;

/// Seconds of clock skew tolerated at expiry.
const LEEWAY_SECS: i64 = 5;

fn expired() -> AppError {
    AppError::new(ErrorCode::TokenExpired, "the session has expired; sign in again")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn an_issued_token_verifies() {
        let keys = TokenKeys::new(SECRET, 60);
        let now = Utc::now();
        let (token, exp) = keys.issue("u1", "s1", now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(exp, now + Duration::minutes(60));
        let claims = keys.verify(&token, now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((claims.sub.as_str(), claims.sid.as_str()), ("u1", "s1"));
    }

    #[test]
    fn an_expired_token_is_refused_as_expired() {
        let keys = TokenKeys::new(SECRET, 60);
        let now = Utc::now();
        let (token, _) = keys.issue("u1", "s1", now - Duration::hours(3)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keys.verify(&token, now).map_err(|e| e.code), Err(ErrorCode::TokenExpired));
        // Expiry follows the app's clock, not the system's.
        let (fresh, _) = keys.issue("u1", "s1", now).unwrap_or_else(|e| panic!("{e}"));
        assert!(keys.verify(&fresh, now + Duration::minutes(59)).is_ok());
        assert_eq!(keys.verify(&fresh, now + Duration::minutes(61)).map_err(|e| e.code), Err(ErrorCode::TokenExpired));
    }

    #[test]
    fn a_token_signed_with_another_key_or_algorithm_is_refused() {
        let keys = TokenKeys::new(SECRET, 60);
        let other = TokenKeys::new("another secret another secret 123", 60);
        let (token, _) = other.issue("u1", "s1", Utc::now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keys.verify(&token, Utc::now()).map_err(|e| e.code), Err(ErrorCode::Unauthenticated));
        let claims = Claims { sub: "u1".into(), sid: "s1".into(), iat: 0, exp: Utc::now().timestamp() + 600 };
        let hs512 = encode(&Header::new(Algorithm::HS512), &claims, &EncodingKey::from_secret(SECRET.as_bytes()))
            .unwrap_or_default();
        assert_eq!(keys.verify(&hs512, Utc::now()).map_err(|e| e.code), Err(ErrorCode::Unauthenticated));
    }
}
