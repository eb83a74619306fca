//! Certificates: attendance and check-in, results and the completion
//! review, the certificates themselves and their public check.

pub mod attendance;
mod attendance_history;
pub mod bureau_completions;
pub mod certificate;
pub mod completion;
pub mod my_class;
pub mod outcome;
pub mod verify;
