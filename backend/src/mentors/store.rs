//! Mentors, their policies and schedules; appointments and occupancy are in
//! `store/bookings.rs`, group sessions in `store/groups.rs`, service records
//! and ratings in `store/records.rs`, feed tokens in `store/feeds.rs`.

mod bookings;
mod directory;
mod facts;
mod feeds;
mod groups;
mod records;

pub use bookings::*;
pub use directory::*;
pub use facts::*;
pub use feeds::*;
pub use groups::*;
pub use records::*;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::api::mentors::{MentorProfileChecked, MentorStatus, ServiceMode};
use malanhua_shared::ids::{MentorId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{mentor_day_overrides, mentor_policies, mentor_weekly_hours, mentors};

/// One row of `mentors`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = mentors)]
pub struct MentorRow {
    /// Id.
    pub id: MentorId,
    /// The person.
    pub user_id: UserId,
    /// The library's region.
    pub region_code: RegionCode,
    /// Status as written.
    pub status: MentorStatus,
    /// Name.
    pub real_name: String,
    /// Title.
    pub title: String,
    /// Employer.
    pub employer: String,
    /// Years.
    pub years_experience: i32,
    /// Expertise storage names, comma-separated.
    pub expertise: String,
    /// Free tags, comma-separated.
    pub tags: String,
    /// Industries, comma-separated.
    pub industries: String,
    /// Mode.
    pub service_mode: ServiceMode,
    /// Languages, comma-separated.
    pub languages: String,
    /// Biography.
    pub bio: String,
    /// Evidence.
    pub evidence: String,
    /// Term start.
    pub term_from: Option<NaiveDate>,
    /// Term end (last day).
    pub term_to: Option<NaiveDate>,
    /// Why (refusal, suspension, removal).
    pub status_reason: Option<String>,
    /// Who decided last.
    pub decided_by: Option<UserId>,
    /// When.
    pub decided_at: Option<NaiveDateTime>,
    /// Appointment length.
    pub slot_minutes: i32,
    /// Buffer before.
    pub buffer_before_minutes: i32,
    /// Buffer after.
    pub buffer_after_minutes: i32,
    /// Notice hours.
    pub min_notice_hours: i32,
    /// Horizon days.
    pub horizon_days: i32,
    /// Per-day limit.
    pub max_per_day: Option<i32>,
    /// Per-week limit.
    pub max_per_week: Option<i32>,
    /// Applied (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

impl MentorRow {
    /// A new application (自主申报) with the default schedule: hour-long
    /// slots, two hours' notice, 30 days ahead, no weekly hours yet.
    pub fn application(
        id: MentorId,
        user: UserId,
        region: RegionCode,
        p: MentorProfileChecked,
        now: NaiveDateTime,
    ) -> Self {
        let mut row = MentorRow {
            id,
            user_id: user,
            region_code: region,
            status: MentorStatus::Applied,
            real_name: String::new(),
            title: String::new(),
            employer: String::new(),
            years_experience: 0,
            expertise: String::new(),
            tags: String::new(),
            industries: String::new(),
            service_mode: p.service_mode,
            languages: String::new(),
            bio: String::new(),
            evidence: String::new(),
            term_from: None,
            term_to: None,
            status_reason: None,
            decided_by: None,
            decided_at: None,
            slot_minutes: 60,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_hours: 2,
            horizon_days: 30,
            max_per_day: None,
            max_per_week: None,
            created_at: now,
            updated_at: now,
        };
        row.set_profile(p);
        row
    }

    /// Writes what the mentor says about themselves into the row (the
    /// region is fixed by the application).
    pub fn set_profile(&mut self, p: MentorProfileChecked) {
        let join = |items: &[String]| items.join(",");
        self.real_name = p.real_name;
        self.title = p.title;
        self.employer = p.employer;
        self.years_experience = i32::try_from(p.years_experience).unwrap_or(0);
        self.expertise = p.expertise.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(",");
        self.tags = join(&p.tags);
        self.industries = join(&p.industries);
        self.service_mode = p.service_mode;
        self.languages = join(&p.languages);
        self.bio = p.bio;
        self.evidence = p.evidence;
    }
}

/// One row of `mentor_policies`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = mentor_policies)]
pub struct PolicyRow {
    /// Id.
    pub id: String,
    /// Region.
    pub region_code: RegionCode,
    /// From.
    pub effective_from: NaiveDate,
    /// Term years.
    pub term_years: i32,
    /// Request expiry hours.
    pub request_expiry_hours: i32,
    /// Cancel cut-off hours.
    pub cancel_cutoff_hours: i32,
    /// Open requests per person.
    pub max_open_requests: i32,
    /// Services a year.
    pub yearly_min_services: i32,
    /// Minutes per service.
    pub min_service_minutes: i32,
    /// Reminder hours.
    pub reminder_hours: i32,
    /// Who set it.
    pub updated_by: Option<UserId>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// One row of `mentor_weekly_hours`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = mentor_weekly_hours)]
pub struct WeeklyRow {
    /// Id.
    pub id: String,
    /// Mentor.
    pub mentor_id: MentorId,
    /// 1 = Monday.
    pub weekday: i32,
    /// From minute.
    pub start_minute: i32,
    /// To minute.
    pub end_minute: i32,
}

/// One row of `mentor_day_overrides`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = mentor_day_overrides)]
pub struct OverrideRow {
    /// Id.
    pub id: String,
    /// Mentor.
    pub mentor_id: MentorId,
    /// Date (Shanghai).
    pub day: NaiveDate,
    /// From minute, none when closed.
    pub start_minute: Option<i32>,
    /// To minute.
    pub end_minute: Option<i32>,
}

/// Adds an application.
pub fn insert_mentor(conn: &mut DbConn, row: &MentorRow) -> QueryResult<usize> {
    diesel::insert_into(mentors::table).values(row).execute(conn)
}

/// Writes a mentor's row back whole.
pub fn save_mentor(conn: &mut DbConn, row: &MentorRow) -> QueryResult<usize> {
    diesel::update(mentors::table.find(&row.id)).set(row).execute(conn)
}

/// One mentor.
pub fn find_mentor(conn: &mut DbConn, id: &MentorId) -> QueryResult<Option<MentorRow>> {
    mentors::table.find(id).select(MentorRow::as_select()).first(conn).optional()
}

/// The mentor record of a person.
pub fn mentor_of(conn: &mut DbConn, user: &UserId) -> QueryResult<Option<MentorRow>> {
    mentors::table.filter(mentors::user_id.eq(user)).select(MentorRow::as_select()).first(conn).optional()
}

/// Takes the mentor's row for the rest of the transaction and reads it, so
/// that everything booked on their calendar is decided one at a time.
pub fn locked_mentor(conn: &mut DbConn, id: &MentorId) -> QueryResult<Option<MentorRow>> {
    let n = diesel::update(mentors::table.find(id)).set(mentors::updated_at.eq(mentors::updated_at)).execute(conn)?;
    if n == 0 { Ok(None) } else { find_mentor(conn, id) }
}

/// Sets a mentor's status where it is still `from`; returns rows changed.
pub fn set_mentor_status(
    conn: &mut DbConn,
    id: &MentorId,
    from: MentorStatus,
    to: MentorStatus,
    reason: Option<&str>,
    by: Option<&UserId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(mentors::table.find(id).filter(mentors::status.eq(from)))
        .set((
            mentors::status.eq(to),
            mentors::status_reason.eq(reason),
            mentors::decided_by.eq(by),
            mentors::decided_at.eq(Some(now)),
            mentors::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Sets a term.
pub fn set_term(conn: &mut DbConn, id: &MentorId, from: NaiveDate, to: NaiveDate) -> QueryResult<usize> {
    diesel::update(mentors::table.find(id))
        .set((mentors::term_from.eq(Some(from)), mentors::term_to.eq(Some(to))))
        .execute(conn)
}

/// Mentors of the regions starting with `prefix`, optionally of one status.
pub fn mentors_under(conn: &mut DbConn, prefix: &str, status: Option<MentorStatus>) -> QueryResult<Vec<MentorRow>> {
    let mut q = mentors::table.filter(mentors::region_code.like(format!("{prefix}%"))).into_boxed();
    if let Some(s) = status {
        q = q.filter(mentors::status.eq(s));
    }
    q.order((mentors::created_at.asc(), mentors::id.asc())).select(MentorRow::as_select()).load(conn)
}

/// Active mentors whose term ended before `today` (for the job).
pub fn past_term(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<MentorRow>> {
    mentors::table
        .filter(mentors::status.eq(MentorStatus::Active))
        .filter(mentors::term_to.lt(today))
        .select(MentorRow::as_select())
        .load(conn)
}

/// Policy rows of any of the regions, effective by `on`, newest first.
pub fn policies_for(conn: &mut DbConn, regions: &[RegionCode], on: NaiveDate) -> QueryResult<Vec<PolicyRow>> {
    mentor_policies::table
        .filter(mentor_policies::region_code.eq_any(regions))
        .filter(mentor_policies::effective_from.le(on))
        .order(mentor_policies::effective_from.desc())
        .select(PolicyRow::as_select())
        .load(conn)
}

/// Adds or replaces the region's policy effective on the row's date.
pub fn put_policy(conn: &mut DbConn, row: &PolicyRow) -> QueryResult<usize> {
    diesel::delete(
        mentor_policies::table
            .filter(mentor_policies::region_code.eq(&row.region_code))
            .filter(mentor_policies::effective_from.eq(row.effective_from)),
    )
    .execute(conn)?;
    diesel::insert_into(mentor_policies::table).values(row).execute(conn)
}

/// The mentor's weekly hours and date overrides.
pub fn schedule_rows(conn: &mut DbConn, id: &MentorId) -> QueryResult<(Vec<WeeklyRow>, Vec<OverrideRow>)> {
    let weekly = mentor_weekly_hours::table
        .filter(mentor_weekly_hours::mentor_id.eq(id))
        .order((mentor_weekly_hours::weekday, mentor_weekly_hours::start_minute))
        .select(WeeklyRow::as_select())
        .load(conn)?;
    let overrides = mentor_day_overrides::table
        .filter(mentor_day_overrides::mentor_id.eq(id))
        .order((mentor_day_overrides::day, mentor_day_overrides::start_minute))
        .select(OverrideRow::as_select())
        .load(conn)?;
    Ok((weekly, overrides))
}

/// Replaces the mentor's weekly hours and overrides.
pub fn replace_schedule(
    conn: &mut DbConn,
    id: &MentorId,
    weekly: &[WeeklyRow],
    overrides: &[OverrideRow],
) -> QueryResult<()> {
    diesel::delete(mentor_weekly_hours::table.filter(mentor_weekly_hours::mentor_id.eq(id))).execute(conn)?;
    diesel::delete(mentor_day_overrides::table.filter(mentor_day_overrides::mentor_id.eq(id))).execute(conn)?;
    for row in weekly {
        diesel::insert_into(mentor_weekly_hours::table).values(row).execute(conn)?;
    }
    for row in overrides {
        diesel::insert_into(mentor_day_overrides::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// The names of many mentors.
pub fn mentor_names(conn: &mut DbConn, ids: &[MentorId]) -> QueryResult<Vec<(MentorId, String)>> {
    mentors::table.filter(mentors::id.eq_any(ids)).select((mentors::id, mentors::real_name)).load(conn)
}

/// The accounts of many mentors.
pub fn mentor_users(conn: &mut DbConn, ids: &[MentorId]) -> QueryResult<Vec<UserId>> {
    mentors::table.filter(mentors::id.eq_any(ids)).select(mentors::user_id).load(conn)
}
