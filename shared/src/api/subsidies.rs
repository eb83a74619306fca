//! Bodies of the training-subsidy API: subsidy policies, priority-group
//! declarations, claims and their stages, the public notice (公示) and
//! objections; with the input checks both sides run.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::AuditAction;

use crate::RegionCode;
use crate::course::CourseKind;
use crate::error::{ErrorBody, FieldCode, FieldErrors};
use crate::ids::{
    CertificateNumber, ClaimId, ClassId, DeclarationId, InstitutionId, ObjectionId, SubsidyPolicyId, UserId,
};
use crate::money::Fen;

named_enum!(
    /// 重点群体: a group whose members a subsidy policy may cover.
    PriorityGroup {
        /// 毕业年度高校毕业生
        GraduatingStudent = "graduating_student",
        /// 离校 2 年内高校毕业生
        RecentGraduate = "recent_graduate",
        /// 登记失业人员
        RegisteredUnemployed = "registered_unemployed",
        /// 农民工 (returning or migrant rural workers)
        RuralMigrantWorker = "rural_migrant_worker",
        /// 退役军人
        Veteran = "veteran",
        /// 残疾人
        Disabled = "disabled",
        /// 就业困难人员
        HardshipJobSeeker = "hardship_job_seeker",
        /// 防止返贫监测对象 / 脱贫人口
        PovertyMonitored = "poverty_monitored",
        /// 新创小微企业负责人 (the head of a newly founded small business;
        /// evidence: the business's unified social credit code)
        NewSmallBusinessHead = "new_small_business_head",
    }
);

named_enum!(
    /// Who receives a subsidy under a policy.
    Payee {
        /// The training institution (it files one batch per class).
        Institution = "institution",
        /// The trainee (they file for their own certificate).
        Trainee = "trainee",
    }
);

named_enum!(
    /// Where a priority-group declaration stands.
    DeclarationStatus {
        /// Declared by the trainee; counts until an officer rejects it.
        Declared = "declared",
        /// Checked by an officer.
        Verified = "verified",
        /// Refused by an officer, with a reason; never counts.
        Rejected = "rejected",
    }
);

named_enum!(
    /// The stages of a claim.
    ClaimStatus {
        /// Drafted by the system when the certificate was issued (免申即享).
        Draft = "draft",
        /// Filed by the payee, waiting for review.
        Submitted = "submitted",
        /// 初审 done.
        Reviewed = "reviewed",
        /// 复审 done, waiting to be published.
        Approved = "approved",
        /// 公示: on the public notice list.
        Notice = "notice",
        /// An objection was filed during notice; the bureau must resolve it.
        Held = "held",
        /// 拨付: paid, with a payment reference.
        Paid = "paid",
        /// 退回补正: back with the claimant for correction.
        Returned = "returned",
        /// Refused, with a reason; final.
        Rejected = "rejected",
    }
);

named_enum!(
    /// What an officer does to a claim.
    ClaimAction {
        /// 初审: submitted -> reviewed.
        Review = "review",
        /// 复审: reviewed -> approved, by another officer.
        Approve = "approve",
        /// 公示: approved -> notice, for the policy's days.
        Publish = "publish",
        /// 拨付: notice (ended) -> paid, with a payment reference.
        Pay = "pay",
        /// 退回补正, with a reason.
        Return = "return",
        /// Refuse for good, with a reason.
        Reject = "reject",
    }
);

named_enum!(
    /// Why a certificate earns no subsidy (or not for this claimant).
    IneligibleReason {
        /// The certificate does not exist.
        CertificateMissing = "certificate_missing",
        /// The certificate was revoked.
        CertificateRevoked = "certificate_revoked",
        /// The class was not approved before it started.
        ClassNotApprovedBeforeStart = "class_not_approved_before_start",
        /// The trainee held no group the policy covers on the training date.
        NoEligibleGroup = "no_eligible_group",
        /// The covering group is declared but not yet verified by the bureau
        /// (needed from approval on).
        GroupNotVerified = "group_not_verified",
        /// Filed later than the policy's window after the certificate.
        WindowExpired = "window_expired",
        /// Another non-rejected claim exists for this person and course kind.
        AlreadySubsidised = "already_subsidised",
        /// The policy allows one subsidy a year and one exists for that year.
        AlreadySubsidisedThisYear = "already_subsidised_this_year",
        /// No subsidy policy was in force on the certificate date.
        NoPolicy = "no_policy",
        /// The policy pays someone else than the one filing.
        PayeeMismatch = "payee_mismatch",
        /// The policy is for local people, and the covering group was not
        /// issued in its region (e.g. unemployment registered elsewhere).
        GroupNotLocal = "group_not_local",
    }
);

