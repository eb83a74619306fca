//! Classes: course policies, trainers, opening requests and their decision,
//! the public catalogue, enrolment with a waitlist, rosters and notifications.

pub mod catalogue;
pub mod decode;
pub mod ending;
pub mod enrolment;
pub mod notifications;
pub mod opening;
pub mod policies;
pub mod roster;
pub mod routes;
pub mod rules;
pub mod store;
pub mod trainers;
pub mod views;

pub use catalogue::{catalogue, catalogue_json, class_detail};
pub use ending::end_early;
pub use enrolment::{enrol, my_classes, withdraw};
pub use notifications::{mark_read, notifications};
pub use opening::{bureau_classes, cancel, decide, decision_reason, file_class, institution_classes, notification};
pub use policies::{policies, policy_for, set_policy};
pub use roster::{roster, roster_csv};
pub use trainers::{add_trainer, trainers};
pub use views::summaries;
