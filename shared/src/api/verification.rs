//! Verified mobiles: one-time codes sent by SMS, registration and password
//! reset with them, and staff invitations that become roles only when the
//! owner of the mobile proves it.
//!
//! - `POST auth/codes` ([`CodeRequest`] → [`CodeSent`])
//! - `POST auth/register` ([`Registration`])
//! - `POST auth/reset` ([`PasswordReset`])
//! - `GET admin/invitations` ([`StaffInvitation`])

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{InstitutionRef, mobile_field_code};
use crate::{FieldCode, FieldErrors, Mobile, Password, RegionCode, Role};

/// The version of the privacy notice a registration consents to.
pub const PRIVACY_VERSION: &str = "2026-12";

/// What a one-time code is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    /// Creating a trainee account.
    #[default]
    Register,
    /// Setting a new password: also activates staff invitations for the
    /// mobile and lifts a sign-in lock-out.
    Reset,
    /// Filing an objection to a claim on public notice.
    Objection,
}

impl CodePurpose {
    /// Every purpose.
    pub const ALL: [CodePurpose; 3] = [Self::Register, Self::Reset, Self::Objection];

    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::Reset => "reset",
            Self::Objection => "objection",
        }
    }

    /// From the storage name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// What the text message says the code is for.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Register => "注册",
            Self::Reset => "设置密码",
            Self::Objection => "公示异议",
        }
    }
}

/// `POST /api/auth/codes`: send a code to this mobile. The answer is the
/// same whether or not the mobile has an account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeRequest {
    /// Mainland mobile number, with or without `+86`.
    #[serde(default)]
    pub mobile: String,
    /// What the code is for.
    #[serde(default)]
    pub purpose: CodePurpose,
}

impl CodeRequest {
    /// The checked mobile.
    pub fn validate(&self) -> Result<Mobile, FieldErrors> {
        Mobile::parse(&self.mobile).map_err(|e| one("mobile", mobile_field_code(e)))
    }
}

/// `POST /api/auth/codes` reply (202).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    /// The mobile, masked.
    pub mobile_masked: String,
    /// Seconds before another code may be asked for.
    pub resend_after_seconds: u32,
    /// Seconds the code stays valid.
    pub expires_in_seconds: u32,
}

/// Checks a six-digit code as typed (spaces allowed).
pub fn check_code(input: &str) -> Result<String, FieldCode> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    match code.len() {
        0 => Err(FieldCode::Required),
        6 if code.bytes().all(|b| b.is_ascii_digit()) => Ok(code),
        _ => Err(FieldCode::InvalidFormat),
    }
}

fn one(name: &str, code: FieldCode) -> FieldErrors {
    let mut e = FieldErrors::new();
    e.insert(name.into(), code);
    e
}

/// `POST /api/auth/register`: a trainee account for a mobile proved by a code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    /// Mainland mobile number, with or without `+86`.
    #[serde(default)]
    pub mobile: String,
    /// At least 8 characters, not a common password, not the mobile.
    #[serde(default)]
    pub password: String,
    /// The code sent to the mobile for `register`.
    #[serde(default)]
    pub code: String,
    /// Consent to the privacy notice (must be true).
    #[serde(default)]
    pub privacy_consent: bool,
}

/// A checked registration or reset: mobile, password and code.
#[derive(Debug, Clone)]
pub struct ProvedAccount {
    /// The mobile.
    pub mobile: Mobile,
    /// The password to hash.
    pub password: Password,
    /// The six digits.
    pub code: String,
}

fn check_proved(mobile: &str, password: &str, code: &str, errors: &mut FieldErrors) -> Option<ProvedAccount> {
    let mobile = Mobile::parse(mobile).map_err(|e| errors.insert("mobile".into(), mobile_field_code(e))).ok();
    let password = Password::parse(password, mobile.as_ref().map(Mobile::as_str))
        .map_err(|c| errors.insert("password".into(), c))
        .ok();
    let code = check_code(code).map_err(|c| errors.insert("code".into(), c)).ok();
    Some(ProvedAccount { mobile: mobile?, password: password?, code: code? })
}

impl Registration {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ProvedAccount, FieldErrors> {
        let mut errors = FieldErrors::new();
        let account = check_proved(&self.mobile, &self.password, &self.code, &mut errors);
        if !self.privacy_consent {
            errors.insert("privacy_consent".into(), FieldCode::Required);
        }
        account.filter(|_| errors.is_empty()).ok_or(errors)
    }
}

/// `POST /api/auth/reset`: set a new password with a code sent for `reset`.
/// It also activates staff roles offered to the mobile and lifts a sign-in
/// lock-out; every other session of the account ends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// The account's mobile.
    #[serde(default)]
    pub mobile: String,
    /// The code sent to it.
    #[serde(default)]
    pub code: String,
    /// The new password.
    #[serde(default)]
    pub password: String,
}

impl PasswordReset {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ProvedAccount, FieldErrors> {
        let mut errors = FieldErrors::new();
        check_proved(&self.mobile, &self.password, &self.code, &mut errors).filter(|_| errors.is_empty()).ok_or(errors)
    }
}

/// A staff role offered to a mobile, waiting for its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffInvitation {
    /// The invitation.
    pub id: String,
    /// The mobile, masked.
    pub mobile_masked: String,
    /// The person's real name as the inviter gave it.
    pub real_name: String,
    /// The role offered.
    pub role: Role,
    /// The region of the role (the officer's, or the institution's).
    pub region: Option<RegionCode>,
    /// The institution, for staff.
    pub institution: Option<InstitutionRef>,
    /// When it was made.
    pub invited_at: DateTime<Utc>,
    /// When it lapses unless accepted.
    pub expires_at: DateTime<Utc>,
    /// When the owner proved the mobile and the role was granted.
    pub accepted_at: Option<DateTime<Utc>>,
}

/// `GET /api/dev/sms?mobile=`: a message in the development outbox (served
/// only by a loopback server without an SMS provider).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    /// When it was "sent" (UTC).
    pub sent_at: DateTime<Utc>,
    /// The text.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(check_code(" 123 456 "), Ok("123456".into()));
        assert_eq!(check_code(""), Err(FieldCode::Required));
        assert_eq!(check_code("12345"), Err(FieldCode::InvalidFormat));
        assert_eq!(check_code("12345a"), Err(FieldCode::InvalidFormat));
        assert_eq!(check_code("１２３４５６"), Err(FieldCode::InvalidFormat));
    }

    #[test]
    fn registration_needs_consent_and_a_code() {
        let r =
            Registration { mobile: "13912345678".into(), password: "spring flowers 7".into(), ..Default::default() };
        let e = r.validate().err().unwrap_or_default();
        assert_eq!(e.get("code"), Some(&FieldCode::Required));
        assert_eq!(e.get("privacy_consent"), Some(&FieldCode::Required));
        let ok = Registration { code: "000111".into(), privacy_consent: true, ..r };
        assert!(ok.validate().is_ok());
    }
}