named_enum!(
    /// Where an objection stands.
    ObjectionStatus {
        /// Filed; the claim is held.
        Open = "open",
        /// Found without merit; the claim returns to notice.
        Dismissed = "dismissed",
        /// Found right; the claim is rejected.
        Upheld = "upheld",
    }
);

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
        if self.payee.is_none() {
            e.insert("payee".into(), FieldCode::Required);
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

/// The outcome of the eligibility rules for one certificate and claimant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Eligibility {
    /// True when no rule failed.
    pub eligible: bool,
    /// Every failed rule; empty when eligible.
    pub reasons: Vec<IneligibleReason>,
    /// The amount, when a policy is in force.
    pub amount_fen: Option<Fen>,
    /// Who the policy pays.
    pub payee: Option<Payee>,
    /// The policy version used.
    pub policy_id: Option<SubsidyPolicyId>,
}

/// A claim as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimSummary {
    /// Its id.
    pub id: ClaimId,
    /// Stage.
    pub status: ClaimStatus,
    /// Course kind.
    pub kind: CourseKind,
    /// The certificate it rests on.
    pub certificate_number: CertificateNumber,
    /// The trainee.
    pub trainee_id: UserId,
    /// Their name.
    pub holder_name: String,
    /// The institution that ran the class.
    pub institution_id: InstitutionId,
    /// Its name.
    pub institution: String,
    /// The class.
    pub class_id: ClassId,
    /// Its title.
    pub class_title: String,
    /// The claim's region (the class's).
    pub region_code: String,
    /// Who is paid.
    pub payee: Payee,
    /// Amount, fixed when the claim was drafted or filed.
    pub amount_fen: Fen,
    /// When the payee filed it.
    pub filed_at: Option<DateTime<Utc>>,
    /// Last day of public notice.
    pub notice_ends_on: Option<NaiveDate>,
    /// Payment reference, once paid.
    pub payment_ref: Option<String>,
    /// Payment date.
    pub paid_on: Option<NaiveDate>,
    /// Why it was last returned or rejected.
    pub reason: Option<String>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// The recovery (追回) of the paid amount, when its certificate was revoked.
    #[serde(default)]
    pub recovery: Option<Recovery>,
}

/// One step in a claim's history (from the audit log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What, e.g. `claim.review`.
    pub action: AuditAction,
    /// The stage it led to.
    pub status: Option<ClaimStatus>,
    /// Who (absent for the system or the public).
    pub actor_name: Option<String>,
    /// Why, when a reason was given.
    pub reason: Option<String>,
}

/// An objection filed during public notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Objection {
    /// Its id.
    pub id: ObjectionId,
    /// What the objector says.
    pub text: String,
    /// How to reach them (shown to officers only).
    pub contact: Option<String>,
    /// When.
    pub filed_at: DateTime<Utc>,
    /// Open, dismissed or upheld.
    pub status: ObjectionStatus,
    /// The officer's finding.
    pub resolution: Option<String>,
}

/// `GET /api/claims/{id}`: a claim with its eligibility now, history and objections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimDetail {
    /// The claim.
    pub claim: ClaimSummary,
    /// The rules run again now.
    pub eligibility: Eligibility,
    /// Every stage, who, when and why.
    pub timeline: Vec<TimelineEntry>,
    /// Objections filed during notice.
    pub objections: Vec<Objection>,
    /// The trainee's priority-group declarations (for the trainee and the
    /// region's officers; empty for institution staff).
    pub declarations: Vec<GroupDeclaration>,
    /// Stage actions the viewer may take now.
    pub actions: Vec<ClaimAction>,
    /// The viewer may file (submit) or resubmit it.
    pub can_submit: bool,
}

