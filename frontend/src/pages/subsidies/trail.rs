//! The worklist's order, remembered for the tab (session storage) so a
//! claim opened from it can offer the next one, and "back to the list"
//! returns to the same filters and sort.

use gloo::storage::{SessionStorage, Storage};
use malanhua_shared::api::subsidies::ClaimQuery;
use serde::{Deserialize, Serialize};

/// Session storage key of the trail.
const TRAIL_KEY: &str = "malanhua.worklist";

/// The list as last shown: its address and its claims in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    /// The list's filters and order.
    pub query: ClaimQuery,
    /// Each claim's id and holder, in list order.
    pub claims: Vec<(String, String)>,
}

impl Trail {
    /// The claim after `id`: its id, holder and place (1-based) in the list.
    pub fn next_after(&self, id: &str) -> Option<(String, String, usize)> {
        let at = self.claims.iter().position(|(c, _)| c == id)?;
        self.claims.get(at + 1).map(|(c, h)| (c.clone(), h.clone(), at + 2))
    }

    /// How many claims the list shows.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// True when the list shows none.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// True when the claim is on the list.
    pub fn contains(&self, id: &str) -> bool {
        self.claims.iter().any(|(c, _)| c == id)
    }
}

/// Remembers the list.
pub fn save(trail: &Trail) {
    // Storage may be disabled; "next claim" is then simply not offered.
    let _ = SessionStorage::set(TRAIL_KEY, trail);
}

/// The list last shown in this tab.
pub fn load() -> Option<Trail> {
    SessionStorage::get(TRAIL_KEY).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_claim_is_the_one_after_in_list_order() {
        let trail = Trail {
            query: ClaimQuery::default(),
            claims: vec![("a".into(), "张三".into()), ("b".into(), "李四".into())],
        };
        assert_eq!(trail.next_after("a"), Some(("b".into(), "李四".into(), 2)));
        assert_eq!(trail.next_after("b"), None, "the last has no next");
        assert_eq!(trail.next_after("z"), None, "a claim not on the list has none");
        assert!(trail.contains("b") && !trail.contains("z"));
    }
}
