//! Bodies of the attendance, assessment, completion and certificate API.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::course::CourseKind;
use crate::ids::{CertificateNumber, ClassId, ClassSessionId, UserId};

named_enum!(
    /// How a trainee attended one session.
    AttendanceMark {
        /// 出勤
        Present = "present",
        /// 迟到 (counts as attended)
        Late = "late",
        /// 缺勤
        Absent = "absent",
        /// 请假 (does not count as attended)
        Excused = "excused",
    }
);

impl AttendanceMark {
    /// Present or late: the session counts as attended.
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late)
    }
}

named_enum!(
    /// How a mark was recorded.
    MarkVia {
        /// By the institution's staff on the register.
        Staff = "staff",
        /// By the trainee with the session's check-in code.
        Code = "code",
    }
);

named_enum!(
    /// A class's completion report to the bureau (结业审核).
    CompletionStatus {
        /// Sent by the institution, waiting for the bureau.
        Submitted = "submitted",
        /// Approved: the certificates are issued.
        Approved = "approved",
        /// Sent back to the institution with a reason.
        Returned = "returned",
    }
);

named_enum!(
    /// What a public check of a certificate number found.
    VerificationStatus {
        /// A valid certificate.
        Valid = "valid",
        /// A revoked certificate.
        Revoked = "revoked",
        /// No certificate has this number.
        Unknown = "unknown",
    }
);

named_enum!(
    /// Whether a certificate still stands.
    CertificateStatus {
        /// Valid: verifiable and counts for subsidies.
        Valid = "valid",
        /// Revoked by the issuing bureau, with a reason.
        Revoked = "revoked",
    }
);

/// One mark to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkInput {
    /// The trainee.
    pub user_id: UserId,
    /// The mark.
    pub mark: AttendanceMark,
}

/// `PUT /api/sessions/{id}/attendance`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarksRequest {
    /// Marks for enrolled trainees.
    #[serde(default)]
    pub marks: Vec<MarkInput>,
}

/// One line of a session's attendance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SheetLine {
    /// The trainee.
    pub user_id: UserId,
    /// Name.
    pub real_name: String,
    /// The mark, once recorded.
    pub mark: Option<AttendanceMark>,
    /// `staff` or `code` (self check-in).
    pub via: Option<String>,
}

/// `GET /api/sessions/{id}/attendance`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceSheet {
    /// The session.
    pub session_id: ClassSessionId,
    /// Its class.
    pub class_id: ClassId,
    /// 1-based order.
    pub seq: u32,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Topic.
    pub topic: String,
    /// The check-in code to display now, once staff issued codes.
    pub checkin_code: Option<CheckinCode>,
    /// One line per enrolled trainee.
    pub lines: Vec<SheetLine>,
    /// Every change of a mark in this session, oldest first: who, when,
    /// from what, to what.
    pub history: Vec<MarkChange>,
}

/// One change of a trainee's attendance mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkChange {
    /// The trainee.
    pub user_id: UserId,
    /// The mark before (none for the first).
    pub from: Option<AttendanceMark>,
    /// The mark after.
    pub to: AttendanceMark,
    /// By staff or by the trainee's check-in code.
    pub via: MarkVia,
    /// Who changed it.
    pub changed_by: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// The check-in code to show in the room (`/api/sessions/{id}/checkin-code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckinCode {
    /// Six digits.
    pub code: String,
    /// When the next code replaces it (the one before still works a
    /// moment longer, for whoever is typing it).
    pub changes_at: DateTime<Utc>,
    /// From when it works.
    pub valid_from: DateTime<Utc>,
    /// Until when it works.
    pub valid_until: DateTime<Utc>,
}

/// `POST /api/sessions/{id}/checkin`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckinRequest {
    /// The code shown in the room.
    #[serde(default)]
    pub code: String,
}

/// A trainee's attendance in one class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceSummary {
    /// Sessions attended (present or late).
    pub attended: u32,
    /// Sessions scheduled.
    pub total: u32,
    /// Attended share, percent, rounded down.
    pub rate_pct: u32,
    /// Per session, in order: the mark, if recorded.
    pub marks: Vec<Option<AttendanceMark>>,
}