/// The recovery (追回) of a subsidy paid on a certificate revoked later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recovery {
    /// The amount to recover: what was paid.
    pub amount_fen: Fen,
    /// Why (the revocation's reason).
    pub reason: String,
    /// Due back by.
    pub due_on: NaiveDate,
    /// Opened.
    pub opened_at: DateTime<Utc>,
    /// The day the money came back, once it has.
    pub recovered_on: Option<NaiveDate>,
    /// The bank or treasury reference of the return.
    pub reference: Option<String>,
    /// Who recorded it (name).
    pub recovered_by: Option<String>,
}

/// `POST /api/claims/{id}/recovery`: the money came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryRequest {
    /// The bank or treasury reference.
    pub reference: String,
    /// When it came back (defaults to today in Shanghai).
    #[serde(default)]
    pub recovered_on: Option<NaiveDate>,
}

/// `POST /api/claims`: a trainee files for their own certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileClaim {
    /// The certificate number.
    #[serde(default)]
    pub certificate_number: String,
}

/// `POST /api/claims/{id}/actions`: one stage action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimActionRequest {
    /// The action.
    pub action: ClaimAction,
    /// Required to return or reject.
    #[serde(default)]
    pub reason: Option<String>,
    /// Required to pay: the bank or treasury reference.
    #[serde(default)]
    pub payment_ref: Option<String>,
    /// Payment date (defaults to today in Shanghai).
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
}

impl ClaimActionRequest {
    /// The request as the server acts on it: the reason of a return or
    /// rejection (2 to 500 characters) and the payment reference of a payment
    /// trimmed and checked, and what the action does not use dropped. The
    /// browser runs the same check before it sends.
    pub fn validate(&self) -> Result<ClaimActionRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut needed = |field: &str, value: &Option<String>, check: fn(&str) -> Result<String, FieldCode>| {
            check(value.as_deref().unwrap_or_default()).map_err(|code| errors.insert(field.to_owned(), code)).ok()
        };
        let reason = match self.action {
            ClaimAction::Return | ClaimAction::Reject => {
                needed("reason", &self.reason, crate::api::classes::check_reason)
            }
            _ => None,
        };
        let payment_ref = match self.action {
            ClaimAction::Pay => needed("payment_ref", &self.payment_ref, check_payment_ref),
            _ => None,
        };
        let paid_on = self.paid_on.filter(|_| self.action == ClaimAction::Pay);
        if errors.is_empty() {
            Ok(ClaimActionRequest { action: self.action, reason, payment_ref, paid_on })
        } else {
            Err(errors)
        }
    }
}

/// `POST /api/claims/bulk`: one action on many claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkActionRequest {
    /// The action and its details, applied to each claim.
    #[serde(flatten)]
    pub action: ClaimActionRequest,
    /// The claims, at most 500.
    pub claim_ids: Vec<ClaimId>,
}

/// The result of a bulk action for one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkResult {
    /// The claim.
    pub claim_id: ClaimId,
    /// Its stage after the action (unchanged on failure).
    pub status: Option<ClaimStatus>,
    /// Why it failed.
    pub error: Option<ErrorBody>,
}

/// One certificate of a class in an institution's batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchLine {
    /// The certificate.
    pub certificate_number: CertificateNumber,
    /// Holder.
    pub holder_name: String,
    /// The claim for it, if any.
    pub claim_id: Option<ClaimId>,
    /// Its stage.
    pub status: Option<ClaimStatus>,
    /// The amount, when eligible or claimed.
    pub amount_fen: Option<Fen>,
    /// Why it cannot be claimed now; empty when it can.
    pub reasons: Vec<IneligibleReason>,
}

/// `GET|POST /api/classes/{id}/claims`: the institution's batch for a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimBatch {
    /// The class.
    pub class_id: ClassId,
    /// Its title.
    pub class_title: String,
    /// One line per certificate.
    pub lines: Vec<BatchLine>,
    /// Lines filed by this request (0 for a preview).
    pub filed: u32,
    /// Sum of the amounts of lines with a live claim.
    pub total_fen: Fen,
}

