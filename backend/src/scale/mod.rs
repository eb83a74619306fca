//! `malanhua seed-scale --factor F`: a province's worth of data, made fast
//! and the same every time for the same seed, for the benchmark
//! (`cargo xtask bench`). At factor 1: 1 province, 16 cities, 100 districts,
//! 500 institutions, 100,000 classes over three years, 1,000,000 trainees
//! with profiles, 1,000,000 enrolments, 600,000 certificates, 1,000,000
//! claims in every stage, 5,000 mentors with 200,000 appointments.
//!
//! Each value is a pure function of the seed and the row's number
//! ([`shape::mix`]), so a later pass (certificates after enrolments) finds
//! the same rows again without holding them in memory. Rows go in as
//! multi-row `INSERT`s, a table at a time, in large transactions.

pub mod ceiling;
mod claims;
mod classes;
pub mod explain;
mod mentors;
mod people;
pub mod shape;
mod sql;

use std::time::Instant;

use chrono::{DateTime, Utc};

use serde::Serialize;

use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
pub use shape::Plan;

/// The password of every account the generator makes.
pub const SCALE_PASSWORD: &str = "Malanhua@2026";

/// What was made, and where the benchmark finds it (printed as JSON).
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The plan's factor.
    pub factor: f64,
    /// The seed.
    pub seed: u64,
    /// Rows written per table.
    pub rows: Vec<(String, u64)>,
    /// Seconds it took.
    pub seconds: f64,
    /// The database's size afterwards, in bytes (SQLite file or PostgreSQL database).
    pub database_bytes: u64,
    /// A province officer (reviews and approves across the province).
    pub officer_mobile: String,
    /// A second province officer (for the stage after the first one's).
    pub second_officer_mobile: String,
    /// The trainees' mobiles are `17` and nine digits, from 0 to `trainees - 1`.
    pub trainees: u64,
    /// The class that opens for enrolment now (the opening-day rush).
    pub rush_class: String,
    /// Its seats.
    pub rush_capacity: u32,
    /// A second open class, for a steady enrol/withdraw mix.
    pub steady_class: String,
    /// A certificate number that verifies.
    pub certificate_number: String,
    /// A class that has a detail page.
    pub some_class: String,
    /// An institution with claims (a worklist filter).
    pub some_institution: String,
}

/// Fills the database (which should hold no scale data yet) per `plan`.
pub async fn seed_scale(state: &AppState, plan: Plan, now: DateTime<Utc>) -> Result<Summary, AppError> {
    let password = crate::accounts::passwords::hash(state, SCALE_PASSWORD.to_owned()).await?;
    let pii = state.pii.clone();
    let pool = state.pool.clone();
    let backend = state.backend;
    let database_url = state.config.database_url.clone();
    tokio::task::spawn_blocking(move || -> Result<Summary, AppError> {
        let started = Instant::now();
        let mut conn = pool.get()?;
        let c: &mut DbConn = &mut conn;
        let shape = shape::Shape::new(plan, now);
        let mut rows = Vec::new();
        let mut step = |name: &str, c: &mut DbConn, f: &dyn Fn(&mut DbConn) -> Result<u64, AppError>| {
            let t = Instant::now();
            let n = crate::core::db::write_tx(c, |c| f(c))?;
            tracing::info!(table = name, rows = n, seconds = t.elapsed().as_secs_f64(), "scale data");
            eprintln!("seed-scale: {name}: {n} rows in {:.1} s", t.elapsed().as_secs_f64());
            rows.push((name.to_owned(), n));
            Ok::<(), AppError>(())
        };
        step("regions", c, &people::regions)?;
        let districts = people::districts(c)?;
        let shape = shape.with_districts(districts);
        step("officers", c, &|c| people::officers(c, &shape, &password))?;
        step("institutions", c, &|c| people::institutions(c, &shape, &password))?;
        step("trainees", c, &|c| people::trainees(c, &shape, &password, &pii))?;
        step("policies", c, &|c| claims::policies(c, &shape))?;
        step("classes", c, &|c| classes::classes(c, &shape))?;
        step("class_sessions", c, &|c| classes::sessions(c, &shape))?;
        step("enrolments", c, &|c| classes::enrolments(c, &shape))?;
        step("certificates", c, &|c| classes::certificates(c, &shape))?;
        step("priority_groups", c, &|c| claims::groups(c, &shape))?;
        step("subsidy_claims", c, &|c| claims::claims(c, &shape))?;
        step("mentors", c, &|c| mentors::mentors(c, &shape, &password))?;
        step("appointments", c, &|c| mentors::appointments(c, &shape))?;
        if backend == crate::config::Backend::Postgres {
            diesel::connection::SimpleConnection::batch_execute(c, "ANALYZE")?;
        } else {
            diesel::connection::SimpleConnection::batch_execute(c, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")?;
        }
        let database_bytes = crate::core::db::size_bytes(c, &database_url)?;
        Ok(Summary {
            factor: plan.factor,
            seed: plan.seed,
            rows,
            seconds: started.elapsed().as_secs_f64(),
            database_bytes,
            officer_mobile: people::officer_mobile(0),
            second_officer_mobile: people::officer_mobile(1),
            trainees: shape.trainees,
            rush_class: shape::id(shape::Tag::Class, shape.classes),
            rush_capacity: shape::RUSH_CAPACITY,
            steady_class: shape::id(shape::Tag::Class, shape.classes + 1),
            certificate_number: classes::first_certificate_number(c)?,
            some_class: shape::id(shape::Tag::Class, shape.classes / 2),
            some_institution: shape::id(shape::Tag::Institution, shape.institutions / 2),
        })
    })
    .await
    .map_err(AppError::internal)?
}
