//! Working days, as the policy texts count them ("at least 3 working days
//! before the start"): Monday to Friday. Public holidays and the weekend
//! days worked in their place are not known to the system yet.

use chrono::{Datelike, NaiveDate, Weekday};

/// Monday to Friday.
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The whole working days strictly between `from` and `to`: neither the day
/// of the act nor the day of the event counts.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days().skip(1).take_while(|d| *d < to).filter(|d| is_working_day(*d)).fold(0, |n, _| n + 1)
}

/// The last day on which an act still leaves `days` whole working days
/// before `event` (the deadline to show with a refusal).
pub fn last_day_leaving(event: NaiveDate, days: u32) -> NaiveDate {
    let mut day = event.pred_opt().unwrap_or(NaiveDate::MIN);
    let mut counted = 0;
    while counted < days {
        if is_working_day(day) {
            counted += 1;
        }
        day = day.pred_opt().unwrap_or(NaiveDate::MIN);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn working_days_between_count_neither_end_nor_the_weekend() {
        // Monday 2026-12-07: Wednesday leaves Thursday and Friday, two days.
        assert_eq!(working_days_between(d("2026-12-02"), d("2026-12-07")), 2);
        assert_eq!(working_days_between(d("2026-12-01"), d("2026-12-07")), 3);
        assert_eq!(working_days_between(d("2026-12-04"), d("2026-12-07")), 0);
        assert_eq!(working_days_between(d("2026-12-07"), d("2026-12-07")), 0);
        assert_eq!(working_days_between(d("2026-12-08"), d("2026-12-07")), 0);
        assert_eq!(working_days_between(d("2026-11-27"), d("2026-12-08")), 6);
    }

    #[test]
    fn the_last_day_leaving_n_working_days_agrees_with_the_count() {
        assert_eq!(last_day_leaving(d("2026-12-07"), 3), d("2026-12-01"));
        assert_eq!(last_day_leaving(d("2026-12-07"), 0), d("2026-12-06"));
        for days in 0..12 {
            let event = d("2026-12-07");
            let last = last_day_leaving(event, days);
            assert!(working_days_between(last, event) >= days, "{days}");
            assert!(working_days_between(last.succ_opt().unwrap_or_default(), event) < days || days == 0, "{days}");
        }
    }
}
