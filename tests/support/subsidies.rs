//! Builders for the subsidy tests: a Qingdao SYB subsidy policy, a class
//! run to completion in the past with certificates issued, a second officer,
//! keyed requests and time travel for public notice.

use chrono::{Duration, Utc};
use malanhua_shared::course::shanghai;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::classes::World;
use crate::{TestApp, TestResponse, read};

/// What a subsidy test starts from.
pub struct SubsidyWorld {
    /// Officer A, staff and trainer of Qingdao.
    pub w: World,
    /// Officer B of Qingdao (approves what A reviewed).
    pub officer_b: String,
    /// The completed class.
    pub class: String,
    /// Trainees: token, user id, certificate number.
    pub trainees: Vec<(String, String, String)>,
}

/// How the world is set up.
pub struct Setup {
    /// Number of trainees (all certified).
    pub trainees: u32,
    /// `institution` or `trainee`.
    pub payee: &'static str,
    /// Which trainees (by index) declare a registered-unemployed group.
    pub grouped: fn(usize) -> bool,
    /// First trainee number (distinct mobiles and IDs across worlds).
    pub first: u32,
    /// The bureau approves the completion (issuing certificates); when
    /// false the completion waits for the bureau's decision.
    pub approve_completion: bool,
    /// Changes the class's opening request before it is filed.
    pub adjust_class: fn(&mut Value),
}

impl Default for Setup {
    fn default() -> Self {
        Self {
            trainees: 1,
            payee: "trainee",
            grouped: |_| true,
            first: 1,
            approve_completion: true,
            adjust_class: |_| {},
        }
    }
}

impl TestApp {
    /// Sends a request with an `Idempotency-Key`.
    pub async fn keyed(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        key: &str,
    ) -> TestResponse {
        let mut req = self.client.request(method, format!("{}{path}", self.base)).header("idempotency-key", key);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        read(req.send().await.unwrap_or_else(|e| panic!("request {path}: {e}"))).await
    }

    /// A stage action on a claim.
    pub async fn act(&self, token: &str, claim: &str, body: Value) -> TestResponse {
        self.post(&format!("/api/claims/{claim}/actions"), Some(token), &body).await
    }

    /// Sets the Qingdao SYB subsidy policy (1000 yuan, 12 months, 3 days).
    pub async fn subsidy_policy(&self, officer: &str, payee: &str) -> Value {
        let body = json!({
            "effective_from": "2020-01-01", "amount_fen": 100_000, "payee": payee,
            "eligible_groups": ["registered_unemployed", "recent_graduate"],
            "claim_window_months": 12, "notice_days": 3
        });
        let r = self.put("/api/subsidy-policies/370200/syb", Some(officer), &body).await;
        assert_eq!(r.status, StatusCode::OK, "subsidy policy: {}", r.text);
        r.body
    }

    /// A Qingdao world with a subsidy policy and a class whose completion
    /// was approved, so certificates (and draft claims) exist.
    pub async fn subsidy_world(&self, setup: Setup) -> SubsidyWorld {
        let w = self.classes_world().await;
        let officer_b = self.officer(&w.admin, "13800000009", "370200").await;
        self.subsidy_policy(&w.officer, setup.payee).await;
        let mut body = self.syb_class(&w.trainer, 30, 10);
        (setup.adjust_class)(&mut body);
        let class = self.open_class(&w, &body).await;
        let mut people = Vec::new();
        for i in 0..setup.trainees {
            let n = setup.first + i;
            let token = self.trainee_with_profile(n).await;
            if (setup.grouped)(usize::try_from(i).unwrap_or(0)) {
                let d = json!({ "group": "registered_unemployed", "valid_from": "2020-01-01", "evidence": format!("失业登记证 {n}") });
                let r = self.post("/api/me/priority-groups", Some(&token), &d).await;
                assert_eq!(r.status, StatusCode::CREATED, "declare: {}", r.text);
            }
            let r = self.post(&format!("/api/classes/{class}/enrol"), Some(&token), &json!({})).await;
            assert_eq!(r.status, StatusCode::CREATED, "enrol: {}", r.text);
            let me = self.get("/api/me", Some(&token)).await;
            people.push((token, me.body["id"].as_str().unwrap_or_default().to_owned()));
        }
        self.complete_in_the_past(&w, &class, &people).await;
        if setup.approve_completion {
            let path = format!("/api/classes/{class}/completion/decision");
            let r = self.post(&path, Some(&w.officer), &json!({ "approve": true })).await;
            assert_eq!(r.status, StatusCode::OK, "decision: {}", r.text);
        }
        let mut trainees = Vec::new();
        for (token, id) in people {
            let certs = self.get("/api/me/certificates", Some(&token)).await;
            let number = certs.body[0]["number"].as_str().unwrap_or_default().to_owned();
            assert!(number.is_empty() != setup.approve_completion, "certificates: {}", certs.text);
            trainees.push((token, id, number));
        }
        SubsidyWorld { w, officer_b, class, trainees }
    }

