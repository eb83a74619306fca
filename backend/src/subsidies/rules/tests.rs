//! The subsidy rules, case by case (the policy texts' figures included).

use super::*;
use chrono::TimeZone;

#[test]
fn notice_runs_the_policy_days_or_five_working_days() {
    assert_eq!(notice_working_days(Some(3)), 3);
    assert_eq!(notice_working_days(None), 5);
    assert_eq!(notice_working_days(Some(-1)), 5);
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn code(s: &str) -> RegionCode {
    RegionCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
}

fn policy(region: &str, kind: CourseKind, yuan: i64) -> PolicyVersion {
    PolicyVersion {
        id: SubsidyPolicyId::from_raw(format!("{region}-{}-{yuan}", kind.as_str())),
        region: code(region),
        kind,
        effective_from: day(2026, 1, 1),
        ends_on: None,
        amount: Fen::from_yuan(yuan).unwrap_or_default(),
        payee: Payee::Institution,
        groups: vec![PriorityGroup::RegisteredUnemployed, PriorityGroup::RecentGraduate],
        window_months: 12,
        notice_days: 5,
        one_per_year: false,
        local_groups: false,
        amount_is_cap: false,
    }
}

/// The regional figures of `domain.md`, as policy rows.
fn regional_policies() -> Vec<PolicyVersion> {
    use CourseKind::*;
    let mut shenzhen = policy("440300", Syb, 2000);
    shenzhen.one_per_year = true;
    let mut shenzhen_online = policy("440300", OnlineVenture, 2000);
    shenzhen_online.one_per_year = true;
    let mut changsha =
        vec![policy("430100", Syb, 1000), policy("430100", Iyb, 1300), policy("430100", OnlineVenture, 1300)];
    for p in &mut changsha {
        p.window_months = 6;
        p.notice_days = 5;
        p.payee = Payee::Trainee;
    }
    // Changsha's online venture pays up to 1,300 yuan.
    changsha[2].amount_is_cap = true;
    let mut all = vec![
        shenzhen,
        shenzhen_online,
        policy("450300", Syb, 1500),
        policy("450300", Iyb, 1800),
        policy("450300", Eyb, 1800),
        policy("450300", OnlineVenture, 1500),
        policy("450300", Simulation, 800),
    ];
    // Beijing (seed 000): local registered unemployed, graduates of Beijing
    // institutions and heads of new small businesses, for SYB and online venture.
    for kind in [Syb, OnlineVenture] {
        let mut beijing = policy("110000", kind, 1000);
        beijing.local_groups = true;
        beijing.groups.push(PriorityGroup::NewSmallBusinessHead);
        all.push(beijing);
    }
    all.extend(changsha);
    all
}

struct Case {
    name: &'static str,
    region: &'static str,
    kind: CourseKind,
    claimant: Payee,
    revoked: bool,
    approved_late: bool,
    groups: Vec<HeldGroup>,
    filed_after_days: i64,
    others: Vec<OtherClaim>,
    require_verified: bool,
    fee: Option<Fen>,
    expect: Result<i64, Vec<IneligibleReason>>,
}

fn unemployed() -> HeldGroup {
    HeldGroup {
        group: PriorityGroup::RegisteredUnemployed,
        from: day(2026, 1, 1),
        to: None,
        status: DeclarationStatus::Declared,
        issued_in: None,
    }
}

fn base(
    name: &'static str,
    region: &'static str,
    kind: CourseKind,
    expect: Result<i64, Vec<IneligibleReason>>,
) -> Case {
    let claimant = if region.starts_with("43") { Payee::Trainee } else { Payee::Institution };
    Case {
        name,
        region,
        kind,
        claimant,
        revoked: false,
        approved_late: false,
        groups: vec![unemployed()],
        filed_after_days: 10,
        others: vec![],
        require_verified: false,
        fee: None,
        expect,
    }
}

/// A Changsha case for a class costing `fee` per trainee.
fn priced(name: &'static str, kind: CourseKind, fee: Option<i64>, expect: Result<i64, Vec<IneligibleReason>>) -> Case {
    let mut c = base(name, "430100", kind, expect);
    c.fee = fee.and_then(|f| Fen::new(f).ok());
    c
}

/// A Beijing case whose unemployment was registered in `issued_in`.
fn beijing(
    name: &'static str,
    kind: CourseKind,
    issued_in: Option<&str>,
    expect: Result<i64, Vec<IneligibleReason>>,
) -> Case {
    let mut c = base(name, "110105", kind, expect);
    c.groups[0].issued_in = issued_in.map(code);
    c
}

fn run(case: &Case, policies: &[PolicyVersion]) -> Result<i64, Vec<IneligibleReason>> {
    let issued_on = day(2026, 6, 30);
    let starts_at = Utc.with_ymd_and_hms(2026, 6, 1, 1, 0, 0).single().unwrap_or_default();
    let approved_at =
        if case.approved_late { starts_at + chrono::Duration::hours(1) } else { starts_at - chrono::Duration::days(5) };
    let p = policy_in_force(policies, &code(case.region), case.kind, issued_on);
    let facts = ClaimFacts {
        certificate: Some(CertificateFacts { revoked: case.revoked, issued_on, kind: case.kind }),
        class: Some(ClassFacts {
            approved_at: Some(approved_at),
            starts_at,
            training_date: day(2026, 6, 1),
            fee: case.fee,
        }),
        groups: &case.groups,
        policy: p,
        filed_on: issued_on + chrono::Duration::days(case.filed_after_days),
        claimant: case.claimant,
        others: &case.others,
        require_verified: case.require_verified,
    };
    eligibility(&facts).map(|e| e.amount.get())
}

#[test]
fn eligibility_table() {
    use CourseKind::*;
    use IneligibleReason as R;
    let policies = regional_policies();
    let mut cases = vec![
        base("Shenzhen SYB pays 2000 yuan to the institution", "440305", Syb, Ok(200_000)),
        base("Shenzhen online venture pays 2000 yuan", "440304", OnlineVenture, Ok(200_000)),
        base("Guilin SYB pays 1500 yuan (a district inherits the city)", "450305", Syb, Ok(150_000)),
        base("Guilin IYB pays 1800 yuan", "450302", Iyb, Ok(180_000)),
        base("Guilin EYB pays 1800 yuan", "450300", Eyb, Ok(180_000)),
        base("Guilin online venture pays 1500 yuan", "450300", OnlineVenture, Ok(150_000)),
        base("Guilin simulation pays 800 yuan", "450300", Simulation, Ok(80_000)),
        base("Changsha SYB pays 1000 yuan to the trainee", "430104", Syb, Ok(100_000)),
        base("Changsha IYB pays 1300 yuan", "430102", Iyb, Ok(130_000)),
        priced("Changsha online venture pays up to 1300 yuan", OnlineVenture, Some(150_000), Ok(130_000)),
        priced("Changsha online venture pays a cheaper class's cost", OnlineVenture, Some(98_000), Ok(98_000)),
        priced("Changsha online venture needs the class's cost", OnlineVenture, None, Err(vec![R::ClassCostUnknown])),
        priced("a flat amount ignores the class's cost", Iyb, Some(50_000), Ok(130_000)),
        beijing("Beijing SYB pays 1000 yuan (districts inherit the city)", Syb, Some("110105"), Ok(100_000)),
        beijing("Beijing online venture pays 1000 yuan on a certificate", OnlineVenture, Some("110108"), Ok(100_000)),
        base("Beijing has no IYB subsidy", "110105", Iyb, Err(vec![R::NoPolicy])),
        base("Qingdao has no subsidy policy", "370202", Syb, Err(vec![R::NoPolicy])),
    ];
    cases.push(beijing(
        "Beijing: unemployment registered in Hebei is not local",
        Syb,
        Some("130100"),
        Err(vec![R::GroupNotLocal]),
    ));
    cases.push(beijing("Beijing: a group with no issuing region is not local", Syb, None, Err(vec![R::GroupNotLocal])));
    let mut c = beijing("Beijing: the head of a new small business", OnlineVenture, Some("110105"), Ok(100_000));
    c.groups[0].group = PriorityGroup::NewSmallBusinessHead;
    cases.push(c);
    let mut c = base("Guilin counts a group wherever it was issued", "450300", Syb, Ok(150_000));
    c.groups[0].issued_in = Some(code("130100"));
    cases.push(c);
    let mut c = base("a revoked certificate earns nothing", "450300", Syb, Err(vec![R::CertificateRevoked]));
    c.revoked = true;
    cases.push(c);
    let mut c = base(
        "a class approved after it started earns nothing",
        "450300",
        Syb,
        Err(vec![R::ClassNotApprovedBeforeStart]),
    );
    c.approved_late = true;
    cases.push(c);
    let mut c = base("no declared group", "450300", Syb, Err(vec![R::NoEligibleGroup]));
    c.groups.clear();
    cases.push(c);
    let mut c = base("a group the policy does not cover", "450300", Syb, Err(vec![R::NoEligibleGroup]));
    c.groups[0].group = PriorityGroup::Veteran;
    cases.push(c);
    let mut c = base("a group that began after the training date", "450300", Syb, Err(vec![R::NoEligibleGroup]));
    c.groups[0].from = day(2026, 6, 2);
    cases.push(c);
    let mut c = base("a group that ended before the training date", "450300", Syb, Err(vec![R::NoEligibleGroup]));
    c.groups[0].to = Some(day(2026, 5, 31));
    cases.push(c);
    let mut c = base("a group held through the training date counts", "450300", Syb, Ok(150_000));
    c.groups[0].to = Some(day(2026, 6, 1));
    cases.push(c);
    let mut c = base("a rejected declaration does not count", "450300", Syb, Err(vec![R::NoEligibleGroup]));
    c.groups[0].status = DeclarationStatus::Rejected;
    cases.push(c);
    let mut c = base("a verified declaration counts", "450300", Syb, Ok(150_000));
    c.groups[0].status = DeclarationStatus::Verified;
    cases.push(c);
    let mut c =
        base("from approval on, a declared group must be verified", "450300", Syb, Err(vec![R::GroupNotVerified]));
    c.require_verified = true;
    cases.push(c);
    let mut c = base("a verified group passes approval", "450300", Syb, Ok(150_000));
    c.require_verified = true;
    c.groups[0].status = DeclarationStatus::Verified;
    cases.push(c);
    let mut c = base("a verified group of another kind does not help", "450300", Syb, Err(vec![R::GroupNotVerified]));
    c.require_verified = true;
    c.groups.push(HeldGroup { group: PriorityGroup::Veteran, status: DeclarationStatus::Verified, ..unemployed() });
    cases.push(c);
    let mut c = base("filed on the last day of Changsha's 6-month window", "430100", Syb, Ok(100_000));
    c.filed_after_days = 183; // 2026-06-30 + 6 months = 2026-12-30
    cases.push(c);
    let mut c = base("filed a day after Changsha's 6-month window", "430100", Syb, Err(vec![R::WindowExpired]));
    c.filed_after_days = 184;
    cases.push(c);
    let mut c = base("Guilin's 12-month window is still open at 7 months", "450300", Syb, Ok(150_000));
    c.filed_after_days = 213;
    cases.push(c);
    let mut c = base("already subsidised for SYB elsewhere", "450300", Syb, Err(vec![R::AlreadySubsidised]));
    c.others = vec![OtherClaim { kind: Syb, certificate_year: 2025 }];
    cases.push(c);
    let mut c = base("a claim for another kind does not block", "450300", Syb, Ok(150_000));
    c.others = vec![OtherClaim { kind: Gyb, certificate_year: 2026 }];
    cases.push(c);
    let mut c =
        base("Shenzhen pays one course kind a year", "440300", OnlineVenture, Err(vec![R::AlreadySubsidisedThisYear]));
    c.others = vec![OtherClaim { kind: Syb, certificate_year: 2026 }];
    cases.push(c);
    let mut c = base("Shenzhen: last year's claim does not block", "440300", OnlineVenture, Ok(200_000));
    c.others = vec![OtherClaim { kind: Syb, certificate_year: 2025 }];
    cases.push(c);
    let mut c =
        base("a trainee cannot claim what Guilin pays the institution", "450300", Syb, Err(vec![R::PayeeMismatch]));
    c.claimant = Payee::Trainee;
    cases.push(c);
    let mut c =
        base("an institution cannot claim what Changsha pays the trainee", "430100", Iyb, Err(vec![R::PayeeMismatch]));
    c.claimant = Payee::Institution;
    cases.push(c);
    let mut c = base(
        "every failed rule is named at once",
        "430100",
        Syb,
        Err(vec![
            R::CertificateRevoked,
            R::ClassNotApprovedBeforeStart,
            R::NoEligibleGroup,
            R::WindowExpired,
            R::AlreadySubsidised,
            R::PayeeMismatch,
        ]),
    );
    c.revoked = true;
    c.approved_late = true;
    c.groups.clear();
    c.filed_after_days = 400;
    c.others = vec![OtherClaim { kind: Syb, certificate_year: 2026 }];
    c.claimant = Payee::Institution;
    cases.push(c);
    let mut c = base(
        "no policy still reports the other failures",
        "370200",
        Syb,
        Err(vec![R::CertificateRevoked, R::NoPolicy]),
    );
    c.revoked = true;
    cases.push(c);
    for case in &cases {
        assert_eq!(run(case, &policies), case.expect, "{}", case.name);
    }
}

#[test]
fn a_missing_certificate_is_the_only_reason_given() {
    let facts = ClaimFacts {
        certificate: None,
        class: None,
        groups: &[],
        policy: None,
        filed_on: day(2026, 1, 1),
        claimant: Payee::Trainee,
        others: &[],
        require_verified: false,
    };
    assert_eq!(eligibility(&facts), Err(vec![IneligibleReason::CertificateMissing]));
}

#[test]
fn the_policy_in_force_on_the_certificate_date_applies() {
    let mut old = policy("450300", CourseKind::Syb, 1200);
    old.effective_from = day(2025, 1, 1);
    let new = policy("450300", CourseKind::Syb, 1500);
    let mut ended = policy("450000", CourseKind::Syb, 900);
    ended.ends_on = Some(day(2026, 3, 31));
    let versions = vec![old, new, ended];
    let at =
        |region: &str, date| policy_in_force(&versions, &code(region), CourseKind::Syb, date).map(|p| p.amount.get());
    assert_eq!(at("450305", day(2025, 12, 31)), Some(120_000));
    assert_eq!(at("450305", day(2026, 1, 1)), Some(150_000));
    assert_eq!(at("450300", day(2024, 12, 31)), None, "no version yet, and the province's starts later");
    assert_eq!(at("450100", day(2026, 3, 31)), Some(90_000), "another city uses the province's");
    assert_eq!(at("450100", day(2026, 4, 1)), None, "the province's has ended");
}

#[test]
fn public_notice_counts_working_days() {
    let cal = malanhua_shared::calendar::WorkCalendar::weekdays();
    // 2026-11-27 is a Friday.
    assert_eq!(cal.nth_working_day(day(2026, 11, 27), 1), day(2026, 11, 27));
    assert_eq!(cal.nth_working_day(day(2026, 11, 27), 3), day(2026, 12, 1));
    assert_eq!(cal.nth_working_day(day(2026, 11, 23), 5), day(2026, 11, 27));
    assert_eq!(notice_working_days(None), DEFAULT_NOTICE_WORKING_DAYS);
    assert_eq!(notice_working_days(Some(-3)), DEFAULT_NOTICE_WORKING_DAYS);
    assert_eq!(notice_working_days(Some(7)), 7);
}

fn ctx<'a>(
    officer: &'a str,
    reviewed: Option<&'a str>,
    approved: Option<&'a str>,
    today: NaiveDate,
) -> StageContext<'a> {
    StageContext {
        officer,
        reviewed_by: reviewed,
        approved_by: approved,
        today,
        notice_ends_on: Some(day(2026, 12, 4)),
        open_objections: false,
        party: false,
    }
}

