//! The rules of 政策找人, as pure functions: which reason a certificate's
//! claim window gives, when a person may be notified again, how long a
//! declaration has waited, and the list's query and page cursor.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use malanhua_shared::api::outreach::{CLOSING_DAYS, DEFAULT_WAITING_DAYS, OutreachReason, QUIET_DAYS};
use malanhua_shared::api::subsidies::ClaimStatus;
use malanhua_shared::audit::NotificationKind;
use malanhua_shared::{FieldCode, FieldErrors, RegionCode};

use crate::statistics::rules::region_param;

/// The longest wait a bureau may ask about, in days.
pub const MAX_WAITING_DAYS: u32 = 365;

/// The list asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutreachRequest {
    /// The reason listed.
    pub reason: OutreachReason,
    /// The region (default: the officer's).
    pub region: Option<RegionCode>,
    /// Declarations waiting at least this many days.
    pub waiting_days: u32,
    /// Where the page starts: the sort key and the subject of the last row before it.
    pub after: Option<(String, String)>,
}

/// Reads the query, naming each bad field.
pub fn parse_request(q: &HashMap<String, String>) -> Result<OutreachRequest, FieldErrors> {
    let mut e = FieldErrors::new();
    let given = |k: &str| q.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let reason = match given("reason") {
        None => Some(OutreachReason::CertificateUnclaimed),
        Some(v) => OutreachReason::from_name(v),
    };
    if reason.is_none() {
        e.insert("reason".into(), FieldCode::InvalidFormat);
    }
    let waiting_days = match given("waiting_days").map(str::parse::<u32>) {
        None => DEFAULT_WAITING_DAYS,
        Some(Ok(d)) if (1..=MAX_WAITING_DAYS).contains(&d) => d,
        Some(Ok(_)) => {
            e.insert("waiting_days".into(), FieldCode::OutOfRange);
            DEFAULT_WAITING_DAYS
        }
        Some(Err(_)) => {
            e.insert("waiting_days".into(), FieldCode::InvalidFormat);
            DEFAULT_WAITING_DAYS
        }
    };
    let region = region_param(given("region"), &mut e);
    let after = given("after").map(parse_cursor);
    if matches!(after, Some(None)) {
        e.insert("after".into(), FieldCode::InvalidFormat);
    }
    match reason {
        Some(reason) if e.is_empty() => Ok(OutreachRequest { reason, region, waiting_days, after: after.flatten() }),
        _ => Err(e),
    }
}

/// The cursor of a page: `key|subject`, both non-empty, the key a day or a
/// time and the subject an id (letters, digits and dashes).
pub fn parse_cursor(raw: &str) -> Option<(String, String)> {
    let (key, subject) = raw.split_once('|')?;
    let key_ok = !key.is_empty() && key.len() <= 32 && key.chars().all(|c| c.is_ascii_digit() || "-:. T".contains(c));
    let subject_ok = !subject.is_empty()
        && subject.len() <= 64
        && subject.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (key_ok && subject_ok).then(|| (key.to_owned(), subject.to_owned()))
}

/// The cursor after a row with this key and subject.
pub fn cursor(key: &str, subject: &str) -> String {
    format!("{key}|{subject}")
}

/// The last day to file a claim for a certificate issued on `issued_on`.
pub fn deadline(issued_on: NaiveDate, window_months: u32) -> NaiveDate {
    issued_on.checked_add_months(Months::new(window_months)).unwrap_or(NaiveDate::MAX)
}

/// Why an eligible certificate is listed, given its last filing day and the
/// stage of its claim (none when it has none): a window closing within
/// [`CLOSING_DAYS`] with nothing filed, or no claim at all. A filed claim,
/// or a draft with time to spare, needs nobody to find the person.
pub fn window_reason(deadline: NaiveDate, today: NaiveDate, claim: Option<ClaimStatus>) -> Option<OutreachReason> {
    if deadline < today {
        return None;
    }
    let unfiled = claim.is_none_or(|s| matches!(s, ClaimStatus::Draft | ClaimStatus::Returned));
    if !unfiled {
        None
    } else if deadline <= today + Duration::days(CLOSING_DAYS) {
        Some(OutreachReason::WindowClosing)
    } else if claim.is_none() {
        Some(OutreachReason::CertificateUnclaimed)
    } else {
        None
    }
}

