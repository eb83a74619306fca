//! 政策找人 (the policy finds the person): the bureau's list of people who
//! are entitled to something and have not received it, each with the reason
//! and a one-click notification, never sent to the same person twice in a
//! week (应享尽享).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::RegionCode;
use crate::api::subsidies::{ClaimStatus, PriorityGroup};
use crate::course::CourseKind;
use crate::ids::UserId;

named_enum!(
    /// Why a person is on the list.
    OutreachReason {
        /// A valid certificate, an eligible group and no claim for it.
        CertificateUnclaimed = "certificate_unclaimed",
        /// The claim window of a certificate closes within 30 days and no claim was filed.
        WindowClosing = "window_closing",
        /// A declared priority group has waited for verification longer than asked.
        DeclarationWaiting = "declaration_waiting",
        /// An SYB certificate and no IYB course yet (taken or booked).
        SybMayTakeIyb = "syb_may_take_iyb",
    }
);

/// Days before a window closes that count as closing.
pub const CLOSING_DAYS: i64 = 30;

/// Days a declaration waits before it is listed, unless the bureau asks otherwise.
pub const DEFAULT_WAITING_DAYS: u32 = 14;

/// Days between two notifications to one person.
pub const QUIET_DAYS: i64 = 7;

/// Rows in one page of the list.
pub const PAGE_ROWS: usize = 50;

/// One person the policy should find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutreachRow {
    /// Why the person is listed.
    pub reason: OutreachReason,
    /// What the reason is about: a certificate number, or a declaration id.
    pub subject: String,
    /// The person.
    pub user_id: UserId,
    /// Their name as on the certificate or profile.
    pub name: String,
    /// Their mobile, masked.
    pub mobile: String,
    /// Where the subject belongs (the certificate's or the declaration's region).
    pub region: RegionCode,
    /// The course of the certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CourseKind>,
    /// The group declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<PriorityGroup>,
    /// What the person may claim, in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// The last day to file a claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// The stage of an unfiled claim (a draft, or one returned for correction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_status: Option<ClaimStatus>,
    /// Days the declaration has waited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_days: Option<u32>,
    /// When the person was last notified from this list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nudged_at: Option<DateTime<Utc>>,
    /// The first time another notification may be sent (none: now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_until: Option<DateTime<Utc>>,
}

impl OutreachRow {
    /// A row with what every reason has; the details are added by the reason.
    pub fn new(
        reason: OutreachReason,
        subject: String,
        user_id: UserId,
        name: String,
        mobile: String,
        region: RegionCode,
    ) -> Self {
        Self {
            reason,
            subject,
            user_id,
            name,
            mobile,
            region,
            kind: None,
            group: None,
            amount_fen: None,
            deadline: None,
            claim_status: None,
            waiting_days: None,
            nudged_at: None,
            quiet_until: None,
        }
    }
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutreachPage {
    /// The reason listed.
    pub reason: OutreachReason,
    /// The region listed.
    pub region: RegionCode,
    /// The people found, the most urgent first.
    pub rows: Vec<OutreachRow>,
    /// Where the next page starts; none when the list is complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// The officer notifies one person of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NudgeInput {
    /// The row's reason.
    pub reason: OutreachReason,
    /// The row's subject.
    pub subject: String,
}
