//! What every request can reach: the pool, the clock, the configuration,
//! token keys and the hashing permits.

use crate::accounts::passwords::HashingQueue;
use crate::accounts::tokens::TokenKeys;
use crate::config::{Backend, Config};
use crate::core::clock::Clock;
use crate::core::db::{DbConn, DbPool};
use crate::core::error::AppError;
use crate::core::limits::Limits;
use chrono::{DateTime, Utc};

/// What every request can reach.
pub struct AppState {
    /// The connection pool.
    pub pool: DbPool,
    /// Which database.
    pub backend: Backend,
    /// The one clock: every use case reads the time from here.
    pub clock: Clock,
    /// The configuration.
    pub config: Config,
    /// Session token keys.
    pub tokens: TokenKeys,
    /// One hash per core, a bounded queue behind: a sign-in rush neither
    /// starves the server nor piles up without end.
    pub hashing: HashingQueue,
    /// Recent answers of the public catalogue (dropped by any write).
    pub catalogue: crate::core::kept::KeptAnswers,
    /// Recent pages of the mentor directory (dropped by any write).
    pub directory: crate::core::kept::KeptAnswers,
    /// Request limits per address for unsigned calls.
    pub limits: Limits,
    /// The keys of resident IDs at rest.
    pub pii: crate::accounts::pii::PiiKeys,
    /// Where text messages go: the development outbox or a provider.
    pub sms: std::sync::Arc<dyn crate::accounts::sms::SmsSender>,
}

impl AppState {
    /// Now, by the app's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Runs blocking database reads on the blocking pool with a pooled
    /// connection. Writes go through [`AppState::write`], which takes
    /// SQLite's write lock up front.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Runs `f` in one write transaction on the blocking pool: everything it
    /// writes commits together, or nothing does.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    {
        self.db(move |c| crate::core::db::write_tx(c, f)).await
    }

    /// [`AppState::write`] for what no public page shows (see
    /// [`crate::core::db::write_tx_private`]).
    pub async fn write_private<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    {
        self.db(move |c| crate::core::db::write_tx_private(c, f)).await
    }
}
