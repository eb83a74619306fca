//! What the bureau steers by and what follows a course: outcomes after
//! training (a business started, its credit code, industry and jobs) with
//! follow-up reminders at the policy's months after the certificate, and
//! the region's statistics (figures by region one level down and by month
//! or quarter, the funnel from enrolment to payment, institutions' results).

pub mod dashboard;
pub mod export;
pub mod figures;
pub mod follow_ups;
pub mod journey;
pub mod outcomes;
pub mod outreach;
pub mod routes;
pub mod rules;
pub mod sql;
pub mod store;
pub mod tally;

pub use outcomes::{my_outcomes, outcome_of, record};
