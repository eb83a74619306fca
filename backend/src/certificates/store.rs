//! Attendance, check-in codes, assessments, completion and certificates.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::api::certificates::{AttendanceMark, CertificateStatus, CompletionStatus, MarkVia};
use malanhua_shared::course::CourseKind;
use malanhua_shared::ids::{CertificateId, CertificateNumber, ClassId, ClassSessionId, UserId};

use crate::core::db::schema::{
    assessments, attendance, attendance_changes, certificate_serials, certificates, class_completions, class_sessions,
};
use crate::core::db::{DbConn, new_id};

/// One row of `attendance`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance)]
pub struct AttendanceRow {
    /// Id.
    pub id: String,
    /// Session.
    pub session_id: ClassSessionId,
    /// Trainee.
    pub user_id: UserId,
    /// Mark name.
    pub mark: AttendanceMark,
    /// `staff` or `code`.
    pub via: MarkVia,
    /// Who recorded it.
    pub marked_by: UserId,
    /// When (UTC).
    pub marked_at: NaiveDateTime,
}

/// One row of `assessments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = assessments)]
pub struct AssessmentRow {
    /// Id.
    pub id: String,
    /// Class.
    pub class_id: ClassId,
    /// Trainee.
    pub user_id: UserId,
    /// Plan handed in.
    pub plan_submitted: bool,
    /// Score.
    pub score: Option<i32>,
    /// Passed.
    pub passed: bool,
    /// Comment.
    pub comment: Option<String>,
    /// Recorded by.
    pub recorded_by: UserId,
    /// When (UTC).
    pub recorded_at: NaiveDateTime,
}

/// One row of `class_completions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = class_completions)]
pub struct CompletionRow {
    /// Class.
    pub class_id: ClassId,
    /// `submitted`, `approved`, `returned`.
    pub status: CompletionStatus,
    /// Staff who submitted.
    pub submitted_by: UserId,
    /// When (UTC).
    pub submitted_at: NaiveDateTime,
    /// Officer who decided.
    pub decided_by: Option<UserId>,
    /// When (UTC).
    pub decided_at: Option<NaiveDateTime>,
    /// Why it was returned.
    pub reason: Option<String>,
}

/// One row of `certificates`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = certificates)]
pub struct CertificateRow {
    /// Id.
    pub id: CertificateId,
    /// Unique number.
    pub number: CertificateNumber,
    /// Holder.
    pub user_id: UserId,
    /// Class.
    pub class_id: ClassId,
    /// Kind name.
    pub kind: CourseKind,
    /// Holder's name at issue.
    pub holder_name: String,
    /// Class hours.
    pub hours: i32,
    /// Issue date.
    pub issued_on: chrono::NaiveDate,
    /// Issuing bureau's region.
    pub issuing_region: RegionCode,
    /// `valid` / `revoked`.
    pub status: CertificateStatus,
    /// Revoked at (UTC).
    pub revoked_at: Option<NaiveDateTime>,
    /// Why.
    pub revoke_reason: Option<String>,
    /// By whom.
    pub revoked_by: Option<UserId>,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
}

/// Wrong check-in codes the person gave for the session.
pub fn checkin_tries(conn: &mut DbConn, session: &ClassSessionId, user: &UserId) -> QueryResult<i32> {
    use crate::core::db::schema::checkin_failures as f;
    let tries: Option<i32> = f::table.find((session, user)).select(f::tries).first(conn).optional()?;
    Ok(tries.unwrap_or(0))
}

/// Counts one more wrong code (kept even when the request fails, so the
/// caller commits it); returns the count.
pub fn add_checkin_failure(
    conn: &mut DbConn,
    session: &ClassSessionId,
    user: &UserId,
    at: chrono::NaiveDateTime,
) -> QueryResult<i32> {
    use crate::core::db::schema::checkin_failures as f;
    let bump = |conn: &mut DbConn| {
        diesel::update(f::table.find((session, user))).set((f::tries.eq(f::tries + 1), f::last_at.eq(at))).execute(conn)
    };
    if bump(conn)? == 0 {
        let first = diesel::Connection::transaction(conn, |conn| {
            diesel::insert_into(f::table)
                .values((f::session_id.eq(session), f::user_id.eq(user), f::tries.eq(1), f::last_at.eq(at)))
                .execute(conn)
        });
        match first {
            Ok(_) => {}
            Err(e) if crate::core::db::is_unique_violation(&e) => {
                bump(conn)?;
            }
            Err(e) => return Err(e),
        }
    }
    checkin_tries(conn, session, user)
}

