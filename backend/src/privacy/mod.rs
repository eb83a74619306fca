//! A person's rights over their data (PIPL): download it as JSON, ask for
//! the account's deletion (the bureau erases the personal data where no
//! certificate, claim or role requires the record), and an officer's
//! correction of a resident ID another account took first.

pub mod correction;
pub mod deletion;
pub mod export;
pub mod routes;
pub mod rules;
pub mod store;
