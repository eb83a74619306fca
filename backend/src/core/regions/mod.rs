//! The region tree.

use malanhua_shared::RegionCode;
use malanhua_shared::api::Region;

use crate::core::db::DbConn;
use crate::core::error::AppError;

/// Every region, ordered by code.
pub fn list(conn: &mut DbConn) -> Result<Vec<Region>, AppError> {
    let rows = crate::core::regions::store::all(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| Region { code: r.code, name_zh: r.name_zh, name_en: r.name_en, parent: r.parent_code, level: r.level })
        .collect())
}

/// The region if it is in the tree; otherwise a field error for `field`.
pub fn require_known(conn: &mut DbConn, code: &RegionCode, field: &str) -> Result<String, AppError> {
    match crate::core::regions::store::find(conn, code)? {
        Some(r) => Ok(r.name_zh),
        None => Err(AppError::field(field, malanhua_shared::FieldCode::UnknownRegion)),
    }
}

pub mod store;
