//! Builders for the studio and service-fee tests: three Qingdao officers
//! (one reviews, another approves, a third pays), a studio policy, a leader
//! and members admitted to the library, and services given, recorded and
//! confirmed by the people served.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use malanhua_shared::course::shanghai;

use crate::mentors::{friday, mornings};
use crate::{TestApp, TestResponse};

/// What a studio test starts from.
pub struct StudioWorld {
    /// The mobiles of the admin and officers A, B and C (to sign in again).
    pub mobiles: [&'static str; 4],
    /// The administrator.
    pub admin: String,
    /// Officer A (reviews and publishes).
    pub officer_a: String,
    /// Officer B (approves).
    pub officer_b: String,
    /// Officer C (pays).
    pub officer_c: String,
    /// The leader's token and mentor id.
    pub leader: (String, String),
    /// The members' tokens and mentor ids.
    pub members: Vec<(String, String)>,
    /// The leader's service records, confirmed by the people served.
    pub records: Vec<String>,
}

/// The Qingdao studio policy: 100,000 yuan once, two members, three services.
pub fn studio_policy() -> Value {
    json!({
        "effective_from": "2026-01-01", "grant_fen": 10_000_000, "min_members": 2, "min_services": 3,
        "cycle_years": 3, "report_months": 3, "pass_mark": 60, "rectification_days": 90, "ban_years": 3,
        "notice_days": 5
    })
}

/// A service-fee policy from 2026: bands 30 min 100 yuan, 60 min 200 yuan;
/// transport 50 yuan; cap 450 yuan.
pub fn fee_policy() -> Value {
    json!({
        "effective_from": "2026-01-01",
        "one_to_one": [{ "min_minutes": 30, "fee_fen": 10_000 }, { "min_minutes": 60, "fee_fen": 20_000 }],
        "group": [{ "min_minutes": 60, "fee_fen": 50_000 }],
        "transport_fen": 5_000, "yearly_cap_fen": 45_000, "notice_days": 5
    })
}

/// A record body of `minutes`.
pub fn record_body(minutes: u32, offline: bool) -> Value {
    json!({ "discussed": "门店选址与租金预算的取舍", "advice": "先做三天人流测算", "follow_up": "两周后复盘",
            "minutes": minutes, "offline": offline })
}

/// 09:00 Shanghai on the `n`-th weekday (from 0) after the day of `from`.
pub fn weekday_9(from: DateTime<Utc>, n: usize) -> DateTime<Utc> {
    use chrono::Datelike;
    let mut day = from.with_timezone(&shanghai()).date_naive();
    let mut left = n + 1;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if day.weekday().num_days_from_monday() < 5 {
            left -= 1;
        }
    }
    let at = day.and_hms_opt(9, 0, 0).unwrap_or_default().and_local_timezone(shanghai()).single();
    at.unwrap_or_default().with_timezone(&Utc)
}

impl TestApp {
    /// Admits a mentor of Qingdao with weekday mornings open; returns (token, id).
    pub async fn admitted_mentor(&self, officer: &str, n: u32) -> (String, String) {
        let (token, id) = self.mentor_applies(n, "370212").await;
        let r = self.mentor_decision(officer, &id, json!({ "action": "admit" })).await;
        assert_eq!(r.status, StatusCode::OK, "admit: {}", r.text);
        let r = self.put("/api/me/mentor/availability", Some(&token), &mornings()).await;
        assert_eq!(r.status, StatusCode::OK, "availability: {}", r.text);
        (token, id)
    }

    /// A person books the mentor at `at`, the mentor confirms; returns the appointment id.
    pub async fn confirmed_appointment(&self, mentor: &(String, String), person: &str, at: DateTime<Utc>) -> String {
        let r = self.book(person, &mentor.1, &at.to_rfc3339()).await;
        assert_eq!(r.status, StatusCode::CREATED, "book: {}", r.text);
        let id = r.body["id"].as_str().unwrap_or_default().to_owned();
        let r = self.post(&format!("/api/appointments/{id}/confirm"), Some(&mentor.0), &json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "confirm: {}", r.text);
        id
    }

    /// The mentor records a begun appointment; returns the record id.
    pub async fn record_appointment(&self, mentor: &str, id: &str, minutes: u32, offline: bool) -> String {
        let r =
            self.post(&format!("/api/appointments/{id}/record"), Some(mentor), &record_body(minutes, offline)).await;
        assert_eq!(r.status, StatusCode::OK, "record: {}", r.text);
        r.body["record"]["id"].as_str().unwrap_or_default().to_owned()
    }

    /// The person confirms the service and rates it.
    pub async fn confirm_service(&self, person: &str, appointment: &str) {
        let r =
            self.post(&format!("/api/appointments/{appointment}/rate"), Some(person), &json!({ "rating": 5 })).await;
        assert_eq!(r.status, StatusCode::OK, "rate: {}", r.text);
    }

