use super::*;
use malanhua_shared::ids::StudioPolicyId;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn region(code: &str) -> RegionCode {
    RegionCode::parse(code).unwrap_or_else(|e| panic!("{e:?}"))
}

fn policy() -> StudioPolicy {
    StudioPolicy {
        id: StudioPolicyId::from_raw("p"),
        region_code: "150000".into(),
        effective_from: day(2026, 1, 1),
        ends_on: None,
        grant_fen: Fen::new(10_000_000).unwrap_or(Fen::ZERO),
        min_members: 2,
        min_services: 3,
        cycle_years: 3,
        report_months: 3,
        pass_mark: 60,
        rectification_days: 90,
        ban_years: 3,
        notice_days: 5,
    }
}

fn mentor(id: &str) -> Candidate {
    Candidate {
        id: MentorId::from_raw(id),
        status: MentorStatus::Active,
        region: region("150100"),
        in_other_studio: false,
    }
}

fn cite(id: &str, by: &str, on: NaiveDate) -> Citation {
    Citation {
        id: ServiceRecordId::from_raw(id),
        mentor: MentorId::from_raw(by),
        on,
        confirmed: true,
        long_enough: true,
        cited_elsewhere: false,
    }
}

fn facts<'a>(
    p: &'a StudioPolicy,
    leader: &'a Candidate,
    members: &'a [Candidate],
    citations: &'a [Citation],
    r: &'a RegionCode,
) -> ApplicationFacts<'a> {
    ApplicationFacts {
        policy: Some(p),
        region: r,
        leader,
        members,
        citations,
        today: day(2026, 12, 4),
        banned_until: None,
        live_under_policy: false,
    }
}

#[test]
fn a_good_application_fails_no_rule() {
    let (p, r) = (policy(), region("150100"));
    let leader = mentor("lead");
    let members = [mentor("a"), mentor("b")];
    let cites = [cite("1", "lead", day(2026, 6, 1)), cite("2", "a", day(2026, 7, 1)), cite("3", "b", day(2026, 11, 1))];
    assert_eq!(application_reasons(&facts(&p, &leader, &members, &cites, &r)), vec![]);
}

#[test]
fn every_failed_rule_is_named() {
    let (p, r) = (policy(), region("150100"));
    let leader = Candidate { status: MentorStatus::Suspended, in_other_studio: true, ..mentor("lead") };
    let members = [Candidate { status: MentorStatus::Expired, ..mentor("a") }];
    let mut old = cite("1", "lead", day(2025, 11, 1));
    old.confirmed = false;
    let elsewhere = Citation { cited_elsewhere: true, ..cite("2", "a", day(2026, 7, 1)) };
    let stranger = cite("3", "someone", day(2026, 7, 1));
    let cites = [old, elsewhere, stranger];
    let mut f = facts(&p, &leader, &members, &cites, &r);
    f.banned_until = Some(day(2027, 1, 1));
    f.live_under_policy = true;
    assert_eq!(
        application_reasons(&f),
        vec![
            IneligibleReason::LeaderNotActive,
            IneligibleReason::MemberNotActive,
            IneligibleReason::TooFewMembers,
            IneligibleReason::TooFewServices,
            IneligibleReason::MemberInOtherStudio,
            IneligibleReason::BannedAfterRevocation,
            IneligibleReason::StudioAlreadyRecognised,
            IneligibleReason::RecordAlreadyCited,
            IneligibleReason::RecordNotCountable,
        ],
        "in declaration order"
    );
}

#[test]
fn without_a_policy_nothing_else_is_checked() {
    let r = region("150100");
    let (leader, p) = (mentor("lead"), policy());
    let mut f = facts(&p, &leader, &[], &[], &r);
    f.policy = None;
    assert_eq!(application_reasons(&f), vec![IneligibleReason::NoStudioPolicy]);
}

#[test]
fn a_member_of_another_region_does_not_count() {
    let (p, r) = (policy(), region("150100"));
    let leader = mentor("lead");
    let members = [mentor("a"), Candidate { region: region("110000"), ..mentor("b") }];
    let cites = [cite("1", "lead", day(2026, 6, 1)), cite("2", "a", day(2026, 7, 1)), cite("3", "a", day(2026, 8, 1))];
    assert_eq!(application_reasons(&facts(&p, &leader, &members, &cites, &r)), vec![IneligibleReason::MemberNotActive]);
}

