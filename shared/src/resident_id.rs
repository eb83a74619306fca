//! Resident identity number (居民身份证号码), GB 11643-1999.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::error::FieldCode;

/// Weights of the first 17 digits in the ISO 7064 MOD 11-2 check.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..=10.
const CHECK_CHARS: &[u8; 11] = b"10X98765432";
/// Province-level codes of GB/T 2260 (the first two digits).
const PROVINCES: [&str; 34] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
    "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
];

/// Why a resident ID was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidentIdError {
    /// Not exactly 18 characters.
    Length,
    /// A character other than digits (and a final X).
    Format,
    /// The first six digits are not an administrative division code.
    Region,
    /// Digits 7-14 are not a real birth date.
    BirthDate,
    /// The check character does not match.
    Checksum,
}

impl ResidentIdError {
    /// The field code the API reports for this error.
    pub fn field_code(self) -> FieldCode {
        match self {
            Self::Length | Self::Format => FieldCode::InvalidFormat,
            Self::Region => FieldCode::InvalidRegion,
            Self::BirthDate => FieldCode::InvalidDate,
            Self::Checksum => FieldCode::InvalidChecksum,
        }
    }
}

named_enum!(
    /// Sex as encoded in the 17th digit (odd: male, even: female).
    Gender {
        /// 男
        Male = "male",
        /// 女
        Female = "female",
    }
);

/// A resident ID that passed every GB 11643 check; stored with an upper-case X.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
pub struct ResidentId(String);

impl ResidentId {
    /// Checks length, characters, region, birth date and check character.
    /// A lower-case `x` is accepted and stored as `X`; surrounding spaces are trimmed.
    pub fn parse(input: &str) -> Result<Self, ResidentIdError> {
        let id = input.trim().to_ascii_uppercase();
        if id.chars().count() != 18 {
            return Err(ResidentIdError::Length);
        }
        let bytes = id.as_bytes();
        if !bytes[..17].iter().all(u8::is_ascii_digit) || !(bytes[17].is_ascii_digit() || bytes[17] == b'X') {
            return Err(ResidentIdError::Format);
        }
        if !PROVINCES.contains(&&id[..2]) {
            return Err(ResidentIdError::Region);
        }
        let birth = birth_date_of(&id).ok_or(ResidentIdError::BirthDate)?;
        if birth.year() < 1800 {
            return Err(ResidentIdError::BirthDate);
        }
        if check_char(bytes) != bytes[17] {
            return Err(ResidentIdError::Checksum);
        }
        Ok(Self(id))
    }

    /// The number made of 17 digits and their check character (for
    /// generated test and benchmark data); `None` when it does not parse.
    pub fn with_check(first17: &str) -> Option<Self> {
        let bytes = first17.as_bytes();
        if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut full = first17.to_owned();
        full.push(char::from(check_char(bytes)));
        Self::parse(&full).ok()
    }

    /// The full number. Never log it: use [`ResidentId::masked`].
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first six digits: the region of first registration.
    pub fn region_prefix(&self) -> &str {
        &self.0[..6]
    }

    /// The birth date encoded in the number.
    pub fn birth_date(&self) -> NaiveDate {
        // parse() proved the date is real.
        birth_date_of(&self.0).unwrap_or_default()
    }

    /// The sex encoded in the 17th digit.
    pub fn gender(&self) -> Gender {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 { Gender::Male } else { Gender::Female }
    }

    /// The number with the birth date and sequence hidden: `110105********002X`
    /// becomes `1101**********002X`, safe for logs and lists.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..4], "*".repeat(10), &self.0[14..])
    }
}

