//! Builders for the mentor-library tests: a Qingdao officer, a mentor
//! applied and admitted with weekday mornings open, people to book.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::TestApp;

/// A mentor's world: the officer, the mentor's token and id.
pub struct MentorWorld {
    /// The Qingdao officer.
    pub officer: String,
    /// The mentor.
    pub mentor: String,
    /// Their mentor id.
    pub id: String,
}

/// An application body for a region.
pub fn application(region: &str, name: &str) -> Value {
    json!({
        "region_code": region,
        "real_name": name,
        "title": "高级经济师",
        "employer": "青岛市创业服务中心",
        "years_experience": 12,
        "expertise": ["marketing", "finance_tax"],
        "tags": ["小微企业"],
        "industries": ["餐饮", "零售"],
        "service_mode": "both",
        "languages": ["普通话"],
        "bio": "从事创业指导十二年，服务过三百多家小微企业，擅长开店选址与财税规划。",
        "evidence": "创业指导师 CY2020-0001"
    })
}

/// Weekday mornings 07:00-12:00 Shanghai, hour-long slots, two hours' notice, 30 days ahead.
pub fn mornings() -> Value {
    let weekly: Vec<Value> = (1..=5).map(|d| json!({ "weekday": d, "start": "07:00", "end": "12:00" })).collect();
    json!({ "slot_minutes": 60, "min_notice_hours": 2, "horizon_days": 30, "weekly": weekly })
}

/// Friday 4 December 2026, 10:00 in Shanghai: the tests' "now".
pub fn friday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-04T10:00:00+08:00").map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

impl TestApp {
    /// A mentor applies in `region`; returns (token, mentor id).
    pub async fn mentor_applies(&self, n: u32, region: &str) -> (String, String) {
        let token = self.trainee(&crate::classes::mobile(n)).await;
        let r = self.post("/api/mentors/apply", Some(&token), &application(region, "王海燕")).await;
        assert_eq!(r.status, StatusCode::CREATED, "apply: {}", r.text);
        (token, r.body["card"]["id"].as_str().unwrap_or_default().to_owned())
    }

    /// An officer decides on a mentor.
    pub async fn mentor_decision(&self, officer: &str, id: &str, body: Value) -> crate::TestResponse {
        self.post(&format!("/api/mentors/{id}/decision"), Some(officer), &body).await
    }

    /// The clock at [`friday`], a Qingdao officer, and an admitted mentor with mornings open.
    pub async fn mentor_world(&self) -> MentorWorld {
        self.travel_to(friday());
        let admin = self.admin("13800000001").await;
        let officer = self.officer(&admin, "13800000002", "370200").await;
        let (mentor, id) = self.mentor_applies(900, "370212").await;
        let r = self.mentor_decision(&officer, &id, json!({ "action": "admit" })).await;
        assert_eq!(r.status, StatusCode::OK, "admit: {}", r.text);
        let r = self.put("/api/me/mentor/availability", Some(&mentor), &mornings()).await;
        assert_eq!(r.status, StatusCode::OK, "availability: {}", r.text);
        MentorWorld { officer, mentor, id }
    }

    /// Books a slot (RFC 3339) of the mentor.
    pub async fn book(&self, token: &str, mentor: &str, starts_at: &str) -> crate::TestResponse {
        let body =
            json!({ "starts_at": starts_at, "topic": "开店选址", "business": "准备在社区开一家早餐店，想了解选址。" });
        self.post(&format!("/api/mentors/{mentor}/appointments"), Some(token), &body).await
    }
}
