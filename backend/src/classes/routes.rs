//! Classes: policies, trainers, opening requests, decisions, the catalogue,
//! enrolment, rosters and notifications.

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::classes::{
    CatalogueQuery, ClassDetail, ClassPage, ClassSummary, CoursePolicy, Decision, EnrolRequest, MyClass, MyEnrolment,
    NewClass, NewTrainer, Notification, PolicyRequest, ReasonRequest, Roster, Trainer,
};
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;
use warp::{Filter, Rejection};

use crate::classes as svc;
use crate::core::authorization::Actor;
use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::error::AppError;
use crate::core::http::{download, error_reply, no_content, query, reply, with_state};
use crate::core::state::AppState;

/// The caller if a valid token is sent; public pages work without one.
pub(crate) fn maybe_actor(state: Arc<AppState>) -> impl Filter<Extract = (Option<Actor>,), Error = Rejection> + Clone {
    warp::header::optional::<String>("authorization").and(with_state(state)).then(
        |auth: Option<String>, state: Arc<AppState>| async move {
            match auth {
                None => None,
                Some(h) => crate::accounts::authenticate(&state, Some(h), state.now()).await.ok(),
            }
        },
    )
}

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let wb = || write_bare(state.clone());
    let policies = warp::path!("policies" / String).and(warp::get()).and(s()).then(get_policies);
    let set_policy =
        warp::path!("policies" / String / String).and(warp::put()).and(write_json(state.clone())).then(put_policy);
    let trainers = warp::path!("trainers").and(warp::get()).and(c()).then(list_trainers);
    let add_trainer = warp::path!("trainers").and(warp::post()).and(write_json(state.clone())).then(add_trainer);
    let catalogue = warp::path!("classes").and(warp::get()).and(s()).and(query::<CatalogueQuery>()).then(catalogue);
    let file = warp::path!("classes").and(warp::post()).and(write_json(state.clone())).then(file_class);
    let detail =
        warp::path!("classes" / String).and(warp::get()).and(s()).and(maybe_actor(state.clone())).then(class_detail);
    let decide =
        warp::path!("classes" / String / "decision").and(warp::post()).and(write_json(state.clone())).then(decide);
    let cancel =
        warp::path!("classes" / String / "cancel").and(warp::post()).and(write_json(state.clone())).then(cancel);
    let end_early =
        warp::path!("classes" / String / "end-early").and(warp::post()).and(write_json(state.clone())).then(end_early);
    let enrol = warp::path!("classes" / String / "enrol").and(warp::post()).and(write_json(state.clone())).then(enrol);
    let withdraw = warp::path!("classes" / String / "withdraw").and(warp::post()).and(wb()).then(withdraw);
    let roster = warp::path!("classes" / String / "roster").and(warp::get()).and(c()).then(roster);
    let roster_csv = warp::path!("classes" / String / "roster.csv").and(warp::get()).and(c()).then(roster_csv);
    let institution = warp::path!("institution" / "classes").and(warp::get()).and(c()).then(institution_classes);
    let bureau = warp::path!("bureau" / "classes")
        .and(warp::get())
        .and(c())
        .and(warp::query::<HashMap<String, String>>())
        .then(bureau_classes);
    let my = warp::path!("me" / "classes").and(warp::get()).and(c()).then(my_classes);
    let notes = warp::path!("me" / "notifications").and(warp::get()).and(c()).then(notifications);
    let read = warp::path!("me" / "notifications" / String / "read").and(warp::post()).and(c()).then(mark_read);
    crate::any_of!(
        policies,
        set_policy,
        trainers,
        add_trainer,
        catalogue,
        file,
        roster_csv,
        detail,
        decide,
        cancel,
        end_early,
        enrol,
        withdraw,
        roster,
        institution,
        bureau,
        my,
        notes,
        read
    )
}

/// The course policy in force per kind for a region (public).
#[utoipa::path(get, path = "/api/policies/{region}", tag = "classes",
    params(("region" = String, Path, description = "GB/T 2260 code")),
    responses((status = 200, body = [CoursePolicy]), (status = 400, body = ErrorBody)))]
pub async fn get_policies(region: String, state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, svc::policies(&state, region).await)
}

/// A bureau sets its region's policy for a course kind.
#[utoipa::path(put, path = "/api/policies/{region}/{kind}", tag = "classes", security(("bearer" = [])),
    params(("region" = String, Path, description = "GB/T 2260 code"), ("kind" = String, Path, description = "course kind")),
    request_body = PolicyRequest,
    responses((status = 200, body = CoursePolicy), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_policy(region: String, kind: String, w: Write, body: Body<PolicyRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::set_policy(&state, actor?, region, kind, body?, state.now()).await
    })
    .await
}

/// The trainers of the caller's institution.
#[utoipa::path(get, path = "/api/trainers", tag = "classes", security(("bearer" = [])),
    responses((status = 200, body = [Trainer]), (status = 403, body = ErrorBody)))]
pub async fn list_trainers(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::trainers(&state, actor?).await }).await
}

/// Records a trainer of the caller's institution.
#[utoipa::path(post, path = "/api/trainers", tag = "classes", security(("bearer" = [])), request_body = NewTrainer,
    responses((status = 403, body = ErrorBody), (status = 201, body = Trainer), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn add_trainer(w: Write, body: Body<NewTrainer>) -> Response {
    w.once(
        StatusCode::CREATED,
        |state, actor| async move { svc::add_trainer(&state, actor?, body?, state.now()).await },
    )
    .await
}

/// The public catalogue of approved classes.
#[utoipa::path(get, path = "/api/classes", tag = "classes", params(CatalogueQuery),
    responses((status = 200, body = ClassPage), (status = 400, body = ErrorBody)))]
