//! The first administrator (`create-admin`) and the demo data (`seed-demo`).

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimActionRequest, NewDeclaration, Payee, PriorityGroup, SubsidyPolicyInput,
};
use malanhua_shared::api::{Me, NewBureauAccount, NewInstitutionAccount, ProfileRequest, check_real_name};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::shanghai_date;
use malanhua_shared::{Mobile, Password, RegionCode, Role};

use crate::accounts::passwords;
use crate::accounts::{insert_role, insert_user};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Actor, Grant};
use crate::core::db::new_id;
use crate::core::error::AppError;
use crate::core::state::AppState;

/// Creates an administrator, or makes an existing account one.
pub async fn create_admin(
    state: &AppState,
    mobile: &str,
    password: &str,
    real_name: &str,
    now: DateTime<Utc>,
) -> Result<malanhua_shared::UserId, AppError> {
    let mobile =
        Mobile::parse(mobile).map_err(|e| AppError::field("mobile", malanhua_shared::api::mobile_field_code(e)))?;
    let real_name = check_real_name(real_name).map_err(|c| AppError::field("real_name", c))?;
    let password = Password::parse(password, Some(mobile.as_str())).map_err(|c| AppError::field("password", c))?;
    let hash = passwords::hash(state, password.expose().to_owned()).await?;
    state
        .write(move |c| {
            let id = match crate::accounts::store::find_by_mobile(c, mobile.as_str())? {
                Some(u) => u.id,
                None => {
                    let id = malanhua_shared::UserId::from_raw(new_id());
                    insert_user(c, &id, &mobile, hash, now)?;
                    id
                }
            };
            {
                use diesel::prelude::*;

                use crate::core::db::schema::users;
                diesel::update(users::table.find(&id).filter(users::real_name.is_null()))
                    .set(users::real_name.eq(&real_name))
                    .execute(c)?;
            }
            insert_role(c, &id, Role::Admin, None, None, None, now)?;
            audit::record(
                c,
                Entry {
                    actor: None,
                    action: AuditAction::GrantAdmin,
                    entity_type: "user",
                    entity_id: id.as_str(),
                    summary: format!("{real_name} ({}) made administrator from the command line", mobile.masked()),
                    reason: None,
                },
                now,
            )?;
            Ok(id)
        })
        .await
}

/// A demo login to print.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// Who this is.
    pub label: &'static str,
    /// Mobile number.
    pub mobile: &'static str,
}

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "Malanhua@2026";

/// The demo accounts, in the order they are printed.
pub const DEMO_LOGINS: [DemoLogin; 13] = [
    DemoLogin { label: "administrator / 系统管理员", mobile: "13800000000" },
    DemoLogin { label: "bureau officer, Beijing / 北京市人社局", mobile: "13800000001" },
    DemoLogin { label: "bureau officer, Hohhot / 呼和浩特市人社局", mobile: "13800000002" },
    DemoLogin { label: "bureau officer, Qingdao / 青岛市人社局", mobile: "13800000003" },
    DemoLogin { label: "institution staff, Qingdao / 青岛培训机构", mobile: "13800000004" },
    DemoLogin { label: "trainee, profile complete / 学员", mobile: "13800000005" },
    DemoLogin { label: "new trainee, no profile yet / 新学员", mobile: "13800000006" },
    DemoLogin { label: "institution staff, Hohhot / 呼和浩特培训机构", mobile: "13800000007" },
    DemoLogin {
        label: "second bureau officer (approves claims), Qingdao / 青岛市人社局复审", mobile: "13800000008"
    },
    DemoLogin { label: "mentor, Qingdao / 青岛创业导师", mobile: "13800000009" },
    DemoLogin { label: "mentor, Hohhot / 呼和浩特创业导师", mobile: "13800000010" },
    DemoLogin { label: "mentor applicant, waiting for the bureau / 导师申请人", mobile: "13800000011" },
    DemoLogin {
        label: "second bureau officer (approves claims), Hohhot / 呼和浩特市人社局复审",
        mobile: "13800000012",
    },
];

