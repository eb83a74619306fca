//! Service records (服务记录), ratings and the yearly count of services.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::ids::{AppointmentId, GroupSessionId, MentorId, ServiceRecordId};

use crate::core::db::DbConn;
use crate::core::db::schema::{appointments, service_records};

/// One row of `service_records`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_records)]
pub struct RecordRow {
    /// Id.
    pub id: ServiceRecordId,
    /// Mentor.
    pub mentor_id: MentorId,
    /// The appointment, or
    pub appointment_id: Option<AppointmentId>,
    /// the group session.
    pub group_session_id: Option<GroupSessionId>,
    /// Discussed.
    pub discussed: String,
    /// Advice.
    pub advice: String,
    /// Follow-up.
    pub follow_up: String,
    /// Minutes.
    pub minutes: i32,
    /// Written (UTC).
    pub recorded_at: NaiveDateTime,
    /// Held in person.
    pub offline: bool,
    /// The officer who confirmed a group session took place.
    pub bureau_confirmed_by: Option<malanhua_shared::ids::UserId>,
    /// When.
    pub bureau_confirmed_at: Option<NaiveDateTime>,
}

/// Adds a service record.
pub fn insert_record(conn: &mut DbConn, row: &RecordRow) -> QueryResult<usize> {
    diesel::insert_into(service_records::table).values(row).execute(conn)
}

/// The record of an appointment.
pub fn record_of_appointment(conn: &mut DbConn, id: &AppointmentId) -> QueryResult<Option<RecordRow>> {
    service_records::table
        .filter(service_records::appointment_id.eq(id))
        .select(RecordRow::as_select())
        .first(conn)
        .optional()
}

/// The records of many appointments.
pub fn records_of_appointments(conn: &mut DbConn, ids: &[AppointmentId]) -> QueryResult<Vec<RecordRow>> {
    service_records::table.filter(service_records::appointment_id.eq_any(ids)).select(RecordRow::as_select()).load(conn)
}

/// The record of a group session.
pub fn record_of_group(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<Option<RecordRow>> {
    service_records::table
        .filter(service_records::group_session_id.eq(id))
        .select(RecordRow::as_select())
        .first(conn)
        .optional()
}

/// The minutes of the mentor's records written in `[from, to)`.
pub fn record_minutes(
    conn: &mut DbConn,
    mentor: &MentorId,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<i32>> {
    service_records::table
        .filter(service_records::mentor_id.eq(mentor))
        .filter(service_records::recorded_at.ge(from))
        .filter(service_records::recorded_at.lt(to))
        .select(service_records::minutes)
        .load(conn)
}

/// A rating, its comment and when it was given.
pub type Rating = (Option<i32>, Option<String>, Option<NaiveDateTime>);

/// Ratings of the mentor's appointments, with comments and times, newest first.
pub fn ratings_of(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<Rating>> {
    appointments::table
        .filter(appointments::mentor_id.eq(mentor))
        .filter(appointments::rating.is_not_null())
        .order(appointments::service_confirmed_at.desc())
        .select((appointments::rating, appointments::rating_comment, appointments::service_confirmed_at))
        .load(conn)
}

/// The mentor's services recorded in `[from, to)`: minutes, and whether the
/// person served confirmed it (for a group session, any attendee).
pub fn year_services(
    conn: &mut DbConn,
    mentor: &MentorId,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(i32, bool)>> {
    use crate::core::db::schema::group_seats;
    let rows: Vec<RecordRow> = service_records::table
        .filter(service_records::mentor_id.eq(mentor))
        .filter(service_records::recorded_at.ge(from))
        .filter(service_records::recorded_at.lt(to))
        .select(RecordRow::as_select())
        .load(conn)?;
    let appointment_ids: Vec<AppointmentId> = rows.iter().filter_map(|r| r.appointment_id.clone()).collect();
    let group_ids: Vec<GroupSessionId> = rows.iter().filter_map(|r| r.group_session_id.clone()).collect();
    let confirmed_appointments: Vec<AppointmentId> = appointments::table
        .filter(appointments::id.eq_any(&appointment_ids))
        .filter(appointments::service_confirmed_at.is_not_null())
        .select(appointments::id)
        .load(conn)?;
    let confirmed_groups: Vec<GroupSessionId> = group_seats::table
        .filter(group_seats::session_id.eq_any(&group_ids))
        .filter(group_seats::service_confirmed_at.is_not_null())
        .select(group_seats::session_id)
        .load(conn)?;
    Ok(rows
        .iter()
        .map(|r| {
            let confirmed = r.appointment_id.as_ref().is_some_and(|a| confirmed_appointments.contains(a))
                || r.group_session_id.as_ref().is_some_and(|g| confirmed_groups.contains(g));
            (r.minutes, confirmed)
        })
        .collect())
}
