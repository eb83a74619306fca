//! Accounts: registration, sign-in with throttling, session tokens, the
//! real-name profile, and staff accounts made by administrators.

pub mod admin;
pub mod admin_routes;
pub mod lifecycle;
pub mod passwords;
pub mod profile;
pub mod routes;
pub mod rules;
pub mod sessions;
pub mod signin;
pub mod signup;
pub mod store;
pub mod tokens;

pub use profile::{load_me, me, update_profile};
pub use signin::{authenticate, grants_of, login, logout};
pub use signup::{insert_role, insert_user, register};