const SEEDED_KEY: &str = "demo_seeded_at";

/// A demo trainee, as if they had proved the mobile by SMS.
pub(crate) async fn demo_register(state: &AppState, mobile: &str, now: DateTime<Utc>) -> Result<Me, AppError> {
    let mobile = Mobile::parse(mobile).map_err(|_| AppError::internal(format!("bad demo mobile {mobile}")))?;
    let hash = passwords::hash(state, DEMO_PASSWORD.to_owned()).await?;
    crate::accounts::signup::register_proved(state, mobile, hash, now).await
}

/// The demo staff take up the role offered, as if they had proved the
/// mobile by SMS and set the demo password.
async fn take_up_offer(state: &AppState, mobile: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let mobile = Mobile::parse(mobile).map_err(|_| AppError::internal(format!("bad demo mobile {mobile}")))?;
    let hash = passwords::hash(state, DEMO_PASSWORD.to_owned()).await?;
    crate::accounts::reset::set_password_proved(state, mobile, hash, Default::default(), now).await.map(|_| ())
}

/// Loads the demo data once; returns false when it was already there.
pub async fn seed_demo(state: &AppState, now: DateTime<Utc>) -> Result<bool, AppError> {
    if state.db(|c| Ok(crate::core::audit::store::meta(c, SEEDED_KEY)?)).await?.is_some() {
        return Ok(false);
    }
    let admin_id = create_admin(state, DEMO_LOGINS[0].mobile, DEMO_PASSWORD, "马管理", now).await?;
    let admin =
        Actor { user_id: admin_id, session_id: malanhua_shared::SessionId::from_raw(""), grants: vec![Grant::Admin] };
    let officers = [
        (1, "王芳", "110000"),
        (2, "其其格", "150100"),
        (3, "李强", "370200"),
        (8, "刘洋", "370200"),
        (12, "斯琴", "150100"),
    ];
    for (i, name, region) in officers {
        let req =
            NewBureauAccount { mobile: DEMO_LOGINS[i].mobile.into(), real_name: name.into(), region: region.into() };
        crate::accounts::admin::create_bureau_account(state, admin.clone(), req, now).await?;
        take_up_offer(state, DEMO_LOGINS[i].mobile, now).await?;
    }
    let staff = NewInstitutionAccount {
        institution_name: "青岛市马兰花创业培训学校".into(),
        region: "370202".into(),
        mobile: DEMO_LOGINS[4].mobile.into(),
        real_name: "赵敏".into(),
    };
    crate::accounts::admin::create_institution_account(state, admin.clone(), staff, now).await?;
    take_up_offer(state, DEMO_LOGINS[4].mobile, now).await?;
    for i in [5, 6] {
        demo_register(state, DEMO_LOGINS[i].mobile, now).await?;
    }
    let trainee = state
        .db(|c| {
            crate::accounts::store::find_by_mobile(c, DEMO_LOGINS[5].mobile)?
                .ok_or_else(|| AppError::not_found("demo trainee"))
        })
        .await?;
    let trainee_actor = Actor {
        user_id: trainee.id,
        session_id: malanhua_shared::SessionId::from_raw(""),
        grants: vec![Grant::Trainee],
    };
    let profile =
        ProfileRequest {
            real_name: "张三".into(), resident_id: "370212199003151236".into(), region: "370212".into()
        };
    crate::accounts::update_profile(state, trainee_actor, profile, now).await?;
    let hohhot_staff = NewInstitutionAccount {
        institution_name: "呼和浩特市马兰花创业培训中心".into(),
        region: "150102".into(),
        mobile: DEMO_LOGINS[7].mobile.into(),
        real_name: "巴特尔".into(),
    };
    crate::accounts::admin::create_institution_account(state, admin.clone(), hohhot_staff, now).await?;
    take_up_offer(state, DEMO_LOGINS[7].mobile, now).await?;
    demo_subsidy_policies(state, &admin, now).await?;
    let zhang = actor_for(state, DEMO_LOGINS[5].mobile).await?;
    let veteran = NewDeclaration {
        group: Some(PriorityGroup::Veteran),
        valid_from: Some(NaiveDate::from_ymd_opt(2024, 9, 1).unwrap_or_default()),
        valid_to: None,
        evidence: "退役证 No. 2024-370212-0815".into(),
        issued_in: Some("370212".into()),
        business_licence: None,
    };
    crate::subsidies::declare(state, zhang, veteran, now).await?;
    demo_classes(state, &admin, now).await?;
    let mentors = [DEMO_LOGINS[9].mobile, DEMO_LOGINS[10].mobile, DEMO_LOGINS[11].mobile];
    crate::mentors::demo::seed(state, now, mentors, |m| actor_for(state, m)).await?;
    crate::studios::demo::seed(state, &admin, now).await?;
    state.write(move |c| Ok(crate::core::audit::store::insert_meta(c, SEEDED_KEY, &now.to_rfc3339())?)).await?;
    Ok(true)
}

