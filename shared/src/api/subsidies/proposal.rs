//! A subsidy policy version above the configured amount, proposed by one
//! officer and confirmed (or turned down) by another of the region.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{SubsidyPolicy, SubsidyPolicyInput};
use crate::course::CourseKind;
use crate::ids::UserId;

named_enum!(
    /// Where a proposal stands.
    ProposalStatus {
        /// Waiting for a second officer.
        Pending = "pending",
        /// Confirmed: the version is in force.
        Confirmed = "confirmed",
        /// Turned down.
        Rejected = "rejected",
    }
);

/// A proposed version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyProposal {
    /// Proposal id.
    pub id: String,
    /// The region.
    pub region_code: String,
    /// The course kind.
    pub kind: CourseKind,
    /// The version as proposed.
    pub input: SubsidyPolicyInput,
    /// Who proposed it (may not confirm it).
    pub proposed_by: UserId,
    /// When.
    pub proposed_at: DateTime<Utc>,
    /// Where it stands.
    pub status: ProposalStatus,
    /// The second officer.
    pub decided_by: Option<UserId>,
    /// When they decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// The version in force, once confirmed.
    pub policy: Option<SubsidyPolicy>,
}
