//! Start-up: config -> pool -> migrations -> routes -> server.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::accounts::passwords::HashingQueue;
use crate::accounts::pii::PiiKeys;
use crate::accounts::sms::{HttpSender, Outbox, SmsSender};
use crate::accounts::tokens::TokenKeys;
use crate::config::Config;
use crate::core::clock::Clock;
use crate::core::db::{self};
use crate::core::error::AppError;
use crate::core::limits::Limits;
use crate::core::state::AppState;

/// A built application, ready to serve.
#[derive(Clone)]
pub struct App {
    /// Shared state.
    pub state: Arc<AppState>,
}

/// A server running in the background (tests and tools).
pub struct RunningApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The state it serves, for tests that inspect the database.
    pub state: Arc<AppState>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<()>,
}

impl RunningApp {
    /// Stops accepting requests and waits for the server to end.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.handle.await;
    }
}

impl App {
    /// Opens the pool and applies migrations; time comes from the system clock.
    pub async fn build(config: Config) -> Result<Self, AppError> {
        Self::build_with_clock(config, Clock::system()).await
    }

    /// Like [`App::build`], with the clock given (tests pass an adjustable one).
    pub async fn build_with_clock(config: Config, clock: Clock) -> Result<Self, AppError> {
        let pii = PiiKeys::new(config.data_key.expose())?;
        let (pool, backend) = {
            let (config, pii) = (config.clone(), pii.clone());
            tokio::task::spawn_blocking(move || -> Result<_, AppError> {
                let wait = std::time::Duration::from_secs(config.pool_wait_secs);
                let pool = db::pool(&config.database_url, config.backend, config.pool_size, wait)?;
                let mut conn = pool.get()?;
                let version = db::migrate(&mut conn)?;
                crate::accounts::pii::seal_legacy(&mut conn, &pii)?;
                tracing::info!(backend = config.backend.name(), %version, "database ready");
                Ok((pool, config.backend))
            })
            .await
            .map_err(AppError::internal)??
        };
        let permits = crate::accounts::passwords::hashing_threads();
        let tokens =
            TokenKeys::new(config.jwt_secret.expose(), config.token_minutes).with_absolute(config.session_max_minutes);
        let sms: Arc<dyn SmsSender> = match &config.sms {
            Some(http) => Arc::new(HttpSender::new(http.clone()).map_err(AppError::internal)?),
            None => Arc::new(Outbox),
        };
        Ok(Self {
            state: Arc::new(AppState {
                pool,
                backend,
                clock,
                tokens,
                hashing: HashingQueue::new(permits, config.hash_queue),
                catalogue: Default::default(),
                directory: Default::default(),
                limits: Limits::new(config.public_per_minute, config.objections_per_day),
                sms,
                pii,
                config,
            }),
        })
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn serve(self) -> std::io::Result<()> {
        let listener = TcpListener::bind(self.state.config.addr).await?;
        tracing::info!(addr = %listener.local_addr()?, "serving");
        let routes = crate::routes::routes(self.state.clone());
        // Request expiry, term ends and reminders, once a minute.
        let job = crate::mentors::jobs::spawn(self.state.clone(), std::time::Duration::from_secs(60));
        warp::serve(routes).incoming(listener).graceful(shutdown_signal()).run().await;
        job.abort();
        tracing::info!("stopped");
        Ok(())
    }

    /// Serves on `addr` (port 0 picks a free port) in the background.
    pub async fn spawn(self, addr: SocketAddr) -> std::io::Result<RunningApp> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (tx, rx) = oneshot::channel::<()>();
        let routes = crate::routes::routes(self.state.clone());
        let server = warp::serve(routes).incoming(listener).graceful(async move {
            let _ = rx.await;
        });
        let handle = tokio::spawn(server.run());
        Ok(RunningApp { addr, state: self.state, shutdown: Some(tx), handle })
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