#[test]
fn nobody_decides_a_claim_they_are_party_to() {
    let t = day(2026, 12, 1);
    let own = StageContext { party: true, ..ctx("a", None, None, t) };
    for action in ClaimAction::ALL {
        assert_eq!(next_status(ClaimStatus::Submitted, *action, &own), Err(StageError::OwnClaim), "{action:?}");
    }
    assert!(available_actions(ClaimStatus::Submitted, &own).is_empty());
    assert_eq!(
        next_status(ClaimStatus::Submitted, ClaimAction::Review, &ctx("a", None, None, t)),
        Ok(ClaimStatus::Reviewed)
    );
}

#[test]
fn stages_follow_in_order_by_different_officers() {
    use ClaimAction as A;
    use ClaimStatus as S;
    let t = day(2026, 12, 1);
    assert_eq!(next_status(S::Submitted, A::Review, &ctx("a", None, None, t)), Ok(S::Reviewed));
    assert_eq!(next_status(S::Reviewed, A::Approve, &ctx("a", Some("a"), None, t)), Err(StageError::SameOfficer));
    assert_eq!(next_status(S::Reviewed, A::Approve, &ctx("b", Some("a"), None, t)), Ok(S::Approved));
    assert_eq!(next_status(S::Approved, A::Publish, &ctx("b", Some("a"), Some("b"), t)), Ok(S::Notice));
    assert_eq!(next_status(S::Notice, A::Pay, &ctx("a", Some("a"), Some("b"), t)), Err(StageError::NoticeRunning));
    let after = day(2026, 12, 5);
    assert_eq!(next_status(S::Notice, A::Pay, &ctx("b", Some("a"), Some("b"), after)), Err(StageError::SameOfficer));
    assert_eq!(next_status(S::Notice, A::Pay, &ctx("a", Some("a"), Some("b"), after)), Ok(S::Paid));
    assert_eq!(next_status(S::Held, A::Pay, &ctx("a", Some("a"), Some("b"), after)), Err(StageError::NoticeRunning));
    let objected = StageContext { open_objections: true, ..ctx("a", Some("a"), Some("b"), after) };
    assert_eq!(
        next_status(S::Notice, A::Pay, &objected),
        Err(StageError::NoticeRunning),
        "an open objection holds payment"
    );
    assert_eq!(next_status(S::Paid, A::Pay, &ctx("a", Some("a"), Some("b"), after)), Err(StageError::WrongState));
    assert_eq!(next_status(S::Paid, A::Reject, &ctx("a", None, None, t)), Err(StageError::WrongState));
    assert_eq!(next_status(S::Draft, A::Review, &ctx("a", None, None, t)), Err(StageError::WrongState));
    assert_eq!(
        next_status(S::Draft, A::Reject, &ctx("a", None, None, t)),
        Ok(S::Rejected),
        "a stale draft can be closed"
    );
    assert_eq!(next_status(S::Submitted, A::Approve, &ctx("b", None, None, t)), Err(StageError::WrongState));
    assert_eq!(next_status(S::Reviewed, A::Return, &ctx("b", Some("a"), None, t)), Ok(S::Returned));
    assert_eq!(next_status(S::Notice, A::Return, &ctx("b", None, None, t)), Err(StageError::WrongState));
    assert_eq!(next_status(S::Held, A::Reject, &ctx("b", None, None, t)), Ok(S::Rejected));
    assert_eq!(available_actions(S::Reviewed, &ctx("a", Some("a"), None, t)), vec![A::Return, A::Reject]);
}

