//! Public answers (the catalogue, the mentor directory) kept for a few
//! seconds and dropped the moment anything is written: on a busy morning
//! most visitors ask the same few questions (the first page, their city),
//! and the answer cannot have changed while no write has ended since it
//! was made. When a kept answer ends, the many requests asking the same
//! question wait for one read instead of all reading at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use std::future::Future;

use crate::core::error::AppError;

/// The longest an answer is kept, even with no write at all (so the end of
/// a day, which hides the classes that are over, shows soon enough).
const KEEP_SECONDS: i64 = 5;
/// Answers kept at most; when full, all are dropped (a few MB at most).
const MAX_ENTRIES: usize = 256;

struct Entry {
    generation: u64,
    made: DateTime<Utc>,
    body: Bytes,
}

/// The kept answers, by question, and the reads under way.
#[derive(Default)]
pub struct KeptAnswers {
    entries: Mutex<HashMap<String, Entry>>,
    flights: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// The key of a question: its fields, as sent.
pub fn key(query: &impl serde::Serialize) -> String {
    serde_json::to_string(query).unwrap_or_default()
}

impl KeptAnswers {
    /// [`KeptAnswers::answer`] for a question (its fields are the key)
    /// whose answer is read as a value and kept as its JSON.
    pub async fn json<Q, T, F, Fut>(&self, question: &Q, now: DateTime<Utc>, read: F) -> Result<Bytes, AppError>
    where
        Q: serde::Serialize,
        T: serde::Serialize,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        self.answer(key(question), now, || async {
            let value = read().await?;
            Ok(Bytes::from(serde_json::to_vec(&value).map_err(AppError::internal)?))
        })
        .await
    }

    /// The answer to `key`: the kept one while no write has ended since it
    /// was made, else `read` once however many ask at the same moment, and
    /// kept. The write count is taken before the read, so an answer that
    /// might predate a write is never kept as current.
    pub async fn answer<F, Fut>(&self, key: String, now: DateTime<Utc>, read: F) -> Result<Bytes, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Bytes, AppError>>,
    {
        if let Some(body) = self.get(&key, crate::core::db::write_generation(), now) {
            return Ok(body);
        }
        let flight = self.flight(&key);
        let answer = async {
            let _one_read = flight.lock().await;
            let generation = crate::core::db::write_generation();
            if let Some(body) = self.get(&key, generation, now) {
                return Ok(body);
            }
            let body = read().await?;
            self.put(key.clone(), generation, now, body.clone());
            Ok(body)
        }
        .await;
        self.land(&key, &flight);
        answer
    }

    /// The kept answer, if it was made at `generation` (no write ended
    /// since) and is fresh at `now`.
    fn get(&self, key: &str, generation: u64, now: DateTime<Utc>) -> Option<Bytes> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(key)?;
        let fresh = e.generation == generation && now >= e.made && now - e.made < Duration::seconds(KEEP_SECONDS);
        fresh.then(|| e.body.clone())
    }

    /// The read of `key` under way (or a new one): lock it, look again,
    /// and read only if the answer is still not kept.
    fn flight(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        match self.flights.lock() {
            Ok(mut f) => f.entry(key.to_owned()).or_default().clone(),
            Err(_) => Arc::default(),
        }
    }

    /// The read of `key` is over; later misses start a new one.
    fn land(&self, key: &str, flight: &Arc<tokio::sync::Mutex<()>>) {
        if let Ok(mut f) = self.flights.lock()
            && f.get(key).is_some_and(|x| Arc::ptr_eq(x, flight))
        {
            f.remove(key);
        }
    }

    /// Keeps an answer made from a read that began at `generation`.
    fn put(&self, key: String, generation: u64, now: DateTime<Utc>, body: Bytes) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, Entry { generation, made: now, body });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap_or_default()
    }

    #[test]
    fn an_answer_is_served_only_while_nothing_was_written_and_for_a_few_seconds() {
        let cache = KeptAnswers::default();
        cache.put("q".into(), 7, at(0), Bytes::from_static(b"page"));
        assert_eq!(cache.get("q", 7, at(4)).as_deref(), Some(&b"page"[..]));
        assert_eq!(cache.get("q", 8, at(1)), None, "a write ended since");
        assert_eq!(cache.get("q", 7, at(5)), None, "too old");
        assert_eq!(cache.get("q", 7, at(-1)), None, "the clock went back");
        assert_eq!(cache.get("other", 7, at(1)), None);
    }

    #[test]
    fn one_read_is_under_way_per_question_until_it_lands() {
        let cache = KeptAnswers::default();
        let a = cache.flight("q");
        assert!(Arc::ptr_eq(&a, &cache.flight("q")), "a second miss waits for the first read");
        assert!(!Arc::ptr_eq(&a, &cache.flight("other")));
        cache.land("q", &a);
        assert!(!Arc::ptr_eq(&a, &cache.flight("q")), "after landing, a new read");
    }

    #[test]
    fn a_full_cache_starts_again() {
        let cache = KeptAnswers::default();
        for i in 0..MAX_ENTRIES {
            cache.put(format!("q{i}"), 1, at(0), Bytes::new());
        }
        cache.put("last".into(), 1, at(0), Bytes::new());
        assert!(cache.get("q0", 1, at(0)).is_none());
        assert!(cache.get("last", 1, at(0)).is_some());
    }
}
