//! The mentor library's routes: thin handlers over the use cases (those of
//! bookings in `routes/bookings.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::mentors::{
    AvailabilityInput, DirectoryQuery, MentorDecisionRequest, MentorEvaluation, MentorPage, MentorPolicy,
    MentorPolicyInput, MentorProfileInput, MentorPublic, MentorRecord, SlotDay, SlotsQuery,
};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::classes::routes::maybe_actor;
use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::error::AppError;
use crate::core::http::{client_ip, reply, with_state};
use crate::core::limits::Bucket;
use crate::core::state::AppState;
use crate::mentors::{availability, directory, library};

mod bookings;

pub use bookings::*;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let ip = || client_ip(state.clone());
    let wb = || write_bare(state.clone());
    let m = || maybe_actor(state.clone());
    let get = warp::get;
    let post = warp::post;
    let part0 = crate::any_of!(
        warp::path!("mentor-policies" / String).and(get()).and(s()).then(get_policy),
        warp::path!("mentor-policies" / String).and(warp::put()).and(write_json(state.clone())).then(put_policy),
        warp::path!("mentors" / "apply").and(post()).and(write_json(state.clone())).then(apply),
        warp::path!("me" / "mentor").and(get()).and(c()).then(my_record),
        warp::path!("me" / "mentor" / "profile").and(warp::put()).and(write_json(state.clone())).then(edit_profile),
        warp::path!("me" / "mentor" / "availability").and(get()).and(c()).then(my_availability),
        warp::path!("me" / "mentor" / "availability")
            .and(warp::put())
            .and(write_json(state.clone()))
            .then(set_availability),
        warp::path!("me" / "mentor" / "appointments").and(get()).and(c()).then(mentor_appointments),
        warp::path!("mentors").and(get()).and(s()).and(ip()).and(warp::query::<DirectoryQuery>()).then(search),
        warp::path!("mentors" / String).and(get()).and(s()).and(ip()).then(mentor_page),
    );
    let part1 = crate::any_of!(
        warp::path!("mentors" / String / "slots").and(get()).and(s()).and(warp::query::<SlotsQuery>()).then(slots),
        warp::path!("mentors" / String / "decision").and(post()).and(write_json(state.clone())).then(decide),
        warp::path!("bureau" / "mentors")
            .and(get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(bureau_list),
        warp::path!("bureau" / "mentors" / String / "evaluation")
            .and(get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(evaluation),
        warp::path!("mentors" / String / "appointments").and(post()).and(write_json(state.clone())).then(book),
        warp::path!("me" / "appointments").and(get()).and(c()).then(my_appointments),
        warp::path!("appointments" / String / "confirm").and(post()).and(wb()).then(confirm),
        warp::path!("appointments" / String / "decline").and(post()).and(write_json(state.clone())).then(decline),
        warp::path!("appointments" / String / "cancel").and(post()).and(write_json(state.clone())).then(cancel),
        warp::path!("appointments" / String / "reschedule").and(post()).and(write_json(state.clone())).then(reschedule),
    );
    let part2 = crate::any_of!(
        warp::path!("appointments" / String / "record").and(post()).and(write_json(state.clone())).then(record),
        warp::path!("appointments" / String / "no-show").and(post()).and(wb()).then(no_show),
        warp::path!("appointments" / String / "rate").and(post()).and(write_json(state.clone())).then(rate),
        warp::path!("appointments" / String).and(get()).and(c()).then(appointment_ics),
        warp::path!("mentors" / String / "group-sessions").and(post()).and(write_json(state.clone())).then(publish),
        warp::path!("mentors" / String / "group-sessions").and(get()).and(s()).and(m()).then(mentor_groups),
        warp::path!("me" / "group-seats").and(get()).and(c()).then(my_seats),
        warp::path!("group-sessions" / String / "join").and(post()).and(wb()).then(join),
        warp::path!("group-sessions" / String / "leave").and(post()).and(wb()).then(leave),
        warp::path!("group-sessions" / String / "cancel").and(post()).and(write_json(state.clone())).then(cancel_group),
    );
    let part3 = crate::any_of!(
        warp::path!("group-sessions" / String / "record").and(post()).and(write_json(state.clone())).then(record_group),
        warp::path!("group-sessions" / String / "rate").and(post()).and(write_json(state.clone())).then(rate_group),
        warp::path!("group-sessions" / String / "seats" / String / "no-show").and(post()).and(wb()).then(group_no_show),
        warp::path!("group-sessions" / String).and(get()).and(s()).and(m()).then(group),
        warp::path!("me" / "calendar").and(get()).and(c()).then(my_feed),
        warp::path!("me" / "calendar" / "renew").and(post()).and(wb()).then(renew_feed),
        warp::path!("calendar" / String).and(get()).and(s()).then(feed),
    );
    crate::any_of!(part0, part1, part2, part3)
}

/// The mentor-library policy in force for a region (public).
#[utoipa::path(get, path = "/api/mentor-policies/{region}", tag = "mentors",
    params(("region" = String, Path, description = "GB/T 2260 code")),
    responses((status = 200, body = MentorPolicy), (status = 400, body = ErrorBody)))]
pub async fn get_policy(region: String, state: Arc<AppState>) -> Response {
    let now = state.now();
    reply(StatusCode::OK, library::policy(&state, region, now).await)
}

