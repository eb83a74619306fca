use super::*;

fn profile() -> MentorProfileInput {
    MentorProfileInput {
        region_code: "370212".into(),
        real_name: "王海燕".into(),
        title: "高级经济师".into(),
        employer: "青岛创业服务中心".into(),
        years_experience: 12,
        expertise: vec![Expertise::Marketing, Expertise::FinanceTax, Expertise::Marketing],
        tags: vec![" 小微企业 ".into(), "小微企业".into()],
        industries: vec!["餐饮".into()],
        service_mode: Some(ServiceMode::Both),
        languages: vec!["普通话".into()],
        bio: "从事创业指导十二年，服务过三百多家小微企业。".into(),
        evidence: "创业指导师 CY2020-0001".into(),
    }
}

#[test]
fn a_profile_is_trimmed_and_deduplicated() {
    let p = profile().validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(p.expertise, vec![Expertise::Marketing, Expertise::FinanceTax]);
    assert_eq!(p.tags, vec!["小微企业".to_owned()]);
    assert_eq!(p.years_experience, 12);
}

#[test]
fn a_bad_profile_names_every_field() {
    let bad = MentorProfileInput {
        real_name: String::new(),
        expertise: vec![],
        industries: vec!["a,b".into()],
        bio: "短".into(),
        years_experience: 90,
        service_mode: None,
        ..profile()
    };
    let e = bad.validate().err().unwrap_or_default();
    for field in ["real_name", "expertise", "industries", "bio", "years_experience", "service_mode"] {
        assert!(e.contains_key(field), "{field} not named: {e:?}");
    }
}

#[test]
fn availability_names_bad_ranges_and_overlaps() {
    let input = AvailabilityInput {
        slot_minutes: 50,
        min_notice_hours: 2,
        horizon_days: 30,
        weekly: vec![
            WeeklyHours { weekday: 1, start: "09:00".into(), end: "12:00".into() },
            WeeklyHours { weekday: 1, start: "11:00".into(), end: "13:00".into() },
            WeeklyHours { weekday: 2, start: "14:00".into(), end: "13:00".into() },
            WeeklyHours { weekday: 3, start: "09:07".into(), end: "10:00".into() },
        ],
        ..Default::default()
    };
    let e = input.validate().err().unwrap_or_default();
    assert_eq!(e.get("slot_minutes"), Some(&FieldCode::NotAllowed));
    assert_eq!(e.get("weekly"), Some(&FieldCode::Overlapping));
    assert_eq!(e.get("weekly[2].end"), Some(&FieldCode::NotInOrder));
    assert_eq!(e.get("weekly[3].end"), Some(&FieldCode::InvalidFormat));
}

#[test]
fn a_schedule_round_trips_through_the_wire_form() {
    let input = AvailabilityInput {
        slot_minutes: 45,
        buffer_after_minutes: 15,
        min_notice_hours: 2,
        horizon_days: 30,
        max_per_day: Some(4),
        weekly: vec![WeeklyHours { weekday: 6, start: "07:00".into(), end: "24:00".into() }],
        overrides: vec![DayOverride { day: chrono::NaiveDate::from_ymd_opt(2026, 12, 25), start: None, end: None }],
        ..Default::default()
    };
    let schedule = input.validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(schedule.weekly[0].1, MinuteRange { start: 420, end: 1440 });
    assert_eq!(schedule.to_input(), input);
}

#[test]
fn a_booking_needs_an_instant_with_an_offset() {
    let ok = BookRequest {
        starts_at: "2026-12-07T07:00:00+08:00".into(),
        topic: "开店选址".into(),
        business: "准备在社区开一家早餐店".into(),
        plan_name: Some("  ".into()),
    };
    let b = ok.validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(b.starts_at.to_rfc3339(), "2026-12-06T23:00:00+00:00");
    assert_eq!(b.plan_name, None);
    let bad = BookRequest { starts_at: "2026-12-07 07:00".into(), ..ok };
    assert_eq!(bad.validate().err().unwrap_or_default().get("starts_at"), Some(&FieldCode::InvalidFormat));
}

#[test]
fn group_sessions_keep_to_the_grid_and_to_order() {
    let s = NewGroupSession {
        topic: "开业前的财税".into(),
        starts_at: "2026-12-10T14:00:00+08:00".into(),
        ends_at: "2026-12-10T13:00:00+08:00".into(),
        place: "崂山区创业孵化基地".into(),
        seats: 0,
    };
    let e = s.validate().err().unwrap_or_default();
    assert_eq!(e.get("ends_at"), Some(&FieldCode::NotInOrder));
    assert_eq!(e.get("seats"), Some(&FieldCode::OutOfRange));
    let off_grid = NewGroupSession { ends_at: "2026-12-10T15:02:00+08:00".into(), seats: 20, ..s };
    assert_eq!(off_grid.validate().err().unwrap_or_default().get("ends_at"), Some(&FieldCode::InvalidFormat));
}

#[test]
fn a_rating_is_one_to_five() {
    assert!(RatingInput { rating: 0, comment: String::new() }.validate().is_err());
    assert_eq!(
        RatingInput { rating: 5, comment: " 很有帮助 ".into() }.validate().ok(),
        Some((5, Some("很有帮助".into())))
    );
}
