//! Reading class rows: course policies from storage.

use malanhua_shared::api::classes::CoursePolicy;
use malanhua_shared::course::{CourseKind, default_prior_kinds};

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
        prior_kinds: match (r.requires_prior_certificate, stored_kinds(&r.prior_kinds)) {
            (false, _) => Vec::new(),
            (true, kinds) if !kinds.is_empty() => kinds,
            (true, _) => default_prior_kinds(r.kind),
        },
    }
}

/// Course kinds stored as comma-separated names; an unknown name is skipped
/// only if empty (a bad name cannot be written: kinds are checked on input).
fn stored_kinds(text: &str) -> Vec<CourseKind> {
    text.split(',').filter(|n| !n.is_empty()).filter_map(CourseKind::from_name).collect()
}

/// The storage form of a list of kinds.
pub(crate) fn kinds_text(kinds: &[CourseKind]) -> String {
    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")
}
