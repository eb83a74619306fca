//! j/k along a list an officer works through (class approvals, completions
//! waiting for a decision): each key moves the focus to the next or
//! previous item's control, so Enter then does what that control does.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::focus;
use crate::hooks::shortcuts::use_shortcuts;

/// Where `j` (forward) or `k` (back) goes from `at` in a list of `len`.
pub fn step(at: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    // The list may have become shorter since the last key (a reload, a decision).
    let at = at.map(|i| i.min(len - 1));
    Some(match (at, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(len - 1),
        (Some(i), false) => i.saturating_sub(1),
    })
}

/// Gives `j` and `k` to the list whose items' controls have these ids.
#[hook]
pub fn use_list_keys(targets: Vec<String>) {
    let at = use_memo((), |()| Rc::new(Cell::new(None::<usize>)));
    let on_key = {
        let at = (*at).clone();
        Callback::from(move |key: String| {
            let forward = match key.as_str() {
                "j" => true,
                "k" => false,
                _ => return false,
            };
            match step(at.get(), targets.len(), forward) {
                Some(i) => {
                    at.set(Some(i));
                    focus(&targets[i]);
                    true
                }
                None => false,
            }
        })
    };
    use_shortcuts(on_key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn j_and_k_stay_inside_the_list() {
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(Some(0), 3, true), Some(1));
        assert_eq!(step(Some(2), 3, true), Some(2), "the last stays the last");
        assert_eq!(step(Some(0), 3, false), Some(0));
        assert_eq!(step(None, 0, true), None, "an empty list has nowhere to go");
        assert_eq!(step(Some(7), 3, false), Some(1), "a list that got shorter: from its last item");
        assert_eq!(step(Some(7), 3, true), Some(2));
    }
}
