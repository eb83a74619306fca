//! Reading class rows: statuses and course policies from storage.

use malanhua_shared::api::classes::CoursePolicy;
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};

#[allow(unused_imports)]
use super::{catalogue::*, enrolment::*, notifications::*, opening::*, policies::*, roster::*, trainers::*, views::*};
use crate::classes::store::PolicyRow;
use crate::core::error::AppError;
use crate::core::{kind_of, region};

pub(crate) fn status_of(name: &str) -> Result<ClassStatus, AppError> {
    ClassStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad class status in storage: {name}")))
}

pub(crate) fn enrolment_status(name: &str) -> Result<EnrolmentStatus, AppError> {
    EnrolmentStatus::from_name(name).ok_or_else(|| AppError::internal(format!("bad enrolment status: {name}")))
}

pub(crate) fn policy_from_row(r: &PolicyRow) -> Result<CoursePolicy, AppError> {
    let defined_in = region(&r.region_code)?;
    Ok(CoursePolicy {
        region: defined_in.clone(),
        kind: kind_of(&r.kind)?,
        defined_in,
        min_hours: u32::try_from(r.min_hours).unwrap_or(0),
        max_class_size: u32::try_from(r.max_class_size).unwrap_or(0),
        opening_lead_days: u32::try_from(r.opening_lead_days).unwrap_or(0),
        attendance_threshold_pct: u32::try_from(r.attendance_threshold_pct).unwrap_or(0),
        requires_prior_certificate: r.requires_prior_certificate,
        requires_business_licence: r.requires_business_licence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("张三"), "张三");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
