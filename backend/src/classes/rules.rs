//! Rules of classes: which policy applies, whether an opening request meets
//! it, the life of a class, and who gets a seat or a waitlist place.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::classes::{CoursePolicy, ValidClass};
use malanhua_shared::calendar::WorkCalendar;
use malanhua_shared::course::{ClassStatus, CourseKind, EnrolmentStatus, shanghai_date};
use malanhua_shared::{FieldCode, FieldErrors, RegionCode};

/// The policy in force for `region`: its own row, else the nearest ancestor's.
/// `rows` are the rows of one course kind for the region and its ancestors.
pub fn effective_policy(region: &RegionCode, rows: &[CoursePolicy]) -> Option<CoursePolicy> {
    rows.iter()
        .filter(|p| p.defined_in.contains(region))
        .max_by_key(|p| p.defined_in.level())
        .map(|p| CoursePolicy { region: region.clone(), ..p.clone() })
}

/// The region and its ancestors, most specific first.
pub fn region_chain(region: &RegionCode) -> Vec<RegionCode> {
    let mut chain = vec![region.clone()];
    while let Some(parent) = chain.last().and_then(RegionCode::parent) {
        chain.push(parent);
    }
    chain
}

/// Checks an opening request against the policy at filing time `now`.
pub fn check_against_policy(
    class: &ValidClass,
    policy: &CoursePolicy,
    cal: &WorkCalendar,
    now: DateTime<Utc>,
) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if class.capacity > policy.max_class_size {
        e.insert("capacity".into(), FieldCode::OutOfRange);
    }
    if class.minutes() < i64::from(policy.min_hours) * 60 {
        e.insert("sessions".into(), FieldCode::TooFewHours);
    }
    let first = class.sessions.first().map(|s| s.starts_at);
    let first_day = first.map_or(class.starts_on, shanghai_date);
    if lead_time(cal, policy.opening_lead_days, now, first_day).is_err() || first.is_some_and(|f| f <= now) {
        e.insert("starts_on".into(), FieldCode::TooLate);
    }
    if e.is_empty() { Ok(()) } else { Err(e) }
}

/// Whether an act at `now` (filing, or the bureau's approval) leaves the
/// policy's `lead_days` whole working days before `first_day`, the Shanghai
/// date of the first session. When it does not, the last day it would have.
pub fn lead_time(
    cal: &WorkCalendar,
    lead_days: u32,
    now: DateTime<Utc>,
    first_day: NaiveDate,
) -> Result<(), NaiveDate> {
    if cal.working_days_between(shanghai_date(now), first_day) >= lead_days {
        Ok(())
    } else {
        Err(cal.last_day_leaving(first_day, lead_days))
    }
}

/// What a bureau or institution does to a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassEvent {
    /// The bureau approves the opening request.
    Approve,
    /// The bureau rejects it.
    Reject,
    /// The institution or the bureau calls the class off.
    Cancel,
}

/// Why a class cannot change so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassError {
    /// Only pending requests are decided.
    NotPending,
    /// A class that has started can no longer be approved (it would earn no subsidy).
    AlreadyStarted,
    /// Rejected or cancelled classes cannot be cancelled again.
    Closed,
    /// An approved class whose first session has begun cannot be called off:
    /// what happened in it (attendance, certificates, claims) stands.
    Running,
}

/// The one state machine of a class.
pub fn transition(
    status: ClassStatus,
    event: ClassEvent,
    first_session_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<ClassStatus, ClassError> {
    match (status, event) {
        (ClassStatus::Pending, ClassEvent::Approve) if now >= first_session_at => Err(ClassError::AlreadyStarted),
        (ClassStatus::Pending, ClassEvent::Approve) => Ok(ClassStatus::Approved),
        (ClassStatus::Pending, ClassEvent::Reject) => Ok(ClassStatus::Rejected),
        (_, ClassEvent::Approve | ClassEvent::Reject) => Err(ClassError::NotPending),
        (ClassStatus::Approved, ClassEvent::Cancel) if now >= first_session_at => Err(ClassError::Running),
        (ClassStatus::Pending | ClassStatus::Approved, ClassEvent::Cancel) => Ok(ClassStatus::Cancelled),
        (ClassStatus::Rejected | ClassStatus::Cancelled, ClassEvent::Cancel) => Err(ClassError::Closed),
    }
}

/// Why a class cannot be ended early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndEarlyError {
    /// Only an approved class that has begun runs (before that, cancel it).
    NotRunning,
    /// It was ended early already.
    AlreadyEnded,
    /// Its completion is submitted: it has ended.
    Completed,
    /// Its last session has begun: nothing is left to call off.
    NothingLeft,
}

