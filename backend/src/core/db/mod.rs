//! Storage: one connection type over SQLite and PostgreSQL, the pool, the
//! embedded migrations, and queries that take `&mut DbConn` so a use case
//! can compose them inside one transaction.

mod backup;
mod connection;
pub mod schema;

use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub use backup::backup;
pub use connection::DbConn;

use crate::config::{Backend, sqlite_path};

/// The migrations of each backend, compiled into the binary.
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
/// See [`SQLITE_MIGRATIONS`].
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Errors from storage, kept apart from business errors.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// No connection could be had.
    #[error("database connection: {0}")]
    Connection(String),
    /// Migrations failed.
    #[error("migrations: {0}")]
    Migration(String),
}

/// Opens connections for the pool, choosing the backend explicitly.
#[derive(Debug)]
pub struct Manager {
    url: String,
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        let conn_err = diesel::r2d2::Error::ConnectionError;
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConn::Postgres).map_err(conn_err),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(sqlite_path(&self.url)).map_err(conn_err)?;
                // synchronous = FULL: a commit is on disk before it is
                // acknowledged, so power loss cannot take back a payment
                // (about 0.15 ms more per commit, measured on this disk).
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1").map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// The connection pool.
pub type DbPool = Pool<Manager>;
/// A connection taken from the pool.
pub type PooledConn = PooledConnection<Manager>;

/// Builds the pool (creating the SQLite folder if needed); a request waits
/// at most `wait` for a free connection.
pub fn pool(url: &str, backend: Backend, size: u32, wait: Duration) -> Result<DbPool, DbError> {
    if backend == Backend::Sqlite {
        let path = std::path::Path::new(sqlite_path(url));
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| DbError::Connection(format!("{}: {e}", dir.display())))?;
        }
    }
    Pool::builder()
        .max_size(size)
        .connection_timeout(wait)
        .build(Manager { url: url.to_owned(), backend })
        .map_err(|e| DbError::Connection(e.to_string()))
}

/// Applies pending migrations; returns the newest applied version.
pub fn migrate(conn: &mut DbConn) -> Result<String, DbError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    match conn {
        DbConn::Sqlite(c) => {
            c.run_pending_migrations(SQLITE_MIGRATIONS).map_err(err)?;
        }
        DbConn::Postgres(c) => {
            // Instances starting together queue here: the first migrates,
            // the others then find nothing pending.
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
            let ran = c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()).map_err(err);
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
            ran?;
        }
    }
    migration_version(conn)
}

/// The PostgreSQL advisory lock key held while migrating ("malanhua" in ASCII).
const MIGRATION_LOCK: i64 = 0x6d61_6c61_6e68_7561;

/// The newest applied migration version.
pub fn migration_version(conn: &mut DbConn) -> Result<String, DbError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    let versions = match conn {
        DbConn::Sqlite(c) => c.applied_migrations().map_err(err)?,
        DbConn::Postgres(c) => c.applied_migrations().map_err(err)?,
    };
    Ok(versions.iter().map(ToString::to_string).max().unwrap_or_default())
}

/// Runs `f` in a write transaction. On SQLite it begins `IMMEDIATE`, taking
/// the write lock up front so concurrent writers queue on the busy timeout
/// instead of failing on a lock upgrade; on PostgreSQL a plain transaction.
pub fn write_tx<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let result = write_tx_inner(conn, f);
    // Counted after the commit (or the rollback, to be safe): a cached
    // answer made before this number moved is never served after it.
    WRITES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    result
}

/// [`write_tx`] for writes no kept public answer can show (sign-in
/// attempts, sessions, their audit): the write count stays, so a rush of
/// sign-ins leaves the catalogue's kept answers in place.
pub fn write_tx_private<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    write_tx_inner(conn, f)
}

static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many write transactions this process has ended: read it before a
/// read whose answer is cached, and the answer is good while it is unchanged.
pub fn write_generation() -> u64 {
    WRITES.load(std::sync::atomic::Ordering::SeqCst)
}

fn write_tx_inner<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    if !matches!(conn, DbConn::Sqlite(_)) {
        return conn.transaction(f);
    }
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    let DbConn::Sqlite(c) = conn else { return result };
    match result {
        Ok(value) => {
            if let Err(e) = AnsiTransactionManager::commit_transaction(c) {
                let _ = AnsiTransactionManager::rollback_transaction(c);
                return Err(e.into());
            }
            Ok(value)
        }
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(c)?;
            Err(e)
        }
    }
}

/// Serialises the transaction with any other holding one of `keys` (in
/// order; PostgreSQL advisory transaction locks, released at commit). On
/// SQLite the write transaction already holds the database lock.
pub fn lock_keys(conn: &mut DbConn, keys: &[&str]) -> QueryResult<()> {
    if let DbConn::Postgres(c) = conn {
        for key in keys {
            diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
                .bind::<diesel::sql_types::Text, _>(*key)
                .execute(c)?;
        }
    }
    Ok(())
}

/// True when the error is a unique-constraint violation.
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(e, diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _))
}

/// A new time-ordered id (UUIDv7) as text.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The database's size on disk in bytes: the SQLite file (with its WAL), or
/// `pg_database_size` of the PostgreSQL database.
pub fn size_bytes(conn: &mut DbConn, url: &str) -> Result<u64, DbError> {
    #[derive(diesel::QueryableByName)]
    struct Size {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        bytes: i64,
    }
    match conn {
        DbConn::Sqlite(_) => {
            let path = sqlite_path(url);
            let len = |p: &str| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            Ok(len(path) + len(&format!("{path}-wal")))
        }
        DbConn::Postgres(c) => {
            let size: Size = diesel::sql_query("SELECT pg_database_size(current_database()) AS bytes").get_result(c)?;
            Ok(u64::try_from(size.bytes).unwrap_or(0))
        }
    }
}

/// The codes starting with `prefix` as a range, `[low, high)`: unlike
/// `LIKE 'prefix%'` (case-insensitive in SQLite, collation-bound in
/// PostgreSQL), both databases read a range from an index. Region codes are
/// digits, so the next character up ends the range.
pub fn prefix_range(prefix: &str) -> (String, String) {
    let mut high = prefix.to_owned();
    match high.pop() {
        Some(last) => high.push(char::from_u32(u32::from(last) + 1).unwrap_or('~')),
        None => high.push('~'),
    }
    (prefix.to_owned(), high)
}

#[cfg(test)]
mod prefix_tests {
    use super::prefix_range;

    #[test]
    fn a_prefix_range_holds_exactly_the_codes_that_start_with_it() {
        let (low, high) = prefix_range("3702");
        let inside = |code: &str| code >= low.as_str() && code < high.as_str();
        assert!(inside("370200") && inside("370213") && inside("370299"));
        assert!(!inside("370300") && !inside("370199") && !inside("37"));
        assert_eq!(prefix_range("379"), ("379".to_owned(), "37:".to_owned()));
        assert_eq!(prefix_range(""), (String::new(), "~".to_owned()));
    }
}
