//! Demo data for the mentor library: admitted mentors in Qingdao and Hohhot
//! with weekly hours, an applicant waiting for the bureau, a pending and a
//! confirmed appointment, and a full group session with a waitlist. All of
//! it goes through the use cases, as the people would do it.

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::api::mentors::{
    AvailabilityInput, BookRequest, Expertise, MentorAction, MentorDecisionRequest, MentorProfileInput,
    NewGroupSession, ServiceMode, WeeklyHours,
};
use malanhua_shared::course::{shanghai, shanghai_date, shanghai_midnight};

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;

pub(crate) fn profile(
    region: &str,
    name: &str,
    title: &str,
    employer: &str,
    expertise: Vec<Expertise>,
    bio: &str,
) -> MentorProfileInput {
    MentorProfileInput {
        region_code: region.into(),
        real_name: name.into(),
        title: title.into(),
        employer: employer.into(),
        years_experience: 12,
        expertise,
        tags: vec!["小微企业".into()],
        industries: vec!["餐饮".into(), "零售".into()],
        service_mode: Some(ServiceMode::Both),
        languages: vec!["普通话".into()],
        bio: bio.into(),
        evidence: "创业指导师 CY2020-0001; SYB 讲师 SYB-370200-0042".into(),
    }
}

pub(crate) fn hours(from: &str, to: &str) -> AvailabilityInput {
    AvailabilityInput {
        slot_minutes: 60,
        buffer_after_minutes: 15,
        min_notice_hours: 2,
        horizon_days: 30,
        max_per_day: Some(4),
        weekly: (1..=5).map(|d| WeeklyHours { weekday: d, start: from.into(), end: to.into() }).collect(),
        ..Default::default()
    }
}

