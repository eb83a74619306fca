//! Classes: the public catalogue, enrolment, opening requests, the bureau's
//! decisions and the institution's rosters.

use gloo_net::http::Method;
use malanhua_shared::api::classes::{
    CatalogueQuery, ClassDetail, ClassPage, ClassSummary, Decision, EnrolRequest, MyClass, MyEnrolment, NewClass,
    ReasonRequest, Roster,
};
use malanhua_shared::course::ClassStatus;

use super::{ApiError, Auth, download, encode_query_value, get, request};

/// `/api/classes/{id}` plus `rest`, with the id encoded.
fn class_path(id: &str, rest: &str) -> String {
    format!("/api/classes/{}{rest}", encode_query_value(id))
}

/// The query string (`?kind=syb&page=2`, or empty) for the catalogue filters.
pub fn catalogue_query_string(query: &CatalogueQuery) -> String {
    let text = |name: &'static str, value: &Option<String>| {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(|v| (name, v.to_owned()))
    };
    let pairs: Vec<(&str, String)> = [
        text("region", &query.region),
        text("kind", &query.kind),
        text("from", &query.from),
        text("to", &query.to),
        text("mode", &query.mode),
        query.has_seats.filter(|s| *s).map(|_| ("has_seats", "true".to_owned())),
        text("q", &query.q),
        query.page.filter(|p| *p > 1).map(|p| ("page", p.to_string())),
        query.per_page.map(|p| ("per_page", p.to_string())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_query_value(v))).collect();
    format!("?{}", joined.join("&"))
}

/// `GET /api/classes`: approved classes matching the filters. Sends the
/// token when signed in.
pub async fn catalogue(query: &CatalogueQuery) -> Result<ClassPage, ApiError> {
    get(&format!("/api/classes{}", catalogue_query_string(query)), Auth::Bearer).await
}

/// `GET /api/classes/{id}`: with `my_enrolment` when signed in.
pub async fn class(id: &str) -> Result<ClassDetail, ApiError> {
    get(&class_path(id, ""), Auth::Bearer).await
}

/// `POST /api/classes/{id}/enrol`: a seat, or a place on the waitlist.
pub async fn enrol(id: &str, body: &EnrolRequest) -> Result<MyEnrolment, ApiError> {
    request(Method::POST, &class_path(id, "/enrol"), Some(body), Auth::Bearer).await
}

/// `POST /api/classes/{id}/withdraw`
pub async fn withdraw(id: &str) -> Result<MyEnrolment, ApiError> {
    request::<(), _>(Method::POST, &class_path(id, "/withdraw"), None, Auth::Bearer).await
}

/// `GET /api/me/classes`: the trainee's classes.
pub async fn my_classes() -> Result<Vec<MyClass>, ApiError> {
    get("/api/me/classes", Auth::Bearer).await
}

/// `POST /api/classes`: an opening request, pending until decided.
pub async fn create(body: &NewClass) -> Result<ClassDetail, ApiError> {
    request(Method::POST, "/api/classes", Some(body), Auth::Bearer).await
}

/// `GET /api/institution/classes`: every class of the staff's institution.
pub async fn institution_classes() -> Result<Vec<ClassSummary>, ApiError> {
    get("/api/institution/classes", Auth::Bearer).await
}

/// `GET /api/bureau/classes`: the classes of the officer's region, of one
/// status or all.
pub async fn bureau_classes(status: Option<ClassStatus>) -> Result<Vec<ClassSummary>, ApiError> {
    let path = match status {
        Some(status) => format!("/api/bureau/classes?status={}", status.as_str()),
        None => "/api/bureau/classes".to_owned(),
    };
    get(&path, Auth::Bearer).await
}

/// `POST /api/classes/{id}/decision`: approve, or reject with a reason.
pub async fn decide(id: &str, body: &Decision) -> Result<ClassDetail, ApiError> {
    request(Method::POST, &class_path(id, "/decision"), Some(body), Auth::Bearer).await
}

/// `POST /api/classes/{id}/cancel`
pub async fn cancel(id: &str, body: &ReasonRequest) -> Result<ClassDetail, ApiError> {
    request(Method::POST, &class_path(id, "/cancel"), Some(body), Auth::Bearer).await
}

/// `POST /api/classes/{id}/end-early`: ends a class that has begun.
pub async fn end_early(id: &str, body: &ReasonRequest) -> Result<ClassDetail, ApiError> {
    request(Method::POST, &class_path(id, "/end-early"), Some(body), Auth::Bearer).await
}

/// `GET /api/classes/{id}/roster`
pub async fn roster(id: &str) -> Result<Roster, ApiError> {
    get(&class_path(id, "/roster"), Auth::Bearer).await
}

/// `GET /api/classes/{id}/roster.csv`, saved as `roster.csv`.
pub async fn download_roster(id: &str) -> Result<(), ApiError> {
    download(&class_path(id, "/roster.csv"), "text/csv", "roster.csv").await
}
