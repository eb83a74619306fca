//! Working days, as the policy texts count them ("5 working days of public
//! notice", "at least 3 working days before the start"): Monday to Friday,
//! except the public holidays of the State Council's yearly arrangement, plus
//! the weekend days worked in their place (调休). The server keeps the
//! arrangement in its `working_days` table; [`WorkCalendar`] is that table
//! as the rules read it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

named_enum!(
    /// What a day in the arrangement is.
    DayKind {
        /// 法定节假日 or a day off of the arrangement.
        Holiday = "holiday",
        /// 调休上班: a Saturday or Sunday worked in place of a holiday.
        Workday = "workday",
    }
);

/// One day of the arrangement: `GET /api/working-days?year=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarDay {
    /// The date.
    pub day: NaiveDate,
    /// Holiday or worked weekend day.
    pub kind: DayKind,
    /// What it is (春节, 国庆节调休 ...).
    pub name: String,
}

/// `PUT /api/working-days/{date}` (administrator).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarDayInput {
    /// `holiday` or `workday`.
    #[serde(default)]
    pub kind: String,
    /// What it is, 1 to 40 characters.
    #[serde(default)]
    pub name: String,
}

impl CalendarDayInput {
    /// Checks the kind and the name for `day`: a worked day must be a
    /// Saturday or Sunday, a holiday any day.
    pub fn validate(&self, day: NaiveDate) -> Result<(DayKind, String), crate::error::FieldErrors> {
        let mut e = crate::error::FieldErrors::new();
        let kind = DayKind::from_name(self.kind.trim());
        match kind {
            None => {
                e.insert("kind".into(), crate::error::FieldCode::InvalidFormat);
            }
            Some(DayKind::Workday) if !is_weekend(day) => {
                e.insert("kind".into(), crate::error::FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        let name = self.name.trim();
        match name.chars().count() {
            0 => {
                e.insert("name".into(), crate::error::FieldCode::Required);
            }
            n if n > 40 => {
                e.insert("name".into(), crate::error::FieldCode::TooLong);
            }
            _ => {}
        }
        match kind {
            Some(k) if e.is_empty() => Ok((k, name.to_owned())),
            _ => Err(e),
        }
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The arrangement the rules count with. Empty: Monday to Friday.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    days: BTreeMap<NaiveDate, DayKind>,
}

impl WorkCalendar {
    /// Monday to Friday, no holidays known.
    pub fn weekdays() -> Self {
        Self::default()
    }

    /// The calendar of these arranged days.
    pub fn new(days: impl IntoIterator<Item = (NaiveDate, DayKind)>) -> Self {
        Self { days: days.into_iter().collect() }
    }

    /// True on a working day: an arranged worked weekend day, or a weekday
    /// that is not a holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.days.get(&day) {
            Some(DayKind::Workday) => true,
            Some(DayKind::Holiday) => false,
            None => !is_weekend(day),
        }
    }

    /// The whole working days strictly between `from` and `to`: neither the
    /// day of the act nor the day of the event counts.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().skip(1).take_while(|d| *d < to).filter(|d| self.is_working_day(*d)).fold(0, |n, _| n + 1)
    }

    /// The last day on which an act still leaves `days` whole working days
    /// before `event` (the deadline to show with a refusal).
    pub fn last_day_leaving(&self, event: NaiveDate, days: u32) -> NaiveDate {
        let mut day = event.pred_opt().unwrap_or(NaiveDate::MIN);
        let mut counted = 0;
        while counted < days {
            if self.is_working_day(day) {
                counted += 1;
            }
            day = day.pred_opt().unwrap_or(NaiveDate::MIN);
        }
        day
    }

    /// The `days`-th working day counting `from` itself when it is one (the
    /// last day of a notice published on `from`); at least one day.
    pub fn nth_working_day(&self, from: NaiveDate, days: u32) -> NaiveDate {
        let mut day = from;
        let mut counted = 0;
        loop {
            if self.is_working_day(day) {
                counted += 1;
                if counted >= days.max(1) {
                    return day;
                }
            }
            day = match day.succ_opt() {
                Some(d) => d,
                None => return day,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn national_day_2026() -> WorkCalendar {
        let mut days: Vec<(NaiveDate, DayKind)> =
            (1..=7).map(|n| (d(&format!("2026-10-{n:02}")), DayKind::Holiday)).collect();
        days.push((d("2026-09-20"), DayKind::Workday));
        days.push((d("2026-10-10"), DayKind::Workday));
        WorkCalendar::new(days)
    }

    #[test]
    fn working_days_between_count_neither_end_nor_the_weekend() {
        let cal = WorkCalendar::weekdays();
        // Monday 2026-12-07: Wednesday leaves Thursday and Friday, two days.
        assert_eq!(cal.working_days_between(d("2026-12-02"), d("2026-12-07")), 2);
        assert_eq!(cal.working_days_between(d("2026-12-01"), d("2026-12-07")), 3);
        assert_eq!(cal.working_days_between(d("2026-12-04"), d("2026-12-07")), 0);
        assert_eq!(cal.working_days_between(d("2026-12-07"), d("2026-12-07")), 0);
        assert_eq!(cal.working_days_between(d("2026-12-08"), d("2026-12-07")), 0);
        assert_eq!(cal.working_days_between(d("2026-11-27"), d("2026-12-08")), 6);
    }

    #[test]
    fn the_last_day_leaving_n_working_days_agrees_with_the_count() {
        for cal in [WorkCalendar::weekdays(), national_day_2026()] {
            assert_eq!(cal.last_day_leaving(d("2026-12-07"), 3), d("2026-12-01"));
            assert_eq!(cal.last_day_leaving(d("2026-12-07"), 0), d("2026-12-06"));
            for event in [d("2026-12-07"), d("2026-10-09"), d("2026-10-12")] {
                for days in 0..12 {
                    let last = cal.last_day_leaving(event, days);
                    assert!(cal.working_days_between(last, event) >= days, "{event} {days}");
                    let next = last.succ_opt().unwrap_or_default();
                    assert!(cal.working_days_between(next, event) < days || days == 0, "{event} {days}");
                }
            }
        }
    }

    #[test]
    fn a_notice_over_national_day_skips_the_holiday_and_counts_the_worked_saturday() {
        let cal = national_day_2026();
        // Published Wednesday 30 September: 30 Sep is day 1, 1-7 Oct are
        // holidays, Thursday 8 and Friday 9 are days 2 and 3, Saturday 10 is
        // worked (day 4), Monday 12 is day 5.
        assert_eq!(cal.nth_working_day(d("2026-09-30"), 5), d("2026-10-12"));
        // Weekdays only would have ended on 6 October, in the holiday.
        assert_eq!(WorkCalendar::weekdays().nth_working_day(d("2026-09-30"), 5), d("2026-10-06"));
        assert!(cal.is_working_day(d("2026-09-20")), "the worked Sunday");
        assert!(!cal.is_working_day(d("2026-10-05")), "a holiday Monday");
        assert_eq!(cal.nth_working_day(d("2026-11-28"), 5), d("2026-12-04"), "a Saturday start counts from Monday");
        assert_eq!(cal.nth_working_day(d("2026-11-27"), 1), d("2026-11-27"));
        assert_eq!(cal.nth_working_day(d("2026-11-27"), 0), d("2026-11-27"), "at least one day");
    }

    #[test]
    fn an_arranged_day_names_its_kind_and_a_worked_day_is_a_weekend_day() {
        let input = CalendarDayInput { kind: "workday".into(), name: "国庆节调休".into() };
        assert_eq!(input.validate(d("2026-10-10")), Ok((DayKind::Workday, "国庆节调休".into())));
        let e = input.validate(d("2026-10-09")).err().unwrap_or_default();
        assert_eq!(e.get("kind"), Some(&crate::error::FieldCode::OutOfRange));
        let e = CalendarDayInput { kind: "party".into(), name: " ".into() }.validate(d("2026-10-09"));
        let e = e.err().unwrap_or_default();
        assert_eq!(e.get("kind"), Some(&crate::error::FieldCode::InvalidFormat));
        assert_eq!(e.get("name"), Some(&crate::error::FieldCode::Required));
    }
}
