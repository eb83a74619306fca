//! The aggregate queries of the statistics: each groups its facts by the
//! region one level down, the month and (where it has one) the institution
//! or kind, so a query's rows add up to the totals, the regions, the months
//! and the institutions alike. All rows have one shape, [`Cell`].

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::sql::{self, Dialect};
use crate::core::db::DbConn;

/// One group of facts: where, when, of what, and up to four numbers.
#[derive(Debug, Clone, Default, QueryableByName)]
pub struct Cell {
    /// The region part the group is of.
    #[diesel(sql_type = Text)]
    pub region: String,
    /// `YYYY-MM` (for start-ups: the certificate's day).
    #[diesel(sql_type = Text)]
    pub month: String,
    /// The institution, the claim's kind and stage, or ''.
    #[diesel(sql_type = Text)]
    pub tag: String,
    /// A second day, where the group has one (a start-up's registration).
    #[diesel(sql_type = Text)]
    pub day: String,
    /// First number.
    #[diesel(sql_type = BigInt)]
    pub a: i64,
    /// Second number.
    #[diesel(sql_type = BigInt)]
    pub b: i64,
    /// Third number.
    #[diesel(sql_type = BigInt)]
    pub c: i64,
    /// Fourth number.
    #[diesel(sql_type = BigInt)]
    pub d: i64,
}

/// What every query is limited to, written as SQL conditions.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The region's code prefix ('' for everywhere).
    pub prefix: String,
    /// How many digits name the regions one level down.
    pub part: usize,
    /// First day, as a literal.
    pub from: String,
    /// Last day, as a literal.
    pub to: String,
    /// The first instant of the period (UTC), as a literal.
    pub from_utc: String,
    /// The first instant after it (UTC), as a literal.
    pub until_utc: String,
    /// `AND <class column> = kind`, with `{k}` for the column, or ''.
    pub kind: Option<String>,
    /// The institution literal, if one.
    pub institution: Option<String>,
    /// The priority group's name literal, if one.
    pub group: Option<String>,
    /// The industry's letter literal, if one.
    pub industry: Option<String>,
}

impl Scope {
    fn kind_is(&self, column: &str) -> String {
        self.kind.as_ref().map(|k| format!(" AND {column} = {k}")).unwrap_or_default()
    }

    fn institution_is(&self, column: &str) -> String {
        self.institution.as_ref().map(|i| format!(" AND {column} = {i}")).unwrap_or_default()
    }

    /// The person in `column` holds the group, verified.
    fn group_held(&self, column: &str) -> String {
        self.group
            .as_ref()
            .map(|g| {
                format!(
                    " AND EXISTS (SELECT 1 FROM priority_groups g WHERE g.user_id = {column} \
                     AND g.group_code = {g} AND g.status = 'verified')"
                )
            })
            .unwrap_or_default()
    }

    /// Classes of the scope whose first day falls in the period.
    fn cohort(&self) -> String {
        format!(
            "c.status = 'approved' AND c.starts_on BETWEEN {} AND {} AND {}{}{}",
            self.from,
            self.to,
            sql::in_region("c.region_code", &self.prefix),
            self.kind_is("c.kind"),
            self.institution_is("c.institution_id"),
        )
    }

    fn part(&self, column: &str) -> String {
        sql::region_part(column, self.part)
    }
}

const ZERO: &str = "CAST(0 AS BIGINT)";

fn load(conn: &mut DbConn, query: String) -> QueryResult<Vec<Cell>> {
    diesel::sql_query(query).load(conn)
}

/// Classes opened and seats taken, by institution (`a` classes, `b` seats).
pub fn classes(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let (seats, join) = match &s.group {
        None => ("CAST(COALESCE(SUM(c.taken), 0) AS BIGINT)".to_owned(), String::new()),
        Some(_) => (
            "COUNT(e.id)".to_owned(),
            format!(
                " LEFT JOIN enrolments e ON e.class_id = c.id AND e.status = 'enrolled'{}",
                s.group_held("e.user_id")
            ),
        ),
    };
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, c.institution_id AS tag, '' AS day, \
             COUNT(DISTINCT c.id) AS a, {seats} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM classes c{join} WHERE {cohort} GROUP BY 1, 2, 3",
            region = s.part("c.region_code"),
            month = sql::month_of_date("c.starts_on"),
            cohort = s.cohort(),
        ),
    )
}

