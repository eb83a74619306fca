//! Money in integer fen (分). Never floating point.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount of RMB in fen; 100 fen is one yuan. Never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::BigInt)
)]
#[serde(try_from = "i64", into = "i64")]
pub struct Fen(i64);

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FenError {
    /// Amounts are zero or more.
    Negative,
    /// Not a yuan amount with at most two decimals.
    Format,
    /// Too large to hold.
    Overflow,
}

impl Fen {
    /// Zero fen.
    pub const ZERO: Fen = Fen(0);

    /// An amount of fen; negative amounts are refused.
    pub fn new(fen: i64) -> Result<Self, FenError> {
        if fen < 0 { Err(FenError::Negative) } else { Ok(Self(fen)) }
    }

    /// Whole yuan, as policy texts state them (`1500` yuan).
    pub fn from_yuan(yuan: i64) -> Result<Self, FenError> {
        yuan.checked_mul(100).ok_or(FenError::Overflow).and_then(Self::new)
    }

    /// Parses a yuan amount as typed in a form: `1500`, `1500.5`, `1,500.50`.
    pub fn parse_yuan(input: &str) -> Result<Self, FenError> {
        let s: String = input.trim().chars().filter(|c| *c != ',').collect();
        if s.starts_with('-') {
            return Err(FenError::Negative);
        }
        let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 2
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(FenError::Format);
        }
        let yuan: i64 = whole.parse().map_err(|_| FenError::Overflow)?;
        let cents: i64 = format!("{frac:0<2}").parse().map_err(|_| FenError::Format)?;
        yuan.checked_mul(100).and_then(|f| f.checked_add(cents)).ok_or(FenError::Overflow).map(Self)
    }

    /// The amount in fen.
    pub fn get(self) -> i64 {
        self.0
    }

    /// The sum, or an error if it would overflow.
    pub fn checked_add(self, other: Fen) -> Result<Fen, FenError> {
        self.0.checked_add(other.0).map(Fen).ok_or(FenError::Overflow)
    }
}

// A `BigInt` column of fen; a negative stored amount is an error, not zero.
diesel_sql!(Fen as BigInt, write i64: |f| &f.0, read i64: |v| Fen::new(v).map_err(|_| v), show |v| format!("'{v}'"));

impl TryFrom<i64> for Fen {
    type Error = String;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Fen::new(v).map_err(|_| "amount in fen must not be negative".to_owned())
    }
}

impl From<Fen> for i64 {
    fn from(f: Fen) -> i64 {
        f.0
    }
}

impl fmt::Display for Fen {
    /// `¥1,500.00`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let yuan = (self.0 / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "¥{grouped}.{:02}", self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_amounts_become_fen() {
        assert_eq!(Fen::from_yuan(1500).map(Fen::get), Ok(150_000));
        assert_eq!(Fen::parse_yuan("1,500.5").map(Fen::get), Ok(150_050));
        assert_eq!(Fen::parse_yuan("0.07").map(Fen::get), Ok(7));
        assert_eq!(Fen::parse_yuan("100000").map(Fen::get), Ok(10_000_000));
    }

    #[test]
    fn bad_amounts_are_refused() {
        assert_eq!(Fen::new(-1), Err(FenError::Negative));
        assert_eq!(Fen::parse_yuan("-3"), Err(FenError::Negative));
        assert_eq!(Fen::parse_yuan("1.234"), Err(FenError::Format));
        assert_eq!(Fen::parse_yuan("abc"), Err(FenError::Format));
        assert_eq!(Fen::parse_yuan(".5"), Err(FenError::Format));
        assert_eq!(Fen::from_yuan(i64::MAX), Err(FenError::Overflow));
    }

    #[test]
    fn amounts_display_as_yuan_with_grouping() {
        assert_eq!(Fen::from_yuan(100_000).map(|f| f.to_string()), Ok("¥100,000.00".into()));
        assert_eq!(Fen::new(150_050).map(|f| f.to_string()), Ok("¥1,500.50".into()));
        assert_eq!(Fen::ZERO.to_string(), "¥0.00");
    }

    #[test]
    fn negative_fen_never_deserialises() {
        assert!(serde_json::from_str::<Fen>("-5").is_err());
        assert_eq!(serde_json::from_str::<Fen>("150000").map(Fen::get).ok(), Some(150_000));
    }
}
