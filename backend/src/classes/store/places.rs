//! Enrolments, waitlists, notifications and an institution's staff.

use super::*;

/// The person's active enrolment in the class.
pub fn active_enrolment(conn: &mut DbConn, class: &ClassId, user: &UserId) -> QueryResult<Option<EnrolmentRow>> {
    enrolments::table
        .filter(enrolments::class_id.eq(class))
        .filter(enrolments::user_id.eq(user))
        .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled, EnrolmentStatus::Waitlisted]))
        .select(EnrolmentRow::as_select())
        .first(conn)
        .optional()
}

/// The person's latest enrolment in the class, active or not.
pub fn latest_enrolment(conn: &mut DbConn, class: &ClassId, user: &UserId) -> QueryResult<Option<EnrolmentRow>> {
    enrolments::table
        .filter(enrolments::class_id.eq(class))
        .filter(enrolments::user_id.eq(user))
        .order(enrolments::created_at.desc())
        .select(EnrolmentRow::as_select())
        .first(conn)
        .optional()
}

/// Adds an enrolment.
pub fn insert_enrolment(conn: &mut DbConn, row: &EnrolmentRow) -> QueryResult<()> {
    diesel::insert_into(enrolments::table).values(row).execute(conn).map(|_| ())
}

/// Moves an enrolment from one status to another (clearing or keeping the
/// waitlist sequence); returns rows changed.
pub fn set_enrolment_status(
    conn: &mut DbConn,
    id: &EnrolmentId,
    from: EnrolmentStatus,
    to: EnrolmentStatus,
    waitlist_seq: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(enrolments::table.find(id).filter(enrolments::status.eq(from)))
        .set((enrolments::status.eq(to), enrolments::waitlist_seq.eq(waitlist_seq), enrolments::updated_at.eq(now)))
        .execute(conn)
}

/// Active enrolments of a class: seat holders by time, then the waitlist by order.
pub fn active_enrolments_of(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<EnrolmentRow>> {
    enrolments::table
        .filter(enrolments::class_id.eq(class))
        .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled, EnrolmentStatus::Waitlisted]))
        .order((enrolments::waitlist_seq.asc(), enrolments::created_at.asc(), enrolments::id.asc()))
        .select(EnrolmentRow::as_select())
        .load(conn)
}

/// The first person waiting.
pub fn first_waiting(conn: &mut DbConn, class: &ClassId) -> QueryResult<Option<EnrolmentRow>> {
    enrolments::table
        .filter(enrolments::class_id.eq(class))
        .filter(enrolments::status.eq(EnrolmentStatus::Waitlisted))
        .order(enrolments::waitlist_seq.asc())
        .select(EnrolmentRow::as_select())
        .first(conn)
        .optional()
}

/// Waitlist sequence numbers of a class.
pub fn waiting_seqs(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<i32>> {
    enrolments::table
        .filter(enrolments::class_id.eq(class))
        .filter(enrolments::status.eq(EnrolmentStatus::Waitlisted))
        .select(enrolments::waitlist_seq.assume_not_null())
        .load(conn)
}

/// A person's enrolments with their classes, newest first.
pub fn enrolments_of_user(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<(EnrolmentRow, ClassRow)>> {
    enrolments::table
        .inner_join(classes::table)
        .filter(enrolments::user_id.eq(user))
        .order(enrolments::created_at.desc())
        .select((EnrolmentRow::as_select(), ClassRow::as_select()))
        .load(conn)
}

/// True when the person holds a valid certificate of one of the kinds.
pub fn holds_certificate(conn: &mut DbConn, user: &UserId, kinds: &[CourseKind]) -> QueryResult<bool> {
    let n: i64 = certificates::table
        .filter(certificates::user_id.eq(user))
        .filter(certificates::kind.eq_any(kinds))
        .filter(certificates::status.eq(CertificateStatus::Valid))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Adds notifications.
pub fn notify(conn: &mut DbConn, rows: &[NotificationRow]) -> QueryResult<()> {
    for row in rows {
        diesel::insert_into(notifications::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// A notification with the titles of its class, appointment or group session.
pub type NotificationWithTitles = (NotificationRow, Option<String>, Option<String>, Option<String>);

/// A person's notifications with class titles, newest first (at most 100).
pub fn notifications_of(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<NotificationWithTitles>> {
    use crate::core::db::schema::{appointments, group_sessions};
    notifications::table
        .left_join(classes::table)
        .left_join(appointments::table.on(appointments::id.nullable().eq(notifications::subject_id)))
        .left_join(group_sessions::table.on(group_sessions::id.nullable().eq(notifications::subject_id)))
        .filter(notifications::user_id.eq(user))
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .limit(100)
        .select((
            NotificationRow::as_select(),
            classes::title.nullable(),
            appointments::topic.nullable(),
            group_sessions::topic.nullable(),
        ))
        .load(conn)
}

/// Marks a person's notification read; returns rows changed.
pub fn mark_read(conn: &mut DbConn, user: &UserId, id: &NotificationId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        notifications::table.find(id).filter(notifications::user_id.eq(user)).filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(now)))
    .execute(conn)
}

/// Staff of an institution (to notify them).
pub fn staff_of_institution(conn: &mut DbConn, institution: &InstitutionId) -> QueryResult<Vec<UserId>> {
    use crate::core::db::schema::role_grants;
    role_grants::table
        .filter(role_grants::institution_id.eq(institution))
        .filter(role_grants::role.eq(Role::InstitutionStaff))
        .select(role_grants::user_id)
        .load(conn)
}
