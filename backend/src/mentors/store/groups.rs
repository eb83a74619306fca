//! Group sessions (集中服务) and their seats with a first-come waitlist.

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;
use malanhua_shared::api::mentors::{GroupStatus, SeatStatus};
use malanhua_shared::ids::{GroupSeatId, GroupSessionId, MentorId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{group_seats, group_sessions};

/// One row of `group_sessions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = group_sessions)]
pub struct GroupRow {
    /// Id.
    pub id: GroupSessionId,
    /// Mentor.
    pub mentor_id: MentorId,
    /// Topic.
    pub topic: String,
    /// Start (UTC).
    pub starts_at: NaiveDateTime,
    /// End (UTC).
    pub ends_at: NaiveDateTime,
    /// Place or link.
    pub place: String,
    /// Seats.
    pub seats: i32,
    /// Seats taken.
    pub taken: i32,
    /// Open or cancelled.
    pub status: GroupStatus,
    /// Why cancelled.
    pub status_reason: Option<String>,
    /// Calendar SEQUENCE.
    pub sequence: i32,
    /// Who published it.
    pub created_by: UserId,
    /// When (UTC).
    pub created_at: NaiveDateTime,
}

/// One row of `group_seats`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = group_seats)]
pub struct SeatRow {
    /// Id.
    pub id: GroupSeatId,
    /// Session.
    pub session_id: GroupSessionId,
    /// Person.
    pub user_id: UserId,
    /// Status.
    pub status: SeatStatus,
    /// Order on the waitlist.
    pub waitlist_seq: Option<i64>,
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
    /// Joined (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// Adds a session.
pub fn insert_group(conn: &mut DbConn, row: &GroupRow) -> QueryResult<usize> {
    diesel::insert_into(group_sessions::table).values(row).execute(conn)
}

/// One session.
pub fn find_group(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<Option<GroupRow>> {
    group_sessions::table.find(id).select(GroupRow::as_select()).first(conn).optional()
}

/// Takes the session's row for the rest of the transaction and reads it.
pub fn locked_group(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<Option<GroupRow>> {
    let n = diesel::update(group_sessions::table.find(id))
        .set(group_sessions::taken.eq(group_sessions::taken))
        .execute(conn)?;
    if n == 0 { Ok(None) } else { find_group(conn, id) }
}

/// The mentor's open sessions ending after `from`.
pub fn open_groups_of(conn: &mut DbConn, mentor: &MentorId, from: NaiveDateTime) -> QueryResult<Vec<GroupRow>> {
    group_sessions::table
        .filter(group_sessions::mentor_id.eq(mentor))
        .filter(group_sessions::status.eq(GroupStatus::Open))
        .filter(group_sessions::ends_at.gt(from))
        .order(group_sessions::starts_at)
        .select(GroupRow::as_select())
        .load(conn)
}

/// All the mentor's sessions, newest first.
pub fn groups_of(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<GroupRow>> {
    group_sessions::table
        .filter(group_sessions::mentor_id.eq(mentor))
        .order(group_sessions::starts_at.desc())
        .limit(200)
        .select(GroupRow::as_select())
        .load(conn)
}

/// Takes a seat if one is free; true when taken.
pub fn take_group_seat(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<bool> {
    let n = diesel::update(group_sessions::table.find(id).filter(group_sessions::taken.lt(group_sessions::seats)))
        .set(group_sessions::taken.eq(group_sessions::taken + 1))
        .execute(conn)?;
    Ok(n == 1)
}

/// Gives a seat back.
pub fn release_group_seat(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<usize> {
    diesel::update(group_sessions::table.find(id).filter(group_sessions::taken.gt(0)))
        .set(group_sessions::taken.eq(group_sessions::taken - 1))
        .execute(conn)
}

/// Calls a session off where it is open.
pub fn cancel_group(conn: &mut DbConn, id: &GroupSessionId, reason: &str) -> QueryResult<usize> {
    diesel::update(group_sessions::table.find(id).filter(group_sessions::status.eq(GroupStatus::Open)))
        .set((
            group_sessions::status.eq(GroupStatus::Cancelled),
            group_sessions::status_reason.eq(Some(reason)),
            group_sessions::sequence.eq(group_sessions::sequence + 1),
        ))
        .execute(conn)
}

/// Adds a seat or a waitlist place.
pub fn insert_seat(conn: &mut DbConn, row: &SeatRow) -> QueryResult<usize> {
    diesel::insert_into(group_seats::table).values(row).execute(conn)
}

/// The next waitlist number of a session.
pub fn next_seq(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<i64> {
    let top: Option<i64> =
        group_seats::table.filter(group_seats::session_id.eq(id)).select(max(group_seats::waitlist_seq)).first(conn)?;
    Ok(top.unwrap_or(0) + 1)
}

/// The person's seat or place in a session, if they hold one.
pub fn active_seat(conn: &mut DbConn, id: &GroupSessionId, user: &UserId) -> QueryResult<Option<SeatRow>> {
    group_seats::table
        .filter(group_seats::session_id.eq(id))
        .filter(group_seats::user_id.eq(user))
        .filter(group_seats::status.eq_any([SeatStatus::Seated, SeatStatus::Waitlisted]))
        .select(SeatRow::as_select())
        .first(conn)
        .optional()
}

/// The person's last place in a session, of any status.
pub fn last_seat(conn: &mut DbConn, id: &GroupSessionId, user: &UserId) -> QueryResult<Option<SeatRow>> {
    group_seats::table
        .filter(group_seats::session_id.eq(id))
        .filter(group_seats::user_id.eq(user))
        .order(group_seats::created_at.desc())
        .select(SeatRow::as_select())
        .first(conn)
        .optional()
}

/// Every seat and place of a session, in order of joining.
pub fn seats_of(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<Vec<SeatRow>> {
    group_seats::table
        .filter(group_seats::session_id.eq(id))
        .order((group_seats::created_at, group_seats::id))
        .select(SeatRow::as_select())
        .load(conn)
}

/// The person's seats and places, newest first.
pub fn seats_of_person(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<SeatRow>> {
    group_seats::table
        .filter(group_seats::user_id.eq(user))
        .order(group_seats::created_at.desc())
        .limit(200)
        .select(SeatRow::as_select())
        .load(conn)
}

/// The first on the waitlist.
pub fn first_waiting(conn: &mut DbConn, id: &GroupSessionId) -> QueryResult<Option<SeatRow>> {
    group_seats::table
        .filter(group_seats::session_id.eq(id))
        .filter(group_seats::status.eq(SeatStatus::Waitlisted))
        .order(group_seats::waitlist_seq)
        .select(SeatRow::as_select())
        .first(conn)
        .optional()
}

/// Moves a seat from one status to another where it still is in `from`.
pub fn set_seat_status(
    conn: &mut DbConn,
    id: &GroupSeatId,
    from: SeatStatus,
    to: SeatStatus,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(group_seats::table.find(id).filter(group_seats::status.eq(from)))
        .set((group_seats::status.eq(to), group_seats::updated_at.eq(now)))
        .execute(conn)
}

/// Cancels every seat and place of a session; returns the people.
pub fn cancel_seats(conn: &mut DbConn, id: &GroupSessionId, now: NaiveDateTime) -> QueryResult<Vec<UserId>> {
    let people = group_seats::table
        .filter(group_seats::session_id.eq(id))
        .filter(group_seats::status.eq_any([SeatStatus::Seated, SeatStatus::Waitlisted]))
        .select(group_seats::user_id)
        .load(conn)?;
    diesel::update(
        group_seats::table
            .filter(group_seats::session_id.eq(id))
            .filter(group_seats::status.eq_any([SeatStatus::Seated, SeatStatus::Waitlisted])),
    )
    .set((group_seats::status.eq(SeatStatus::Cancelled), group_seats::updated_at.eq(now)))
    .execute(conn)?;
    Ok(people)
}

/// Records a seated person's confirmation and rating, once.
pub fn rate_seat(
    conn: &mut DbConn,
    id: &GroupSeatId,
    rating: i32,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(group_seats::table.find(id).filter(group_seats::rating.is_null()))
        .set((
            group_seats::rating.eq(Some(rating)),
            group_seats::rating_comment.eq(comment),
            group_seats::service_confirmed_at.eq(Some(now)),
            group_seats::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Open sessions starting in `(now, until]` with seats whose reminder is not sent.
pub fn due_seat_reminders(
    conn: &mut DbConn,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(SeatRow, GroupRow)>> {
    group_seats::table
        .inner_join(group_sessions::table)
        .filter(group_seats::status.eq(SeatStatus::Seated))
        .filter(group_seats::reminded_at.is_null())
        .filter(group_sessions::status.eq(GroupStatus::Open))
        .filter(group_sessions::starts_at.gt(now))
        .filter(group_sessions::starts_at.le(until))
        .limit(500)
        .select((SeatRow::as_select(), GroupRow::as_select()))
        .load(conn)
}

/// Claims a seat's reminder: 1 for the one caller that does.
pub fn claim_seat_reminder(conn: &mut DbConn, id: &GroupSeatId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(group_seats::table.find(id).filter(group_seats::reminded_at.is_null()))
        .set(group_seats::reminded_at.eq(Some(now)))
        .execute(conn)
}

/// Ratings of the mentor's group seats.
pub fn seat_ratings_of(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<Option<i32>>> {
    group_seats::table
        .inner_join(group_sessions::table)
        .filter(group_sessions::mentor_id.eq(mentor))
        .filter(group_seats::rating.is_not_null())
        .select(group_seats::rating)
        .load(conn)
}

/// The person's places (seats or waitlist) in open sessions overlapping the range.
pub fn places_overlapping(
    conn: &mut DbConn,
    user: &UserId,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
) -> QueryResult<i64> {
    group_seats::table
        .inner_join(group_sessions::table)
        .filter(group_seats::user_id.eq(user))
        .filter(group_seats::status.eq_any([SeatStatus::Seated, SeatStatus::Waitlisted]))
        .filter(group_sessions::status.eq(GroupStatus::Open))
        .filter(group_sessions::starts_at.lt(ends))
        .filter(group_sessions::ends_at.gt(starts))
        .count()
        .get_result(conn)
}

/// One seat.
pub fn find_seat(conn: &mut DbConn, id: &GroupSeatId) -> QueryResult<Option<SeatRow>> {
    group_seats::table.find(id).select(SeatRow::as_select()).first(conn).optional()
}

/// Marks a seated person absent, once; returns rows changed.
pub fn mark_seat_no_show(conn: &mut DbConn, id: &GroupSeatId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        group_seats::table.find(id).filter(group_seats::no_show.eq(false)).filter(group_seats::rating.is_null()),
    )
    .set((group_seats::no_show.eq(true), group_seats::updated_at.eq(now)))
    .execute(conn)
}
