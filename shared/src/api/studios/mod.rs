//! Mentor studios (创业指导师工作室): the region's policy, the application
//! with its members and evidence, recognition through the claim pipeline
//! (the grant is a claim of kind `studio_grant`), periodic reports, the
//! yearly evaluation, rectification and revocation.
//!
//! Endpoints (all under `/api`):
//! - `GET studio-policies/{region}` (public), `PUT studio-policies/{region}` (officer, [`StudioPolicyInput`])
//! - `GET studios?region=&q=` (public directory), `GET studios/{id}` ([`StudioDetail`];
//!   the public sees a recognised studio, the leader, members and officers everything)
//! - `GET me/studio` ([`MyStudio`]: the mentor's studio, the policy, colleagues and citable records)
//! - `POST studios` (a mentor applies as leader, [`StudioApplication`])
//! - `POST studios/{id}/reports` ([`StudioReportInput`], the leader)
//! - `GET bureau/studios` (officer worklist, [`StudioWork`])
//! - `POST studios/{id}/evaluations` ([`EvaluationInput`]), `POST studios/{id}/revoke` ([`RevocationInput`])

mod fees;
mod policy;

pub use fees::*;
pub use policy::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::mentors::{Expertise, check_text};
use super::subsidies::{ClaimStatus, IneligibleReason};
use crate::error::{FieldCode, FieldErrors};
use crate::ids::{ClaimId, MentorId, ServiceRecordId, StudioId, StudioPolicyId, StudioReportId};
use crate::money::Fen;
use crate::region::RegionCode;

named_enum!(
    /// Where a studio stands.
    StudioStatus {
        /// 申报中: applied; its grant claim goes through review, approval and notice.
        Applied = "applied",
        /// 已认定: recognised for the policy's cycle, listed in the directory.
        Recognised = "recognised",
        /// 限期整改: failed an evaluation; must pass again by a deadline.
        Rectification = "rectification",
        /// 已撤销: revoked, with a reason, a clawback and a ban.
        Revoked = "revoked",
        /// 未获认定: its grant claim was rejected (or an objection upheld).
        Refused = "refused",
    }
);

named_enum!(
    /// What the yearly evaluation decided.
    EvaluationOutcome {
        /// 合格: at or above the pass mark.
        Passed = "passed",
        /// 整改: below the pass mark the first time; a deadline is set.
        Rectification = "rectification",
        /// 撤销: below the pass mark again.
        Revoked = "revoked",
    }
);

/// A studio member as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioMember {
    /// The mentor.
    pub mentor_id: MentorId,
    /// Their name.
    pub name: String,
    /// Their title (职称).
    pub title: String,
    /// True for the leader (领办人).
    pub leader: bool,
}

/// A studio as the directory lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioCard {
    /// Its id.
    pub id: StudioId,
    /// Its name.
    pub name: String,
    /// Where it is recognised.
    pub region_code: RegionCode,
    /// That region's name.
    pub region_name: String,
    /// Specialities.
    pub specialities: Vec<Expertise>,
    /// Where it stands.
    pub status: StudioStatus,
    /// The leader and members.
    pub members: Vec<StudioMember>,
    /// Recognised on.
    pub recognised_on: Option<NaiveDate>,
    /// The recognition lasts until.
    pub cycle_ends_on: Option<NaiveDate>,
}

/// A service record cited as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitableRecord {
    /// The record.
    pub id: ServiceRecordId,
    /// Whose service it was.
    pub mentor_id: MentorId,
    /// Their name.
    pub mentor_name: String,
    /// When the service began.
    pub starts_at: DateTime<Utc>,
    /// Its length.
    pub minutes: u32,
    /// A group session (集中服务) rather than one-to-one.
    pub group: bool,
}

/// A studio's periodic report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioReport {
    /// Its id.
    pub id: StudioReportId,
    /// The first day of the period it covers.
    pub period_start: NaiveDate,
    /// What the studio did.
    pub activities: String,
    /// Services given in the period.
    pub services: u32,
    /// Grant spent in the period.
    pub spent_fen: Fen,
    /// When it was submitted.
    pub submitted_at: DateTime<Utc>,
}

/// One yearly evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioEvaluation {
    /// The year evaluated.
    pub year: i32,
    /// Score, 0 to 100.
    pub score: u32,
    /// What it decided.
    pub outcome: EvaluationOutcome,
    /// The officer's comment.
    pub comment: String,
    /// When.
    pub evaluated_at: DateTime<Utc>,
}