/// Sets a session's check-in code.
pub fn set_checkin_code(conn: &mut DbConn, session: &ClassSessionId, code: &str) -> QueryResult<usize> {
    diesel::update(class_sessions::table.find(session)).set(class_sessions::checkin_code.eq(Some(code))).execute(conn)
}

/// One row of `attendance_changes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance_changes)]
pub struct MarkChangeRow {
    /// Id.
    pub id: String,
    /// Session.
    pub session_id: ClassSessionId,
    /// Trainee.
    pub user_id: UserId,
    /// The mark before, if any.
    pub from_mark: Option<AttendanceMark>,
    /// The mark after.
    pub to_mark: AttendanceMark,
    /// `staff` or `code`.
    pub via: MarkVia,
    /// Who changed it.
    pub changed_by: UserId,
    /// When (UTC).
    pub changed_at: NaiveDateTime,
}

/// Records a mark. The same mark again changes nothing (who marked it first
/// and when stay); a new or different mark is written and its change kept
/// in `attendance_changes`.
pub fn set_mark(conn: &mut DbConn, row: &AttendanceRow) -> QueryResult<()> {
    let before: Option<AttendanceMark> = attendance::table
        .filter(attendance::session_id.eq(&row.session_id))
        .filter(attendance::user_id.eq(&row.user_id))
        .select(attendance::mark)
        .first(conn)
        .optional()?;
    if before == Some(row.mark) {
        return Ok(());
    }
    if before.is_some() {
        diesel::update(
            attendance::table
                .filter(attendance::session_id.eq(&row.session_id))
                .filter(attendance::user_id.eq(&row.user_id)),
        )
        .set((
            attendance::mark.eq(&row.mark),
            attendance::via.eq(&row.via),
            attendance::marked_by.eq(&row.marked_by),
            attendance::marked_at.eq(row.marked_at),
        ))
        .execute(conn)?;
    } else {
        diesel::insert_into(attendance::table).values(row).execute(conn)?;
    }
    let change = MarkChangeRow {
        id: new_id(),
        session_id: row.session_id.clone(),
        user_id: row.user_id.clone(),
        from_mark: before,
        to_mark: row.mark,
        via: row.via,
        changed_by: row.marked_by.clone(),
        changed_at: row.marked_at,
    };
    diesel::insert_into(attendance_changes::table).values(&change).execute(conn)?;
    Ok(())
}

/// The changes of marks in a session, oldest first.
pub fn mark_changes(conn: &mut DbConn, session: &ClassSessionId) -> QueryResult<Vec<MarkChangeRow>> {
    attendance_changes::table
        .filter(attendance_changes::session_id.eq(session))
        .order((attendance_changes::changed_at.asc(), attendance_changes::id.asc()))
        .select(MarkChangeRow::as_select())
        .load(conn)
}

/// Marks of the given sessions.
pub fn marks_of(conn: &mut DbConn, sessions: &[ClassSessionId]) -> QueryResult<Vec<AttendanceRow>> {
    attendance::table.filter(attendance::session_id.eq_any(sessions)).select(AttendanceRow::as_select()).load(conn)
}

