//! API tests: the server on port 0 against a fresh database, driven over
//! HTTP. The same suite runs on SQLite and on PostgreSQL (`MALANHUA_TEST_DB`).

mod accounts;
mod admin;
mod audit;
mod calendar;
mod certificates;
mod classes;
mod demo_policies;
mod duties;
mod errors;
mod faults;
mod fees;
mod kill;
mod lifecycle;
mod mentor_services;
mod mentors;
mod mentors_race;
mod meta;
mod outcomes;
mod pipeline;
mod policy_rules;
mod privacy;
mod profile;
mod proposals;
mod race;
mod renewal;
mod scale;
mod schema;
mod signin_limits;
mod spa;
mod statistics;
mod studios;
mod subsidies;
mod tokens;
mod verification;
mod worklist;
