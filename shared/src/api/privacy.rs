//! A person's rights over their data (PIPL): downloading it, asking for the
//! account's deletion (carried out by the bureau where no record must be
//! kept), and an officer's correction of a resident ID that another account
//! took first.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::certificates::Certificate;
use super::classes::{MyClass, Notification, check_reason};
use super::mentors::Appointment;
use super::security::SessionInfo;
use super::subsidies::{ClaimSummary, GroupDeclaration};
use super::{Me, ProfileRequest, ValidProfile};
use crate::ids::UserId;
use crate::mobile::MobileError;
use crate::{FieldCode, FieldErrors, Mobile, RegionCode};

/// `GET /api/me/export`: everything the system holds about the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataExport {
    /// When it was put together.
    pub generated_at: DateTime<Utc>,
    /// The account as the person sees it.
    pub account: Me,
    /// The resident ID in full (the screens show it masked).
    pub resident_id: Option<String>,
    /// The privacy notice version consented to, and when.
    pub privacy_version: Option<String>,
    /// When consent was given.
    pub privacy_consented_at: Option<DateTime<Utc>>,
    /// Classes enrolled in, with attendance.
    pub classes: Vec<MyClass>,
    /// Certificates issued.
    pub certificates: Vec<Certificate>,
    /// Subsidy claims.
    pub claims: Vec<ClaimSummary>,
    /// Priority groups declared.
    pub priority_groups: Vec<GroupDeclaration>,
    /// Mentor appointments booked.
    pub appointments: Vec<Appointment>,
    /// Messages from the system.
    pub notifications: Vec<Notification>,
    /// Open sign-in sessions.
    pub sessions: Vec<SessionInfo>,
}

/// Where a deletion request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeletionStatus {
    /// Waiting for the bureau.
    Pending,
    /// The personal data was erased.
    CarriedOut,
    /// Refused: records the law requires keeping.
    Refused,
}

impl DeletionStatus {
    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::CarriedOut => "carried_out",
            Self::Refused => "refused",
        }
    }

    /// From the storage name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::CarriedOut, Self::Refused].into_iter().find(|k| k.as_str() == s)
    }
}

/// A person's request to delete their account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionRequest {
    /// Request id.
    pub id: String,
    /// Whose account.
    pub user_id: UserId,
    /// The person's name, masked (empty once erased).
    pub name_masked: String,
    /// The home region when asked (its bureau decides).
    pub region: Option<RegionCode>,
    /// Asked at.
    pub requested_at: DateTime<Utc>,
    /// Where it stands.
    pub status: DeletionStatus,
    /// Decided at.
    pub decided_at: Option<DateTime<Utc>>,
    /// The bureau's note (why it was refused, or what was kept).
    pub note: Option<String>,
    /// What keeps the record now, if anything (certificates, claims, roles):
    /// the bureau sees it before deciding.
    pub must_keep: Vec<String>,
}

/// `POST /api/deletion-requests/{id}/decision`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionDecision {
    /// True to erase the personal data, false to refuse.
    #[serde(default)]
    pub carry_out: bool,
    /// The note for the person and the audit log (2 to 500 characters).
    #[serde(default)]
    pub note: String,
}

impl DeletionDecision {
    /// The trimmed note.
    pub fn validate(&self) -> Result<String, FieldErrors> {
        check_reason(&self.note).map_err(|c| FieldErrors::from([("note".to_owned(), c)]))
    }
}

/// `POST /api/bureau/resident-id-corrections`: an officer, having seen the
/// person's ID card, binds the resident ID to the person's account (found by
/// mobile) and takes it from the account that held it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResidentIdCorrection {
    /// The rightful person's account mobile.
    #[serde(default)]
    pub mobile: String,
    /// Their profile as on the ID card (name, resident ID, home region:
    /// the officer must be of that region).
    #[serde(default, flatten)]
    pub profile: ProfileRequest,
    /// Why, for the audit log (2 to 500 characters).
    #[serde(default)]
    pub reason: String,
}

/// A checked correction.
#[derive(Debug, Clone)]
pub struct ValidCorrection {
    /// The rightful account's mobile.
    pub mobile: Mobile,
    /// The profile to bind.
    pub profile: ValidProfile,
    /// The reason.
    pub reason: String,
}

impl ResidentIdCorrection {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ValidCorrection, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mobile = Mobile::parse(&self.mobile)
            .map_err(|e| {
                let code = if matches!(e, MobileError::Empty) { FieldCode::Required } else { FieldCode::InvalidFormat };
                errors.insert("mobile".into(), code)
            })
            .ok();
        let profile = self.profile.validate().map_err(|e| errors.extend(e)).ok();
        let reason = check_reason(&self.reason).map_err(|c| errors.insert("reason".into(), c)).ok();
        match (mobile, profile, reason) {
            (Some(mobile), Some(profile), Some(reason)) => Ok(ValidCorrection { mobile, profile, reason }),
            _ => Err(errors),
        }
    }
}

/// What the correction did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectionDone {
    /// The account that now holds the resident ID.
    pub user_id: UserId,
    /// The account it was taken from, if another held it.
    pub taken_from: Option<UserId>,
    /// The resident ID, masked.
    pub resident_id_masked: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_names_each_bad_field() {
        let e = ResidentIdCorrection::default().validate().err().unwrap_or_default();
        for f in ["mobile", "real_name", "resident_id", "region", "reason"] {
            assert_eq!(e.get(f), Some(&FieldCode::Required), "{f}: {e:?}");
        }
        let bad = ResidentIdCorrection { mobile: "12345".into(), ..Default::default() };
        assert_eq!(bad.validate().err().and_then(|e| e.get("mobile").copied()), Some(FieldCode::InvalidFormat));
    }

    #[test]
    fn a_decision_needs_a_note_and_statuses_round_trip() {
        assert_eq!(
            DeletionDecision::default().validate().err().and_then(|e| e.get("note").copied()),
            Some(FieldCode::Required)
        );
        assert!(DeletionDecision { carry_out: true, note: "无需保留的记录".into() }.validate().is_ok());
        for s in [DeletionStatus::Pending, DeletionStatus::CarriedOut, DeletionStatus::Refused] {
            assert_eq!(DeletionStatus::parse(s.as_str()), Some(s));
        }
    }
}
