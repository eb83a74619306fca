//! The first administrator (`create-admin`) and the demo data (`seed-demo`).

use chrono::{DateTime, Utc};
use malanhua_shared::api::{Credentials, NewBureauAccount, NewInstitutionAccount, ProfileRequest, check_real_name};
use malanhua_shared::{Mobile, Password, Role};

use super::accounts::{insert_role, insert_user};
use super::audit::{self, Entry};
use super::passwords;
use crate::app::AppState;
use crate::db::{self, new_id, write_tx};
use crate::domain::authorization::{Actor, Grant};
use crate::error::AppError;

/// Creates an administrator, or makes an existing account one.
pub async fn create_admin(
    state: &AppState,
    mobile: &str,
    password: &str,
    real_name: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let mobile = Mobile::parse(mobile)
        .map_err(|e| AppError::field("mobile", malanhua_shared::api::mobile_field_code(e)))?;
    let real_name = check_real_name(real_name).map_err(|c| AppError::field("real_name", c))?;
    let password = Password::parse(password, Some(mobile.as_str())).map_err(|c| AppError::field("password", c))?;
    let hash = passwords::hash(state, password.expose().to_owned()).await?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let id = match db::users::find_by_mobile(c, mobile.as_str())? {
                    Some(u) => u.id,
                    None => {
                        let id = new_id();
                        insert_user(c, &id, mobile.as_str(), hash, now)?;
                        id
                    }
                };
                {
                    use diesel::prelude::*;

                    use crate::db::schema::users;
                    diesel::update(users::table.find(&id).filter(users::real_name.is_null()))
                        .set(users::real_name.eq(&real_name))
                        .execute(c)?;
                }
                insert_role(c, &id, Role::Admin, None, None, None, now)?;
                audit::record(
                    c,
                    Entry {
                        actor: None,
                        action: "account.grant_admin",
                        entity_type: "user",
                        entity_id: &id,
                        summary: format!("{real_name} ({}) made administrator from the command line", mobile.masked()),
                        reason: None,
                    },
                    now,
                )?;
                Ok(id)
            })
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
pub const DEMO_LOGINS: [DemoLogin; 7] = [
    DemoLogin { label: "administrator / 系统管理员", mobile: "13800000000" },
    DemoLogin { label: "bureau officer, Beijing / 北京市人社局", mobile: "13800000001" },
    DemoLogin { label: "bureau officer, Hohhot / 呼和浩特市人社局", mobile: "13800000002" },
    DemoLogin { label: "bureau officer, Qingdao / 青岛市人社局", mobile: "13800000003" },
    DemoLogin { label: "institution staff, Qingdao / 青岛培训机构", mobile: "13800000004" },
    DemoLogin { label: "trainee, profile complete / 学员", mobile: "13800000005" },
    DemoLogin { label: "new trainee, no profile yet / 新学员", mobile: "13800000006" },
];

const SEEDED_KEY: &str = "demo_seeded_at";

/// Loads the demo data once; returns false when it was already there.
pub async fn seed_demo(state: &AppState, now: DateTime<Utc>) -> Result<bool, AppError> {
    if state.db(|c| Ok(db::audit::meta(c, SEEDED_KEY)?)).await?.is_some() {
        return Ok(false);
    }
    let admin_id = create_admin(state, DEMO_LOGINS[0].mobile, DEMO_PASSWORD, "马管理", now).await?;
    let admin = Actor { user_id: malanhua_shared::UserId::from_raw(admin_id), session_id: String::new(), grants: vec![Grant::Admin] };
    let officers = [(1, "王芳", "110000"), (2, "其其格", "150100"), (3, "李强", "370200")];
    for (i, name, region) in officers {
        let req = NewBureauAccount {
            mobile: DEMO_LOGINS[i].mobile.into(),
            password: Some(DEMO_PASSWORD.into()),
            real_name: name.into(),
            region: region.into(),
        };
        super::admin::create_bureau_account(state, admin.clone(), req, now).await?;
    }
    let staff = NewInstitutionAccount {
        institution_name: "青岛市马兰花创业培训学校".into(),
        region: "370202".into(),
        mobile: DEMO_LOGINS[4].mobile.into(),
        password: Some(DEMO_PASSWORD.into()),
        real_name: "赵敏".into(),
    };
    super::admin::create_institution_account(state, admin.clone(), staff, now).await?;
    for i in [5, 6] {
        let creds = Credentials { mobile: DEMO_LOGINS[i].mobile.into(), password: DEMO_PASSWORD.into() };
        super::accounts::register(state, creds, now).await?;
    }
    let trainee = state
        .db(|c| db::users::find_by_mobile(c, DEMO_LOGINS[5].mobile)?.ok_or_else(|| AppError::not_found("demo trainee")))
        .await?;
    let trainee_actor = Actor {
        user_id: malanhua_shared::UserId::from_raw(trainee.id),
        session_id: String::new(),
        grants: vec![Grant::Trainee],
    };
    let profile = ProfileRequest { real_name: "张三".into(), resident_id: "370212199003151236".into(), region: "370212".into() };
    super::accounts::update_profile(state, trainee_actor, profile, now).await?;
    state.db(move |c| Ok(db::audit::insert_meta(c, SEEDED_KEY, &now.to_rfc3339())?)).await?;
    Ok(true)
}
