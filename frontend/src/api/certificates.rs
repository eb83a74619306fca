//! Attendance, check-in, final results, completion and certificates.

use gloo_net::http::Method;
use malanhua_shared::api::certificates::Assessment;
use malanhua_shared::api::certificates::{
    AttendanceSheet, Certificate, CheckinCode, CheckinRequest, CompletionReview, MarksRequest, ResultsRequest,
    SheetLine, Verification,
};
use malanhua_shared::api::classes::{ClassSummary, Decision, ReasonRequest};
use malanhua_shared::api::outcomes::{OutcomeInput, OutcomeRecord};

use super::{ApiError, Auth, encode_query_value, get, request, request_idempotent};

fn session_path(id: &str, rest: &str) -> String {
    format!("/api/sessions/{}{rest}", encode_query_value(id))
}

fn class_path(id: &str, rest: &str) -> String {
    format!("/api/classes/{}{rest}", encode_query_value(id))
}

fn certificate_path(number: &str, rest: &str) -> String {
    format!("/api/certificates/{}{rest}", encode_query_value(number))
}

/// The address of a certificate's QR code image (public).
pub fn qr_src(number: &str) -> String {
    format!("/api/verify/{}/qr.svg", encode_query_value(number))
}

/// `GET /api/sessions/{id}/attendance`
pub async fn sheet(id: &str) -> Result<AttendanceSheet, ApiError> {
    get(&session_path(id, "/attendance"), Auth::Bearer).await
}

/// `PUT /api/sessions/{id}/attendance`
pub async fn save_marks(id: &str, body: &MarksRequest) -> Result<AttendanceSheet, ApiError> {
    request(Method::PUT, &session_path(id, "/attendance"), Some(body), Auth::Bearer).await
}

/// `POST /api/sessions/{id}/checkin-code`: a code to show in the room.
pub async fn issue_code(id: &str) -> Result<CheckinCode, ApiError> {
    request::<(), _>(Method::POST, &session_path(id, "/checkin-code"), None, Auth::Bearer).await
}

/// `GET /api/sessions/{id}/checkin-code`: the code to show now.
pub async fn shown_code(id: &str) -> Result<CheckinCode, ApiError> {
    get(&session_path(id, "/checkin-code"), Auth::Bearer).await
}

/// `POST /api/sessions/{id}/checkin`: the trainee checks in with the code.
pub async fn checkin(id: &str, body: &CheckinRequest) -> Result<SheetLine, ApiError> {
    request(Method::POST, &session_path(id, "/checkin"), Some(body), Auth::Bearer).await
}

/// `PUT /api/classes/{id}/assessments`
pub async fn save_results(id: &str, body: &ResultsRequest) -> Result<Vec<Assessment>, ApiError> {
    request(Method::PUT, &class_path(id, "/assessments"), Some(body), Auth::Bearer).await
}

/// `GET /api/classes/{id}/completion`
pub async fn completion(id: &str) -> Result<CompletionReview, ApiError> {
    get(&class_path(id, "/completion"), Auth::Bearer).await
}

/// `POST /api/classes/{id}/completion`: hand the class in for review.
pub async fn submit_completion(id: &str) -> Result<CompletionReview, ApiError> {
    request::<(), _>(Method::POST, &class_path(id, "/completion"), None, Auth::Bearer).await
}

/// `GET /api/bureau/completions`: classes waiting for a decision.
pub async fn bureau_completions() -> Result<Vec<ClassSummary>, ApiError> {
    get("/api/bureau/completions", Auth::Bearer).await
}

/// `POST /api/classes/{id}/completion/decision`
pub async fn decide_completion(id: &str, body: &Decision) -> Result<CompletionReview, ApiError> {
    request(Method::POST, &class_path(id, "/completion/decision"), Some(body), Auth::Bearer).await
}

/// `GET /api/me/certificates`
pub async fn my_certificates() -> Result<Vec<Certificate>, ApiError> {
    get("/api/me/certificates", Auth::Bearer).await
}

/// `GET /api/certificates/{number}`
pub async fn certificate(number: &str) -> Result<Certificate, ApiError> {
    get(&certificate_path(number, ""), Auth::Bearer).await
}

/// `POST /api/certificates/{number}/revoke`
pub async fn revoke(number: &str, body: &ReasonRequest) -> Result<Certificate, ApiError> {
    request(Method::POST, &certificate_path(number, "/revoke"), Some(body), Auth::Bearer).await
}

/// `GET /api/verify/{number}`: public, without the token.
pub async fn verify(number: &str) -> Result<Verification, ApiError> {
    get(&format!("/api/verify/{}", encode_query_value(number)), Auth::Anonymous).await
}

/// `GET /api/certificates/{number}/outcome`: what happened after the course, with its follow-ups.
pub async fn outcome(number: &str) -> Result<OutcomeRecord, ApiError> {
    get(&certificate_path(number, "/outcome"), Auth::Bearer).await
}

/// `PUT /api/certificates/{number}/outcome`, once per intent.
pub async fn record_outcome(number: &str, body: &OutcomeInput, key: &str) -> Result<super::mentors::Done, ApiError> {
    request_idempotent(Method::PUT, &certificate_path(number, "/outcome"), Some(body), Auth::Bearer, key).await
}
