//! Policy versions and priority-group declarations: who a subsidy covers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{DeclarationStatus, Payee, PriorityGroup};
use crate::RegionCode;
use crate::course::CourseKind;
use crate::error::{FieldCode, FieldErrors};
use crate::ids::{DeclarationId, SubsidyPolicyId, UserId};
use crate::money::Fen;

/// One version of a region's subsidy policy for a course kind. The version in
/// force on a date is the latest one effective by then; a region without its
/// own uses its nearest ancestor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubsidyPolicy {
    /// Version id (claims keep it).
    pub id: SubsidyPolicyId,
    /// The region that set it.
    pub region_code: String,
    /// Its name.
    pub region_name: String,
    /// Course kind.
    pub kind: CourseKind,
    /// First certificate date it applies to.
    pub effective_from: NaiveDate,
    /// Last certificate date it applies to, when it ends without a successor.
    pub ends_on: Option<NaiveDate>,
    /// Amount per certified trainee.
    pub amount_fen: Fen,
    /// Who is paid.
    pub payee: Payee,
    /// Groups it covers.
    pub eligible_groups: Vec<PriorityGroup>,
    /// Months after the certificate within which a claim must be filed.
    pub claim_window_months: u32,
    /// Working days of public notice.
    pub notice_days: u32,
    /// At most one subsidy a year per person, whatever the course kind (Shenzhen).
    pub one_per_year: bool,
    /// The covering group must be held in the policy's region (issued
    /// there): for policies for local people, e.g. Beijing's.
    #[serde(default)]
    pub local_groups: bool,
    /// The amount is a ceiling ("up to"): the class's cost per trainee pays
    /// when it is lower (Changsha's online venture: up to 1,300 yuan).
    #[serde(default)]
    pub amount_is_cap: bool,
    /// Claims were filed under it, so it can no longer be replaced.
    pub in_use: bool,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// `PUT /api/subsidy-policies/{region}/{kind}`: a version effective from a date
/// (replacing the version with the same date while no claim uses it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubsidyPolicyInput {
    /// First certificate date it applies to.
    pub effective_from: Option<NaiveDate>,
    /// Optional last date.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Amount per certified trainee, in fen (>= 0).
    pub amount_fen: Option<i64>,
    /// Who is paid.
    pub payee: Option<Payee>,
    /// Groups covered (at least one).
    #[serde(default)]
    pub eligible_groups: Vec<PriorityGroup>,
    /// 1 to 36 months.
    pub claim_window_months: Option<u32>,
    /// 1 to 30 working days.
    pub notice_days: Option<u32>,
    /// One subsidy a year per person.
    #[serde(default)]
    pub one_per_year: bool,
    /// The covering group must be held in the policy's region (issued
    /// there): for policies for local people, e.g. Beijing's.
    #[serde(default)]
    pub local_groups: bool,
    /// The amount is a ceiling ("up to"): the class's cost per trainee pays
    /// when it is lower (Changsha's online venture: up to 1,300 yuan).
    #[serde(default)]
    pub amount_is_cap: bool,
}

/// A checked policy version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPolicy {
    /// First date.
    pub effective_from: NaiveDate,
    /// Optional last date.
    pub ends_on: Option<NaiveDate>,
    /// Amount.
    pub amount: Fen,
    /// Who is paid.
    pub payee: Payee,
    /// Covered groups, without repeats, in declaration order.
    pub groups: Vec<PriorityGroup>,
    /// Claim window in months.
    pub window_months: u32,
    /// Notice length in working days.
    pub notice_days: u32,
    /// One subsidy a year.
    pub one_per_year: bool,
    /// The covering group must be held in the policy's region (issued
    /// there): for policies for local people, e.g. Beijing's.
    pub local_groups: bool,
    /// The amount is a ceiling ("up to"): the class's cost per trainee pays
    /// when it is lower (Changsha's online venture: up to 1,300 yuan).
    pub amount_is_cap: bool,
}

