//! Rows of studio policies, studios, their members, evidence, reports and
//! evaluations. Status changes are conditional updates on the expected
//! status; callers check the row count.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::api::studios::{EvaluationOutcome, StudioStatus};
use malanhua_shared::ids::{MentorId, ServiceRecordId, StudioId, StudioPolicyId, StudioReportId, UserId};
use malanhua_shared::money::Fen;

use crate::core::db::DbConn;
use crate::core::db::schema::{
    studio_evaluations, studio_evidence, studio_members, studio_policies, studio_reports, studios,
};

/// One row of `studio_policies`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = studio_policies)]
pub struct PolicyRow {
    /// Version id.
    pub id: StudioPolicyId,
    /// Region.
    pub region_code: RegionCode,
    /// First day.
    pub effective_from: NaiveDate,
    /// Last day.
    pub ends_on: Option<NaiveDate>,
    /// The one-off grant.
    pub grant_fen: Fen,
    /// Members besides the leader.
    pub min_members: i32,
    /// Services in the preceding year.
    pub min_services: i32,
    /// Years.
    pub cycle_years: i32,
    /// Months between reports.
    pub report_months: i32,
    /// Pass mark.
    pub pass_mark: i32,
    /// Days to rectify.
    pub rectification_days: i32,
    /// Years of the ban.
    pub ban_years: i32,
    /// Working days of notice.
    pub notice_days: i32,
    /// Who set it.
    pub updated_by: Option<UserId>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// One row of `studios`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = studios)]
pub struct StudioRow {
    /// Id.
    pub id: StudioId,
    /// The policy applied under.
    pub policy_id: StudioPolicyId,
    /// Region (the leader's library).
    pub region_code: RegionCode,
    /// Leader.
    pub leader_id: MentorId,
    /// Name.
    pub name: String,
    /// Comma-separated expertise names.
    pub specialities: String,
    /// The plan.
    pub plan: String,
    /// Newline-separated document titles.
    pub documents: String,
    /// Where it stands.
    pub status: StudioStatus,
    /// Recognised on.
    pub recognised_on: Option<NaiveDate>,
    /// Last day of the cycle.
    pub cycle_ends_on: Option<NaiveDate>,
    /// Rectification deadline.
    pub rectify_by: Option<NaiveDate>,
    /// Revoked on.
    pub revoked_on: Option<NaiveDate>,
    /// Why.
    pub revoke_reason: Option<String>,
    /// The leader may not apply until.
    pub banned_until: Option<NaiveDate>,
    /// Applied.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

/// One row of `studio_members`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = studio_members)]
pub struct MemberRow {
    /// Studio.
    pub studio_id: StudioId,
    /// Mentor.
    pub mentor_id: MentorId,
    /// The leader.
    pub leader: bool,
}

/// One row of `studio_reports`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = studio_reports)]
pub struct ReportRow {
    /// Id.
    pub id: StudioReportId,
    /// Studio.
    pub studio_id: StudioId,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Activities.
    pub activities: String,
    /// Services.
    pub services: i32,
    /// Spent.
    pub spent_fen: Fen,
    /// By.
    pub submitted_by: UserId,
    /// At.
    pub submitted_at: NaiveDateTime,
}

/// One row of `studio_evaluations`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = studio_evaluations)]
pub struct EvaluationRow {
    /// Id.
    pub id: String,
    /// Studio.
    pub studio_id: StudioId,
    /// Year.
    pub year: i32,
    /// Score.
    pub score: i32,
    /// Outcome.
    pub outcome: EvaluationOutcome,
    /// Comment.
    pub comment: String,
    /// By.
    pub evaluated_by: UserId,
    /// At.
    pub evaluated_at: NaiveDateTime,
}

/// The live statuses: one per leader and policy, and a member belongs to one.
pub const LIVE: [StudioStatus; 3] = [StudioStatus::Applied, StudioStatus::Recognised, StudioStatus::Rectification];

/// Policy versions of these regions.
pub fn policies_for(conn: &mut DbConn, regions: &[RegionCode]) -> QueryResult<Vec<PolicyRow>> {
    studio_policies::table
        .filter(studio_policies::region_code.eq_any(regions))
        .order((studio_policies::region_code, studio_policies::effective_from))
        .select(PolicyRow::as_select())
        .load(conn)
}

/// A version by id.
pub fn policy(conn: &mut DbConn, id: &StudioPolicyId) -> QueryResult<Option<PolicyRow>> {
    studio_policies::table.find(id).select(PolicyRow::as_select()).first(conn).optional()
}

/// Inserts a version, or replaces the region's version of the same date.
pub fn put_policy(conn: &mut DbConn, row: &PolicyRow) -> QueryResult<PolicyRow> {
    let same = studio_policies::table
        .filter(studio_policies::region_code.eq(&row.region_code))
        .filter(studio_policies::effective_from.eq(row.effective_from))
        .select(studio_policies::id)
        .first::<StudioPolicyId>(conn)
        .optional()?;
    let id = match same {
        Some(id) => {
            diesel::update(studio_policies::table.find(&id))
                .set((
                    studio_policies::ends_on.eq(row.ends_on),
                    studio_policies::grant_fen.eq(row.grant_fen),
                    studio_policies::min_members.eq(row.min_members),
                    studio_policies::min_services.eq(row.min_services),
                    studio_policies::cycle_years.eq(row.cycle_years),
                    studio_policies::report_months.eq(row.report_months),
                    studio_policies::pass_mark.eq(row.pass_mark),
                    studio_policies::rectification_days.eq(row.rectification_days),
                    studio_policies::ban_years.eq(row.ban_years),
                    studio_policies::notice_days.eq(row.notice_days),
                    studio_policies::updated_by.eq(&row.updated_by),
                    studio_policies::updated_at.eq(row.updated_at),
                ))
                .execute(conn)?;
            id
        }
        None => {
            diesel::insert_into(studio_policies::table).values(row).execute(conn)?;
            row.id.clone()
        }
    };
    studio_policies::table.find(id).select(PolicyRow::as_select()).first(conn)
}

/// Inserts a studio.
pub fn insert_studio(conn: &mut DbConn, row: &StudioRow) -> QueryResult<()> {
    diesel::insert_into(studios::table).values(row).execute(conn).map(|_| ())
}

/// A studio by id.
pub fn studio(conn: &mut DbConn, id: &StudioId) -> QueryResult<Option<StudioRow>> {
    studios::table.find(id).select(StudioRow::as_select()).first(conn).optional()
}

/// A studio by id, locked for the transaction (a no-op update takes the row lock).
pub fn locked_studio(conn: &mut DbConn, id: &StudioId) -> QueryResult<Option<StudioRow>> {
    let n = diesel::update(studios::table.find(id)).set(studios::updated_at.eq(studios::updated_at)).execute(conn)?;
    if n == 0 { Ok(None) } else { studio(conn, id) }
}

/// Studios of a region prefix with one of `statuses`, by name.
pub fn studios_in(conn: &mut DbConn, prefix: &str, statuses: &[StudioStatus]) -> QueryResult<Vec<StudioRow>> {
    studios::table
        .filter(studios::region_code.like(format!("{prefix}%")))
        .filter(studios::status.eq_any(statuses))
        .order((studios::name, studios::id))
        .limit(1000)
        .select(StudioRow::as_select())
        .load(conn)
}

/// The studios a mentor leads or belongs to, newest first.
pub fn studios_of_mentor(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<StudioRow>> {
    let ids: Vec<StudioId> = studio_members::table
        .filter(studio_members::mentor_id.eq(mentor))
        .select(studio_members::studio_id)
        .load(conn)?;
    studios::table
        .filter(studios::id.eq_any(ids))
        .order(studios::created_at.desc())
        .select(StudioRow::as_select())
        .load(conn)
}

/// Of these mentors, those in a live studio other than `except`.
pub fn in_live_studio(
    conn: &mut DbConn,
    mentors: &[MentorId],
    except: Option<&StudioId>,
) -> QueryResult<Vec<MentorId>> {
    let mut q = studio_members::table
        .inner_join(studios::table)
        .filter(studio_members::mentor_id.eq_any(mentors))
        .filter(studios::status.eq_any(LIVE))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(studios::id.ne(id.clone()));
    }
    q.select(studio_members::mentor_id).load(conn)
}

/// The latest ban of a leader's revoked studios.
pub fn ban_of(conn: &mut DbConn, leader: &MentorId) -> QueryResult<Option<NaiveDate>> {
    let bans: Vec<Option<NaiveDate>> = studios::table
        .filter(studios::leader_id.eq(leader))
        .filter(studios::status.eq(StudioStatus::Revoked))
        .select(studios::banned_until)
        .load(conn)?;
    Ok(bans.into_iter().flatten().max())
}

/// The leader has a live studio under the policy (other than `except`).
pub fn live_under_policy(
    conn: &mut DbConn,
    leader: &MentorId,
    policy: &StudioPolicyId,
    except: Option<&StudioId>,
) -> QueryResult<bool> {
    let ids: Vec<StudioId> = studios::table
        .filter(studios::leader_id.eq(leader))
        .filter(studios::policy_id.eq(policy))
        .filter(studios::status.eq_any(LIVE))
        .select(studios::id)
        .load(conn)?;
    Ok(ids.iter().any(|id| Some(id) != except))
}

/// Members of studios.
pub fn members_of(conn: &mut DbConn, ids: &[StudioId]) -> QueryResult<Vec<MemberRow>> {
    studio_members::table
        .filter(studio_members::studio_id.eq_any(ids))
        .order((studio_members::leader.desc(), studio_members::mentor_id))
        .select(MemberRow::as_select())
        .load(conn)
}

/// Adds a member.
pub fn insert_member(conn: &mut DbConn, row: &MemberRow) -> QueryResult<()> {
    diesel::insert_into(studio_members::table).values(row).execute(conn).map(|_| ())
}

/// Cites a record for a studio (the primary key refuses a second citation).
pub fn cite(conn: &mut DbConn, record: &ServiceRecordId, studio: &StudioId) -> QueryResult<()> {
    diesel::insert_into(studio_evidence::table)
        .values((studio_evidence::record_id.eq(record), studio_evidence::studio_id.eq(studio)))
        .execute(conn)
        .map(|_| ())
}

/// Of these records, those cited by a studio other than `except`.
pub fn cited(
    conn: &mut DbConn,
    records: &[ServiceRecordId],
    except: Option<&StudioId>,
) -> QueryResult<Vec<ServiceRecordId>> {
    let mut q = studio_evidence::table.filter(studio_evidence::record_id.eq_any(records)).into_boxed();
    if let Some(id) = except {
        q = q.filter(studio_evidence::studio_id.ne(id.clone()));
    }
    q.select(studio_evidence::record_id).load(conn)
}

/// Every record cited anywhere, among these.
pub fn evidence_of(conn: &mut DbConn, studio: &StudioId) -> QueryResult<Vec<ServiceRecordId>> {
    studio_evidence::table.filter(studio_evidence::studio_id.eq(studio)).select(studio_evidence::record_id).load(conn)
}

/// Frees a refused application's citations.
pub fn release_evidence(conn: &mut DbConn, studio: &StudioId) -> QueryResult<usize> {
    diesel::delete(studio_evidence::table.filter(studio_evidence::studio_id.eq(studio))).execute(conn)
}

/// What a status change writes besides the status (a `None` field is left
/// as it is).
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = studios)]
pub struct StudioChange<'a> {
    /// Recognised on.
    pub recognised_on: Option<NaiveDate>,
    /// End of the cycle.
    pub cycle_ends_on: Option<NaiveDate>,
    /// Rectification deadline (set, or cleared with `Some(None)`).
    pub rectify_by: Option<Option<NaiveDate>>,
    /// Revoked on.
    pub revoked_on: Option<NaiveDate>,
    /// Why.
    pub revoke_reason: Option<&'a str>,
    /// Ban.
    pub banned_until: Option<NaiveDate>,
}