#[test]
fn payment_dates_follow_the_notice_and_are_not_in_the_future() {
    let end = Some(day(2026, 12, 4));
    assert!(paid_on_allowed(day(2026, 12, 5), day(2026, 12, 7), end));
    assert!(!paid_on_allowed(day(2026, 12, 4), day(2026, 12, 7), end), "not on the last day of notice");
    assert!(!paid_on_allowed(day(2026, 12, 8), day(2026, 12, 7), end), "not in the future");
    assert!(needs_verified_group(ClaimAction::Pay) && !needs_verified_group(ClaimAction::Review));
    assert!(verification_due(ClaimStatus::Reviewed) && !verification_due(ClaimStatus::Submitted));
}

#[test]
fn claimants_file_drafts_and_returned_claims_only() {
    assert!(can_submit(ClaimStatus::Draft));
    assert!(can_submit(ClaimStatus::Returned));
    assert!(!can_submit(ClaimStatus::Submitted));
    assert!(!can_submit(ClaimStatus::Rejected));
}

#[test]
fn objections_are_taken_only_while_notice_runs() {
    let end = Some(day(2026, 12, 4));
    assert!(objection_allowed(ClaimStatus::Notice, end, day(2026, 12, 4)));
    assert!(!objection_allowed(ClaimStatus::Notice, end, day(2026, 12, 5)));
    assert!(objection_allowed(ClaimStatus::Held, end, day(2026, 12, 1)));
    assert!(!objection_allowed(ClaimStatus::Approved, end, day(2026, 12, 1)));
}