/// The demo's policies are set as each region's bureau sets its own: the
/// loading administrator acts with an officer grant of that region (held
/// for this call only; admins have no power over bureau policy).
pub(crate) fn bureau_of(admin: &Actor, region: &str) -> Result<Actor, AppError> {
    let region = RegionCode::parse(region).map_err(|_| AppError::internal(format!("demo region {region}")))?;
    Ok(Actor { grants: vec![Grant::BureauOfficer { region }], ..admin.clone() })
}

/// The actor of a demo account, with its real grants.
pub(crate) async fn actor_for(state: &AppState, mobile: &'static str) -> Result<Actor, AppError> {
    state
        .db(move |c| {
            let user = crate::accounts::store::find_by_mobile(c, mobile)?
                .ok_or_else(|| AppError::not_found("demo account"))?;
            let grants = crate::accounts::grants_of(c, &user.id)?;
            Ok(Actor { user_id: user.id, session_id: malanhua_shared::SessionId::from_raw(""), grants })
        })
        .await
}

/// Policy figures from the policy texts (domain.md): region, kind, minimum
/// hours, class size, working days of notice, prior certificate, licence.
/// Every region and kind with a subsidy policy below has a course policy
/// (its own or a parent's), so the subsidy can be earned.
const DEMO_POLICIES: [(&str, &str, i64, i64, i64, bool, bool); 20] = [
    ("370000", "gyb", 24, 40, 5, false, false),
    ("370000", "syb", 70, 40, 5, false, false),
    ("370000", "iyb", 56, 40, 5, false, true),
    ("370000", "eyb", 70, 40, 5, true, true),
    ("370000", "online_venture", 70, 40, 5, false, false),
    ("370000", "simulation", 24, 40, 5, true, false),
    ("370200", "syb", 70, 30, 3, false, false),
    ("150000", "syb", 70, 40, 5, false, false),
    ("110000", "syb", 70, 40, 5, false, false),
    ("110000", "online_venture", 70, 40, 5, false, false),
    ("450300", "syb", 70, 30, 3, false, false),
    ("450300", "simulation", 24, 30, 3, true, false),
    ("430100", "syb", 70, 40, 5, false, false),
    ("440300", "online_venture", 70, 40, 5, false, false),
    ("440300", "syb", 70, 40, 5, false, false),
    ("450300", "iyb", 56, 30, 3, false, true),
    ("450300", "eyb", 70, 30, 3, true, true),
    ("450300", "online_venture", 70, 30, 3, false, false),
    ("430100", "iyb", 56, 40, 5, false, true),
    ("430100", "online_venture", 70, 40, 5, false, false),
];

