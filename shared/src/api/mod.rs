//! Request and response bodies of the HTTP API. Requests carry raw text so
//! the server can name every bad field; `validate` turns them into checked
//! values with the same code in the browser and on the server.

pub mod certificates;
pub mod classes;
pub mod journey;
pub mod mentors;
pub mod outcomes;
pub mod outreach;
pub mod privacy;
pub mod security;
pub mod statistics;
pub mod studios;
pub mod subsidies;
pub mod verification;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{FieldCode, FieldErrors};
use crate::ids::{InstitutionId, UserId};
use crate::mobile::{Mobile, MobileError};
use crate::password::Password;
use crate::region::{RegionCode, RegionLevel};
use crate::resident_id::{Gender, ResidentId};
use crate::role::Role;

/// `GET /api/health`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the database answers.
    pub status: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The newest applied migration.
    pub migration: String,
}

/// `POST /api/auth/register` and `POST /api/auth/login`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credentials {
    /// Mainland mobile number, with or without `+86`.
    #[serde(default)]
    pub mobile: String,
    /// At least 8 characters, not a common password.
    #[serde(default)]
    pub password: String,
}

/// A checked registration.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// The login name.
    pub mobile: Mobile,
    /// The password to hash.
    pub password: Password,
}

/// The field code for a mobile number's error.
pub fn mobile_field_code(e: MobileError) -> FieldCode {
    match e {
        MobileError::Empty => FieldCode::Required,
        MobileError::Format => FieldCode::InvalidFormat,
    }
}

impl Credentials {
    /// Checks a registration: a valid mobile and a password meeting the rules.
    pub fn validate_new(&self) -> Result<NewAccount, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mobile = Mobile::parse(&self.mobile).map_err(|e| errors.insert("mobile".into(), mobile_field_code(e))).ok();
        let password = Password::parse(&self.password, mobile.as_ref().map(Mobile::as_str))
            .map_err(|c| errors.insert("password".into(), c))
            .ok();
        match (mobile, password) {
            (Some(mobile), Some(password)) => Ok(NewAccount { mobile, password }),
            _ => Err(errors),
        }
    }
}

/// `POST /api/auth/login` reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// Bearer token for the `Authorization` header.
    pub token: String,
    /// When the token stops working.
    pub expires_at: DateTime<Utc>,
}

/// An institution as shown beside a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionRef {
    /// Its id.
    pub id: InstitutionId,
    /// Its registered name.
    pub name: String,
}

/// One role a person holds, with its scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// The region a bureau officer acts for.
    pub region: Option<RegionCode>,
    /// The region's Chinese name.
    pub region_name: Option<String>,
    /// The institution a staff member works for.
    pub institution: Option<InstitutionRef>,
}

/// `GET /api/me`: the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Account id.
    pub id: UserId,
    /// Login mobile number.
    pub mobile: String,
    /// Real name, once the profile is filled.
    pub real_name: Option<String>,
    /// Resident ID, masked (`1101**********002X`).
    pub resident_id_masked: Option<String>,
    /// Derived from the resident ID.
    pub gender: Option<Gender>,
    /// Derived from the resident ID.
    pub birth_date: Option<NaiveDate>,
    /// Home region.
    pub region: Option<RegionCode>,
    /// Home region's Chinese name.
    pub region_name: Option<String>,
    /// Roles held.
    pub roles: Vec<RoleGrant>,
    /// True once real name, resident ID and region are on file.
    pub profile_complete: bool,
}

/// `PUT /api/me/profile`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileRequest {
    /// Name as on the resident ID card.
    #[serde(default)]
    pub real_name: String,
    /// 18-character resident ID.
    #[serde(default)]
    pub resident_id: String,
    /// GB/T 2260 code of the home region.
    #[serde(default)]
    pub region: String,
}

/// A checked profile; whether the region exists is the server's to check.
#[derive(Debug, Clone)]
pub struct ValidProfile {
    /// Trimmed real name.
    pub real_name: String,
    /// Checked resident ID.
    pub resident_id: ResidentId,
    /// Well-formed region code.
    pub region: RegionCode,
}

