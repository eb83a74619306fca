//! Mentor studios (创业指导师工作室): the public directory and studio pages,
//! the leader's reports, and the bureau's worklist, evaluations,
//! revocations and policies. The mentor's application lives in the
//! workspace (`pages/mentors/workspace/studio`); the grant goes through the
//! claim pages of `pages/subsidies`.

pub mod bureau;
pub mod directory;
pub mod info;
pub mod report_form;
pub mod studio;
