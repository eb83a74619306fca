//! The one clock the server reads. Production runs on the system clock; tests
//! build the app with an adjustable clock and move time by advancing it,
//! never by rewriting rows.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

/// Now, as the server sees it: the system time plus an offset that only an
/// adjustable clock can change.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Milliseconds added to the system time; `None` for the system clock.
    offset_ms: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self { offset_ms: None }
    }

    /// A clock that tests can move; it starts at the system time.
    pub fn adjustable() -> Self {
        Self { offset_ms: Some(Arc::new(AtomicI64::new(0))) }
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        let real = Utc::now();
        match &self.offset_ms {
            None => real,
            Some(offset) => real + Duration::milliseconds(offset.load(Ordering::SeqCst)),
        }
    }

    /// Moves an adjustable clock forward (or back) by `by`; the system clock
    /// cannot be moved and says so.
    pub fn advance(&self, by: Duration) -> Result<(), ClockError> {
        let offset = self.offset_ms.as_ref().ok_or(ClockError::NotAdjustable)?;
        offset.fetch_add(by.num_milliseconds(), Ordering::SeqCst);
        Ok(())
    }

    /// Sets an adjustable clock so that it reads `to` now.
    pub fn set(&self, to: DateTime<Utc>) -> Result<(), ClockError> {
        let offset = self.offset_ms.as_ref().ok_or(ClockError::NotAdjustable)?;
        offset.store((to - Utc::now()).num_milliseconds(), Ordering::SeqCst);
        Ok(())
    }
}

/// Why a clock could not be moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// The system clock is never moved by the app.
    #[error("the system clock cannot be moved")]
    NotAdjustable,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustable_clock_moves_and_the_system_clock_does_not() {
        let clock = Clock::adjustable();
        let before = clock.now();
        assert_eq!(clock.advance(Duration::days(3)), Ok(()));
        let moved = clock.now() - before;
        assert!(moved >= Duration::days(3) && moved < Duration::days(3) + Duration::minutes(1), "{moved}");
        let target = before + Duration::days(10);
        assert_eq!(clock.set(target), Ok(()));
        assert!((clock.now() - target).num_seconds().abs() < 60);
        assert_eq!(Clock::system().advance(Duration::days(1)), Err(ClockError::NotAdjustable));
    }

    #[test]
    fn clones_share_one_time() {
        let clock = Clock::adjustable();
        let other = clock.clone();
        assert_eq!(clock.advance(Duration::hours(5)), Ok(()));
        assert!((other.now() - Utc::now()) >= Duration::hours(5) - Duration::seconds(1));
    }
}
