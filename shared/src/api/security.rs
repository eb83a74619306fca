//! Credential and role lifecycle: changing one's password, one's open
//! sessions, signing out everywhere, and revoking a staff role.
//!
//! - `PUT me/password` ([`PasswordChange`])
//! - `GET me/sessions` ([`SessionInfo`])
//! - `POST auth/logout-all`
//! - `POST auth/refresh` (a [`crate::api::TokenResponse`])
//! - `POST users/{id}/roles/revoke` ([`RoleRevocation`])

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::{FieldCode, FieldErrors, Password, Role, SessionId};

/// `PUT /api/me/password`: the current password, and the new one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    /// The password in use now.
    #[serde(default)]
    pub old_password: String,
    /// At least 8 characters, not a common password, not the mobile.
    #[serde(default)]
    pub new_password: String,
}

impl PasswordChange {
    /// Checks both fields for the account of `mobile`.
    pub fn validate(&self, mobile: &str) -> Result<Password, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.old_password.is_empty() {
            errors.insert("old_password".into(), FieldCode::Required);
        }
        let new =
            Password::parse(&self.new_password, Some(mobile)).map_err(|c| errors.insert("new_password".into(), c)).ok();
        if self.new_password == self.old_password && !self.new_password.is_empty() {
            errors.insert("new_password".into(), FieldCode::NotAllowed);
        }
        match new {
            Some(p) if errors.is_empty() => Ok(p),
            _ => Err(errors),
        }
    }
}

/// One open session of the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The session.
    pub id: SessionId,
    /// Signed in at (UTC).
    pub created_at: DateTime<Utc>,
    /// Ends at (UTC).
    pub expires_at: DateTime<Utc>,
    /// The session this request came with.
    pub current: bool,
    /// The browser it was opened from (its `User-Agent`, trimmed).
    #[serde(default)]
    pub user_agent: Option<String>,
    /// The address it was opened from.
    #[serde(default)]
    pub ip: Option<String>,
}

/// How long after the last key press or click a person still counts as
/// active, so the web app renews their session.
pub const ACTIVE_MINUTES: i64 = 10;

/// Whether the web app renews the session now: the person was active in
/// the last [`ACTIVE_MINUTES`] (`since_input`), and less than a third of
/// the token's life (`issued_at` to `expires_at`) is left but some is.
pub fn renewal_due(
    now: DateTime<Utc>,
    issued_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    since_input: Duration,
) -> bool {
    let (left, life) = (expires_at - now, expires_at - issued_at);
    since_input <= Duration::minutes(ACTIVE_MINUTES) && left > Duration::zero() && left * 3 < life
}

/// `POST /api/users/{id}/roles/revoke`: which staff role to take away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleRevocation {
    /// `bureau_officer` (administrators) or `institution_staff`
    /// (administrators, or officers of the institution's region).
    pub role: Role,
    /// Why, for the audit log (required).
    #[serde(default)]
    pub reason: String,
}

impl RoleRevocation {
    /// The role and the trimmed reason.
    pub fn validate(&self) -> Result<(Role, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !matches!(self.role, Role::BureauOfficer | Role::InstitutionStaff) {
            errors.insert("role".into(), FieldCode::NotAllowed);
        }
        let reason = self.reason.trim().to_owned();
        if reason.is_empty() {
            errors.insert("reason".into(), FieldCode::Required);
        } else if reason.chars().count() > 500 {
            errors.insert("reason".into(), FieldCode::TooLong);
        }
        if errors.is_empty() { Ok((self.role, reason)) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_is_checked_and_must_differ() {
        let ok = PasswordChange { old_password: "spring flowers 7".into(), new_password: "autumn rivers 9".into() };
        assert!(ok.validate("13800000005").is_ok());
        let same = PasswordChange { new_password: "spring flowers 7".into(), ..ok.clone() };
        assert_eq!(
            same.validate("13800000005").err().and_then(|e| e.get("new_password").copied()),
            Some(FieldCode::NotAllowed)
        );
        let empty = PasswordChange::default().validate("13800000005").err().unwrap_or_default();
        assert_eq!(
            (empty.get("old_password"), empty.get("new_password")),
            (Some(&FieldCode::Required), Some(&FieldCode::Required))
        );
        let mobile = PasswordChange { new_password: "13800000005".into(), ..ok };
        assert!(mobile.validate("13800000005").is_err());
    }

    #[test]
    fn a_session_is_renewed_in_its_last_third_while_the_person_is_active() {
        let issued = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let expires = issued + Duration::minutes(120);
        let at = |m: i64| issued + Duration::minutes(m);
        let typing = Duration::seconds(20);
        assert!(!renewal_due(at(60), issued, expires, typing), "two thirds left");
        assert!(!renewal_due(at(80), issued, expires, typing), "exactly a third left");
        assert!(renewal_due(at(81), issued, expires, typing), "less than a third left");
        assert!(!renewal_due(at(100), issued, expires, Duration::minutes(11)), "idle: let it end");
        assert!(renewal_due(at(100), issued, expires, Duration::minutes(10)));
        assert!(!renewal_due(at(120), issued, expires, typing), "over: the server would refuse");
    }

    #[test]
    fn only_staff_roles_are_revoked_here_and_a_reason_is_required() {
        let r = RoleRevocation { role: Role::Mentor, reason: String::new() }.validate().err().unwrap_or_default();
        assert_eq!((r.get("role"), r.get("reason")), (Some(&FieldCode::NotAllowed), Some(&FieldCode::Required)));
        let ok = RoleRevocation { role: Role::InstitutionStaff, reason: " 离职 ".into() }.validate();
        assert_eq!(ok, Ok((Role::InstitutionStaff, "离职".to_owned())));
    }
}
