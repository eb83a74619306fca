//! Mentors' service subsidies (导师服务补贴): a region's fee policy by date,
//! and the lines of a mentor's monthly claim (kind `service_fee`).
//!
//! Endpoints (all under `/api`):
//! - `GET fee-policies/{region}` (public), `PUT fee-policies/{region}` (officer, [`FeePolicyInput`])
//! - `GET me/mentor/fees` ([`FeeOverview`]), `POST me/mentor/fees` ([`FeeLineRequest`]: claim one service)
//! - `GET bureau/group-services` ([`GroupService`]: the region's recorded group sessions, newest first)
//! - `POST group-sessions/{id}/confirm-service` (officer: the bureau confirms a group session took place)

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::super::subsidies::{ClaimSummary, IneligibleReason};
use crate::error::{FieldCode, FieldErrors};
use crate::ids::{ClaimId, FeeLineId, FeePolicyId, GroupSessionId, MentorId, ServiceRecordId};
use crate::money::Fen;

named_enum!(
    /// What a line pays.
    FeeLineKind {
        /// 师资费: the fee for the service, by its length band.
        Fee = "fee",
        /// 交通补贴: the transport allowance of an offline service.
        Transport = "transport",
    }
);

/// A length band: services of at least `min_minutes` earn `fee_fen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeBand {
    /// Shortest service in the band.
    pub min_minutes: u32,
    /// Its fee.
    pub fee_fen: Fen,
}

/// One version of a region's service-fee policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeePolicy {
    /// Version id.
    pub id: FeePolicyId,
    /// The region that set it.
    pub region_code: String,
    /// First service date it applies to.
    pub effective_from: NaiveDate,
    /// Last service date, if it ends.
    pub ends_on: Option<NaiveDate>,
    /// Bands for one-to-one services, shortest first.
    pub one_to_one: Vec<FeeBand>,
    /// Bands for group sessions, shortest first.
    pub group: Vec<FeeBand>,
    /// Transport allowance per offline service.
    pub transport_fen: Fen,
    /// Most a mentor is paid in a calendar year, fees and transport together.
    pub yearly_cap_fen: Fen,
    /// Working days of public notice.
    pub notice_days: u32,
}

/// `PUT /api/fee-policies/{region}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeePolicyInput {
    /// Required.
    pub effective_from: Option<NaiveDate>,
    /// Optional.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// 1 to 6 bands, distinct lengths.
    #[serde(default)]
    pub one_to_one: Vec<FeeBand>,
    /// 0 to 6 bands (none: group sessions earn no fee).
    #[serde(default)]
    pub group: Vec<FeeBand>,
    /// 0 to 100,000 fen.
    #[serde(default)]
    pub transport_fen: i64,
    /// 1 to 100,000,000 fen.
    #[serde(default)]
    pub yearly_cap_fen: i64,
    /// 1 to 30.
    #[serde(default)]
    pub notice_days: i64,
}

fn bands(e: &mut FieldErrors, field: &str, input: &[FeeBand], min: usize) -> Vec<FeeBand> {
    let mut out = input.to_vec();
    out.sort_by_key(|b| b.min_minutes);
    let repeated = out.windows(2).any(|w| w[0].min_minutes == w[1].min_minutes);
    let bad = out.iter().any(|b| !(1..=600).contains(&b.min_minutes) || b.fee_fen.get() > 10_000_000);
    if out.len() < min {
        e.insert(field.into(), FieldCode::Required);
    } else if out.len() > 6 {
        e.insert(field.into(), FieldCode::TooLong);
    } else if repeated || bad {
        e.insert(field.into(), FieldCode::OutOfRange);
    }
    out
}

fn money(e: &mut FieldErrors, field: &str, v: i64, hi: i64) -> Fen {
    match Fen::new(v) {
        Ok(f) if v <= hi => f,
        _ => {
            e.insert(field.into(), FieldCode::OutOfRange);
            Fen::ZERO
        }
    }
}

