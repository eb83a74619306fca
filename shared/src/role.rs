//! The roles a person can hold. One person may hold several.

use serde::{Deserialize, Serialize};

/// A role in the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 学员 / 创业者: enrols in classes, books mentors, claims subsidies.
    Trainee,
    /// 培训机构工作人员: runs classes for one institution.
    InstitutionStaff,
    /// 创业导师: admitted to a bureau's mentor library.
    Mentor,
    /// 人社局经办人员: acts for one region and its sub-regions.
    BureauOfficer,
    /// System administrator: creates bureau and institution accounts.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [Self::Trainee, Self::InstitutionStaff, Self::Mentor, Self::BureauOfficer, Self::Admin];

    /// The stable storage and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trainee => "trainee",
            Self::InstitutionStaff => "institution_staff",
            Self::Mentor => "mentor",
            Self::BureauOfficer => "bureau_officer",
            Self::Admin => "admin",
        }
    }

    /// The role with this storage name.
    pub fn from_name(name: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

diesel_sql!(text Role, |raw| Role::from_name(&raw).ok_or(raw));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_names_round_trip_and_match_the_wire() {
        for role in Role::ALL {
            assert_eq!(Role::from_name(role.as_str()), Some(role));
            let wire = serde_json::to_string(&role).unwrap_or_default();
            assert_eq!(wire, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(Role::from_name("superuser"), None);
    }
}
