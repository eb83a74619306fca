//! The signed-in person.

use gloo_net::http::Method;
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
