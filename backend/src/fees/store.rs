//! Rows of service-fee policies and fee lines, and the monthly claims they
//! belong to.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::api::studios::{FeeBand, FeeLineKind};
use malanhua_shared::api::subsidies::{ClaimKind, ClaimStatus};
use malanhua_shared::ids::{ClaimId, FeeLineId, FeePolicyId, MentorId, ServiceRecordId, UserId};
use malanhua_shared::{Fen, RegionCode};

use crate::core::db::DbConn;
use crate::core::db::schema::{fee_lines, fee_policies, subsidy_claims};
use crate::subsidies::store::ClaimRow;

/// One row of `fee_policies`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = fee_policies)]
pub struct FeePolicyRow {
    /// Version id.
    pub id: FeePolicyId,
    /// Region.
    pub region_code: RegionCode,
    /// First service date.
    pub effective_from: NaiveDate,
    /// Last service date.
    pub ends_on: Option<NaiveDate>,
    /// `minutes:fen` pairs, comma-separated.
    pub one_to_one_bands: String,
    /// The same for group sessions.
    pub group_bands: String,
    /// Transport allowance.
    pub transport_fen: Fen,
    /// Yearly cap.
    pub yearly_cap_fen: Fen,
    /// Working days of notice.
    pub notice_days: i32,
    /// Who set it.
    pub updated_by: Option<UserId>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// One row of `fee_lines`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = fee_lines)]
pub struct FeeLineRow {
    /// Id.
    pub id: FeeLineId,
    /// The service record.
    pub record_id: ServiceRecordId,
    /// Fee or transport.
    pub kind: FeeLineKind,
    /// The mentor.
    pub mentor_id: MentorId,
    /// The monthly claim.
    pub claim_id: ClaimId,
    /// The policy it was priced under.
    pub policy_id: FeePolicyId,
    /// The year of the service (the cap's year).
    pub service_year: i32,
    /// What the policy pays.
    pub due_fen: Fen,
    /// What the line pays after the cap.
    pub amount_fen: Fen,
    /// Written.
    pub created_at: NaiveDateTime,
}

/// Bands as stored.
pub fn bands_text(bands: &[FeeBand]) -> String {
    bands.iter().map(|b| format!("{}:{}", b.min_minutes, b.fee_fen.get())).collect::<Vec<_>>().join(",")
}

/// Bands read back (a malformed pair is a database error).
pub fn bands_of(text: &str) -> Result<Vec<FeeBand>, String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (m, f) = pair.split_once(':').ok_or_else(|| format!("fee band {pair:?}"))?;
            let min_minutes = m.parse().map_err(|_| format!("fee band {pair:?}"))?;
            let fee =
                f.parse::<i64>().ok().and_then(|n| Fen::new(n).ok()).ok_or_else(|| format!("fee band {pair:?}"))?;
            Ok(FeeBand { min_minutes, fee_fen: fee })
        })
        .collect()
}

/// Versions of these regions.
pub fn policies_for(conn: &mut DbConn, regions: &[RegionCode]) -> QueryResult<Vec<FeePolicyRow>> {
    fee_policies::table
        .filter(fee_policies::region_code.eq_any(regions))
        .order((fee_policies::region_code, fee_policies::effective_from))
        .select(FeePolicyRow::as_select())
        .load(conn)
}

/// A version by id.
pub fn policy(conn: &mut DbConn, id: &FeePolicyId) -> QueryResult<Option<FeePolicyRow>> {
    fee_policies::table.find(id).select(FeePolicyRow::as_select()).first(conn).optional()
}

