//! The routes of bookings: appointments, group sessions, service records,
//! ratings and calendar files (thin handlers over the use cases).

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::classes::ReasonRequest;
use malanhua_shared::api::mentors::{
    Appointment, BookRequest, CalendarFeed, GroupSession, MyGroupSeat, NewGroupSession, RatingInput, RescheduleRequest,
    ServiceRecordInput,
};
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::authorization::Actor;
use crate::core::calls::{Body, Caller, Write};
use crate::core::error::AppError;
use crate::core::http::{error_reply, reply};
use crate::core::state::AppState;
use crate::mentors::{appointments, calendar, groups, service};

pub(super) fn ics(result: Result<String, AppError>) -> Response {
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

/// The appointments booked with the caller as mentor.
#[utoipa::path(get, path = "/api/me/mentor/appointments", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = [Appointment]), (status = 404, body = ErrorBody)))]
pub async fn mentor_appointments(c: Caller) -> Response {
    c.json(|state, actor| async move { appointments::of_mentor(&state, actor?, state.now()).await }).await
}

/// Requests one of a mentor's slots.
#[utoipa::path(post, path = "/api/mentors/{id}/appointments", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "mentor id")), request_body = BookRequest,
    responses((status = 403, body = ErrorBody), (status = 201, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
    responses((status = 403, body = ErrorBody), (status = 200, body = Appointment), (status = 409, body = ErrorBody)))]
pub async fn confirm(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { appointments::confirm(&state, actor?, id, state.now()).await })
        .await
}

/// The mentor declines a request with a reason.
#[utoipa::path(post, path = "/api/appointments/{id}/decline", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")), request_body = ReasonRequest,
    responses((status = 403, body = ErrorBody), (status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
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
    responses((status = 403, body = ErrorBody), (status = 200, body = Appointment), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn record(id: String, w: Write, body: Body<ServiceRecordInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        service::record_appointment(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// The mentor marks the person absent (after the end).
#[utoipa::path(post, path = "/api/appointments/{id}/no-show", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "appointment id")),
    responses((status = 403, body = ErrorBody), (status = 200, body = Appointment), (status = 409, body = ErrorBody)))]
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
    reply(StatusCode::OK, groups::of_mentor(&state, viewer, id).await)
}

/// The caller's places in group sessions.
#[utoipa::path(get, path = "/api/me/group-seats", tag = "mentors", security(("bearer" = [])),
    responses((status = 200, body = [MyGroupSeat]), (status = 401, body = ErrorBody)))]
pub async fn my_seats(c: Caller) -> Response {
    c.json(|state, actor| async move { groups::mine(&state, actor?).await }).await
}

/// Takes a seat or a waitlist place.
#[utoipa::path(post, path = "/api/group-sessions/{id}/join", tag = "mentors", security(("bearer" = [])),
    params(("id" = String, Path, description = "group session id")),
    responses((status = 403, body = ErrorBody), (status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
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
    responses((status = 403, body = ErrorBody), (status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
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
    responses((status = 403, body = ErrorBody), (status = 200, body = GroupSession), (status = 409, body = ErrorBody)))]
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
    responses((status = 403, body = ErrorBody), (status = 200, body = GroupSession), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
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
        None => reply(StatusCode::OK, groups::one(&state, viewer, id).await),
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
