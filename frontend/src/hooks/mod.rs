//! State shared across pages (session, language, regions) and the form
//! store every page uses.

pub mod draft;
pub mod form;
pub mod idempotency;
pub mod lang;
pub mod list_keys;
pub mod mentor_record;
pub mod modal;
pub mod mutation;
pub mod notifications;
pub mod officer_regions;
pub mod regions;
pub mod remote;
pub mod renewal;
pub mod session;
pub mod shortcuts;
pub mod status_param;
pub mod title;