impl SubsidyPolicyInput {
    /// Checks every field; the errors name each bad one.
    pub fn validate(&self) -> Result<CheckedPolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.effective_from.is_none() {
            e.insert("effective_from".into(), FieldCode::Required);
        }
        if let (Some(from), Some(end)) = (self.effective_from, self.ends_on)
            && end < from
        {
            e.insert("ends_on".into(), FieldCode::NotInOrder);
        }
        let amount = match self.amount_fen {
            None => {
                e.insert("amount_fen".into(), FieldCode::Required);
                None
            }
            Some(f) if f > 100_000_000 => {
                e.insert("amount_fen".into(), FieldCode::OutOfRange);
                None
            }
            Some(f) => Fen::new(f).map_err(|_| e.insert("amount_fen".into(), FieldCode::OutOfRange)).ok(),
        };
        match self.payee {
            None => {
                e.insert("payee".into(), FieldCode::Required);
            }
            // A training subsidy pays the institution or the trainee.
            Some(Payee::Studio | Payee::Mentor) => {
                e.insert("payee".into(), FieldCode::NotAllowed);
            }
            Some(_) => {}
        }
        if self.eligible_groups.is_empty() {
            e.insert("eligible_groups".into(), FieldCode::Required);
        }
        match self.claim_window_months {
            None => {
                e.insert("claim_window_months".into(), FieldCode::Required);
            }
            Some(m) if !(1..=36).contains(&m) => {
                e.insert("claim_window_months".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        match self.notice_days {
            None => {
                e.insert("notice_days".into(), FieldCode::Required);
            }
            Some(d) if !(1..=30).contains(&d) => {
                e.insert("notice_days".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        let mut groups = Vec::new();
        for g in &self.eligible_groups {
            if !groups.contains(g) {
                groups.push(*g);
            }
        }
        match (self.effective_from, amount, self.payee, self.claim_window_months, self.notice_days) {
            (Some(effective_from), Some(amount), Some(payee), Some(window_months), Some(notice_days))
                if e.is_empty() =>
            {
                Ok(CheckedPolicy {
                    effective_from,
                    ends_on: self.ends_on,
                    amount,
                    payee,
                    groups,
                    window_months,
                    notice_days,
                    one_per_year: self.one_per_year,
                    local_groups: self.local_groups,
                    amount_is_cap: self.amount_is_cap,
                })
            }
            _ => Err(e),
        }
    }
}

/// A trainee's declaration of a priority group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupDeclaration {
    /// Its id.
    pub id: DeclarationId,
    /// Who declared it.
    pub user_id: UserId,
    /// Their name.
    pub holder_name: String,
    /// The group.
    pub group: PriorityGroup,
    /// Held from.
    pub valid_from: NaiveDate,
    /// Held until (open-ended when absent).
    pub valid_to: Option<NaiveDate>,
    /// A short note of the evidence (document and number).
    pub evidence: String,
    /// Declared, verified or rejected.
    pub status: DeclarationStatus,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// When an officer decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// When it was declared.
    pub created_at: DateTime<Utc>,
    /// The region that issued the evidence, if given.
    #[serde(default)]
    pub issued_in: Option<RegionCode>,
    /// The business's unified social credit code (new small business heads).
    #[serde(default)]
    pub business_licence: Option<String>,
}

/// `POST /api/me/priority-groups`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDeclaration {
    /// The group.
    pub group: Option<PriorityGroup>,
    /// Held from.
    pub valid_from: Option<NaiveDate>,
    /// Held until.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    /// Evidence note, 2 to 200 characters.
    #[serde(default)]
    pub evidence: String,
    /// The region whose authority (or school) issued the evidence, e.g. where
    /// the unemployment is registered; policies for local people ask for it.
    #[serde(default)]
    pub issued_in: Option<String>,
    /// The business's unified social credit code (统一社会信用代码), required
    /// for the head of a new small business.
    #[serde(default)]
    pub business_licence: Option<String>,
}

/// A declaration whose fields are each well formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDeclaration {
    /// The group.
    pub group: PriorityGroup,
    /// Held from.
    pub valid_from: NaiveDate,
    /// Held until.
    pub valid_to: Option<NaiveDate>,
    /// Evidence note.
    pub evidence: String,
    /// The issuing region, if given.
    pub issued_in: Option<RegionCode>,
    /// The business's code, for the head of a new small business.
    pub business_licence: Option<String>,
}

impl NewDeclaration {
    /// Checks every field: group, dates in order, evidence length, the
    /// issuing region's code and, for a new business's head, its credit code.
    pub fn validate(&self) -> Result<ValidDeclaration, FieldErrors> {
        let mut e = FieldErrors::new();
        let issued_in = match self.issued_in.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(code) => RegionCode::parse(code).map_err(|c| e.insert("issued_in".into(), c)).ok(),
        };
        let licence = self.business_licence.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let business_licence = match (self.group, licence) {
            (Some(PriorityGroup::NewSmallBusinessHead), None) => {
                e.insert("business_licence".into(), FieldCode::Required);
                None
            }
            (_, Some(code)) => crate::licence::BusinessLicence::parse(code)
                .map_err(|c| e.insert("business_licence".into(), c))
                .ok()
                .map(|l| l.as_str().to_owned()),
            (_, None) => None,
        };
        if self.group.is_none() {
            e.insert("group".into(), FieldCode::Required);
        }
        if self.valid_from.is_none() {
            e.insert("valid_from".into(), FieldCode::Required);
        }
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to)
            && to < from
        {
            e.insert("valid_to".into(), FieldCode::NotInOrder);
        }
        let evidence = self.evidence.trim();
        match evidence.chars().count() {
            0 => {
                e.insert("evidence".into(), FieldCode::Required);
            }
            1 => {
                e.insert("evidence".into(), FieldCode::TooShort);
            }
            n if n > 200 => {
                e.insert("evidence".into(), FieldCode::TooLong);
            }
            _ => {}
        }
        match (self.group, self.valid_from) {
            (Some(group), Some(valid_from)) if e.is_empty() => Ok(ValidDeclaration {
                group,
                valid_from,
                valid_to: self.valid_to,
                evidence: evidence.to_owned(),
                issued_in,
                business_licence,
            }),
            _ => Err(e),
        }
    }
}
