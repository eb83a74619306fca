//! Times on the wire are UTC; people read and type them in Asia/Shanghai.
//! These helpers convert between the two; `i18n` formats them for reading.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use malanhua_shared::course::shanghai;

thread_local! {
    /// How far the server's clock is ahead of this device's, in milliseconds.
    static SERVER_AHEAD_MS: Cell<i64> = const { Cell::new(0) };
}

/// Milliseconds since the epoch by this device's clock.
#[cfg(target_arch = "wasm32")]
fn device_ms() -> i64 {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Date, js_name = now)]
        fn date_now() -> f64;
    }
    date_now() as i64
}

/// Milliseconds since the epoch by this machine's clock (host-side tests).
#[cfg(not(target_arch = "wasm32"))]
fn device_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Learns the server's time from a response's `Date` header, so that what
/// the app decides by the time of day (which session a trainee checks in
/// to) follows the server even when a phone's clock is wrong.
pub fn learn_server_time(date_header: &str) {
    if let Ok(server) = DateTime::parse_from_rfc2822(date_header.trim()) {
        learn_server_ms(server.timestamp_millis(), device_ms());
    }
}

fn learn_server_ms(server_ms: i64, device_ms: i64) {
    // The header has whole seconds: a difference under a second is noise.
    let ahead = server_ms - device_ms;
    SERVER_AHEAD_MS.with(|s| s.set(if ahead.abs() < 1_000 { 0 } else { ahead }));
}

/// Now, by the server's clock as last seen (the device's until then).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(device_ms() + SERVER_AHEAD_MS.with(Cell::get)).unwrap_or_default()
}

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

    #[test]
    fn the_app_keeps_to_the_servers_clock() {
        learn_server_ms(10_000_000, 10_000_000 - 3_600_000);
        let ahead = now() - DateTime::from_timestamp_millis(device_ms()).unwrap_or_default();
        assert!((ahead.num_seconds() - 3_600).abs() <= 1, "{ahead:?}");
        learn_server_ms(10_000_400, 10_000_000);
        let same = now() - DateTime::from_timestamp_millis(device_ms()).unwrap_or_default();
        assert!(same.num_seconds().abs() <= 1, "{same:?}");
        learn_server_time("Tue, 01 Dec 2026 23:10:00 GMT");
        let read = now().timestamp();
        let told = DateTime::parse_from_rfc2822("Tue, 01 Dec 2026 23:10:00 GMT").map(|d| d.timestamp()).unwrap_or(0);
        assert!((read - told).abs() <= 5, "{read} vs {told}");
    }
}
