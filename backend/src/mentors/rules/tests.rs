use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use malanhua_shared::api::mentors::{
    AvailabilityInput, DayOverride, MentorAction, MentorStatus, Schedule, WeeklyHours,
};

use super::*;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn schedule(edit: impl FnOnce(&mut AvailabilityInput)) -> Schedule {
    let mut input = AvailabilityInput {
        slot_minutes: 60,
        min_notice_hours: 2,
        horizon_days: 30,
        weekly: (1..=5).map(|d| WeeklyHours { weekday: d, start: "07:00".into(), end: "12:00".into() }).collect(),
        ..Default::default()
    };
    edit(&mut input);
    input.validate().unwrap_or_else(|e| panic!("{e:?}"))
}

// Monday 2026-12-07; "now" is the Friday before, 10:00 Shanghai.
fn now() -> DateTime<Utc> {
    at("2026-12-04T10:00:00+08:00")
}

#[test]
fn a_slot_at_seven_in_shanghai_lands_on_its_shanghai_day() {
    let s = schedule(|_| {});
    let days = free_slots(&s, &[], now(), at("2026-12-07T00:00:00+08:00"), at("2026-12-08T00:00:00+08:00"));
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].day, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default());
    let first = days[0].slots[0].starts_at;
    // 07:00 Shanghai is 23:00 UTC on the Sunday before.
    assert_eq!(first, Utc.with_ymd_and_hms(2026, 12, 6, 23, 0, 0).single().unwrap_or_default());
    assert_eq!(days[0].slots.len(), 5);
}

#[test]
fn every_rule_is_named_in_order() {
    let s = schedule(|i| {
        i.buffer_after_minutes = 30;
        i.max_per_day = Some(2);
    });
    let taken =
        Busy { starts_at: at("2026-12-07T09:00:00+08:00"), ends_at: at("2026-12-07T10:00:00+08:00"), counts: true };
    let check = |start: &str, busy: &[Busy]| check_start(&s, busy, now(), at(start));
    assert_eq!(check("2026-12-04T11:00:00+08:00", &[]), Err(SlotRule::Notice));
    assert_eq!(check("2027-01-07T09:00:00+08:00", &[]), Err(SlotRule::Horizon));
    assert_eq!(check("2026-12-07T13:00:00+08:00", &[]), Err(SlotRule::Availability));
    assert_eq!(check("2026-12-07T09:30:00+08:00", &[]), Err(SlotRule::Availability));
    assert_eq!(check("2026-12-05T09:00:00+08:00", &[]), Err(SlotRule::Availability), "Saturday is closed");
    assert_eq!(check("2026-12-07T09:00:00+08:00", &[taken]), Err(SlotRule::Taken));
    assert_eq!(check("2026-12-07T10:00:00+08:00", &[taken]), Err(SlotRule::Buffer), "30 minutes after the 9:00");
    assert!(check("2026-12-07T11:00:00+08:00", &[taken]).is_ok());
    let second =
        Busy { starts_at: at("2026-12-07T07:00:00+08:00"), ends_at: at("2026-12-07T08:00:00+08:00"), counts: true };
    assert_eq!(check("2026-12-07T11:00:00+08:00", &[taken, second]), Err(SlotRule::Limit));
    let group = Busy { counts: false, ..second };
    assert!(check("2026-12-07T11:00:00+08:00", &[taken, group]).is_ok(), "a group session is not an appointment");
}

#[test]
fn a_day_at_its_limit_shows_no_slots_and_an_override_replaces_the_weekday() {
    let s = schedule(|i| {
        i.max_per_week = Some(1);
        i.overrides = vec![
            DayOverride { day: NaiveDate::from_ymd_opt(2026, 12, 8), start: None, end: None },
            DayOverride {
                day: NaiveDate::from_ymd_opt(2026, 12, 12),
                start: Some("14:00".into()),
                end: Some("16:00".into()),
            },
        ];
    });
    let days = free_slots(&s, &[], now(), at("2026-12-07T00:00:00+08:00"), at("2026-12-14T00:00:00+08:00"));
    assert_eq!(days.len(), 7);
    assert!(days[1].slots.is_empty(), "the 8th is closed");
    assert_eq!(days[5].slots.len(), 2, "Saturday the 12th opens 14:00-16:00");
    let one =
        Busy { starts_at: at("2026-12-09T09:00:00+08:00"), ends_at: at("2026-12-09T10:00:00+08:00"), counts: true };
    let days = free_slots(&s, &[one], now(), at("2026-12-07T00:00:00+08:00"), at("2026-12-14T00:00:00+08:00"));
    assert!(days.iter().all(|d| d.slots.is_empty()), "the week's one appointment is taken");
}

