//! The trainers of the staff's institution.

use gloo_net::http::Method;
use malanhua_shared::api::classes::{NewTrainer, Trainer};

use super::{ApiError, Auth, get, request};

/// `GET /api/trainers`
pub async fn trainers() -> Result<Vec<Trainer>, ApiError> {
    get("/api/trainers", Auth::Bearer).await
}

/// `POST /api/trainers`
pub async fn create_trainer(body: &NewTrainer) -> Result<Trainer, ApiError> {
    request(Method::POST, "/api/trainers", Some(body), Auth::Bearer).await
}
