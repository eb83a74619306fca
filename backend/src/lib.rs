//! Malanhua API server.
//!
//! One folder per feature ([`accounts`], [`classes`], [`certificates`],
//! [`subsidies`]), each with the same files: `rules.rs` (pure decisions, no
//! I/O, time as a parameter), `store.rs` (typed rows and queries on
//! `&mut DbConn`), one file per use-case group (load, decide, persist and
//! audit in one transaction) and `routes.rs` (warp filters and thin
//! handlers). Plumbing every feature uses lives in [`core`].

pub mod accounts;
pub mod app;
pub mod certificates;
pub mod classes;
pub mod config;
pub mod core;
pub mod fees;
pub mod mentors;
pub mod openapi;
pub mod privacy;
pub mod routes;
pub mod scale;
pub mod seed;
pub mod statistics;
pub mod studios;
pub mod subsidies;
pub mod telemetry;

pub use app::App;
pub use config::Config;
pub use core::error::AppError;
pub use core::state::AppState;
