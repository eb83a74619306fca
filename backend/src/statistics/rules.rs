//! The rules of follow-up after training (when each point falls due, which
//! is answered, whether a business counts as started after the course) and
//! of a statistics request (its fields, the regions one level down, the
//! months and quarters). Pure: dates come in as parameters.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use malanhua_shared::api::outcomes::{FollowUpPoint, Industry, OutcomeStatus};
use malanhua_shared::api::statistics::{Granularity, MAX_PERIOD_DAYS};
use malanhua_shared::api::subsidies::PriorityGroup;
use malanhua_shared::course::CourseKind;
use malanhua_shared::ids::InstitutionId;
use malanhua_shared::region::RegionLevel;
use malanhua_shared::{FieldCode, FieldErrors, RegionCode};

/// The longest follow-up a policy may set, in months.
pub const MAX_FOLLOW_UP_MONTHS: u32 = 60;

/// A business started within this many months of a certificate counts
/// towards the start-up rate (创业成功率).
pub const START_UP_WINDOW_MONTHS: u32 = 12;

/// Reads a policy's months (`"3,6,12"`): sorted, distinct, each 1 to
/// [`MAX_FOLLOW_UP_MONTHS`]; anything else in the text is skipped.
pub fn parse_months(raw: &str) -> Vec<u32> {
    let mut out: Vec<u32> = raw
        .split(',')
        .filter_map(|m| m.trim().parse::<u32>().ok())
        .filter(|m| (1..=MAX_FOLLOW_UP_MONTHS).contains(m))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The day `months` after `day` (the month's last day where it is shorter).
pub fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// What was last recorded, as the follow-up reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// Started or not yet.
    pub status: OutcomeStatus,
    /// The Shanghai day it was recorded.
    pub on: NaiveDate,
}

/// The follow-up points of a certificate issued on `issued_on`. A point is
/// answered when an outcome was recorded on or after its day, and every
/// point is answered once a business was started (the follow-up ends).
pub fn follow_up_points(issued_on: NaiveDate, months: &[u32], recorded: Option<Recorded>) -> Vec<FollowUpPoint> {
    months
        .iter()
        .map(|&m| {
            let due_on = months_after(issued_on, m);
            let answered = match recorded {
                Some(r) if r.status == OutcomeStatus::Started => true,
                Some(r) => r.on >= due_on,
                None => false,
            };
            FollowUpPoint { months: m, due_on, answered }
        })
        .collect()
}

/// The point to ask about on `today`: the latest one that has fallen due,
/// if it is not answered (an earlier unanswered point is overtaken by it).
pub fn due_point(points: &[FollowUpPoint], today: NaiveDate) -> Option<FollowUpPoint> {
    points.iter().rev().find(|p| p.due_on <= today).filter(|p| !p.answered).cloned()
}

/// A business registered up to this many months before the certificate
/// (during the course, or while it was being planned) still counts as
/// started after training; one older than that was there before.
pub const START_UP_LEAD_MONTHS: u32 = 3;

/// True when a business registered on `started_on` counts as started after
/// the certificate of `issued_on`: from [`START_UP_LEAD_MONTHS`] before it to
/// [`START_UP_WINDOW_MONTHS`] after it.
pub fn counts_as_start_up(issued_on: NaiveDate, started_on: NaiveDate) -> bool {
    let from = issued_on.checked_sub_months(Months::new(START_UP_LEAD_MONTHS)).unwrap_or(NaiveDate::MIN);
    (from..=months_after(issued_on, START_UP_WINDOW_MONTHS)).contains(&started_on)
}

/// What a statistics request asks, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsRequest {
    /// The region asked for (none: the officer's own, or the country for an administrator).
    pub region: Option<RegionCode>,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Months or quarters.
    pub by: Granularity,
    /// Only this course kind.
    pub kind: Option<CourseKind>,
    /// Only people with this priority group verified.
    pub group: Option<PriorityGroup>,
    /// Only start-ups in this industry.
    pub industry: Option<Industry>,
    /// Only this institution.
    pub institution: Option<InstitutionId>,
}

/// The optional `region` of a query: none when not given, and the field
/// named in `e` when it is not a region code.
pub fn region_param(given: Option<&str>, e: &mut FieldErrors) -> Option<RegionCode> {
    match given.map(RegionCode::parse) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(c)) => {
            e.insert("region".into(), c);
            None
        }
    }
}

