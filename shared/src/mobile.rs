//! Mainland China mobile numbers.

use std::fmt;

/// Why a mobile number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MobileError {
    /// Nothing was given.
    Empty,
    /// Not `1[3-9]` followed by nine digits (after an optional `+86`).
    Format,
}

/// An 11-digit mainland mobile number, `^1[3-9]\d{9}$`, stored without `+86`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
pub struct Mobile(String);

impl Mobile {
    /// Accepts `13812345678` or `+8613812345678`; spaces and hyphens between
    /// digit groups (`138 1234 5678`) are ignored.
    pub fn parse(input: &str) -> Result<Self, MobileError> {
        let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if compact.is_empty() {
            return Err(MobileError::Empty);
        }
        let digits = compact.strip_prefix("+86").unwrap_or(&compact);
        let b = digits.as_bytes();
        let ok = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && b.iter().all(u8::is_ascii_digit);
        if ok { Ok(Self(digits.to_owned())) } else { Err(MobileError::Format) }
    }

    /// A number as stored: a mobile, or the stand-in an erased account
    /// keeps (`10` and nine digits, which no mobile is and nobody can
    /// type in to sign in).
    pub fn from_stored(raw: &str) -> Option<Self> {
        let b = raw.as_bytes();
        let erased = b.len() == 11 && b.starts_with(b"10") && b.iter().all(u8::is_ascii_digit);
        if erased { Some(Self(raw.to_owned())) } else { Self::parse(raw).ok() }
    }

    /// Whether this is an erased account's stand-in.
    pub fn is_erased(&self) -> bool {
        self.0.starts_with("10")
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `138****5678`, for logs and lists.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

impl fmt::Display for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_parse!(Mobile);
diesel_sql!(private text Mobile, |raw| Mobile::from_stored(&raw).ok_or(raw));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erased_stand_in_is_read_back_but_never_typed_in() {
        assert!(Mobile::parse("10012345678").is_err());
        let stored = Mobile::from_stored("10012345678");
        assert_eq!(stored.as_ref().map(Mobile::is_erased), Some(true));
        assert_eq!(Mobile::from_stored("13812345678").map(|m| m.is_erased()), Some(false));
        assert_eq!(Mobile::from_stored("1001234567"), None);
    }

    #[test]
    fn plain_and_plus86_numbers_are_accepted() {
        assert_eq!(Mobile::parse("13812345678").map(|m| m.0), Ok("13812345678".into()));
        assert_eq!(Mobile::parse("+8619912345678").map(|m| m.0), Ok("19912345678".into()));
        assert_eq!(Mobile::parse("138 1234-5678").map(|m| m.0), Ok("13812345678".into()));
    }

    #[test]
    fn wrong_prefixes_and_lengths_are_refused() {
        for bad in ["12812345678", "1381234567", "138123456789", "23812345678", "1381234567a", "+85213812345678"] {
            assert_eq!(Mobile::parse(bad), Err(MobileError::Format), "{bad}");
        }
        assert_eq!(Mobile::parse("  "), Err(MobileError::Empty));
    }

    #[test]
    fn the_masked_form_hides_the_middle_four_digits() {
        assert_eq!(Mobile::parse("13812345678").map(|m| m.masked()), Ok("138****5678".into()));
    }
}