/// Subsidy figures from `domain.md` (yuan), plus Qingdao's, which is
/// illustrative: region, kind, amount, paid to the trainee, window months,
/// notice working days, one subsidy a year.
const DEMO_SUBSIDIES: [(&str, &str, i64, bool, u32, u32, bool); 14] = [
    ("440300", "syb", 2000, false, 12, 5, true),
    ("440300", "online_venture", 2000, false, 12, 5, true),
    ("450300", "syb", 1500, false, 12, 3, false),
    ("450300", "iyb", 1800, false, 12, 3, false),
    ("450300", "eyb", 1800, false, 12, 3, false),
    ("450300", "online_venture", 1500, false, 12, 3, false),
    ("450300", "simulation", 800, false, 12, 3, false),
    ("430100", "syb", 1000, true, 6, 5, false),
    ("430100", "iyb", 1300, true, 6, 5, false),
    ("430100", "online_venture", 1300, true, 6, 5, false),
    ("110000", "syb", 1000, false, 12, 5, false),
    ("110000", "online_venture", 1000, false, 12, 5, false),
    ("370200", "syb", 1000, false, 12, 5, false),
    ("370200", "gyb", 500, false, 12, 5, false),
];

async fn demo_subsidy_policies(state: &AppState, admin: &Actor, now: DateTime<Utc>) -> Result<(), AppError> {
    for (region, kind, yuan, to_trainee, window, notice, one_per_year) in DEMO_SUBSIDIES {
        let input = SubsidyPolicyInput {
            effective_from: NaiveDate::from_ymd_opt(2024, 1, 1),
            ends_on: None,
            amount_fen: Some(yuan * 100),
            payee: Some(if to_trainee { Payee::Trainee } else { Payee::Institution }),
            eligible_groups: PriorityGroup::ALL.to_vec(),
            claim_window_months: Some(window),
            notice_days: Some(notice),
            one_per_year,
            // Beijing's subsidy is for local people (seed 000: 本市登记失业人员 ...).
            local_groups: region == "110000",
            // Changsha's online venture: "up to 1,300 yuan".
            amount_is_cap: region == "430100" && kind == "online_venture",
        };
        crate::subsidies::policies::load_policy(
            state,
            bureau_of(admin, region)?,
            region.into(),
            kind.into(),
            input,
            now,
        )
        .await?;
    }
    Ok(())
}

/// The first day of a demo class filed at `now`: `start_in` days ahead, or
/// later when holidays leave fewer working days of notice than the demo
/// policies ask (a class filed just before National Day).
fn demo_first_day(cal: &malanhua_shared::calendar::WorkCalendar, now: DateTime<Utc>, start_in: i64) -> NaiveDate {
    let most_notice = DEMO_POLICIES.iter().map(|p| u32::try_from(p.4).unwrap_or(0)).max().unwrap_or(0);
    let today = shanghai_date(now);
    let mut first = today + chrono::Duration::days(start_in);
    while cal.working_days_between(today, first) < most_notice {
        first = first.succ_opt().unwrap_or(first);
    }
    first
}

/// A demo opening request: `days` sessions of 7 hours from about `start_in` days ahead.
#[expect(clippy::too_many_arguments, reason = "a demo fixture, one line per class")]
fn demo_class(
    kind: &str,
    title: &str,
    trainer: &str,
    online: bool,
    capacity: i64,
    start_in: i64,
    days: i64,
    now: DateTime<Utc>,
    cal: &malanhua_shared::calendar::WorkCalendar,
) -> malanhua_shared::api::classes::NewClass {
    use malanhua_shared::api::classes::{NewClass, SessionInput};
    let first = demo_first_day(cal, now, start_in);
    let at = |d: i64, h: u32| format!("{}T{h:02}:00:00+08:00", first + chrono::Duration::days(d));
    let topics = [
        "创业意识",
        "企业构思",
        "市场评估",
        "企业组织",
        "法律责任",
        "启动资金",
        "利润计划",
        "判断企业能否生存",
        "开办企业",
        "企业计划书",
    ];
    NewClass {
        kind: kind.into(),
        title: title.into(),
        trainer_ids: vec![trainer.into()],
        mode: if online { "online" } else { "offline" }.into(),
        place: (!online).then(|| "青岛市市南区香港中路 10 号 3 楼".into()),
        capacity,
        enrol_opens_at: (now - chrono::Duration::hours(1)).to_rfc3339(),
        enrol_closes_at: at(-1, 18),
        starts_on: first.to_string(),
        ends_on: (first + chrono::Duration::days(days - 1)).to_string(),
        sessions: (0..days)
            .map(|d| SessionInput {
                starts_at: at(d, 9),
                ends_at: at(d, 16),
                topic: topics[usize::try_from(d).unwrap_or(0) % topics.len()].into(),
            })
            .collect(),
        fee_fen: None,
    }
}

