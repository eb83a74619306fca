//! Health, the region tree and the OpenAPI document.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::{Health, Region};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::db;
use crate::core::http::{reply, with_state};
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let health = warp::path!("health").and(warp::get()).and(with_state(state.clone())).then(health);
    let regions = warp::path!("regions").and(warp::get()).and(with_state(state)).then(regions);
    let openapi = warp::path!("openapi.json")
        .and(warp::get())
        .map(|| warp::reply::json(&crate::openapi::document()))
        .map(warp::Reply::into_response);
    health.or(regions).unify().or(openapi).unify().boxed()
}

/// Whether the server and its database answer.
#[utoipa::path(get, path = "/api/health", tag = "meta",
    responses((status = 200, body = Health), (status = 500, body = ErrorBody)))]
pub async fn health(state: Arc<AppState>) -> Response {
    let backend = state.backend.name().to_owned();
    let result =
        state.db(move |c| Ok(Health { status: "ok".into(), backend, migration: db::migration_version(c)? })).await;
    reply(StatusCode::OK, result)
}

/// The GB/T 2260 divisions the programme knows (public).
#[utoipa::path(get, path = "/api/regions", tag = "meta", responses((status = 200, body = [Region])))]
pub async fn regions(state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, state.db(crate::core::regions::list).await)
}
