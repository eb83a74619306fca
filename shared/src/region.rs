//! Administrative division codes (GB/T 2260): `370000` Shandong, `370200`
//! Qingdao, `370202` Shinan district. Authority over a region covers every
//! region whose code it prefixes at its level.

use std::fmt;

named_enum!(
    /// The level of a division.
    RegionLevel {
        /// 省级: `XX0000`
        Province = "province",
        /// 地级: `XXXX00`
        Prefecture = "prefecture",
        /// 县级: `XXXXXX`
        County = "county",
    }
);

/// A six-digit GB/T 2260 code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "370202"))]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
pub struct RegionCode(String);

impl RegionCode {
    /// Six digits, not starting with `00` and not ending a level early
    /// (`370002` is not a code: a county needs its prefecture).
    pub fn parse(input: &str) -> Result<Self, crate::FieldCode> {
        let s = input.trim();
        if s.is_empty() {
            return Err(crate::FieldCode::Required);
        }
        let ok = s.len() == 6
            && s.bytes().all(|b| b.is_ascii_digit())
            && &s[..2] != "00"
            && !(&s[2..4] == "00" && &s[4..] != "00");
        if ok { Ok(Self(s.to_owned())) } else { Err(crate::FieldCode::InvalidRegion) }
    }

    /// The six digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Province, prefecture or county.
    pub fn level(&self) -> RegionLevel {
        if &self.0[2..] == "0000" {
            RegionLevel::Province
        } else if &self.0[4..] == "00" {
            RegionLevel::Prefecture
        } else {
            RegionLevel::County
        }
    }

    /// The digits that every region under this one starts with
    /// (`37` for Shandong, `3702` for Qingdao, all six for a county).
    pub fn prefix(&self) -> &str {
        match self.level() {
            RegionLevel::Province => &self.0[..2],
            RegionLevel::Prefecture => &self.0[..4],
            RegionLevel::County => &self.0,
        }
    }

    /// True when `other` is this region or lies inside it.
    pub fn contains(&self, other: &RegionCode) -> bool {
        other.0.starts_with(self.prefix())
    }

    /// The region one level up, if any.
    pub fn parent(&self) -> Option<RegionCode> {
        match self.level() {
            RegionLevel::Province => None,
            RegionLevel::Prefecture => Some(Self(format!("{}0000", &self.0[..2]))),
            RegionLevel::County => Some(Self(format!("{}00", &self.0[..4]))),
        }
    }

    /// The city (prefecture) a county lies in; a city or province as it is.
    pub fn city(&self) -> RegionCode {
        match self.level() {
            RegionLevel::County => self.parent().unwrap_or_else(|| self.clone()),
            _ => self.clone(),
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_parse!(RegionCode);
diesel_sql!(text RegionCode, |raw| RegionCode::parse(&raw).map_err(|_| raw));

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn a_county_lies_in_its_city() {
        assert_eq!(code("370212").city(), code("370200"), "a district's city");
        assert_eq!(code("370200").city(), code("370200"));
        assert_eq!(code("370000").city(), code("370000"));
    }

    #[test]
    fn levels_follow_the_trailing_zeros() {
        assert_eq!(code("370000").level(), RegionLevel::Province);
        assert_eq!(code("370200").level(), RegionLevel::Prefecture);
        assert_eq!(code("370202").level(), RegionLevel::County);
    }

    #[test]
    fn a_province_contains_its_cities_and_districts_but_not_others() {
        let shandong = code("370000");
        assert!(shandong.contains(&code("370200")));
        assert!(shandong.contains(&code("370202")));
        assert!(shandong.contains(&shandong));
        assert!(!shandong.contains(&code("150100")));
    }

    #[test]
    fn a_city_contains_its_districts_only() {
        let qingdao = code("370200");
        assert!(qingdao.contains(&code("370212")));
        assert!(!qingdao.contains(&code("370102")));
        assert!(!qingdao.contains(&code("370000")));
        assert!(!code("370212").contains(&qingdao));
    }

    #[test]
    fn parents_go_up_one_level() {
        assert_eq!(code("150102").parent(), Some(code("150100")));
        assert_eq!(code("150100").parent(), Some(code("150000")));
        assert_eq!(code("150000").parent(), None);
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["37020", "3702021", "37a202", "000000", "370002"] {
            assert_eq!(RegionCode::parse(bad), Err(crate::FieldCode::InvalidRegion), "{bad}");
        }
        assert_eq!(RegionCode::parse(""), Err(crate::FieldCode::Required));
    }
}
