//! Registration, sign-in and -out, `/api/me` and the profile.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::security::{PasswordChange, SessionInfo};
use malanhua_shared::api::verification::{CodeRequest, CodeSent, OutboxMessage, PasswordReset, Registration};
use malanhua_shared::api::{Credentials, Me, ProfileRequest, TokenResponse};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::accounts as svc;
use crate::accounts::sessions::Device;
use crate::core::calls::{Body, Caller, Write, caller, write_json};
use crate::core::error::AppError;
use crate::core::http::{client_ip, json_body, no_content, reply, with_state};
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let register = warp::path!("auth" / "register")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(json_body())
        .then(register);
    let codes = warp::path!("auth" / "codes")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(client_ip(state.clone()))
        .and(json_body())
        .then(send_code);
    let reset = warp::path!("auth" / "reset")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(device(state.clone()))
        .and(json_body())
        .then(reset);
    let outbox = warp::path!("dev" / "sms")
        .and(warp::get())
        .and(with_state(state.clone()))
        .and(warp::query::<OutboxQuery>())
        .then(outbox);
    let login = warp::path!("auth" / "login")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(device(state.clone()))
        .and(json_body())
        .then(login);
    let refresh = warp::path!("auth" / "refresh").and(warp::post()).and(caller(state.clone())).then(refresh);
    let logout = warp::path!("auth" / "logout").and(warp::post()).and(caller(state.clone())).then(logout);
    let logout_all = warp::path!("auth" / "logout-all").and(warp::post()).and(caller(state.clone())).then(logout_all);
    let me = warp::path!("me").and(warp::get()).and(caller(state.clone())).then(me);
    let password = warp::path!("me" / "password")
        .and(warp::put())
        .and(caller(state.clone()))
        .and(client_ip(state.clone()))
        .and(json_body())
        .then(change_password);
    let sessions = warp::path!("me" / "sessions").and(warp::get()).and(caller(state.clone())).then(sessions);
    let profile = warp::path!("me" / "profile").and(warp::put()).and(write_json(state.clone())).then(update_profile);
    crate::any_of!(register, codes, reset, outbox, login, refresh, logout, logout_all, me, profile, password, sessions)
}

/// The device a request comes from: its `User-Agent` and client address.
fn device(state: Arc<AppState>) -> impl Filter<Extract = (Device,), Error = warp::Rejection> + Clone {
    warp::header::optional::<String>("user-agent")
        .and(client_ip(state))
        .map(|ua: Option<String>, ip: String| Device::new(ua.as_deref(), &ip))
}