/// Checks a person's name: 2 to 30 characters, no digits or control characters.
pub fn check_real_name(input: &str) -> Result<String, FieldCode> {
    let name = input.trim();
    let chars = name.chars().count();
    if chars == 0 {
        Err(FieldCode::Required)
    } else if chars < 2 {
        Err(FieldCode::TooShort)
    } else if chars > 30 {
        Err(FieldCode::TooLong)
    } else if name.chars().any(|c| c.is_ascii_digit() || c.is_control()) {
        Err(FieldCode::InvalidFormat)
    } else {
        Ok(name.to_owned())
    }
}

impl ProfileRequest {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ValidProfile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let real_name = check_real_name(&self.real_name).map_err(|c| errors.insert("real_name".into(), c)).ok();
        let resident_id = if self.resident_id.trim().is_empty() {
            errors.insert("resident_id".into(), FieldCode::Required);
            None
        } else {
            ResidentId::parse(&self.resident_id).map_err(|e| errors.insert("resident_id".into(), e.field_code())).ok()
        };
        let region = RegionCode::parse(&self.region).map_err(|c| errors.insert("region".into(), c)).ok();
        match (real_name, resident_id, region) {
            (Some(real_name), Some(resident_id), Some(region)) => Ok(ValidProfile { real_name, resident_id, region }),
            _ => Err(errors),
        }
    }
}

/// `GET /api/regions`: one division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    /// GB/T 2260 code.
    pub code: RegionCode,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The division one level up.
    pub parent: Option<RegionCode>,
    /// Province, prefecture or county.
    pub level: RegionLevel,
}

/// `POST /api/admin/bureau-accounts`: an officer acting for a region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBureauAccount {
    /// The officer's mobile: the role is offered to it, and granted when
    /// its owner proves it with a code and sets their own password.
    #[serde(default)]
    pub mobile: String,
    /// The officer's real name.
    #[serde(default)]
    pub real_name: String,
    /// The region the officer acts for (and all its sub-regions).
    #[serde(default)]
    pub region: String,
}

/// `POST /api/admin/institution-accounts`: an institution and one staff account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInstitutionAccount {
    /// Registered name of the institution; an existing one in the region is reused.
    #[serde(default)]
    pub institution_name: String,
    /// Where the institution is registered.
    #[serde(default)]
    pub region: String,
    /// The staff member's mobile: the role is offered to it, and granted
    /// when its owner proves it with a code and sets their own password.
    #[serde(default)]
    pub mobile: String,
    /// The staff member's real name.
    #[serde(default)]
    pub real_name: String,
}

/// Checks an institution's name: 2 to 100 characters.
pub fn check_institution_name(input: &str) -> Result<String, FieldCode> {
    let name = input.trim();
    match name.chars().count() {
        0 => Err(FieldCode::Required),
        1 => Err(FieldCode::TooShort),
        n if n > 100 => Err(FieldCode::TooLong),
        _ => Ok(name.to_owned()),
    }
}

/// A checked staff person: the same checks in the browser and on the server.
#[derive(Debug, Clone)]
pub struct ValidStaffPerson {
    /// Their mobile number.
    pub mobile: Mobile,
    /// Their real name.
    pub real_name: String,
    /// The region of the role.
    pub region: RegionCode,
}

fn check_staff_person(
    errors: &mut FieldErrors,
    mobile: &str,
    real_name: &str,
    region: &str,
) -> Option<ValidStaffPerson> {
    let mobile = Mobile::parse(mobile).map_err(|e| errors.insert("mobile".into(), mobile_field_code(e))).ok();
    let real_name = check_real_name(real_name).map_err(|c| errors.insert("real_name".into(), c)).ok();
    let region = RegionCode::parse(region).map_err(|c| errors.insert("region".into(), c)).ok();
    Some(ValidStaffPerson { mobile: mobile?, real_name: real_name?, region: region? })
}

impl NewBureauAccount {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ValidStaffPerson, FieldErrors> {
        let mut errors = FieldErrors::new();
        let person = check_staff_person(&mut errors, &self.mobile, &self.real_name, &self.region);
        person.filter(|_| errors.is_empty()).ok_or(errors)
    }
}

