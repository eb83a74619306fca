//! 政策找人: the bureau's list of people entitled to something they have
//! not received (a certificate with an eligible group and no claim, a claim
//! window closing with nothing filed, a declaration waiting to be checked,
//! an SYB graduate who may take IYB), and a one-click notification to each,
//! never twice to one person within a week.

pub mod list;
pub mod nudge;
pub mod rows;
pub mod rules;
pub mod store;

pub use list::list;
pub use nudge::nudge;
