//! The statistics' aggregate queries are SQL text (grouping by parts of
//! codes and dates reads more plainly than the query builder can say it).
//! No caller's text ever reaches them: every value is written by one of the
//! functions here, from a type that can only hold safe characters (digits,
//! ISO dates, the stable names of enums, checked ids). Where SQLite and
//! PostgreSQL differ (a Shanghai month of a UTC time, days between dates),
//! [`Dialect`] says it once.

use chrono::{NaiveDate, NaiveDateTime};
use malanhua_shared::ids::InstitutionId;

use crate::core::db::DbConn;

/// The SQL of one database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// The embedded file.
    Sqlite,
    /// A province's server.
    Postgres,
}

impl Dialect {
    /// The dialect of the connection.
    pub fn of(conn: &DbConn) -> Dialect {
        match conn {
            DbConn::Sqlite(_) => Dialect::Sqlite,
            DbConn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// `YYYY-MM` of a UTC timestamp column, in Asia/Shanghai.
    pub fn shanghai_month(self, column: &str) -> String {
        match self {
            Dialect::Sqlite => format!("substr(datetime({column}, '+8 hours'), 1, 7)"),
            Dialect::Postgres => format!("to_char({column} + interval '8 hours', 'YYYY-MM')"),
        }
    }

    /// Whole days from the date column `from` to the date column `to`, as BIGINT.
    pub fn days_between(self, from: &str, to: &str) -> String {
        match self {
            Dialect::Sqlite => format!("CAST(julianday({to}) - julianday({from}) AS BIGINT)"),
            Dialect::Postgres => format!("CAST({to} - {from} AS BIGINT)"),
        }
    }
}

/// `YYYY-MM` of a date column (both databases write dates as ISO text).
pub fn month_of_date(column: &str) -> String {
    format!("substr(CAST({column} AS TEXT), 1, 7)")
}

/// A date literal.
pub fn date(d: NaiveDate) -> String {
    format!("'{}'", d.format("%Y-%m-%d"))
}

/// A timestamp literal (UTC, as the columns hold them).
pub fn timestamp(t: NaiveDateTime) -> String {
    format!("'{}'", t.format("%Y-%m-%d %H:%M:%S"))
}

/// The stable name of an enum value (lower-case letters, digits, `_` and `.` only).
pub fn name(value: &'static str) -> String {
    debug_assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.'));
    format!("'{value}'")
}

/// The condition that `column` lies in the region whose codes start with
/// `prefix` (digits only; empty: everywhere).
pub fn in_region(column: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return "1 = 1".to_owned();
    }
    let digits: String = prefix.chars().filter(char::is_ascii_digit).collect();
    // ':' follows '9', so the range holds exactly the codes with the prefix.
    format!("({column} >= '{digits}' AND {column} < '{digits}:')")
}

/// The first `len` digits of a region column.
pub fn region_part(column: &str, len: usize) -> String {
    format!("substr({column}, 1, {len})")
}

/// An institution id literal, or none when the id holds anything but
/// letters, digits and `-` (ids the server made never do).
pub fn institution(id: &InstitutionId) -> Option<String> {
    let s = id.as_str();
    let ok = !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| format!("'{s}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_prefix_becomes_a_range_of_codes_and_nothing_else_passes() {
        assert_eq!(in_region("c.region_code", "3702"), "(c.region_code >= '3702' AND c.region_code < '3702:')");
        assert_eq!(in_region("c.region_code", "37'; DROP"), "(c.region_code >= '37' AND c.region_code < '37:')");
        assert_eq!(in_region("x", ""), "1 = 1");
    }

    #[test]
    fn only_plain_ids_are_written() {
        assert_eq!(institution(&InstitutionId::from_raw("0193ab-cd")), Some("'0193ab-cd'".into()));
        assert_eq!(institution(&InstitutionId::from_raw("x' OR '1'='1")), None);
        assert_eq!(institution(&InstitutionId::from_raw("")), None);
    }

    #[test]
    fn the_dialects_differ_only_where_they_must() {
        assert!(Dialect::Sqlite.shanghai_month("t").contains("+8 hours"));
        assert!(Dialect::Postgres.shanghai_month("t").contains("interval '8 hours'"));
        assert!(Dialect::Postgres.days_between("a", "b").contains("b - a"));
        assert_eq!(date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()), "'2026-03-01'");
    }
}