fn birth_date_of(id: &str) -> Option<NaiveDate> {
    let year = id.get(6..10)?.parse().ok()?;
    let month = id.get(10..12)?.parse().ok()?;
    let day = id.get(12..14)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn check_char(bytes: &[u8]) -> u8 {
    let sum: u32 = bytes[..17].iter().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

impl fmt::Display for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

serde_via_parse!(ResidentId);
diesel_sql!(private text ResidentId, |raw| ResidentId::parse(&raw).map_err(|_| raw));

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_published_examples_are_valid() {
        let a = ResidentId::parse("11010519491231002X");
        assert!(a.is_ok(), "{a:?}");
        let b = ResidentId::parse("440524188001010014");
        assert!(b.is_ok(), "{b:?}");
    }

    #[test]
    fn a_lowercase_x_is_accepted_and_stored_upper_case() {
        let id = ResidentId::parse("11010519491231002x").map(|i| i.as_str().to_owned());
        assert_eq!(id, Ok("11010519491231002X".to_owned()));
    }

    #[test]
    fn a_wrong_check_character_is_refused() {
        assert_eq!(ResidentId::parse("110105194912310021"), Err(ResidentIdError::Checksum));
        assert_eq!(ResidentId::parse("440524188001010015"), Err(ResidentIdError::Checksum));
    }

    #[test]
    fn an_impossible_birth_date_is_refused() {
        // 1949-02-30 does not exist; the check character is irrelevant.
        assert_eq!(ResidentId::parse("110105194902300021"), Err(ResidentIdError::BirthDate));
        assert_eq!(ResidentId::parse("110105194913010021"), Err(ResidentIdError::BirthDate));
    }

    #[test]
    fn wrong_lengths_and_characters_are_refused() {
        assert_eq!(ResidentId::parse(""), Err(ResidentIdError::Length));
        assert_eq!(ResidentId::parse("11010519491231002"), Err(ResidentIdError::Length));
        assert_eq!(ResidentId::parse("1101051949123100X2"), Err(ResidentIdError::Format));
        assert_eq!(ResidentId::parse("11010519491231002Y"), Err(ResidentIdError::Format));
    }

    #[test]
    fn an_unknown_province_is_refused() {
        assert_eq!(ResidentId::parse("99010519491231002X"), Err(ResidentIdError::Region));
    }

    #[test]
    fn birth_date_gender_and_mask_come_from_the_number() {
        let Ok(id) = ResidentId::parse("11010519491231002X") else { panic!("valid id") };
        assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1949, 12, 31).unwrap_or_default());
        assert_eq!(id.gender(), Gender::Female);
        assert_eq!(id.masked(), "1101**********002X");
        assert_eq!(id.to_string(), "1101**********002X");
        let Ok(man) = ResidentId::parse("440524188001010014") else { panic!("valid id") };
        assert_eq!(man.gender(), Gender::Male);
    }

    #[test]
    fn seventeen_digits_get_their_check_character() {
        assert_eq!(ResidentId::with_check("11010519491231002").map(|i| i.0), Some("11010519491231002X".to_owned()));
        assert_eq!(ResidentId::with_check("1101051949123100"), None, "sixteen digits");
        assert_eq!(ResidentId::with_check("11010519491331002"), None, "no 13th month");
    }

    fn with_check(first17: &str) -> String {
        let c = check_char(first17.as_bytes()) as char;
        format!("{first17}{c}")
    }

    proptest! {
        #[test]
        fn any_real_date_with_the_right_check_character_parses(
            year in 1900i32..2020, ordinal in 1u32..365, seq in 0u32..1000
        ) {
            let date = NaiveDate::from_yo_opt(year, ordinal).unwrap_or_default();
            let first17 = format!("370202{}{seq:03}", date.format("%Y%m%d"));
            let id = ResidentId::parse(&with_check(&first17));
            prop_assert!(id.is_ok());
            prop_assert_eq!(id.map(|i| i.birth_date()).ok(), Some(date));
        }

        #[test]
        fn changing_one_digit_breaks_the_check(pos in 14usize..17, delta in 1u8..10) {
            let good = with_check("37020219900101123");
            let mut bytes = good.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let bad = String::from_utf8(bytes).unwrap_or_default();
            prop_assert_eq!(ResidentId::parse(&bad), Err(ResidentIdError::Checksum));
        }
    }
}
