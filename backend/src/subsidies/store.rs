//! Subsidy policies, priority-group declarations, claims, payments and
//! objections. Stage changes are conditional updates on the expected stage;
//! callers check the row count.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::api::subsidies::{
    ClaimKind, ClaimSort, ClaimStatus, DeclarationStatus, ObjectionStatus, Payee, PriorityGroup,
};
use malanhua_shared::course::CourseKind;
use malanhua_shared::ids::{
    CertificateId, ClaimId, ClassId, DeclarationId, FeePolicyId, InstitutionId, MentorId, ObjectionId, PaymentId,
    StudioId, SubsidyPolicyId, UserId,
};
use malanhua_shared::{Fen, RegionCode};

use crate::core::db::DbConn;
use crate::core::db::schema::{
    claim_objections, priority_groups, subsidy_claims, subsidy_payments, subsidy_policies, users,
};

/// One row of `subsidy_policies`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subsidy_policies)]
pub struct PolicyRow {
    /// Version id.
    pub id: SubsidyPolicyId,
    /// Region.
    pub region_code: RegionCode,
    /// Course kind.
    pub kind: CourseKind,
    /// First date.
    pub effective_from: NaiveDate,
    /// Last date.
    pub ends_on: Option<NaiveDate>,
    /// Amount.
    pub amount_fen: Fen,
    /// `institution` or `trainee`.
    pub payee: Payee,
    /// Comma-separated group names.
    pub eligible_groups: String,
    /// Window in months.
    pub claim_window_months: i32,
    /// Notice in working days.
    pub notice_days: i32,
    /// One subsidy a year.
    pub one_per_year: bool,
    /// The covering group must be held in the policy's region.
    pub local_groups: bool,
    /// The amount is a ceiling: the class's cost pays when lower.
    pub amount_is_cap: bool,
    /// Who last changed it.
    pub updated_by: Option<UserId>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// One row of `priority_groups`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = priority_groups)]
pub struct DeclarationRow {
    /// Id.
    pub id: DeclarationId,
    /// Who declared it.
    pub user_id: UserId,
    /// Group name.
    pub group_code: PriorityGroup,
    /// From.
    pub valid_from: NaiveDate,
    /// To.
    pub valid_to: Option<NaiveDate>,
    /// Evidence note.
    pub evidence: String,
    /// `declared`, `verified`, `rejected`.
    pub status: DeclarationStatus,
    /// Rejection reason.
    pub reason: Option<String>,
    /// Deciding officer.
    pub decided_by: Option<UserId>,
    /// When decided.
    pub decided_at: Option<NaiveDateTime>,
    /// When declared.
    pub created_at: NaiveDateTime,
    /// The region that issued the evidence, if given.
    pub issued_in: Option<RegionCode>,
    /// The business's unified social credit code (new small business heads).
    pub business_licence: Option<String>,
    /// The person's home region when declaring: its bureau verifies it.
    pub region_code: Option<RegionCode>,
}

/// One row of `subsidy_claims`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subsidy_claims)]
pub struct ClaimRow {
    /// Id (time-ordered, the worklist's keyset).
    pub id: ClaimId,
    /// What it pays for.
    pub claim_kind: ClaimKind,
    /// Certificate (training).
    pub certificate_id: Option<CertificateId>,
    /// The person: trainee, studio leader or mentor.
    pub user_id: UserId,
    /// Course kind (training).
    pub kind: Option<CourseKind>,
    /// The class's (studio's, mentor's) region.
    pub region_code: RegionCode,
    /// Institution (training).
    pub institution_id: Option<InstitutionId>,
    /// Class (training).
    pub class_id: Option<ClassId>,
    /// Subsidy policy version (training).
    pub policy_id: Option<SubsidyPolicyId>,
    /// The studio (studio grants).
    pub studio_id: Option<StudioId>,
    /// The mentor (service fees).
    pub mentor_id: Option<MentorId>,
    /// The fee policy version (service fees).
    pub fee_policy_id: Option<FeePolicyId>,
    /// The month of the services (service fees), `YYYY-MM`.
    pub period: Option<String>,
    /// What is paid for, in words (studio name; empty for training).
    pub subject: String,
    /// Payee.
    pub payee: Payee,
    /// Amount.
    pub amount_fen: Fen,
    /// Stage.
    pub status: ClaimStatus,
    /// Who filed.
    pub filed_by: Option<UserId>,
    /// When filed.
    pub filed_at: Option<NaiveDateTime>,
    /// Reviewer.
    pub reviewed_by: Option<UserId>,
    /// When reviewed.
    pub reviewed_at: Option<NaiveDateTime>,
    /// Approver.
    pub approved_by: Option<UserId>,
    /// When approved.
    pub approved_at: Option<NaiveDateTime>,
    /// Last day of notice.
    pub notice_ends_on: Option<NaiveDate>,
    /// Last return or rejection reason.
    pub reason: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

impl ClaimRow {
    /// A new claim of `claim_kind` for `user`, with nothing kind-specific set
    /// (no subject either) and no stage done; the caller fills what its kind pays for.
    pub fn new(
        claim_kind: ClaimKind,
        user_id: UserId,
        region_code: RegionCode,
        payee: Payee,
        amount_fen: Fen,
        status: ClaimStatus,
        now: NaiveDateTime,
    ) -> Self {
        Self {
            id: ClaimId::from_raw(crate::core::db::new_id()),
            claim_kind,
            certificate_id: None,
            user_id,
            kind: None,
            region_code,
            institution_id: None,
            class_id: None,
            policy_id: None,
            studio_id: None,
            mentor_id: None,
            fee_policy_id: None,
            period: None,
            subject: String::new(),
            payee,
            amount_fen,
            status,
            filed_by: None,
            filed_at: None,
            reviewed_by: None,
            reviewed_at: None,
            approved_by: None,
            approved_at: None,
            notice_ends_on: None,
            reason: None,
            created_at: now,
            updated_at: now,
        }
    }
}

/// One row of `subsidy_payments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subsidy_payments)]
pub struct PaymentRow {
    /// Id.
    pub id: PaymentId,
    /// The claim (unique).
    pub claim_id: ClaimId,
    /// Bank or treasury reference.
    pub reference: String,
    /// Payment date.
    pub paid_on: NaiveDate,
    /// Amount.
    pub amount_fen: Fen,
    /// Paying officer.
    pub paid_by: UserId,
    /// When recorded.
    pub created_at: NaiveDateTime,
}

/// One row of `claim_objections`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = claim_objections)]
pub struct ObjectionRow {
    /// Id.
    pub id: ObjectionId,
    /// The claim.
    pub claim_id: ClaimId,
    /// What is wrong.
    pub text: String,
    /// How to reach the objector.
    pub contact: String,
    /// When.
    pub filed_at: NaiveDateTime,
    /// `open`, `dismissed`, `upheld`.
    pub status: ObjectionStatus,
    /// The finding.
    pub resolution: Option<String>,
    /// Resolving officer.
    pub resolved_by: Option<UserId>,
    /// When resolved.
    pub resolved_at: Option<NaiveDateTime>,
}

/// Every version for the regions (a region and its ancestors), any kind or one.
pub fn policies_for(
    conn: &mut DbConn,
    regions: &[RegionCode],
    kind: Option<CourseKind>,
) -> QueryResult<Vec<PolicyRow>> {
    let mut q = subsidy_policies::table.filter(subsidy_policies::region_code.eq_any(regions)).into_boxed();
    if let Some(k) = kind {
        q = q.filter(subsidy_policies::kind.eq(k));
    }
    q.order((subsidy_policies::region_code, subsidy_policies::kind, subsidy_policies::effective_from))
        .select(PolicyRow::as_select())
        .load(conn)
}

/// A version by id.
pub fn policy(conn: &mut DbConn, id: &SubsidyPolicyId) -> QueryResult<Option<PolicyRow>> {
    subsidy_policies::table.find(id).select(PolicyRow::as_select()).first(conn).optional()
}

/// The version of a region and kind effective from a date, if one exists.
pub fn policy_at(
    conn: &mut DbConn,
    region: &RegionCode,
    kind: CourseKind,
    from: NaiveDate,
) -> QueryResult<Option<PolicyRow>> {
    subsidy_policies::table
        .filter(subsidy_policies::region_code.eq(region))
        .filter(subsidy_policies::kind.eq(kind))
        .filter(subsidy_policies::effective_from.eq(from))
        .select(PolicyRow::as_select())
        .first(conn)
        .optional()
}

/// Adds a version.
pub fn insert_policy(conn: &mut DbConn, row: &PolicyRow) -> QueryResult<()> {
    diesel::insert_into(subsidy_policies::table).values(row).execute(conn).map(|_| ())
}

/// Replaces the terms of a version (only while no claim uses it).
pub fn replace_policy(conn: &mut DbConn, row: &PolicyRow) -> QueryResult<usize> {
    diesel::update(subsidy_policies::table.find(&row.id))
        .set((
            subsidy_policies::ends_on.eq(row.ends_on),
            subsidy_policies::amount_fen.eq(row.amount_fen),
            subsidy_policies::payee.eq(row.payee),
            subsidy_policies::eligible_groups.eq(&row.eligible_groups),
            subsidy_policies::claim_window_months.eq(row.claim_window_months),
            subsidy_policies::notice_days.eq(row.notice_days),
            subsidy_policies::one_per_year.eq(row.one_per_year),
            subsidy_policies::local_groups.eq(row.local_groups),
            subsidy_policies::amount_is_cap.eq(row.amount_is_cap),
            subsidy_policies::updated_by.eq(&row.updated_by),
            subsidy_policies::updated_at.eq(row.updated_at),
        ))
        .execute(conn)
}

/// Ids among these versions that some claim uses.
pub fn policies_in_use(conn: &mut DbConn, ids: &[SubsidyPolicyId]) -> QueryResult<Vec<SubsidyPolicyId>> {
    let used: Vec<Option<SubsidyPolicyId>> = subsidy_claims::table
        .filter(subsidy_claims::policy_id.eq_any(ids))
        .select(subsidy_claims::policy_id)
        .distinct()
        .load(conn)?;
    Ok(used.into_iter().flatten().collect())
}

/// A person's declarations, newest first.
pub fn declarations_of(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<DeclarationRow>> {
    priority_groups::table
        .filter(priority_groups::user_id.eq(user))
        .order(priority_groups::created_at.desc())
        .select(DeclarationRow::as_select())
        .load(conn)
}

/// A declaration by id.
pub fn declaration(conn: &mut DbConn, id: &DeclarationId) -> QueryResult<Option<DeclarationRow>> {
    priority_groups::table.find(id).select(DeclarationRow::as_select()).first(conn).optional()
}

/// Records a declaration.
pub fn insert_declaration(conn: &mut DbConn, row: &DeclarationRow) -> QueryResult<()> {
    diesel::insert_into(priority_groups::table).values(row).execute(conn).map(|_| ())
}

/// Decides a declaration that is still `declared`; returns rows changed.
pub fn decide_declaration(
    conn: &mut DbConn,
    id: &DeclarationId,
    to: DeclarationStatus,
    by: &UserId,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(priority_groups::table.find(id).filter(priority_groups::status.eq(DeclarationStatus::Declared)))
        .set((
            priority_groups::status.eq(to),
            priority_groups::decided_by.eq(Some(by)),
            priority_groups::decided_at.eq(Some(now)),
            priority_groups::reason.eq(reason),
        ))
        .execute(conn)
}

/// Declarations of people whose home region starts with `prefix`, with a status.
pub fn declarations_in_region(
    conn: &mut DbConn,
    prefix: &str,
    status: Option<DeclarationStatus>,
) -> QueryResult<Vec<DeclarationRow>> {
    let mut q = priority_groups::table.filter(priority_groups::region_code.like(format!("{prefix}%"))).into_boxed();
    if let Some(s) = status {
        q = q.filter(priority_groups::status.eq(s));
    }
    q.order(priority_groups::created_at).select(DeclarationRow::as_select()).load(conn)
}

/// Takes the person's row lock for the rest of the transaction, so their
/// claims are decided one at a time (PostgreSQL; SQLite's write
/// transaction already holds the database lock).
pub fn lock_person(conn: &mut DbConn, user: &UserId) -> QueryResult<bool> {
    diesel::update(users::table.find(user)).set(users::updated_at.eq(users::updated_at)).execute(conn).map(|n| n == 1)
}

/// Takes the claim's row lock for the rest of the transaction; false when
/// there is no such claim.
pub fn lock_claim(conn: &mut DbConn, id: &ClaimId) -> QueryResult<bool> {
    diesel::update(subsidy_claims::table.find(id))
        .set(subsidy_claims::updated_at.eq(subsidy_claims::updated_at))
        .execute(conn)
        .map(|n| n == 1)
}

/// Takes a policy version's row lock for the rest of the transaction.
pub fn lock_policy(conn: &mut DbConn, id: &SubsidyPolicyId) -> QueryResult<bool> {
    diesel::update(subsidy_policies::table.find(id))
        .set(subsidy_policies::updated_at.eq(subsidy_policies::updated_at))
        .execute(conn)
        .map(|n| n == 1)
}

/// Drafts of a certificate (filed by no one yet).
pub fn drafts_of_certificate(conn: &mut DbConn, certificate: &CertificateId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::certificate_id.eq(certificate))
        .filter(subsidy_claims::status.eq(ClaimStatus::Draft))
        .select(ClaimRow::as_select())
        .load(conn)
}

/// Files a claim; the claim keeps its institution's name, the worklist's sort key.
pub fn insert_claim(conn: &mut DbConn, row: &ClaimRow) -> QueryResult<()> {
    use crate::core::db::schema::institutions;
    let name = match &row.institution_id {
        Some(i) => institutions::table.find(i).select(institutions::name).first(conn).optional()?.unwrap_or_default(),
        None => String::new(),
    };
    diesel::insert_into(subsidy_claims::table)
        .values((row, subsidy_claims::institution_name.eq(name)))
        .execute(conn)
        .map(|_| ())
}

/// A claim by id.
pub fn claim(conn: &mut DbConn, id: &ClaimId) -> QueryResult<Option<ClaimRow>> {
    subsidy_claims::table.find(id).select(ClaimRow::as_select()).first(conn).optional()
}

/// The live (non-rejected) claims of a person.
pub fn live_claims_of(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::user_id.eq(user))
        .filter(subsidy_claims::status.ne(ClaimStatus::Rejected))
        .select(ClaimRow::as_select())
        .load(conn)
}

/// Every claim of a person, newest first.
pub fn claims_of(conn: &mut DbConn, user: &UserId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::user_id.eq(user))
        .order(subsidy_claims::id.desc())
        .select(ClaimRow::as_select())
        .load(conn)
}

