//! Routes for subsidy standards that need a second officer.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{PolicyProposal, SubsidyPolicyInput};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::calls::{Body, Caller, Write, caller, write_json};
use crate::core::state::AppState;
use crate::subsidies::proposals as svc;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    crate::any_of!(
        warp::path!("subsidy-policies" / String / String / "proposals")
            .and(warp::post())
            .and(write_json(state.clone()))
            .then(propose),
        warp::path!("bureau" / "policy-proposals").and(warp::get()).and(caller(state.clone())).then(waiting),
        warp::path!("policy-proposals" / String / "decision")
            .and(warp::post())
            .and(write_json(state.clone()))
            .then(decide),
    )
}

/// An officer proposes a version of the region's standard for a second officer to confirm.
#[utoipa::path(post, path = "/api/subsidy-policies/{region}/{kind}/proposals", tag = "subsidies",
    security(("bearer" = [])),
    params(("region" = String, Path, description = "region code"), ("kind" = String, Path, description = "course kind")),
    request_body = SubsidyPolicyInput,
    responses((status = 201, body = PolicyProposal), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn propose(region: String, kind: String, w: Write, body: Body<SubsidyPolicyInput>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move {
        svc::propose(&state, actor?, region, kind, body?, state.now()).await
    })
    .await
}

/// Proposals waiting in the officer's regions.
#[utoipa::path(get, path = "/api/bureau/policy-proposals", tag = "subsidies", security(("bearer" = [])),
    responses((status = 200, body = [PolicyProposal]), (status = 401, body = ErrorBody)))]
pub async fn waiting(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::waiting(&state, actor?).await }).await
}

/// A second officer confirms a proposal (it takes effect) or turns it down with a reason.
#[utoipa::path(post, path = "/api/policy-proposals/{id}/decision", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "proposal id")), request_body = Decision,
    responses((status = 200, body = PolicyProposal), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(id: String, w: Write, body: Body<Decision>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::decide(&state, actor?, id, body?, state.now()).await })
        .await
}