/// Whether a class may be ended early at `now`: approved, begun, not ended,
/// its completion not submitted, and a session still ahead.
pub fn may_end_early(
    status: ClassStatus,
    first_session_at: DateTime<Utc>,
    last_session_at: DateTime<Utc>,
    ended: bool,
    completed: bool,
    now: DateTime<Utc>,
) -> Result<(), EndEarlyError> {
    if status != ClassStatus::Approved || now < first_session_at {
        Err(EndEarlyError::NotRunning)
    } else if ended {
        Err(EndEarlyError::AlreadyEnded)
    } else if completed {
        Err(EndEarlyError::Completed)
    } else if now >= last_session_at {
        Err(EndEarlyError::NothingLeft)
    } else {
        Ok(())
    }
}

/// What happens to a place in a class once it is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolmentEvent {
    /// The trainee gives the seat or waitlist place up.
    Withdraw,
    /// A seat came free for the first one waiting.
    Promote,
    /// The class was called off.
    ClassCancelled,
}

/// The place is no longer active (withdrawn or cancelled), or not waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotActive;

/// The one state machine of an enrolment.
pub fn enrolment_transition(status: EnrolmentStatus, event: EnrolmentEvent) -> Result<EnrolmentStatus, NotActive> {
    use EnrolmentStatus as S;
    match (status, event) {
        (S::Enrolled | S::Waitlisted, EnrolmentEvent::Withdraw) => Ok(S::Withdrawn),
        (S::Waitlisted, EnrolmentEvent::Promote) => Ok(S::Enrolled),
        (S::Enrolled | S::Waitlisted, EnrolmentEvent::ClassCancelled) => Ok(S::Cancelled),
        _ => Err(NotActive),
    }
}

/// Everything an enrolment decision depends on.
#[derive(Debug, Clone)]
pub struct EnrolmentCase {
    /// The class's status.
    pub status: ClassStatus,
    /// Enrolment window.
    pub opens: DateTime<Utc>,
    /// Enrolment window.
    pub closes: DateTime<Utc>,
    /// Seats taken (read under the class lock).
    pub taken: u32,
    /// Seats.
    pub capacity: u32,
    /// The trainee's real-name profile is complete.
    pub profile_complete: bool,
    /// The trainee already holds a seat or waitlist place here.
    pub already_active: bool,
    /// The trainee holds a seat in a class whose sessions overlap this one's.
    pub schedule_clash: bool,
    /// The policy needs a prior certificate and the trainee has none.
    pub missing_prior_certificate: bool,
    /// The policy needs a business licence: the check of the one given.
    pub licence: Result<(), FieldCode>,
}

/// Where the trainee goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A seat.
    Seat,
    /// The end of the waitlist.
    Waitlist,
}

/// Why the trainee cannot enrol, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolError {
    /// The profile is incomplete.
    ProfileIncomplete,
    /// Not approved, or outside the window.
    Closed,
    /// Already enrolled or waitlisted.
    AlreadyActive,
    /// Overlapping seat elsewhere.
    ScheduleClash,
    /// No earlier GYB/SYB certificate.
    PrerequisiteMissing,
    /// The business licence is missing or wrong.
    Licence(FieldCode),
}

/// Decides an enrolment at `now`: a seat while seats are left, else the waitlist.
pub fn decide_enrolment(case: &EnrolmentCase, now: DateTime<Utc>) -> Result<Placement, EnrolError> {
    if !case.profile_complete {
        return Err(EnrolError::ProfileIncomplete);
    }
    if case.status != ClassStatus::Approved || now < case.opens || now > case.closes {
        return Err(EnrolError::Closed);
    }
    if case.already_active {
        return Err(EnrolError::AlreadyActive);
    }
    if case.schedule_clash {
        return Err(EnrolError::ScheduleClash);
    }
    if case.missing_prior_certificate {
        return Err(EnrolError::PrerequisiteMissing);
    }
    case.licence.map_err(EnrolError::Licence)?;
    Ok(if case.taken < case.capacity { Placement::Seat } else { Placement::Waitlist })
}