/// Inserts a version, or replaces the region's version of the same date.
pub fn put_policy(conn: &mut DbConn, row: &FeePolicyRow) -> QueryResult<FeePolicyRow> {
    let same = fee_policies::table
        .filter(fee_policies::region_code.eq(&row.region_code))
        .filter(fee_policies::effective_from.eq(row.effective_from))
        .select(fee_policies::id)
        .first::<FeePolicyId>(conn)
        .optional()?;
    let id = match same {
        Some(id) => {
            diesel::update(fee_policies::table.find(&id))
                .set((
                    fee_policies::ends_on.eq(row.ends_on),
                    fee_policies::one_to_one_bands.eq(&row.one_to_one_bands),
                    fee_policies::group_bands.eq(&row.group_bands),
                    fee_policies::transport_fen.eq(row.transport_fen),
                    fee_policies::yearly_cap_fen.eq(row.yearly_cap_fen),
                    fee_policies::notice_days.eq(row.notice_days),
                    fee_policies::updated_by.eq(&row.updated_by),
                    fee_policies::updated_at.eq(row.updated_at),
                ))
                .execute(conn)?;
            id
        }
        None => {
            diesel::insert_into(fee_policies::table).values(row).execute(conn)?;
            row.id.clone()
        }
    };
    fee_policies::table.find(id).select(FeePolicyRow::as_select()).first(conn)
}

/// Lines of a mentor, newest first.
pub fn lines_of_mentor(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<FeeLineRow>> {
    fee_lines::table
        .filter(fee_lines::mentor_id.eq(mentor))
        .order(fee_lines::created_at.desc())
        .select(FeeLineRow::as_select())
        .load(conn)
}

/// Lines of these records.
pub fn lines_of_records(conn: &mut DbConn, records: &[ServiceRecordId]) -> QueryResult<Vec<FeeLineRow>> {
    fee_lines::table.filter(fee_lines::record_id.eq_any(records)).select(FeeLineRow::as_select()).load(conn)
}

/// Lines of a claim.
pub fn lines_of_claim(conn: &mut DbConn, claim: &ClaimId) -> QueryResult<Vec<FeeLineRow>> {
    fee_lines::table.filter(fee_lines::claim_id.eq(claim)).select(FeeLineRow::as_select()).load(conn)
}

/// What the mentor is paid or claiming for services of `year`, on claims not rejected.
pub fn claimed_in_year(conn: &mut DbConn, mentor: &MentorId, year: i32) -> QueryResult<Fen> {
    let amounts: Vec<Fen> = fee_lines::table
        .inner_join(subsidy_claims::table.on(subsidy_claims::id.eq(fee_lines::claim_id)))
        .filter(fee_lines::mentor_id.eq(mentor))
        .filter(fee_lines::service_year.eq(year))
        .filter(subsidy_claims::status.ne(ClaimStatus::Rejected))
        .select(fee_lines::amount_fen)
        .load(conn)?;
    Ok(Fen::new(amounts.iter().map(|f| f.get()).sum()).unwrap_or(Fen::ZERO))
}

/// Inserts a line (the unique index refuses a second of the same record and kind).
pub fn insert_line(conn: &mut DbConn, row: &FeeLineRow) -> QueryResult<()> {
    diesel::insert_into(fee_lines::table).values(row).execute(conn).map(|_| ())
}

/// The mentor's draft fee claim for a month, if there is one.
pub fn draft_of(conn: &mut DbConn, mentor: &MentorId, period: &str) -> QueryResult<Option<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::claim_kind.eq(ClaimKind::ServiceFee))
        .filter(subsidy_claims::mentor_id.eq(mentor))
        .filter(subsidy_claims::period.eq(period))
        .filter(subsidy_claims::status.eq(ClaimStatus::Draft))
        .select(ClaimRow::as_select())
        .first(conn)
        .optional()
}

/// The mentor's fee claims, newest first.
pub fn claims_of_mentor(conn: &mut DbConn, mentor: &MentorId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::claim_kind.eq(ClaimKind::ServiceFee))
        .filter(subsidy_claims::mentor_id.eq(mentor))
        .order(subsidy_claims::id.desc())
        .select(ClaimRow::as_select())
        .load(conn)
}

/// Sets a draft claim's amount; returns rows changed.
pub fn set_draft_amount(conn: &mut DbConn, claim: &ClaimId, amount: Fen, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(subsidy_claims::table.find(claim).filter(subsidy_claims::status.eq(ClaimStatus::Draft)))
        .set((subsidy_claims::amount_fen.eq(amount), subsidy_claims::updated_at.eq(now)))
        .execute(conn)
}