#[test]
fn the_first_free_slot_is_the_first_that_free_slots_lists() {
    let s = schedule(|i| {
        i.max_per_day = Some(1);
        i.overrides = vec![DayOverride { day: NaiveDate::from_ymd_opt(2026, 12, 7), start: None, end: None }];
    });
    let (from, to) = (now(), at("2027-01-03T00:00:00+08:00"));
    let listed = |busy: &[Busy]| {
        free_slots(&s, busy, now(), from, to).into_iter().find_map(|d| d.slots.first().map(|x| x.starts_at))
    };
    let tuesday =
        Busy { starts_at: at("2026-12-08T07:00:00+08:00"), ends_at: at("2026-12-08T08:00:00+08:00"), counts: true };
    for busy in [vec![], vec![tuesday]] {
        assert_eq!(first_free(&s, &busy, now(), from, to), listed(&busy));
    }
    assert_eq!(first_free(&s, &[], now(), from, to), Some(at("2026-12-08T07:00:00+08:00")), "Monday is closed");
    assert_eq!(
        first_free(&s, &[tuesday], now(), from, to),
        Some(at("2026-12-09T07:00:00+08:00")),
        "Tuesday is at its limit"
    );
    assert_eq!(first_free(&s, &[], now(), from, at("2026-12-08T00:00:00+08:00")), None, "nothing open before Tuesday");
}

#[test]
fn blocks_are_five_minutes_and_adjacent_ranges_share_none() {
    let a = blocks(at("2026-12-07T09:00:00+08:00"), at("2026-12-07T10:00:00+08:00"));
    let b = blocks(at("2026-12-07T10:00:00+08:00"), at("2026-12-07T10:45:00+08:00"));
    assert_eq!(a.len(), 12);
    assert_eq!(b.len(), 9);
    assert!(a.iter().all(|x| !b.contains(x)));
}

#[test]
fn bureau_actions_follow_the_status_and_want_reasons() {
    use MentorAction as A;
    use MentorStatus as S;
    assert_eq!(decide(S::Applied, A::Admit, false), Ok(S::Active));
    assert_eq!(decide(S::Applied, A::Refuse, false), Err(DecisionError::ReasonRequired));
    assert_eq!(decide(S::Active, A::Suspend, true), Ok(S::Suspended));
    assert_eq!(decide(S::Suspended, A::Reinstate, false), Ok(S::Active));
    assert_eq!(decide(S::Refused, A::Admit, false), Err(DecisionError::WrongState));
    assert_eq!(decide(S::Removed, A::Reinstate, false), Err(DecisionError::WrongState));
    assert_eq!(decide(S::Expired, A::Admit, false), Ok(S::Active), "renewal is a new admission");
}

#[test]
fn a_term_ends_the_day_before_its_anniversary_and_then_expires() {
    let from = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let end = term_end(from, 3);
    assert_eq!(end, NaiveDate::from_ymd_opt(2029, 11, 30).unwrap_or_default());
    assert_eq!(
        effective_status(MentorStatus::Active, Some(end), at("2029-11-30T23:59:00+08:00")),
        MentorStatus::Active
    );
    assert_eq!(
        effective_status(MentorStatus::Active, Some(end), at("2029-12-01T00:00:00+08:00")),
        MentorStatus::Expired
    );
    assert_eq!(
        term_end(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap_or_default(), 1),
        NaiveDate::from_ymd_opt(2029, 2, 27).unwrap_or_default()
    );
}

#[test]
fn appointments_follow_one_transition_function() {
    use AppointmentEvent as E;
    use AppointmentStatus as S;
    let start = at("2026-12-07T09:00:00+08:00");
    let early = at("2026-12-07T06:00:00+08:00");
    let late = at("2026-12-07T08:00:00+08:00");
    assert_eq!(appointment_transition(S::Pending, E::Confirm, start, early, 2), Ok(S::Confirmed));
    assert_eq!(appointment_transition(S::Confirmed, E::Confirm, start, early, 2), Err(AppointmentError::WrongState));
    assert_eq!(appointment_transition(S::Confirmed, E::Cancel, start, early, 2), Ok(S::Cancelled));
    assert_eq!(appointment_transition(S::Confirmed, E::Cancel, start, late, 2), Err(AppointmentError::TooLate));
    assert_eq!(appointment_transition(S::Confirmed, E::Reschedule, start, early, 2), Ok(S::Confirmed));
    assert_eq!(appointment_transition(S::Confirmed, E::MentorInactive, start, late, 2), Ok(S::Cancelled));
    assert_eq!(appointment_transition(S::Declined, E::Cancel, start, early, 2), Err(AppointmentError::WrongState));
    assert_eq!(appointment_transition(S::Pending, E::Confirm, start, start, 2), Err(AppointmentError::WrongState));
}

