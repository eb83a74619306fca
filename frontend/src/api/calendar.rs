//! The working-day calendar (节假日安排): public holidays and the weekend
//! days worked in their place, kept by the administrator.

use chrono::NaiveDate;
use gloo_net::http::Method;
use malanhua_shared::calendar::{CalendarDay, CalendarDayInput};

use super::mentors::Done;
use super::{ApiError, Auth, get, request_idempotent};

/// `GET /api/working-days?year=`: the arranged days of a year. Public.
pub async fn days(year: i32) -> Result<Vec<CalendarDay>, ApiError> {
    get(&format!("/api/working-days?year={year}"), Auth::Anonymous).await
}

/// `PUT /api/working-days/{date}`: sets (or overwrites) one day.
pub async fn set_day(day: NaiveDate, body: &CalendarDayInput, key: &str) -> Result<Done, ApiError> {
    request_idempotent(Method::PUT, &format!("/api/working-days/{day}"), Some(body), Auth::Bearer, key).await
}

/// `DELETE /api/working-days/{date}`: removes one day (204).
pub async fn clear_day(day: NaiveDate, key: &str) -> Result<Done, ApiError> {
    request_idempotent::<(), _>(Method::DELETE, &format!("/api/working-days/{day}"), None, Auth::Bearer, key).await
}
