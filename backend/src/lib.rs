//! Malanhua API server.
//!
//! Layers, outside in: [`http`] (warp filters and thin handlers) calls
//! [`service`] (one function per use case: load, decide, persist and audit in
//! one transaction), which asks [`domain`] (pure rules, no I/O, time as a
//! parameter) and uses [`db`] (diesel over SQLite or PostgreSQL).

pub mod app;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod http;
pub mod service;
pub mod telemetry;

pub use app::{App, AppState};
pub use config::Config;
pub use error::AppError;