/// A bureau sets its region's mentor-library policy from a date.
#[utoipa::path(put, path = "/api/mentor-policies/{region}", tag = "mentors", security(("bearer" = [])),
    params(("region" = String, Path, description = "GB/T 2260 code")), request_body = MentorPolicyInput,
    responses((status = 200, body = MentorPolicy), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_policy(region: String, w: Write, body: Body<MentorPolicyInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        library::set_policy(&state, actor?, region, body?, state.now()).await
    })
    .await
}

/// Applies to a region's mentor library (自主申报).
#[utoipa::path(post, path = "/api/mentors/apply", tag = "mentors", security(("bearer" = [])), request_body = MentorProfileInput,
    responses((status = 201, body = MentorRecord), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn apply(w: Write, body: Body<MentorProfileInput>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { library::apply(&state, actor?, body?, state.now()).await })
        .await
}

/// The caller's own mentor record.
#[utoipa::path(get, path = "/api/me/mentor", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = MentorRecord), (status = 404, body = ErrorBody)))]
pub async fn my_record(c: Caller) -> Response {
    c.json(|state, actor| async move { library::mine(&state, actor?, state.now()).await }).await
}

/// The mentor edits their profile.
#[utoipa::path(put, path = "/api/me/mentor/profile", tag = "mentors", security(("bearer" = [])), request_body = MentorProfileInput,
    responses((status = 200, body = MentorRecord), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn edit_profile(w: Write, body: Body<MentorProfileInput>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { library::edit_profile(&state, actor?, body?, state.now()).await },
    )
    .await
}

/// The mentor's availability.
#[utoipa::path(get, path = "/api/me/mentor/availability", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = AvailabilityInput), (status = 404, body = ErrorBody)))]
pub async fn my_availability(c: Caller) -> Response {
    c.json(|state, actor| async move { availability::mine(&state, actor?).await }).await
}

/// The mentor replaces their availability.
#[utoipa::path(put, path = "/api/me/mentor/availability", tag = "mentors", security(("bearer" = [])), request_body = AvailabilityInput,
    responses((status = 200, body = AvailabilityInput), (status = 400, body = ErrorBody)))]
pub async fn set_availability(w: Write, body: Body<AvailabilityInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { availability::set(&state, actor?, body?, state.now()).await })
        .await
}

/// The public directory of active mentors.
#[utoipa::path(get, path = "/api/mentors", tag = "mentors", params(DirectoryQuery),
    responses((status = 200, body = MentorPage), (status = 400, body = ErrorBody)))]
pub async fn search(state: Arc<AppState>, ip: String, query: DirectoryQuery) -> Response {
    let now = state.now();
    let result = async {
        state.limits.check(Bucket::Public, &ip, now)?;
        directory::search_json(&state, query, now).await
    };
    match result.await {
        Ok(body) => crate::core::http::json_bytes(body),
        Err(e) => crate::core::http::error_reply(&e),
    }
}

/// A mentor's public page.
#[utoipa::path(get, path = "/api/mentors/{id}", tag = "mentors", params(("id" = String, Path, description = "mentor id")),
    responses((status = 200, body = MentorPublic), (status = 404, body = ErrorBody)))]
pub async fn mentor_page(id: String, state: Arc<AppState>, ip: String) -> Response {
    let now = state.now();
    let result = async {
        state.limits.check(Bucket::Public, &ip, now)?;
        directory::page(&state, id, now).await
    };
    reply(StatusCode::OK, result.await)
}

/// A mentor's free slots by Shanghai day (UTC times).
#[utoipa::path(get, path = "/api/mentors/{id}/slots", tag = "mentors",
    params(("id" = String, Path, description = "mentor id"), SlotsQuery),
    responses((status = 200, body = [SlotDay]), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn slots(id: String, state: Arc<AppState>, query: SlotsQuery) -> Response {
    let now = state.now();
    reply(StatusCode::OK, availability::slots(&state, id, query, now).await)
}

/// A bureau officer admits, refuses, suspends, reinstates or removes a mentor.
#[utoipa::path(post, path = "/api/mentors/{id}/decision", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "mentor id")), request_body = MentorDecisionRequest,
    responses((status = 200, body = MentorRecord), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(id: String, w: Write, body: Body<MentorDecisionRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { library::decide(&state, actor?, id, body?, state.now()).await })
        .await
}

/// The mentors of the officer's region, by status.
#[utoipa::path(get, path = "/api/bureau/mentors", tag = "mentors", security(("bearer" = [])),
    params(("status" = Option<String>, Query, description = "applied, active, refused, suspended, removed or expired")),
    responses((status = 200, body = [MentorRecord]), (status = 403, body = ErrorBody)))]
pub async fn bureau_list(c: Caller, q: HashMap<String, String>) -> Response {
    c.json(
        |state, actor| async move { library::for_bureau(&state, actor?, q.get("status").cloned(), state.now()).await },
    )
    .await
}

/// A mentor's yearly service evaluation.
#[utoipa::path(get, path = "/api/bureau/mentors/{id}/evaluation", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "mentor id"), ("year" = Option<i32>, Query, description = "calendar year")),
    responses((status = 200, body = MentorEvaluation), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn evaluation(id: String, c: Caller, q: HashMap<String, String>) -> Response {
    let year = q.get("year").map(|y| y.parse::<i32>());
    c.json(|state, actor| async move {
        let year = year.transpose().map_err(|_| AppError::field("year", malanhua_shared::FieldCode::InvalidFormat))?;
        library::evaluation(&state, actor?, id, year, state.now()).await
    })
    .await
}
