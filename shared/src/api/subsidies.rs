//! Bodies of the training-subsidy API: subsidy policies, priority-group
//! declarations, claims and their stages, the public notice (公示) and
//! objections; with the input checks both sides run.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::AuditAction;

use crate::course::CourseKind;
use crate::error::{ErrorBody, FieldCode, FieldErrors};
use crate::ids::{
    CertificateNumber, ClaimId, ClassId, InstitutionId, MentorId, ObjectionId, StudioId, SubsidyPolicyId, UserId,
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
        /// A mentor studio (its grant, paid to the studio's account).
        Studio = "studio",
        /// A mentor (the fees for the services they gave).
        Mentor = "mentor",
    }
);

named_enum!(
    /// What a payable claim pays for. All three go through the same stages,
    /// worklist, public notice and payment ledger.
    ClaimKind {
        /// 职业培训补贴: a trainee's certificate.
        Training = "training",
        /// 工作室资助: a mentor studio's one-off grant.
        StudioGrant = "studio_grant",
        /// 导师服务补贴: a mentor's fees and transport for a month's services.
        ServiceFee = "service_fee",
    }
);

impl ClaimKind {
    /// Training claims, for bodies from before there were other kinds.
    pub fn training() -> Self {
        Self::Training
    }
}

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
        /// The policy pays up to an amount, and the class names no cost per
        /// trainee to pay against.
        ClassCostUnknown = "class_cost_unknown",
        /// No studio policy is in force in the region.
        NoStudioPolicy = "no_studio_policy",
        /// The studio's leader is not an admitted mentor within the term.
        LeaderNotActive = "leader_not_active",
        /// A member is not an active mentor of the region.
        MemberNotActive = "member_not_active",
        /// Fewer members (besides the leader) than the policy asks.
        TooFewMembers = "too_few_members",
        /// Fewer countable services in the preceding year than the policy asks.
        TooFewServices = "too_few_services",
        /// A member (or the leader) belongs to another live studio.
        MemberInOtherStudio = "member_in_other_studio",
        /// The leader's studio was revoked and the ban has not ended.
        BannedAfterRevocation = "banned_after_revocation",
        /// The leader already has a studio applied for or recognised under this policy.
        StudioAlreadyRecognised = "studio_already_recognised",
        /// A cited service record is cited by another application.
        RecordAlreadyCited = "record_already_cited",
        /// A cited service record is not one that counts: not by the leader
        /// or a member, outside the preceding year, or not confirmed by the person served.
        RecordNotCountable = "record_not_countable",
        /// The studio is no longer waiting for its grant.
        StudioNotApplied = "studio_not_applied",
        /// No service-fee policy is in force for the service's date.
        NoFeePolicy = "no_fee_policy",
        /// The service has no record yet, or the person served (for a group
        /// session, the bureau) has not confirmed it.
        ServiceNotConfirmed = "service_not_confirmed",
        /// The service is shorter than the policy's shortest band.
        ServiceTooShort = "service_too_short",
        /// A line of this kind exists for the service.
        ServiceAlreadyClaimed = "service_already_claimed",
        /// The mentor's yearly cap is reached.
        OverYearlyCap = "over_yearly_cap",
        /// The mentor is not active in the library.
        MentorNotActive = "mentor_not_active",
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

