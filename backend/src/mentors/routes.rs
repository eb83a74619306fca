//! The mentor library's routes: thin handlers over the use cases.

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::classes::ReasonRequest;
use malanhua_shared::api::mentors::{
    Appointment, AvailabilityInput, BookRequest, CalendarFeed, DirectoryQuery, GroupSession, MentorDecisionRequest,
    MentorEvaluation, MentorPage, MentorPolicy, MentorPolicyInput, MentorProfileInput, MentorPublic, MentorRecord,
    MyGroupSeat, NewGroupSession, RatingInput, RescheduleRequest, ServiceRecordInput, SlotDay, SlotsQuery,
};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::classes::routes::maybe_actor;
use crate::core::authorization::Actor;
use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::error::AppError;
use crate::core::http::{error_reply, reply, with_state};
use crate::core::state::AppState;
use crate::mentors::{appointments, availability, calendar, directory, groups, library, service};

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
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
        warp::path!("mentors").and(get()).and(s()).and(warp::query::<DirectoryQuery>()).then(search),
        warp::path!("mentors" / String).and(get()).and(s()).then(mentor_page),
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

fn ics(result: Result<String, AppError>) -> Response {
    match result {
        Ok(body) => {
            let mut resp = warp::reply::Reply::into_response(body);
            resp.headers_mut().insert(
                warp::http::header::CONTENT_TYPE,
                warp::http::HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            resp
        }
        Err(e) => error_reply(&e),
    }
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

/// The appointments booked with the caller as mentor.
#[utoipa::path(get, path = "/api/me/mentor/appointments", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = [Appointment]), (status = 404, body = ErrorBody)))]
pub async fn mentor_appointments(c: Caller) -> Response {
    c.json(|state, actor| async move { appointments::of_mentor(&state, actor?, state.now()).await }).await
}

/// The public directory of active mentors.
#[utoipa::path(get, path = "/api/mentors", tag = "mentors", params(DirectoryQuery),
    responses((status = 200, body = MentorPage), (status = 400, body = ErrorBody)))]
pub async fn search(state: Arc<AppState>, query: DirectoryQuery) -> Response {
    let now = state.now();
    reply(StatusCode::OK, directory::search(&state, query, now).await)
}

/// A mentor's public page.
#[utoipa::path(get, path = "/api/mentors/{id}", tag = "mentors", params(("id" = String, Path, description = "mentor id")),
    responses((status = 200, body = MentorPublic), (status = 404, body = ErrorBody)))]
