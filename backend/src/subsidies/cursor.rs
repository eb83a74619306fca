//! The worklist's keyset cursor: the last row's sort key and id, as text.
//! `next` of one page is `after` of the next, for the same order.

use chrono::NaiveDateTime;
use malanhua_shared::api::subsidies::ClaimSort;
use malanhua_shared::ids::ClaimId;

use crate::subsidies::store::After;

/// How a timestamp is written in a cursor.
const AT: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// What a page's last row is sorted by.
#[derive(Debug, Clone)]
pub struct Key<'a> {
    /// The claim.
    pub id: &'a ClaimId,
    /// Its amount in fen.
    pub amount_fen: i64,
    /// Its last change.
    pub updated_at: NaiveDateTime,
    /// Its institution's name (empty for none).
    pub institution: &'a str,
}

/// The cursor after the row with `key` in `sort` order.
pub fn encode(sort: ClaimSort, key: &Key<'_>) -> String {
    match sort {
        ClaimSort::Filed | ClaimSort::FiledDesc => key.id.to_string(),
        ClaimSort::Amount | ClaimSort::AmountDesc => format!("{}:{}", key.amount_fen, key.id),
        ClaimSort::StageAge => format!("{}:{}", key.updated_at.format(AT), key.id),
        ClaimSort::Institution => format!("{}:{}", key.institution, key.id),
    }
}

/// The cursor read back, or `None` when it is not one of `sort`'s.
pub fn decode(sort: ClaimSort, raw: &str) -> Option<After> {
    let id = |s: &str| (!s.is_empty() && !s.contains(':')).then(|| ClaimId::from_raw(s.to_owned()));
    match sort {
        ClaimSort::Filed | ClaimSort::FiledDesc => id(raw).map(After::Id),
        _ => {
            let (key, last) = raw.rsplit_once(':')?;
            let last = id(last)?;
            match sort {
                ClaimSort::Amount | ClaimSort::AmountDesc => key.parse().ok().map(|v| After::Amount(v, last)),
                ClaimSort::StageAge => NaiveDateTime::parse_from_str(key, AT).ok().map(|v| After::Updated(v, last)),
                _ => Some(After::Name(key.to_owned(), last)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_order_reads_back_its_own_cursor() {
        let id = ClaimId::from_raw("0192d4a0-7c1e-7000-8000-000000000001".to_owned());
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
            .and_then(|d| d.and_hms_micro_opt(9, 30, 5, 123_456))
            .unwrap_or_default();
        let key = Key { id: &id, amount_fen: 150_000, updated_at: at, institution: "青岛: 创业学院" };
        let expected = [
            (ClaimSort::Filed, After::Id(id.clone())),
            (ClaimSort::FiledDesc, After::Id(id.clone())),
            (ClaimSort::Amount, After::Amount(150_000, id.clone())),
            (ClaimSort::AmountDesc, After::Amount(150_000, id.clone())),
            (ClaimSort::StageAge, After::Updated(at, id.clone())),
            (ClaimSort::Institution, After::Name("青岛: 创业学院".to_owned(), id.clone())),
        ];
        for (sort, after) in expected {
            assert_eq!(decode(sort, &encode(sort, &key)), Some(after), "{sort:?}");
        }
    }

    #[test]
    fn a_cursor_of_another_order_is_refused() {
        assert_eq!(decode(ClaimSort::Amount, "not-a-cursor"), None);
        assert_eq!(decode(ClaimSort::Amount, "12x:abc"), None);
        assert_eq!(decode(ClaimSort::StageAge, "150000:abc"), None);
        assert_eq!(decode(ClaimSort::Filed, "150000:abc"), None);
        assert_eq!(decode(ClaimSort::Filed, ""), None);
    }
}
