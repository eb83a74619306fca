//! Sign up, sign in and sign out.

use gloo_net::http::Method;
use malanhua_shared::api::verification::{CodeRequest, CodeSent, PasswordReset, Registration};
use malanhua_shared::api::{Credentials, Me, TokenResponse};

use super::{ApiError, Auth, request};

/// `POST /api/auth/codes`: a one-time code by SMS.
pub async fn send_code(body: &CodeRequest) -> Result<CodeSent, ApiError> {
    request(Method::POST, "/api/auth/codes", Some(body), Auth::Anonymous).await
}

/// `POST /api/auth/register`: creates a trainee account.
pub async fn register(body: &Registration) -> Result<Me, ApiError> {
    request(Method::POST, "/api/auth/register", Some(body), Auth::Anonymous).await
}

/// `POST /api/auth/reset`: a new password with a code; signs in.
pub async fn reset(body: &PasswordReset) -> Result<TokenResponse, ApiError> {
    request(Method::POST, "/api/auth/reset", Some(body), Auth::Anonymous).await
}

/// `POST /api/auth/login`: a bearer token for the account.
pub async fn login(credentials: &Credentials) -> Result<TokenResponse, ApiError> {
    request(Method::POST, "/api/auth/login", Some(credentials), Auth::Anonymous).await
}

/// `POST /api/auth/logout`: the token stops working.
pub async fn logout() -> Result<(), ApiError> {
    request::<(), ()>(Method::POST, "/api/auth/logout", None, Auth::Bearer).await
}

/// `POST /api/auth/refresh`: renews the session in use; a fresh token.
pub async fn refresh() -> Result<TokenResponse, ApiError> {
    request::<(), TokenResponse>(Method::POST, "/api/auth/refresh", None, Auth::Bearer).await
}

/// `POST /api/auth/logout-all`: every session of the person ends.
pub async fn logout_all() -> Result<(), ApiError> {
    request::<(), ()>(Method::POST, "/api/auth/logout-all", None, Auth::Bearer).await
}