/// `GET /api/studios/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioDetail {
    /// The card.
    pub studio: StudioCard,
    /// The plan for the cycle.
    pub plan: String,
    /// Documents named by title.
    pub documents: Vec<String>,
    /// The policy version applied under.
    pub policy_id: StudioPolicyId,
    /// The grant claim (only for the leader, members and officers).
    pub claim_id: Option<ClaimId>,
    /// Its stage.
    pub claim_status: Option<ClaimStatus>,
    /// The grant amount.
    pub grant_fen: Fen,
    /// Cited service records (only for the leader, members and officers).
    pub evidence: Vec<CitableRecord>,
    /// Reports, newest first.
    pub reports: Vec<StudioReport>,
    /// The period starts for which a report is due and missing.
    pub reports_missing: Vec<NaiveDate>,
    /// Evaluations, newest first.
    pub evaluations: Vec<StudioEvaluation>,
    /// The deadline of a rectification.
    pub rectify_by: Option<NaiveDate>,
    /// Why it was revoked.
    pub revoke_reason: Option<String>,
    /// The amount to recover, when revoked.
    pub clawback_fen: Option<Fen>,
    /// The leader may not apply again until.
    pub banned_until: Option<NaiveDate>,
    /// The signed-in person leads it.
    pub is_leader: bool,
}

/// `GET /api/me/studio`: what a mentor needs to apply or to run the studio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyStudio {
    /// The mentor's own id.
    pub mentor_id: MentorId,
    /// The latest studio the mentor leads or belongs to.
    pub studio: Option<StudioDetail>,
    /// The region's policy in force today.
    pub policy: Option<StudioPolicy>,
    /// Other active mentors of the region who could be members.
    pub colleagues: Vec<StudioMember>,
    /// Service records of the mentor and the colleagues that may be cited.
    pub citable: Vec<CitableRecord>,
    /// The rules a new application would fail today, leader-side only
    /// (members and evidence are checked when submitted).
    pub blockers: Vec<IneligibleReason>,
}

/// `POST /api/studios`: a mentor applies as leader.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioApplication {
    /// The studio's name, 4 to 60 characters.
    #[serde(default)]
    pub name: String,
    /// 1 to 5 specialities.
    #[serde(default)]
    pub specialities: Vec<Expertise>,
    /// The plan for the cycle, 20 to 4000 characters.
    #[serde(default)]
    pub plan: String,
    /// The other members (the leader is implied).
    #[serde(default)]
    pub member_ids: Vec<MentorId>,
    /// Service records cited as evidence.
    #[serde(default)]
    pub record_ids: Vec<ServiceRecordId>,
    /// Documents by title (营业执照, 场地证明 ...), up to 20.
    #[serde(default)]
    pub documents: Vec<String>,
}

/// A checked application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedApplication {
    /// Name.
    pub name: String,
    /// Specialities without repeats.
    pub specialities: Vec<Expertise>,
    /// Plan.
    pub plan: String,
    /// Members without repeats.
    pub member_ids: Vec<MentorId>,
    /// Records without repeats.
    pub record_ids: Vec<ServiceRecordId>,
    /// Document titles.
    pub documents: Vec<String>,
}

fn dedup<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

impl StudioApplication {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<CheckedApplication, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = check_text(&self.name, 4, 60).map_err(|c| e.insert("name".into(), c)).ok();
        let plan = check_text(&self.plan, 20, 4000).map_err(|c| e.insert("plan".into(), c)).ok();
        let specialities = dedup(&self.specialities);
        match specialities.len() {
            0 => {
                e.insert("specialities".into(), FieldCode::Required);
            }
            n if n > 5 => {
                e.insert("specialities".into(), FieldCode::TooLong);
            }
            _ => {}
        }
        let member_ids = dedup(&self.member_ids);
        if member_ids.len() > 50 {
            e.insert("member_ids".into(), FieldCode::TooLong);
        }
        let record_ids = dedup(&self.record_ids);
        if record_ids.len() > 500 {
            e.insert("record_ids".into(), FieldCode::TooLong);
        }
        let mut documents = Vec::new();
        for d in &self.documents {
            match check_text(d, 0, 100) {
                Ok(t) if t.is_empty() || documents.contains(&t) => {}
                Ok(t) if t.contains('\n') => {
                    e.insert("documents".into(), FieldCode::InvalidFormat);
                }
                Ok(t) => documents.push(t),
                Err(c) => {
                    e.insert("documents".into(), c);
                }
            }
        }
        if documents.len() > 20 {
            e.insert("documents".into(), FieldCode::TooLong);
        }
        match (name, plan) {
            (Some(name), Some(plan)) if e.is_empty() => {
                Ok(CheckedApplication { name, specialities, plan, member_ids, record_ids, documents })
            }
            _ => Err(e),
        }
    }
}