#[test]
fn every_event_moves_a_claim_only_from_its_own_stages() {
    use ClaimStatus as S;
    for status in S::ALL.iter().copied() {
        let file = transition(status, ClaimEvent::File);
        assert_eq!(file.is_ok(), matches!(status, S::Draft | S::Returned), "{status:?}");
        let object = transition(status, ClaimEvent::Object);
        assert_eq!(object.ok(), matches!(status, S::Notice | S::Held).then_some(S::Held), "{status:?}");
        let uphold = transition(status, ClaimEvent::Uphold);
        assert_eq!(uphold.ok(), (status == S::Held).then_some(S::Rejected), "{status:?}");
        let closed = transition(status, ClaimEvent::CertificateRevoked);
        assert_eq!(closed.ok(), (status == S::Draft).then_some(S::Rejected), "{status:?}");
    }
    assert_eq!(transition(S::Held, ClaimEvent::Dismiss { still_open: false }), Ok(S::Notice));
    assert_eq!(transition(S::Held, ClaimEvent::Dismiss { still_open: true }), Ok(S::Held));
    assert_eq!(transition(S::Rejected, ClaimEvent::Dismiss { still_open: false }), Ok(S::Rejected));
    assert_eq!(transition(S::Rejected, ClaimEvent::File), Err(StageError::WrongState));
}

