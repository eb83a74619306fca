//! What the bureau's worklist needs beyond the claims themselves: the orders
//! it can be sorted in, and which stage actions a stage admits (so a
//! selection is offered only the actions valid for all of it).

use super::{ClaimAction, ClaimStatus};

named_enum!(
    /// The orders of the worklist (`?sort=`).
    ClaimSort {
        /// Oldest filed first (the default: first come, first served).
        Filed = "filed",
        /// Newest filed first.
        FiledDesc = "filed_desc",
        /// Smallest amount first.
        Amount = "amount",
        /// Largest amount first.
        AmountDesc = "amount_desc",
        /// By institution name (claims without one first).
        Institution = "institution",
        /// Longest at its present stage first.
        StageAge = "stage_age",
    }
);

/// The stage actions a claim at `status` admits when nothing else stands in
/// the way (a different officer at each stage, notice ended, no objection
/// open). The server decides each claim on its own; this only tells the
/// worklist what to offer, so it never offers an action some of the
/// selection cannot take.
pub fn actions_at(status: ClaimStatus) -> &'static [ClaimAction] {
    use ClaimAction as A;
    use ClaimStatus as S;
    match status {
        S::Draft => &[A::Reject],
        S::Submitted => &[A::Review, A::Return, A::Reject],
        S::Reviewed => &[A::Approve, A::Return, A::Reject],
        S::Approved => &[A::Publish, A::Return, A::Reject],
        S::Notice => &[A::Pay, A::Reject],
        S::Held | S::Returned => &[A::Reject],
        S::Paid | S::Rejected => &[],
    }
}

/// The actions every claim of a selection admits, in stage order; empty for
/// an empty selection.
pub fn actions_for_all(statuses: &[ClaimStatus]) -> Vec<ClaimAction> {
    if statuses.is_empty() {
        return vec![];
    }
    ClaimAction::ALL.iter().copied().filter(|a| statuses.iter().all(|s| actions_at(*s).contains(a))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_offered_only_what_all_of_it_admits() {
        use ClaimAction as A;
        use ClaimStatus as S;
        assert_eq!(actions_for_all(&[S::Submitted]), [A::Review, A::Return, A::Reject]);
        assert_eq!(actions_for_all(&[S::Submitted, S::Reviewed]), [A::Return, A::Reject]);
        assert_eq!(actions_for_all(&[S::Submitted, S::Paid]), []);
        assert_eq!(actions_for_all(&[S::Notice, S::Notice]), [A::Pay, A::Reject]);
        assert_eq!(actions_for_all(&[S::Draft]), [A::Reject]);
        assert_eq!(actions_for_all(&[]), []);
    }

    #[test]
    fn every_sort_has_a_stable_name() {
        for s in ClaimSort::ALL {
            assert_eq!(ClaimSort::from_name(s.as_str()), Some(*s));
        }
    }
}
