//! Mentors' service fees (导师服务补贴): the region's fee policy, the
//! mentor's overview and claiming one recorded service. The monthly claim
//! (kind `service_fee`) is filed with
//! [`subsidies::submit`](super::subsidies::submit).

use gloo_net::http::Method;
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{FeeLineRequest, FeeOverview, FeePolicy, FeePolicyInput};

use super::mentors::Done;
use super::{ApiError, Auth, get, request_idempotent};

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
