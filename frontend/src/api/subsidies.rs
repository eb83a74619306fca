//! Training subsidies: subsidy policies, priority-group declarations,
//! claims and their stages, the public notice (公示) and objections.
//! Stage actions, bulk actions, filing and submitting carry an
//! `Idempotency-Key` (see [`request_idempotent`]).

use gloo_net::http::Method;
use malanhua_shared::RegionCode;
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{
    BulkActionRequest, BulkResult, ClaimActionRequest, ClaimBatch, ClaimDetail, ClaimPage, ClaimQuery, ClaimSummary,
    DeclarationStatus, Eligibility, FileClaim, GroupDeclaration, NewDeclaration, NewObjection, NoticeEntry, Objection,
    ObjectionResolution, PolicyProposal, RecoveryRequest, SubsidyPolicy, SubsidyPolicyInput,
};
use malanhua_shared::course::CourseKind;

use super::{ApiError, Auth, download, encode_query_value, get, request, request_idempotent};
use crate::i18n::Lang;

/// `/api/claims/{id}` plus `rest`, with the id encoded.
fn claim_path(id: &str, rest: &str) -> String {
    format!("/api/claims/{}{rest}", encode_query_value(id))
}

/// The query string (`?status=submitted&min_fen=100000`, or empty) of the
/// worklist filters; `paging` adds `after` and `limit`.
pub fn claim_query_string(query: &ClaimQuery, paging: bool) -> String {
    let text = |name: &'static str, value: Option<String>| {
        value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).map(|v| (name, v))
    };
    let mut pairs: Vec<(&str, String)> = [
        text("status", query.status.map(|s| s.as_str().to_owned())),
        text("claim_kind", query.claim_kind.map(|k| k.as_str().to_owned())),
        text("kind", query.kind.map(|k| k.as_str().to_owned())),
        text("institution", query.institution.clone()),
        text("from", query.from.map(|d| d.to_string())),
        text("to", query.to.map(|d| d.to_string())),
        text("min_fen", query.min_fen.map(|f| f.to_string())),
        text("max_fen", query.max_fen.map(|f| f.to_string())),
        text("sort", query.sort.map(|s| s.as_str().to_owned())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if paging {
        pairs.extend(text("after", query.after.clone()));
        pairs.extend(text("limit", query.limit.map(|l| l.to_string())));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_query_value(v))).collect();
    format!("?{}", joined.join("&"))
}

// Public

/// `GET /api/subsidy-policies/{region}`: every version of the region and
/// of its ancestors, each naming its region. Public.
pub async fn policies(region: &RegionCode) -> Result<Vec<SubsidyPolicy>, ApiError> {
    get(&format!("/api/subsidy-policies/{}", region.as_str()), Auth::Anonymous).await
}

/// `GET /api/notices?region=`: the claims on public notice. Public.
pub async fn notices(region: Option<&str>) -> Result<Vec<NoticeEntry>, ApiError> {
    let path = match region.map(str::trim).filter(|r| !r.is_empty()) {
        Some(region) => format!("/api/notices?region={}", encode_query_value(region)),
        None => "/api/notices".to_owned(),
    };
    get(&path, Auth::Anonymous).await
}

/// `POST /api/notices/{claim}/objections`: anyone objects to a claim on
/// notice (no token is sent).
pub async fn object(claim_id: &str, body: &NewObjection, key: &str) -> Result<Objection, ApiError> {
    let path = format!("/api/notices/{}/objections", encode_query_value(claim_id));
    request_idempotent(Method::POST, &path, Some(body), Auth::Anonymous, key).await
}

// Trainee

/// `GET /api/me/priority-groups`
pub async fn my_groups() -> Result<Vec<GroupDeclaration>, ApiError> {
    get("/api/me/priority-groups", Auth::Bearer).await
}

/// `POST /api/me/priority-groups`
pub async fn declare_group(body: &NewDeclaration) -> Result<GroupDeclaration, ApiError> {
    request(Method::POST, "/api/me/priority-groups", Some(body), Auth::Bearer).await
}