/// Records or replaces a result.
pub fn upsert_assessment(conn: &mut DbConn, row: &AssessmentRow) -> QueryResult<()> {
    let changed = diesel::update(
        assessments::table
            .filter(assessments::class_id.eq(&row.class_id))
            .filter(assessments::user_id.eq(&row.user_id)),
    )
    .set((
        assessments::plan_submitted.eq(row.plan_submitted),
        assessments::score.eq(row.score),
        assessments::passed.eq(row.passed),
        assessments::comment.eq(&row.comment),
        assessments::recorded_by.eq(&row.recorded_by),
        assessments::recorded_at.eq(row.recorded_at),
    ))
    .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(assessments::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Results of a class.
pub fn assessments_of(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<AssessmentRow>> {
    assessments::table.filter(assessments::class_id.eq(class)).select(AssessmentRow::as_select()).load(conn)
}

/// The class's completion record.
pub fn completion(conn: &mut DbConn, class: &ClassId) -> QueryResult<Option<CompletionRow>> {
    class_completions::table.find(class).select(CompletionRow::as_select()).first(conn).optional()
}

/// Submits (or resubmits after a return) a completion; returns rows changed.
pub fn submit_completion(conn: &mut DbConn, class: &ClassId, by: &UserId, now: NaiveDateTime) -> QueryResult<usize> {
    let resubmitted = diesel::update(
        class_completions::table.find(class).filter(class_completions::status.eq(CompletionStatus::Returned)),
    )
    .set((
        class_completions::status.eq(CompletionStatus::Submitted),
        class_completions::submitted_by.eq(by),
        class_completions::submitted_at.eq(now),
        class_completions::reason.eq(None::<String>),
    ))
    .execute(conn)?;
    if resubmitted == 1 {
        return Ok(1);
    }
    if completion(conn, class)?.is_some() {
        return Ok(0);
    }
    diesel::insert_into(class_completions::table)
        .values(&CompletionRow {
            class_id: class.clone(),
            status: CompletionStatus::Submitted,
            submitted_by: by.clone(),
            submitted_at: now,
            decided_by: None,
            decided_at: None,
            reason: None,
        })
        .execute(conn)
}

/// Decides a submitted completion; returns rows changed (0: not submitted).
pub fn decide_completion(
    conn: &mut DbConn,
    class: &ClassId,
    to: CompletionStatus,
    by: &UserId,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        class_completions::table.find(class).filter(class_completions::status.eq(CompletionStatus::Submitted)),
    )
    .set((
        class_completions::status.eq(to),
        class_completions::decided_by.eq(Some(by)),
        class_completions::decided_at.eq(Some(now)),
        class_completions::reason.eq(reason),
    ))
    .execute(conn)
}

/// Submitted completions of classes in a region (by id list).
pub fn submitted_among(conn: &mut DbConn, classes: &[ClassId]) -> QueryResult<Vec<ClassId>> {
    class_completions::table
        .filter(class_completions::class_id.eq_any(classes))
        .filter(class_completions::status.eq(CompletionStatus::Submitted))
        .select(class_completions::class_id)
        .load(conn)
}

/// The next serial of a series (row-locked by the update).
pub fn next_serial(conn: &mut DbConn, prefix: &str) -> QueryResult<i32> {
    let changed = diesel::update(certificate_serials::table.find(prefix))
        .set(certificate_serials::last_serial.eq(certificate_serials::last_serial + 1))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(certificate_serials::table)
            .values((certificate_serials::prefix.eq(prefix), certificate_serials::last_serial.eq(1)))
            .execute(conn)?;
        return Ok(1);
    }
    certificate_serials::table.find(prefix).select(certificate_serials::last_serial).first(conn)
}

/// Issues a certificate.
pub fn insert_certificate(conn: &mut DbConn, row: &CertificateRow) -> QueryResult<()> {
    diesel::insert_into(certificates::table).values(row).execute(conn).map(|_| ())
}

/// The certificate with this number.
pub fn by_number(conn: &mut DbConn, number: &CertificateNumber) -> QueryResult<Option<CertificateRow>> {
    certificates::table
        .filter(certificates::number.eq(number))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()
}

/// Certificates of a class.
pub fn of_class(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<CertificateRow>> {
    certificates::table.filter(certificates::class_id.eq(class)).select(CertificateRow::as_select()).load(conn)
}

/// Certificates of a person, newest first.
pub fn of_user(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<CertificateRow>> {
    certificates::table
        .filter(certificates::user_id.eq(user))
        .order(certificates::issued_on.desc())
        .select(CertificateRow::as_select())
        .load(conn)
}

/// Revokes a valid certificate; returns rows changed.
pub fn revoke(
    conn: &mut DbConn,
    number: &CertificateNumber,
    by: &UserId,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        certificates::table
            .filter(certificates::number.eq(number))
            .filter(certificates::status.eq(CertificateStatus::Valid)),
    )
    .set((
        certificates::status.eq(CertificateStatus::Revoked),
        certificates::revoked_at.eq(Some(now)),
        certificates::revoke_reason.eq(Some(reason)),
        certificates::revoked_by.eq(Some(by)),
    ))
    .execute(conn)
}

/// A session by id.
pub fn session(conn: &mut DbConn, id: &ClassSessionId) -> QueryResult<Option<crate::classes::store::SessionRow>> {
    class_sessions::table.find(id).select(crate::classes::store::SessionRow::as_select()).first(conn).optional()
}
