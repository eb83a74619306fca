//! The public catalogue and one class page.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::classes::{CatalogueQuery, ClassDetail, ClassPage};
use malanhua_shared::course::{ClassMode, CourseKind};
use malanhua_shared::ids::ClassId;
use malanhua_shared::{FieldCode, RegionCode};

use super::views::*;
use crate::classes::store::{self as q, CatalogueFilter};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;

pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

pub(crate) fn parse_day(field: &str, v: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::field(field, FieldCode::InvalidDate)),
    }
}

/// The public catalogue: approved classes matching the filters, one page.
/// Without a `from` date, classes that are over are left out.
pub async fn catalogue(state: &AppState, query: CatalogueQuery, now: DateTime<Utc>) -> Result<ClassPage, AppError> {
    let region_prefix = match query.region.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(r) => Some(RegionCode::parse(r).map_err(|c| AppError::field("region", c))?.prefix().to_owned()),
    };
    let kind = match query.kind.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(k) => Some(CourseKind::from_name(k).ok_or_else(|| AppError::field("kind", FieldCode::InvalidFormat))?),
    };
    let mode = match query.mode.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(m) => Some(ClassMode::from_name(m).ok_or_else(|| AppError::field("mode", FieldCode::InvalidFormat))?),
    };
    let from = parse_day("from", query.from.as_deref())?;
    let to = parse_day("to", query.to.as_deref())?;
    let text = query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(escape_like);
    if text.as_ref().is_some_and(|t| t.chars().count() > 100) {
        return Err(AppError::field("q", FieldCode::TooLong));
    }
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query.per_page.unwrap_or(20).clamp(1, 100);
    let ends_from = if from.is_none() { Some(malanhua_shared::course::shanghai_date(now)) } else { None };
    let filter = CatalogueFilter {
        region_prefix,
        kind,
        from,
        to,
        ends_from,
        mode,
        has_seats: query.has_seats.unwrap_or(false),
        text,
    };
    state
        .db(move |c| {
            let offset = i64::from(page - 1) * i64::from(per_page);
            let (rows, total) = q::catalogue(c, &filter, offset, i64::from(per_page))?;
            Ok(ClassPage { items: summaries(c, &rows)?, total: u64::try_from(total).unwrap_or(0), page, per_page })
        })
        .await
}

/// The catalogue page as JSON, kept until the next write (see
/// [`crate::core::kept`]).
pub async fn catalogue_json(
    state: &AppState,
    query: CatalogueQuery,
    now: DateTime<Utc>,
) -> Result<bytes::Bytes, AppError> {
    state.catalogue.json(&query.clone(), now, || catalogue(state, query, now)).await
}

/// One class, with the caller's place when signed in.
pub async fn class_detail(state: &AppState, actor: Option<Actor>, id: String) -> Result<ClassDetail, AppError> {
    let id = ClassId::from_raw(id);
    state
        .db(move |c| {
            let row = visible_class(c, actor.as_ref(), &id)?;
            detail(c, &row, actor.as_ref().map(|a| &a.user_id))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }
}
