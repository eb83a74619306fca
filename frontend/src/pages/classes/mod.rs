//! Classes: the catalogue, one class and enrolment, a trainee's classes,
//! the institution's workbench and rosters, the bureau's opening
//! decisions, and the notifications about them.

pub mod bureau;
pub mod catalogue;
pub mod class;
pub mod institution;
pub mod my_classes;
pub mod notifications;
pub mod roster;
