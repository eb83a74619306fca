//! A mentor's availability: weekly hours in Asia/Shanghai, date overrides,
//! appointment length, buffers, notice, horizon and limits; and the free
//! slots computed from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{FieldCode, FieldErrors};

/// Hours on one weekday, Asia/Shanghai, `HH:MM` on a five-minute grid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyHours {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Opening, e.g. `09:00`.
    pub start: String,
    /// Closing, e.g. `12:00` (`24:00` for midnight).
    pub end: String,
}

/// A date's own hours; without `start` and `end` the day is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayOverride {
    /// The date in Shanghai.
    pub day: Option<NaiveDate>,
    /// Opening, `HH:MM`, or none to close the day.
    #[serde(default)]
    pub start: Option<String>,
    /// Closing.
    #[serde(default)]
    pub end: Option<String>,
}

/// `GET` and `PUT /api/me/mentor/availability`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailabilityInput {
    /// 30, 45, 60 or 90 minutes.
    pub slot_minutes: i64,
    /// Free minutes kept before each appointment (0 to 120, multiple of 5).
    #[serde(default)]
    pub buffer_before_minutes: i64,
    /// Free minutes kept after each appointment (0 to 120, multiple of 5).
    #[serde(default)]
    pub buffer_after_minutes: i64,
    /// Hours of notice a booking needs (0 to 720).
    pub min_notice_hours: i64,
    /// How many days ahead one may book (1 to 365).
    pub horizon_days: i64,
    /// At most this many appointments a day (Shanghai), if set (1 to 48).
    #[serde(default)]
    pub max_per_day: Option<i64>,
    /// At most this many a week (Monday to Sunday, Shanghai), if set (1 to 200).
    #[serde(default)]
    pub max_per_week: Option<i64>,
    /// Weekly hours; ranges of one weekday may not overlap.
    #[serde(default)]
    pub weekly: Vec<WeeklyHours>,
    /// Date overrides, one entry per range (or one closing entry) per date.
    #[serde(default)]
    pub overrides: Vec<DayOverride>,
}

/// A checked range of minutes after Shanghai midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinuteRange {
    /// First minute.
    pub start: u32,
    /// Minute after the last.
    pub end: u32,
}

/// A checked schedule (the server stores it; the rules compute slots from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Appointment length.
    pub slot_minutes: u32,
    /// Buffer before.
    pub buffer_before: u32,
    /// Buffer after.
    pub buffer_after: u32,
    /// Notice hours.
    pub min_notice_hours: u32,
    /// Horizon days.
    pub horizon_days: u32,
    /// Per-day limit.
    pub max_per_day: Option<u32>,
    /// Per-week limit.
    pub max_per_week: Option<u32>,
    /// (weekday 1..=7, range)
    pub weekly: Vec<(u8, MinuteRange)>,
    /// (date, range or none for closed)
    pub overrides: Vec<(NaiveDate, Option<MinuteRange>)>,
}

