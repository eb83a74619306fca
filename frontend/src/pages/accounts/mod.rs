//! Accounts: the home page and dashboard, signing up and in, the profile
//! and the administration of staff accounts.

pub mod admin;
pub mod home;
pub mod login;
pub mod profile;
pub mod register;
