//! Service-fee and working-day-calendar routes: thin handlers.

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::mentors::GroupSession;
use malanhua_shared::api::studios::{FeeLineRequest, FeeOverview, FeePolicy, FeePolicyInput, GroupService};
use malanhua_shared::calendar::{CalendarDay, CalendarDayInput};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::error::AppError;
use crate::core::http::{no_content, reply, with_state};
use crate::core::state::AppState;
use crate::fees as svc;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let get = warp::get;
    let post = warp::post;
    crate::any_of!(
        warp::path!("fee-policies" / String).and(get()).and(s()).then(get_policies),
        warp::path!("fee-policies" / String).and(warp::put()).and(write_json(state.clone())).then(put_policy),
        warp::path!("me" / "mentor" / "fees").and(get()).and(c()).then(overview),
        warp::path!("me" / "mentor" / "fees").and(post()).and(write_json(state.clone())).then(claim),
        warp::path!("bureau" / "group-services").and(get()).and(c()).then(group_services),
        warp::path!("group-sessions" / String / "confirm-service")
            .and(post())
            .and(write_bare(state.clone()))
            .then(confirm_group),
        warp::path!("working-days").and(get()).and(s()).and(warp::query::<HashMap<String, String>>()).then(days),
        warp::path!("working-days" / String).and(warp::put()).and(write_json(state.clone())).then(set_day),
        warp::path!("working-days" / String).and(warp::delete()).and(c()).then(clear_day),
    )
}

/// The service-fee policy versions of a region and those above it (public).
#[utoipa::path(get, path = "/api/fee-policies/{region}", tag = "fees",
    params(("region" = String, Path, description = "GB/T 2260 code")),
    responses((status = 200, body = [FeePolicy]), (status = 400, body = ErrorBody)))]
pub async fn get_policies(region: String, state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, svc::policies(&state, region).await)
}

/// A bureau sets a version of its region's service-fee policy.
#[utoipa::path(put, path = "/api/fee-policies/{region}", tag = "fees", security(("bearer" = [])),
    params(("region" = String, Path, description = "GB/T 2260 code")), request_body = FeePolicyInput,
    responses((status = 200, body = FeePolicy), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_policy(region: String, w: Write, body: Body<FeePolicyInput>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::set_policy(&state, actor?, region, body?, state.now()).await },
    )
    .await
}

/// The mentor's service fees: policy, lines, claims and what is left to claim.
#[utoipa::path(get, path = "/api/me/mentor/fees", tag = "fees", security(("bearer" = [])),
    responses((status = 200, body = FeeOverview), (status = 403, body = ErrorBody)))]
pub async fn overview(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::overview(&state, actor?, state.now()).await }).await
}

/// The mentor claims one recorded service.
#[utoipa::path(post, path = "/api/me/mentor/fees", tag = "fees", security(("bearer" = [])), request_body = FeeLineRequest,
    responses((status = 403, body = ErrorBody), (status = 200, body = FeeOverview), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn claim(w: Write, body: Body<FeeLineRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::claim(&state, actor?, body?, state.now()).await }).await
}

/// The region's recorded group sessions, for the bureau to confirm.
#[utoipa::path(get, path = "/api/bureau/group-services", tag = "fees", security(("bearer" = [])),
    responses((status = 200, body = [GroupService]), (status = 403, body = ErrorBody)))]
pub async fn group_services(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::group_services(&state, actor?).await }).await
}

/// The bureau confirms a recorded group session took place.
#[utoipa::path(post, path = "/api/group-sessions/{id}/confirm-service", tag = "fees", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")),
    responses((status = 200, body = GroupSession), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn confirm_group(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::confirm_group(&state, actor?, id, state.now()).await })
        .await
}

/// The arranged days (holidays, worked weekend days) of a year (public).
#[utoipa::path(get, path = "/api/working-days", tag = "calendar",
    params(("year" = Option<i32>, Query, description = "calendar year, default this year")),
    responses((status = 200, body = [CalendarDay]), (status = 400, body = ErrorBody)))]
pub async fn days(state: Arc<AppState>, q: HashMap<String, String>) -> Response {
    let now = state.now();
    let year = q.get("year").map(|y| y.parse::<i32>());
    let result = match year.transpose() {
        Ok(year) => crate::core::calendar::year(&state, year, now).await,
        Err(_) => Err(AppError::field("year", malanhua_shared::FieldCode::InvalidFormat)),
    };
    reply(StatusCode::OK, result)
}

/// The administrator sets a day of the calendar.
#[utoipa::path(put, path = "/api/working-days/{day}", tag = "calendar", security(("bearer" = [])),
    params(("day" = String, Path, description = "YYYY-MM-DD")), request_body = CalendarDayInput,
    responses((status = 200, body = CalendarDay), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn set_day(day: String, w: Write, body: Body<CalendarDayInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        crate::core::calendar::set_day(&state, actor?, day, body?, state.now()).await
    })
    .await
}

/// The administrator removes a day from the calendar.
#[utoipa::path(delete, path = "/api/working-days/{day}", tag = "calendar", security(("bearer" = [])),
    params(("day" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn clear_day(day: String, c: Caller) -> Response {
    let Caller { state, actor } = c;
    no_content(async { crate::core::calendar::clear_day(&state, actor?, day, state.now()).await }.await)
}
