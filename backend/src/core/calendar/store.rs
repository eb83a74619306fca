//! Rows of `working_days`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::calendar::DayKind;
use malanhua_shared::ids::UserId;

use crate::core::db::DbConn;
use crate::core::db::schema::working_days;

/// One arranged day.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = working_days)]
pub struct DayRow {
    /// The date.
    pub day: NaiveDate,
    /// Holiday or worked weekend day.
    pub kind: DayKind,
    /// What it is.
    pub name: String,
    /// Who set it (none for the seeded arrangement).
    pub updated_by: Option<UserId>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// Every arranged day (a few dozen a year).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<(NaiveDate, DayKind)>> {
    working_days::table.select((working_days::day, working_days::kind)).load(conn)
}

/// The arranged days of a year, in date order.
pub fn of_year(conn: &mut DbConn, year: i32) -> QueryResult<Vec<DayRow>> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    working_days::table
        .filter(working_days::day.between(from, to))
        .order(working_days::day)
        .select(DayRow::as_select())
        .load(conn)
}

/// The day's row, if it is arranged.
pub fn find(conn: &mut DbConn, day: NaiveDate) -> QueryResult<Option<DayRow>> {
    working_days::table.find(day).select(DayRow::as_select()).first(conn).optional()
}

/// Inserts or replaces a day.
pub fn put(conn: &mut DbConn, row: &DayRow) -> QueryResult<()> {
    let changed = diesel::update(working_days::table.find(row.day)).set(row).execute(conn)?;
    if changed == 0 {
        diesel::insert_into(working_days::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Removes a day; returns rows removed.
pub fn clear(conn: &mut DbConn, day: NaiveDate) -> QueryResult<usize> {
    diesel::delete(working_days::table.find(day)).execute(conn)
}