impl NewInstitutionAccount {
    /// Checks every field and names each one that fails; returns the
    /// institution's name and the staff person.
    pub fn validate(&self) -> Result<(String, ValidStaffPerson), FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = check_institution_name(&self.institution_name)
            .map_err(|c| errors.insert("institution_name".into(), c))
            .ok();
        let person = check_staff_person(&mut errors, &self.mobile, &self.real_name, &self.region);
        match (name, person) {
            (Some(name), Some(person)) if errors.is_empty() => Ok((name, person)),
            _ => Err(errors),
        }
    }
}

/// A staff account (bureau officer or institution staff) as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    /// The person's account.
    pub user_id: UserId,
    /// Masked mobile (`138****5678`).
    pub mobile_masked: String,
    /// Real name.
    pub real_name: Option<String>,
    /// The role granted.
    pub role: Role,
    /// The region of the role (the officer's, or the institution's).
    pub region: Option<RegionCode>,
    /// That region's Chinese name.
    pub region_name: Option<String>,
    /// The institution, for staff.
    pub institution: Option<InstitutionRef>,
    /// When the role was granted.
    pub granted_at: DateTime<Utc>,
}

/// `GET /api/users/{id}`: a person as an officer or admin sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserSummary {
    /// Account id.
    pub id: UserId,
    /// Masked mobile.
    pub mobile_masked: String,
    /// Real name.
    pub real_name: Option<String>,
    /// Masked resident ID.
    pub resident_id_masked: Option<String>,
    /// Home region.
    pub region: Option<RegionCode>,
    /// Roles held.
    pub roles: Vec<Role>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registration_names_every_bad_field() {
        let req = Credentials { mobile: "123".into(), password: "short".into() };
        let errors = req.validate_new().err().unwrap_or_default();
        assert_eq!(errors.get("mobile"), Some(&FieldCode::InvalidFormat));
        assert_eq!(errors.get("password"), Some(&FieldCode::TooShort));
    }

    #[test]
    fn a_good_registration_is_checked_once() {
        let req = Credentials { mobile: "+8613912345678".into(), password: "spring flowers 7".into() };
        let ok = req.validate_new().map(|a| a.mobile.as_str().to_owned());
        assert_eq!(ok, Ok("13912345678".to_owned()));
    }

    #[test]
    fn a_profile_with_a_bad_checksum_names_the_resident_id() {
        let req = ProfileRequest {
            real_name: "张三".into(),
            resident_id: "110105194912310021".into(),
            region: "110105".into(),
        };
        let errors = req.validate().err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors.get("resident_id"), Some(&FieldCode::InvalidChecksum));
    }

    #[test]
    fn an_empty_profile_names_all_three_fields() {
        let errors = ProfileRequest::default().validate().err().unwrap_or_default();
        assert_eq!(errors.get("real_name"), Some(&FieldCode::Required));
        assert_eq!(errors.get("resident_id"), Some(&FieldCode::Required));
        assert_eq!(errors.get("region"), Some(&FieldCode::Required));
    }

    #[test]
    fn a_staff_account_request_names_every_bad_field() {
        let req = NewInstitutionAccount {
            institution_name: " ".into(),
            region: "37020".into(),
            mobile: "1380000".into(),
            real_name: "".into(),
        };
        let errors = req.validate().err().unwrap_or_default();
        assert_eq!(errors.get("institution_name"), Some(&FieldCode::Required));
        assert_eq!(errors.get("region"), Some(&FieldCode::InvalidRegion));
        assert_eq!(errors.get("mobile"), Some(&FieldCode::InvalidFormat));
        assert_eq!(errors.get("real_name"), Some(&FieldCode::Required));
    }

    #[test]
    fn a_staff_offer_names_the_person_and_the_region() {
        let req =
            NewBureauAccount { mobile: "13800000001".into(), real_name: "王芳".into(), region: "110000".into() };
        let person = req.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(person.mobile.as_str(), "13800000001");
        assert_eq!(person.region.as_str(), "110000");
    }

    #[test]
    fn names_allow_minority_separators_but_not_digits() {
        assert_eq!(check_real_name(" 阿依古丽·买买提 "), Ok("阿依古丽·买买提".into()));
        assert_eq!(check_real_name("张3"), Err(FieldCode::InvalidFormat));
        assert_eq!(check_real_name("张"), Err(FieldCode::TooShort));
    }
}
