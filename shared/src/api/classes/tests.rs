//! Unit tests of the checks in `classes.rs`.

use super::*;

fn good() -> NewClass {
    NewClass {
        kind: "syb".into(),
        title: "SYB 创办你的企业 第 12 期".into(),
        trainer_ids: vec!["t1".into()],
        mode: "offline".into(),
        place: Some("青岛市崂山区海尔路 1 号".into()),
        capacity: 30,
        enrol_opens_at: "2026-12-01T09:00:00+08:00".into(),
        enrol_closes_at: "2026-12-06T18:00:00+08:00".into(),
        starts_on: "2026-12-07".into(),
        ends_on: "2026-12-08".into(),
        sessions: vec![
            SessionInput {
                starts_at: "2026-12-07T09:00:00+08:00".into(),
                ends_at: "2026-12-07T12:00:00+08:00".into(),
                topic: "创业意识".into(),
            },
            SessionInput {
                starts_at: "2026-12-08T09:00:00+08:00".into(),
                ends_at: "2026-12-08T12:00:00+08:00".into(),
                topic: "企业构思".into(),
            },
        ],
        fee_fen: Some(98_000),
    }
}

#[test]
fn a_fee_is_optional_but_never_negative() {
    assert_eq!(good().validate().ok().and_then(|v| v.fee).map(|f| f.get()), Some(98_000));
    let free = NewClass { fee_fen: None, ..good() };
    assert_eq!(free.validate().ok().map(|v| v.fee), Some(None));
    let negative = NewClass { fee_fen: Some(-1), ..good() };
    assert_eq!(negative.validate().err().and_then(|e| e.get("fee_fen").copied()), Some(FieldCode::OutOfRange));
}

#[test]
fn a_good_opening_request_is_accepted_with_its_minutes() {
    let v = good().validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(v.kind, CourseKind::Syb);
    assert_eq!(v.minutes(), 360);
    assert_eq!(v.sessions[0].starts_at.to_rfc3339(), "2026-12-07T01:00:00+00:00");
}

#[test]
fn overlapping_and_out_of_range_sessions_are_named_by_index() {
    let mut req = good();
    req.sessions[1].starts_at = "2026-12-07T11:00:00+08:00".into();
    req.sessions[1].ends_at = "2026-12-07T13:00:00+08:00".into();
    req.sessions.push(SessionInput {
        starts_at: "2026-12-09T09:00:00+08:00".into(),
        ends_at: "2026-12-09T10:00:00+08:00".into(),
        topic: "x".into(),
    });
    let e = req.validate().err().unwrap_or_default();
    assert_eq!(e.get("sessions[1].starts_at"), Some(&FieldCode::Overlapping));
    assert_eq!(e.get("sessions[2].starts_at"), Some(&FieldCode::OutOfRange));
}

#[test]
fn dates_in_the_wrong_order_and_missing_fields_are_named() {
    let mut req = good();
    req.ends_on = "2026-12-01".into();
    req.enrol_closes_at = "2026-11-30T09:00:00+08:00".into();
    req.place = None;
    req.capacity = 0;
    req.sessions[0].ends_at = "2026-12-07T08:00:00+08:00".into();
    req.sessions[1].topic = " ".into();
    let e = req.validate().err().unwrap_or_default();
    assert_eq!(e.get("ends_on"), Some(&FieldCode::NotInOrder));
    assert_eq!(e.get("enrol_closes_at"), Some(&FieldCode::NotInOrder));
    assert_eq!(e.get("place"), Some(&FieldCode::Required));
    assert_eq!(e.get("capacity"), Some(&FieldCode::OutOfRange));
    assert_eq!(e.get("sessions[0].ends_at"), Some(&FieldCode::NotInOrder));
    assert_eq!(e.get("sessions[1].topic"), Some(&FieldCode::Required));
}

#[test]
fn enrolment_must_close_before_the_first_session() {
    let mut req = good();
    req.enrol_closes_at = "2026-12-07T10:00:00+08:00".into();
    assert_eq!(req.validate().err().unwrap_or_default().get("enrol_closes_at"), Some(&FieldCode::OutOfRange));
}

#[test]
fn an_online_class_needs_no_place_and_kinds_must_be_known() {
    let mut req = good();
    req.mode = "online".into();
    req.place = None;
    assert!(req.validate().is_ok());
    req.kind = "mba".into();
    assert_eq!(req.validate().err().unwrap_or_default().get("kind"), Some(&FieldCode::InvalidFormat));
}

#[test]
fn policy_figures_must_be_in_range() {
    let req = PolicyRequest {
        min_hours: 0,
        max_class_size: 30,
        opening_lead_days: 3,
        attendance_threshold_pct: 120,
        ..Default::default()
    };
    let region = RegionCode::parse("450300").unwrap_or_else(|e| panic!("{e:?}"));
    let e = req.validate(region, CourseKind::Syb).err().unwrap_or_default();
    assert_eq!(e.get("min_hours"), Some(&FieldCode::OutOfRange));
    assert_eq!(e.get("attendance_threshold_pct"), Some(&FieldCode::OutOfRange));
    assert_eq!(e.len(), 2);
}

#[test]
fn trainer_qualification_numbers_are_checked() {
    let t = NewTrainer { name: "刘老师".into(), qualification_no: " syb-2024-0012 ".into() };
    assert_eq!(t.validate(), Ok(("刘老师".into(), "SYB-2024-0012".into())));
    let bad = NewTrainer { name: "".into(), qualification_no: "a b".into() };
    let e = bad.validate().err().unwrap_or_default();
    assert_eq!(e.get("name"), Some(&FieldCode::Required));
    assert_eq!(e.get("qualification_no"), Some(&FieldCode::InvalidFormat));
}
