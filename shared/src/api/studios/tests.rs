use super::*;
use crate::api::studios::{FeeBand, FeePolicyInput, StudioPolicyInput};

#[test]
fn an_application_names_every_bad_field() {
    let app = StudioApplication {
        name: "工作".into(),
        plan: "短".into(),
        documents: vec!["a\nb".into()],
        ..StudioApplication::default()
    };
    let e = app.validate().err().unwrap_or_default();
    assert_eq!(e.get("name"), Some(&FieldCode::TooShort));
    assert_eq!(e.get("plan"), Some(&FieldCode::TooShort));
    assert_eq!(e.get("specialities"), Some(&FieldCode::Required));
    assert_eq!(e.get("documents"), Some(&FieldCode::InvalidFormat));
}

#[test]
fn an_application_drops_repeats() {
    let app = StudioApplication {
        name: "草原创业指导大师工作室".into(),
        specialities: vec![Expertise::FinanceTax, Expertise::FinanceTax],
        plan: "每季度举办两次集中服务，每月开展一对一辅导，三年内孵化二十家小微企业。".into(),
        member_ids: vec![MentorId::from_raw("m1"), MentorId::from_raw("m1")],
        record_ids: vec![],
        documents: vec!["场地证明".into(), " 场地证明 ".into(), "".into()],
    };
    let ok = app.validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(ok.specialities.len(), 1);
    assert_eq!(ok.member_ids.len(), 1);
    assert_eq!(ok.documents, vec!["场地证明".to_owned()]);
}

#[test]
fn a_studio_policy_checks_its_ranges() {
    let bad = StudioPolicyInput { grant_fen: -1, report_months: 4, ..StudioPolicyInput::default() };
    let e = bad.validate().err().unwrap_or_default();
    for f in ["effective_from", "grant_fen", "report_months", "min_members", "cycle_years", "notice_days"] {
        assert!(e.contains_key(f), "{f}: {e:?}");
    }
}

#[test]
fn a_fee_policy_sorts_its_bands_and_refuses_repeats() {
    let band = |m, f| FeeBand { min_minutes: m, fee_fen: Fen::new(f).unwrap_or(Fen::ZERO) };
    let input = FeePolicyInput {
        effective_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        one_to_one: vec![band(60, 20_000), band(30, 10_000)],
        group: vec![],
        transport_fen: 5_000,
        yearly_cap_fen: 2_000_000,
        notice_days: 5,
        ..FeePolicyInput::default()
    };
    let p = input.validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(p.one_to_one[0].min_minutes, 30);
    let repeated = FeePolicyInput { one_to_one: vec![band(30, 1), band(30, 2)], ..input };
    let e = repeated.validate().err().unwrap_or_default();
    assert_eq!(e.get("one_to_one"), Some(&FieldCode::OutOfRange));
}

#[test]
fn a_report_and_an_evaluation_name_their_fields() {
    let e = StudioReportInput::default().validate().err().unwrap_or_default();
    for f in ["period_start", "activities", "services", "spent_fen"] {
        assert!(e.contains_key(f), "{f}");
    }
    let e = EvaluationInput { year: Some(1990), score: Some(101), comment: String::new() }.validate();
    let e = e.err().unwrap_or_default();
    assert_eq!(e.get("year"), Some(&FieldCode::OutOfRange));
    assert_eq!(e.get("score"), Some(&FieldCode::OutOfRange));
    assert_eq!(e.get("comment"), Some(&FieldCode::Required));
}
