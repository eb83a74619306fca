//! The mentor library (创业导师库): applications and terms, the public
//! directory, availability and free slots, one-to-one appointments that can
//! never double-book, group sessions with a fair waitlist, service records
//! and ratings, calendar files and the reminder job.

pub mod appointments;
pub mod availability;
pub mod calendar;
pub mod decode;
pub mod demo;
pub mod directory;
pub mod groups;
pub mod jobs;
pub mod library;
pub mod lifecycle;
pub mod routes;
pub mod rules;
pub mod service;
pub mod store;