#[test]
fn a_request_expires_after_the_policy_hours_or_at_its_start() {
    let made = at("2026-12-04T10:00:00+08:00");
    assert_eq!(expiry(made, at("2026-12-10T09:00:00+08:00"), 48), at("2026-12-06T10:00:00+08:00"));
    assert_eq!(expiry(made, at("2026-12-05T09:00:00+08:00"), 48), at("2026-12-05T09:00:00+08:00"));
    let deadline = at("2026-12-06T10:00:00+08:00");
    assert_eq!(appointment_status(AppointmentStatus::Pending, deadline, deadline), AppointmentStatus::Expired);
    assert_eq!(appointment_status(AppointmentStatus::Confirmed, deadline, deadline), AppointmentStatus::Confirmed);
}

#[test]
fn services_are_recorded_after_the_start_marked_absent_after_the_end_and_rated_once() {
    let start = at("2026-12-07T09:00:00+08:00");
    let end = at("2026-12-07T10:00:00+08:00");
    let during = at("2026-12-07T09:30:00+08:00");
    assert_eq!(may_record(true, start, at("2026-12-07T08:59:00+08:00"), false), Err(ServiceError::TooEarly));
    assert_eq!(may_record(true, start, during, false), Ok(()));
    assert_eq!(may_record(true, start, during, true), Err(ServiceError::AlreadyDone));
    assert_eq!(may_record(false, start, during, false), Err(ServiceError::NotHeld));
    assert_eq!(may_mark_no_show(true, end, during, false), Err(ServiceError::TooEarly));
    assert_eq!(may_mark_no_show(true, end, end, false), Ok(()));
    assert_eq!(may_rate(true, start, during, false, false), Ok(()));
    assert_eq!(may_rate(true, start, during, true, false), Err(ServiceError::NoShow));
    assert_eq!(may_rate(true, start, during, false, true), Err(ServiceError::AlreadyDone));
}

#[test]
fn ratings_show_from_three_and_the_evaluation_counts_long_enough_services() {
    assert_eq!(shown_rating(&[5, 4]), None);
    assert_eq!(shown_rating(&[5, 4, 4]), Some(4.3));
    let policy = default_policy("370200");
    let mut services: Vec<(u32, bool)> =
        [45, 29, 30, 60, 30, 30, 90, 30, 31, 40, 30].iter().map(|m| (*m, true)).collect();
    assert_eq!(evaluate(&services, &policy), (10, true));
    assert_eq!(evaluate(&services[..10], &policy), (9, false));
    services[0].1 = false;
    assert_eq!(evaluate(&services, &policy), (9, false), "an unconfirmed service does not count");
}

#[test]
fn a_group_session_seats_then_waitlists_and_closes_at_its_start() {
    let start = at("2026-12-07T09:00:00+08:00");
    assert_eq!(join(true, start, now(), 19, 20), Ok(Joining::Seat));
    assert_eq!(join(true, start, now(), 20, 20), Ok(Joining::Waitlist));
    assert_eq!(join(false, start, now(), 0, 20), Err(GroupError::Closed));
    assert_eq!(join(true, start, start, 0, 20), Err(GroupError::Closed));
    assert!(promotes(start, now()));
    assert!(!promotes(start, start));
}

#[test]
fn a_group_session_clashes_with_any_overlap_but_not_with_a_neighbour() {
    let b = Busy { starts_at: at("2026-12-07T09:00:00+08:00"), ends_at: at("2026-12-07T10:00:00+08:00"), counts: true };
    assert!(clashes(&[b], at("2026-12-07T09:30:00+08:00"), at("2026-12-07T11:00:00+08:00")));
    assert!(!clashes(&[b], at("2026-12-07T10:00:00+08:00"), at("2026-12-07T11:00:00+08:00")));
}

#[test]
fn a_mentor_serving_both_ways_matches_either_mode() {
    use malanhua_shared::api::mentors::ServiceMode as M;
    assert!(serves(M::Both, M::Online) && serves(M::Online, M::Online) && serves(M::Offline, M::Both));
    assert!(!serves(M::Online, M::Offline));
}

#[test]
fn an_evaluation_year_is_one_the_programme_can_hold() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    assert_eq!(evaluation_year(2026), d(2026, 1, 1).zip(d(2027, 1, 1)));
    assert_eq!(evaluation_year(2100), d(2100, 1, 1).zip(d(2101, 1, 1)));
    assert_eq!(evaluation_year(1999), None);
    assert_eq!(evaluation_year(i32::MAX), None, "no overflow past the last year");
}
