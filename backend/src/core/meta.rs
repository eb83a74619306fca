//! Health, the region tree and the OpenAPI document.

use std::sync::Arc;

use malanhua_shared::api::{Health, Region};
use warp::Filter;
use warp::Reply;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::db;
use crate::core::error::{AppError, RETRY_AFTER_BUSY};
use crate::core::http::{reply, with_state};
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let health = warp::path!("health").and(warp::get()).and(with_state(state.clone())).then(health);
    let bench = state.config.bench_routes;
    let regions = warp::path!("regions").and(warp::get()).and(with_state(state)).then(regions);
    let openapi = warp::path!("openapi.json").and(warp::get()).map(openapi_json);
    // The HTTP ceiling: the same filters around it, no handler work, no database.
    let bare = warp::path!("bench" / "bare").and(warp::get()).and_then(move || async move {
        if bench { Ok(warp::reply::json(&Bare { ok: true }).into_response()) } else { Err(warp::reject::not_found()) }
    });
    health.or(regions).unify().or(openapi).unify().or(bare).unify().boxed()
}

#[derive(serde::Serialize)]
struct Bare {
    ok: bool,
}

/// The OpenAPI document, serialised once per process.
fn openapi_json() -> Response {
    static DOCUMENT: std::sync::OnceLock<bytes::Bytes> = std::sync::OnceLock::new();
    let body = DOCUMENT.get_or_init(|| serde_json::to_vec(&crate::openapi::document()).unwrap_or_default().into());
    crate::core::http::json_bytes(body.clone())
}

/// Whether the server and its database answer: `ok`, or `degraded` with
/// 503 and `Retry-After` when no connection answers in time.
#[utoipa::path(get, path = "/api/health", tag = "meta",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn health(state: Arc<AppState>) -> Response {
    let backend = state.backend.name().to_owned();
    let name = backend.clone();
    let result =
        state.db(move |c| Ok(Health { status: "ok".into(), backend, migration: db::migration_version(c)? })).await;
    match result {
        Ok(h) => reply(StatusCode::OK, Ok::<_, AppError>(h)),
        Err(e) => {
            tracing::warn!(code = ?e.code, "health degraded");
            let body = Health { status: "degraded".into(), backend: name, migration: String::new() };
            let mut r =
                warp::reply::with_status(warp::reply::json(&body), StatusCode::SERVICE_UNAVAILABLE).into_response();
            r.headers_mut().insert(warp::http::header::RETRY_AFTER, warp::http::HeaderValue::from(RETRY_AFTER_BUSY));
            r
        }
    }
}

/// The GB/T 2260 divisions the programme knows (public).
#[utoipa::path(get, path = "/api/regions", tag = "meta", responses((status = 200, body = [Region])))]
pub async fn regions(state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, state.db(crate::core::regions::list).await)
}
