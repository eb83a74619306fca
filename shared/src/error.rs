//! The one error vocabulary of the API. The server maps each code to an HTTP
//! status in one place; the SPA translates codes, never parses messages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields are invalid; `fields` names them (400).
    ValidationFailed,
    /// The body is not valid JSON or does not have the expected shape (400).
    MalformedBody,
    /// No valid credentials were presented (401).
    Unauthenticated,
    /// The token has expired; sign in again (401).
    TokenExpired,
    /// Mobile number or password is wrong (401).
    InvalidCredentials,
    /// The actor may not do this (403).
    Forbidden,
    /// No such resource, or not visible to the actor (404).
    NotFound,
    /// The method is not allowed on this path (405).
    MethodNotAllowed,
    /// The mobile number is already registered (409).
    MobileTaken,
    /// The resident ID is already bound to another account (409).
    ResidentIdTaken,
    /// The request conflicts with the current state (409).
    Conflict,
    /// The body is larger than the server accepts (413).
    PayloadTooLarge,
    /// The request is well-formed but cannot be processed (422).
    Unprocessable,
    /// The body is not `application/json` (415).
    UnsupportedMediaType,
    /// Too many attempts; wait before trying again (429).
    TooManyAttempts,
    /// The mobile is locked after too many failed sign-ins; only a password
    /// reset by SMS code lifts it (429).
    SigninLocked,
    /// The real-name profile must be completed first (422).
    ProfileIncomplete,
    /// Enrolment is not open for this class now (422).
    EnrolmentClosed,
    /// The person already holds a place or waitlist spot in this class (409).
    AlreadyEnrolled,
    /// The person holds a seat in a class whose sessions overlap this one's (409).
    ScheduleClash,
    /// The record is not in a state that allows this (409).
    WrongState,
    /// The class has begun, so it can no longer be cancelled (409).
    ClassStarted,
    /// Attendance can be recorded only from a session's start until the
    /// completion is submitted (409).
    AttendanceClosed,
    /// No course policy is in force for this region and course kind (422).
    NoPolicy,
    /// The course kind needs an earlier certificate the person does not hold (422).
    PrerequisiteMissing,
    /// Check-in is open only around the session's time (422).
    CheckinClosed,
    /// The certificate earns no subsidy for this claimant; the claim's
    /// eligibility lists every reason (422).
    NotEligible,
    /// The officer who reviewed a claim may not approve it, nor the approver pay it (403).
    SeparationOfDuties,
    /// The public notice has not ended, or an objection holds the claim (409).
    NoticeRunning,
    /// An `Idempotency-Key` was reused with a different request (422).
    IdempotencyKeyReused,
    /// A request with this `Idempotency-Key` is still being processed (409).
    RequestInProgress,
    /// The mentor is not active in the library, so cannot be booked (409).
    MentorNotBookable,
    /// Someone else holds this time on the mentor's calendar (409).
    SlotTaken,
    /// The person already holds an appointment or a seat at this time (409).
    TraineeOverlap,
    /// Too late to cancel: the policy's cut-off before the start has passed (409).
    CancelCutoff,
    /// The slot starts sooner than the mentor's minimum notice (422).
    BookingNotice,
    /// The slot is beyond the mentor's booking horizon (422).
    BookingHorizon,
    /// The time is not one of the mentor's slots (outside the hours, or off their grid) (422).
    OutsideAvailability,
    /// The time falls in the buffer the mentor keeps around another booking (422).
    BufferConflict,
    /// The mentor's limit of appointments for that day or week is reached (422).
    BookingLimit,
    /// The person holds as many open requests as the policy allows (422).
    TooManyOpenRequests,
    /// A subsidy policy paying this much takes effect only when a second
    /// officer confirms it: propose it instead (409).
    SecondOfficerRequired,
    /// The person was notified from the outreach list within the last week (409).
    RecentlyNotified,
    /// Something failed on the server (500).
    Internal,
    /// The server is overloaded or its database does not answer; try
    /// again after `Retry-After` seconds (503).
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status code for this error: the only such mapping.
    pub fn http_status(self) -> u16 {
        match self {
            Self::ValidationFailed | Self::MalformedBody => 400,
            Self::Unauthenticated | Self::TokenExpired | Self::InvalidCredentials => 401,
            Self::Forbidden | Self::SeparationOfDuties => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::MobileTaken
            | Self::ResidentIdTaken
            | Self::Conflict
            | Self::AlreadyEnrolled
            | Self::ScheduleClash
            | Self::WrongState
            | Self::ClassStarted
            | Self::RecentlyNotified
            | Self::AttendanceClosed
            | Self::NoticeRunning
            | Self::RequestInProgress
            | Self::MentorNotBookable
            | Self::SlotTaken
            | Self::TraineeOverlap
            | Self::CancelCutoff
            | Self::SecondOfficerRequired => 409,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::Unprocessable
            | Self::ProfileIncomplete
            | Self::EnrolmentClosed
            | Self::NoPolicy
            | Self::PrerequisiteMissing
            | Self::CheckinClosed
            | Self::NotEligible
            | Self::IdempotencyKeyReused
            | Self::BookingNotice
            | Self::BookingHorizon
            | Self::OutsideAvailability
            | Self::BufferConflict
            | Self::BookingLimit
            | Self::TooManyOpenRequests => 422,
            Self::TooManyAttempts | Self::SigninLocked => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// Every code, for exhaustive translation tables and tests.
    pub const ALL: [ErrorCode; 45] = [
        Self::ValidationFailed,
        Self::MalformedBody,
        Self::Unauthenticated,
        Self::TokenExpired,
        Self::InvalidCredentials,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::MobileTaken,
        Self::ResidentIdTaken,
        Self::Conflict,
        Self::PayloadTooLarge,
        Self::Unprocessable,
        Self::UnsupportedMediaType,
        Self::TooManyAttempts,
        Self::SigninLocked,
        Self::ProfileIncomplete,
        Self::EnrolmentClosed,
        Self::AlreadyEnrolled,
        Self::ScheduleClash,
        Self::WrongState,
        Self::ClassStarted,
        Self::AttendanceClosed,
        Self::NoPolicy,
        Self::PrerequisiteMissing,
        Self::CheckinClosed,
        Self::NotEligible,
        Self::SeparationOfDuties,
        Self::NoticeRunning,
        Self::IdempotencyKeyReused,
        Self::RequestInProgress,
        Self::MentorNotBookable,
        Self::SlotTaken,
        Self::TraineeOverlap,
        Self::CancelCutoff,
        Self::BookingNotice,
        Self::BookingHorizon,
        Self::OutsideAvailability,
        Self::BufferConflict,
        Self::BookingLimit,
        Self::TooManyOpenRequests,
        Self::SecondOfficerRequired,
        Self::RecentlyNotified,
        Self::Internal,
        Self::Unavailable,
    ];
}

/// Why one field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// The field is missing or empty.
    Required,
    /// The value does not match what is on record (the current password).
    Incorrect,
    /// The value is shorter than allowed.
    TooShort,
    /// The value is longer than allowed.
    TooLong,
    /// The value does not have the expected form.
    InvalidFormat,
    /// A check digit or check character does not match.
    InvalidChecksum,
    /// A date is not a real calendar date, or is out of range.
    InvalidDate,
    /// The region code is not a known region.
    UnknownRegion,
    /// The region code is not a GB/T 2260 division code.
    InvalidRegion,
    /// The password is among the commonly used ones.
    CommonPassword,
    /// The password is the same as the account's mobile number.
    PasswordIsMobile,
    /// The value is already used by another record.
    Taken,
    /// The field must not be given here.
    NotAllowed,
    /// A number or date is outside the allowed range.
    OutOfRange,
    /// A time or date comes before the one it must follow.
    NotInOrder,
    /// Two sessions overlap in time.
    Overlapping,
    /// The sessions add up to fewer hours than the policy requires.
    TooFewHours,
    /// Filed too late: the policy needs more days before the start.
    TooLate,
    /// The referenced record does not exist or is not yours to use.
    UnknownReference,
    /// The one-time code is no longer valid (expired, used, or too many tries).
    Expired,
}

