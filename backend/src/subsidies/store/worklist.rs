//! The bureau's worklist, the public notice list, objections, and the certificates and classes claims point to.

use super::*;

/// Worklist filters in storage terms.
#[derive(Debug, Clone)]
pub struct ClaimFilter {
    /// Region prefix.
    pub prefix: String,
    /// Stage.
    pub status: Option<ClaimStatus>,
    /// A stage to leave out.
    pub except_status: Option<ClaimStatus>,
    /// Course kind.
    pub kind: Option<CourseKind>,
    /// What the claims pay for.
    pub claim_kind: Option<ClaimKind>,
    /// Institution.
    pub institution: Option<InstitutionId>,
    /// Filed at or after (UTC).
    pub filed_from: Option<NaiveDateTime>,
    /// Filed before (UTC).
    pub filed_before: Option<NaiveDateTime>,
    /// Amount at least.
    pub min_fen: Option<i64>,
    /// Amount at most.
    pub max_fen: Option<i64>,
    /// The order.
    pub sort: ClaimSort,
    /// Keyset: the rows after this one in that order.
    pub after: Option<After>,
}

/// Where the previous page ended: the last row's sort key and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// By id (filing order).
    Id(ClaimId),
    /// By amount, then id.
    Amount(i64, ClaimId),
    /// By last change, then id.
    Updated(NaiveDateTime, ClaimId),
    /// By institution name (empty for none), then id.
    Name(String, ClaimId),
}

/// One page of a region's filed claims (drafts are the payee's) in the
/// filter's order, `limit` rows. Every order ends on the id, so a page
/// boundary is exact however many rows share a key.
pub fn worklist(conn: &mut DbConn, f: &ClaimFilter, limit: i64) -> QueryResult<Vec<ClaimRow>> {
    let (low, high) = crate::core::db::prefix_range(&f.prefix);
    // The region is checked on each row (from the stage and sort indexes,
    // which end on it), never read as an index range: SQLite guesses a
    // range keeps a small share of the rows and would read a province's
    // million claims through it and sort them all (the bench's plans
    // showed it). `region_code || ''` is the same value that no index has.
    let region = || subsidy_claims::region_code.concat("");
    let mut q = subsidy_claims::table.filter(region().ge(low)).filter(region().lt(high)).into_boxed();
    if let Some(s) = f.status {
        q = q.filter(subsidy_claims::status.eq(s));
    }
    if let Some(s) = f.except_status {
        q = q.filter(subsidy_claims::status.ne(s));
    }
    if let Some(k) = f.kind {
        q = q.filter(subsidy_claims::kind.eq(k));
    }
    if let Some(k) = f.claim_kind {
        q = q.filter(subsidy_claims::claim_kind.eq(k));
    }
    if let Some(i) = &f.institution {
        q = q.filter(subsidy_claims::institution_id.eq(i.clone()));
    }
    if let Some(t) = f.filed_from {
        q = q.filter(subsidy_claims::filed_at.ge(t));
    }
    if let Some(t) = f.filed_before {
        q = q.filter(subsidy_claims::filed_at.lt(t));
    }
    if let Some(a) = f.min_fen {
        q = q.filter(subsidy_claims::amount_fen.ge(a));
    }
    if let Some(a) = f.max_fen {
        q = q.filter(subsidy_claims::amount_fen.le(a));
    }
    use subsidy_claims::{amount_fen, id, institution_name as name, updated_at};
    q = match (f.sort, f.after.clone()) {
        (ClaimSort::Filed, None | Some(After::Id(_))) => q.order(id),
        (ClaimSort::FiledDesc, None | Some(After::Id(_))) => q.order(id.desc()),
        (ClaimSort::Amount, _) => q.order((amount_fen, id)),
        (ClaimSort::AmountDesc, _) => q.order((amount_fen.desc(), id)),
        (ClaimSort::StageAge, _) => q.order((updated_at, id)),
        (ClaimSort::Institution, _) => q.order((name, id)),
        _ => q.order(id),
    };
    q = match (f.sort, f.after.clone()) {
        (_, None) => q,
        (ClaimSort::FiledDesc, Some(After::Id(a))) => q.filter(id.lt(a)),
        (_, Some(After::Id(a))) => q.filter(id.gt(a)),
        (ClaimSort::AmountDesc, Some(After::Amount(v, a))) => {
            q.filter(amount_fen.lt(v).or(amount_fen.eq(v).and(id.gt(a))))
        }
        (_, Some(After::Amount(v, a))) => q.filter(amount_fen.gt(v).or(amount_fen.eq(v).and(id.gt(a)))),
        (_, Some(After::Updated(v, a))) => q.filter(updated_at.gt(v).or(updated_at.eq(v).and(id.gt(a)))),
        (_, Some(After::Name(v, a))) => q.filter(name.gt(v.clone()).or(name.eq(v).and(id.gt(a)))),
    };
    q.limit(limit).select(ClaimRow::as_select()).load(conn)
}

