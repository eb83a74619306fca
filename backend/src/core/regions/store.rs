//! The GB/T 2260 region tree (reference data loaded by the migrations).

use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::region::RegionLevel;

use crate::core::db::DbConn;
use crate::core::db::schema::regions;

/// One row of `regions`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct RegionRow {
    /// Six-digit code.
    pub code: RegionCode,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// One level up.
    pub parent_code: Option<RegionCode>,
    /// `province`, `prefecture` or `county`.
    pub level: RegionLevel,
}

/// Every region, ordered by code.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<RegionRow>> {
    regions::table.order(regions::code.asc()).select(RegionRow::as_select()).load(conn)
}

/// The region with this code.
pub fn find(conn: &mut DbConn, code: &RegionCode) -> QueryResult<Option<RegionRow>> {
    regions::table.find(code).select(RegionRow::as_select()).first(conn).optional()
}

/// Chinese names of the given codes.
pub fn names(conn: &mut DbConn, codes: &[RegionCode]) -> QueryResult<Vec<(RegionCode, String)>> {
    regions::table.filter(regions::code.eq_any(codes)).select((regions::code, regions::name_zh)).load(conn)
}

/// The English names of these regions.
pub fn names_en(conn: &mut DbConn, codes: &[RegionCode]) -> QueryResult<Vec<(RegionCode, String)>> {
    regions::table.filter(regions::code.eq_any(codes)).select((regions::code, regions::name_en)).load(conn)
}