/// Certificates earned in the classes of the period (`a`), by institution.
pub fn completed(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, c.institution_id AS tag, '' AS day, \
             COUNT(*) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM certificates k JOIN classes c ON c.id = k.class_id \
             WHERE k.status = 'valid' AND {cohort}{group} GROUP BY 1, 2, 3",
            region = s.part("c.region_code"),
            month = sql::month_of_date("c.starts_on"),
            cohort = s.cohort(),
            group = s.group_held("k.user_id"),
        ),
    )
}

/// Certificates issued in the period (`a`), by the class's institution.
pub fn certificates(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, c.institution_id AS tag, '' AS day, \
             COUNT(*) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM certificates k JOIN classes c ON c.id = k.class_id \
             WHERE k.status = 'valid' AND k.issued_on BETWEEN {from} AND {to} AND {region_in}{kind}{inst}{group} \
             GROUP BY 1, 2, 3",
            region = s.part("c.region_code"),
            month = sql::month_of_date("k.issued_on"),
            from = s.from,
            to = s.to,
            region_in = sql::in_region("c.region_code", &s.prefix),
            kind = s.kind_is("k.kind"),
            inst = s.institution_is("c.institution_id"),
            group = s.group_held("k.user_id"),
        ),
    )
}

/// One row per certificate issued in the period whose holder recorded a
/// started business: `month` is the issue day, `day` the registration day,
/// `a` the jobs (the start-up window is the rules' to judge).
pub fn start_ups(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let industry = s.industry.as_ref().map(|i| format!(" AND o.industry = {i}")).unwrap_or_default();
    load(
        conn,
        format!(
            "SELECT {region} AS region, CAST(k.issued_on AS TEXT) AS month, c.institution_id AS tag, \
             CAST(o.started_on AS TEXT) AS day, CAST(o.jobs_created AS BIGINT) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM outcomes o JOIN certificates k ON k.id = o.certificate_id JOIN classes c ON c.id = k.class_id \
             WHERE o.status = 'started' AND k.status = 'valid' AND k.issued_on BETWEEN {from} AND {to} \
             AND {region_in}{kind}{inst}{group}{industry}",
            region = s.part("c.region_code"),
            from = s.from,
            to = s.to,
            region_in = sql::in_region("c.region_code", &s.prefix),
            kind = s.kind_is("k.kind"),
            inst = s.institution_is("c.institution_id"),
            group = s.group_held("k.user_id"),
        ),
    )
}

/// Claims made in the period, by `kind:status` (`a` count, `b` fen).
pub fn claims(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let month = Dialect::of(conn).shanghai_month("s.created_at");
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, s.claim_kind || ':' || s.status AS tag, '' AS day, \
             COUNT(*) AS a, CAST(COALESCE(SUM(s.amount_fen), 0) AS BIGINT) AS b, {ZERO} AS c, {ZERO} AS d \
             FROM subsidy_claims s \
             WHERE s.created_at >= {from} AND s.created_at < {until} AND {region_in}{kind}{inst}{group} \
             GROUP BY 1, 2, 3",
            region = s.part("s.region_code"),
            from = s.from_utc,
            until = s.until_utc,
            region_in = sql::in_region("s.region_code", &s.prefix),
            kind = s.kind_is("s.kind"),
            inst = s.institution_is("s.institution_id"),
            group = s.group_held("s.user_id"),
        ),
    )
}

/// Payments made in the period, by claim kind: `a` payments, `b` fen, `c`
/// days from certificate to payment summed over the training ones, `d` how many those are.
pub fn payments(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let days = Dialect::of(conn).days_between("k.issued_on", "p.paid_on");
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, s.claim_kind AS tag, '' AS day, \
             COUNT(*) AS a, CAST(COALESCE(SUM(p.amount_fen), 0) AS BIGINT) AS b, \
             CAST(COALESCE(SUM(CASE WHEN k.id IS NULL THEN 0 ELSE {days} END), 0) AS BIGINT) AS c, \
             CAST(COALESCE(SUM(CASE WHEN k.id IS NULL THEN 0 ELSE 1 END), 0) AS BIGINT) AS d \
             FROM subsidy_payments p JOIN subsidy_claims s ON s.id = p.claim_id \
             LEFT JOIN certificates k ON k.id = s.certificate_id \
             WHERE p.paid_on BETWEEN {from} AND {to} AND {region_in}{kind}{inst}{group} GROUP BY 1, 2, 3",
            region = s.part("s.region_code"),
            month = sql::month_of_date("p.paid_on"),
            from = s.from,
            to = s.to,
            region_in = sql::in_region("s.region_code", &s.prefix),
            kind = s.kind_is("s.kind"),
            inst = s.institution_is("s.institution_id"),
            group = s.group_held("s.user_id"),
        ),
    )
}

