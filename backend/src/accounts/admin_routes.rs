//! Staff accounts and people, for administrators and bureau officers.

use std::sync::Arc;

use malanhua_shared::api::security::RoleRevocation;
use malanhua_shared::api::verification::StaffInvitation;
use malanhua_shared::api::{NewBureauAccount, NewInstitutionAccount, StaffAccount, UserSummary};
use malanhua_shared::{ErrorBody, UserId};
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::accounts::admin as svc;
use crate::core::calls::{Body, Caller, Write, caller, write_json};
use crate::core::http::reply;
use crate::core::state::AppState;

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let list = warp::path!("admin" / "accounts").and(warp::get()).and(caller(state.clone())).then(list_accounts);
    let bureau = warp::path!("admin" / "bureau-accounts")
        .and(warp::post())
        .and(write_json(state.clone()))
        .then(create_bureau_account);
    let institution = warp::path!("admin" / "institution-accounts")
        .and(warp::post())
        .and(write_json(state.clone()))
        .then(create_institution_account);
    let invitations =
        warp::path!("admin" / "invitations").and(warp::get()).and(caller(state.clone())).then(list_invitations);
    let user = warp::path!("users" / String).and(warp::get()).and(caller(state.clone())).then(get_user);
    let revoke = warp::path!("users" / String / "roles" / "revoke")
        .and(warp::post())
        .and(caller(state.clone()))
        .and(crate::core::http::json_body())
        .then(revoke_role);
    crate::any_of!(list, bureau, institution, invitations, user, revoke)
}

/// Take a staff role away (a bureau officer's: administrators; an
/// institution's staff: administrators or officers of its region); the
/// person's sessions end at once.
#[utoipa::path(post, path = "/api/users/{id}/roles/revoke", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, description = "user id")), request_body = RoleRevocation,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn revoke_role(
    id: String,
    c: Caller,
    body: Result<RoleRevocation, crate::core::error::AppError>,
) -> Response {
    let Caller { state, actor } = c;
    let result = async { crate::accounts::lifecycle::revoke_role(&state, actor?, id, body?, state.now()).await }.await;
    crate::core::http::no_content(result)
}

/// Staff accounts: all for admins, their region's institutions for officers.
#[utoipa::path(get, path = "/api/admin/accounts", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [StaffAccount]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_accounts(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::list_staff_accounts(&state, actor?).await }).await
}

/// Staff roles offered, newest first (the last 90 days), pending or taken up.
#[utoipa::path(get, path = "/api/admin/invitations", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [StaffInvitation]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_invitations(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::list_invitations(&state, actor?).await }).await
}

/// Offer someone the role of bureau officer for a region (admins only): an
/// SMS tells them, and the role is granted when they prove the mobile and
/// set their own password.
#[utoipa::path(post, path = "/api/admin/bureau-accounts", tag = "admin", security(("bearer" = [])),
    request_body = NewBureauAccount,
    responses((status = 201, body = StaffInvitation), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn create_bureau_account(w: Write, body: Body<NewBureauAccount>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move {
        svc::create_bureau_account(&state, actor?, body?, state.now()).await
    })
    .await
}

/// Designate an institution and offer a staff role in it (admins, or
/// officers for the institution's region); granted when the person proves
/// the mobile.
#[utoipa::path(post, path = "/api/admin/institution-accounts", tag = "admin", security(("bearer" = [])),
    request_body = NewInstitutionAccount,
    responses((status = 201, body = StaffInvitation), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn create_institution_account(w: Write, body: Body<NewInstitutionAccount>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move {
        svc::create_institution_account(&state, actor?, body?, state.now()).await
    })
    .await
}

/// One person's account (themselves, an officer of their region, or an admin).
#[utoipa::path(get, path = "/api/users/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, description = "account id")),
    responses((status = 200, body = UserSummary), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_user(id: String, c: Caller) -> Response {
    let Caller { state, actor } = c;
    let result = async { svc::get_user(&state, actor?, UserId::from_raw(id)).await }.await;
    reply(StatusCode::OK, result)
}