/// Moves a studio from `from` to `to` and writes `change` with it, in one
/// statement; returns rows changed.
pub fn change_status(
    conn: &mut DbConn,
    id: &StudioId,
    from: StudioStatus,
    to: StudioStatus,
    change: &StudioChange<'_>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = studios::table.find(id).filter(studios::status.eq(from));
    diesel::update(target).set((studios::status.eq(to), studios::updated_at.eq(now), change)).execute(conn)
}

/// Reports of a studio, newest first.
pub fn reports_of(conn: &mut DbConn, id: &StudioId) -> QueryResult<Vec<ReportRow>> {
    studio_reports::table
        .filter(studio_reports::studio_id.eq(id))
        .order(studio_reports::period_start.desc())
        .select(ReportRow::as_select())
        .load(conn)
}

/// Adds a report (the unique index refuses a second one for the period).
pub fn insert_report(conn: &mut DbConn, row: &ReportRow) -> QueryResult<()> {
    diesel::insert_into(studio_reports::table).values(row).execute(conn).map(|_| ())
}

/// Evaluations of a studio, newest first.
pub fn evaluations_of(conn: &mut DbConn, id: &StudioId) -> QueryResult<Vec<EvaluationRow>> {
    studio_evaluations::table
        .filter(studio_evaluations::studio_id.eq(id))
        .order(studio_evaluations::year.desc())
        .select(EvaluationRow::as_select())
        .load(conn)
}

/// Adds an evaluation (one per studio and year).
pub fn insert_evaluation(conn: &mut DbConn, row: &EvaluationRow) -> QueryResult<()> {
    diesel::insert_into(studio_evaluations::table).values(row).execute(conn).map(|_| ())
}

/// The grant claim of a studio: the newest (a rejected one stays as history).
pub fn grant_claim(conn: &mut DbConn, id: &StudioId) -> QueryResult<Option<crate::subsidies::store::ClaimRow>> {
    use crate::core::db::schema::subsidy_claims;
    subsidy_claims::table
        .filter(subsidy_claims::studio_id.eq(id))
        .order(subsidy_claims::created_at.desc())
        .select(crate::subsidies::store::ClaimRow::as_select())
        .first(conn)
        .optional()
}
