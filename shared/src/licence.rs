//! Unified social credit code (统一社会信用代码, GB 32100-2015), the number
//! on a business licence.

use crate::error::FieldCode;

/// The 31 characters of the code, in value order (no I, O, S, V, Z).
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first 17 characters.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// A checked 18-character unified social credit code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BusinessLicence(String);

impl BusinessLicence {
    /// Checks length, characters and the check character.
    pub fn parse(input: &str) -> Result<Self, FieldCode> {
        let code = input.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(FieldCode::Required);
        }
        if code.len() != 18 {
            return Err(FieldCode::InvalidFormat);
        }
        let values: Option<Vec<u32>> =
            code.bytes().map(|b| CHARSET.iter().position(|c| *c == b).map(|p| p as u32)).collect();
        let Some(values) = values else { return Err(FieldCode::InvalidFormat) };
        let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        if values[17] != check {
            return Err(FieldCode::InvalidChecksum);
        }
        Ok(Self(code))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_check(first17: &str) -> String {
        let sum: u32 = first17
            .bytes()
            .zip(WEIGHTS)
            .map(|(b, w)| CHARSET.iter().position(|c| *c == b).unwrap_or(0) as u32 * w)
            .sum();
        let check = CHARSET[((31 - sum % 31) % 31) as usize] as char;
        format!("{first17}{check}")
    }

    #[test]
    fn a_code_with_the_right_check_character_parses_in_any_case() {
        let code = with_check("91370212MA3C1234X");
        assert_eq!(BusinessLicence::parse(&code.to_lowercase()).map(|l| l.0), Ok(code.clone()));
    }

    #[test]
    fn wrong_codes_are_refused_with_a_reason() {
        let code = with_check("91370212MA3C1234X");
        let mut wrong = code.clone().into_bytes();
        wrong[17] = if wrong[17] == b'0' { b'1' } else { b'0' };
        assert_eq!(BusinessLicence::parse(&String::from_utf8_lossy(&wrong)), Err(FieldCode::InvalidChecksum));
        assert_eq!(BusinessLicence::parse("91370212MA3C1234"), Err(FieldCode::InvalidFormat));
        assert_eq!(BusinessLicence::parse("91370212MA3C1234IO"), Err(FieldCode::InvalidFormat));
        assert_eq!(BusinessLicence::parse(""), Err(FieldCode::Required));
    }
}
