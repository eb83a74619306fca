//! A person's rights over their data: "My data" on the profile, and the
//! bureau's page for deletion requests and resident-ID corrections.

mod correction;
pub mod my_data;
pub mod personal_data;
