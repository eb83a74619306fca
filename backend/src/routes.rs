//! Every route of the server, assembled from the features' `routes.rs`.

use std::convert::Infallible;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use warp::http::{HeaderValue, header};
use warp::reply::Response;
use warp::{Filter, Reply};

use crate::core::headers::{default_policy, security_headers};
use crate::core::state::AppState;

/// Every route of the server: the API under `/api`, the SPA elsewhere.
pub fn routes(state: Arc<AppState>) -> impl Filter<Extract = (impl Reply,), Error = Infallible> + Clone {
    // Two boxed halves: one chain of every feature's filter nests too deep
    // for the compiler's type recursion limit in release builds.
    let people = crate::core::meta::routes(state.clone())
        .or(crate::accounts::routes::routes(state.clone()))
        .unify()
        .or(crate::accounts::admin_routes::routes(state.clone()))
        .unify()
        .or(crate::classes::routes::routes(state.clone()))
        .unify()
        .or(crate::certificates::routes::routes(state.clone()))
        .unify()
        .or(crate::subsidies::routes::routes(state.clone()))
        .unify()
        .boxed();
    let services = crate::mentors::routes::routes(state.clone())
        .or(crate::studios::routes::routes(state.clone()))
        .unify()
        .or(crate::fees::routes::routes(state.clone()))
        .unify()
        .or(crate::privacy::routes::routes(state.clone()))
        .unify()
        .or(crate::subsidies::proposal_routes::routes(state.clone()))
        .unify()
        .or(crate::statistics::routes::routes(state.clone()))
        .unify()
        .boxed();
    let api = warp::path("api").and(people.or(services).unify());
    let clock = state.clock.clone();
    let https = state.config.public_url.starts_with("https://");
    let app = api.or(crate::core::spa::routes(state)).unify().recover(crate::core::http::recover).unify();
    warp::header::headers_cloned()
        .and(app)
        .then(|request: warp::http::HeaderMap, reply: Response| async move {
            crate::core::compress::json_reply(reply, &request).await
        })
        .map(move |reply: Response| dated(reply, clock.now()))
        .with(warp::reply::with::headers(security_headers(https)))
        .with(warp::reply::with::default_header(header::CONTENT_SECURITY_POLICY, default_policy()))
        .with(warp::log::custom(|info| {
            tracing::info!(status = info.status().as_u16(), ms = info.elapsed().as_millis() as u64, "served");
        }))
        .with(warp::trace(|info| {
            tracing::info_span!(
                "request",
                id = %uuid::Uuid::new_v4(),
                method = %info.method(),
                path = %info.path(),
            )
        }))
}

/// Sets `Date` from the app's clock, so the web app can show and decide
/// times by the server's clock rather than the device's.
fn dated(mut reply: Response, now: DateTime<Utc>) -> Response {
    if let Ok(v) = HeaderValue::from_str(&now.format("%a, %d %b %Y %H:%M:%S GMT").to_string()) {
        reply.headers_mut().insert(header::DATE, v);
    }
    reply
}