impl FieldCode {
    /// Every code, for exhaustive translation tables and tests.
    pub const ALL: [FieldCode; 20] = [
        Self::Required,
        Self::Incorrect,
        Self::TooShort,
        Self::TooLong,
        Self::InvalidFormat,
        Self::InvalidChecksum,
        Self::InvalidDate,
        Self::UnknownRegion,
        Self::InvalidRegion,
        Self::CommonPassword,
        Self::PasswordIsMobile,
        Self::Taken,
        Self::NotAllowed,
        Self::OutOfRange,
        Self::NotInOrder,
        Self::Overlapping,
        Self::TooFewHours,
        Self::TooLate,
        Self::UnknownReference,
        Self::Expired,
    ];
}

/// Field name to the reason it was refused, in a stable order.
pub type FieldErrors = BTreeMap<String, FieldCode>;

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// The machine-readable code.
    pub code: ErrorCode,
    /// A short English sentence for logs and API users; the UI translates `code`.
    pub message: String,
    /// Per-field reasons; empty unless `code` is `validation_failed`.
    #[serde(default)]
    pub fields: FieldErrors,
    /// For a refused sign-in (`invalid_credentials`): how many more wrong
    /// tries are allowed before the limits refuse them. The same whether or
    /// not the mobile has an account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tries_left: Option<u32>,
    /// For `not_eligible`: every rule the claim fails, so each refusal can
    /// say why (a bulk action lists them per claim).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<crate::api::subsidies::IneligibleReason>,
    /// For `schedule_clash`: the class it clashes with, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clash: Option<Clash>,
}

