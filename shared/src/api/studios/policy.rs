//! A region's studio policy, in versions by effective date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::api::mentors::range;
use crate::error::{FieldCode, FieldErrors};
use crate::ids::StudioPolicyId;
use crate::money::Fen;

/// One version of a region's studio policy (`GET studio-policies/{region}`
/// lists the versions of the region and those it inherits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioPolicy {
    /// Version id.
    pub id: StudioPolicyId,
    /// The region that set it.
    pub region_code: String,
    /// First day it applies to applications.
    pub effective_from: NaiveDate,
    /// Last day, if it ends.
    pub ends_on: Option<NaiveDate>,
    /// The one-off grant (Inner Mongolia's region-level master studio: 100,000 yuan).
    pub grant_fen: Fen,
    /// Members besides the leader, at least.
    pub min_members: u32,
    /// Countable services of the leader and members in the preceding year, at least.
    pub min_services: u32,
    /// Years a recognition lasts.
    pub cycle_years: u32,
    /// Months between reports (3: quarterly).
    pub report_months: u32,
    /// The yearly evaluation's pass mark, 0 to 100.
    pub pass_mark: u32,
    /// Days to rectify after a failed evaluation.
    pub rectification_days: u32,
    /// Years a revoked studio's leader may not apply again.
    pub ban_years: u32,
    /// Working days of public notice.
    pub notice_days: u32,
}

/// `PUT /api/studio-policies/{region}`: a new version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StudioPolicyInput {
    /// Required.
    pub effective_from: Option<NaiveDate>,
    /// Optional, not before `effective_from`.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// 0 to 1,000,000,000 fen.
    #[serde(default)]
    pub grant_fen: i64,
    /// 1 to 50.
    #[serde(default)]
    pub min_members: i64,
    /// 0 to 10,000.
    #[serde(default)]
    pub min_services: i64,
    /// 1 to 10.
    #[serde(default)]
    pub cycle_years: i64,
    /// 1, 3, 6 or 12.
    #[serde(default)]
    pub report_months: i64,
    /// 0 to 100.
    #[serde(default)]
    pub pass_mark: i64,
    /// 1 to 365.
    #[serde(default)]
    pub rectification_days: i64,
    /// 0 to 10.
    #[serde(default)]
    pub ban_years: i64,
    /// 1 to 30.
    #[serde(default)]
    pub notice_days: i64,
}

impl StudioPolicyInput {
    /// Checks every field; the id and region are the server's to fill.
    pub fn validate(&self) -> Result<StudioPolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.effective_from.is_none() {
            e.insert("effective_from".into(), FieldCode::Required);
        }
        if let (Some(from), Some(end)) = (self.effective_from, self.ends_on)
            && end < from
        {
            e.insert("ends_on".into(), FieldCode::NotInOrder);
        }
        let grant_fen = match Fen::new(self.grant_fen) {
            Ok(f) if self.grant_fen <= 1_000_000_000 => f,
            _ => {
                e.insert("grant_fen".into(), FieldCode::OutOfRange);
                Fen::ZERO
            }
        };
        let report_months = range(&mut e, "report_months", self.report_months, 1, 12);
        if ![1, 3, 6, 12].contains(&report_months) {
            e.insert("report_months".into(), FieldCode::OutOfRange);
        }
        let p = StudioPolicy {
            id: StudioPolicyId::from_raw(""),
            region_code: String::new(),
            effective_from: self.effective_from.unwrap_or_default(),
            ends_on: self.ends_on,
            grant_fen,
            min_members: range(&mut e, "min_members", self.min_members, 1, 50),
            min_services: range(&mut e, "min_services", self.min_services, 0, 10_000),
            cycle_years: range(&mut e, "cycle_years", self.cycle_years, 1, 10),
            report_months,
            pass_mark: range(&mut e, "pass_mark", self.pass_mark, 0, 100),
            rectification_days: range(&mut e, "rectification_days", self.rectification_days, 1, 365),
            ban_years: range(&mut e, "ban_years", self.ban_years, 0, 10),
            notice_days: range(&mut e, "notice_days", self.notice_days, 1, 30),
        };
        if e.is_empty() { Ok(p) } else { Err(e) }
    }
}
