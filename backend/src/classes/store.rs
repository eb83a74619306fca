//! Course policies, trainers, classes with their sessions, enrolments and
//! notifications.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::audit::NotificationKind;
use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use malanhua_shared::ids::{ClassId, ClassSessionId, EnrolmentId, InstitutionId, NotificationId, TrainerId, UserId};
use malanhua_shared::{Fen, RegionCode, Role};

use crate::core::db::DbConn;
use crate::core::db::schema::{
    certificates, class_sessions, class_trainers, classes, course_policies, enrolments, institutions, notifications,
    trainers,
};

/// One row of `course_policies`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = course_policies)]
pub struct PolicyRow {
    /// Row id.
    pub id: String,
    /// The region it is defined for.
    pub region_code: RegionCode,
    /// Course kind.
    pub kind: CourseKind,
    /// Fewest hours.
    pub min_hours: i32,
    /// Largest class.
    pub max_class_size: i32,
    /// Days of notice.
    pub opening_lead_days: i32,
    /// Attendance percent for a certificate.
    pub attendance_threshold_pct: i32,
    /// Needs an earlier certificate.
    pub requires_prior_certificate: bool,
    /// Needs a business licence.
    pub requires_business_licence: bool,
    /// Who set it.
    pub updated_by: Option<UserId>,
    /// When (UTC).
    pub updated_at: NaiveDateTime,
    /// The certificates that count as prior training, comma-separated
    /// storage names (empty: the programme's default for the kind).
    pub prior_kinds: String,
}

/// One row of `trainers`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = trainers)]
pub struct TrainerRow {
    /// Trainer id.
    pub id: TrainerId,
    /// Institution.
    pub institution_id: InstitutionId,
    /// Name.
    pub name: String,
    /// Qualification number.
    pub qualification_no: String,
    /// Added (UTC).
    pub created_at: NaiveDateTime,
}

