//! Sign up, sign in and sign out.

use gloo_net::http::Method;
use malanhua_shared::api::{Credentials, Me, TokenResponse};

use super::{ApiError, Auth, request};

/// `POST /api/auth/register`: creates a trainee account.
pub async fn register(credentials: &Credentials) -> Result<Me, ApiError> {
    request(Method::POST, "/api/auth/register", Some(credentials), Auth::Anonymous).await
}

/// `POST /api/auth/login`: a bearer token for the account.
pub async fn login(credentials: &Credentials) -> Result<TokenResponse, ApiError> {
    request(Method::POST, "/api/auth/login", Some(credentials), Auth::Anonymous).await
}

/// `POST /api/auth/logout`: the token stops working.
pub async fn logout() -> Result<(), ApiError> {
    request::<(), ()>(Method::POST, "/api/auth/logout", None, Auth::Bearer).await
}
