//! Password rules after OWASP ASVS: at least 8 characters, at most 128, any
//! characters allowed, and not one of the commonly used passwords.

use crate::error::FieldCode;

/// Fewest characters a password may have.
pub const MIN_CHARS: usize = 8;
/// Most characters a password may have (long enough for pass phrases).
pub const MAX_CHARS: usize = 128;

/// Passwords seen most often in leaked lists, Chinese and international.
const COMMON: &str = include_str!("common_passwords.txt");

/// A password that meets the rules. It is only ever hashed, never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    /// Checks a new password. `mobile` is the account's number, which may
    /// not be used as its password.
    pub fn parse(input: &str, mobile: Option<&str>) -> Result<Self, FieldCode> {
        let chars = input.chars().count();
        if chars == 0 {
            return Err(FieldCode::Required);
        }
        if chars < MIN_CHARS {
            return Err(FieldCode::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(FieldCode::TooLong);
        }
        if mobile.is_some_and(|m| input.contains(m)) {
            return Err(FieldCode::PasswordIsMobile);
        }
        if is_common(input) {
            return Err(FieldCode::CommonPassword);
        }
        Ok(Self(input.to_owned()))
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// True when the password (ignoring case) is on the common list.
pub fn is_common(input: &str) -> bool {
    let lower = input.to_lowercase();
    COMMON.lines().map(str::trim).any(|c| !c.is_empty() && c == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(Password::parse("", None), Err(FieldCode::Required));
        assert_eq!(Password::parse("Ab3$efg", None), Err(FieldCode::TooShort));
        // Eight characters counted as characters, not bytes.
        assert!(Password::parse("马兰花创业培训好", None).is_ok());
    }

    #[test]
    fn overlong_passwords_are_refused() {
        assert_eq!(Password::parse(&"a".repeat(129), None), Err(FieldCode::TooLong));
        assert!(Password::parse(&"ab".repeat(64), None).is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for common in ["password", "12345678", "Password1", "woaini1314", "QWERTYUIOP", "1qaz2wsx"] {
            assert_eq!(Password::parse(common, None), Err(FieldCode::CommonPassword), "{common}");
        }
    }

    #[test]
    fn the_mobile_number_is_not_a_password() {
        assert_eq!(Password::parse("13812345678", Some("13812345678")), Err(FieldCode::PasswordIsMobile));
    }

    #[test]
    fn a_good_pass_phrase_is_accepted_and_hidden_from_debug() {
        let p = Password::parse("spring malan flowers", None);
        assert!(p.is_ok());
        assert_eq!(format!("{:?}", p.ok()), "Some(Password(***))");
    }
}
