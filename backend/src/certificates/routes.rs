//! Attendance, check-in, results, completion, certificates and verification.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::certificates::{
    Assessment, AttendanceSheet, Certificate, CheckinCode, CheckinRequest, CompletionReview, MarksRequest,
    ResultsRequest, SheetLine, Verification,
};
use malanhua_shared::api::classes::{Decision, ReasonRequest};
use warp::filters::BoxedFilter;
use warp::http::{HeaderValue, StatusCode, header};
use warp::reply::Response;
use warp::{Filter, Reply};

use crate::certificates as svc;
use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::http::{client_ip, error_reply, reply, with_state};
use crate::core::limits::Bucket;
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let wb = || write_bare(state.clone());
    let sheet = warp::path!("sessions" / String / "attendance").and(warp::get()).and(c()).then(sheet);
    let mark =
        warp::path!("sessions" / String / "attendance").and(warp::put()).and(write_json(state.clone())).then(mark);
    let code = warp::path!("sessions" / String / "checkin-code").and(warp::post()).and(wb()).then(issue_code);
    let shown = warp::path!("sessions" / String / "checkin-code").and(warp::get()).and(c()).then(shown_code);
    let checkin =
        warp::path!("sessions" / String / "checkin").and(warp::post()).and(write_json(state.clone())).then(check_in);
    let results =
        warp::path!("classes" / String / "assessments").and(warp::put()).and(write_json(state.clone())).then(results);
    let review = warp::path!("classes" / String / "completion").and(warp::get()).and(c()).then(review);
    let submit = warp::path!("classes" / String / "completion").and(warp::post()).and(wb()).then(submit);
    let decide = warp::path!("classes" / String / "completion" / "decision")
        .and(warp::post())
        .and(write_json(state.clone()))
        .then(decide);
    let pending = warp::path!("bureau" / "completions").and(warp::get()).and(c()).then(pending);
    let mine = warp::path!("me" / "certificates").and(warp::get()).and(c()).then(mine);
    let one = warp::path!("certificates" / String).and(warp::get()).and(c()).then(one);
    let revoke =
        warp::path!("certificates" / String / "revoke").and(warp::post()).and(write_json(state.clone())).then(revoke);
    let ip = || client_ip(state.clone());
    let verify = warp::path!("verify" / String).and(warp::get()).and(s()).and(ip()).then(verify);
    let qr = warp::path!("verify" / String / "qr.svg").and(warp::get()).and(s()).and(ip()).then(qr);
    crate::any_of!(
        sheet, mark, code, shown, checkin, results, review, submit, decide, pending, mine, one, revoke, qr, verify
    )
}

/// A session's attendance sheet.
#[utoipa::path(get, path = "/api/sessions/{id}/attendance", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "session id")),
    responses((status = 200, body = AttendanceSheet), (status = 403, body = ErrorBody)))]
pub async fn sheet(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::attendance_sheet(&state, actor?, id, state.now()).await }).await
}

/// Staff record present / late / absent / excused per trainee.
#[utoipa::path(put, path = "/api/sessions/{id}/attendance", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "session id")), request_body = MarksRequest,
    responses((status = 200, body = AttendanceSheet), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn mark(id: String, w: Write, body: Body<MarksRequest>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::record_marks(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// Staff issue the session's check-in code to display.
#[utoipa::path(post, path = "/api/sessions/{id}/checkin-code", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "session id")),
    responses((status = 200, body = CheckinCode), (status = 403, body = ErrorBody)))]
pub async fn issue_code(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::issue_checkin_code(&state, actor?, id, state.now()).await })
        .await
}

/// The code to show in the room now; it changes every five minutes.
#[utoipa::path(get, path = "/api/sessions/{id}/checkin-code", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "session id")),
    responses((status = 200, body = CheckinCode), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn shown_code(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::current_checkin_code(&state, actor?, id, state.now()).await }).await
}

