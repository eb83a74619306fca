//! Mentors' service fees (导师服务补贴): the region's fee policy, the
//! mentor's overview and claiming one recorded service. The monthly claim
//! (kind `service_fee`) is filed with
//! [`subsidies::submit`](super::subsidies::submit). The bureau confirms the
//! region's recorded group sessions took place.

use gloo_net::http::Method;
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{FeeLineRequest, FeeOverview, FeePolicy, FeePolicyInput, GroupService};

use super::mentors::Done;
use super::{ApiError, Auth, encode_query_value, get, request_idempotent};

/// `GET /api/fee-policies/{region}`: the versions of the region and its
/// ancestors. Public.
pub async fn policies(region: &RegionCode) -> Result<Vec<FeePolicy>, ApiError> {
    get(&format!("/api/fee-policies/{}", region.as_str()), Auth::Anonymous).await
}

/// `PUT /api/fee-policies/{region}`: a new version (the region's officers).
pub async fn set_policy(region: &RegionCode, body: &FeePolicyInput, key: &str) -> Result<Done, ApiError> {
    let path = format!("/api/fee-policies/{}", region.as_str());
    request_idempotent(Method::PUT, &path, Some(body), Auth::Bearer, key).await
}

/// `GET /api/me/mentor/fees`
pub async fn overview() -> Result<FeeOverview, ApiError> {
    get("/api/me/mentor/fees", Auth::Bearer).await
}

/// `POST /api/me/mentor/fees`: claims one recorded service on the month's claim.
pub async fn claim(body: &FeeLineRequest, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, "/api/me/mentor/fees", Some(body), Auth::Bearer, key).await
}

/// `GET /api/bureau/group-services`: the region's recorded group sessions,
/// newest first (the region's officers).
pub async fn group_services() -> Result<Vec<GroupService>, ApiError> {
    get("/api/bureau/group-services", Auth::Bearer).await
}

/// `POST /api/group-sessions/{id}/confirm-service` without a body: the
/// bureau confirms the session took place (answers the session, which the
/// page does not read; `wrong_state` when it was confirmed already).
pub async fn confirm_group_service(session_id: &str, key: &str) -> Result<Done, ApiError> {
    let path = format!("/api/group-sessions/{}/confirm-service", encode_query_value(session_id));
    request_idempotent::<(), _>(Method::POST, &path, None, Auth::Bearer, key).await
}