/// One row of `classes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = classes)]
pub struct ClassRow {
    /// Class id.
    pub id: ClassId,
    /// Institution.
    pub institution_id: InstitutionId,
    /// The institution's region.
    pub region_code: RegionCode,
    /// Kind.
    pub kind: CourseKind,
    /// Title.
    pub title: String,
    /// `offline` / `online`.
    pub mode: ClassMode,
    /// Address.
    pub place: Option<String>,
    /// Seats.
    pub capacity: i32,
    /// Seats taken.
    pub taken: i32,
    /// Last waitlist sequence number handed out.
    pub waitlist_counter: i32,
    /// Enrolment opens (UTC).
    pub enrol_opens_at: NaiveDateTime,
    /// Enrolment closes (UTC).
    pub enrol_closes_at: NaiveDateTime,
    /// First day (Shanghai).
    pub starts_on: NaiveDate,
    /// Last day (Shanghai).
    pub ends_on: NaiveDate,
    /// First session start (UTC).
    pub first_session_at: NaiveDateTime,
    /// Scheduled minutes.
    pub minutes: i32,
    /// Status name.
    pub status: ClassStatus,
    /// Reason of a rejection or cancellation.
    pub status_reason: Option<String>,
    /// Officer who decided.
    pub decided_by: Option<UserId>,
    /// When decided (UTC).
    pub decided_at: Option<NaiveDateTime>,
    /// Staff who filed it.
    pub created_by: UserId,
    /// Filed (UTC).
    pub created_at: NaiveDateTime,
    /// The attendance threshold of the policy in force when the class was
    /// approved (none before approval).
    pub attendance_threshold_pct: Option<i32>,
    /// The cost per trainee, if the institution charges one.
    pub fee_fen: Option<Fen>,
    /// When the class was ended early, if it was.
    pub ended_early_at: Option<NaiveDateTime>,
    /// Why.
    pub ended_early_reason: Option<String>,
    /// Who ended it.
    pub ended_early_by: Option<UserId>,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// One row of `class_sessions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = class_sessions)]
pub struct SessionRow {
    /// Session id.
    pub id: ClassSessionId,
    /// Class.
    pub class_id: ClassId,
    /// 1-based order.
    pub seq: i32,
    /// Start (UTC).
    pub starts_at: NaiveDateTime,
    /// End (UTC).
    pub ends_at: NaiveDateTime,
    /// Topic.
    pub topic: String,
    /// The secret seed of the session's check-in codes (the code shown
    /// changes every five minutes and is derived from it).
    pub checkin_code: Option<String>,
}

/// One row of `enrolments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = enrolments)]
pub struct EnrolmentRow {
    /// Enrolment id.
    pub id: EnrolmentId,
    /// Class.
    pub class_id: ClassId,
    /// Trainee.
    pub user_id: UserId,
    /// Status name.
    pub status: EnrolmentStatus,
    /// Waitlist order while waitlisted.
    pub waitlist_seq: Option<i32>,
    /// Business licence given at enrolment.
    pub business_licence: Option<String>,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// One row of `notifications`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    /// Id.
    pub id: NotificationId,
    /// Recipient.
    pub user_id: UserId,
    /// Kind.
    pub kind: NotificationKind,
    /// Class concerned.
    pub class_id: Option<ClassId>,
    /// Reason given.
    pub reason: Option<String>,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
    /// Read (UTC).
    pub read_at: Option<NaiveDateTime>,
    /// The appointment or group session concerned.
    pub subject_id: Option<String>,
}

/// Policy rows of a kind for any of the regions.
pub fn policies_for(
    conn: &mut DbConn,
    regions: &[RegionCode],
    kind: Option<CourseKind>,
) -> QueryResult<Vec<PolicyRow>> {
    let mut q = course_policies::table.filter(course_policies::region_code.eq_any(regions)).into_boxed();
    if let Some(k) = kind {
        q = q.filter(course_policies::kind.eq(k));
    }
    q.select(PolicyRow::as_select()).load(conn)
}

/// Replaces the region's row for the kind (insert or update).
pub fn upsert_policy(conn: &mut DbConn, row: &PolicyRow) -> QueryResult<()> {
    let changed = diesel::update(
        course_policies::table
            .filter(course_policies::region_code.eq(&row.region_code))
            .filter(course_policies::kind.eq(&row.kind)),
    )
    .set((
        course_policies::min_hours.eq(row.min_hours),
        course_policies::max_class_size.eq(row.max_class_size),
        course_policies::opening_lead_days.eq(row.opening_lead_days),
        course_policies::prior_kinds.eq(&row.prior_kinds),
        course_policies::attendance_threshold_pct.eq(row.attendance_threshold_pct),
        course_policies::requires_prior_certificate.eq(row.requires_prior_certificate),
        course_policies::requires_business_licence.eq(row.requires_business_licence),
        course_policies::updated_by.eq(&row.updated_by),
        course_policies::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(course_policies::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Trainers of an institution, by name.
pub fn trainers_of(conn: &mut DbConn, institution: &InstitutionId) -> QueryResult<Vec<TrainerRow>> {
    trainers::table
        .filter(trainers::institution_id.eq(institution))
        .order(trainers::name.asc())
        .select(TrainerRow::as_select())
        .load(conn)
}

/// Adds a trainer.
pub fn insert_trainer(conn: &mut DbConn, row: &TrainerRow) -> QueryResult<()> {
    diesel::insert_into(trainers::table).values(row).execute(conn).map(|_| ())
}

/// Files a class with its sessions and trainers.
pub fn insert_class(
    conn: &mut DbConn,
    row: &ClassRow,
    sessions: &[SessionRow],
    trainer_ids: &[TrainerId],
) -> QueryResult<()> {
    diesel::insert_into(classes::table).values(row).execute(conn)?;
    // One row at a time: batch inserts do not work across both backends.
    for session in sessions {
        diesel::insert_into(class_sessions::table).values(session).execute(conn)?;
    }
    for trainer in trainer_ids {
        diesel::insert_into(class_trainers::table)
            .values((class_trainers::class_id.eq(&row.id), class_trainers::trainer_id.eq(trainer)))
            .execute(conn)?;
    }
    Ok(())
}

/// The class.
pub fn find_class(conn: &mut DbConn, id: &ClassId) -> QueryResult<Option<ClassRow>> {
    classes::table.find(id).select(ClassRow::as_select()).first(conn).optional()
}

/// Takes the class's row lock for the rest of the transaction (PostgreSQL;
/// SQLite's write transaction already holds the database lock). Returns
/// false when there is no such class.
pub fn lock_class(conn: &mut DbConn, id: &ClassId) -> QueryResult<bool> {
    diesel::update(classes::table.find(id))
        .set(classes::waitlist_counter.eq(classes::waitlist_counter))
        .execute(conn)
        .map(|n| n == 1)
}

/// Records the attendance threshold the class is held to (set at approval).
pub fn set_attendance_threshold(conn: &mut DbConn, id: &ClassId, pct: i32) -> QueryResult<usize> {
    diesel::update(classes::table.find(id)).set(classes::attendance_threshold_pct.eq(Some(pct))).execute(conn)
}

/// Locks the class row (see [`lock_class`]) and reads it; `None` when there is no such class.
pub fn locked_class(conn: &mut DbConn, id: &ClassId) -> QueryResult<Option<ClassRow>> {
    if !lock_class(conn, id)? {
        return Ok(None);
    }
    find_class(conn, id)
}

/// Sets status, reason and decision fields where the status is still `from`; returns rows changed.
pub fn set_class_status(
    conn: &mut DbConn,
    id: &ClassId,
    from: ClassStatus,
    to: ClassStatus,
    reason: Option<&str>,
    decided_by: Option<&UserId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(classes::table.find(id).filter(classes::status.eq(from)))
        .set((
            classes::status.eq(to),
            classes::status_reason.eq(reason),
            classes::decided_by.eq(decided_by),
            classes::decided_at.eq(decided_by.map(|_| now)),
            classes::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Ends a running class early where it was not already; rows changed.
pub fn set_ended_early(
    conn: &mut DbConn,
    id: &ClassId,
    reason: &str,
    by: &UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(classes::table.find(id).filter(classes::ended_early_at.is_null()))
        .set((
            classes::ended_early_at.eq(Some(at)),
            classes::ended_early_reason.eq(Some(reason)),
            classes::ended_early_by.eq(Some(by)),
            classes::updated_at.eq(at),
        ))
        .execute(conn)
}

/// Takes a seat if one is left: the guarded update that makes overselling impossible.
pub fn take_seat(conn: &mut DbConn, id: &ClassId) -> QueryResult<bool> {
    diesel::update(classes::table.find(id).filter(classes::taken.lt(classes::capacity)))
        .set(classes::taken.eq(classes::taken + 1))
        .execute(conn)
        .map(|n| n == 1)
}

/// Frees a seat.
pub fn free_seat(conn: &mut DbConn, id: &ClassId) -> QueryResult<bool> {
    diesel::update(classes::table.find(id).filter(classes::taken.gt(0)))
        .set(classes::taken.eq(classes::taken - 1))
        .execute(conn)
        .map(|n| n == 1)
}

/// Empties the class's seats (on cancellation).
pub fn clear_seats(conn: &mut DbConn, id: &ClassId) -> QueryResult<usize> {
    diesel::update(classes::table.find(id)).set(classes::taken.eq(0)).execute(conn)
}

/// Hands out the next waitlist sequence number.
pub fn next_waitlist_seq(conn: &mut DbConn, id: &ClassId) -> QueryResult<i32> {
    diesel::update(classes::table.find(id))
        .set(classes::waitlist_counter.eq(classes::waitlist_counter + 1))
        .execute(conn)?;
    classes::table.find(id).select(classes::waitlist_counter).first(conn)
}

/// Sessions of a class, in order.
pub fn sessions_of(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<SessionRow>> {
    class_sessions::table
        .filter(class_sessions::class_id.eq(class))
        .order(class_sessions::seq.asc())
        .select(SessionRow::as_select())
        .load(conn)
}

/// Sessions of the classes where the person holds a seat, except `except`.
pub fn seated_sessions_of(conn: &mut DbConn, user: &UserId, except: &ClassId) -> QueryResult<Vec<SessionRow>> {
    class_sessions::table
        .inner_join(enrolments::table.on(enrolments::class_id.eq(class_sessions::class_id)))
        .filter(enrolments::user_id.eq(user))
        .filter(enrolments::status.eq(EnrolmentStatus::Enrolled))
        .filter(enrolments::class_id.ne(except))
        .select(SessionRow::as_select())
        .load(conn)
}

/// Trainers of a class.
pub fn trainers_of_class(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<TrainerRow>> {
    trainers::table
        .inner_join(class_trainers::table)
        .filter(class_trainers::class_id.eq(class))
        .order(trainers::name.asc())
        .select(TrainerRow::as_select())
        .load(conn)
}

/// Institution names by id.
pub fn institution_names(conn: &mut DbConn, ids: &[InstitutionId]) -> QueryResult<Vec<(InstitutionId, String)>> {
    institutions::table.filter(institutions::id.eq_any(ids)).select((institutions::id, institutions::name)).load(conn)
}

/// Waitlisted counts per class.
pub fn waitlisted_counts(conn: &mut DbConn, ids: &[ClassId]) -> QueryResult<Vec<(ClassId, i64)>> {
    enrolments::table
        .filter(enrolments::class_id.eq_any(ids))
        .filter(enrolments::status.eq(EnrolmentStatus::Waitlisted))
        .group_by(enrolments::class_id)
        .select((enrolments::class_id, count_star()))
        .load(conn)
}

/// Catalogue filters, already checked.
#[derive(Debug, Clone, Default)]
pub struct CatalogueFilter {
    /// Region code prefix (`3702`).
    pub region_prefix: Option<String>,
    /// Kind.
    pub kind: Option<CourseKind>,
    /// First day from.
    pub from: Option<NaiveDate>,
    /// First day to.
    pub to: Option<NaiveDate>,
    /// Last day on or after (hides classes that are over).
    pub ends_from: Option<NaiveDate>,
    /// Mode.
    pub mode: Option<ClassMode>,
    /// Only classes with seats left.
    pub has_seats: bool,
    /// Text to find, already escaped for LIKE.
    pub text: Option<String>,
}

macro_rules! catalogue_query {
    ($f:expr) => {{
        let f: &CatalogueFilter = $f;
        // No join: the institution's name is matched through a subquery, so
        // counting and paging read the classes alone.
        let mut q = classes::table.filter(classes::status.eq(ClassStatus::Approved)).into_boxed();
        if let Some(p) = &f.region_prefix {
            let (low, high) = crate::core::db::prefix_range(p);
            q = q.filter(classes::region_code.ge(low)).filter(classes::region_code.lt(high));
        }
        if let Some(k) = &f.kind {
            q = q.filter(classes::kind.eq(*k));
        }
        if let Some(d) = f.from {
            q = q.filter(classes::starts_on.ge(d));
        }
        if let Some(d) = f.to {
            q = q.filter(classes::starts_on.le(d));
        }
        if let Some(d) = f.ends_from {
            q = q.filter(classes::ends_on.ge(d));
        }
        if let Some(m) = &f.mode {
            q = q.filter(classes::mode.eq(*m));
        }
        if f.has_seats {
            q = q.filter(classes::taken.lt(classes::capacity));
        }
        if let Some(t) = &f.text {
            let pattern = format!("%{t}%");
            let named = institutions::table
                .filter(institutions::name.like(pattern.clone()).escape('\\'))
                .select(institutions::id);
            q = q.filter(
                classes::title
                    .like(pattern.clone())
                    .escape('\\')
                    .or(classes::institution_id.eq_any(named))
                    .or(classes::place.like(pattern).escape('\\')),
            );
        }
        q
    }};
}

/// One page of approved classes by first day, and the number of matches.
pub fn catalogue(conn: &mut DbConn, f: &CatalogueFilter, offset: i64, limit: i64) -> QueryResult<(Vec<ClassRow>, i64)> {
    let total: i64 = catalogue_query!(f).count().get_result(conn)?;
    let rows = catalogue_query!(f)
        .order((classes::starts_on.asc(), classes::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(ClassRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Classes of an institution, newest first.
pub fn classes_of_institution(conn: &mut DbConn, institution: &InstitutionId) -> QueryResult<Vec<ClassRow>> {
    classes::table
        .filter(classes::institution_id.eq(institution))
        .order(classes::created_at.desc())
        .select(ClassRow::as_select())
        .load(conn)
}

/// Classes in a region (by code prefix), optionally of one status, by first day.
pub fn classes_in_region(conn: &mut DbConn, prefix: &str, status: Option<ClassStatus>) -> QueryResult<Vec<ClassRow>> {
    let mut q = classes::table.filter(classes::region_code.like(format!("{prefix}%"))).into_boxed();
    if let Some(s) = status {
        q = q.filter(classes::status.eq(s));
    }
    q.order((classes::starts_on.asc(), classes::id.asc())).select(ClassRow::as_select()).load(conn)
}

mod bookings;
mod places;
pub use bookings::*;
pub use places::*;
