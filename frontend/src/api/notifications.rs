//! In-app notifications of the signed-in person.

use gloo_net::http::Method;
use malanhua_shared::api::classes::Notification;

use super::{ApiError, Auth, encode_query_value, get, request};

/// `GET /api/me/notifications`, newest first.
pub async fn notifications() -> Result<Vec<Notification>, ApiError> {
    get("/api/me/notifications", Auth::Bearer).await
}

/// `POST /api/me/notifications/{id}/read`
pub async fn mark_read(id: &str) -> Result<(), ApiError> {
    let path = format!("/api/me/notifications/{}/read", encode_query_value(id));
    request::<(), ()>(Method::POST, &path, None, Auth::Bearer).await
}
