//! `malanhua backup`: a consistent copy of an SQLite database, taken while
//! the server runs. `VACUUM INTO` reads one snapshot (a read transaction, so
//! writers carry on) and writes it as a fresh, compact database file. For
//! PostgreSQL the README gives `pg_dump`.

use std::path::Path;

use diesel::connection::SimpleConnection;

use super::{DbConn, DbError};

/// Writes a snapshot of the SQLite database to `to` (which must not exist);
/// returns its size in bytes.
pub fn backup(conn: &mut DbConn, to: &Path) -> Result<u64, DbError> {
    let DbConn::Sqlite(c) = conn else {
        return Err(DbError::Connection(
            "backup copies an SQLite file; for PostgreSQL use pg_dump --format=custom (see the README)".into(),
        ));
    };
    if to.exists() {
        return Err(DbError::Connection(format!("{} already exists; choose a new file", to.display())));
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| DbError::Connection(format!("{}: {e}", dir.display())))?;
    }
    let quoted = to.display().to_string().replace('\'', "''");
    c.batch_execute(&format!("VACUUM INTO '{quoted}'"))?;
    std::fs::metadata(to).map(|m| m.len()).map_err(|e| DbError::Connection(format!("{}: {e}", to.display())))
}