    /// The class takes place (the clock moves to a day after it ended),
    /// everyone present and passed; staff submit completion.
    async fn complete_in_the_past(&self, w: &World, class: &str, people: &[(String, String)]) {
        self.after_session(class, 1, 24 * 60).await;
        let marks: Vec<Value> = people.iter().map(|p| json!({ "user_id": p.1, "mark": "present" })).collect();
        for s in self.session_ids(class).await {
            let r =
                self.put(&format!("/api/sessions/{s}/attendance"), Some(&w.staff), &json!({ "marks": marks })).await;
            assert_eq!(r.status, StatusCode::OK, "marks: {}", r.text);
        }
        let results: Vec<Value> = people
            .iter()
            .map(|p| json!({ "user_id": p.1, "plan_submitted": true, "score": 80, "passed": true }))
            .collect();
        let r = self
            .put(&format!("/api/classes/{class}/assessments"), Some(&w.staff), &json!({ "results": results }))
            .await;
        assert_eq!(r.status, StatusCode::OK, "results: {}", r.text);
        let r = self.post(&format!("/api/classes/{class}/completion"), Some(&w.staff), &json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "completion: {}", r.text);
    }

    /// The claim of a trainee's certificate (the first in their list).
    pub async fn claim_of(&self, token: &str) -> Value {
        let r = self.get("/api/me/claims", Some(token)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        r.body[0].clone()
    }

    /// An officer verifies every declared priority group of the region.
    pub async fn verify_groups(&self, officer: &str) {
        let list = self.get("/api/bureau/priority-groups?status=declared", Some(officer)).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.text);
        for d in list.body.as_array().into_iter().flatten() {
            let id = d["id"].as_str().unwrap_or_default();
            let r = self
                .post(&format!("/api/priority-groups/{id}/decision"), Some(officer), &json!({ "approve": true }))
                .await;
            assert_eq!(r.status, StatusCode::OK, "verify: {}", r.text);
        }
    }

    /// Moves the clock to the day after a claim's public notice ends.
    pub async fn end_notice(&self, claim: &str) {
        let list = self.get("/api/notices", None).await;
        let ends = list.body.as_array().into_iter().flatten().find(|n| n["claim_id"] == claim).and_then(|n| {
            n["notice_ends_on"].as_str().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        });
        let ends = ends.unwrap_or_else(|| panic!("claim {claim} is not on public notice: {}", list.text));
        let next_day = ends + Duration::days(1);
        let at = next_day.and_hms_opt(9, 0, 0).unwrap_or_default().and_local_timezone(shanghai()).single();
        self.travel_to(at.unwrap_or_else(|| panic!("no 09:00 on {next_day}")).with_timezone(&Utc));
    }

    /// Audit rows written about a claim.
    pub async fn claim_audit(&self, claim: &str) -> Vec<String> {
        let id = claim.to_owned();
        self.state()
            .db(move |c| {
                Ok(malanhua::core::audit::store::for_entity(c, "claim", &id)?
                    .into_iter()
                    .map(|r| r.action.as_str().to_owned())
                    .collect())
            })
            .await
            .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"))
    }

    /// Payments recorded for a claim.
    pub async fn payments(&self, claim: &str) -> usize {
        let id = malanhua_shared::ClaimId::from_raw(claim);
        self.state()
            .db(move |c| Ok(malanhua::subsidies::store::payments_of(c, &[id])?.len()))
            .await
            .unwrap_or_else(|e: malanhua::core::error::AppError| panic!("{e}"))
    }
}
