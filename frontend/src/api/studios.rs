//! Mentor studios (创业指导师工作室): the region's studio policy, the public
//! directory and studio pages, the mentor's own studio and application,
//! reports, and the bureau's worklist, evaluations and revocations. The
//! grant itself is a claim (kind `studio_grant`) handled by
//! [`subsidies`](super::subsidies). Every write carries an `Idempotency-Key`.

use gloo_net::http::Method;
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{
    EvaluationInput, MyStudio, RevocationInput, StudioApplication, StudioCard, StudioDetail, StudioPolicy,
    StudioPolicyInput, StudioReportInput, StudioStatus, StudioWork,
};

use super::mentors::Done;
use super::{ApiError, Auth, encode_query_value, get, request_idempotent};

/// `/api/studios/{id}` plus `rest`, with the id encoded.
fn studio_path(id: &str, rest: &str) -> String {
    format!("/api/studios/{}{rest}", encode_query_value(id))
}

/// The directory's query string (`?region=370200&q=草原`, or empty).
pub fn directory_query_string(region: &str, q: &str) -> String {
    let pairs: Vec<String> = [("region", region.trim()), ("q", q.trim())]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode_query_value(v)))
        .collect();
    if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
}

/// `GET /api/studio-policies/{region}`: the versions of the region and its
/// ancestors. Public.
pub async fn policies(region: &RegionCode) -> Result<Vec<StudioPolicy>, ApiError> {
    get(&format!("/api/studio-policies/{}", region.as_str()), Auth::Anonymous).await
}

/// `PUT /api/studio-policies/{region}`: a new version (the region's officers).
pub async fn set_policy(region: &RegionCode, body: &StudioPolicyInput, key: &str) -> Result<Done, ApiError> {
    let path = format!("/api/studio-policies/{}", region.as_str());
    request_idempotent(Method::PUT, &path, Some(body), Auth::Bearer, key).await
}

/// `GET /api/studios?region=&q=`: the public directory.
pub async fn directory(region: &str, q: &str) -> Result<Vec<StudioCard>, ApiError> {
    get(&format!("/api/studios{}", directory_query_string(region, q)), Auth::Anonymous).await
}

/// `GET /api/studios/{id}`: public for a recognised studio; the leader, the
/// members and officers see everything.
pub async fn studio(id: &str) -> Result<StudioDetail, ApiError> {
    get(&studio_path(id, ""), Auth::Bearer).await
}

/// `GET /api/me/studio`: the mentor's studio, the policy, colleagues and
/// citable records.
pub async fn my_studio() -> Result<MyStudio, ApiError> {
    get("/api/me/studio", Auth::Bearer).await
}

/// `POST /api/studios`: the mentor applies as leader (the grant claim is
/// filed with it).
pub async fn apply(body: &StudioApplication, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, "/api/studios", Some(body), Auth::Bearer, key).await
}

/// `POST /api/studios/{id}/reports`: the leader's periodic report.
pub async fn report(id: &str, body: &StudioReportInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, &studio_path(id, "/reports"), Some(body), Auth::Bearer, key).await
}

/// `GET /api/bureau/studios?status=`: the officer's worklist.
pub async fn bureau_studios(status: Option<StudioStatus>) -> Result<Vec<StudioWork>, ApiError> {
    let query = status.map(|s| format!("?status={}", s.as_str())).unwrap_or_default();
    get(&format!("/api/bureau/studios{query}"), Auth::Bearer).await
}

/// `POST /api/studios/{id}/evaluations`: a yearly evaluation.
pub async fn evaluate(id: &str, body: &EvaluationInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, &studio_path(id, "/evaluations"), Some(body), Auth::Bearer, key).await
}

/// `POST /api/studios/{id}/revoke`
pub async fn revoke(id: &str, body: &RevocationInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::POST, &studio_path(id, "/revoke"), Some(body), Auth::Bearer, key).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_filters_become_a_query_string() {
        assert_eq!(
            directory_query_string(" 370200 ", "草原 工作室"),
            "?region=370200&q=%E8%8D%89%E5%8E%9F%20%E5%B7%A5%E4%BD%9C%E5%AE%A4"
        );
        assert_eq!(directory_query_string("", "  "), "");
    }
}
