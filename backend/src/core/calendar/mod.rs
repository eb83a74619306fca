//! The working-day calendar: the State Council's yearly arrangement of
//! holidays and worked weekend days (调休), seeded for the years the demo and
//! tests use and kept by the administrator, audited. Every count of working
//! days (public notice, a class's lead time) reads it through [`load`].

pub mod store;

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::calendar::{CalendarDay, CalendarDayInput, WorkCalendar};

use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use store::DayRow;

/// The calendar as the rules count with it.
pub fn load(c: &mut DbConn) -> Result<WorkCalendar, AppError> {
    Ok(WorkCalendar::new(store::all(c)?))
}

fn out(r: DayRow) -> CalendarDay {
    CalendarDay { day: r.day, kind: r.kind, name: r.name }
}

fn parse_day(raw: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| AppError::field("day", malanhua_shared::FieldCode::InvalidDate))
}

/// The arranged days of a year (public).
pub async fn year(state: &AppState, year: Option<i32>, now: DateTime<Utc>) -> Result<Vec<CalendarDay>, AppError> {
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&malanhua_shared::course::shanghai_date(now)));
    if !(2000..=2100).contains(&year) {
        return Err(AppError::field("year", malanhua_shared::FieldCode::OutOfRange));
    }
    state.db(move |c| Ok(store::of_year(c, year)?.into_iter().map(out).collect())).await
}

/// The administrator sets a day: a holiday, or a weekend day worked.
pub async fn set_day(
    state: &AppState,
    actor: Actor,
    day: String,
    req: CalendarDayInput,
    now: DateTime<Utc>,
) -> Result<CalendarDay, AppError> {
    authorize(&actor, Action::EditCalendar, &Resource::System)?;
    let day = parse_day(&day)?;
    let (kind, name) = req.validate(day).map_err(AppError::validation)?;
    state
        .write(move |c| {
            let before = store::find(c, day)?;
            let row = DayRow { day, kind, name, updated_by: Some(actor.user_id.clone()), updated_at: naive(now) };
            store::put(c, &row)?;
            let was = before.map_or("none".to_owned(), |b| format!("{} {}", b.kind.as_str(), b.name));
            let summary = format!("{day}: {was} -> {} {}", row.kind.as_str(), row.name);
            let id = day.to_string();
            let entry = Entry {
                actor: Some(&actor.user_id),
                action: AuditAction::SetCalendarDay,
                entity_type: "working_day",
                entity_id: &id,
                summary,
                reason: None,
            };
            audit::record(c, entry, now)?;
            Ok(out(row))
        })
        .await
}

/// The administrator removes a day: it counts by its weekday again.
pub async fn clear_day(state: &AppState, actor: Actor, day: String, now: DateTime<Utc>) -> Result<(), AppError> {
    authorize(&actor, Action::EditCalendar, &Resource::System)?;
    let day = parse_day(&day)?;
    state
        .write(move |c| {
            let before = store::find(c, day)?.ok_or_else(|| AppError::not_found("arranged day"))?;
            store::clear(c, day)?;
            let id = day.to_string();
            let entry = Entry {
                actor: Some(&actor.user_id),
                action: AuditAction::ClearCalendarDay,
                entity_type: "working_day",
                entity_id: &id,
                summary: format!("{day}: {} {} -> none", before.kind.as_str(), before.name),
                reason: None,
            };
            audit::record(c, entry, now)?;
            Ok(())
        })
        .await
}
