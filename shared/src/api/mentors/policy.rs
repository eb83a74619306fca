//! A region's mentor-library policy: terms, request expiry, cut-offs, limits
//! and the yearly service minimum.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{FieldCode, FieldErrors};

/// A region's mentor-library policy (with defaults when the region has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorPolicy {
    /// The region asked for.
    pub region_code: String,
    /// The region that set it; none for the programme's defaults.
    pub defined_in: Option<String>,
    /// Effective from.
    pub effective_from: Option<NaiveDate>,
    /// Term (聘期) in years: 3 by default.
    pub term_years: u32,
    /// Hours a request waits for an answer before it expires: 48.
    pub request_expiry_hours: u32,
    /// Hours before the start after which neither side may cancel: 2.
    pub cancel_cutoff_hours: u32,
    /// Open requests one person may hold at once: 3.
    pub max_open_requests: u32,
    /// Services a year a mentor must give: 10 (Qingdao).
    pub yearly_min_services: u32,
    /// Minutes a service must last to count: 30 (Qingdao).
    pub min_service_minutes: u32,
    /// Hours before the start that the reminder goes: 24.
    pub reminder_hours: u32,
}

/// `PUT /api/mentor-policies/{region}`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorPolicyInput {
    /// Effective from (required).
    pub effective_from: Option<NaiveDate>,
    /// 1 to 10.
    pub term_years: i64,
    /// 1 to 720.
    pub request_expiry_hours: i64,
    /// 0 to 720.
    pub cancel_cutoff_hours: i64,
    /// 1 to 50.
    pub max_open_requests: i64,
    /// 0 to 1000.
    pub yearly_min_services: i64,
    /// 0 to 600.
    pub min_service_minutes: i64,
    /// 1 to 168.
    pub reminder_hours: i64,
}

/// A whole number field of a policy, within `lo..=hi`; out of range it is
/// named in `e` (and read as 0).
pub fn range(e: &mut FieldErrors, field: &str, v: i64, lo: i64, hi: i64) -> u32 {
    if (lo..=hi).contains(&v) {
        u32::try_from(v).unwrap_or(0)
    } else {
        e.insert(field.into(), FieldCode::OutOfRange);
        0
    }
}

impl MentorPolicyInput {
    /// Checks every field; returns the policy (with `region_code` left empty).
    pub fn validate(&self) -> Result<MentorPolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        let p = MentorPolicy {
            region_code: String::new(),
            defined_in: None,
            effective_from: self.effective_from,
            term_years: range(&mut e, "term_years", self.term_years, 1, 10),
            request_expiry_hours: range(&mut e, "request_expiry_hours", self.request_expiry_hours, 1, 720),
            cancel_cutoff_hours: range(&mut e, "cancel_cutoff_hours", self.cancel_cutoff_hours, 0, 720),
            max_open_requests: range(&mut e, "max_open_requests", self.max_open_requests, 1, 50),
            yearly_min_services: range(&mut e, "yearly_min_services", self.yearly_min_services, 0, 1000),
            min_service_minutes: range(&mut e, "min_service_minutes", self.min_service_minutes, 0, 600),
            reminder_hours: range(&mut e, "reminder_hours", self.reminder_hours, 1, 168),
        };
        if self.effective_from.is_none() {
            e.insert("effective_from".into(), FieldCode::Required);
        }
        if e.is_empty() { Ok(p) } else { Err(e) }
    }
}
