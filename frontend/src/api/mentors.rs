//! The mentor library (创业导师库): the directory, a mentor's page and free
//! slots, bookings and group sessions, the mentor's workspace and the
//! bureau's decisions. Every write carries an `Idempotency-Key` (from
//! [`use_mutation`](crate::hooks::mutation::use_mutation)); writes whose
//! answer the page does not read (it loads the list again) read it as
//! [`Done`].

use chrono::{DateTime, Utc};
use gloo_net::http::Method;
use malanhua_shared::api::classes::ReasonRequest;
use malanhua_shared::api::mentors::{
    Appointment, AvailabilityInput, BookRequest, CalendarFeed, DirectoryQuery, GroupSession, MentorDecisionRequest,
    MentorEvaluation, MentorPage, MentorProfileInput, MentorPublic, MentorRecord, MentorStatus, MyGroupSeat,
    NewGroupSession, RatingInput, RescheduleRequest, ServiceRecordInput, SlotDay,
};
use serde::Serialize;

use super::{ApiError, Auth, download, encode_query_value, get, request_idempotent};

/// Any answer of a write the page does not read.
pub type Done = serde::de::IgnoredAny;

/// `/api/<base>/{id}<rest>`, with the id encoded.
fn path(base: &str, id: &str, rest: &str) -> String {
    format!("/api/{base}/{}{rest}", encode_query_value(id))
}

/// A `POST` with a key.
async fn post<B: Serialize + ?Sized>(url: &str, body: Option<&B>, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, url, body, Auth::Bearer, key).await
}

/// The query string (`?expertise=law&sort=rating`, or empty) of the directory filters.
pub fn directory_query_string(q: &DirectoryQuery) -> String {
    let text = |name: &'static str, value: Option<&str>| {
        value.map(str::trim).filter(|v| !v.is_empty()).map(|v| (name, v.to_owned()))
    };
    let pairs: Vec<String> = [
        text("region", q.region.as_deref()),
        text("expertise", q.expertise.map(|e| e.as_str())),
        text("industry", q.industry.as_deref()),
        text("mode", q.mode.map(|m| m.as_str())),
        text("language", q.language.as_deref()),
        text("q", q.q.as_deref()),
        text("sort", q.sort.as_deref()),
        q.limit.map(|l| ("limit", l.to_string())),
        text("after", q.after.as_deref()),
    ]
    .into_iter()
    .flatten()
    .map(|(k, v)| format!("{k}={}", encode_query_value(&v)))
    .collect();
    if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
}

/// `GET /api/mentors`: one page of the public directory.
pub async fn directory(q: &DirectoryQuery) -> Result<MentorPage, ApiError> {
    get(&format!("/api/mentors{}", directory_query_string(q)), Auth::Anonymous).await
}

/// `GET /api/mentors/{id}`: the public page.
pub async fn mentor(id: &str) -> Result<MentorPublic, ApiError> {
    get(&path("mentors", id, ""), Auth::Bearer).await
}

