//! A person's rights over their data: the download, deletion requests and
//! the bureau's decisions on them, and the bureau's correction of a
//! resident ID another account took first.

use gloo_net::http::Method;
use malanhua_shared::api::privacy::{CorrectionDone, DeletionDecision, DeletionRequest, ResidentIdCorrection};

use super::{ApiError, Auth, download, encode_query_value, get, request_idempotent};

/// The name the download is saved under.
pub const EXPORT_FILE: &str = "malanhua-my-data.json";

/// `GET /api/me/export`, saved as [`EXPORT_FILE`].
pub async fn download_export() -> Result<(), ApiError> {
    download("/api/me/export", "application/json", EXPORT_FILE).await
}

/// `GET /api/me/deletion-requests`: the person's requests, newest first.
pub async fn my_deletion_requests() -> Result<Vec<DeletionRequest>, ApiError> {
    get("/api/me/deletion-requests", Auth::Bearer).await
}

/// `POST /api/me/deletion-requests`: asks for the account's deletion (409
/// while one is waiting).
pub async fn ask_deletion(key: &str) -> Result<DeletionRequest, ApiError> {
    request_idempotent::<(), _>(Method::POST, "/api/me/deletion-requests", None, Auth::Bearer, key).await
}

/// `GET /api/bureau/deletion-requests`: the requests waiting in the
/// officer's regions, each with what must be kept.
pub async fn waiting_deletions() -> Result<Vec<DeletionRequest>, ApiError> {
    get("/api/bureau/deletion-requests", Auth::Bearer).await
}

/// `POST /api/deletion-requests/{id}/decision`: carry out or refuse, with a note.
pub async fn decide_deletion(id: &str, body: &DeletionDecision, key: &str) -> Result<DeletionRequest, ApiError> {
    let path = format!("/api/deletion-requests/{}/decision", encode_query_value(id));
    request_idempotent(Method::POST, &path, Some(body), Auth::Bearer, key).await
}

/// `POST /api/bureau/resident-id-corrections`: binds a resident ID to the
/// account of a mobile, taking it from the account that held it.
pub async fn correct_resident_id(body: &ResidentIdCorrection, key: &str) -> Result<CorrectionDone, ApiError> {
    request_idempotent(Method::POST, "/api/bureau/resident-id-corrections", Some(body), Auth::Bearer, key).await
}
