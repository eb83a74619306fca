//! Staff accounts, for administrators and bureau officers.

use gloo_net::http::Method;
use malanhua_shared::UserId;
use malanhua_shared::api::security::RoleRevocation;
use malanhua_shared::api::verification::StaffInvitation;
use malanhua_shared::api::{NewBureauAccount, NewInstitutionAccount, StaffAccount};

use super::{ApiError, Auth, get, request};

/// `GET /api/admin/accounts`: all staff (admins) or the region's
/// institution staff (bureau officers).
pub async fn accounts() -> Result<Vec<StaffAccount>, ApiError> {
    get("/api/admin/accounts", Auth::Bearer).await
}

/// `POST /api/admin/bureau-accounts`
pub async fn create_bureau_account(body: &NewBureauAccount) -> Result<StaffInvitation, ApiError> {
    request(Method::POST, "/api/admin/bureau-accounts", Some(body), Auth::Bearer).await
}

/// `POST /api/admin/institution-accounts`
pub async fn create_institution_account(body: &NewInstitutionAccount) -> Result<StaffInvitation, ApiError> {
    request(Method::POST, "/api/admin/institution-accounts", Some(body), Auth::Bearer).await
}

/// `GET /api/admin/invitations`: staff roles offered, newest first.
pub async fn invitations() -> Result<Vec<StaffInvitation>, ApiError> {
    get("/api/admin/invitations", Auth::Bearer).await
}

/// `POST /api/users/{id}/roles/revoke`: takes a staff role away, with a
/// reason; the person's sessions end at once.
pub async fn revoke_role(user: &UserId, body: &RoleRevocation) -> Result<(), ApiError> {
    let path = format!("/api/users/{}/roles/revoke", super::encode_query_value(user.as_str()));
    request(Method::POST, &path, Some(body), Auth::Bearer).await
}
