//! Deletion requests, what a person holds, and erasing an account.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::{RegionCode, Role, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{
    appointments, certificates, classes, deletion_requests, enrolments, login_failures, mentors, notifications,
    priority_groups, role_grants, role_invitations, signin_locks, sms_codes, sms_outbox, subsidy_claims, users,
};
use crate::privacy::rules::Holdings;

/// One row of `deletion_requests`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = deletion_requests)]
pub struct DeletionRow {
    /// Request id.
    pub id: String,
    /// Whose account.
    pub user_id: UserId,
    /// Home region when asked.
    pub region_code: Option<RegionCode>,
    /// Asked at (UTC).
    pub requested_at: NaiveDateTime,
    /// `pending`, `carried_out` or `refused`.
    pub status: String,
    /// Decided by.
    pub decided_by: Option<UserId>,
    /// Decided at (UTC).
    pub decided_at: Option<NaiveDateTime>,
    /// The bureau's note.
    pub note: Option<String>,
}

/// Records a request.
pub fn insert(c: &mut DbConn, row: &DeletionRow) -> QueryResult<usize> {
    diesel::insert_into(deletion_requests::table).values(row).execute(c)
}

/// One request.
pub fn find(c: &mut DbConn, id: &str) -> QueryResult<Option<DeletionRow>> {
    deletion_requests::table.find(id).select(DeletionRow::as_select()).first(c).optional()
}

/// A person's requests, newest first.
pub fn of_user(c: &mut DbConn, user: &UserId) -> QueryResult<Vec<DeletionRow>> {
    deletion_requests::table
        .filter(deletion_requests::user_id.eq(user))
        .order(deletion_requests::requested_at.desc())
        .select(DeletionRow::as_select())
        .load(c)
}

/// Every pending request, oldest first (the caller keeps those it may decide).
pub fn pending(c: &mut DbConn) -> QueryResult<Vec<DeletionRow>> {
    deletion_requests::table
        .filter(deletion_requests::status.eq("pending"))
        .order(deletion_requests::requested_at.asc())
        .select(DeletionRow::as_select())
        .load(c)
}

/// Settles a pending request; returns rows changed (0 when already settled).
pub fn settle(
    c: &mut DbConn,
    id: &str,
    status: &str,
    by: &UserId,
    at: NaiveDateTime,
    note: &str,
) -> QueryResult<usize> {
    diesel::update(deletion_requests::table.find(id).filter(deletion_requests::status.eq("pending")))
        .set((
            deletion_requests::status.eq(status),
            deletion_requests::decided_by.eq(Some(by)),
            deletion_requests::decided_at.eq(Some(at)),
            deletion_requests::note.eq(Some(note)),
        ))
        .execute(c)
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// What the person holds that may require keeping the record.
pub fn holdings(c: &mut DbConn, user: &UserId, today: NaiveDate, now: NaiveDateTime) -> QueryResult<Holdings> {
    let certificates = certificates::table.filter(certificates::user_id.eq(user)).count().get_result(c)?;
    let claims = subsidy_claims::table.filter(subsidy_claims::user_id.eq(user)).count().get_result(c)?;
    let staff_roles = role_grants::table
        .filter(role_grants::user_id.eq(user))
        .filter(role_grants::role.ne(Role::Trainee))
        .count()
        .get_result(c)?;
    let mentor: i64 = mentors::table.filter(mentors::user_id.eq(user)).count().get_result(c)?;
    let active_enrolments = enrolments::table
        .inner_join(classes::table)
        .filter(enrolments::user_id.eq(user))
        .filter(enrolments::status.eq_any(["enrolled", "waitlisted"]))
        .filter(classes::ends_on.ge(today))
        .count()
        .get_result(c)?;
    let upcoming_appointments = appointments::table
        .filter(appointments::trainee_id.eq(user))
        .filter(appointments::status.eq_any(["pending", "confirmed"]))
        .filter(appointments::ends_at.gt(now))
        .count()
        .get_result(c)?;
    Ok(Holdings {
        certificates: count(certificates),
        claims: count(claims),
        staff_roles: count(staff_roles),
        mentor: mentor > 0,
        active_enrolments: count(active_enrolments),
        upcoming_appointments: count(upcoming_appointments),
    })
}

/// Erases an account's personal data: the mobile gives way to `stand_in`,
/// the password to one nothing matches, the real-name profile, declared
/// groups, notifications, roles, codes and offers go. The row stays, so the
/// audit log and pseudonymous history (past enrolments) keep their place.
pub fn erase(c: &mut DbConn, user: &UserId, mobile: &str, stand_in: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user))
        .set((
            users::mobile.eq(stand_in),
            users::password_hash.eq("!erased"),
            users::real_name.eq(None::<String>),
            users::resident_id.eq(None::<String>),
            users::resident_id_hash.eq(None::<String>),
            users::resident_id_masked.eq(None::<String>),
            users::gender.eq(None::<String>),
            users::birth_date.eq(None::<NaiveDate>),
            users::region_code.eq(None::<String>),
            users::mobile_verified_at.eq(None::<NaiveDateTime>),
            users::updated_at.eq(at),
        ))
        .execute(c)?;
    diesel::delete(priority_groups::table.filter(priority_groups::user_id.eq(user))).execute(c)?;
    diesel::delete(notifications::table.filter(notifications::user_id.eq(user))).execute(c)?;
    diesel::delete(role_grants::table.filter(role_grants::user_id.eq(user))).execute(c)?;
    diesel::delete(login_failures::table.filter(login_failures::mobile.eq(mobile))).execute(c)?;
    diesel::delete(signin_locks::table.filter(signin_locks::mobile.eq(mobile))).execute(c)?;
    diesel::delete(sms_codes::table.filter(sms_codes::mobile.eq(mobile))).execute(c)?;
    diesel::delete(sms_outbox::table.filter(sms_outbox::mobile.eq(mobile))).execute(c)?;
    diesel::delete(role_invitations::table.filter(role_invitations::mobile.eq(mobile))).execute(c)?;
    Ok(())
}

/// Whether a number is taken by an account.
pub fn mobile_taken(c: &mut DbConn, mobile: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.filter(users::mobile.eq(mobile)))).get_result(c)
}

/// The privacy notice version consented to, and when.
pub fn consent_of(c: &mut DbConn, user: &UserId) -> QueryResult<(Option<String>, Option<NaiveDateTime>)> {
    users::table.find(user).select((users::privacy_version, users::privacy_consented_at)).first(c)
}
