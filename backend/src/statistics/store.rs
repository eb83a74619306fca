//! Outcomes after training, the follow-up months by region and the
//! follow-up reminders sent.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::outcomes::{Industry, OutcomeStatus};
use malanhua_shared::ids::{CertificateId, CertificateNumber, ClassId, UserId};

use crate::core::db::DbConn;
use crate::core::db::schema::{certificates, follow_up_policies, follow_up_reminders, outcomes};

/// The region whose follow-up months apply where no region above a class sets its own.
pub const NATIONAL: &str = "000000";

/// One row of `outcomes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = outcomes, treat_none_as_null = true)]
pub struct OutcomeRow {
    /// The certificate it follows.
    pub certificate_id: CertificateId,
    /// Its holder.
    pub user_id: UserId,
    /// The class's region (statistics count it there).
    pub region_code: RegionCode,
    /// Started or not yet.
    pub status: OutcomeStatus,
    /// Registered on.
    pub started_on: Option<NaiveDate>,
    /// Unified social credit code.
    pub credit_code: Option<String>,
    /// GB/T 4754 section.
    pub industry: Option<Industry>,
    /// Jobs besides the founder.
    pub jobs_created: Option<i32>,
    /// Recorded by the holder (else by the institution).
    pub by_holder: bool,
    /// Who recorded it last.
    pub recorded_by: UserId,
    /// When (UTC).
    pub recorded_at: NaiveDateTime,
}

/// The outcome recorded for a certificate.
pub fn find(conn: &mut DbConn, certificate: &CertificateId) -> QueryResult<Option<OutcomeRow>> {
    outcomes::table.find(certificate).select(OutcomeRow::as_select()).first(conn).optional()
}

/// The outcomes of these certificates.
pub fn of_certificates(conn: &mut DbConn, ids: &[CertificateId]) -> QueryResult<Vec<OutcomeRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        out.extend(
            outcomes::table
                .filter(outcomes::certificate_id.eq_any(chunk))
                .select(OutcomeRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Writes the outcome, replacing what was recorded before. Returns true
/// when there was an earlier one.
pub fn put(conn: &mut DbConn, row: &OutcomeRow) -> QueryResult<bool> {
    let changed = diesel::update(outcomes::table.find(&row.certificate_id)).set(row).execute(conn)?;
    if changed == 0 {
        diesel::insert_into(outcomes::table).values(row).execute(conn)?;
    }
    Ok(changed > 0)
}

/// The follow-up months of the nearest region at or above `region` that
/// sets them, else the national default (none if even that is missing).
pub fn follow_up_months(conn: &mut DbConn, region: &RegionCode) -> QueryResult<String> {
    let mut codes = vec![region.as_str().to_owned()];
    let mut at = region.parent();
    while let Some(r) = at {
        codes.push(r.as_str().to_owned());
        at = r.parent();
    }
    codes.push(NATIONAL.to_owned());
    let rows: Vec<(String, String)> = follow_up_policies::table
        .filter(follow_up_policies::region_code.eq_any(&codes))
        .select((follow_up_policies::region_code, follow_up_policies::months))
        .load(conn)?;
    Ok(codes.iter().find_map(|c| rows.iter().find(|(r, _)| r == c).map(|(_, m)| m.clone())).unwrap_or_default())
}

/// Marks the reminder for one point as sent; false when it already was
/// (so it is sent once, whatever runs at the same time).
pub fn claim_reminder(
    conn: &mut DbConn,
    certificate: &CertificateId,
    months: u32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let months = i32::try_from(months).unwrap_or(i32::MAX);
    let sent: Option<NaiveDateTime> = follow_up_reminders::table
        .find((certificate, months))
        .select(follow_up_reminders::sent_at)
        .first(conn)
        .optional()?;
    if sent.is_some() {
        return Ok(false);
    }
    diesel::insert_into(follow_up_reminders::table)
        .values((
            follow_up_reminders::certificate_id.eq(certificate),
            follow_up_reminders::months.eq(months),
            follow_up_reminders::sent_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The points already reminded of, for one certificate.
pub fn reminded(conn: &mut DbConn, certificate: &CertificateId) -> QueryResult<Vec<i32>> {
    follow_up_reminders::table
        .filter(follow_up_reminders::certificate_id.eq(certificate))
        .select(follow_up_reminders::months)
        .load(conn)
}

/// A certificate the follow-up may ask about.
#[derive(Debug, Clone)]
pub struct FollowUpCandidate {
    /// The certificate.
    pub id: CertificateId,
    /// Its number.
    pub number: CertificateNumber,
    /// Its holder.
    pub user_id: UserId,
    /// Its class.
    pub class_id: ClassId,
    /// The issuing bureau's region (whose follow-up months apply).
    pub issuing_region: RegionCode,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// What was recorded, and when, if anything.
    pub recorded: Option<(OutcomeStatus, NaiveDateTime)>,
}

/// Valid certificates issued in `from..=to` whose holder has not recorded
/// a started business for them, oldest first, after `after` (keyset), at
/// most `limit`.
pub fn follow_up_candidates(
    conn: &mut DbConn,
    from: NaiveDate,
    to: NaiveDate,
    after: Option<&CertificateId>,
    limit: i64,
) -> QueryResult<Vec<FollowUpCandidate>> {
    let mut q = certificates::table
        .left_join(outcomes::table)
        .filter(certificates::issued_on.between(from, to))
        .filter(certificates::status.eq(CertificateStatus::Valid))
        .filter(outcomes::status.is_null().or(outcomes::status.ne(OutcomeStatus::Started)))
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(certificates::id.gt(after));
    }
    type Row = (
        CertificateId,
        CertificateNumber,
        UserId,
        ClassId,
        RegionCode,
        NaiveDate,
        Option<OutcomeStatus>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Row> = q
        .order(certificates::id)
        .limit(limit)
        .select((
            certificates::id,
            certificates::number,
            certificates::user_id,
            certificates::class_id,
            certificates::issuing_region,
            certificates::issued_on,
            outcomes::status.nullable(),
            outcomes::recorded_at.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, number, user_id, class_id, issuing_region, issued_on, status, at)| FollowUpCandidate {
            id,
            number,
            user_id,
            class_id,
            issuing_region,
            issued_on,
            recorded: status.zip(at),
        })
        .collect())
}
