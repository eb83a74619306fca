//! The roles a person can hold. One person may hold several.

named_enum!(
    /// A role in the programme.
    Role {
        /// 学员 / 创业者: enrols in classes, books mentors, claims subsidies.
        Trainee = "trainee",
        /// 培训机构工作人员: runs classes for one institution.
        InstitutionStaff = "institution_staff",
        /// 创业导师: admitted to a bureau's mentor library.
        Mentor = "mentor",
        /// 人社局经办人员: acts for one region and its sub-regions.
        BureauOfficer = "bureau_officer",
        /// System administrator: creates bureau and institution accounts.
        Admin = "admin",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_names_round_trip_and_match_the_wire() {
        for &role in Role::ALL {
            assert_eq!(Role::from_name(role.as_str()), Some(role));
            let wire = serde_json::to_string(&role).unwrap_or_default();
            assert_eq!(wire, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(Role::from_name("superuser"), None);
    }
}