/// Parses `HH:MM` on a five-minute grid into minutes after midnight (`24:00` allowed).
pub fn parse_hhmm(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let total = h * 60 + m;
    (m < 60 && total <= 1440 && m % 5 == 0).then_some(total)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn minute_range(start: &str, end: &str) -> Result<MinuteRange, FieldCode> {
    let (Some(s), Some(e)) = (parse_hhmm(start), parse_hhmm(end)) else {
        return Err(FieldCode::InvalidFormat);
    };
    if s < e { Ok(MinuteRange { start: s, end: e }) } else { Err(FieldCode::NotInOrder) }
}

fn overlapping(ranges: &[MinuteRange]) -> bool {
    ranges.iter().enumerate().any(|(i, a)| ranges[i + 1..].iter().any(|b| a.start < b.end && b.start < a.end))
}

impl AvailabilityInput {
    /// Checks every field, naming each bad one (`weekly[2].end`, `overrides[0].day`).
    pub fn validate(&self) -> Result<Schedule, FieldErrors> {
        let mut e = FieldErrors::new();
        if ![30, 45, 60, 90].contains(&self.slot_minutes) {
            e.insert("slot_minutes".into(), FieldCode::NotAllowed);
        }
        let mut minutes = |field: &str, v: i64, hi: i64, step: i64| {
            if (0..=hi).contains(&v) && v % step == 0 {
                u32::try_from(v).unwrap_or(0)
            } else {
                e.insert(field.into(), FieldCode::OutOfRange);
                0
            }
        };
        let buffer_before = minutes("buffer_before_minutes", self.buffer_before_minutes, 120, 5);
        let buffer_after = minutes("buffer_after_minutes", self.buffer_after_minutes, 120, 5);
        let min_notice_hours = minutes("min_notice_hours", self.min_notice_hours, 720, 1);
        let horizon_days = minutes("horizon_days", self.horizon_days, 365, 1);
        if horizon_days == 0 && !e.contains_key("horizon_days") {
            e.insert("horizon_days".into(), FieldCode::OutOfRange);
        }
        let mut limit = |field: &str, v: Option<i64>, hi: i64| match v {
            None => None,
            Some(n) if (1..=hi).contains(&n) => u32::try_from(n).ok(),
            Some(_) => {
                e.insert(field.into(), FieldCode::OutOfRange);
                None
            }
        };
        let max_per_day = limit("max_per_day", self.max_per_day, 48);
        let max_per_week = limit("max_per_week", self.max_per_week, 200);
        let mut weekly = Vec::new();
        for (i, w) in self.weekly.iter().enumerate() {
            if !(1..=7).contains(&w.weekday) {
                e.insert(format!("weekly[{i}].weekday"), FieldCode::OutOfRange);
                continue;
            }
            match minute_range(&w.start, &w.end) {
                Ok(r) => weekly.push((w.weekday, r)),
                Err(c) => {
                    e.insert(format!("weekly[{i}].end"), c);
                }
            }
        }
        for day in 1..=7u8 {
            let ranges: Vec<MinuteRange> = weekly.iter().filter(|(d, _)| *d == day).map(|(_, r)| *r).collect();
            if overlapping(&ranges) {
                e.insert("weekly".into(), FieldCode::Overlapping);
            }
        }
        let mut overrides = Vec::new();
        for (i, o) in self.overrides.iter().enumerate() {
            let Some(day) = o.day else {
                e.insert(format!("overrides[{i}].day"), FieldCode::Required);
                continue;
            };
            match (&o.start, &o.end) {
                (None, None) => overrides.push((day, None)),
                (Some(s), Some(t)) => match minute_range(s, t) {
                    Ok(r) => overrides.push((day, Some(r))),
                    Err(c) => {
                        e.insert(format!("overrides[{i}].end"), c);
                    }
                },
                _ => {
                    e.insert(format!("overrides[{i}].end"), FieldCode::Required);
                }
            }
        }
        let mut days: Vec<NaiveDate> = overrides.iter().map(|(d, _)| *d).collect();
        days.dedup();
        for day in days {
            let of_day: Vec<&Option<MinuteRange>> =
                overrides.iter().filter(|(d, _)| *d == day).map(|(_, r)| r).collect();
            let ranges: Vec<MinuteRange> = of_day.iter().filter_map(|r| **r).collect();
            if (of_day.len() > 1 && ranges.len() < of_day.len()) || overlapping(&ranges) {
                e.insert("overrides".into(), FieldCode::Overlapping);
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(Schedule {
            slot_minutes: u32::try_from(self.slot_minutes).unwrap_or(60),
            buffer_before,
            buffer_after,
            min_notice_hours,
            horizon_days,
            max_per_day,
            max_per_week,
            weekly,
            overrides,
        })
    }
}

impl Schedule {
    /// The schedule as the wire shows it.
    pub fn to_input(&self) -> AvailabilityInput {
        AvailabilityInput {
            slot_minutes: i64::from(self.slot_minutes),
            buffer_before_minutes: i64::from(self.buffer_before),
            buffer_after_minutes: i64::from(self.buffer_after),
            min_notice_hours: i64::from(self.min_notice_hours),
            horizon_days: i64::from(self.horizon_days),
            max_per_day: self.max_per_day.map(i64::from),
            max_per_week: self.max_per_week.map(i64::from),
            weekly: self
                .weekly
                .iter()
                .map(|(d, r)| WeeklyHours { weekday: *d, start: format_hhmm(r.start), end: format_hhmm(r.end) })
                .collect(),
            overrides: self
                .overrides
                .iter()
                .map(|(d, r)| DayOverride {
                    day: Some(*d),
                    start: r.map(|r| format_hhmm(r.start)),
                    end: r.map(|r| format_hhmm(r.end)),
                })
                .collect(),
        }
    }
}

/// A bookable time (UTC on the wire; the page shows it in Shanghai).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
}

/// `GET /api/mentors/{id}/slots?from=&to=`: RFC 3339 instants; at most 62 days apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SlotsQuery {
    /// From (default: now).
    pub from: Option<String>,
    /// To (default: from + 14 days).
    pub to: Option<String>,
}

/// The free slots of one Shanghai day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotDay {
    /// The date in Asia/Shanghai.
    pub day: NaiveDate,
    /// Its free slots, in order (empty when closed or at its limit).
    pub slots: Vec<Slot>,
}