/// Every claim for certificates of a class.
pub fn claims_of_class(conn: &mut DbConn, class: &ClassId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::class_id.eq(class))
        .order(subsidy_claims::id)
        .select(ClaimRow::as_select())
        .load(conn)
}

/// The stage-specific columns a stage change sets.
#[derive(Debug, Clone, Default)]
pub struct StageChange<'a> {
    /// Filing: who.
    pub filed_by: Option<&'a UserId>,
    /// Review: who.
    pub reviewed_by: Option<&'a UserId>,
    /// Approval: who.
    pub approved_by: Option<&'a UserId>,
    /// Publication: last day of notice.
    pub notice_ends_on: Option<NaiveDate>,
    /// Return or rejection: why.
    pub reason: Option<&'a str>,
    /// Filing: the filing time kept for the window (the first filing's).
    pub filed_at: Option<NaiveDateTime>,
}

/// Moves a claim from `from` to `to`, setting the stage's columns; returns
/// rows changed (0 when the claim was no longer at `from`). Filing clears an
/// earlier review and approval.
pub fn change_stage(
    conn: &mut DbConn,
    id: &ClaimId,
    from: ClaimStatus,
    to: ClaimStatus,
    change: &StageChange<'_>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = subsidy_claims::table.find(id).filter(subsidy_claims::status.eq(from));
    let base = (subsidy_claims::status.eq(to), subsidy_claims::updated_at.eq(now));
    if let Some(by) = change.filed_by {
        return diesel::update(target)
            .set((
                base,
                subsidy_claims::filed_by.eq(Some(by)),
                subsidy_claims::filed_at.eq(Some(change.filed_at.unwrap_or(now))),
                subsidy_claims::reviewed_by.eq(None::<UserId>),
                subsidy_claims::reviewed_at.eq(None::<NaiveDateTime>),
                subsidy_claims::approved_by.eq(None::<UserId>),
                subsidy_claims::approved_at.eq(None::<NaiveDateTime>),
                subsidy_claims::reason.eq(None::<String>),
            ))
            .execute(conn);
    }
    if let Some(by) = change.reviewed_by {
        return diesel::update(target)
            .set((base, subsidy_claims::reviewed_by.eq(Some(by)), subsidy_claims::reviewed_at.eq(Some(now))))
            .execute(conn);
    }
    if let Some(by) = change.approved_by {
        return diesel::update(target)
            .set((base, subsidy_claims::approved_by.eq(Some(by)), subsidy_claims::approved_at.eq(Some(now))))
            .execute(conn);
    }
    if let Some(end) = change.notice_ends_on {
        return diesel::update(target).set((base, subsidy_claims::notice_ends_on.eq(Some(end)))).execute(conn);
    }
    if let Some(reason) = change.reason {
        return diesel::update(target).set((base, subsidy_claims::reason.eq(Some(reason)))).execute(conn);
    }
    diesel::update(target).set(base).execute(conn)
}

/// Records the payment (unique per claim).
pub fn insert_payment(conn: &mut DbConn, row: &PaymentRow) -> QueryResult<()> {
    diesel::insert_into(subsidy_payments::table).values(row).execute(conn).map(|_| ())
}

/// Payments of these claims.
pub fn payments_of(conn: &mut DbConn, claims: &[ClaimId]) -> QueryResult<Vec<PaymentRow>> {
    subsidy_payments::table.filter(subsidy_payments::claim_id.eq_any(claims)).select(PaymentRow::as_select()).load(conn)
}

mod proposals;
mod recovery;
mod worklist;
pub use proposals::*;
pub use recovery::*;
pub use worklist::*;
