//! The GB/T 2260 region tree (reference data loaded by the migrations).

use diesel::prelude::*;

use crate::core::db::DbConn;
use crate::core::db::schema::regions;

/// One row of `regions`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct RegionRow {
    /// Six-digit code.
    pub code: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// One level up.
    pub parent_code: Option<String>,
    /// `province`, `prefecture` or `county`.
    pub level: String,
}

/// Every region, ordered by code.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<RegionRow>> {
    regions::table.order(regions::code.asc()).select(RegionRow::as_select()).load(conn)
}

/// The region with this code.
pub fn find(conn: &mut DbConn, code: &str) -> QueryResult<Option<RegionRow>> {
    regions::table.find(code).select(RegionRow::as_select()).first(conn).optional()
}

/// Chinese names of the given codes.
pub fn names(conn: &mut DbConn, codes: &[String]) -> QueryResult<Vec<(String, String)>> {
    regions::table.filter(regions::code.eq_any(codes)).select((regions::code, regions::name_zh)).load(conn)
}
