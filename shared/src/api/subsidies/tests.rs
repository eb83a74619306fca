//! Unit tests of the checks in `subsidies.rs`.

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn a_policy_input_names_every_bad_field() {
    let input = SubsidyPolicyInput {
        effective_from: Some(day(2026, 1, 1)),
        ends_on: Some(day(2025, 1, 1)),
        amount_fen: Some(-1),
        payee: None,
        eligible_groups: vec![],
        claim_window_months: Some(0),
        notice_days: Some(31),
        one_per_year: false,
        local_groups: false,
        amount_is_cap: false,
    };
    let errors = input.validate().err().unwrap_or_default();
    let names: Vec<&str> = errors.keys().map(String::as_str).collect();
    assert_eq!(names, ["amount_fen", "claim_window_months", "eligible_groups", "ends_on", "notice_days", "payee"]);
}

#[test]
fn a_good_policy_input_drops_repeated_groups() {
    let input = SubsidyPolicyInput {
        effective_from: Some(day(2026, 1, 1)),
        ends_on: None,
        amount_fen: Some(150_000),
        payee: Some(Payee::Institution),
        eligible_groups: vec![PriorityGroup::Veteran, PriorityGroup::Veteran, PriorityGroup::Disabled],
        claim_window_months: Some(12),
        notice_days: Some(5),
        one_per_year: false,
        local_groups: false,
        amount_is_cap: false,
    };
    let p = input.validate().ok();
    assert_eq!(p.map(|p| (p.amount.get(), p.groups.len())), Some((150_000, 2)));
}

#[test]
fn declarations_need_ordered_dates_and_evidence() {
    let d = NewDeclaration {
        group: Some(PriorityGroup::Veteran),
        valid_from: Some(day(2026, 5, 1)),
        valid_to: Some(day(2026, 4, 1)),
        evidence: " ".into(),
        issued_in: Some("37".into()),
        business_licence: None,
    };
    let errors = d.validate().err().unwrap_or_default();
    assert_eq!(errors.get("valid_to"), Some(&FieldCode::NotInOrder));
    assert_eq!(errors.get("evidence"), Some(&FieldCode::Required));
    assert!(errors.contains_key("issued_in"), "{errors:?}");
}

#[test]
fn the_head_of_a_new_business_gives_its_credit_code_checked() {
    let head = |licence: Option<&str>| NewDeclaration {
        group: Some(PriorityGroup::NewSmallBusinessHead),
        valid_from: Some(day(2026, 5, 1)),
        valid_to: None,
        evidence: "营业执照".into(),
        issued_in: Some("370212".into()),
        business_licence: licence.map(str::to_owned),
    };
    assert_eq!(head(None).validate().err().and_then(|e| e.get("business_licence").copied()), Some(FieldCode::Required));
    let ok = head(Some("91370212ma3c1234x5")).validate().ok();
    assert_eq!(ok.and_then(|d| d.business_licence), Some("91370212MA3C1234X5".to_owned()));
}

#[test]
fn objections_need_text_a_mobile_and_its_code() {
    let o = NewObjection { text: "no".into(), mobile: String::new(), code: "12".into() };
    let errors = o.validate().err().unwrap_or_default();
    assert_eq!(errors.get("text"), Some(&FieldCode::TooShort));
    assert_eq!(errors.get("mobile"), Some(&FieldCode::Required));
    assert_eq!(errors.get("code"), Some(&FieldCode::InvalidFormat));
    let ok =
        NewObjection { text: "该学员未参加培训".into(), mobile: "13912345678".into(), code: "123456".into() };
    assert_eq!(ok.validate().map(|v| v.mobile.as_str().to_owned()).ok().as_deref(), Some("13912345678"));
}

#[test]
fn payment_references_are_plain_text() {
    assert_eq!(check_payment_ref(" GX-2026/0001 "), Ok("GX-2026/0001".into()));
    assert_eq!(check_payment_ref("a b c d"), Err(FieldCode::InvalidFormat));
    assert_eq!(check_payment_ref("ab"), Err(FieldCode::TooShort));
    assert_eq!(check_payment_ref(""), Err(FieldCode::Required));
}

#[test]
fn stages_have_stable_names() {
    for s in ClaimStatus::ALL {
        assert_eq!(ClaimStatus::from_name(s.as_str()), Some(*s));
    }
    assert_eq!(IneligibleReason::WindowExpired.as_str(), "window_expired");
}

#[test]
fn a_stage_action_keeps_only_what_it_needs_and_checks_it() {
    let ask = |action, reason: &str, payment_ref: &str| ClaimActionRequest {
        action,
        reason: Some(reason.to_owned()),
        payment_ref: Some(payment_ref.to_owned()),
        paid_on: NaiveDate::from_ymd_opt(2026, 12, 1),
    };
    let review = ask(ClaimAction::Review, "", "").validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((review.reason, review.payment_ref, review.paid_on), (None, None, None));
    let returned = ask(ClaimAction::Return, "  材料不全  ", "x").validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(returned.reason.as_deref(), Some("材料不全"));
    assert_eq!(returned.payment_ref, None);
    let no_reason = ask(ClaimAction::Reject, " ", "").validate().err().unwrap_or_default();
    assert_eq!(no_reason.get("reason"), Some(&FieldCode::Required));
    let paid = ask(ClaimAction::Pay, "", " GK-2026/0815 ").validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        (paid.payment_ref.as_deref(), paid.paid_on),
        (Some("GK-2026/0815"), NaiveDate::from_ymd_opt(2026, 12, 1))
    );
    let bad_ref = ask(ClaimAction::Pay, "", "a b").validate().err().unwrap_or_default();
    assert_eq!(bad_ref.get("payment_ref"), Some(&FieldCode::TooShort));
}
