//! Appointments and the occupancy blocks that keep calendars whole.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::api::mentors::AppointmentStatus;
use malanhua_shared::ids::{AppointmentId, MentorId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{appointments, mentor_blocks, person_blocks};

/// The statuses that hold their time.
pub const LIVE: [AppointmentStatus; 2] = [AppointmentStatus::Pending, AppointmentStatus::Confirmed];

/// One row of `appointments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = appointments)]
pub struct AppointmentRow {
    /// Id.
    pub id: AppointmentId,
    /// Mentor.
    pub mentor_id: MentorId,
    /// Who booked.
    pub trainee_id: UserId,
    /// Start (UTC).
    pub starts_at: NaiveDateTime,
    /// End (UTC).
    pub ends_at: NaiveDateTime,
    /// Status as written.
    pub status: AppointmentStatus,
    /// Topic.
    pub topic: String,
    /// Business.
    pub business: String,
    /// Plan name.
    pub plan_name: Option<String>,
    /// Request deadline (UTC).
    pub expires_at: NaiveDateTime,
    /// Why declined or cancelled.
    pub status_reason: Option<String>,
    /// Who cancelled.
    pub cancelled_by: Option<UserId>,
    /// Calendar SEQUENCE.
    pub sequence: i32,
    /// Marked absent.
    pub no_show: bool,
    /// Confirmed by the person (UTC).
    pub service_confirmed_at: Option<NaiveDateTime>,
    /// Rating.
    pub rating: Option<i32>,
    /// Comment.
    pub rating_comment: Option<String>,
    /// Reminder sent (UTC).
    pub reminded_at: Option<NaiveDateTime>,
    /// Requested (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// Which calendar a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// The mentor's.
    Mentor,
    /// The person's.
    Person,
}

/// Adds an appointment.
pub fn insert_appointment(conn: &mut DbConn, row: &AppointmentRow) -> QueryResult<usize> {
    diesel::insert_into(appointments::table).values(row).execute(conn)
}

/// One appointment.
pub fn find_appointment(conn: &mut DbConn, id: &AppointmentId) -> QueryResult<Option<AppointmentRow>> {
    appointments::table.find(id).select(AppointmentRow::as_select()).first(conn).optional()
}

/// The mentor's appointments that hold time and end after `from`.
pub fn live_of_mentor(conn: &mut DbConn, mentor: &MentorId, from: NaiveDateTime) -> QueryResult<Vec<AppointmentRow>> {
    appointments::table
        .filter(appointments::mentor_id.eq(mentor))
        .filter(appointments::status.eq_any(LIVE))
        .filter(appointments::ends_at.gt(from))
        .order(appointments::starts_at)
        .select(AppointmentRow::as_select())
        .load(conn)
}

/// The person's appointments that hold time and overlap the range.
pub fn live_of_person_overlapping(
    conn: &mut DbConn,
    person: &UserId,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
) -> QueryResult<Vec<AppointmentRow>> {
    appointments::table
        .filter(appointments::trainee_id.eq(person))
        .filter(appointments::status.eq_any(LIVE))
        .filter(appointments::starts_at.lt(ends))
        .filter(appointments::ends_at.gt(starts))
        .select(AppointmentRow::as_select())
        .load(conn)
}

/// How many requests the person has waiting for an answer (not yet expired).
pub fn open_requests(conn: &mut DbConn, person: &UserId, now: NaiveDateTime) -> QueryResult<i64> {
    appointments::table
        .filter(appointments::trainee_id.eq(person))
        .filter(appointments::status.eq(AppointmentStatus::Pending))
        .filter(appointments::expires_at.gt(now))
        .count()
        .get_result(conn)
}

/// The person's appointments, newest start first.
pub fn of_person(conn: &mut DbConn, person: &UserId) -> QueryResult<Vec<AppointmentRow>> {
    appointments::table
        .filter(appointments::trainee_id.eq(person))
        .order((appointments::starts_at.desc(), appointments::id))
        .limit(200)
        .select(AppointmentRow::as_select())
        .load(conn)
}

/// The mentor's appointments, newest start first.
pub fn of_mentor(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<AppointmentRow>> {
    appointments::table
        .filter(appointments::mentor_id.eq(mentor))
        .order((appointments::starts_at.desc(), appointments::id))
        .limit(300)
        .select(AppointmentRow::as_select())
        .load(conn)
}

/// Moves an appointment from one status to another where it still is in
/// `from`; returns rows changed.
pub fn set_status(
    conn: &mut DbConn,
    id: &AppointmentId,
    from: AppointmentStatus,
    to: AppointmentStatus,
    reason: Option<&str>,
    by: Option<&UserId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(appointments::table.find(id).filter(appointments::status.eq(from)))
        .set((
            appointments::status.eq(to),
            appointments::status_reason.eq(reason),
            appointments::cancelled_by.eq(by),
            appointments::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Moves an appointment to a new time, raising its calendar sequence.
pub fn move_to(
    conn: &mut DbConn,
    id: &AppointmentId,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
    expires: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(appointments::table.find(id).filter(appointments::status.eq_any(LIVE)))
        .set((
            appointments::starts_at.eq(starts),
            appointments::ends_at.eq(ends),
            appointments::expires_at.eq(expires),
            appointments::sequence.eq(appointments::sequence + 1),
            appointments::reminded_at.eq(None::<NaiveDateTime>),
            appointments::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Marks the person absent, once.
pub fn mark_no_show(conn: &mut DbConn, id: &AppointmentId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(appointments::table.find(id).filter(appointments::no_show.eq(false)))
        .set((appointments::no_show.eq(true), appointments::updated_at.eq(now)))
        .execute(conn)
}

/// Records the person's confirmation and rating, once.
pub fn rate(
    conn: &mut DbConn,
    id: &AppointmentId,
    rating: i32,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(appointments::table.find(id).filter(appointments::rating.is_null()))
        .set((
            appointments::rating.eq(Some(rating)),
            appointments::rating_comment.eq(comment),
            appointments::service_confirmed_at.eq(Some(now)),
            appointments::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Pending requests whose deadline has passed (of one mentor, or all).
pub fn due_expiries(
    conn: &mut DbConn,
    mentor: Option<&MentorId>,
    now: NaiveDateTime,
) -> QueryResult<Vec<AppointmentRow>> {
    let mut q = appointments::table
        .filter(appointments::status.eq(AppointmentStatus::Pending))
        .filter(appointments::expires_at.le(now))
        .into_boxed();
    if let Some(m) = mentor {
        q = q.filter(appointments::mentor_id.eq(m));
    }
    q.limit(500).select(AppointmentRow::as_select()).load(conn)
}

/// Confirmed appointments starting before `until` (and after `now`) whose reminder is not sent.
pub fn due_reminders(conn: &mut DbConn, now: NaiveDateTime, until: NaiveDateTime) -> QueryResult<Vec<AppointmentRow>> {
    appointments::table
        .filter(appointments::status.eq(AppointmentStatus::Confirmed))
        .filter(appointments::reminded_at.is_null())
        .filter(appointments::starts_at.gt(now))
        .filter(appointments::starts_at.le(until))
        .limit(500)
        .select(AppointmentRow::as_select())
        .load(conn)
}

/// Claims the reminder of an appointment: 1 for the one caller that does.
pub fn claim_reminder(conn: &mut DbConn, id: &AppointmentId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(appointments::table.find(id).filter(appointments::reminded_at.is_null()))
        .set(appointments::reminded_at.eq(Some(now)))
        .execute(conn)
}

/// Occupies the blocks of a calendar for an owner. Any block already held is
/// a primary-key violation.
pub fn occupy(conn: &mut DbConn, calendar: Calendar, key: &str, owner: &str, blocks: &[i64]) -> QueryResult<usize> {
    // One statement per block: batch inserts are not portable across the two backends.
    for b in blocks {
        match calendar {
            Calendar::Mentor => diesel::insert_into(mentor_blocks::table)
                .values((
                    mentor_blocks::mentor_id.eq(key),
                    mentor_blocks::block.eq(*b),
                    mentor_blocks::owner_id.eq(owner),
                ))
                .execute(conn)?,
            Calendar::Person => diesel::insert_into(person_blocks::table)
                .values((
                    person_blocks::user_id.eq(key),
                    person_blocks::block.eq(*b),
                    person_blocks::owner_id.eq(owner),
                ))
                .execute(conn)?,
        };
    }
    Ok(blocks.len())
}

/// Frees every block an owner holds, on both calendars.
pub fn free(conn: &mut DbConn, owner: &str) -> QueryResult<()> {
    diesel::delete(mentor_blocks::table.filter(mentor_blocks::owner_id.eq(owner))).execute(conn)?;
    diesel::delete(person_blocks::table.filter(person_blocks::owner_id.eq(owner))).execute(conn)?;
    Ok(())
}
