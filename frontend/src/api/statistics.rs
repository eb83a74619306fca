//! The bureau's statistics and their downloads.

use malanhua_shared::api::journey::Journey;
use malanhua_shared::api::outreach::{NudgeInput, OutreachPage, OutreachReason, OutreachRow};
use malanhua_shared::api::statistics::{Statistics, StatisticsQuery};

use gloo_net::http::Method;

use super::{ApiError, Auth, download, get, request};

/// The query string of `q` (without the `?`): its fields that are given.
pub fn query_string(q: &StatisticsQuery) -> String {
    let pairs = [("region", &q.region), ("from", &q.from), ("to", &q.to), ("by", &q.by), ("kind", &q.kind)];
    pairs
        .iter()
        .filter_map(|(k, v)| {
            v.as_ref().filter(|v| !v.is_empty()).map(|v| format!("{k}={}", super::encode_query_value(v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `GET /api/bureau/statistics`
pub async fn statistics(q: &StatisticsQuery) -> Result<Statistics, ApiError> {
    get(&format!("/api/bureau/statistics?{}", query_string(q)), Auth::Bearer).await
}

/// Saves `/api/bureau/statistics.xlsx` (or `.csv`) for the same query.
pub async fn save(q: &StatisticsQuery, xlsx: bool, lang: &str) -> Result<(), ApiError> {
    let (ext, accept) = if xlsx {
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    } else {
        ("csv", "text/csv")
    };
    let path = format!("/api/bureau/statistics.{ext}?lang={lang}&{}", query_string(q));
    download(&path, accept, &format!("statistics.{ext}")).await
}

/// What the outreach page asks for: a reason, the wait of declarations and
/// the page to start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutreachQuery {
    /// The reason listed.
    pub reason: OutreachReason,
    /// Declarations waiting at least this many days (text as typed).
    pub waiting_days: String,
    /// The `next` of the previous page.
    pub after: Option<String>,
}

/// `GET /api/bureau/outreach`
pub async fn outreach(q: OutreachQuery) -> Result<OutreachPage, ApiError> {
    let mut path = format!("/api/bureau/outreach?reason={}", q.reason.as_str());
    if q.reason == OutreachReason::DeclarationWaiting && !q.waiting_days.trim().is_empty() {
        path.push_str(&format!("&waiting_days={}", super::encode_query_value(q.waiting_days.trim())));
    }
    if let Some(after) = &q.after {
        path.push_str(&format!("&after={}", super::encode_query_value(after)));
    }
    get(&path, Auth::Bearer).await
}

/// `GET /api/me/journey`
pub async fn journey() -> Result<Journey, ApiError> {
    get("/api/me/journey", Auth::Bearer).await
}

/// `POST /api/bureau/outreach/nudges`
pub async fn nudge(body: &NudgeInput) -> Result<OutreachRow, ApiError> {
    request(Method::POST, "/api/bureau/outreach/nudges", Some(body), Auth::Bearer).await
}