/// The states of the priority-group declarations of some people, for the
/// worklist's "group not verified" mark.
pub fn declaration_states(conn: &mut DbConn, users: &[UserId]) -> QueryResult<Vec<(UserId, DeclarationStatus)>> {
    priority_groups::table
        .filter(priority_groups::user_id.eq_any(users))
        .select((priority_groups::user_id, priority_groups::status))
        .load(conn)
}

/// Claims whose notice runs on `today` (or held by an objection) in a
/// region, oldest first.
pub fn on_notice(conn: &mut DbConn, prefix: &str, today: NaiveDate, limit: i64) -> QueryResult<Vec<ClaimRow>> {
    subsidy_claims::table
        .filter(subsidy_claims::region_code.like(format!("{prefix}%")))
        .filter(
            subsidy_claims::status
                .eq(ClaimStatus::Held)
                .or(subsidy_claims::status.eq(ClaimStatus::Notice).and(subsidy_claims::notice_ends_on.ge(today))),
        )
        .order(subsidy_claims::id)
        .limit(limit)
        .select(ClaimRow::as_select())
        .load(conn)
}

/// Records an objection.
pub fn insert_objection(conn: &mut DbConn, row: &ObjectionRow) -> QueryResult<()> {
    diesel::insert_into(claim_objections::table).values(row).execute(conn).map(|_| ())
}

/// An objection by id.
pub fn objection(conn: &mut DbConn, id: &ObjectionId) -> QueryResult<Option<ObjectionRow>> {
    claim_objections::table.find(id).select(ObjectionRow::as_select()).first(conn).optional()
}

/// Objections of a claim, oldest first.
pub fn objections_of(conn: &mut DbConn, claim: &ClaimId) -> QueryResult<Vec<ObjectionRow>> {
    claim_objections::table
        .filter(claim_objections::claim_id.eq(claim))
        .order(claim_objections::filed_at)
        .select(ObjectionRow::as_select())
        .load(conn)
}

/// Resolves an open objection; returns rows changed.
pub fn resolve_objection(
    conn: &mut DbConn,
    id: &ObjectionId,
    to: ObjectionStatus,
    by: &UserId,
    finding: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(claim_objections::table.find(id).filter(claim_objections::status.eq(ObjectionStatus::Open)))
        .set((
            claim_objections::status.eq(to),
            claim_objections::resolution.eq(Some(finding)),
            claim_objections::resolved_by.eq(Some(by)),
            claim_objections::resolved_at.eq(Some(now)),
        ))
        .execute(conn)
}

/// Objections filed from one contact since `since`, and whether one of them
/// is still open on `claim`.
pub fn objections_by(
    conn: &mut DbConn,
    contact: &str,
    claim: &ClaimId,
    since: NaiveDateTime,
) -> QueryResult<(i64, bool)> {
    let recent: Vec<(ClaimId, ObjectionStatus)> = claim_objections::table
        .filter(claim_objections::contact.eq(contact))
        .filter(claim_objections::filed_at.gt(since).or(claim_objections::claim_id.eq(claim)))
        .select((claim_objections::claim_id, claim_objections::status))
        .load(conn)?;
    let open_here = recent.iter().any(|(c, s)| c == claim && *s == ObjectionStatus::Open);
    Ok((i64::try_from(recent.len()).unwrap_or(i64::MAX), open_here))
}

/// Open objections of a claim.
pub fn open_objections(conn: &mut DbConn, claim: &ClaimId) -> QueryResult<i64> {
    claim_objections::table
        .filter(claim_objections::claim_id.eq(claim))
        .filter(claim_objections::status.eq(ObjectionStatus::Open))
        .count()
        .get_result(conn)
}

/// A certificate by id.
pub fn certificate(
    conn: &mut DbConn,
    id: &CertificateId,
) -> QueryResult<Option<crate::certificates::store::CertificateRow>> {
    use crate::core::db::schema::certificates;
    certificates::table.find(id).select(crate::certificates::store::CertificateRow::as_select()).first(conn).optional()
}

/// Certificates by id.
pub fn certificates(
    conn: &mut DbConn,
    ids: &[CertificateId],
) -> QueryResult<Vec<crate::certificates::store::CertificateRow>> {
    use crate::core::db::schema::certificates;
    certificates::table
        .filter(certificates::id.eq_any(ids))
        .select(crate::certificates::store::CertificateRow::as_select())
        .load(conn)
}

/// Titles of classes by id.
pub fn class_titles(conn: &mut DbConn, ids: &[ClassId]) -> QueryResult<Vec<(ClassId, String)>> {
    use crate::core::db::schema::classes;
    classes::table.filter(classes::id.eq_any(ids)).select((classes::id, classes::title)).load(conn)
}