    /// A service of the mentor for each person on the next weekdays, each
    /// given, recorded and (when `confirm`) confirmed; the clock ends an
    /// hour after the last began. Returns (record, appointment) ids.
    pub async fn services(&self, mentor: &(String, String), people: &[String], confirm: bool) -> Vec<(String, String)> {
        let now = self.now();
        let mut booked = Vec::new();
        for (i, person) in people.iter().enumerate() {
            let at = weekday_9(now, i);
            booked.push((self.confirmed_appointment(mentor, person, at).await, at));
        }
        let last = booked.last().map_or(self.now(), |b| b.1);
        self.travel_to(last + Duration::hours(1));
        let mut out = Vec::new();
        for (i, (appointment, _)) in booked.iter().enumerate() {
            let record = self.record_appointment(&mentor.0, appointment, 60, true).await;
            if confirm {
                self.confirm_service(&people[i], appointment).await;
            }
            out.push((record, appointment.clone()));
        }
        out
    }

    /// A Qingdao studio world from [`friday`]: three officers, a studio
    /// policy, a leader and `members` members, three services of the leader confirmed.
    pub async fn studio_world(&self, members: u32) -> StudioWorld {
        self.travel_to(friday());
        let mobiles = ["13800000001", "13800000002", "13800000003", "13800000004"];
        let admin = self.admin(mobiles[0]).await;
        let officer_a = self.officer(&admin, mobiles[1], "370200").await;
        let officer_b = self.officer(&admin, mobiles[2], "370200").await;
        let officer_c = self.officer(&admin, mobiles[3], "370200").await;
        self.studio_world_of(mobiles, [admin, officer_a, officer_b, officer_c], members).await
    }

    /// The studio world with these accounts (admin, officers A, B, C of Qingdao).
    pub async fn studio_world_of(
        &self,
        mobiles: [&'static str; 4],
        [admin, officer_a, officer_b, officer_c]: [String; 4],
        members: u32,
    ) -> StudioWorld {
        let r = self.put("/api/studio-policies/370200", Some(&officer_a), &studio_policy()).await;
        assert_eq!(r.status, StatusCode::OK, "studio policy: {}", r.text);
        let leader = self.admitted_mentor(&officer_a, 900).await;
        let mut list = Vec::new();
        for i in 0..members {
            list.push(self.admitted_mentor(&officer_a, 901 + i).await);
        }
        let mut people = Vec::new();
        for n in 0..3 {
            people.push(self.trainee_with_profile(700 + n).await);
        }
        let records = self.services(&leader, &people, true).await.into_iter().map(|(r, _)| r).collect();
        let mut w = StudioWorld { mobiles, admin, officer_a, officer_b, officer_c, leader, members: list, records };
        self.refresh(&mut w).await;
        w
    }

    /// Signs everyone of the world in again (after travelling in time).
    pub async fn refresh(&self, w: &mut StudioWorld) {
        w.admin = self.login(w.mobiles[0]).await;
        w.officer_a = self.login(w.mobiles[1]).await;
        w.officer_b = self.login(w.mobiles[2]).await;
        w.officer_c = self.login(w.mobiles[3]).await;
        w.leader.0 = self.login(&crate::classes::mobile(900)).await;
        for (i, m) in w.members.iter_mut().enumerate() {
            m.0 = self.login(&crate::classes::mobile(901 + u32::try_from(i).unwrap_or(0))).await;
        }
    }

    /// The leader applies with the world's members and records.
    pub async fn apply_studio(&self, w: &StudioWorld, name: &str) -> TestResponse {
        let members: Vec<&str> = w.members.iter().map(|m| m.1.as_str()).collect();
        self.apply_studio_with(&w.leader.0, name, &members, &w.records).await
    }

    /// A mentor applies with these members and records.
    pub async fn apply_studio_with(
        &self,
        token: &str,
        name: &str,
        members: &[&str],
        records: &[String],
    ) -> TestResponse {
        let body = json!({
            "name": name, "specialities": ["marketing", "finance_tax"],
            "plan": "每季度举办两次集中服务，每月开展一对一辅导，三年内孵化二十家小微企业。",
            "member_ids": members, "record_ids": records, "documents": ["场地使用证明", "工作室章程"]
        });
        self.post("/api/studios", Some(token), &body).await
    }

    /// Review by A, approval by B, publication by A, the notice's end, payment by C.
    pub async fn through_the_stages(&self, w: &mut StudioWorld, claim: &str) -> TestResponse {
        for (token, action) in [(&w.officer_a, "review"), (&w.officer_b, "approve"), (&w.officer_a, "publish")] {
            let r = self.act(token, claim, json!({ "action": action })).await;
            assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.text);
        }
        self.end_notice(claim).await;
        self.refresh(w).await;
        self.act(&w.officer_c, claim, json!({ "action": "pay", "payment_ref": "CZ-2026-001" })).await
    }
}
