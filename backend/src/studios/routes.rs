//! Studio routes: thin handlers over the use cases.

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::studios::{
    EvaluationInput, MyStudio, RevocationInput, StudioApplication, StudioCard, StudioDetail, StudioPolicy,
    StudioPolicyInput, StudioReportInput, StudioStatus, StudioWork,
};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::classes::routes::maybe_actor;
use crate::core::authorization::Actor;
use crate::core::calls::{Body, Caller, Write, caller, write_json};
use crate::core::error::AppError;
use crate::core::http::{client_ip, reply, with_state};
use crate::core::limits::Bucket;
use crate::core::state::AppState;
use crate::studios as svc;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let m = || maybe_actor(state.clone());
    let get = warp::get;
    let post = warp::post;
    crate::any_of!(
        warp::path!("studio-policies" / String).and(get()).and(s()).then(get_policies),
        warp::path!("studio-policies" / String).and(warp::put()).and(write_json(state.clone())).then(put_policy),
        warp::path!("studios")
            .and(get())
            .and(s())
            .and(client_ip(state.clone()))
            .and(warp::query::<HashMap<String, String>>())
            .then(directory),
        warp::path!("studios").and(post()).and(write_json(state.clone())).then(apply),
        warp::path!("studios" / String).and(get()).and(s()).and(m()).then(studio),
        warp::path!("me" / "studio").and(get()).and(c()).then(mine),
        warp::path!("studios" / String / "reports").and(post()).and(write_json(state.clone())).then(report),
        warp::path!("bureau" / "studios")
            .and(get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(worklist),
        warp::path!("studios" / String / "evaluations").and(post()).and(write_json(state.clone())).then(evaluate),
        warp::path!("studios" / String / "revoke").and(post()).and(write_json(state.clone())).then(revoke),
    )
}

/// The studio policy versions of a region and those above it (public).
#[utoipa::path(get, path = "/api/studio-policies/{region}", tag = "studios",
    params(("region" = String, Path, description = "GB/T 2260 code")),
    responses((status = 200, body = [StudioPolicy]), (status = 400, body = ErrorBody)))]
pub async fn get_policies(region: String, state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, svc::policies(&state, region).await)
}

/// A bureau sets a version of its region's studio policy.
#[utoipa::path(put, path = "/api/studio-policies/{region}", tag = "studios", security(("bearer" = [])),
    params(("region" = String, Path, description = "GB/T 2260 code")), request_body = StudioPolicyInput,
    responses((status = 200, body = StudioPolicy), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_policy(region: String, w: Write, body: Body<StudioPolicyInput>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::set_policy(&state, actor?, region, body?, state.now()).await },
    )
    .await
}

/// The public directory of recognised studios.
#[utoipa::path(get, path = "/api/studios", tag = "studios",
    params(("region" = Option<String>, Query, description = "GB/T 2260 code"), ("q" = Option<String>, Query, description = "name or member")),
    responses((status = 200, body = [StudioCard]), (status = 400, body = ErrorBody)))]
pub async fn directory(state: Arc<AppState>, ip: String, q: HashMap<String, String>) -> Response {
    let result = async {
        state.limits.check(Bucket::Public, &ip, state.now())?;
        svc::directory(&state, q.get("region").cloned(), q.get("q").cloned()).await
    };
    reply(StatusCode::OK, result.await)
}

/// A mentor applies for a studio as its leader; the grant claim is filed with it.
#[utoipa::path(post, path = "/api/studios", tag = "studios", security(("bearer" = [])), request_body = StudioApplication,
    responses((status = 201, body = StudioDetail), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn apply(w: Write, body: Body<StudioApplication>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::apply(&state, actor?, body?, state.now()).await })
        .await
}

/// A studio's page (the public sees recognised studios).
#[utoipa::path(get, path = "/api/studios/{id}", tag = "studios", params(("id" = String, Path, description = "studio id")),
    responses((status = 200, body = StudioDetail), (status = 404, body = ErrorBody)))]
pub async fn studio(id: String, state: Arc<AppState>, viewer: Option<Actor>) -> Response {
    let now = state.now();
    reply(StatusCode::OK, svc::detail(&state, viewer, id, now).await)
}

/// The mentor's own studio, the policy, colleagues and citable records.
#[utoipa::path(get, path = "/api/me/studio", tag = "studios", security(("bearer" = [])),
    responses((status = 200, body = MyStudio), (status = 403, body = ErrorBody)))]
pub async fn mine(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_studio(&state, actor?, state.now()).await }).await
}

/// The leader files a period's report.
#[utoipa::path(post, path = "/api/studios/{id}/reports", tag = "studios", security(("bearer" = [])),
    params(("id" = String, Path, description = "studio id")), request_body = StudioReportInput,
    responses((status = 200, body = StudioDetail), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn report(id: String, w: Write, body: Body<StudioReportInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::report(&state, actor?, id, body?, state.now()).await })
        .await
}

/// The officer's worklist of the region's studios.
#[utoipa::path(get, path = "/api/bureau/studios", tag = "studios", security(("bearer" = [])),
    params(("status" = Option<String>, Query, description = "applied, recognised, rectification, revoked or refused")),
    responses((status = 200, body = [StudioWork]), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn worklist(c: Caller, q: HashMap<String, String>) -> Response {
    let status = q.get("status").filter(|s| !s.is_empty()).cloned();
    c.json(|state, actor| async move {
        let status = match status {
            Some(s) => Some(
                StudioStatus::from_name(&s)
                    .ok_or_else(|| AppError::field("status", malanhua_shared::FieldCode::InvalidFormat))?,
            ),
            None => None,
        };
        svc::worklist(&state, actor?, status, state.now()).await
    })
    .await
}

/// The bureau evaluates a year of the studio's cycle.
#[utoipa::path(post, path = "/api/studios/{id}/evaluations", tag = "studios", security(("bearer" = [])),
    params(("id" = String, Path, description = "studio id")), request_body = EvaluationInput,
    responses((status = 200, body = StudioDetail), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn evaluate(id: String, w: Write, body: Body<EvaluationInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::evaluate(&state, actor?, id, body?, state.now()).await })
        .await
}

/// The bureau revokes a studio (a missing report or a passed rectification deadline).
#[utoipa::path(post, path = "/api/studios/{id}/revoke", tag = "studios", security(("bearer" = [])),
    params(("id" = String, Path, description = "studio id")), request_body = RevocationInput,
    responses((status = 403, body = ErrorBody), (status = 200, body = StudioDetail), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke(id: String, w: Write, body: Body<RevocationInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::revoke(&state, actor?, id, body?, state.now()).await })
        .await
}
