//! The queries of 政策找人: the candidates of each reason in a region, in
//! page order, and the notification guard (one row per person).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{exists, max, min, not};
use diesel::prelude::*;
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::outreach::OutreachReason;
use malanhua_shared::api::subsidies::{ClaimStatus, DeclarationStatus, PriorityGroup};
use malanhua_shared::course::{CourseKind, EnrolmentStatus};
use malanhua_shared::ids::{CertificateNumber, DeclarationId, UserId};
use malanhua_shared::{Mobile, RegionCode};

use crate::certificates::store::CertificateRow;
use crate::core::db::schema::{
    certificates, classes, enrolments, outreach_nudges, priority_groups, subsidy_claims, subsidy_policies, users,
};
use crate::core::db::{DbConn, prefix_range};

/// The shortest and the longest claim window of any policy, in months.
pub fn window_bounds(c: &mut DbConn) -> QueryResult<Option<(u32, u32)>> {
    let (lo, hi): (Option<i32>, Option<i32>) = subsidy_policies::table
        .select((min(subsidy_policies::claim_window_months), max(subsidy_policies::claim_window_months)))
        .first(c)?;
    Ok(lo.zip(hi).map(|(lo, hi)| (u32::try_from(lo).unwrap_or(0), u32::try_from(hi).unwrap_or(0))))
}

/// Where a page of certificates starts.
pub struct CertificateAfter {
    /// Issue day of the last row before the page.
    pub issued_on: NaiveDate,
    /// Its number.
    pub number: CertificateNumber,
}

/// Valid certificates of the region issued in `[since, until]` whose
/// holder has declared a group (not refused) and that have no claim past a
/// draft or a return, oldest first (the window closing soonest).
pub fn unclaimed_certificates(
    c: &mut DbConn,
    prefix: &str,
    since: NaiveDate,
    until: NaiveDate,
    after: Option<&CertificateAfter>,
    limit: i64,
) -> QueryResult<Vec<CertificateRow>> {
    let (low, high) = prefix_range(prefix);
    let filed = subsidy_claims::table
        .filter(subsidy_claims::certificate_id.eq(certificates::id.nullable()))
        .filter(subsidy_claims::status.ne_all([ClaimStatus::Draft, ClaimStatus::Returned]));
    let grouped = priority_groups::table
        .filter(priority_groups::user_id.eq(certificates::user_id))
        .filter(priority_groups::status.ne(DeclarationStatus::Rejected));
    let mut q = certificates::table
        .filter(certificates::status.eq(CertificateStatus::Valid))
        .filter(certificates::issuing_region.ge(low).and(certificates::issuing_region.lt(high)))
        .filter(certificates::issued_on.between(since, until))
        .filter(not(exists(filed)))
        .filter(exists(grouped))
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(
            certificates::issued_on
                .gt(a.issued_on)
                .or(certificates::issued_on.eq(a.issued_on).and(certificates::number.gt(&a.number))),
        );
    }
    q.order((certificates::issued_on, certificates::number)).limit(limit).select(CertificateRow::as_select()).load(c)
}

/// Valid SYB certificates of the region whose holder has no valid IYB
/// certificate and no place in an IYB class, newest first.
pub fn syb_without_iyb(
    c: &mut DbConn,
    prefix: &str,
    after: Option<&CertificateAfter>,
    limit: i64,
) -> QueryResult<Vec<CertificateRow>> {
    let (low, high) = prefix_range(prefix);
    let iyb = diesel::alias!(certificates as iyb);
    let has_iyb = iyb
        .filter(iyb.field(certificates::user_id).eq(certificates::user_id))
        .filter(iyb.field(certificates::kind).eq(CourseKind::Iyb))
        .filter(iyb.field(certificates::status).eq(CertificateStatus::Valid));
    let in_iyb = enrolments::table
        .inner_join(classes::table)
        .filter(enrolments::user_id.eq(certificates::user_id))
        .filter(classes::kind.eq(CourseKind::Iyb))
        .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled, EnrolmentStatus::Waitlisted]));
    let mut q = certificates::table
        .filter(certificates::status.eq(CertificateStatus::Valid))
        .filter(certificates::kind.eq(CourseKind::Syb))
        .filter(certificates::issuing_region.ge(low).and(certificates::issuing_region.lt(high)))
        .filter(not(exists(has_iyb)))
        .filter(not(exists(in_iyb)))
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(
            certificates::issued_on
                .lt(a.issued_on)
                .or(certificates::issued_on.eq(a.issued_on).and(certificates::number.lt(&a.number))),
        );
    }
    q.order((certificates::issued_on.desc(), certificates::number.desc()))
        .limit(limit)
        .select(CertificateRow::as_select())
        .load(c)
}