/// `GET /api/mentors/{id}/slots?from=&to=`: free slots by Shanghai day.
pub async fn slots(id: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<SlotDay>, ApiError> {
    let range = format!("?from={}&to={}", encode_query_value(&from.to_rfc3339()), encode_query_value(&to.to_rfc3339()));
    get(&path("mentors", id, &format!("/slots{range}")), Auth::Anonymous).await
}

/// `POST /api/mentors/{id}/appointments`: a request for one slot.
pub async fn book(id: &str, body: &BookRequest, key: &str) -> Result<Appointment, ApiError> {
    request_idempotent(Method::POST, &path("mentors", id, "/appointments"), Some(body), Auth::Bearer, key).await
}

/// `GET /api/me/appointments`: the person's appointments as trainee.
pub async fn my_appointments() -> Result<Vec<Appointment>, ApiError> {
    get("/api/me/appointments", Auth::Bearer).await
}

/// `GET /api/me/mentor/appointments`: the mentor's appointments.
pub async fn mentor_appointments() -> Result<Vec<Appointment>, ApiError> {
    get("/api/me/mentor/appointments", Auth::Bearer).await
}

/// `POST /api/appointments/{id}/<act>` without a body: `confirm` or `no-show`.
pub async fn appointment_act(id: &str, act: &str, key: &str) -> Result<Done, ApiError> {
    post::<()>(&path("appointments", id, &format!("/{act}")), None, key).await
}

/// `POST /api/appointments/{id}/<act>` with a reason: `decline` or `cancel`.
pub async fn appointment_reason(id: &str, act: &str, body: &ReasonRequest, key: &str) -> Result<Done, ApiError> {
    post(&path("appointments", id, &format!("/{act}")), Some(body), key).await
}

/// `POST /api/appointments/{id}/reschedule`
pub async fn reschedule(id: &str, body: &RescheduleRequest, key: &str) -> Result<Done, ApiError> {
    post(&path("appointments", id, "/reschedule"), Some(body), key).await
}

/// `POST /api/<appointments|group-sessions>/{id}/record`: the service record.
pub async fn record(base: &str, id: &str, body: &ServiceRecordInput, key: &str) -> Result<Done, ApiError> {
    post(&path(base, id, "/record"), Some(body), key).await
}

/// `POST /api/<appointments|group-sessions>/{id}/rate`: confirms and rates.
pub async fn rate(base: &str, id: &str, body: &RatingInput, key: &str) -> Result<Done, ApiError> {
    post(&path(base, id, "/rate"), Some(body), key).await
}

/// `GET /api/<appointments|group-sessions>/{id}.ics`, saved as `<name>-<id>.ics`.
pub async fn download_ics(base: &str, name: &str, id: &str) -> Result<(), ApiError> {
    download(&path(base, id, ".ics"), "text/calendar", &format!("{name}-{id}.ics")).await
}

/// `GET /api/mentors/{id}/group-sessions`
pub async fn group_sessions(mentor_id: &str) -> Result<Vec<GroupSession>, ApiError> {
    get(&path("mentors", mentor_id, "/group-sessions"), Auth::Bearer).await
}

/// `POST /api/mentors/{id}/group-sessions`: publishes one.
pub async fn publish_group_session(mentor_id: &str, body: &NewGroupSession, key: &str) -> Result<Done, ApiError> {
    post(&path("mentors", mentor_id, "/group-sessions"), Some(body), key).await
}

/// `POST /api/group-sessions/{id}/<act>` without a body: `join` or `leave`.
pub async fn group_act(id: &str, act: &str, key: &str) -> Result<Done, ApiError> {
    post::<()>(&path("group-sessions", id, &format!("/{act}")), None, key).await
}

/// `POST /api/group-sessions/{id}/cancel`
pub async fn cancel_group_session(id: &str, body: &ReasonRequest, key: &str) -> Result<Done, ApiError> {
    post(&path("group-sessions", id, "/cancel"), Some(body), key).await
}

/// `GET /api/me/group-seats`
pub async fn my_group_seats() -> Result<Vec<MyGroupSeat>, ApiError> {
    get("/api/me/group-seats", Auth::Bearer).await
}

/// `GET /api/me/calendar`: the private feed's URL.
pub async fn calendar() -> Result<CalendarFeed, ApiError> {
    get("/api/me/calendar", Auth::Bearer).await
}

/// `POST /api/me/calendar/renew`: a new URL; the old one stops working.
pub async fn renew_calendar(key: &str) -> Result<CalendarFeed, ApiError> {
    request_idempotent::<(), _>(Method::POST, "/api/me/calendar/renew", None, Auth::Bearer, key).await
}

/// `GET /api/me/mentor`: the person's own record (404 without one).
pub async fn my_mentor() -> Result<MentorRecord, ApiError> {
    get("/api/me/mentor", Auth::Bearer).await
}

/// `POST /api/mentors/apply`
pub async fn apply(body: &MentorProfileInput, key: &str) -> Result<Done, ApiError> {
    post("/api/mentors/apply", Some(body), key).await
}

/// `PUT /api/me/mentor/profile`
pub async fn update_profile(body: &MentorProfileInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::PUT, "/api/me/mentor/profile", Some(body), Auth::Bearer, key).await
}

/// `GET /api/me/mentor/availability`
pub async fn availability() -> Result<AvailabilityInput, ApiError> {
    get("/api/me/mentor/availability", Auth::Bearer).await
}

/// `PUT /api/me/mentor/availability`
pub async fn set_availability(body: &AvailabilityInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::PUT, "/api/me/mentor/availability", Some(body), Auth::Bearer, key).await
}

/// `GET /api/bureau/mentors?status=`: the library of the officer's regions.
pub async fn bureau_mentors(status: Option<MentorStatus>) -> Result<Vec<MentorRecord>, ApiError> {
    let query = status.map(|s| format!("?status={}", s.as_str())).unwrap_or_default();
    get(&format!("/api/bureau/mentors{query}"), Auth::Bearer).await
}

/// `POST /api/mentors/{id}/decision`
pub async fn decide(id: &str, body: &MentorDecisionRequest, key: &str) -> Result<Done, ApiError> {
    post(&path("mentors", id, "/decision"), Some(body), key).await
}

/// `GET /api/bureau/mentors/{id}/evaluation?year=`
pub async fn evaluation(id: &str, year: i32) -> Result<MentorEvaluation, ApiError> {
    get(&path("bureau/mentors", id, &format!("/evaluation?year={year}")), Auth::Bearer).await
}