/// Mentor services recorded in the period (`a`), by the mentor's region.
pub fn services(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let month = Dialect::of(conn).shanghai_month("r.recorded_at");
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, '' AS tag, '' AS day, \
             COUNT(*) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM service_records r JOIN mentors m ON m.id = r.mentor_id \
             WHERE r.recorded_at >= {from} AND r.recorded_at < {until} AND {region_in} GROUP BY 1, 2",
            region = s.part("m.region_code"),
            from = s.from_utc,
            until = s.until_utc,
            region_in = sql::in_region("m.region_code", &s.prefix),
        ),
    )
}

/// Ratings of appointments held in the period (`a` ratings, `b` stars).
pub fn ratings(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let month = Dialect::of(conn).shanghai_month("a.starts_at");
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, '' AS tag, '' AS day, \
             COUNT(*) AS a, CAST(COALESCE(SUM(a.rating), 0) AS BIGINT) AS b, {ZERO} AS c, {ZERO} AS d \
             FROM appointments a JOIN mentors m ON m.id = a.mentor_id \
             WHERE a.rating IS NOT NULL AND a.starts_at >= {from} AND a.starts_at < {until} AND {region_in} \
             GROUP BY 1, 2",
            region = s.part("m.region_code"),
            from = s.from_utc,
            until = s.until_utc,
            region_in = sql::in_region("m.region_code", &s.prefix),
        ),
    )
}

/// Studios recognised in the period (`a`).
pub fn studios(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    load(
        conn,
        format!(
            "SELECT {region} AS region, {month} AS month, '' AS tag, '' AS day, \
             COUNT(*) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM studios t WHERE t.recognised_on BETWEEN {from} AND {to} AND {region_in} GROUP BY 1, 2",
            region = s.part("t.region_code"),
            month = sql::month_of_date("t.recognised_on"),
            from = s.from,
            to = s.to,
            region_in = sql::in_region("t.region_code", &s.prefix),
        ),
    )
}

/// Objections upheld (`a`) and claims returned for correction (`b`) in the
/// period, by the claim's institution.
pub fn institution_findings(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    let dialect = Dialect::of(conn);
    let (om, lm) = (dialect.shanghai_month("o.resolved_at"), dialect.shanghai_month("l.at"));
    let claim_scope = format!(
        "{}{}{}",
        sql::in_region("s.region_code", &s.prefix),
        s.kind_is("s.kind"),
        s.institution_is("s.institution_id")
    );
    load(
        conn,
        format!(
            "SELECT {region} AS region, {om} AS month, COALESCE(s.institution_id, '') AS tag, '' AS day, \
             COUNT(*) AS a, {ZERO} AS b, {ZERO} AS c, {ZERO} AS d \
             FROM claim_objections o JOIN subsidy_claims s ON s.id = o.claim_id \
             WHERE o.status = 'upheld' AND o.resolved_at >= {from} AND o.resolved_at < {until} AND {claim_scope} \
             GROUP BY 1, 2, 3 \
             UNION ALL \
             SELECT {region} AS region, {lm} AS month, COALESCE(s.institution_id, '') AS tag, '' AS day, \
             {ZERO} AS a, COUNT(*) AS b, {ZERO} AS c, {ZERO} AS d \
             FROM audit_log l JOIN subsidy_claims s ON s.id = l.entity_id \
             WHERE l.entity_type = 'claim' AND l.action = 'claim.return' AND l.at >= {from} AND l.at < {until} \
             AND {claim_scope} GROUP BY 1, 2, 3",
            region = s.part("s.region_code"),
            from = s.from_utc,
            until = s.until_utc,
        ),
    )
}

/// The funnel of the period's classes: `a` certificates with a training
/// claim past draft, `b` those paid (each certificate once).
pub fn funnel(conn: &mut DbConn, s: &Scope) -> QueryResult<Vec<Cell>> {
    load(
        conn,
        format!(
            "SELECT '' AS region, '' AS month, '' AS tag, '' AS day, \
             COUNT(DISTINCT CASE WHEN s.status <> 'draft' THEN s.certificate_id END) AS a, \
             COUNT(DISTINCT CASE WHEN s.status = 'paid' THEN s.certificate_id END) AS b, {ZERO} AS c, {ZERO} AS d \
             FROM subsidy_claims s JOIN certificates k ON k.id = s.certificate_id JOIN classes c ON c.id = k.class_id \
             WHERE s.claim_kind = 'training' AND k.status = 'valid' AND {cohort}{group}",
            cohort = s.cohort(),
            group = s.group_held("k.user_id"),
        ),
    )
}