#[test]
fn a_standard_above_the_set_amount_needs_a_second_officer() {
    assert!(!needs_second_officer(Fen::new(200_000).unwrap_or(Fen::ZERO), 200_000), "at the amount: one officer");
    assert!(needs_second_officer(Fen::new(200_001).unwrap_or(Fen::ZERO), 200_000));
    assert!(needs_second_officer(Fen::new(1).unwrap_or(Fen::ZERO), 0), "0: every paying standard");
}

#[test]
fn a_proposal_is_turned_down_only_with_a_reason() {
    assert_eq!(proposal_reason(false, None), Err(FieldCode::Required));
    assert_eq!(proposal_reason(false, Some("   ")), Err(FieldCode::Required), "blank is no reason");
    assert_eq!(proposal_reason(false, Some("超出本市财政预算")), Ok(Some("超出本市财政预算".to_owned())));
    assert_eq!(proposal_reason(true, None), Ok(None), "confirming needs none");
    assert_eq!(proposal_reason(true, Some("x")), Err(FieldCode::TooShort), "a reason given is checked");
}

#[test]
fn the_worklist_offers_what_the_stage_rules_allow() {
    // What the shared table tells the worklist to offer is what the stage
    // rules allow when nothing else stands in the way.
    let after_notice = day(2026, 12, 10);
    let free = ctx("c", Some("a"), Some("b"), after_notice);
    for status in ClaimStatus::ALL {
        for action in ClaimAction::ALL {
            let offered = malanhua_shared::api::subsidies::actions_at(*status).contains(action);
            assert_eq!(offered, next_status(*status, *action, &free).is_ok(), "{status:?} {action:?}");
        }
    }
}

