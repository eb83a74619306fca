//! Attendance, assessment, completion and certificates: marks by staff or
//! check-in code, final results, completion approved by the bureau, numbered
//! certificates that anyone can verify, revocation.

pub mod assessment;
pub mod attendance;
pub mod completion;
pub mod issued;
pub mod load;
pub mod routes;
pub mod rules;
pub mod store;
pub mod verify_page;

pub use assessment::{assessment_of, record_results};
pub use attendance::{
    attendance_of, attendance_sheet, check_in_with_code, current_checkin_code, issue_checkin_code, record_marks,
};
pub use completion::{completion_review, decide_completion, pending_completions, submit_completion};
pub use issued::{get_certificate, my_certificates, qr_svg, revoke, verify};
