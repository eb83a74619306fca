//! The signed-in person.

use gloo_net::http::Method;
use malanhua_shared::api::security::{PasswordChange, SessionInfo};
use malanhua_shared::api::{Me, ProfileRequest};

use super::{ApiError, Auth, get, request};

/// `GET /api/me`
pub async fn me() -> Result<Me, ApiError> {
    get("/api/me", Auth::Bearer).await
}

/// `PUT /api/me/profile`: saves the real-name profile.
pub async fn update_profile(profile: &ProfileRequest) -> Result<Me, ApiError> {
    request(Method::PUT, "/api/me/profile", Some(profile), Auth::Bearer).await
}

/// `PUT /api/me/password`: the current password and a new one; every other
/// session ends.
pub async fn change_password(body: &PasswordChange) -> Result<(), ApiError> {
    request(Method::PUT, "/api/me/password", Some(body), Auth::Bearer).await
}

/// `GET /api/me/sessions`: the open sessions, newest first.
pub async fn sessions() -> Result<Vec<SessionInfo>, ApiError> {
    get("/api/me/sessions", Auth::Bearer).await
}
