//! The database ceiling of the enrolment transaction, for the benchmark:
//! the product's own enrolment and withdrawal (the same statements, the
//! same driver, the same pool), called by `workers` tasks with no HTTP in
//! between, in the same enrol-then-withdraw cycle the load generator
//! sends. The benchmark reports the HTTP rate as a share of this one.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use malanhua_shared::UserId;
use malanhua_shared::api::classes::EnrolRequest;
use malanhua_shared::ids::SessionId;
use serde::Serialize;

use crate::core::authorization::{Actor, Grant};
use crate::core::error::AppError;
use crate::core::state::AppState;

/// What one ceiling run measured.
#[derive(Debug, Serialize)]
pub struct Ceiling {
    /// Transactions that committed (a seat, a waitlist place or a withdrawal).
    pub committed: u64,
    /// Refusals (none expected).
    pub refused: u64,
    /// Seconds measured.
    pub seconds: f64,
    /// Committed per second.
    pub per_second: f64,
}

/// The people behind these tokens (each verified with the server's key).
pub fn people_of(state: &AppState, tokens: &str) -> Result<Vec<UserId>, AppError> {
    let now = state.now();
    tokens
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|t| state.tokens.verify(t.trim(), now).map(|c| UserId::from_raw(c.sub)))
        .collect()
}

/// Runs for `seconds`; then every seat still held by these people in the
/// class is given back (not timed), so the HTTP run starts from the same state.
pub async fn enrolment(
    state: Arc<AppState>,
    class: String,
    people: Vec<UserId>,
    workers: usize,
    seconds: f64,
) -> Result<Ceiling, AppError> {
    let workers = workers.clamp(1, people.len().max(1));
    let committed = Arc::new(AtomicU64::new(0));
    let refused = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..workers {
        let mine: Vec<UserId> = people.iter().skip(w).step_by(workers).cloned().collect();
        let (state, class, committed, refused) = (state.clone(), class.clone(), committed.clone(), refused.clone());
        tasks.push(tokio::spawn(async move {
            let actor = |u: &UserId| Actor {
                user_id: u.clone(),
                session_id: SessionId::from_raw("ceiling"),
                grants: vec![Grant::Trainee],
            };
            let mut held: Vec<UserId> = Vec::new();
            'run: loop {
                for enrol in [true, false] {
                    for u in &mine {
                        if Instant::now() >= until {
                            break 'run;
                        }
                        let now = state.now();
                        let done = if enrol {
                            crate::classes::enrolment::enrol(
                                &state,
                                actor(u),
                                class.clone(),
                                EnrolRequest::default(),
                                now,
                            )
                            .await
                            .map(|_| held.push(u.clone()))
                        } else {
                            let r = crate::classes::enrolment::withdraw(&state, actor(u), class.clone(), now).await;
                            held.retain(|h| h != u);
                            r.map(|_| ())
                        };
                        let counter = if done.is_ok() { &committed } else { &refused };
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            for u in held {
                let _ = crate::classes::enrolment::withdraw(&state, actor(&u), class.clone(), state.now()).await;
            }
        }));
    }
    for t in tasks {
        t.await.map_err(AppError::internal)?;
    }
    // Only what started before the end counts; the clean-up after is not timed.
    let seconds_measured = seconds.min(started.elapsed().as_secs_f64()).max(0.001);
    let committed = committed.load(Ordering::Relaxed);
    Ok(Ceiling {
        committed,
        refused: refused.load(Ordering::Relaxed),
        seconds: seconds_measured,
        per_second: committed as f64 / seconds_measured,
    })
}
