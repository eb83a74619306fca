//! What keeps a record, and how an erased account keeps its place.

/// What the system holds of a person that the law or the money requires
/// keeping, counted when a deletion is asked for or decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdings {
    /// Certificates issued to them (anyone may verify one).
    pub certificates: usize,
    /// Subsidy claims about them or paid to them.
    pub claims: usize,
    /// Roles beyond trainee (officer, staff, admin).
    pub staff_roles: usize,
    /// A mentor record (services and fees hang on it).
    pub mentor: bool,
    /// Seats or waitlist places in classes not yet over.
    pub active_enrolments: usize,
    /// Mentor appointments still to come.
    pub upcoming_appointments: usize,
}

/// Why the record must stay, one word each, for the bureau and the
/// person; empty when the personal data may be erased.
pub fn must_keep(h: &Holdings) -> Vec<String> {
    let mut why = Vec::new();
    let mut add = |cond: bool, what: &str| {
        if cond {
            why.push(what.to_owned());
        }
    };
    add(h.certificates > 0, "certificates");
    add(h.claims > 0, "claims");
    add(h.staff_roles > 0, "staff_roles");
    add(h.mentor, "mentor_record");
    add(h.active_enrolments > 0, "active_enrolments");
    add(h.upcoming_appointments > 0, "upcoming_appointments");
    why
}

/// The stand-in number an erased account keeps in place of the mobile:
/// `10` and nine digits from its id (and `attempt`, should two collide).
/// No mobile starts `10`, so nobody can sign in with it and the real
/// number is free for a new account.
pub fn erased_mobile(user_id: &str, attempt: u32) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{user_id}:{attempt}").as_bytes());
    let n =
        u64::from_be_bytes([digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7]]);
    format!("10{:09}", n % 1_000_000_000)
}

/// A name as a list shows it: the family name and `*` for the rest.
pub fn masked_name(name: Option<&str>) -> String {
    let Some(name) = name.filter(|n| !n.is_empty()) else { return String::new() };
    let mut chars = name.chars();
    let first: String = chars.next().into_iter().collect();
    format!("{first}{}", "*".repeat(chars.count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_person_with_nothing_to_keep_is_erased() {
        assert!(must_keep(&Holdings::default()).is_empty());
        let h = Holdings { certificates: 1, claims: 2, active_enrolments: 1, ..Holdings::default() };
        assert_eq!(must_keep(&h), ["certificates", "claims", "active_enrolments"]);
        let staff = Holdings { staff_roles: 1, mentor: true, upcoming_appointments: 1, ..Holdings::default() };
        assert_eq!(must_keep(&staff), ["staff_roles", "mentor_record", "upcoming_appointments"]);
    }

    #[test]
    fn an_erased_number_is_no_mobile_and_differs_by_attempt() {
        let a = erased_mobile("0190a1b2-user", 0);
        assert_eq!(a.len(), 11);
        assert!(a.starts_with("10") && a.chars().all(|c| c.is_ascii_digit()));
        assert!(malanhua_shared::Mobile::parse(&a).is_err(), "nobody can sign in with it");
        assert_ne!(a, erased_mobile("0190a1b2-user", 1));
        assert_eq!(a, erased_mobile("0190a1b2-user", 0));
    }

    #[test]
    fn names_are_masked_after_the_first_character() {
        assert_eq!(masked_name(Some("王小明")), "王**");
        assert_eq!(masked_name(None), "");
    }
}