/// `POST /api/studios/{id}/reports`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioReportInput {
    /// The first day of the period reported on (a period the policy's
    /// frequency starts, from recognition).
    pub period_start: Option<NaiveDate>,
    /// What the studio did, 10 to 4000 characters.
    #[serde(default)]
    pub activities: String,
    /// Services given in the period.
    pub services: Option<u32>,
    /// Grant spent in the period, fen.
    pub spent_fen: Option<i64>,
}

/// A checked report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReport {
    /// Period start.
    pub period_start: NaiveDate,
    /// Activities.
    pub activities: String,
    /// Services.
    pub services: u32,
    /// Spent.
    pub spent: Fen,
}

impl StudioReportInput {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<CheckedReport, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.period_start.is_none() {
            e.insert("period_start".into(), FieldCode::Required);
        }
        let activities = check_text(&self.activities, 10, 4000).map_err(|c| e.insert("activities".into(), c)).ok();
        match self.services {
            None => {
                e.insert("services".into(), FieldCode::Required);
            }
            Some(n) if n > 100_000 => {
                e.insert("services".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        let spent = match self.spent_fen {
            None => {
                e.insert("spent_fen".into(), FieldCode::Required);
                None
            }
            Some(f) if f > 1_000_000_000 => {
                e.insert("spent_fen".into(), FieldCode::OutOfRange);
                None
            }
            Some(f) => Fen::new(f).map_err(|_| e.insert("spent_fen".into(), FieldCode::OutOfRange)).ok(),
        };
        match (self.period_start, activities, self.services, spent) {
            (Some(period_start), Some(activities), Some(services), Some(spent)) if e.is_empty() => {
                Ok(CheckedReport { period_start, activities, services, spent })
            }
            _ => Err(e),
        }
    }
}

/// `POST /api/studios/{id}/evaluations` (officer).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationInput {
    /// The year evaluated (a year of the cycle that has ended).
    pub year: Option<i32>,
    /// 0 to 100.
    pub score: Option<u32>,
    /// The officer's findings, 2 to 2000 characters.
    #[serde(default)]
    pub comment: String,
}

impl EvaluationInput {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<(i32, u32, String), FieldErrors> {
        let mut e = FieldErrors::new();
        match self.year {
            None => {
                e.insert("year".into(), FieldCode::Required);
            }
            Some(y) if !(2000..=2100).contains(&y) => {
                e.insert("year".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        match self.score {
            None => {
                e.insert("score".into(), FieldCode::Required);
            }
            Some(s) if s > 100 => {
                e.insert("score".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        let comment = check_text(&self.comment, 2, 2000).map_err(|c| e.insert("comment".into(), c)).ok();
        match (self.year, self.score, comment) {
            (Some(y), Some(s), Some(c)) if e.is_empty() => Ok((y, s, c)),
            _ => Err(e),
        }
    }
}

/// `POST /api/studios/{id}/revoke` (officer): for a missing report or a
/// rectification deadline passed without passing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevocationInput {
    /// Why, 2 to 500 characters.
    #[serde(default)]
    pub reason: String,
    /// The amount to recover; at most what was paid and not justified by
    /// reported spending; default that maximum.
    pub clawback_fen: Option<i64>,
}

/// One row of the bureau's studio worklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioWork {
    /// The studio.
    pub studio: StudioCard,
    /// The grant claim and its stage.
    pub claim_id: Option<ClaimId>,
    /// Its stage.
    pub claim_status: Option<ClaimStatus>,
    /// Reports due and missing.
    pub reports_missing: Vec<NaiveDate>,
    /// The latest ended year of the cycle not yet evaluated.
    pub evaluation_due: Option<i32>,
    /// The rectification deadline.
    pub rectify_by: Option<NaiveDate>,
    /// Revocation is open to the officer now (a report missing, or the
    /// rectification deadline passed).
    pub may_revoke: bool,
}

#[cfg(test)]
mod tests;