#[test]
fn policies_are_found_up_the_region_tree_and_end() {
    let a = policy();
    let b = StudioPolicy {
        region_code: "150100".into(),
        effective_from: day(2026, 6, 1),
        ends_on: Some(day(2026, 12, 31)),
        ..policy()
    };
    let all = [a, b];
    let pick = |code: &str, on| in_force(&all, &region(code), on).map(|p| p.region_code.clone());
    assert_eq!(pick("150102", day(2026, 7, 1)), Some("150100".into()), "the city's own version");
    assert_eq!(pick("150102", day(2026, 3, 1)), Some("150000".into()), "before the city's, the region's");
    assert_eq!(pick("150102", day(2027, 1, 1)), None, "the city's has ended");
    assert_eq!(pick("150200", day(2027, 1, 1)), Some("150000".into()));
}

#[test]
fn reports_fall_due_per_period_after_a_grace() {
    let on = day(2026, 1, 10);
    let end = cycle_end(on, 3);
    assert_eq!(end, day(2029, 1, 9));
    let periods = report_periods(on, end, 3);
    assert_eq!(periods.len(), 12);
    assert_eq!(periods[0], (day(2026, 1, 10), day(2026, 4, 9)));
    // On 24 April the first quarter is within its grace; on 25 April it is missing.
    assert_eq!(reports_missing(on, end, 3, &[], day(2026, 4, 24)), vec![]);
    assert_eq!(reports_missing(on, end, 3, &[], day(2026, 4, 25)), vec![day(2026, 1, 10)]);
    assert_eq!(reports_missing(on, end, 3, &[day(2026, 1, 10)], day(2026, 4, 25)), vec![]);
    assert!(report_period_allowed(on, end, 3, day(2026, 4, 10), day(2026, 4, 10)));
    assert!(!report_period_allowed(on, end, 3, day(2026, 4, 11), day(2026, 5, 1)), "not a period start");
    assert!(!report_period_allowed(on, end, 3, day(2026, 7, 10), day(2026, 5, 1)), "not begun");
}

#[test]
fn evaluations_fail_into_rectification_then_revocation() {
    assert_eq!(evaluation_outcome(60, 60, false), EvaluationOutcome::Passed);
    assert_eq!(evaluation_outcome(59, 60, false), EvaluationOutcome::Rectification);
    assert_eq!(evaluation_outcome(59, 60, true), EvaluationOutcome::Revoked);
    assert_eq!(evaluation_outcome(80, 60, true), EvaluationOutcome::Passed, "a pass ends the rectification");
    let (on, end) = (day(2026, 3, 1), day(2029, 2, 28));
    assert_eq!(evaluation_due(on, end, &[], day(2026, 12, 31)), None, "the first year has not ended");
    assert_eq!(evaluation_due(on, end, &[], day(2027, 1, 1)), Some(2026));
    assert_eq!(evaluation_due(on, end, &[2026], day(2027, 6, 1)), None);
    assert_eq!(evaluation_due(on, end, &[2026], day(2028, 1, 2)), Some(2027));
}

#[test]
fn a_clawback_never_exceeds_what_was_paid_and_not_spent() {
    let f = |n| Fen::new(n).unwrap_or(Fen::ZERO);
    assert_eq!(clawback_max(f(10_000_000), f(2_500_000)), f(7_500_000));
    assert_eq!(clawback_max(f(10_000_000), f(12_000_000)), Fen::ZERO);
    assert!(may_revoke(true, None, day(2026, 1, 1)));
    assert!(!may_revoke(false, Some(day(2026, 1, 1)), day(2026, 1, 1)));
    assert!(may_revoke(false, Some(day(2026, 1, 1)), day(2026, 1, 2)));
    assert_eq!(ban_until(day(2026, 12, 4), 3), Some(day(2029, 12, 4)));
    assert_eq!(ban_until(day(2026, 12, 4), 0), None);
}

#[test]
fn only_ended_years_of_the_cycle_are_evaluable() {
    let (on, ends) = (Some(day(2024, 3, 1)), Some(day(2027, 2, 28)));
    let today = day(2026, 12, 4);
    assert!(evaluable_year(2024, on, ends, today), "the year of recognition, ended");
    assert!(evaluable_year(2025, on, ends, today));
    assert!(!evaluable_year(2026, on, ends, today), "the current year has not ended");
    assert!(!evaluable_year(2023, on, ends, today), "before recognition");
    assert!(evaluable_year(2027, on, ends, day(2028, 1, 5)), "the year the cycle ends, once ended");
    assert!(!evaluable_year(2028, on, ends, day(2029, 1, 5)), "after the cycle");
    assert!(!evaluable_year(2025, None, None, today), "not recognised: only the current year, never ended");
}
