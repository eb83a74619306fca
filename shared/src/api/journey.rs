//! 创业一件事: the founder's one page. After sign-in, every line of the
//! person's journey (classes, certificates and claims, what they may still
//! claim, mentor appointments, the follow-up after training) with the next
//! step on each, so nothing waits on them unseen.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::subsidies::{ClaimStatus, IneligibleReason};
use crate::course::CourseKind;

named_enum!(
    /// What a line is about.
    JourneyArea {
        /// A class.
        Training = "training",
        /// A certificate's subsidy.
        Subsidy = "subsidy",
        /// What happened after the course.
        Outcome = "outcome",
        /// A mentor appointment.
        Mentoring = "mentoring",
    }
);

named_enum!(
    /// The next step on a line.
    NextStep {
        /// Nothing started yet: find a class.
        FindClass = "find_class",
        /// Enrolled: attend the sessions.
        AttendClass = "attend_class",
        /// On the waitlist: a seat may come free.
        AwaitSeat = "await_seat",
        /// The class ended: the certificate follows the institution's report and the bureau's decision.
        AwaitCertificate = "await_certificate",
        /// A subsidy may be claimed now (a draft to file, or a claim to make).
        FileClaim = "file_claim",
        /// The claim came back for correction.
        CorrectClaim = "correct_claim",
        /// The bureau is deciding the claim.
        AwaitDecision = "await_decision",
        /// Only a priority group is missing: declare it.
        DeclareGroup = "declare_group",
        /// Nothing to claim for this certificate (the reasons say why).
        NothingToClaim = "nothing_to_claim",
        /// Paid.
        Paid = "paid",
        /// Refused.
        Refused = "refused",
        /// A follow-up point is due: tell what happened after the course.
        RecordOutcome = "record_outcome",
        /// The mentor has not answered yet.
        AwaitMentor = "await_mentor",
        /// The appointment is confirmed.
        MeetMentor = "meet_mentor",
        /// The mentor recorded the service: confirm it and rate it.
        RateService = "rate_service",
        /// With a certificate and no appointment yet: a mentor can help.
        FindMentor = "find_mentor",
    }
);

impl NextStep {
    /// Something the person should do (as opposed to wait for, or done).
    pub fn is_todo(self) -> bool {
        matches!(
            self,
            Self::FindClass
                | Self::FileClaim
                | Self::CorrectClaim
                | Self::DeclareGroup
                | Self::RecordOutcome
                | Self::RateService
                | Self::FindMentor
        )
    }
}

/// One line of the journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JourneyLine {
    /// What it is about.
    pub area: JourneyArea,
    /// The next step.
    pub next: NextStep,
    /// The class title, or the mentor's name.
    pub title: String,
    /// The course kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CourseKind>,
    /// What the action opens: a class id, a claim id, a certificate number
    /// or an appointment id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The certificate the line rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// The claim's stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_status: Option<ClaimStatus>,
    /// The amount, in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// When: the next session, or the appointment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
    /// By when: a follow-up point's day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// Why there is nothing to claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<IneligibleReason>,
}

impl JourneyLine {
    /// A line with the details left out.
    pub fn new(area: JourneyArea, next: NextStep, title: String) -> Self {
        Self {
            area,
            next,
            title,
            kind: None,
            subject: None,
            certificate: None,
            claim_status: None,
            amount_fen: None,
            at: None,
            due_on: None,
            reasons: vec![],
        }
    }
}

/// `GET /api/me/journey`: the lines, what to do first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Journey {
    /// Every line, the steps to take first, then what waits, then what is done.
    pub lines: Vec<JourneyLine>,
}