impl FeePolicyInput {
    /// Checks every field; the id and region are the server's to fill.
    pub fn validate(&self) -> Result<FeePolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.effective_from.is_none() {
            e.insert("effective_from".into(), FieldCode::Required);
        }
        if let (Some(from), Some(end)) = (self.effective_from, self.ends_on)
            && end < from
        {
            e.insert("ends_on".into(), FieldCode::NotInOrder);
        }
        let notice_days = if (1..=30).contains(&self.notice_days) {
            u32::try_from(self.notice_days).unwrap_or(5)
        } else {
            e.insert("notice_days".into(), FieldCode::OutOfRange);
            0
        };
        let p = FeePolicy {
            id: FeePolicyId::from_raw(""),
            region_code: String::new(),
            effective_from: self.effective_from.unwrap_or_default(),
            ends_on: self.ends_on,
            one_to_one: bands(&mut e, "one_to_one", &self.one_to_one, 1),
            group: bands(&mut e, "group", &self.group, 0),
            transport_fen: money(&mut e, "transport_fen", self.transport_fen, 100_000),
            yearly_cap_fen: money(&mut e, "yearly_cap_fen", self.yearly_cap_fen, 100_000_000),
            notice_days,
        };
        if p.yearly_cap_fen.get() == 0 {
            e.insert("yearly_cap_fen".into(), FieldCode::OutOfRange);
        }
        if e.is_empty() { Ok(p) } else { Err(e) }
    }
}

/// One line of a mentor's service-fee claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeLine {
    /// Its id.
    pub id: FeeLineId,
    /// The service record.
    pub record_id: ServiceRecordId,
    /// Fee or transport.
    pub kind: FeeLineKind,
    /// The claim it belongs to.
    pub claim_id: ClaimId,
    /// When the service began.
    pub starts_at: DateTime<Utc>,
    /// Its length.
    pub minutes: u32,
    /// A group session.
    pub group: bool,
    /// What the policy would pay.
    pub due_fen: Fen,
    /// What the line pays (less than due when the yearly cap cut it).
    pub amount_fen: Fen,
}

/// `GET /api/me/mentor/fees`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeOverview {
    /// The policy in force today, if any.
    pub policy: Option<FeePolicy>,
    /// The year the cap counts.
    pub year: i32,
    /// Claimed this year on claims not rejected.
    pub claimed_fen: Fen,
    /// Lines, newest first.
    pub lines: Vec<FeeLine>,
    /// The monthly claims, newest first.
    pub claims: Vec<ClaimSummary>,
    /// Recorded services not claimed yet, with why not.
    pub unclaimed: Vec<UnclaimedService>,
}

/// A recorded service without a fee line, and the rules it fails now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnclaimedService {
    /// The record.
    pub record_id: ServiceRecordId,
    /// When the service began.
    pub starts_at: DateTime<Utc>,
    /// Its length.
    pub minutes: u32,
    /// A group session.
    pub group: bool,
    /// Empty when it may be claimed now.
    pub reasons: Vec<IneligibleReason>,
}

/// A recorded group session, for the bureau to confirm it took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupService {
    /// The session.
    pub session_id: GroupSessionId,
    /// Its mentor.
    pub mentor_id: MentorId,
    /// Their name.
    pub mentor_name: String,
    /// The topic.
    pub topic: String,
    /// Where.
    pub place: String,
    /// When it began.
    pub starts_at: DateTime<Utc>,
    /// The recorded length.
    pub minutes: u32,
    /// Seated people who confirmed they attended.
    pub attended: u32,
    /// Seats taken.
    pub seated: u32,
    /// When the bureau confirmed it, if it has.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// `POST /api/me/mentor/fees`: claim one recorded service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeLineRequest {
    /// The service record.
    #[serde(default)]
    pub record_id: String,
}