/// The certificates that count as the prior training a course requires:
/// the policy's data (empty when it requires none).
pub fn prerequisite_kinds(policy: &CoursePolicy) -> &[CourseKind] {
    if policy.requires_prior_certificate { &policy.prior_kinds } else { &[] }
}

/// The first booking whose time overlaps one of `sessions` (a trainer
/// cannot teach two classes at once).
pub fn first_clash<'a, B>(
    sessions: &[(DateTime<Utc>, DateTime<Utc>)],
    booked: &'a [B],
    span: impl Fn(&B) -> (DateTime<Utc>, DateTime<Utc>),
) -> Option<&'a B> {
    booked.iter().find(|b| sessions.iter().any(|s| overlaps(*s, span(b))))
}

/// True when two time ranges overlap.
pub fn overlaps(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A waitlist position (1-based) from the person's sequence number and the
/// sequence numbers of everyone waiting.
pub fn waitlist_position(mine: i32, waiting: &[i32]) -> u32 {
    u32::try_from(waiting.iter().filter(|s| **s <= mine).count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use malanhua_shared::api::classes::{NewClass, SessionInput};
    use malanhua_shared::course::CourseKind;

    use super::*;

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    fn policy(region: &str, max: u32, hours: u32, lead: u32) -> CoursePolicy {
        CoursePolicy {
            region: code(region),
            kind: CourseKind::Syb,
            defined_in: code(region),
            min_hours: hours,
            max_class_size: max,
            opening_lead_days: lead,
            attendance_threshold_pct: 80,
            requires_prior_certificate: false,
            requires_business_licence: false,
            prior_kinds: Vec::new(),
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn a_city_row_wins_over_its_province_and_a_district_inherits_it() {
        let rows = [policy("450000", 40, 70, 5), policy("450300", 30, 70, 3)];
        let p = effective_policy(&code("450302"), &rows).unwrap_or_else(|| panic!("no policy"));
        assert_eq!((p.max_class_size, p.defined_in.as_str(), p.region.as_str()), (30, "450300", "450302"));
        let p = effective_policy(&code("450000"), &rows).unwrap_or_else(|| panic!("no policy"));
        assert_eq!(p.max_class_size, 40);
        assert!(effective_policy(&code("370200"), &rows).is_none());
    }

    #[test]
    fn the_chain_runs_from_district_to_province() {
        let chain: Vec<String> = region_chain(&code("370212")).iter().map(ToString::to_string).collect();
        assert_eq!(chain, ["370212", "370200", "370000"]);
    }

    fn two_day_class(capacity: i64, hours_per_day: u32) -> ValidClass {
        let session = |day: u32| SessionInput {
            starts_at: format!("2026-12-{day:02}T09:00:00+08:00"),
            ends_at: format!("2026-12-{day:02}T{:02}:00:00+08:00", 9 + hours_per_day),
            topic: "课".into(),
        };
        NewClass {
            kind: "syb".into(),
            title: "SYB 第 1 期".into(),
            trainer_ids: vec!["t".into()],
            mode: "online".into(),
            place: None,
            capacity,
            enrol_opens_at: "2026-11-26T09:00:00+08:00".into(),
            enrol_closes_at: "2026-12-06T18:00:00+08:00".into(),
            starts_on: "2026-12-07".into(),
            ends_on: "2026-12-08".into(),
            sessions: vec![session(7), session(8)],
            fee_fen: None,
        }
        .validate()
        .unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn guilin_rules_size_hours_and_lead_time_are_each_named() {
        let guilin = policy("450300", 30, 14, 3);
        let now = at(2026, 12, 5, 2); // 10:00 on 5 December in Shanghai: two days ahead.
        let e = check_against_policy(&two_day_class(31, 6), &guilin, &WorkCalendar::weekdays(), now)
            .err()
            .unwrap_or_default();
        assert_eq!(e.get("capacity"), Some(&FieldCode::OutOfRange));
        assert_eq!(e.get("sessions"), Some(&FieldCode::TooFewHours));
        assert_eq!(e.get("starts_on"), Some(&FieldCode::TooLate));
        // Tuesday 1 December leaves Wednesday to Friday: three working days.
        let earlier = at(2026, 12, 1, 2);
        assert_eq!(check_against_policy(&two_day_class(30, 7), &guilin, &WorkCalendar::weekdays(), earlier), Ok(()));
        // Thursday 3 December is four calendar days ahead but one working day.
        let thursday = at(2026, 12, 3, 2);
        let e = check_against_policy(&two_day_class(30, 7), &guilin, &WorkCalendar::weekdays(), thursday)
            .err()
            .unwrap_or_default();
        assert_eq!(e.get("starts_on"), Some(&FieldCode::TooLate));
    }

    #[test]
    fn a_trainer_booked_at_an_overlapping_time_is_the_clash_named() {
        let nine = at(2026, 12, 7, 1);
        let noon = at(2026, 12, 7, 4);
        let booked = [("上午班", nine, noon), ("下午班", noon, noon + Duration::hours(3))];
        let span = |b: &(&str, DateTime<Utc>, DateTime<Utc>)| (b.1, b.2);
        let late_morning = [(nine + Duration::hours(2), noon + Duration::hours(1))];
        assert_eq!(first_clash(&late_morning, &booked, span).map(|b| b.0), Some("上午班"));
        // Back to back is not a clash.
        let evening = [(noon + Duration::hours(3), noon + Duration::hours(5))];
        assert_eq!(first_clash(&evening, &booked, span), None);
    }

    #[test]
    fn only_a_running_class_with_a_session_ahead_is_ended_early() {
        let first = at(2026, 12, 7, 1);
        let last = at(2026, 12, 8, 1);
        let during = first + Duration::hours(2);
        let ok = |status, ended, completed, now| may_end_early(status, first, last, ended, completed, now);
        assert_eq!(ok(ClassStatus::Approved, false, false, during), Ok(()));
        assert_eq!(ok(ClassStatus::Approved, false, false, first - Duration::hours(1)), Err(EndEarlyError::NotRunning));
        assert_eq!(ok(ClassStatus::Pending, false, false, during), Err(EndEarlyError::NotRunning));
        assert_eq!(ok(ClassStatus::Approved, true, false, during), Err(EndEarlyError::AlreadyEnded));
        assert_eq!(ok(ClassStatus::Approved, false, true, during), Err(EndEarlyError::Completed));
        assert_eq!(ok(ClassStatus::Approved, false, false, last), Err(EndEarlyError::NothingLeft));
    }

    #[test]
    fn the_lead_time_counts_working_days_in_shanghai() {
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
        // 23:30 UTC on 30 November is already Tuesday 1 December in Shanghai.
        assert_eq!(lead_time(&WorkCalendar::weekdays(), 3, at(2026, 11, 30, 23), monday), Ok(()));
        assert_eq!(lead_time(&WorkCalendar::weekdays(), 3, at(2026, 11, 30, 15), monday), Ok(()));
        let wednesday = at(2026, 12, 2, 2);
        assert_eq!(
            lead_time(&WorkCalendar::weekdays(), 3, wednesday, monday),
            Err(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default())
        );
        assert_eq!(lead_time(&WorkCalendar::weekdays(), 2, wednesday, monday), Ok(()));
    }

    #[test]
    fn only_pending_classes_are_decided_and_never_after_they_start() {
        let start = at(2026, 12, 7, 1);
        let before = start - Duration::hours(1);
        assert_eq!(transition(ClassStatus::Pending, ClassEvent::Approve, start, before), Ok(ClassStatus::Approved));
        assert_eq!(
            transition(ClassStatus::Pending, ClassEvent::Approve, start, start),
            Err(ClassError::AlreadyStarted)
        );
        assert_eq!(transition(ClassStatus::Pending, ClassEvent::Reject, start, start), Ok(ClassStatus::Rejected));
        assert_eq!(transition(ClassStatus::Approved, ClassEvent::Approve, start, before), Err(ClassError::NotPending));
        assert_eq!(transition(ClassStatus::Rejected, ClassEvent::Reject, start, before), Err(ClassError::NotPending));
        assert_eq!(transition(ClassStatus::Approved, ClassEvent::Cancel, start, before), Ok(ClassStatus::Cancelled));
        assert_eq!(transition(ClassStatus::Cancelled, ClassEvent::Cancel, start, before), Err(ClassError::Closed));
        assert_eq!(transition(ClassStatus::Approved, ClassEvent::Cancel, start, start), Err(ClassError::Running));
        // A request never approved may still be withdrawn after its planned start.
        assert_eq!(transition(ClassStatus::Pending, ClassEvent::Cancel, start, start), Ok(ClassStatus::Cancelled));
    }

    fn case() -> EnrolmentCase {
        EnrolmentCase {
            status: ClassStatus::Approved,
            opens: at(2026, 12, 1, 0),
            closes: at(2026, 12, 6, 10),
            taken: 29,
            capacity: 30,
            profile_complete: true,
            already_active: false,
            schedule_clash: false,
            missing_prior_certificate: false,
            licence: Ok(()),
        }
    }

    #[test]
    fn the_last_seat_is_a_seat_and_then_the_waitlist_begins() {
        let now = at(2026, 12, 2, 0);
        assert_eq!(decide_enrolment(&case(), now), Ok(Placement::Seat));
        assert_eq!(decide_enrolment(&EnrolmentCase { taken: 30, ..case() }, now), Ok(Placement::Waitlist));
    }

    #[test]
    fn enrolment_is_refused_for_each_reason_in_order() {
        let now = at(2026, 12, 2, 0);
        let refused = |c: EnrolmentCase, t| decide_enrolment(&c, t).err();
        assert_eq!(
            refused(EnrolmentCase { profile_complete: false, ..case() }, now),
            Some(EnrolError::ProfileIncomplete)
        );
        assert_eq!(refused(case(), at(2026, 11, 30, 0)), Some(EnrolError::Closed));
        assert_eq!(refused(case(), at(2026, 12, 6, 11)), Some(EnrolError::Closed));
        assert_eq!(refused(EnrolmentCase { status: ClassStatus::Pending, ..case() }, now), Some(EnrolError::Closed));
        assert_eq!(refused(EnrolmentCase { already_active: true, ..case() }, now), Some(EnrolError::AlreadyActive));
        assert_eq!(refused(EnrolmentCase { schedule_clash: true, ..case() }, now), Some(EnrolError::ScheduleClash));
        assert_eq!(
            refused(EnrolmentCase { missing_prior_certificate: true, ..case() }, now),
            Some(EnrolError::PrerequisiteMissing)
        );
        assert_eq!(
            refused(EnrolmentCase { licence: Err(FieldCode::InvalidChecksum), ..case() }, now),
            Some(EnrolError::Licence(FieldCode::InvalidChecksum))
        );
    }

    #[test]
    fn ranges_overlap_only_when_they_share_time() {
        let a = (at(2026, 12, 7, 1), at(2026, 12, 7, 4));
        assert!(overlaps(a, (at(2026, 12, 7, 3), at(2026, 12, 7, 5))));
        assert!(!overlaps(a, (at(2026, 12, 7, 4), at(2026, 12, 7, 5))));
    }

    #[test]
    fn waitlist_positions_are_ranks_among_those_still_waiting() {
        assert_eq!(waitlist_position(7, &[3, 7, 9]), 2);
        assert_eq!(waitlist_position(3, &[3, 7, 9]), 1);
    }

    #[test]
    fn only_active_places_move_and_only_the_waiting_are_promoted() {
        use EnrolmentStatus as S;
        for status in S::ALL.iter().copied() {
            let active = matches!(status, S::Enrolled | S::Waitlisted);
            assert_eq!(enrolment_transition(status, EnrolmentEvent::Withdraw).ok(), active.then_some(S::Withdrawn));
            assert_eq!(
                enrolment_transition(status, EnrolmentEvent::ClassCancelled).ok(),
                active.then_some(S::Cancelled)
            );
            let promoted = enrolment_transition(status, EnrolmentEvent::Promote).ok();
            assert_eq!(promoted, (status == S::Waitlisted).then_some(S::Enrolled));
        }
    }
}