/// Policies, trainers and classes: approved ones across regions and kinds,
/// one full with a waitlist, and one opening request waiting for the bureau.
async fn demo_classes(state: &AppState, admin: &Actor, now: DateTime<Utc>) -> Result<(), AppError> {
    use malanhua_shared::api::classes::{Decision, EnrolRequest, NewTrainer, PolicyRequest};
    for (region, kind, hours, size, lead, prior, licence) in DEMO_POLICIES {
        let req = PolicyRequest {
            min_hours: hours,
            max_class_size: size,
            opening_lead_days: lead,
            attendance_threshold_pct: 80,
            requires_prior_certificate: prior,
            requires_business_licence: licence,
            prior_kinds: None,
        };
        crate::classes::set_policy(state, bureau_of(admin, region)?, region.into(), kind.into(), req, now).await?;
    }
    let qingdao = actor_for(state, DEMO_LOGINS[4].mobile).await?;
    let hohhot = actor_for(state, DEMO_LOGINS[7].mobile).await?;
    let cal = state.db(crate::core::calendar::load).await?;
    let trainer = |name: &str, no: &str| NewTrainer { name: name.into(), qualification_no: no.into() };
    let t1 = crate::classes::add_trainer(state, qingdao.clone(), trainer("刘建华", "SYB-370200-0012"), now).await?.id;
    let t2 = crate::classes::add_trainer(state, qingdao.clone(), trainer("孙丽", "SYB-370200-0047"), now).await?.id;
    let t3 = crate::classes::add_trainer(state, hohhot.clone(), trainer("乌云", "SYB-150100-0003"), now).await?.id;
    let classes = [
        (&qingdao, demo_class("syb", "SYB 创办你的企业 · 第 12 期", t1.as_str(), false, 30, 10, 10, now, &cal), true),
        (
            &qingdao,
            demo_class("online_venture", "网络创业培训 · 直播电商班", t2.as_str(), true, 3, 12, 10, now, &cal),
            true,
        ),
        (&qingdao, demo_class("gyb", "GYB 产生你的企业想法 · 周末班", t1.as_str(), false, 25, 30, 4, now, &cal), true),
        (
            &hohhot,
            demo_class("syb", "SYB 创办你的企业 · 呼和浩特第 3 期", t3.as_str(), false, 30, 14, 10, now, &cal),
            true,
        ),
        (
            &qingdao,
            demo_class("syb", "SYB 创办你的企业 · 第 13 期（待审批）", t1.as_str(), false, 30, 40, 10, now, &cal),
            false,
        ),
    ];
    let mut ids = Vec::new();
    for (staff, req, approve) in classes {
        let filed = crate::classes::file_class(state, (*staff).clone(), req, now).await?;
        if approve {
            let region = filed.summary.region.clone();
            let officer = if region.as_str().starts_with("15") { DEMO_LOGINS[2].mobile } else { DEMO_LOGINS[3].mobile };
            let officer = actor_for(state, officer).await?;
            crate::classes::decide(
                state,
                officer,
                filed.summary.id.to_string(),
                Decision { approve: true, reason: None },
                now,
            )
            .await?;
        }
        ids.push(filed.summary.id);
    }
    demo_completed_class(state, &qingdao, t1.as_str(), now, &cal).await?;
    // The online class fills up and two people wait.
    for (i, name) in ["李娜", "王磊", "陈静", "杨洋", "赵强"].into_iter().enumerate() {
        let mobile = format!("1390000000{i}");
        let me = demo_register(state, &mobile, now).await?;
        let person = Actor {
            user_id: me.id,
            session_id: malanhua_shared::SessionId::from_raw(""),
            grants: vec![Grant::Trainee],
        };
        let id = resident_id_for(u32::try_from(i).unwrap_or(0));
        let profile = ProfileRequest { real_name: name.into(), resident_id: id, region: "370202".into() };
        crate::accounts::update_profile(state, person.clone(), profile, now).await?;
        crate::classes::enrol(state, person, ids[1].to_string(), EnrolRequest::default(), now).await?;
    }
    Ok(())
}