/// Send a one-time code by SMS (6 digits, valid 5 minutes, 5 tries). The
/// answer is the same whether or not the mobile has an account; another
/// code for the same mobile and purpose waits 60 seconds, and codes per
/// mobile and per address are limited (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/auth/codes", tag = "accounts", request_body = CodeRequest,
    responses((status = 202, body = CodeSent), (status = 400, body = ErrorBody), (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn send_code(state: Arc<AppState>, ip: String, body: Result<CodeRequest, AppError>) -> Response {
    let result = async { crate::accounts::codes::send_code(&state, body?, &ip, state.now()).await }.await;
    reply(StatusCode::ACCEPTED, result)
}

/// Create a trainee account: mobile, password, the code sent for
/// `register`, and consent to the privacy notice.
#[utoipa::path(post, path = "/api/auth/register", tag = "accounts", request_body = Registration,
    responses((status = 201, body = Me), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn register(state: Arc<AppState>, body: Result<Registration, AppError>) -> Response {
    let result = async { svc::register(&state, body?, state.now()).await }.await;
    reply(StatusCode::CREATED, result)
}

/// Set a new password with the code sent for `reset`, and sign in. Roles
/// offered to the mobile are taken up; a sign-in lock-out is lifted; every
/// other session ends.
#[utoipa::path(post, path = "/api/auth/reset", tag = "accounts", request_body = PasswordReset,
    responses((status = 200, body = TokenResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn reset(state: Arc<AppState>, device: Device, body: Result<PasswordReset, AppError>) -> Response {
    let result = async { crate::accounts::reset::reset_password(&state, body?, device, state.now()).await }.await;
    reply(StatusCode::OK, result)
}

/// `?mobile=` for the development outbox.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// The mobile, 11 digits.
    pub mobile: String,
}

/// The development outbox: the latest messages to a mobile. Served only by
/// a server listening on loopback with no SMS provider configured.
#[utoipa::path(get, path = "/api/dev/sms", tag = "accounts", params(OutboxQuery),
    responses((status = 200, body = [OutboxMessage]), (status = 404, body = ErrorBody)))]
pub async fn outbox(state: Arc<AppState>, q: OutboxQuery) -> Response {
    reply(StatusCode::OK, crate::accounts::sms::read_outbox(&state, &q.mobile).await)
}

/// Sign in; returns a bearer token. A wrong password is answered 401 with
/// `tries_left` (the same whether or not the number has an account).
/// Repeated failures from this address for one number, from this address,
/// or of the whole instance get 429 with `Retry-After`; a number that
/// reached its limit from all addresses is locked (429 `signin_locked`)
/// until a password reset by SMS code.
#[utoipa::path(post, path = "/api/auth/login", tag = "accounts", request_body = Credentials,
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(state: Arc<AppState>, device: Device, body: Result<Credentials, AppError>) -> Response {
    let result = async { svc::login(&state, body?, device, state.now()).await }.await;
    reply(StatusCode::OK, result)
}

/// Renew the session in use: a fresh token, and the session ends a token
/// lifetime from now, but never later than the absolute limit from sign-in
/// (`MALANHUA_SESSION_MAX_HOURS`). A revoked or expired session gets 401.
#[utoipa::path(post, path = "/api/auth/refresh", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody)))]
pub async fn refresh(c: Caller) -> Response {
    c.json(|state, actor| async move { crate::accounts::renewal::refresh(&state, actor?, state.now()).await }).await
}

/// Sign out: the token stops working at once.
#[utoipa::path(post, path = "/api/auth/logout", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(c: Caller) -> Response {
    let Caller { state, actor } = c;
    no_content(async { svc::logout(&state, actor?, state.now()).await }.await)
}

/// Sign out everywhere: every session of the person ends, this one too.
#[utoipa::path(post, path = "/api/auth/logout-all", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout_all(c: Caller) -> Response {
    let Caller { state, actor } = c;
    no_content(async { crate::accounts::lifecycle::sign_out_everywhere(&state, actor?, state.now()).await }.await)
}

/// Change one's password: the current one is required (wrong guesses count
/// as failed sign-ins); every other session ends.
#[utoipa::path(put, path = "/api/me/password", tag = "accounts", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
pub async fn change_password(c: Caller, ip: String, body: Result<PasswordChange, AppError>) -> Response {
    let Caller { state, actor } = c;
    let result =
        async { crate::accounts::lifecycle::change_password(&state, actor?, body?, &ip, state.now()).await }.await;
    no_content(result)
}

/// One's open sessions, newest first, the current one marked.
#[utoipa::path(get, path = "/api/me/sessions", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = [SessionInfo]), (status = 401, body = ErrorBody)))]
pub async fn sessions(c: Caller) -> Response {
    c.json(|state, actor| async move { crate::accounts::lifecycle::sessions(&state, actor?, state.now()).await }).await
}

/// The signed-in person, with roles.
#[utoipa::path(get, path = "/api/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::me(&state, actor?).await }).await
}

/// Save the real-name profile: name, resident ID (gender and birth date are
/// derived from it) and home region.
#[utoipa::path(put, path = "/api/me/profile", tag = "accounts", security(("bearer" = [])), request_body = ProfileRequest,
    responses((status = 200, body = Me), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn update_profile(w: Write, body: Body<ProfileRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::update_profile(&state, actor?, body?, state.now()).await })
        .await
}
