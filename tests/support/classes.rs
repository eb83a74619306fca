//! Builders for the classes tests: an officer, an institution with a
//! trainer, a policy, a class filed and approved, trainees with profiles.

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::course::shanghai;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{PASSWORD, TestApp};

/// A valid resident ID, different for each `n` (checksum computed).
pub fn resident_id(n: u32) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let day = 1 + (n / 1000) % 28;
    let first17 = format!("370212198501{day:02}{:03}", n % 1000);
    let sum: u32 = first17.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}

/// A mobile number for test person `n`.
pub fn mobile(n: u32) -> String {
    format!("139{:08}", n)
}

/// An RFC 3339 time in Shanghai.
pub fn sh(t: DateTime<Utc>) -> String {
    t.with_timezone(&shanghai()).to_rfc3339()
}

/// The people and ids a classes test starts from.
pub struct World {
    /// Admin token.
    pub admin: String,
    /// Officer of Qingdao (370200).
    pub officer: String,
    /// Staff of an institution in Laoshan (370212).
    pub staff: String,
    /// A trainer of that institution.
    pub trainer: String,
}

impl TestApp {
    /// Admin, a Qingdao officer with an SYB policy (max 30, 14 hours, 3 days
    /// notice), and a Laoshan institution with staff and a trainer.
    pub async fn classes_world(&self) -> World {
        let admin = self.admin("13800000000").await;
        let officer = self.officer(&admin, "13800000003", "370200").await;
        self.set_policy(
            &officer,
            "370200",
            "syb",
            json!({
                "min_hours": 14, "max_class_size": 30, "opening_lead_days": 3, "attendance_threshold_pct": 80
            }),
        )
        .await;
        let r = self
            .post(
                "/api/admin/institution-accounts",
                Some(&officer),
                &json!({ "institution_name": "崂山创业学校", "region": "370212", "mobile": "13800000004",
                         "real_name": "赵敏" }),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(self.take_up("13800000004").await.status, StatusCode::OK);
        let staff = self.login("13800000004").await;
        let t = self
            .post("/api/trainers", Some(&staff), &json!({ "name": "刘老师", "qualification_no": "SYB-0001" }))
            .await;
        assert_eq!(t.status, StatusCode::CREATED, "{}", t.text);
        World { admin, officer, staff, trainer: t.body["id"].as_str().unwrap_or_default().to_owned() }
    }

    /// Sets a policy; panics unless it succeeds.
    pub async fn set_policy(&self, officer: &str, region: &str, kind: &str, body: Value) -> Value {
        let r = self.put(&format!("/api/policies/{region}/{kind}"), Some(officer), &body).await;
        assert_eq!(r.status, StatusCode::OK, "policy: {}", r.text);
        r.body
    }

    /// Files a class; returns the response.
    pub async fn file(&self, staff: &str, body: &Value) -> crate::TestResponse {
        self.post("/api/classes", Some(staff), body).await
    }

    /// Files and approves a class; returns its id.
    pub async fn open_class(&self, w: &World, body: &Value) -> String {
        let r = self.file(&w.staff, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "file: {}", r.text);
        let id = r.body["summary"]["id"].as_str().unwrap_or_default().to_owned();
        let d = self.post(&format!("/api/classes/{id}/decision"), Some(&w.officer), &json!({ "approve": true })).await;
        assert_eq!(d.status, StatusCode::OK, "approve: {}", d.text);
        id
    }

    /// Registers a trainee with a complete profile; returns the token.
    pub async fn trainee_with_profile(&self, n: u32) -> String {
        let token = self.trainee(&mobile(n)).await;
        let r = self
            .put(
                "/api/me/profile",
                Some(&token),
                &json!({ "real_name": "学员", "resident_id": resident_id(n), "region": "370212" }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "profile: {}", r.text);
        token
    }

    /// Many trainees with complete profiles, made straight in the database
    /// (one shared password hash) with sessions and tokens issued as sign-in
    /// does: for races that need hundreds of people quickly.
    pub async fn many_trainees(&self, from: u32, count: u32) -> Vec<String> {
        let hash = malanhua::accounts::passwords::hash_blocking(PASSWORD).unwrap_or_default();
        let now = self.now();
        let state = self.state();
        let mut tokens = Vec::new();
        for n in from..from + count {
            let id = uuid::Uuid::now_v7().to_string();
            let sid = uuid::Uuid::now_v7().to_string();
            let (token, expires) = state.tokens.issue(&id, &sid, now).unwrap_or_else(|e| panic!("{e}"));
            let hash = hash.clone();
            state
                .db(move |c| {
                    use diesel::prelude::*;
                    use malanhua::core::db::schema::users;
                    let user = malanhua_shared::UserId::from_raw(id.clone());
                    let phone = malanhua_shared::Mobile::parse(&mobile(n)).unwrap_or_else(|e| panic!("{e:?}"));
                    malanhua::accounts::insert_user(c, &user, &phone, hash, now)?;
                    malanhua::accounts::insert_role(c, &user, malanhua_shared::Role::Trainee, None, None, None, now)?;
                    diesel::update(users::table.find(&id))
                        .set((
                            users::real_name.eq(format!("学员{n}")),
                            users::resident_id.eq(resident_id(n)),
                            users::gender.eq("male"),
                            users::region_code.eq("370212"),
                        ))
                        .execute(c)?;
                    malanhua::accounts::sessions::insert(
                        c,
                        &malanhua::accounts::sessions::SessionRow {
                            id: malanhua_shared::SessionId::from_raw(sid),
                            user_id: user,
                            created_at: now.naive_utc(),
                            expires_at: expires.naive_utc(),
                            revoked_at: None,
                            user_agent: None,
                            ip: None,
                        },
                    )?;
                    Ok(())
                })
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            tokens.push(token);
        }
        tokens
    }
}

impl TestApp {
    /// An SYB opening request starting `days` ahead (by the server's clock)
    /// with two 7-hour days, enrolment open from an hour ago until the day before.
    pub fn syb_class(&self, trainer: &str, capacity: u32, days: i64) -> Value {
        syb_class_from(self.now(), trainer, capacity, days)
    }
}

/// [`TestApp::syb_class`] as of `now`.
pub fn syb_class_from(now: DateTime<Utc>, trainer: &str, capacity: u32, days: i64) -> Value {
    let start_day = (now + Duration::days(days)).with_timezone(&shanghai()).date_naive();
    let at = |d: i64, h: u32| {
        let date = start_day + Duration::days(d);
        sh(date
            .and_hms_opt(h, 0, 0)
            .unwrap_or_default()
            .and_local_timezone(shanghai())
            .single()
            .unwrap_or_default()
            .with_timezone(&Utc))
    };
    json!({
        "kind": "syb",
        "title": format!("SYB 创办你的企业 {start_day}"),
        "trainer_ids": [trainer],
        "mode": "offline",
        "place": "青岛市崂山区海尔路 1 号",
        "capacity": capacity,
        "enrol_opens_at": sh(now - Duration::hours(1)),
        "enrol_closes_at": at(-1, 18),
        "starts_on": start_day.to_string(),
        "ends_on": (start_day + Duration::days(1)).to_string(),
        "sessions": [
            { "starts_at": at(0, 9), "ends_at": at(0, 16), "topic": "创业意识与企业构思" },
            { "starts_at": at(1, 9), "ends_at": at(1, 16), "topic": "市场评估与企业计划" },
        ],
    })
}

impl TestApp {
    /// The start and end of each of a class's sessions, in order.
    pub async fn session_times(&self, class: &str) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let page = self.get(&format!("/api/classes/{class}"), None).await;
        let at =
            |v: &Value| v.as_str().and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.with_timezone(&Utc));
        page.body["sessions"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| Some((at(&s["starts_at"])?, at(&s["ends_at"])?))).collect())
            .unwrap_or_default()
    }

    /// Moves the clock to `minutes` after session `i` of a class began.
    pub async fn into_session(&self, class: &str, i: usize, minutes: i64) {
        let times = self.session_times(class).await;
        let (start, _) = times.get(i).copied().unwrap_or_else(|| panic!("class {class} has no session {i}"));
        self.travel_to(start + Duration::minutes(minutes));
    }

    /// Moves the clock to `minutes` after session `i` of a class ended.
    pub async fn after_session(&self, class: &str, i: usize, minutes: i64) {
        let times = self.session_times(class).await;
        let (_, end) = times.get(i).copied().unwrap_or_else(|| panic!("class {class} has no session {i}"));
        self.travel_to(end + Duration::minutes(minutes));
    }

    /// The ids of a class's sessions, in order.
    pub async fn session_ids(&self, class: &str) -> Vec<String> {
        let page = self.get(&format!("/api/classes/{class}"), None).await;
        page.body["sessions"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s["id"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }
}