/// What the person is told for each reason.
pub fn notification_of(reason: OutreachReason) -> NotificationKind {
    match reason {
        OutreachReason::CertificateUnclaimed => NotificationKind::NudgeUnclaimed,
        OutreachReason::WindowClosing => NotificationKind::NudgeWindowClosing,
        OutreachReason::DeclarationWaiting => NotificationKind::NudgeDeclaration,
        OutreachReason::SybMayTakeIyb => NotificationKind::NudgeIyb,
    }
}

/// A person last notified at or before this time may be notified at `now`.
pub fn quiet_from(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(QUIET_DAYS)
}

/// Until when a person notified at `last` may not be notified again; none
/// when they may be now.
pub fn quiet_until(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let until = last? + Duration::days(QUIET_DAYS);
    (until > now).then_some(until)
}

/// Whole days a declaration made on `declared_on` has waited by `today`.
pub fn waiting_days(declared_on: NaiveDate, today: NaiveDate) -> u32 {
    u32::try_from((today - declared_on).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_certificate_is_listed_for_no_claim_or_a_closing_window_and_never_once_filed_or_expired() {
        let today = day("2026-06-01");
        let far = day("2026-12-01");
        let near = day("2026-06-30");
        assert_eq!(window_reason(far, today, None), Some(OutreachReason::CertificateUnclaimed));
        assert_eq!(window_reason(near, today, None), Some(OutreachReason::WindowClosing));
        assert_eq!(window_reason(day("2026-07-01"), today, None), Some(OutreachReason::WindowClosing), "30 days");
        assert_eq!(window_reason(day("2026-07-02"), today, None), Some(OutreachReason::CertificateUnclaimed));
        assert_eq!(window_reason(today, today, None), Some(OutreachReason::WindowClosing), "the last day");
        assert_eq!(window_reason(day("2026-05-31"), today, None), None, "expired");
        assert_eq!(window_reason(near, today, Some(ClaimStatus::Draft)), Some(OutreachReason::WindowClosing));
        assert_eq!(window_reason(near, today, Some(ClaimStatus::Returned)), Some(OutreachReason::WindowClosing));
        assert_eq!(window_reason(far, today, Some(ClaimStatus::Draft)), None, "a draft with time to spare");
        for filed in [ClaimStatus::Submitted, ClaimStatus::Approved, ClaimStatus::Paid, ClaimStatus::Rejected] {
            assert_eq!(window_reason(near, today, Some(filed)), None, "{filed:?}");
        }
    }

    #[test]
    fn the_deadline_is_the_window_in_calendar_months() {
        assert_eq!(deadline(day("2026-01-31"), 1), day("2026-02-28"));
        assert_eq!(deadline(day("2026-03-15"), 12), day("2027-03-15"));
    }

    #[test]
    fn a_person_is_quiet_for_seven_days_after_a_notification() {
        let at = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        assert_eq!(quiet_until(None, at), None);
        assert_eq!(quiet_until(Some(at), at + Duration::days(6)), Some(at + Duration::days(7)));
        assert_eq!(quiet_until(Some(at), at + Duration::days(7)), None);
        assert_eq!(quiet_until(Some(quiet_from(at)), at), None, "quiet_from is the last time that frees the person");
        assert_eq!(waiting_days(day("2026-05-01"), day("2026-05-15")), 14);
        assert_eq!(waiting_days(day("2026-05-16"), day("2026-05-15")), 0);
    }

    #[test]
    fn the_query_names_each_bad_field() {
        let q = |pairs: &[(&str, &str)]| {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<HashMap<_, _>>()
        };
        let ok = parse_request(&q(&[])).ok();
        assert_eq!(ok.as_ref().map(|r| (r.reason, r.waiting_days)), Some((OutreachReason::CertificateUnclaimed, 14)));
        let r = parse_request(&q(&[("reason", "window_closing"), ("waiting_days", "30"), ("after", "2026-01-02|C-1")]));
        assert_eq!(r.ok().and_then(|r| r.after), Some(("2026-01-02".to_owned(), "C-1".to_owned())));
        let bad = parse_request(&q(&[("reason", "x"), ("waiting_days", "0"), ("after", "a'b"), ("region", "37")]));
        let fields: Vec<String> = bad.err().map(|e| e.keys().cloned().collect()).unwrap_or_default();
        assert_eq!(fields, ["after", "reason", "region", "waiting_days"]);
        let e = parse_request(&q(&[("waiting_days", "seven")])).err().unwrap_or_default();
        assert_eq!(e.get("waiting_days"), Some(&FieldCode::InvalidFormat));
        assert_eq!(parse_cursor("2026-01-02|x|y"), None, "one separator");
        assert_eq!(parse_cursor("|x"), None);
    }
}
