//! Demo data for studios and service fees, at every stage, through the use
//! cases with the time each step happened: the Inner Mongolia policy of seed
//! 003 (a region-level master studio: 100,000 yuan once) and an illustrative
//! Qingdao one; a Hohhot studio recognised with its grant paid and a first
//! report filed; a Qingdao application reviewed and waiting for approval;
//! service-fee policies, a Hohhot fee claim on public notice and a Qingdao
//! one filed.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use malanhua_shared::Fen;
use malanhua_shared::api::ProfileRequest;
use malanhua_shared::api::mentors::{Expertise, MentorAction, MentorDecisionRequest};
use malanhua_shared::api::studios::{
    FeeBand, FeeLineRequest, FeePolicyInput, StudioApplication, StudioPolicyInput, StudioReportInput,
};
use malanhua_shared::api::subsidies::{ClaimAction, ClaimActionRequest};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{MentorId, ServiceRecordId};

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::mentors::demo::{past_services, profile};
use crate::seed::{actor_for, bureau_of, resident_id_for};

const HOHHOT_OFFICER: &str = "13800000002";
const HOHHOT_APPROVER: &str = "13800000012";
const QINGDAO_OFFICER: &str = "13800000003";

fn policy() -> StudioPolicyInput {
    StudioPolicyInput {
        effective_from: NaiveDate::from_ymd_opt(2025, 1, 1),
        ends_on: None,
        grant_fen: 10_000_000,
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

fn fees() -> FeePolicyInput {
    let band = |m, f| FeeBand { min_minutes: m, fee_fen: Fen::new(f).unwrap_or(Fen::ZERO) };
    FeePolicyInput {
        effective_from: NaiveDate::from_ymd_opt(2025, 1, 1),
        ends_on: None,
        one_to_one: vec![band(30, 10_000), band(60, 20_000)],
        group: vec![band(60, 50_000), band(120, 80_000)],
        transport_fen: 5_000,
        yearly_cap_fen: 2_000_000,
        notice_days: 5,
    }
}

/// Registers a person (demo resident ID `n`) with a profile in `region`.
async fn person(
    state: &AppState,
    (mobile, n): (&'static str, u32),
    name: &str,
    region: &str,
    at: DateTime<Utc>,
) -> Result<&'static str, AppError> {
    crate::seed::demo_register(state, mobile, at).await?;
    let profile = ProfileRequest { real_name: name.into(), resident_id: resident_id_for(n), region: region.into() };
    crate::accounts::update_profile(state, actor_for(state, mobile).await?, profile, at).await?;
    Ok(mobile)
}

/// An admitted mentor of `region` (decided by `officer`); returns the id.
async fn mentor(
    state: &AppState,
    who: (&'static str, u32),
    (name, title, region): (&str, &str, &str),
    officer: &'static str,
    at: DateTime<Utc>,
) -> Result<MentorId, AppError> {
    let mobile = person(state, who, name, region, at).await?;
    let p = profile(
        region,
        name,
        title,
        "创业服务中心",
        vec![Expertise::Marketing, Expertise::Ecommerce],
        "从事创业指导八年，长期为返乡创业人员提供开业辅导与经营诊断服务。",
    );
    let rec = crate::mentors::library::apply(state, actor_for(state, mobile).await?, p, at).await?;
    let admit = MentorDecisionRequest { action: Some(MentorAction::Admit), ..Default::default() };
    crate::mentors::library::decide(
        state,
        actor_for(state, officer).await?,
        rec.card.id.as_str().to_owned(),
        admit,
        at,
    )
    .await?;
    Ok(rec.card.id)
}

fn application(name: &str, members: Vec<MentorId>, records: Vec<ServiceRecordId>, plan: &str) -> StudioApplication {
    StudioApplication {
        name: name.into(),
        specialities: vec![Expertise::Agriculture, Expertise::Ecommerce, Expertise::Marketing],
        plan: plan.into(),
        member_ids: members,
        record_ids: records,
        documents: vec!["工作室场地使用证明".into(), "工作室管理制度".into(), "三年工作计划".into()],
    }
}

async fn act(
    state: &AppState,
    mobile: &'static str,
    claim: &str,
    action: ClaimAction,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let payment_ref = (action == ClaimAction::Pay).then(|| "NMG-CZ-2026-0158".to_owned());
    let req = ClaimActionRequest { action, reason: None, payment_ref, paid_on: None };
    crate::subsidies::act(state, actor_for(state, mobile).await?, claim.to_owned(), req, at).await.map(|_| ())
}

/// Loads the demo's studios and service fees.
pub async fn seed(state: &AppState, admin: &Actor, now: DateTime<Utc>) -> Result<(), AppError> {
    let day = |n: i64| now - Duration::days(n);
    for region in ["150000", "370200"] {
        crate::studios::set_policy(state, bureau_of(admin, region)?, region.into(), policy(), day(90)).await?;
        crate::fees::set_policy(state, bureau_of(admin, region)?, region.into(), fees(), day(90)).await?;
    }
    // Hohhot: 乌兰 and two colleagues, her services two months ago, the
    // studio applied for, reviewed, approved by another officer, on notice,
    // paid, and its first quarter reported.
    let wulan = mentor_of(state, "13800000010").await?;
    let bayar = mentor(state, ("13900000120", 20), ("巴雅尔", "高级农艺师", "150102"), HOHHOT_OFFICER, day(80)).await?;
    let qimuge = mentor(state, ("13900000121", 21), ("其木格", "电商讲师", "150102"), HOHHOT_OFFICER, day(80)).await?;
    let people = ["13900000130", "13900000131", "13900000132"];
    for ((mobile, n), name) in people.into_iter().zip(30..).zip(["包金花", "乌日娜", "阿拉坦"]) {
        person(state, (mobile, n), name, "150102", day(80)).await?;
    }
    let first = shanghai_date(day(70));
    let records = past_services(state, (&wulan, "13800000010"), people, (first, 15), &|m| actor_for(state, m)).await?;
    let plan = "围绕农畜产品电商与返乡创业，每季度举办两场集中服务，每月开展一对一辅导，三年孵化三十户农牧民创业项目。";
    let app = application("乌兰创业指导大师工作室", vec![bayar, qimuge], records.clone(), plan);
    let studio = crate::studios::apply(state, actor_for(state, "13800000010").await?, app, day(45)).await?;
    let grant = studio.claim_id.map(|c| c.as_str().to_owned()).unwrap_or_default();
    act(state, HOHHOT_OFFICER, &grant, ClaimAction::Review, day(44)).await?;
    act(state, HOHHOT_APPROVER, &grant, ClaimAction::Approve, day(43)).await?;
    act(state, HOHHOT_OFFICER, &grant, ClaimAction::Publish, day(42)).await?;
    act(state, HOHHOT_OFFICER, &grant, ClaimAction::Pay, day(30)).await?;
    let report = StudioReportInput {
        period_start: Some(shanghai_date(day(30))),
        activities: "举办农畜产品直播带货集中培训一场、开业辅导八次，走访创业户十二家。".into(),
        services: Some(9),
        spent_fen: Some(1_800_000),
    };
    crate::studios::report(
        state,
        actor_for(state, "13800000010").await?,
        studio.studio.id.as_str().to_owned(),
        report,
        day(2),
    )
    .await?;
    // 乌兰's fees for those services: filed, reviewed, approved, on notice.
    let wulan_actor = actor_for(state, "13800000010").await?;
    let mut overview = None;
    for r in &records {
        let req = FeeLineRequest { record_id: r.as_str().to_owned() };
        overview = Some(crate::fees::claim(state, wulan_actor.clone(), req, day(20)).await?);
    }
    if let Some(claim) = overview.and_then(|o| o.claims.first().map(|c| c.id.as_str().to_owned())) {
        crate::subsidies::submit(state, wulan_actor.clone(), claim.clone(), day(20)).await?;
        act(state, HOHHOT_OFFICER, &claim, ClaimAction::Review, day(1)).await?;
        act(state, HOHHOT_APPROVER, &claim, ClaimAction::Approve, day(1)).await?;
        act(state, HOHHOT_OFFICER, &claim, ClaimAction::Publish, now).await?;
    }
    // Qingdao: 王海燕 applies with two colleagues, citing her services of the
    // past fortnight; 李强 has reviewed it, 刘洋 is to approve.
    let wang = mentor_of(state, "13800000009").await?;
    let zhang = mentor(state, ("13900000122", 22), ("张明", "经济师", "370212"), QINGDAO_OFFICER, day(60)).await?;
    let li = mentor(state, ("13900000123", 23), ("李娜", "注册会计师", "370212"), QINGDAO_OFFICER, day(60)).await?;
    let wang_actor = actor_for(state, "13800000009").await?;
    let mine = crate::studios::my_studio(state, wang_actor.clone(), now).await?;
    let cited: Vec<ServiceRecordId> =
        mine.citable.iter().filter(|r| r.mentor_id == wang).map(|r| r.id.clone()).collect();
    let plan = "聚焦社区餐饮与便民零售，每月举办开店选址与财税集中服务，三年辅导五十家小店开业。";
    let app = application("海燕社区创业指导师工作室", vec![zhang, li], cited.clone(), plan);
    let applied = crate::studios::apply(state, wang_actor.clone(), app, now).await?;
    let claim = applied.claim_id.map(|c| c.as_str().to_owned()).unwrap_or_default();
    act(state, QINGDAO_OFFICER, &claim, ClaimAction::Review, now).await?;
    // Her first service this month is claimed and the month's claim filed.
    if let Some(r) = cited.first() {
        let o = crate::fees::claim(state, wang_actor.clone(), FeeLineRequest { record_id: r.as_str().to_owned() }, now)
            .await?;
        if let Some(c) = o.claims.first() {
            crate::subsidies::submit(state, wang_actor, c.id.as_str().to_owned(), now).await?;
        }
    }
    Ok(())
}

/// The mentor id of a demo account.
async fn mentor_of(state: &AppState, mobile: &'static str) -> Result<MentorId, AppError> {
    let user = actor_for(state, mobile).await?.user_id;
    state
        .db(move |c| {
            crate::mentors::store::mentor_of(c, &user)?.map(|m| m.id).ok_or_else(|| AppError::not_found("demo mentor"))
        })
        .await
}