/// Reads the query string of a statistics request, naming each bad field.
/// The period defaults to this year up to `today`, divided by month.
pub fn parse_request(q: &HashMap<String, String>, today: NaiveDate) -> Result<StatsRequest, FieldErrors> {
    let mut e = FieldErrors::new();
    let given = |k: &str| q.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let mut day = |k: &str, default: NaiveDate| match given(k) {
        None => default,
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap_or_else(|_| {
            e.insert(k.into(), FieldCode::InvalidDate);
            default
        }),
    };
    let from = day("from", NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = day("to", today);
    if to < from {
        e.insert("to".into(), FieldCode::NotInOrder);
    } else if (to - from).num_days() >= MAX_PERIOD_DAYS {
        e.insert("to".into(), FieldCode::OutOfRange);
    }
    let mut named = |k: &str, ok: bool| {
        if !ok {
            e.insert(k.into(), FieldCode::InvalidFormat);
        }
    };
    let by = given("by").map_or(Some(Granularity::Month), Granularity::from_name);
    named("by", by.is_some());
    let kind = given("kind").map(CourseKind::from_name);
    named("kind", !matches!(kind, Some(None)));
    let group = given("group").map(PriorityGroup::from_name);
    named("group", !matches!(group, Some(None)));
    let industry = given("industry").map(|v| Industry::from_name(&v.to_ascii_uppercase()));
    named("industry", !matches!(industry, Some(None)));
    let institution = given("institution").map(InstitutionId::from_raw);
    named("institution", institution.as_ref().is_none_or(|i| super::sql::institution(i).is_some()));
    let region = region_param(given("region"), &mut e);
    if !e.is_empty() {
        return Err(e);
    }
    Ok(StatsRequest {
        region,
        from,
        to,
        by: by.unwrap_or(Granularity::Month),
        kind: kind.flatten(),
        group: group.flatten(),
        industry: industry.flatten(),
        institution,
    })
}

/// Mentor services, ratings and studios are of no course kind, institution
/// or trainee's group: a request filtered by one of those leaves them out.
pub fn counts_mentor_figures(req: &StatsRequest) -> bool {
    req.kind.is_none() && req.institution.is_none() && req.group.is_none()
}

/// How many digits name the regions one level under `region` (none: the
/// country, whose provinces are named by two); a county has none under it
/// and is its own one row.
pub fn child_digits(region: Option<&RegionCode>) -> usize {
    match region.map(RegionCode::level) {
        None => 2,
        Some(RegionLevel::Province) => 4,
        Some(RegionLevel::Prefecture | RegionLevel::County) => 6,
    }
}

/// The six-digit code of a region named by its first digits.
pub fn full_code(part: &str) -> String {
    format!("{part:0<6}")
}

/// The label of the month or quarter a `YYYY-MM` month falls in.
pub fn period_of(month: &str, by: Granularity) -> String {
    match by {
        Granularity::Month => month.to_owned(),
        Granularity::Quarter => {
            let m: u32 = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            format!("{}-Q{}", month.get(..4).unwrap_or(""), (m.clamp(1, 12) - 1) / 3 + 1)
        }
    }
}

/// Every month or quarter from `from` to `to`, each clipped to the period:
/// its label, first and last day.
pub fn periods(from: NaiveDate, to: NaiveDate, by: Granularity) -> Vec<(String, NaiveDate, NaiveDate)> {
    let step = match by {
        Granularity::Month => 1,
        Granularity::Quarter => 3,
    };
    let first_month = match by {
        Granularity::Month => from.month(),
        Granularity::Quarter => (from.month() - 1) / 3 * 3 + 1,
    };
    let mut start = NaiveDate::from_ymd_opt(from.year(), first_month, 1).unwrap_or(from);
    let mut out = Vec::new();
    while start <= to {
        let next = months_after(start, step);
        let last = next.pred_opt().unwrap_or(next);
        let label = period_of(&start.format("%Y-%m").to_string(), by);
        out.push((label, start.max(from), last.min(to)));
        start = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn months_are_read_sorted_and_bounded() {
        assert_eq!(parse_months("12, 3,6,6,x,0,61"), vec![3, 6, 12]);
        assert!(parse_months("").is_empty());
    }

    #[test]
    fn points_fall_on_the_same_day_of_later_months_or_the_month_end() {
        let pts = follow_up_points(day(2026, 8, 31), &[3, 6, 12], None);
        let days: Vec<NaiveDate> = pts.iter().map(|p| p.due_on).collect();
        assert_eq!(days, vec![day(2026, 11, 30), day(2027, 2, 28), day(2027, 8, 31)]);
        assert!(pts.iter().all(|p| !p.answered));
    }

    #[test]
    fn a_not_yet_answers_the_points_already_due_and_a_start_answers_all() {
        let not_yet = Recorded { status: OutcomeStatus::NotYet, on: day(2026, 7, 15) };
        let pts = follow_up_points(day(2026, 3, 1), &[3, 6, 12], Some(not_yet));
        assert_eq!(pts.iter().map(|p| p.answered).collect::<Vec<_>>(), vec![true, false, false]);
        let started = Recorded { status: OutcomeStatus::Started, on: day(2026, 4, 1) };
        assert!(follow_up_points(day(2026, 3, 1), &[3, 6, 12], Some(started)).iter().all(|p| p.answered));
    }

    #[test]
    fn the_due_point_is_the_latest_reached_and_only_while_unanswered() {
        let pts = follow_up_points(day(2026, 1, 10), &[3, 6, 12], None);
        assert_eq!(due_point(&pts, day(2026, 4, 9)), None);
        assert_eq!(due_point(&pts, day(2026, 4, 10)).map(|p| p.months), Some(3));
        assert_eq!(due_point(&pts, day(2026, 9, 1)).map(|p| p.months), Some(6));
        let answered = follow_up_points(
            day(2026, 1, 10),
            &[3, 6, 12],
            Some(Recorded { status: OutcomeStatus::NotYet, on: day(2026, 8, 1) }),
        );
        assert_eq!(due_point(&answered, day(2026, 9, 1)), None);
        assert_eq!(due_point(&answered, day(2027, 1, 10)).map(|p| p.months), Some(12));
    }

    #[test]
    fn a_start_counts_within_twelve_months_of_the_certificate() {
        let issued = day(2026, 3, 1);
        assert!(counts_as_start_up(issued, day(2027, 3, 1)));
        assert!(!counts_as_start_up(issued, day(2027, 3, 2)));
        assert!(counts_as_start_up(issued, day(2025, 12, 1)));
        assert!(!counts_as_start_up(issued, day(2025, 11, 30)));
    }
    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_statistics_request_defaults_to_this_year_by_month() {
        let r = parse_request(&HashMap::new(), day(2026, 12, 7));
        assert_eq!(r.map(|r| (r.from, r.to, r.by)), Ok((day(2026, 1, 1), day(2026, 12, 7), Granularity::Month)));
    }

    #[test]
    fn every_bad_field_of_a_statistics_request_is_named() {
        let q = query(&[
            ("from", "2026-13-01"),
            ("by", "week"),
            ("kind", "xyb"),
            ("group", "x"),
            ("industry", "Z"),
            ("institution", "a'b"),
            ("region", "12345"),
        ]);
        let e = parse_request(&q, day(2026, 12, 7)).err().unwrap_or_default();
        assert_eq!(e.get("from"), Some(&FieldCode::InvalidDate));
        for f in ["by", "kind", "group", "industry", "institution"] {
            assert_eq!(e.get(f), Some(&FieldCode::InvalidFormat), "{f}");
        }
        assert_eq!(e.get("region"), Some(&FieldCode::InvalidRegion));
        let e = parse_request(&query(&[("from", "2026-05-01"), ("to", "2026-04-30")]), day(2026, 12, 7));
        assert_eq!(e.err().unwrap_or_default().get("to"), Some(&FieldCode::NotInOrder));
        let e = parse_request(&query(&[("from", "2020-01-01"), ("to", "2026-01-01")]), day(2026, 12, 7));
        assert_eq!(e.err().unwrap_or_default().get("to"), Some(&FieldCode::OutOfRange));
    }

    #[test]
    fn regions_one_level_down_are_named_by_more_digits() {
        let code = |s: &str| RegionCode::parse(s).ok();
        assert_eq!(child_digits(None), 2);
        assert_eq!(child_digits(code("370000").as_ref()), 4);
        assert_eq!(child_digits(code("370200").as_ref()), 6);
        assert_eq!(child_digits(code("370212").as_ref()), 6);
        assert_eq!(full_code("3702"), "370200");
        assert_eq!(full_code("37"), "370000");
    }

    #[test]
    fn periods_cover_the_range_clipped_by_month_or_quarter() {
        let months = periods(day(2026, 1, 15), day(2026, 3, 2), Granularity::Month);
        assert_eq!(
            months,
            vec![
                ("2026-01".to_owned(), day(2026, 1, 15), day(2026, 1, 31)),
                ("2026-02".to_owned(), day(2026, 2, 1), day(2026, 2, 28)),
                ("2026-03".to_owned(), day(2026, 3, 1), day(2026, 3, 2)),
            ]
        );
        let quarters = periods(day(2026, 2, 1), day(2026, 12, 7), Granularity::Quarter);
        let labels: Vec<&str> = quarters.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(labels, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
        assert_eq!((quarters[0].1, quarters[3].2), (day(2026, 2, 1), day(2026, 12, 7)));
        assert_eq!(period_of("2026-11", Granularity::Quarter), "2026-Q4");
    }
}
