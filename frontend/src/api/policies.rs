//! Course policies per region and course kind.

use gloo_net::http::Method;
use malanhua_shared::RegionCode;
use malanhua_shared::api::classes::{CoursePolicy, PolicyRequest};
use malanhua_shared::course::CourseKind;

use super::{ApiError, Auth, get, request};

/// `GET /api/policies/{region}`: the policy in force per kind (kinds with
/// none are left out). Public.
pub async fn policies(region: &RegionCode) -> Result<Vec<CoursePolicy>, ApiError> {
    get(&format!("/api/policies/{}", region.as_str()), Auth::Anonymous).await
}

/// `PUT /api/policies/{region}/{kind}`: a bureau sets its region's policy.
pub async fn set_policy(region: &RegionCode, kind: CourseKind, body: &PolicyRequest) -> Result<CoursePolicy, ApiError> {
    let path = format!("/api/policies/{}/{}", region.as_str(), kind.as_str());
    request(Method::PUT, &path, Some(body), Auth::Bearer).await
}