#[test]
fn money_moves_forward_only_on_a_claim_that_qualifies() {
    use ClaimAction as A;
    let all = vec![A::Approve, A::Return, A::Reject];
    assert_eq!(split_by_eligibility(all.clone(), &[]), (all.clone(), vec![]));
    let why = [IneligibleReason::GroupNotVerified];
    let (offered, withheld) = split_by_eligibility(all, &why);
    assert_eq!(offered, [A::Return, A::Reject]);
    assert_eq!(withheld, [(A::Approve, why.to_vec())]);
}

#[test]
fn an_unverified_group_is_marked_while_the_claim_needs_it() {
    use DeclarationStatus as D;
    let training = ClaimKind::Training;
    assert!(group_unverified(training, ClaimStatus::Submitted, &[D::Declared]));
    assert!(group_unverified(training, ClaimStatus::Notice, &[D::Rejected, D::Declared]));
    assert!(!group_unverified(training, ClaimStatus::Submitted, &[D::Declared, D::Verified]), "one verified suffices");
    assert!(!group_unverified(training, ClaimStatus::Paid, &[D::Declared]), "paid: no longer needed");
    assert!(!group_unverified(training, ClaimStatus::Submitted, &[]), "nothing declared: nothing to verify");
    assert!(!group_unverified(ClaimKind::StudioGrant, ClaimStatus::Submitted, &[D::Declared]));
}