/// A valid demo resident ID (Qingdao, born 1992) for person `n`.
pub(crate) fn resident_id_for(n: u32) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let first17 = format!("3702021992{:02}{:02}{:03}", 1 + n % 9, 10 + n % 18, 100 + n);
    let sum: u32 = first17.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}

/// A class that ran two months ago, with attendance, results, completion
/// approved and certificates issued. Every step runs at its own past time.
async fn demo_completed_class(
    state: &AppState,
    staff: &Actor,
    trainer: &str,
    now: DateTime<Utc>,
    cal: &malanhua_shared::calendar::WorkCalendar,
) -> Result<(), AppError> {
    use malanhua_shared::api::certificates::{AttendanceMark, MarkInput, MarksRequest, ResultInput, ResultsRequest};
    use malanhua_shared::api::classes::{Decision, EnrolRequest};
    let filed_at = now - chrono::Duration::days(70);
    let req = demo_class("syb", "SYB 创办你的企业 · 第 11 期（已结业）", trainer, false, 30, 10, 10, filed_at, cal);
    let class = crate::classes::file_class(state, staff.clone(), req, filed_at).await?;
    let id = class.summary.id.clone();
    let officer = actor_for(state, DEMO_LOGINS[3].mobile).await?;
    crate::classes::decide(state, officer.clone(), id.to_string(), Decision { approve: true, reason: None }, filed_at)
        .await?;
    let mut people = Vec::new();
    for (i, name) in ["周敏", "吴刚", "郑洁"].into_iter().enumerate() {
        let n = u32::try_from(i + 10).unwrap_or(10);
        let me = demo_register(state, &format!("139000001{n:02}"), filed_at).await?;
        let person = Actor {
            user_id: me.id.clone(),
            session_id: malanhua_shared::SessionId::from_raw(""),
            grants: vec![Grant::Trainee],
        };
        let profile =
            ProfileRequest { real_name: name.into(), resident_id: resident_id_for(n), region: "370202".into() };
        crate::accounts::update_profile(state, person.clone(), profile, filed_at).await?;
        let group =
            [PriorityGroup::RegisteredUnemployed, PriorityGroup::RecentGraduate, PriorityGroup::RuralMigrantWorker][i];
        let declaration = NewDeclaration {
            group: Some(group),
            valid_from: Some(shanghai_date(filed_at) - chrono::Duration::days(90)),
            valid_to: None,
            evidence: format!("就业创业证 No. 3702{:08}", 20_260_000 + i),
            issued_in: Some("370202".into()),
            business_licence: None,
        };
        crate::subsidies::declare(state, person.clone(), declaration, filed_at).await?;
        crate::classes::enrol(state, person, id.to_string(), EnrolRequest::default(), filed_at).await?;
        people.push(me.id.to_string());
    }
    // The third trainee missed half the sessions.
    for (i, session) in class.sessions.iter().enumerate() {
        let marks = people
            .iter()
            .enumerate()
            .map(|(p, user)| MarkInput {
                user_id: malanhua_shared::UserId::from_raw(user.clone()),
                mark: if p == 2 && i % 2 == 1 { AttendanceMark::Absent } else { AttendanceMark::Present },
            })
            .collect();
        super::certificates::record_marks(
            state,
            staff.clone(),
            session.id.to_string(),
            MarksRequest { marks },
            session.ends_at,
        )
        .await?;
    }
    let ended = class.sessions.last().map_or(now, |s| s.ends_at) + chrono::Duration::hours(2);
    let results = people
        .iter()
        .map(|user| ResultInput {
            user_id: malanhua_shared::UserId::from_raw(user.clone()),
            plan_submitted: true,
            score: Some(85),
            passed: true,
            comment: Some("创业计划书完整可行".into()),
        })
        .collect();
    super::certificates::record_results(state, staff.clone(), id.to_string(), ResultsRequest { results }, ended)
        .await?;
    super::certificates::submit_completion(state, staff.clone(), id.to_string(), ended).await?;
    let decided = ended + chrono::Duration::days(2);
    super::certificates::decide_completion(
        state,
        officer.clone(),
        id.to_string(),
        Decision { approve: true, reason: None },
        decided,
    )
    .await?;
    // The institution files its batch; the first officer reviews one claim,
    // leaving its approval to the second officer.
    let filed = decided + chrono::Duration::days(3);
    let batch = crate::subsidies::file_batch(state, staff.clone(), id.to_string(), filed).await?;
    let declared = crate::subsidies::region_declarations(state, officer.clone(), Some("declared".into())).await?;
    for d in declared.iter().filter(|d| d.holder_name == "周敏") {
        let verify = Decision { approve: true, reason: None };
        crate::subsidies::decide_declaration(state, officer.clone(), d.id.to_string(), verify, filed).await?;
    }
    if let Some(claim) = batch.lines.iter().find_map(|l| l.claim_id.clone()) {
        let review = ClaimActionRequest { action: ClaimAction::Review, reason: None, payment_ref: None, paid_on: None };
        crate::subsidies::act(state, officer, claim.to_string(), review, filed + chrono::Duration::days(1)).await?;
    }
    match people.first() {
        Some(first) => demo_outcome(state, first, decided + chrono::Duration::days(20)).await,
        None => Ok(()),
    }
}

