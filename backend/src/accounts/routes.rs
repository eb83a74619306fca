//! Registration, sign-in and -out, `/api/me` and the profile.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::{Credentials, Me, ProfileRequest, TokenResponse};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::accounts as svc;
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::http::{Idem, actor, idem_json, json_body, key_scope, no_content, once, reply, with_state};
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let register = warp::path!("auth" / "register")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(json_body())
        .then(register);
    let login =
        warp::path!("auth" / "login").and(warp::post()).and(with_state(state.clone())).and(json_body()).then(login);
    let logout = warp::path!("auth" / "logout")
        .and(warp::post())
        .and(with_state(state.clone()))
        .and(actor(state.clone()))
        .then(logout);
    let me = warp::path!("me").and(warp::get()).and(with_state(state.clone())).and(actor(state.clone())).then(me);
    let profile = warp::path!("me" / "profile")
        .and(warp::put())
        .and(with_state(state.clone()))
        .and(actor(state))
        .and(idem_json())
        .then(update_profile);
    register.or(login).unify().or(logout).unify().or(me).unify().or(profile).unify().boxed()
}

/// Create a trainee account with a mobile number and password.
#[utoipa::path(post, path = "/api/auth/register", tag = "accounts", request_body = Credentials,
    responses((status = 201, body = Me), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn register(state: Arc<AppState>, body: Result<Credentials, AppError>) -> Response {
    let result = async { svc::register(&state, body?, state.now()).await }.await;
    reply(StatusCode::CREATED, result)
}

/// Sign in; returns a bearer token. Repeated failures for one number get 429.
#[utoipa::path(post, path = "/api/auth/login", tag = "accounts", request_body = Credentials,
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(state: Arc<AppState>, body: Result<Credentials, AppError>) -> Response {
    let result = async { svc::login(&state, body?, state.now()).await }.await;
    reply(StatusCode::OK, result)
}

/// Sign out: the token stops working at once.
#[utoipa::path(post, path = "/api/auth/logout", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(state: Arc<AppState>, actor: Result<Actor, AppError>) -> Response {
    no_content(async { svc::logout(&state, actor?, state.now()).await }.await)
}

/// The signed-in person, with roles.
#[utoipa::path(get, path = "/api/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(state: Arc<AppState>, actor: Result<Actor, AppError>) -> Response {
    reply(StatusCode::OK, async { svc::me(&state, actor?).await }.await)
}

/// Save the real-name profile: name, resident ID (gender and birth date are
/// derived from it) and home region.
#[utoipa::path(put, path = "/api/me/profile", tag = "accounts", security(("bearer" = [])), request_body = ProfileRequest,
    responses((status = 200, body = Me), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn update_profile(
    state: Arc<AppState>,
    actor: Result<Actor, AppError>,
    idem: Idem,
    body: Result<ProfileRequest, AppError>,
) -> Response {
    let key = key_scope(&actor);
    once(&state, key, idem, StatusCode::OK, async { svc::update_profile(&state, actor?, body?, state.now()).await })
        .await
}
