//! Answers of the public catalogue, kept for a few seconds and dropped the
//! moment anything is written: on a busy morning most visitors ask the
//! same few questions (the first page, their city), and the answer cannot
//! have changed while no write has ended since it was made.

use std::collections::HashMap;
use std::sync::Mutex;

use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use malanhua_shared::api::classes::CatalogueQuery;

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

/// The kept answers, by query.
#[derive(Default)]
pub struct CatalogueCache {
    entries: Mutex<HashMap<String, Entry>>,
}

/// The key of a query: its fields, as sent.
pub fn key(query: &CatalogueQuery) -> String {
    serde_json::to_string(query).unwrap_or_default()
}

impl CatalogueCache {
    /// The kept answer, if it was made at `generation` (no write ended
    /// since) and is fresh at `now`.
    pub fn get(&self, key: &str, generation: u64, now: DateTime<Utc>) -> Option<Bytes> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(key)?;
        let fresh = e.generation == generation && now >= e.made && now - e.made < Duration::seconds(KEEP_SECONDS);
        fresh.then(|| e.body.clone())
    }

    /// Keeps an answer made from a read that began at `generation`.
    pub fn put(&self, key: String, generation: u64, now: DateTime<Utc>, body: Bytes) {
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
        let cache = CatalogueCache::default();
        cache.put("q".into(), 7, at(0), Bytes::from_static(b"page"));
        assert_eq!(cache.get("q", 7, at(4)).as_deref(), Some(&b"page"[..]));
        assert_eq!(cache.get("q", 8, at(1)), None, "a write ended since");
        assert_eq!(cache.get("q", 7, at(5)), None, "too old");
        assert_eq!(cache.get("q", 7, at(-1)), None, "the clock went back");
        assert_eq!(cache.get("other", 7, at(1)), None);
    }

    #[test]
    fn a_full_cache_starts_again() {
        let cache = CatalogueCache::default();
        for i in 0..MAX_ENTRIES {
            cache.put(format!("q{i}"), 1, at(0), Bytes::new());
        }
        cache.put("last".into(), 1, at(0), Bytes::new());
        assert!(cache.get("q0", 1, at(0)).is_none());
        assert!(cache.get("last", 1, at(0)).is_some());
    }
}
