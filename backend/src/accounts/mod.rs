//! Accounts: verified mobiles (SMS codes), registration, sign-in with
//! throttling, password reset, session tokens, the real-name profile, and
//! staff roles offered by administrators and officers.

pub mod admin;
pub mod admin_routes;
pub mod codes;
pub mod invitations;
pub mod lifecycle;
pub mod passwords;
pub mod pii;
pub mod profile;
pub mod renewal;
pub mod reset;
pub mod routes;
pub mod rules;
pub mod sessions;
pub mod signin;
pub mod signup;
pub mod sms;
pub mod store;
pub mod tokens;

pub use profile::{load_me, me, update_profile};
pub use signin::{authenticate, grants_of, login, logout};
pub use signup::{insert_role, insert_user, register};
