//! Personal-data routes: download, deletion requests, resident-ID correction.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::privacy::{
    CorrectionDone, DataExport, DeletionDecision, DeletionRequest, ResidentIdCorrection,
};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::state::AppState;
use crate::privacy as svc;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let c = || caller(state.clone());
    let (get, post) = (warp::get, warp::post);
    crate::any_of!(
        warp::path!("me" / "export").and(get()).and(c()).then(export),
        warp::path!("me" / "deletion-requests").and(get()).and(c()).then(mine),
        warp::path!("me" / "deletion-requests").and(post()).and(write_bare(state.clone())).then(request),
        warp::path!("bureau" / "deletion-requests").and(get()).and(c()).then(waiting),
        warp::path!("deletion-requests" / String / "decision").and(post()).and(write_json(state.clone())).then(decide),
        warp::path!("bureau" / "resident-id-corrections").and(post()).and(write_json(state.clone())).then(correct),
    )
}

/// Everything the system holds about the signed-in person, as JSON.
#[utoipa::path(get, path = "/api/me/export", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = DataExport), (status = 401, body = ErrorBody)))]
pub async fn export(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::export::export(&state, actor?, state.now()).await }).await
}

/// The person's deletion requests, newest first.
#[utoipa::path(get, path = "/api/me/deletion-requests", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = [DeletionRequest]), (status = 401, body = ErrorBody)))]
pub async fn mine(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::deletion::mine(&state, actor?, state.now()).await }).await
}

/// The person asks for their account to be deleted (one request waits at a time).
#[utoipa::path(post, path = "/api/me/deletion-requests", tag = "privacy", security(("bearer" = [])),
    responses((status = 201, body = DeletionRequest), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn request(w: Write) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::deletion::request(&state, actor?, state.now()).await })
        .await
}

/// Deletion requests waiting for the officer's region, with what keeps each record.
#[utoipa::path(get, path = "/api/bureau/deletion-requests", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = [DeletionRequest]), (status = 401, body = ErrorBody)))]
pub async fn waiting(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::deletion::waiting(&state, actor?, state.now()).await }).await
}

/// The bureau carries a deletion out (erasing the personal data) or refuses it.
#[utoipa::path(post, path = "/api/deletion-requests/{id}/decision", tag = "privacy", security(("bearer" = [])),
    params(("id" = String, Path, description = "request id")), request_body = DeletionDecision,
    responses((status = 200, body = DeletionRequest), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(id: String, w: Write, body: Body<DeletionDecision>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::deletion::decide(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// An officer binds a resident ID to its rightful account, taking it from the one that held it.
#[utoipa::path(post, path = "/api/bureau/resident-id-corrections", tag = "privacy", security(("bearer" = [])),
    request_body = ResidentIdCorrection,
    responses((status = 200, body = CorrectionDone), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn correct(w: Write, body: Body<ResidentIdCorrection>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::correction::correct(&state, actor?, body?, state.now()).await },
    )
    .await
}
