//! The mentor library: the public directory and mentor pages, the person's
//! appointments, the mentor's workspace and the bureau's library.

pub mod bureau;
pub mod directory;
pub mod info;
pub mod mentor;
pub mod my_appointments;
pub mod reason_toggle;
pub mod record_form;
pub mod send;
pub mod slot_picker;
pub mod workspace;
