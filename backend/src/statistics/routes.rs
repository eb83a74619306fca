//! Outcome and statistics routes: thin handlers.

use std::collections::HashMap;
use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::journey::Journey;
use malanhua_shared::api::outcomes::{OutcomeInput, OutcomeRecord};
use malanhua_shared::api::outreach::{NudgeInput, OutreachPage, OutreachRow};
use malanhua_shared::api::statistics::Statistics;
use malanhua_shared::api::subsidies::ExportLang;
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::calls::{Body, Caller, Write, caller, write_json};
use crate::core::http::{download, error_reply};
use crate::core::state::AppState;
use crate::statistics as svc;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let c = || caller(state.clone());
    crate::any_of!(
        warp::path!("certificates" / String / "outcome").and(warp::get()).and(c()).then(outcome),
        warp::path!("certificates" / String / "outcome").and(warp::put()).and(write_json(state.clone())).then(record),
        warp::path!("me" / "outcomes").and(warp::get()).and(c()).then(mine),
        warp::path!("me" / "journey").and(warp::get()).and(c()).then(journey),
        warp::path!("bureau" / "statistics")
            .and(warp::get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(statistics),
        warp::path!("bureau" / "statistics.csv")
            .and(warp::get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(statistics_csv),
        warp::path!("bureau" / "statistics.xlsx")
            .and(warp::get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(statistics_xlsx),
        warp::path!("bureau" / "outreach")
            .and(warp::get())
            .and(c())
            .and(warp::query::<HashMap<String, String>>())
            .then(outreach),
        warp::path!("bureau" / "outreach" / "nudges").and(warp::post()).and(write_json(state.clone())).then(nudge),
    )
}

/// What happened after the course for one certificate, with its follow-up points.
#[utoipa::path(get, path = "/api/certificates/{number}/outcome", tag = "outcomes", security(("bearer" = [])),
    params(("number" = String, Path, description = "Certificate number")),
    responses((status = 200, body = OutcomeRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn outcome(number: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::outcome_of(&state, actor?, number, state.now()).await }).await
}

/// The holder or the institution's staff records what happened after the course.
#[utoipa::path(put, path = "/api/certificates/{number}/outcome", tag = "outcomes", security(("bearer" = [])),
    params(("number" = String, Path, description = "Certificate number")), request_body = OutcomeInput,
    responses((status = 200, body = OutcomeRecord), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn record(number: String, w: Write, body: Body<OutcomeInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::record(&state, actor?, number, body?, state.now()).await })
        .await
}

/// The signed-in person's valid certificates with their outcomes and follow-ups.
#[utoipa::path(get, path = "/api/me/outcomes", tag = "outcomes", security(("bearer" = [])),
    responses((status = 200, body = [OutcomeRecord])))]
pub async fn mine(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_outcomes(&state, actor?, state.now()).await }).await
}

/// The region's statistics over a period (officers of the region; administrators anywhere).
#[utoipa::path(get, path = "/api/bureau/statistics", tag = "statistics", security(("bearer" = [])),
    params(
        ("region" = Option<String>, Query, description = "GB/T 2260 code (default: the officer's region)"),
        ("from" = Option<String>, Query, description = "First day, YYYY-MM-DD (default: 1 January this year)"),
        ("to" = Option<String>, Query, description = "Last day, YYYY-MM-DD (default: today)"),
        ("by" = Option<String>, Query, description = "`month` (default) or `quarter`"),
        ("kind" = Option<String>, Query, description = "Course kind"),
        ("group" = Option<String>, Query, description = "Priority group (people with it verified)"),
        ("industry" = Option<String>, Query, description = "GB/T 4754 section of the start-ups"),
        ("institution" = Option<String>, Query, description = "Institution id"),
    ),
    responses((status = 200, body = Statistics), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn statistics(c: Caller, query: HashMap<String, String>) -> Response {
    c.json(|state, actor| async move { svc::dashboard::statistics(&state, actor?, query, state.now()).await }).await
}

fn lang_of(query: &HashMap<String, String>) -> ExportLang {
    query.get("lang").and_then(|l| ExportLang::from_name(l.trim())).unwrap_or(ExportLang::Zh)
}

/// The statistics as CSV (the same query; `lang=en` for English headers).
#[utoipa::path(get, path = "/api/bureau/statistics.csv", tag = "statistics", security(("bearer" = [])),
    params(("lang" = Option<String>, Query, description = "`zh` (default) or `en`")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn statistics_csv(c: Caller, query: HashMap<String, String>) -> Response {
    let Caller { state, actor } = c;
    let lang = lang_of(&query);
    match async { svc::dashboard::statistics(&state, actor?, query, state.now()).await }.await {
        Ok(s) => download(
            svc::export::statistics_csv(&s, lang),
            "text/csv; charset=utf-8",
            "attachment; filename=\"statistics.csv\"",
        ),
        Err(e) => error_reply(&e),
    }
}

/// The statistics as an Excel workbook, a sheet per table.
#[utoipa::path(get, path = "/api/bureau/statistics.xlsx", tag = "statistics", security(("bearer" = [])),
    params(("lang" = Option<String>, Query, description = "`zh` (default) or `en`")),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = Vec<u8>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn statistics_xlsx(c: Caller, query: HashMap<String, String>) -> Response {
    let Caller { state, actor } = c;
    let lang = lang_of(&query);
    let result = async {
        let s = svc::dashboard::statistics(&state, actor?, query, state.now()).await?;
        svc::export::statistics_xlsx(&s, lang)
    };
    match result.await {
        Ok(bytes) => download(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "attachment; filename=\"statistics.xlsx\"",
        ),
        Err(e) => error_reply(&e),
    }
}

/// 政策找人: a page of the people of the region entitled to something they have not received, for one reason.
#[utoipa::path(get, path = "/api/bureau/outreach", tag = "statistics", security(("bearer" = [])),
    params(
        ("reason" = Option<String>, Query, description = "`certificate_unclaimed` (default), `window_closing`, `declaration_waiting` or `syb_may_take_iyb`"),
        ("region" = Option<String>, Query, description = "GB/T 2260 code (default: the officer's region)"),
        ("waiting_days" = Option<u32>, Query, description = "Declarations waiting at least this many days (default 14, at most 365)"),
        ("after" = Option<String>, Query, description = "The `next` of the previous page"),
    ),
    responses((status = 200, body = OutreachPage), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn outreach(c: Caller, query: HashMap<String, String>) -> Response {
    c.json(|state, actor| async move { svc::outreach::list(&state, actor?, query, state.now()).await }).await
}

/// Notifies a listed person of what they may claim or do; not twice to one person within seven days.
#[utoipa::path(post, path = "/api/bureau/outreach/nudges", tag = "statistics", security(("bearer" = [])),
    request_body = NudgeInput,
    responses((status = 201, body = OutreachRow), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn nudge(w: Write, body: Body<NudgeInput>) -> Response {
    w.once(
        StatusCode::CREATED,
        |state, actor| async move { svc::outreach::nudge(&state, actor?, body?, state.now()).await },
    )
    .await
}

/// 创业一件事: the signed-in person's whole journey, with the next step on each line.
#[utoipa::path(get, path = "/api/me/journey", tag = "outcomes", security(("bearer" = [])),
    responses((status = 200, body = Journey), (status = 401, body = ErrorBody)))]
pub async fn journey(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::journey::journey(&state, actor?, state.now()).await }).await
}