pub async fn catalogue(state: Arc<AppState>, query: Result<CatalogueQuery, AppError>) -> Response {
    match async { svc::catalogue_json(&state, query?, state.now()).await }.await {
        Ok(body) => crate::core::http::json_bytes(body),
        Err(e) => crate::core::http::error_reply(&e),
    }
}

/// Files an opening request (institution staff).
#[utoipa::path(post, path = "/api/classes", tag = "classes", security(("bearer" = [])), request_body = NewClass,
    responses((status = 201, body = ClassDetail), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn file_class(w: Write, body: Body<NewClass>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::file_class(&state, actor?, body?, state.now()).await })
        .await
}

/// One class: public once approved; before that, for its institution and bureau.
#[utoipa::path(get, path = "/api/classes/{id}", tag = "classes", params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = ClassDetail), (status = 404, body = ErrorBody)))]
pub async fn class_detail(id: String, state: Arc<AppState>, actor: Option<Actor>) -> Response {
    reply(StatusCode::OK, svc::class_detail(&state, actor, id).await)
}

/// The bureau approves or rejects an opening request.
#[utoipa::path(post, path = "/api/classes/{id}/decision", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = Decision,
    responses((status = 200, body = ClassDetail), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn decide(id: String, w: Write, body: Body<Decision>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::decide(&state, actor?, id, body?, state.now()).await })
        .await
}

/// Calls a class off, with a reason; its trainees are told.
#[utoipa::path(post, path = "/api/classes/{id}/cancel", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = ReasonRequest,
    responses((status = 403, body = ErrorBody), (status = 200, body = ClassDetail), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn cancel(id: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::cancel(&state, actor?, id, body?, state.now()).await })
        .await
}

/// Ends a class that has begun before its remaining sessions, with a reason.
#[utoipa::path(post, path = "/api/classes/{id}/end-early", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = ReasonRequest,
    responses((status = 200, body = ClassDetail), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn end_early(id: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::end_early(&state, actor?, id, body?, state.now()).await })
        .await
}

/// Takes a seat, or a waitlist place when the class is full.
#[utoipa::path(post, path = "/api/classes/{id}/enrol", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = EnrolRequest,
    responses((status = 403, body = ErrorBody), (status = 201, body = MyEnrolment), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn enrol(id: String, w: Write, body: Body<EnrolRequest>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::enrol(&state, actor?, id, body?, state.now()).await })
        .await
}

/// Gives up a seat (the first on the waitlist moves up) or a waitlist place.
#[utoipa::path(post, path = "/api/classes/{id}/withdraw", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = MyEnrolment), (status = 409, body = ErrorBody)))]
pub async fn withdraw(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::withdraw(&state, actor?, id, state.now()).await }).await
}

/// Seat holders and the waitlist.
#[utoipa::path(get, path = "/api/classes/{id}/roster", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = Roster), (status = 403, body = ErrorBody)))]
pub async fn roster(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::roster(&state, actor?, id).await }).await
}

/// The roster as CSV (UTF-8 with BOM, for Excel).
#[utoipa::path(get, path = "/api/classes/{id}/roster.csv", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody)))]
pub async fn roster_csv(id: String, c: Caller) -> Response {
    let Caller { state, actor } = c;
    match async { svc::roster(&state, actor?, id).await }.await {
        Ok(r) => download(svc::roster_csv(&r), "text/csv; charset=utf-8", "attachment; filename=\"roster.csv\""),
        Err(e) => error_reply(&e),
    }
}

/// The caller institution's classes, every status.
#[utoipa::path(get, path = "/api/institution/classes", tag = "classes", security(("bearer" = [])),
    responses((status = 200, body = [ClassSummary]), (status = 403, body = ErrorBody)))]
pub async fn institution_classes(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::institution_classes(&state, actor?).await }).await
}

/// The classes of the officer's region (`?status=pending` for the worklist).
#[utoipa::path(get, path = "/api/bureau/classes", tag = "classes", security(("bearer" = [])),
    params(("status" = Option<String>, Query, description = "class status")),
    responses((status = 200, body = [ClassSummary]), (status = 403, body = ErrorBody)))]
pub async fn bureau_classes(c: Caller, query: HashMap<String, String>) -> Response {
    let Caller { state, actor } = c;
    let status = query.get("status").cloned();
    reply(StatusCode::OK, async { svc::bureau_classes(&state, actor?, status).await }.await)
}

/// The trainee's classes.
#[utoipa::path(get, path = "/api/me/classes", tag = "classes", security(("bearer" = [])),
    responses((status = 200, body = [MyClass]), (status = 401, body = ErrorBody)))]
pub async fn my_classes(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_classes(&state, actor?).await }).await
}

/// The caller's notifications, newest first.
#[utoipa::path(get, path = "/api/me/notifications", tag = "classes", security(("bearer" = [])),
    responses((status = 200, body = [Notification]), (status = 401, body = ErrorBody)))]
pub async fn notifications(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::notifications(&state, actor?).await }).await
}

/// Marks a notification read.
#[utoipa::path(post, path = "/api/me/notifications/{id}/read", tag = "classes", security(("bearer" = [])),
    params(("id" = String, Path, description = "notification id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn mark_read(id: String, c: Caller) -> Response {
    let Caller { state, actor } = c;
    no_content(async { svc::mark_read(&state, actor?, id, state.now()).await }.await)
}