/// `GET /api/me/claims`: every claim on the trainee's certificates.
pub async fn my_claims() -> Result<Vec<ClaimSummary>, ApiError> {
    get("/api/me/claims", Auth::Bearer).await
}

/// `GET /api/certificates/{number}/eligibility`
pub async fn eligibility(number: &str) -> Result<Eligibility, ApiError> {
    get(&format!("/api/certificates/{}/eligibility", encode_query_value(number)), Auth::Bearer).await
}

/// `POST /api/claims`: the trainee files for their own certificate.
pub async fn file_claim(body: &FileClaim, key: &str) -> Result<ClaimDetail, ApiError> {
    request_idempotent(Method::POST, "/api/claims", Some(body), Auth::Bearer, key).await
}

// Claimant, staff and officers

/// `GET /api/claims/{id}`
pub async fn claim(id: &str) -> Result<ClaimDetail, ApiError> {
    get(&claim_path(id, ""), Auth::Bearer).await
}

/// `POST /api/claims/{id}/submit`: files a draft or resubmits a returned claim.
pub async fn submit(id: &str, key: &str) -> Result<ClaimDetail, ApiError> {
    request_idempotent::<(), _>(Method::POST, &claim_path(id, "/submit"), None, Auth::Bearer, key).await
}

/// `GET /api/classes/{id}/claims`: the institution's batch, as a preview.
pub async fn class_batch(class_id: &str) -> Result<ClaimBatch, ApiError> {
    get(&format!("/api/classes/{}/claims", encode_query_value(class_id)), Auth::Bearer).await
}

/// `POST /api/classes/{id}/claims`: files every eligible line of the class.
pub async fn file_class_batch(class_id: &str, key: &str) -> Result<ClaimBatch, ApiError> {
    let path = format!("/api/classes/{}/claims", encode_query_value(class_id));
    request_idempotent::<(), _>(Method::POST, &path, None, Auth::Bearer, key).await
}

// Bureau

/// `PUT /api/subsidy-policies/{region}/{kind}`: a version effective from a date.
pub async fn set_policy(
    region: &RegionCode,
    kind: CourseKind,
    body: &SubsidyPolicyInput,
) -> Result<SubsidyPolicy, ApiError> {
    let path = format!("/api/subsidy-policies/{}/{}", region.as_str(), kind.as_str());
    request(Method::PUT, &path, Some(body), Auth::Bearer).await
}

/// `POST /api/subsidy-policies/{region}/{kind}/proposals`: proposes a
/// version (one above the second-officer amount takes effect only once
/// another officer confirms it).
pub async fn propose_policy(
    region: &RegionCode,
    kind: CourseKind,
    body: &SubsidyPolicyInput,
    key: &str,
) -> Result<PolicyProposal, ApiError> {
    let path = format!("/api/subsidy-policies/{}/{}/proposals", region.as_str(), kind.as_str());
    request_idempotent(Method::POST, &path, Some(body), Auth::Bearer, key).await
}

/// `GET /api/bureau/policy-proposals`: proposals waiting in the officer's regions.
pub async fn waiting_proposals() -> Result<Vec<PolicyProposal>, ApiError> {
    get("/api/bureau/policy-proposals", Auth::Bearer).await
}

/// `POST /api/policy-proposals/{id}/decision`: confirm, or turn down with a reason.
pub async fn decide_proposal(id: &str, body: &Decision, key: &str) -> Result<PolicyProposal, ApiError> {
    let path = format!("/api/policy-proposals/{}/decision", encode_query_value(id));
    request_idempotent(Method::POST, &path, Some(body), Auth::Bearer, key).await
}

/// `GET /api/bureau/priority-groups?status=`: the region's declarations,
/// of one status or all.
pub async fn bureau_groups(status: Option<DeclarationStatus>) -> Result<Vec<GroupDeclaration>, ApiError> {
    let path = match status {
        Some(status) => format!("/api/bureau/priority-groups?status={}", status.as_str()),
        None => "/api/bureau/priority-groups".to_owned(),
    };
    get(&path, Auth::Bearer).await
}