/// Worklist filters, `GET /api/bureau/claims?...`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
pub struct ClaimQuery {
    /// Stage.
    pub status: Option<ClaimStatus>,
    /// Course kind.
    pub kind: Option<CourseKind>,
    /// Institution id.
    pub institution: Option<String>,
    /// Filed on or after (Shanghai date).
    pub from: Option<NaiveDate>,
    /// Filed on or before (Shanghai date).
    pub to: Option<NaiveDate>,
    /// Amount at least, fen.
    pub min_fen: Option<i64>,
    /// Amount at most, fen.
    pub max_fen: Option<i64>,
    /// Keyset cursor: the `next` of the previous page.
    pub after: Option<String>,
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<u32>,
}

/// A page of the worklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimPage {
    /// Claims, oldest first.
    pub items: Vec<ClaimSummary>,
    /// Cursor of the next page, if there is one.
    pub next: Option<String>,
}

/// A claim on the public notice list (no login).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeEntry {
    /// The claim (to object to).
    pub claim_id: ClaimId,
    /// 张*三
    pub holder_masked: String,
    /// Course kind.
    pub kind: CourseKind,
    /// The institution.
    pub institution: String,
    /// Amount.
    pub amount_fen: Fen,
    /// Last day of notice.
    pub notice_ends_on: NaiveDate,
    /// Region.
    pub region_code: String,
    /// Region name.
    pub region_name: String,
    /// An objection is being looked into.
    pub held: bool,
}

/// `POST /api/notices/{claim}/objections` (no login).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewObjection {
    /// What is wrong, 5 to 1000 characters.
    #[serde(default)]
    pub text: String,
    /// A phone number or e-mail, 5 to 100 characters.
    #[serde(default)]
    pub contact: String,
}

impl NewObjection {
    /// Checks both fields.
    pub fn validate(&self) -> Result<(String, String), FieldErrors> {
        let mut e = FieldErrors::new();
        let text = self.text.trim();
        let contact = self.contact.trim();
        for (name, value, min, max) in [("text", text, 5, 1000), ("contact", contact, 5, 100)] {
            match value.chars().count() {
                0 => e.insert(name.into(), FieldCode::Required),
                n if n < min => e.insert(name.into(), FieldCode::TooShort),
                n if n > max => e.insert(name.into(), FieldCode::TooLong),
                _ => None,
            };
        }
        if e.is_empty() { Ok((text.to_owned(), contact.to_owned())) } else { Err(e) }
    }
}

/// `POST /api/objections/{id}/resolution`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionResolution {
    /// True when the objection is right (the claim is rejected).
    #[serde(default)]
    pub uphold: bool,
    /// The finding, required.
    #[serde(default)]
    pub reason: String,
}

