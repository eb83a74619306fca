//! The bureau's statistics and their downloads.

use malanhua_shared::api::statistics::{Statistics, StatisticsQuery};

use super::{ApiError, Auth, download, get};

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
