//! Which times can be booked: a mentor's schedule (weekly hours in
//! Asia/Shanghai, date overrides, length, buffers, notice, horizon, limits)
//! against their calendar. One function decides a time; the slot list is
//! the candidates it accepts, so the page and the server never disagree.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use malanhua_shared::api::mentors::{MinuteRange, Schedule, Slot, SlotDay};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};

/// Something on the mentor's calendar: an appointment that holds its time
/// (it counts towards the limits) or a group session (it does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// An appointment, counted by the daily and weekly limits.
    pub counts: bool,
}

/// The rule a time breaks, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotRule {
    /// Sooner than the minimum notice.
    Notice,
    /// Beyond the booking horizon.
    Horizon,
    /// Not one of the day's slots (outside the hours or off the grid).
    Availability,
    /// Someone else holds (part of) the time.
    Taken,
    /// In the buffer kept around another booking.
    Buffer,
    /// The day's or the week's limit is reached.
    Limit,
}

/// The hours of a Shanghai day: the date's overrides if it has any (none
/// for a closed day), else the weekday's hours.
pub fn hours_of(schedule: &Schedule, day: NaiveDate) -> Vec<MinuteRange> {
    let overrides: Vec<&Option<MinuteRange>> =
        schedule.overrides.iter().filter(|(d, _)| *d == day).map(|(_, r)| r).collect();
    if !overrides.is_empty() {
        return overrides.into_iter().filter_map(|r| *r).collect();
    }
    let weekday = u8::try_from(day.weekday().number_from_monday()).unwrap_or(1);
    let mut ranges: Vec<MinuteRange> = schedule.weekly.iter().filter(|(w, _)| *w == weekday).map(|(_, r)| *r).collect();
    ranges.sort_by_key(|r| r.start);
    ranges
}

/// The candidate slots of a day: from each range's opening, one after
/// another of the appointment's length.
pub fn candidates(schedule: &Schedule, day: NaiveDate) -> Vec<Slot> {
    let midnight = shanghai_midnight(day);
    let len = schedule.slot_minutes.max(5);
    let mut out = Vec::new();
    for r in hours_of(schedule, day) {
        let mut m = r.start;
        while m + len <= r.end {
            let starts_at = midnight + Duration::minutes(i64::from(m));
            out.push(Slot { starts_at, ends_at: starts_at + Duration::minutes(i64::from(len)) });
            m += len;
        }
    }
    out
}

fn overlaps(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Decides one requested start against the schedule and the calendar (which
/// must not contain the appointment being moved). Returns the slot.
pub fn check_start(
    schedule: &Schedule,
    busy: &[Busy],
    now: DateTime<Utc>,
    start: DateTime<Utc>,
) -> Result<Slot, SlotRule> {
    if start < now + Duration::hours(i64::from(schedule.min_notice_hours)) {
        return Err(SlotRule::Notice);
    }
    if start > now + Duration::days(i64::from(schedule.horizon_days)) {
        return Err(SlotRule::Horizon);
    }
    let day = shanghai_date(start);
    let slot = candidates(schedule, day).into_iter().find(|s| s.starts_at == start).ok_or(SlotRule::Availability)?;
    let raw = (slot.starts_at, slot.ends_at);
    if busy.iter().any(|b| overlaps(raw, (b.starts_at, b.ends_at))) {
        return Err(SlotRule::Taken);
    }
    let before = Duration::minutes(i64::from(schedule.buffer_before));
    let after = Duration::minutes(i64::from(schedule.buffer_after));
    let padded = (slot.starts_at - before, slot.ends_at + after);
    if busy
        .iter()
        .any(|b| overlaps(padded, (b.starts_at, b.ends_at)) || overlaps(raw, (b.starts_at - before, b.ends_at + after)))
    {
        return Err(SlotRule::Buffer);
    }
    let counted =
        |same: &dyn Fn(NaiveDate) -> bool| busy.iter().filter(|b| b.counts && same(shanghai_date(b.starts_at))).count();
    let at_limit = |limit: Option<u32>, n: usize| limit.is_some_and(|l| n >= l as usize);
    if at_limit(schedule.max_per_day, counted(&|d| d == day))
        || at_limit(schedule.max_per_week, counted(&|d| week_start(d) == week_start(day)))
    {
        return Err(SlotRule::Limit);
    }
    Ok(slot)
}

/// The free slots from `from` to `to`, grouped by Shanghai day (every day in
/// the range is listed, an empty one when closed, full or at its limit).
pub fn free_slots(
    schedule: &Schedule,
    busy: &[Busy],
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<SlotDay> {
    let mut days = Vec::new();
    let mut day = shanghai_date(from);
    // `to` is exclusive: a range ending at midnight does not list the next day.
    let last = shanghai_date(to - Duration::seconds(1));
    while day <= last {
        let slots = candidates(schedule, day)
            .into_iter()
            .filter(|s| s.starts_at >= from && s.starts_at < to)
            .filter(|s| check_start(schedule, busy, now, s.starts_at).is_ok())
            .collect();
        days.push(SlotDay { day, slots });
        day = day.succ_opt().unwrap_or(last + Duration::days(1));
    }
    days
}

/// The first free slot from `from` to `to`: the first slot
/// [`free_slots`] lists, found without listing the days after it.
pub fn first_free(
    schedule: &Schedule,
    busy: &[Busy],
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut day = shanghai_date(from);
    let last = shanghai_date(to - Duration::seconds(1));
    while day <= last {
        let found = candidates(schedule, day)
            .into_iter()
            .filter(|s| s.starts_at >= from && s.starts_at < to)
            .find(|s| check_start(schedule, busy, now, s.starts_at).is_ok());
        if let Some(s) = found {
            return Some(s.starts_at);
        }
        day = day.succ_opt()?;
    }
    None
}

/// True when anything on the calendar overlaps the range (a group session
/// needs the mentor's time free; it is not bound to the weekly hours).
pub fn clashes(busy: &[Busy], starts: DateTime<Utc>, ends: DateTime<Utc>) -> bool {
    busy.iter().any(|b| overlaps((starts, ends), (b.starts_at, b.ends_at)))
}

/// The five-minute blocks a time range covers (for the occupancy tables).
pub fn blocks(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Vec<i64> {
    let first = starts_at.timestamp().div_euclid(300);
    let end = (ends_at.timestamp() + 299).div_euclid(300);
    (first..end).collect()
}
