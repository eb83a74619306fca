//! Reading class rows: course policies from storage.

use malanhua_shared::api::classes::CoursePolicy;

use crate::classes::store::PolicyRow;

pub(crate) fn policy_from_row(r: &PolicyRow) -> CoursePolicy {
    CoursePolicy {
        region: r.region_code.clone(),
        kind: r.kind,
        defined_in: r.region_code.clone(),
        min_hours: u32::try_from(r.min_hours).unwrap_or(0),
        max_class_size: u32::try_from(r.max_class_size).unwrap_or(0),
        opening_lead_days: u32::try_from(r.opening_lead_days).unwrap_or(0),
        attendance_threshold_pct: u32::try_from(r.attendance_threshold_pct).unwrap_or(0),
        requires_prior_certificate: r.requires_prior_certificate,
        requires_business_licence: r.requires_business_licence,
    }
}