/// 周敏 registered a noodle shop three weeks after her certificate, with two
/// employees, and recorded it the next day.
async fn demo_outcome(state: &AppState, user: &str, opened: DateTime<Utc>) -> Result<(), AppError> {
    use malanhua_shared::api::outcomes::{OutcomeInput, OutcomeStatus};
    let holder = Actor {
        user_id: malanhua_shared::UserId::from_raw(user.to_owned()),
        session_id: malanhua_shared::SessionId::from_raw(""),
        grants: vec![Grant::Trainee],
    };
    let Some(cert) = crate::certificates::my_certificates(state, holder.clone()).await?.into_iter().next() else {
        return Ok(());
    };
    let input = OutcomeInput {
        status: Some(OutcomeStatus::Started),
        started_on: Some(shanghai_date(opened)),
        credit_code: "92370202MA7DEM0010".into(),
        industry: "H".into(),
        jobs_created: Some(2),
    };
    let at = opened + chrono::Duration::days(1);
    crate::statistics::record(state, holder, cert.number.to_string(), input, at).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_subsidy_has_a_course_policy_so_it_can_be_earned() {
        for (region, kind, ..) in DEMO_SUBSIDIES {
            let code = RegionCode::parse(region).unwrap_or_else(|e| panic!("{region}: {e:?}"));
            let chain = crate::classes::rules::region_chain(&code);
            let covered = DEMO_POLICIES.iter().any(|(r, k, ..)| *k == kind && chain.iter().any(|c| c.as_str() == *r));
            assert!(covered, "{region} {kind} has a subsidy but no course policy");
        }
    }
}