mod policy;
mod proposal;
mod worklist;
pub use policy::*;
pub use proposal::*;
pub use worklist::*;

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
    /// What it pays for.
    #[serde(default = "ClaimKind::training")]
    pub claim_kind: ClaimKind,
    /// Course kind (training claims).
    pub kind: Option<CourseKind>,
    /// The certificate it rests on (training claims).
    pub certificate_number: Option<CertificateNumber>,
    /// The person: the trainee, the studio's leader, or the mentor.
    pub trainee_id: UserId,
    /// Their name.
    pub holder_name: String,
    /// The institution that ran the class (training claims).
    pub institution_id: Option<InstitutionId>,
    /// Its name (empty for other kinds).
    pub institution: String,
    /// The class (training claims).
    pub class_id: Option<ClassId>,
    /// Its title (empty for other kinds).
    pub class_title: String,
    /// What is paid for, in words: the class title, the studio's name, or
    /// the month of a mentor's services (`2026-11`).
    #[serde(default)]
    pub subject: String,
    /// The studio (studio grants).
    #[serde(default)]
    pub studio_id: Option<StudioId>,
    /// The mentor (service fees).
    #[serde(default)]
    pub mentor_id: Option<MentorId>,
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
    /// The holder's priority group is declared but not yet verified by the
    /// bureau, and the claim still needs it (approval and after).
    #[serde(default)]
    pub group_unverified: bool,
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
    /// Stage actions the viewer may take now (the stage allows them and,
    /// for those that move money forward, the claim qualifies now).
    pub actions: Vec<ClaimAction>,
    /// Stage actions the stage would allow but the claim's eligibility does
    /// not, each with the reasons (the page says why they are not offered).
    #[serde(default)]
    pub withheld: Vec<WithheldAction>,
    /// The viewer may file (submit) or resubmit it.
    pub can_submit: bool,
}

/// A stage action not offered because the claim does not qualify now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithheldAction {
    /// The action.
    pub action: ClaimAction,
    /// The rules that fail.
    pub reasons: Vec<IneligibleReason>,
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
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ClaimQuery {
    /// Stage.
    pub status: Option<ClaimStatus>,
    /// What the claims pay for.
    pub claim_kind: Option<ClaimKind>,
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
    /// The order (default `filed`: oldest filed first).
    pub sort: Option<ClaimSort>,
    /// Keyset cursor: the `next` of the previous page (of the same order).
    pub after: Option<String>,
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<u32>,
}

named_enum!(
    /// The language of an export's headers and values.
    ExportLang {
        /// 中文 (the default: bureaus read exports in Excel).
        Zh = "zh",
        /// English.
        En = "en",
    }
);

/// `?lang=` of the CSV and XLSX exports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ExportQuery {
    /// Language of the headers and values (default `zh`).
    pub lang: Option<ExportLang>,
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
    /// What it pays for.
    #[serde(default = "ClaimKind::training")]
    pub claim_kind: ClaimKind,
    /// Course kind (training claims).
    pub kind: Option<CourseKind>,
    /// The institution (training claims; empty otherwise).
    pub institution: String,
    /// The studio's name, or the month of a mentor's services.
    #[serde(default)]
    pub subject: String,
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
    /// The objector's mobile, proved by `code`: the bureau answers there.
    #[serde(default)]
    pub mobile: String,
    /// The code sent to `mobile` for `objection`.
    #[serde(default)]
    pub code: String,
}

/// A checked objection.
#[derive(Debug, Clone)]
pub struct ValidObjection {
    /// What is wrong.
    pub text: String,
    /// Who objects.
    pub mobile: crate::Mobile,
    /// The six digits.
    pub code: String,
}

impl NewObjection {
    /// Checks every field and names each one that fails.
    pub fn validate(&self) -> Result<ValidObjection, FieldErrors> {
        let mut e = FieldErrors::new();
        let text = self.text.trim();
        match text.chars().count() {
            0 => e.insert("text".into(), FieldCode::Required),
            n if n < 5 => e.insert("text".into(), FieldCode::TooShort),
            n if n > 1000 => e.insert("text".into(), FieldCode::TooLong),
            _ => None,
        };
        let mobile =
            crate::Mobile::parse(&self.mobile).map_err(|c| e.insert("mobile".into(), super::mobile_field_code(c))).ok();
        let code = super::verification::check_code(&self.code).map_err(|c| e.insert("code".into(), c)).ok();
        match (mobile, code) {
            (Some(mobile), Some(code)) if e.is_empty() => Ok(ValidObjection { text: text.to_owned(), mobile, code }),
            _ => Err(e),
        }
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
mod tests;
