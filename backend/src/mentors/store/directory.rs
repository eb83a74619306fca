//! What the directory shows of many mentors at once: one query per kind of
//! fact for a whole page of candidates, instead of several per mentor.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::api::mentors::GroupStatus;
use malanhua_shared::ids::MentorId;

use super::{AppointmentRow, GroupRow, LIVE, OverrideRow, WeeklyRow};
use crate::core::db::DbConn;
use crate::core::db::schema::{appointments, group_seats, group_sessions, mentor_day_overrides, mentor_weekly_hours};

/// Ids per `IN (...)`: well under the parameter limits of both databases.
const CHUNK: usize = 500;

fn chunked<T>(ids: &[MentorId], mut load: impl FnMut(&[MentorId]) -> QueryResult<Vec<T>>) -> QueryResult<Vec<T>> {
    let mut out = Vec::new();
    for part in ids.chunks(CHUNK) {
        out.extend(load(part)?);
    }
    Ok(out)
}

/// The ratings of the mentors' appointments and group seats.
pub fn ratings_of_many(conn: &mut DbConn, ids: &[MentorId]) -> QueryResult<Vec<(MentorId, i32)>> {
    let mut out: Vec<(MentorId, i32)> = chunked(ids, |part| {
        appointments::table
            .filter(appointments::mentor_id.eq_any(part))
            .filter(appointments::rating.is_not_null())
            .select((appointments::mentor_id, appointments::rating.assume_not_null()))
            .load(conn)
    })?;
    out.extend(chunked(ids, |part| {
        group_seats::table
            .inner_join(group_sessions::table)
            .filter(group_sessions::mentor_id.eq_any(part))
            .filter(group_seats::rating.is_not_null())
            .select((group_sessions::mentor_id, group_seats::rating.assume_not_null()))
            .load(conn)
    })?);
    Ok(out)
}

/// The mentors' weekly hours and day overrides.
pub fn schedules_of_many(conn: &mut DbConn, ids: &[MentorId]) -> QueryResult<(Vec<WeeklyRow>, Vec<OverrideRow>)> {
    let weekly = chunked(ids, |part| {
        mentor_weekly_hours::table
            .filter(mentor_weekly_hours::mentor_id.eq_any(part))
            .order((mentor_weekly_hours::weekday, mentor_weekly_hours::start_minute))
            .select(WeeklyRow::as_select())
            .load(conn)
    })?;
    let overrides = chunked(ids, |part| {
        mentor_day_overrides::table
            .filter(mentor_day_overrides::mentor_id.eq_any(part))
            .order((mentor_day_overrides::day, mentor_day_overrides::start_minute))
            .select(OverrideRow::as_select())
            .load(conn)
    })?;
    Ok((weekly, overrides))
}

/// The mentors' appointments holding time and open group sessions that end
/// after `from`.
pub fn calendars_of_many(
    conn: &mut DbConn,
    ids: &[MentorId],
    from: NaiveDateTime,
) -> QueryResult<(Vec<AppointmentRow>, Vec<GroupRow>)> {
    let live = chunked(ids, |part| {
        appointments::table
            .filter(appointments::mentor_id.eq_any(part))
            .filter(appointments::status.eq_any(LIVE))
            .filter(appointments::ends_at.gt(from))
            .order(appointments::starts_at)
            .select(AppointmentRow::as_select())
            .load(conn)
    })?;
    let groups = chunked(ids, |part| {
        group_sessions::table
            .filter(group_sessions::mentor_id.eq_any(part))
            .filter(group_sessions::status.eq(GroupStatus::Open))
            .filter(group_sessions::ends_at.gt(from))
            .order(group_sessions::starts_at)
            .select(GroupRow::as_select())
            .load(conn)
    })?;
    Ok((live, groups))
}