/// A declaration waiting for verification, with its declarant.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = priority_groups)]
pub struct Waiting {
    /// Declaration.
    pub id: DeclarationId,
    /// Declarant.
    pub user_id: UserId,
    /// Group.
    #[diesel(column_name = group_code)]
    pub group: PriorityGroup,
    /// Where the declarant lived when declaring.
    #[diesel(column_name = region_code)]
    pub region: Option<RegionCode>,
    /// Declared at.
    pub created_at: NaiveDateTime,
}

/// Declarations of the region still `declared`, made at or before
/// `declared_by`, the longest waiting first.
pub fn waiting_declarations(
    c: &mut DbConn,
    prefix: &str,
    declared_by: NaiveDateTime,
    after: Option<(NaiveDateTime, &DeclarationId)>,
    limit: i64,
) -> QueryResult<Vec<Waiting>> {
    let (low, high) = prefix_range(prefix);
    let mut q = priority_groups::table
        .filter(priority_groups::status.eq(DeclarationStatus::Declared))
        .filter(priority_groups::region_code.ge(low).and(priority_groups::region_code.lt(high)))
        .filter(priority_groups::created_at.le(declared_by))
        .into_boxed();
    if let Some((at, id)) = after {
        q = q.filter(
            priority_groups::created_at.gt(at).or(priority_groups::created_at.eq(at).and(priority_groups::id.gt(id))),
        );
    }
    q.order((priority_groups::created_at, priority_groups::id)).limit(limit).select(Waiting::as_select()).load(c)
}

/// One declaration by id, if still waiting.
pub fn waiting_declaration(c: &mut DbConn, id: &DeclarationId) -> QueryResult<Option<Waiting>> {
    priority_groups::table
        .find(id)
        .filter(priority_groups::status.eq(DeclarationStatus::Declared))
        .select(Waiting::as_select())
        .first(c)
        .optional()
}

/// The stage of a certificate's claim that is not refused, if any.
pub fn claim_stage(c: &mut DbConn, certificate: &CertificateRow) -> QueryResult<Option<ClaimStatus>> {
    subsidy_claims::table
        .filter(subsidy_claims::certificate_id.eq(&certificate.id))
        .filter(subsidy_claims::status.ne(ClaimStatus::Rejected))
        .select(subsidy_claims::status)
        .first(c)
        .optional()
}

/// A person's name and mobile, masked, for the list.
pub fn person(c: &mut DbConn, user: &UserId) -> QueryResult<Option<(Option<String>, String)>> {
    let row: Option<(Option<String>, String)> =
        users::table.find(user).select((users::real_name, users::mobile)).first(c).optional()?;
    Ok(row.map(|(name, mobile)| (name, Mobile::from_stored(&mobile).map(|m| m.masked()).unwrap_or_default())))
}

/// When a person was last notified from the list.
pub fn last_nudge(c: &mut DbConn, user: &UserId) -> QueryResult<Option<NaiveDateTime>> {
    outreach_nudges::table.find(user).select(outreach_nudges::nudged_at).first(c).optional()
}

/// Claims the person for a notification at `now`: true when nobody was
/// notified of them after `quiet_from`. The person's row lock is taken
/// first, so of two officers at once the second waits and then finds the
/// first one's notification (SQLite's write transaction holds the whole
/// database).
pub fn claim_nudge(
    c: &mut DbConn,
    user: &UserId,
    reason: OutreachReason,
    subject: &str,
    by: &UserId,
    now: NaiveDateTime,
    quiet_from: NaiveDateTime,
) -> QueryResult<bool> {
    crate::subsidies::store::lock_person(c, user)?;
    let values = (
        outreach_nudges::reason.eq(reason),
        outreach_nudges::subject.eq(subject),
        outreach_nudges::nudged_at.eq(now),
        outreach_nudges::nudged_by.eq(Some(by)),
    );
    match last_nudge(c, user)? {
        None => {
            diesel::insert_into(outreach_nudges::table)
                .values((outreach_nudges::user_id.eq(user), values))
                .execute(c)?;
            Ok(true)
        }
        Some(last) if last <= quiet_from => {
            diesel::update(outreach_nudges::table.find(user)).set(values).execute(c)?;
            Ok(true)
        }
        Some(_) => Ok(false),
    }
}

/// Whether the person holds a valid IYB certificate or a place in an IYB class.
pub fn takes_iyb(c: &mut DbConn, user: &UserId) -> QueryResult<bool> {
    let certified = diesel::select(exists(
        certificates::table
            .filter(certificates::user_id.eq(user))
            .filter(certificates::kind.eq(CourseKind::Iyb))
            .filter(certificates::status.eq(CertificateStatus::Valid)),
    ))
    .get_result(c)?;
    if certified {
        return Ok(true);
    }
    diesel::select(exists(
        enrolments::table
            .inner_join(classes::table)
            .filter(enrolments::user_id.eq(user))
            .filter(classes::kind.eq(CourseKind::Iyb))
            .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled, EnrolmentStatus::Waitlisted])),
    ))
    .get_result(c)
}