/// The other class of a timetable clash: which, and the first session that
/// overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Clash {
    /// The class already held.
    pub class_id: String,
    /// Its title.
    pub title: String,
    /// When its overlapping session starts.
    pub starts_at: chrono::DateTime<chrono::Utc>,
    /// When it ends.
    pub ends_at: chrono::DateTime<chrono::Utc>,
}

impl ErrorBody {
    /// An error without field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: FieldErrors::new(),
            tries_left: None,
            reasons: vec![],
            clash: None,
        }
    }

    /// A validation error naming the fields.
    pub fn validation(fields: FieldErrors) -> Self {
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        let message = format!("invalid fields: {}", names.join(", "));
        Self { code: ErrorCode::ValidationFailed, message, fields, tries_left: None, reasons: vec![], clash: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_serialise_in_snake_case() {
        let body = ErrorBody::new(ErrorCode::TooManyAttempts, "slow down");
        let json = serde_json::to_value(&body).unwrap_or_default();
        assert_eq!(json["code"], "too_many_attempts");
        assert_eq!(json["fields"], serde_json::json!({}));
    }

    #[test]
    fn every_code_has_a_client_or_server_error_status() {
        for code in ErrorCode::ALL {
            let status = code.http_status();
            assert!((400..600).contains(&status), "{code:?} -> {status}");
        }
        assert_eq!(ErrorCode::ValidationFailed.http_status(), 400);
        assert_eq!(ErrorCode::Unprocessable.http_status(), 422);
    }

    #[test]
    fn a_validation_error_names_its_fields_in_the_message() {
        let mut fields = FieldErrors::new();
        fields.insert("resident_id".into(), FieldCode::InvalidChecksum);
        fields.insert("mobile".into(), FieldCode::InvalidFormat);
        let body = ErrorBody::validation(fields);
        assert_eq!(body.message, "invalid fields: mobile, resident_id");
    }
}
