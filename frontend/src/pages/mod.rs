//! One module per route.

pub mod admin;
pub mod bureau;
pub mod catalogue;
pub mod class;
pub mod home;
pub mod institution;
pub mod login;
pub mod my_classes;
pub mod not_found;
pub mod notifications;
pub mod profile;
pub mod register;
pub mod roster;
