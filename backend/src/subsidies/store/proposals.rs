//! Subsidy policy versions waiting for a second officer.

use malanhua_shared::api::subsidies::ProposalStatus;

use super::*;
use crate::core::db::schema::policy_proposals;

/// One row of `policy_proposals`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = policy_proposals)]
pub struct ProposalRow {
    /// Id.
    pub id: String,
    /// The region.
    pub region_code: RegionCode,
    /// The course kind.
    pub kind: CourseKind,
    /// From when the version would hold.
    pub effective_from: NaiveDate,
    /// Its amount (fen), for lists.
    pub amount_fen: i64,
    /// The request as proposed (JSON of `SubsidyPolicyInput`).
    pub input: String,
    /// The first officer.
    pub proposed_by: UserId,
    /// When.
    pub proposed_at: NaiveDateTime,
    /// `pending`, `confirmed` or `rejected`.
    pub status: ProposalStatus,
    /// The second officer.
    pub decided_by: Option<UserId>,
    /// When they decided.
    pub decided_at: Option<NaiveDateTime>,
}

/// Records a proposal.
pub fn insert_proposal(conn: &mut DbConn, row: &ProposalRow) -> QueryResult<usize> {
    diesel::insert_into(policy_proposals::table).values(row).execute(conn)
}

/// One proposal.
pub fn proposal(conn: &mut DbConn, id: &str) -> QueryResult<Option<ProposalRow>> {
    policy_proposals::table.find(id).select(ProposalRow::as_select()).first(conn).optional()
}

/// Proposals still waiting, oldest first.
pub fn pending_proposals(conn: &mut DbConn) -> QueryResult<Vec<ProposalRow>> {
    policy_proposals::table
        .filter(policy_proposals::status.eq(ProposalStatus::Pending))
        .order(policy_proposals::proposed_at.asc())
        .select(ProposalRow::as_select())
        .load(conn)
}

/// Settles a waiting proposal; returns rows changed (0 when already settled).
pub fn settle_proposal(
    conn: &mut DbConn,
    id: &str,
    status: ProposalStatus,
    by: &UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(policy_proposals::table.find(id).filter(policy_proposals::status.eq(ProposalStatus::Pending)))
        .set((
            policy_proposals::status.eq(status),
            policy_proposals::decided_by.eq(Some(by)),
            policy_proposals::decided_at.eq(Some(at)),
        ))
        .execute(conn)
}