/// `POST /api/priority-groups/{id}/decision`: verify, or reject with a reason.
pub async fn decide_group(id: &str, body: &Decision) -> Result<GroupDeclaration, ApiError> {
    let path = format!("/api/priority-groups/{}/decision", encode_query_value(id));
    request(Method::POST, &path, Some(body), Auth::Bearer).await
}

/// `GET /api/bureau/claims?...`: one page of the worklist.
pub async fn bureau_claims(query: &ClaimQuery) -> Result<ClaimPage, ApiError> {
    get(&format!("/api/bureau/claims{}", claim_query_string(query, true)), Auth::Bearer).await
}

/// `GET /api/bureau/claims.csv?...`, saved as `claims.csv`.
pub async fn download_csv(query: &ClaimQuery, lang: Lang) -> Result<(), ApiError> {
    let path = export_path("claims.csv", query, lang);
    download(&path, "text/csv", "claims.csv").await
}

/// The export's address: the filters, and `lang=en` when the interface is
/// English (exports are in Chinese otherwise).
fn export_path(file: &str, query: &ClaimQuery, lang: Lang) -> String {
    let filters = claim_query_string(query, false);
    let english = match (lang, filters.is_empty()) {
        (Lang::En, true) => "?lang=en",
        (Lang::En, false) => "&lang=en",
        (Lang::Zh, _) => "",
    };
    format!("/api/bureau/{file}{filters}{english}")
}

/// `GET /api/bureau/claims.xlsx?...`, saved as `claims.xlsx`.
pub async fn download_xlsx(query: &ClaimQuery, lang: Lang) -> Result<(), ApiError> {
    let path = export_path("claims.xlsx", query, lang);
    download(&path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "claims.xlsx").await
}

/// `POST /api/claims/{id}/actions`: one stage action.
pub async fn act(id: &str, body: &ClaimActionRequest, key: &str) -> Result<ClaimDetail, ApiError> {
    request_idempotent(Method::POST, &claim_path(id, "/actions"), Some(body), Auth::Bearer, key).await
}

/// `POST /api/claims/{id}/recovery`: the recovered money came back.
pub async fn record_recovery(id: &str, body: &RecoveryRequest, key: &str) -> Result<ClaimDetail, ApiError> {
    request_idempotent(Method::POST, &claim_path(id, "/recovery"), Some(body), Auth::Bearer, key).await
}

/// `POST /api/claims/bulk`: one action on many claims, a result for each.
pub async fn bulk(body: &BulkActionRequest, key: &str) -> Result<Vec<BulkResult>, ApiError> {
    request_idempotent(Method::POST, "/api/claims/bulk", Some(body), Auth::Bearer, key).await
}

/// `POST /api/objections/{id}/resolution`: dismiss or uphold an objection.
pub async fn resolve_objection(id: &str, body: &ObjectionResolution, key: &str) -> Result<ClaimDetail, ApiError> {
    let path = format!("/api/objections/{}/resolution", encode_query_value(id));
    request_idempotent(Method::POST, &path, Some(body), Auth::Bearer, key).await
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use malanhua_shared::api::subsidies::{ClaimKind, ClaimSort, ClaimStatus};

    use super::*;

    #[test]
    fn worklist_filters_become_a_query_string() {
        let query = ClaimQuery {
            status: Some(ClaimStatus::Submitted),
            claim_kind: Some(ClaimKind::Training),
            kind: Some(CourseKind::Syb),
            from: NaiveDate::from_ymd_opt(2026, 1, 5),
            min_fen: Some(150_000),
            sort: Some(ClaimSort::AmountDesc),
            after: Some("c 1".into()),
            limit: Some(50),
            ..ClaimQuery::default()
        };
        assert_eq!(
            claim_query_string(&query, true),
            "?status=submitted&claim_kind=training&kind=syb&from=2026-01-05&min_fen=150000&sort=amount_desc&after=c%201&limit=50"
        );
        assert_eq!(
            claim_query_string(&query, false),
            "?status=submitted&claim_kind=training&kind=syb&from=2026-01-05&min_fen=150000&sort=amount_desc"
        );
        assert_eq!(claim_query_string(&ClaimQuery::default(), true), "");
    }
}