pub async fn mentor_page(id: String, state: Arc<AppState>) -> Response {
    let now = state.now();
    reply(StatusCode::OK, directory::page(&state, id, now).await)
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

/// Requests one of a mentor's slots.
#[utoipa::path(post, path = "/api/mentors/{id}/appointments", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "mentor id")), request_body = BookRequest,
    responses((status = 201, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn book(id: String, w: Write, body: Body<BookRequest>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move {
        appointments::book(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// The caller's appointments.
#[utoipa::path(get, path = "/api/me/appointments", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = [Appointment]), (status = 401, body = ErrorBody)))]
pub async fn my_appointments(c: Caller) -> Response {
    c.json(|state, actor| async move { appointments::mine(&state, actor?, state.now()).await }).await
}

/// The mentor confirms a request.
#[utoipa::path(post, path = "/api/appointments/{id}/confirm", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")),
    responses((status = 200, body = Appointment), (status = 409, body = ErrorBody)))]
pub async fn confirm(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { appointments::confirm(&state, actor?, id, state.now()).await })
        .await
}

/// The mentor declines a request with a reason.
#[utoipa::path(post, path = "/api/appointments/{id}/decline", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = ReasonRequest,
    responses((status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline(id: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        appointments::decline(&state, actor?, id, body?.reason, state.now()).await
    })
    .await
}

/// Either side cancels with a reason.
#[utoipa::path(post, path = "/api/appointments/{id}/cancel", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = ReasonRequest,
    responses((status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn cancel(id: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        appointments::cancel(&state, actor?, id, body?.reason, state.now()).await
    })
    .await
}

/// Either side moves the appointment to another slot.
#[utoipa::path(post, path = "/api/appointments/{id}/reschedule", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = RescheduleRequest,
    responses((status = 200, body = Appointment), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reschedule(id: String, w: Write, body: Body<RescheduleRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        appointments::reschedule(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// The mentor writes the service record.
#[utoipa::path(post, path = "/api/appointments/{id}/record", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = ServiceRecordInput,
    responses((status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn record(id: String, w: Write, body: Body<ServiceRecordInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        service::record_appointment(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// The mentor marks the person absent (after the end).
#[utoipa::path(post, path = "/api/appointments/{id}/no-show", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")),
    responses((status = 200, body = Appointment), (status = 409, body = ErrorBody)))]
pub async fn no_show(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { service::no_show(&state, actor?, id, state.now()).await }).await
}

/// The person confirms the service and rates it, once.
#[utoipa::path(post, path = "/api/appointments/{id}/rate", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = RatingInput,
    responses((status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn rate(id: String, w: Write, body: Body<RatingInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        service::rate_appointment(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// The appointment's calendar file: `GET /api/appointments/{id}.ics`.
#[utoipa::path(get, path = "/api/appointments/{id}.ics", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")),
    responses((status = 200, body = String, content_type = "text/calendar"), (status = 404, body = ErrorBody)))]
pub async fn appointment_ics(file: String, c: Caller) -> Response {
    let Some(id) = file.strip_suffix(".ics").map(str::to_owned) else {
        return error_reply(&AppError::not_found("calendar file"));
    };
    let Caller { state, actor } = c;
    let now = state.now();
    ics(match actor {
        Ok(a) => calendar::appointment_ics(&state, a, id, now).await,
        Err(e) => Err(e),
    })
}

/// Publishes a group session on a mentor's calendar.
#[utoipa::path(post, path = "/api/mentors/{id}/group-sessions", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "mentor id")), request_body = NewGroupSession,
    responses((status = 201, body = GroupSession), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn publish(id: String, w: Write, body: Body<NewGroupSession>) -> Response {
    w.once(
        StatusCode::CREATED,
        |state, actor| async move { groups::publish(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// A mentor's group sessions.
#[utoipa::path(get, path = "/api/mentors/{id}/group-sessions", tag = "mentors",
    params(("id" = String, Path, description = "mentor id")),
    responses((status = 200, body = [GroupSession]), (status = 404, body = ErrorBody)))]
pub async fn mentor_groups(id: String, state: Arc<AppState>, viewer: Option<Actor>) -> Response {
    let now = state.now();
    reply(StatusCode::OK, groups::of_mentor(&state, viewer, id, now).await)
}

/// The caller's places in group sessions.
#[utoipa::path(get, path = "/api/me/group-seats", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = [MyGroupSeat]), (status = 401, body = ErrorBody)))]
pub async fn my_seats(c: Caller) -> Response {
    c.json(|state, actor| async move { groups::mine(&state, actor?, state.now()).await }).await
}

/// Takes a seat or a waitlist place.
#[utoipa::path(post, path = "/api/group-sessions/{id}/join", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")),
    responses((status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
pub async fn join(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { groups::join(&state, actor?, id, state.now()).await }).await
}

/// Leaves a seat or the waitlist.
#[utoipa::path(post, path = "/api/group-sessions/{id}/leave", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")),
    responses((status = 200, body = GroupSession), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn leave(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { groups::leave(&state, actor?, id, state.now()).await }).await
}

/// Calls a group session off.
#[utoipa::path(post, path = "/api/group-sessions/{id}/cancel", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")), request_body = ReasonRequest,
    responses((status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
pub async fn cancel_group(id: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { groups::cancel(&state, actor?, id, body?.reason, state.now()).await },
    )
    .await
}

/// The mentor records a group session's service.
#[utoipa::path(post, path = "/api/group-sessions/{id}/record", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")), request_body = ServiceRecordInput,
    responses((status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
pub async fn record_group(id: String, w: Write, body: Body<ServiceRecordInput>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { service::record_group(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// A seated person rates a group session, once.
#[utoipa::path(post, path = "/api/group-sessions/{id}/rate", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")), request_body = RatingInput,
    responses((status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
pub async fn rate_group(id: String, w: Write, body: Body<RatingInput>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { service::rate_group(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// The mentor marks a seated person absent (after the end).
#[utoipa::path(post, path = "/api/group-sessions/{id}/seats/{seat}/no-show", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id"), ("seat" = String, Path, description = "seat id")),
    responses((status = 200, body = GroupSession), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn group_no_show(id: String, seat: String, w: Write) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { service::group_no_show(&state, actor?, id, seat, state.now()).await },
    )
    .await
}

/// One group session (`{id}.ics`: its calendar file, for its mentor and people holding a place).
#[utoipa::path(get, path = "/api/group-sessions/{id}", tag = "mentors",
    params(("id" = String, Path, description = "group session id, or id.ics")),
    responses((status = 200, body = GroupSession), (status = 404, body = ErrorBody)))]
pub async fn group(id: String, state: Arc<AppState>, viewer: Option<Actor>) -> Response {
    let now = state.now();
    match id.strip_suffix(".ics") {
        Some(id) => match viewer {
            Some(a) => ics(calendar::group_ics(&state, a, id.to_owned(), now).await),
            None => error_reply(&AppError::unauthenticated()),
        },
        None => reply(StatusCode::OK, groups::one(&state, viewer, id, now).await),
    }
}

/// The caller's private calendar feed URL.
#[utoipa::path(get, path = "/api/me/calendar", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = CalendarFeed), (status = 401, body = ErrorBody)))]
pub async fn my_feed(c: Caller) -> Response {
    c.json(|state, actor| async move { calendar::feed_url(&state, actor?, false, state.now()).await }).await
}

/// Renews the feed's secret (the old URL stops working).
#[utoipa::path(post, path = "/api/me/calendar/renew", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = CalendarFeed), (status = 401, body = ErrorBody)))]
pub async fn renew_feed(w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { calendar::feed_url(&state, actor?, true, state.now()).await })
        .await
}

/// A private calendar feed (no login; the token is the secret).
#[utoipa::path(get, path = "/api/calendar/{token}.ics", tag = "mentors",
    params(("token" = String, Path, description = "the feed's secret")),
    responses((status = 200, body = String, content_type = "text/calendar"), (status = 404, body = ErrorBody)))]
pub async fn feed(token: String, state: Arc<AppState>) -> Response {
    let now = state.now();
    ics(calendar::feed(&state, token, now).await)
}
