//! One folder per feature, mirroring `api/` and the backend's features;
//! one module per route (or a pair of routes) inside.

pub mod accounts;
pub mod certificates;
pub mod classes;
pub mod mentors;
pub mod not_found;
pub mod privacy;
pub mod statistics;
pub mod studios;
pub mod subsidies;