/// Checks a payment reference: 4 to 64 letters, digits, `-`, `_` or `/`.
pub fn check_payment_ref(input: &str) -> Result<String, FieldCode> {
    let r = input.trim();
    if r.is_empty() {
        return Err(FieldCode::Required);
    }
    if r.len() < 4 {
        return Err(FieldCode::TooShort);
    }
    if r.len() > 64 {
        return Err(FieldCode::TooLong);
    }
    if !r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/')) {
        return Err(FieldCode::InvalidFormat);
    }
    Ok(r.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_policy_input_names_every_bad_field() {
        let input = SubsidyPolicyInput {
            effective_from: Some(day(2026, 1, 1)),
            ends_on: Some(day(2025, 1, 1)),
            amount_fen: Some(-1),
            payee: None,
            eligible_groups: vec![],
            claim_window_months: Some(0),
            notice_days: Some(31),
            one_per_year: false,
            local_groups: false,
        };
        let errors = input.validate().err().unwrap_or_default();
        let names: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(names, ["amount_fen", "claim_window_months", "eligible_groups", "ends_on", "notice_days", "payee"]);
    }

    #[test]
    fn a_good_policy_input_drops_repeated_groups() {
        let input = SubsidyPolicyInput {
            effective_from: Some(day(2026, 1, 1)),
            ends_on: None,
            amount_fen: Some(150_000),
            payee: Some(Payee::Institution),
            eligible_groups: vec![PriorityGroup::Veteran, PriorityGroup::Veteran, PriorityGroup::Disabled],
            claim_window_months: Some(12),
            notice_days: Some(5),
            one_per_year: false,
            local_groups: false,
        };
        let p = input.validate().ok();
        assert_eq!(p.map(|p| (p.amount.get(), p.groups.len())), Some((150_000, 2)));
    }

    #[test]
    fn declarations_need_ordered_dates_and_evidence() {
        let d = NewDeclaration {
            group: Some(PriorityGroup::Veteran),
            valid_from: Some(day(2026, 5, 1)),
            valid_to: Some(day(2026, 4, 1)),
            evidence: " ".into(),
            issued_in: Some("37".into()),
            business_licence: None,
        };
        let errors = d.validate().err().unwrap_or_default();
        assert_eq!(errors.get("valid_to"), Some(&FieldCode::NotInOrder));
        assert_eq!(errors.get("evidence"), Some(&FieldCode::Required));
        assert!(errors.contains_key("issued_in"), "{errors:?}");
    }

    #[test]
    fn the_head_of_a_new_business_gives_its_credit_code_checked() {
        let head = |licence: Option<&str>| NewDeclaration {
            group: Some(PriorityGroup::NewSmallBusinessHead),
            valid_from: Some(day(2026, 5, 1)),
            valid_to: None,
            evidence: "营业执照".into(),
            issued_in: Some("370212".into()),
            business_licence: licence.map(str::to_owned),
        };
        assert_eq!(
            head(None).validate().err().and_then(|e| e.get("business_licence").copied()),
            Some(FieldCode::Required)
        );
        let ok = head(Some("91370212ma3c1234x5")).validate().ok();
        assert_eq!(ok.and_then(|d| d.business_licence), Some("91370212MA3C1234X5".to_owned()));
    }

    #[test]
    fn objections_need_text_and_a_contact() {
        let o = NewObjection { text: "no".into(), contact: String::new() };
        let errors = o.validate().err().unwrap_or_default();
        assert_eq!(errors.get("text"), Some(&FieldCode::TooShort));
        assert_eq!(errors.get("contact"), Some(&FieldCode::Required));
    }

    #[test]
    fn payment_references_are_plain_text() {
        assert_eq!(check_payment_ref(" GX-2026/0001 "), Ok("GX-2026/0001".into()));
        assert_eq!(check_payment_ref("a b c d"), Err(FieldCode::InvalidFormat));
        assert_eq!(check_payment_ref("ab"), Err(FieldCode::TooShort));
        assert_eq!(check_payment_ref(""), Err(FieldCode::Required));
    }

    #[test]
    fn stages_have_stable_names() {
        for s in ClaimStatus::ALL {
            assert_eq!(ClaimStatus::from_name(s.as_str()), Some(*s));
        }
        assert_eq!(IneligibleReason::WindowExpired.as_str(), "window_expired");
    }

    #[test]
    fn a_stage_action_keeps_only_what_it_needs_and_checks_it() {
        let ask = |action, reason: &str, payment_ref: &str| ClaimActionRequest {
            action,
            reason: Some(reason.to_owned()),
            payment_ref: Some(payment_ref.to_owned()),
            paid_on: NaiveDate::from_ymd_opt(2026, 12, 1),
        };
        let review = ask(ClaimAction::Review, "", "").validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((review.reason, review.payment_ref, review.paid_on), (None, None, None));
        let returned = ask(ClaimAction::Return, "  材料不全  ", "x").validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(returned.reason.as_deref(), Some("材料不全"));
        assert_eq!(returned.payment_ref, None);
        let no_reason = ask(ClaimAction::Reject, " ", "").validate().err().unwrap_or_default();
        assert_eq!(no_reason.get("reason"), Some(&FieldCode::Required));
        let paid = ask(ClaimAction::Pay, "", " GK-2026/0815 ").validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (paid.payment_ref.as_deref(), paid.paid_on),
            (Some("GK-2026/0815"), NaiveDate::from_ymd_opt(2026, 12, 1))
        );
        let bad_ref = ask(ClaimAction::Pay, "", "a b").validate().err().unwrap_or_default();
        assert_eq!(bad_ref.get("payment_ref"), Some(&FieldCode::TooShort));
    }
}
