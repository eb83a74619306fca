//! The connection enum; the derive writes the dispatch to each backend.

use diesel::{PgConnection, SqliteConnection};

/// A connection to either database; queries are written once against it.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    /// A province's PostgreSQL server.
    Postgres(PgConnection),
    /// The embedded SQLite file.
    Sqlite(SqliteConnection),
}
