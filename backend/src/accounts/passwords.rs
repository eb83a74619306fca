//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1, per OWASP),
//! at most one hash per core but one at a time, and a bounded queue in front: when
//! it is full, more sign-ins are answered 503 at once instead of piling up.
//!
//! Hashes run on their own threads, one per core, never on tokio's blocking
//! pool: each hash takes 19 MiB, and the allocator keeps freed blocks in the
//! arena of the thread that used them. Spread over the blocking pool's many
//! threads, a sign-in rush left the server holding over 500 MB; on a fixed
//! few threads the memory hashing holds is bounded by their number.

use std::sync::OnceLock;

use tokio::sync::{Semaphore, SemaphorePermit};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::core::error::{AppError, RETRY_AFTER_BUSY};
use crate::core::state::AppState;

fn hasher() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(19_456, 2, 1, None).map_err(AppError::internal)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password (blocking; call through [`hash`]).
pub fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?.hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(AppError::internal)
}

/// True when the password matches the PHC string (blocking).
pub fn verify_blocking(hash: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    hasher().is_ok_and(|h| h.verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to verify against when the account does not exist, so a wrong
/// mobile number costs as much time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_blocking("decoy password that never matches").unwrap_or_default())
}

/// Who may hash now, and how many may wait for it.
pub struct HashingQueue {
    /// Running or waiting; beyond this, requests are refused.
    places: Semaphore,
    /// Running: one per core.
    workers: Semaphore,
}

/// A place in the queue and then a worker, held while one hash runs.
pub struct HashingTurn<'a> {
    _place: SemaphorePermit<'a>,
    _worker: SemaphorePermit<'a>,
}

impl HashingQueue {
    /// `workers` hashes at once, `waiting` more queued behind them.
    pub fn new(workers: usize, waiting: usize) -> Self {
        Self { places: Semaphore::new(workers + waiting), workers: Semaphore::new(workers) }
    }

    /// A place in the queue now, or 503 when it is full.
    pub fn place(&self) -> Result<SemaphorePermit<'_>, AppError> {
        self.places.try_acquire().map_err(|_| {
            tracing::warn!("password hashing queue full");
            AppError::unavailable("too many sign-ins at once; try again shortly", RETRY_AFTER_BUSY)
        })
    }

    /// Waits for a worker, having taken a place (or been refused one).
    pub async fn turn(&self) -> Result<HashingTurn<'_>, AppError> {
        let place = self.place()?;
        let worker = self.workers.acquire().await.map_err(AppError::internal)?;
        Ok(HashingTurn { _place: place, _worker: worker })
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// Hashes that run at once: one core is always left to everything else, so
/// a sign-in rush cannot stall the catalogue (one thread on two cores).
pub fn hashing_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).saturating_sub(1).max(1)
}

/// The hashing threads, one per core, started on first use.
fn hashers() -> &'static std::sync::Mutex<std::sync::mpsc::Sender<Job>> {
    static HASHERS: OnceLock<std::sync::Mutex<std::sync::mpsc::Sender<Job>>> = OnceLock::new();
    HASHERS.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..hashing_threads() {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || {
                loop {
                    let job = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        std::sync::Mutex::new(tx)
    })
}

/// Runs `f` on a hashing thread.
async fn on_hasher<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(f());
    });
    hashers().lock().map_err(|_| AppError::internal("hashing threads"))?.send(job).map_err(AppError::internal)?;
    rx.await.map_err(AppError::internal)
}

/// Hashes on a hashing thread, holding a hashing turn.
pub async fn hash(state: &AppState, password: String) -> Result<String, AppError> {
    let _turn = state.hashing.turn().await?;
    on_hasher(move || hash_blocking(&password)).await?
}

/// Verifies on a hashing thread, holding a hashing turn. `None` checks
/// against a decoy hash and returns false.
pub async fn verify(state: &AppState, hash: Option<String>, password: String) -> Result<bool, AppError> {
    let _turn = state.hashing.turn().await?;
    on_hasher(move || match hash {
        Some(h) => verify_blocking(&h, &password),
        None => {
            let _ = verify_blocking(decoy_hash(), &password);
            false
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use malanhua_shared::ErrorCode;

    #[tokio::test]
    async fn the_queue_refuses_at_once_when_every_place_is_taken() {
        let q = HashingQueue::new(1, 1);
        let first = q.turn().await;
        assert!(first.is_ok(), "a worker is free");
        let waiting = q.place();
        assert!(waiting.is_ok(), "one may wait");
        let refused = q.turn().await.err();
        assert_eq!(refused.as_ref().map(|e| (e.code, e.retry_after)), Some((ErrorCode::Unavailable, Some(5))));
        drop(waiting);
        drop(first);
        assert!(q.turn().await.is_ok(), "places free again once the turns end");
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash_blocking("spring flowers 7").unwrap_or_default();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_blocking(&h, "spring flowers 7"));
        assert!(!verify_blocking(&h, "spring flowers 8"));
        assert!(!verify_blocking("not a hash", "x"));
    }
}
