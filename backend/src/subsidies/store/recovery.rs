//! Recoveries (追回) of subsidies paid on certificates revoked later.

use super::*;
use crate::core::db::schema::claim_recoveries;

/// One row of `claim_recoveries`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = claim_recoveries)]
pub struct RecoveryRow {
    /// Id.
    pub id: String,
    /// The paid claim (one recovery at most).
    pub claim_id: ClaimId,
    /// What was paid.
    pub amount_fen: Fen,
    /// The revocation's reason.
    pub reason: String,
    /// Due back by.
    pub due_on: NaiveDate,
    /// The officer who revoked the certificate.
    pub opened_by: UserId,
    /// When (UTC).
    pub opened_at: NaiveDateTime,
    /// The day the money came back.
    pub recovered_on: Option<NaiveDate>,
    /// Its reference.
    pub reference: Option<String>,
    /// Who recorded it.
    pub recovered_by: Option<UserId>,
    /// When that was recorded (UTC).
    pub recovered_at: Option<NaiveDateTime>,
}

/// Opens a recovery; a claim already being recovered keeps its record.
pub fn open_recovery(conn: &mut DbConn, row: &RecoveryRow) -> QueryResult<usize> {
    let exists =
        claim_recoveries::table.filter(claim_recoveries::claim_id.eq(&row.claim_id)).count().get_result::<i64>(conn)?;
    if exists > 0 {
        return Ok(0);
    }
    diesel::insert_into(claim_recoveries::table).values(row).execute(conn)
}

/// Records the return of the money where it is still open; rows changed.
pub fn close_recovery(
    conn: &mut DbConn,
    claim: &ClaimId,
    on: NaiveDate,
    reference: &str,
    by: &UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        claim_recoveries::table
            .filter(claim_recoveries::claim_id.eq(claim))
            .filter(claim_recoveries::recovered_on.is_null()),
    )
    .set((
        claim_recoveries::recovered_on.eq(Some(on)),
        claim_recoveries::reference.eq(Some(reference)),
        claim_recoveries::recovered_by.eq(Some(by)),
        claim_recoveries::recovered_at.eq(Some(at)),
    ))
    .execute(conn)
}

/// The recoveries of the given claims.
pub fn recoveries_of(conn: &mut DbConn, claims: &[ClaimId]) -> QueryResult<Vec<RecoveryRow>> {
    claim_recoveries::table
        .filter(claim_recoveries::claim_id.eq_any(claims))
        .select(RecoveryRow::as_select())
        .load(conn)
}

/// The paid claims of a certificate.
pub fn paid_of_certificate(conn: &mut DbConn, certificate: &CertificateId) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::certificate_id.eq(certificate))
        .filter(subsidy_claims::status.eq(ClaimStatus::Paid))
        .select(ClaimRow::as_select())
        .load(conn)
}
