//! Times on the wire are UTC; people read and type them in Asia/Shanghai.
//! These helpers convert between the two; `i18n` formats them for reading.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use malanhua_shared::course::shanghai;

/// An instant on the Shanghai clock.
pub fn in_shanghai(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&shanghai())
}

fn parse_local(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    ["%H:%M", "%H:%M:%S", "%H:%M:%S%.f"].iter().find_map(|f| NaiveTime::parse_from_str(text, f).ok())
}

fn rfc3339(local: NaiveDateTime) -> String {
    format!("{}+08:00", local.format("%Y-%m-%dT%H:%M:%S"))
}

/// A `datetime-local` value read as Shanghai time, as RFC 3339 with
/// `+08:00`. Empty stays empty and text that is not a date and time is
/// passed on as typed, so the shared validation names the problem.
pub fn local_input_to_rfc3339(value: &str) -> String {
    let value = value.trim();
    match parse_local(value) {
        Some(local) => rfc3339(local),
        None => value.to_owned(),
    }
}

/// A day (`YYYY-MM-DD`) and a time of day (`HH:MM`) in Shanghai as RFC 3339
/// with `+08:00`; empty when either is missing, as typed when unreadable.
pub fn day_and_time_to_rfc3339(day: &str, time: &str) -> String {
    let (day, time) = (day.trim(), time.trim());
    if day.is_empty() || time.is_empty() {
        return String::new();
    }
    match (NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(), parse_time(time)) {
        (Some(d), Some(t)) => rfc3339(d.and_time(t)),
        _ => format!("{day}T{time}"),
    }
}

/// Minutes between two times of day, when both are readable and in order.
pub fn minutes_between(start: &str, end: &str) -> Option<i64> {
    let (start, end) = (parse_time(start.trim())?, parse_time(end.trim())?);
    let minutes = (end - start).num_minutes();
    (minutes > 0).then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_input_is_read_as_shanghai_time() {
        assert_eq!(local_input_to_rfc3339("2026-12-01T09:00"), "2026-12-01T09:00:00+08:00");
        assert_eq!(local_input_to_rfc3339(" 2026-12-01T09:00:30 "), "2026-12-01T09:00:30+08:00");
        assert_eq!(local_input_to_rfc3339(""), "");
        assert_eq!(local_input_to_rfc3339("tomorrow"), "tomorrow");
    }

    #[test]
    fn a_session_needs_both_its_day_and_its_time() {
        assert_eq!(day_and_time_to_rfc3339("2026-12-07", "09:00"), "2026-12-07T09:00:00+08:00");
        assert_eq!(day_and_time_to_rfc3339("", "09:00"), "");
        assert_eq!(day_and_time_to_rfc3339("2026-12-07", ""), "");
        assert_eq!(minutes_between("09:00", "12:30"), Some(210));
        assert_eq!(minutes_between("12:00", "09:00"), None);
    }

    #[test]
    fn utc_evening_is_the_next_morning_in_shanghai() {
        let at = DateTime::parse_from_rfc3339("2026-11-25T16:30:00Z").map(|t| t.with_timezone(&Utc));
        let local = at.map(in_shanghai).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(local.as_deref(), Ok("2026-11-26 00:30"));
    }
}