/// The demo's mentor-library people and bookings. `actor` finds a demo
/// account's actor by mobile; `registered` makes an account.
pub async fn seed<F, Fut>(
    state: &AppState,
    now: DateTime<Utc>,
    mobiles: [&'static str; 3],
    actor: F,
) -> Result<(), AppError>
where
    F: Fn(&'static str) -> Fut,
    Fut: Future<Output = Result<Actor, AppError>>,
{
    for m in mobiles {
        crate::seed::demo_register(state, m, now).await?;
    }
    let qingdao = profile(
        "370212",
        "王海燕",
        "高级经济师",
        "青岛市创业服务中心",
        vec![Expertise::Marketing, Expertise::FinanceTax, Expertise::Catering],
        "从事创业指导十二年，服务过三百多家小微企业，擅长开店选址、定价与财税规划。",
    );
    let hohhot = profile(
        "150102",
        "乌兰",
        "创业指导师",
        "呼和浩特市就业服务局",
        vec![Expertise::Agriculture, Expertise::Ecommerce, Expertise::Financing],
        "帮助农牧民创业十年，熟悉农畜产品电商与创业担保贷款。",
    );
    let waiting = profile(
        "370212",
        "陈立",
        "律师",
        "山东某律师事务所",
        vec![Expertise::Law],
        "专注小微企业合同与劳动用工法律服务八年，曾为百余家初创企业提供法律体检。",
    );
    let mut ids = Vec::new();
    for (mobile, p) in mobiles.into_iter().zip([qingdao, hohhot, waiting]) {
        let rec = super::library::apply(state, actor(mobile).await?, p, now).await?;
        ids.push(rec.card.id);
    }
    let admit = MentorDecisionRequest { action: Some(MentorAction::Admit), ..Default::default() };
    super::library::decide(state, actor("13800000003").await?, ids[0].as_str().to_owned(), admit.clone(), now).await?;
    super::library::decide(state, actor("13800000002").await?, ids[1].as_str().to_owned(), admit, now).await?;
    super::availability::set(state, actor(mobiles[0]).await?, hours("07:00", "12:00"), now).await?;
    super::availability::set(state, actor(mobiles[1]).await?, hours("14:00", "18:00"), now).await?;

    let people = ["13800000005", "13900000110", "13900000111"];
    past_services(state, (&ids[0], mobiles[0]), people, (shanghai_date(now) - Duration::days(12), 9), &actor).await?;

    // Zhang San asks the Qingdao mentor twice; one is confirmed.
    let zhang = actor("13800000005").await?;
    // A Monday to Thursday, so that the second request (the next day) is
    // on a weekday too: the mentor keeps weekday hours.
    let monday = {
        let mut d = shanghai_date(now) + Duration::days(3);
        while chrono::Datelike::weekday(&d).number_from_monday() > 4 {
            d += Duration::days(1);
        }
        d
    };
    let at = |hour: i64| (shanghai_midnight(monday) + Duration::hours(hour)).with_timezone(&shanghai()).to_rfc3339();
    let ask = |start: String, topic: &str| BookRequest {
        starts_at: start,
        topic: topic.into(),
        business: "准备在社区开一家早餐店，已看好两个铺面，想比较选址和租金。".into(),
        plan_name: Some("早餐店创业计划书.pdf".into()),
    };
    let first =
        super::appointments::book(state, zhang.clone(), ids[0].as_str().to_owned(), ask(at(9), "开店选址"), now)
            .await?;
    super::appointments::confirm(state, actor(mobiles[0]).await?, first.id.as_str().to_owned(), now).await?;
    let next_day =
        (shanghai_midnight(monday) + Duration::days(1) + Duration::hours(10)).with_timezone(&shanghai()).to_rfc3339();
    super::appointments::book(state, zhang.clone(), ids[0].as_str().to_owned(), ask(next_day, "定价与成本"), now)
        .await?;

    // A two-seat group session, full, with one person waiting.
    let session = NewGroupSession {
        topic: "开业前必知的财税常识".into(),
        starts_at: (shanghai_midnight(monday) + Duration::days(2) + Duration::hours(15))
            .with_timezone(&shanghai())
            .to_rfc3339(),
        ends_at: (shanghai_midnight(monday) + Duration::days(2) + Duration::hours(17))
            .with_timezone(&shanghai())
            .to_rfc3339(),
        place: "青岛市崂山区创业孵化基地 3 楼".into(),
        seats: 2,
    };
    let g = super::groups::publish(state, actor(mobiles[0]).await?, ids[0].as_str().to_owned(), session, now).await?;
    for person in ["13800000005", "13800000006", mobiles[2]] {
        super::groups::join(state, actor(person).await?, g.id.as_str().to_owned(), now).await?;
    }
    Ok(())
}

/// Three services a mentor gave on weekdays from `first` at `hour`, each
/// booked, confirmed, recorded and rated at the time it happened (the use
/// cases take the time as an argument, so the demo goes through the same
/// rules). Returns the service records.
pub(crate) async fn past_services<F, Fut>(
    state: &AppState,
    (mentor, mentor_mobile): (&malanhua_shared::ids::MentorId, &'static str),
    people: [&'static str; 3],
    (first, hour): (chrono::NaiveDate, i64),
    actor: &F,
) -> Result<Vec<malanhua_shared::ids::ServiceRecordId>, AppError>
where
    F: Fn(&'static str) -> Fut,
    Fut: Future<Output = Result<Actor, AppError>>,
{
    use malanhua_shared::api::mentors::{RatingInput, ServiceRecordInput};
    let ratings = [(5, "选址建议很具体，帮我避开了一个坑。"), (4, "财税讲得清楚。"), (5, "")];
    let mut records = Vec::new();
    let mut day = first;
    for (person, (rating, comment)) in people.into_iter().zip(ratings) {
        while chrono::Datelike::weekday(&day).number_from_monday() > 5 {
            day += Duration::days(1);
        }
        let starts = shanghai_midnight(day) + Duration::hours(hour);
        let asked = starts - Duration::days(2);
        let req = BookRequest {
            starts_at: starts.to_rfc3339(),
            topic: "开业准备".into(),
            business: "社区便民小店，准备开业，想了解开业前的手续与成本测算。".into(),
            plan_name: None,
        };
        let a = super::appointments::book(state, actor(person).await?, mentor.as_str().to_owned(), req, asked).await?;
        super::appointments::confirm(
            state,
            actor(mentor_mobile).await?,
            a.id.as_str().to_owned(),
            asked + Duration::hours(1),
        )
        .await?;
        let record = ServiceRecordInput {
            offline: true,
            discussed: "开业手续、选址与首月成本测算".into(),
            advice: "先办理营业执照与食品经营许可，再签租约".into(),
            follow_up: "两周后电话回访".into(),
            minutes: 50,
        };
        let recorded = super::service::record_appointment(
            state,
            actor(mentor_mobile).await?,
            a.id.as_str().to_owned(),
            record,
            starts + Duration::minutes(55),
        )
        .await?;
        records.extend(recorded.record.map(|r| r.id));
        let rate = RatingInput { rating, comment: comment.into() };
        super::service::rate_appointment(
            state,
            actor(person).await?,
            a.id.as_str().to_owned(),
            rate,
            starts + Duration::hours(3),
        )
        .await?;
        day += Duration::days(1);
    }
    Ok(records)
}