/// A trainee checks in with the code, during the session (with a short grace).
#[utoipa::path(post, path = "/api/sessions/{id}/checkin", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "session id")), request_body = CheckinRequest,
    responses((status = 403, body = ErrorBody), (status = 200, body = SheetLine), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn check_in(id: String, w: Write, body: Body<CheckinRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::check_in_with_code(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// Staff record final assessments.
#[utoipa::path(put, path = "/api/classes/{id}/assessments", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = ResultsRequest,
    responses((status = 403, body = ErrorBody), (status = 200, body = [Assessment]), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn results(id: String, w: Write, body: Body<ResultsRequest>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::record_results(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// Who qualifies for a certificate, and why the others do not.
#[utoipa::path(get, path = "/api/classes/{id}/completion", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = CompletionReview), (status = 403, body = ErrorBody)))]
pub async fn review(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::completion_review(&state, actor?, id).await }).await
}

/// Staff submit the class for completion.
#[utoipa::path(post, path = "/api/classes/{id}/completion", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 403, body = ErrorBody), (status = 200, body = CompletionReview), (status = 409, body = ErrorBody)))]
pub async fn submit(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::submit_completion(&state, actor?, id, state.now()).await })
        .await
}

/// The bureau approves completion (issuing certificates) or returns it.
#[utoipa::path(post, path = "/api/classes/{id}/completion/decision", tag = "certificates", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")), request_body = Decision,
    responses((status = 200, body = CompletionReview), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(id: String, w: Write, body: Body<Decision>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::decide_completion(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// Classes of the officer's region whose completion waits for a decision.
#[utoipa::path(get, path = "/api/bureau/completions", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = [malanhua_shared::api::classes::ClassSummary]), (status = 403, body = ErrorBody)))]
pub async fn pending(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::pending_completions(&state, actor?).await }).await
}

/// The signed-in person's certificates.
#[utoipa::path(get, path = "/api/me/certificates", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = [Certificate]), (status = 401, body = ErrorBody)))]
pub async fn mine(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_certificates(&state, actor?).await }).await
}

/// A certificate in full (holder, institution, bureau).
#[utoipa::path(get, path = "/api/certificates/{number}", tag = "certificates", security(("bearer" = [])),
    params(("number" = String, Path, description = "certificate number")),
    responses((status = 200, body = Certificate), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn one(number: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::get_certificate(&state, actor?, number).await }).await
}

/// The bureau revokes a certificate, with a reason.
#[utoipa::path(post, path = "/api/certificates/{number}/revoke", tag = "certificates", security(("bearer" = [])),
    params(("number" = String, Path, description = "certificate number")), request_body = ReasonRequest,
    responses((status = 200, body = Certificate), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke(number: String, w: Write, body: Body<ReasonRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::revoke(&state, actor?, number, body?.reason, state.now()).await
    })
    .await
}

/// Public verification by number: valid, revoked (with date) or unknown.
#[utoipa::path(get, path = "/api/verify/{number}", tag = "certificates",
    params(("number" = String, Path, description = "certificate number")),
    responses((status = 200, body = Verification), (status = 429, body = ErrorBody)))]
pub async fn verify(number: String, state: Arc<AppState>, ip: String) -> Response {
    let result = async {
        state.limits.check(Bucket::Public, &ip, state.now())?;
        svc::verify(&state, number).await
    };
    reply(StatusCode::OK, result.await)
}

/// A QR code (SVG) that opens the public verification page.
#[utoipa::path(get, path = "/api/verify/{number}/qr.svg", tag = "certificates",
    params(("number" = String, Path, description = "certificate number")),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 429, body = ErrorBody)))]
pub async fn qr(number: String, state: Arc<AppState>, ip: String) -> Response {
    if let Err(e) = state.limits.check(Bucket::Public, &ip, state.now()) {
        return error_reply(&e);
    }
    let url = format!("{}/verify/{}", state.config.public_url.trim_end_matches('/'), number.trim());
    match svc::qr_svg(&url) {
        Ok(svg) => {
            let mut r = svg.into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
            r
        }
        Err(e) => error_reply(&e),
    }
}
