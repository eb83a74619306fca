//! One module per route.

pub mod admin;
pub mod attendance;
pub mod bureau;
pub mod bureau_claims;
pub mod bureau_completions;
pub mod bureau_groups;
pub mod catalogue;
pub mod certificate;
pub mod claim;
pub mod class;
pub mod class_claims;
pub mod completion;
pub mod home;
pub mod institution;
pub mod login;
pub mod my_class;
pub mod my_classes;
pub mod my_subsidies;
pub mod not_found;
pub mod notices;
pub mod notifications;
pub mod profile;
pub mod register;
pub mod roster;
pub mod subsidy_policies;
pub mod verify;
