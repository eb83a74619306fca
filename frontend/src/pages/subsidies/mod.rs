//! Subsidies: a trainee's claims and priority groups, one claim, the
//! institution's batch, the bureau's worklist, declarations and
//! standards, and the public notice.

pub mod bureau_claims;
pub mod bureau_groups;
pub mod claim;
pub mod class_claims;
pub mod my_subsidies;
pub mod notices;
pub mod subsidy_policies;
pub mod trail;