/// One result to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultInput {
    /// The trainee.
    pub user_id: UserId,
    /// The business plan was handed in.
    pub plan_submitted: bool,
    /// Score 0 to 100, if scored.
    #[serde(default)]
    pub score: Option<i64>,
    /// Passed the final assessment.
    pub passed: bool,
    /// A comment, at most 500 characters.
    #[serde(default)]
    pub comment: Option<String>,
}

/// `PUT /api/classes/{id}/assessments`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultsRequest {
    /// Results for enrolled trainees.
    #[serde(default)]
    pub results: Vec<ResultInput>,
}

/// A recorded final assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    /// The trainee.
    pub user_id: UserId,
    /// Business plan handed in.
    pub plan_submitted: bool,
    /// Score.
    pub score: Option<u32>,
    /// Passed.
    pub passed: bool,
    /// Comment.
    pub comment: Option<String>,
}

/// Why a trainee gets no certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotQualified {
    /// Attended less than the policy's threshold.
    AttendanceBelowThreshold,
    /// No final assessment recorded.
    NotAssessed,
    /// Did not pass the final assessment.
    NotPassed,
}

/// One trainee in a completion review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompletionLine {
    /// The trainee.
    pub user_id: UserId,
    /// Name.
    pub real_name: String,
    /// Attendance.
    pub attendance: AttendanceSummary,
    /// The result, if recorded.
    pub assessment: Option<Assessment>,
    /// Every reason there is no certificate; empty when one is due.
    pub reasons: Vec<NotQualified>,
    /// The certificate issued, once approved.
    pub certificate_number: Option<CertificateNumber>,
}

/// `GET /api/classes/{id}/completion`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompletionReview {
    /// The class.
    pub class_id: ClassId,
    /// `none`, `submitted`, `approved` or `returned`.
    pub status: String,
    /// The attendance threshold applied, percent.
    pub threshold_pct: u32,
    /// Why it was returned.
    pub reason: Option<String>,
    /// One line per enrolled trainee.
    pub lines: Vec<CompletionLine>,
}

/// A certificate as its holder, the institution and the bureau see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    /// Unique number (`370200-2026-SYB-00001`).
    pub number: CertificateNumber,
    /// Holder's name.
    pub holder_name: String,
    /// Course kind.
    pub kind: CourseKind,
    /// Class title.
    pub class_title: String,
    /// Class id.
    pub class_id: ClassId,
    /// Institution.
    pub institution: String,
    /// Class hours.
    pub hours: u32,
    /// Issue date.
    pub issued_on: NaiveDate,
    /// Issuing bureau's region code.
    pub issuing_region: String,
    /// Its name.
    pub issuing_region_name: String,
    /// `valid` or `revoked`.
    pub status: CertificateStatus,
    /// When revoked.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Why.
    pub revoke_reason: Option<String>,
}

/// `GET /api/verify/{number}`: what anyone may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verification {
    /// The number asked about.
    pub number: CertificateNumber,
    /// `valid`, `revoked` or `unknown`.
    pub status: VerificationStatus,
    /// Masked holder name (张*三); absent when unknown.
    pub holder_masked: Option<String>,
    /// Course kind.
    pub kind: Option<CourseKind>,
    /// Institution.
    pub institution: Option<String>,
    /// Issue date.
    pub issued_on: Option<NaiveDate>,
    /// Issuing bureau's region code (so the name can be shown in the
    /// reader's language).
    pub issuing_region: Option<String>,
    /// Issuing bureau's region name.
    pub issuing_region_name: Option<String>,
    /// Revocation date (Shanghai).
    pub revoked_on: Option<NaiveDate>,
}

/// Masks a name for public display: `张三` -> `张*`, `张小三` -> `张*三`,
/// `欧阳小明` -> `欧**明`.
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".into(),
        2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_masked_keeping_the_first_and_last_character() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("张小三"), "张*三");
        assert_eq!(mask_name("欧阳小明"), "欧**明");
        assert_eq!(mask_name("阿依古丽·买买提"), "阿******提");
    }

    #[test]
    fn present_and_late_count_as_attended() {
        let attended: Vec<bool> = AttendanceMark::ALL.iter().map(|m| m.attended()).collect();
        assert_eq!(attended, [true, true, false, false]);
        assert_eq!(AttendanceMark::from_name("late"), Some(AttendanceMark::Late));
    }
}
