//! Rules of training subsidies: the policy in force, eligibility with every
//! failed rule named, the length of public notice, and the stages of a claim.
//! Pure: the caller loads the facts and passes the date.

use chrono::{DateTime, Utc};
use chrono::{Datelike, Months, NaiveDate};
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimKind, ClaimStatus, DeclarationStatus, IneligibleReason, Payee, PriorityGroup,
};
use malanhua_shared::course::CourseKind;
use malanhua_shared::ids::SubsidyPolicyId;
use malanhua_shared::{Fen, FieldCode, RegionCode};

/// One version of a region's subsidy policy for a course kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    /// Version id.
    pub id: SubsidyPolicyId,
    /// The region that set it.
    pub region: RegionCode,
    /// Course kind.
    pub kind: CourseKind,
    /// First certificate date it applies to.
    pub effective_from: NaiveDate,
    /// Last certificate date it applies to, if it ends.
    pub ends_on: Option<NaiveDate>,
    /// Amount per certified trainee.
    pub amount: Fen,
    /// Who is paid.
    pub payee: Payee,
    /// Groups it covers.
    pub groups: Vec<PriorityGroup>,
    /// Claim window in months after the certificate.
    pub window_months: u32,
    /// Working days of public notice.
    pub notice_days: u32,
    /// One subsidy a year per person, whatever the kind.
    pub one_per_year: bool,
    /// The covering group must be held in the policy's region.
    pub local_groups: bool,
    /// The amount is a ceiling: the class's cost per trainee pays when lower.
    pub amount_is_cap: bool,
}

/// The version in force for `region` and `kind` on `date`: the nearest region
/// (itself, then each ancestor) with a version effective by then, and within
/// it the latest such version, unless that version has ended by `date`.
pub fn policy_in_force<'a>(
    versions: &'a [PolicyVersion],
    region: &RegionCode,
    kind: CourseKind,
    date: NaiveDate,
) -> Option<&'a PolicyVersion> {
    let mut at = Some(region.clone());
    while let Some(r) = at {
        let latest = versions
            .iter()
            .filter(|v| v.region == r && v.kind == kind && v.effective_from <= date)
            .max_by_key(|v| v.effective_from);
        if let Some(v) = latest {
            return v.ends_on.is_none_or(|end| date <= end).then_some(v);
        }
        at = r.parent();
    }
    None
}

/// A priority-group declaration as eligibility sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldGroup {
    /// The group.
    pub group: PriorityGroup,
    /// Held from.
    pub from: NaiveDate,
    /// Held until, if it ends.
    pub to: Option<NaiveDate>,
    /// Declared, verified or rejected (rejected never counts).
    pub status: DeclarationStatus,
    /// The region that issued the evidence, if declared.
    pub issued_in: Option<RegionCode>,
}

impl HeldGroup {
    /// True when the declaration counts on `date`.
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.status != DeclarationStatus::Rejected && self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// The certificate a claim rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateFacts {
    /// Revoked certificates earn nothing.
    pub revoked: bool,
    /// Issue date (the policy date and the start of the window).
    pub issued_on: NaiveDate,
    /// Course kind.
    pub kind: CourseKind,
}

/// The class the certificate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassFacts {
    /// When the bureau approved the opening, if it did.
    pub approved_at: Option<DateTime<Utc>>,
    /// When the first session started.
    pub starts_at: DateTime<Utc>,
    /// The training date the groups are checked on (the first session's
    /// day, in Shanghai).
    pub training_date: NaiveDate,
    /// What the class costs per trainee, if the institution charges one.
    pub fee: Option<Fen>,
}

/// Another live (non-rejected) claim of the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherClaim {
    /// Its course kind.
    pub kind: CourseKind,
    /// The year of its certificate.
    pub certificate_year: i32,
}

/// Everything the eligibility rules look at.
#[derive(Debug, Clone, Copy)]
pub struct ClaimFacts<'a> {
    /// The certificate, if it exists.
    pub certificate: Option<CertificateFacts>,
    /// Its class.
    pub class: Option<ClassFacts>,
    /// The trainee's declarations.
    pub groups: &'a [HeldGroup],
    /// The policy in force on the certificate date (or the claim's own, once filed).
    pub policy: Option<&'a PolicyVersion>,
    /// The day the claim was (or would be) filed.
    pub filed_on: NaiveDate,
    /// Who is filing: the institution or the trainee.
    pub claimant: Payee,
    /// The person's other live claims.
    pub others: &'a [OtherClaim],
    /// The covering group must be verified by the bureau (approval, notice
    /// and payment), not only declared.
    pub require_verified: bool,
}

/// An eligible claim: how much, under which policy, to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligible {
    /// Amount.
    pub amount: Fen,
    /// Policy version id.
    pub policy_id: SubsidyPolicyId,
    /// Who is paid.
    pub payee: Payee,
}

/// Decides a claim: eligible with the amount and policy, or every failed rule.
pub fn eligibility(f: &ClaimFacts<'_>) -> Result<Eligible, Vec<IneligibleReason>> {
    let Some(cert) = f.certificate else { return Err(vec![IneligibleReason::CertificateMissing]) };
    let mut reasons = Vec::new();
    if cert.revoked {
        reasons.push(IneligibleReason::CertificateRevoked);
    }
    let approved_in_time = f.class.is_some_and(|c| c.approved_at.is_some_and(|at| at < c.starts_at));
    if !approved_in_time {
        reasons.push(IneligibleReason::ClassNotApprovedBeforeStart);
    }
    match f.policy {
        None => reasons.push(IneligibleReason::NoPolicy),
        Some(p) => {
            let held: Vec<&HeldGroup> = f
                .class
                .map(|c| {
                    f.groups.iter().filter(|g| p.groups.contains(&g.group) && g.held_on(c.training_date)).collect()
                })
                .unwrap_or_default();
            let local = |g: &&HeldGroup| !p.local_groups || g.issued_in.as_ref().is_some_and(|r| p.region.contains(r));
            let covering: Vec<&HeldGroup> = held.iter().copied().filter(local).collect();
            if covering.is_empty() && !held.is_empty() {
                reasons.push(IneligibleReason::GroupNotLocal);
            } else if covering.is_empty() {
                reasons.push(IneligibleReason::NoEligibleGroup);
            } else if f.require_verified && !covering.iter().any(|g| g.status == DeclarationStatus::Verified) {
                reasons.push(IneligibleReason::GroupNotVerified);
            }
            let deadline = cert.issued_on.checked_add_months(Months::new(p.window_months)).unwrap_or(NaiveDate::MAX);
            if f.filed_on > deadline {
                reasons.push(IneligibleReason::WindowExpired);
            }
            if p.one_per_year && f.others.iter().any(|o| o.certificate_year == cert.issued_on.year()) {
                reasons.push(IneligibleReason::AlreadySubsidisedThisYear);
            }
            if p.payee != f.claimant {
                reasons.push(IneligibleReason::PayeeMismatch);
            }
            if p.amount_is_cap && f.class.is_some_and(|c| c.fee.is_none()) {
                reasons.push(IneligibleReason::ClassCostUnknown);
            }
        }
    }
    if f.others.iter().any(|o| o.kind == cert.kind) {
        reasons.push(IneligibleReason::AlreadySubsidised);
    }
    reasons.sort();
    match f.policy {
        Some(p) if reasons.is_empty() => {
            Ok(Eligible { amount: amount_due(p, f.class.and_then(|c| c.fee)), policy_id: p.id.clone(), payee: p.payee })
        }
        _ => Err(reasons),
    }
}

/// What a policy pays for a class: its amount, or for an "up to" policy the
/// class's cost per trainee when that is lower.
pub fn amount_due(policy: &PolicyVersion, fee: Option<Fen>) -> Fen {
    match (policy.amount_is_cap, fee) {
        (true, Some(fee)) if fee.get() < policy.amount.get() => fee,
        _ => policy.amount,
    }
}

/// Whether a policy version paying `amount` takes effect only once a
/// second officer confirms it: above the configured amount (fen).
pub fn needs_second_officer(amount: Fen, above_fen: i64) -> bool {
    amount.get() > above_fen
}

/// The reason a decision on a policy proposal carries: needed to turn it
/// down, optional to confirm it, and checked whenever given.
pub fn proposal_reason(approve: bool, reason: Option<&str>) -> Result<Option<String>, FieldCode> {
    match reason.filter(|r| !r.trim().is_empty()) {
        Some(r) => check_reason(r).map(Some),
        None if approve => Ok(None),
        None => Err(FieldCode::Required),
    }
}

/// Working days of public notice when a policy version names none.
pub const DEFAULT_NOTICE_WORKING_DAYS: u32 = 5;

/// Working days of public notice for a claim under a policy version that
/// names `policy_days` (none, or a nonsensical negative: the default).
pub fn notice_working_days(policy_days: Option<i32>) -> u32 {
    policy_days.and_then(|d| u32::try_from(d).ok()).unwrap_or(DEFAULT_NOTICE_WORKING_DAYS)
}

/// Who has done what to a claim so far, and what holds it.
#[derive(Debug, Clone, Copy)]
pub struct StageContext<'a> {
    /// The officer acting.
    pub officer: &'a str,
    /// Who reviewed it (初审).
    pub reviewed_by: Option<&'a str>,
    /// Who approved it (复审).
    pub approved_by: Option<&'a str>,
    /// Today in Shanghai.
    pub today: NaiveDate,
    /// Last day of public notice.
    pub notice_ends_on: Option<NaiveDate>,
    /// An objection is open (it holds payment whatever the stage says).
    pub open_objections: bool,
    /// The officer is paid by the claim, filed it, or is a member of the
    /// studio it is for.
    pub party: bool,
}

/// Why a stage action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageError {
    /// The claim is not at a stage this action applies to.
    WrongState,
    /// The reviewer may not approve; the approver may not pay.
    SameOfficer,
    /// Nobody decides a claim that pays them or that they filed.
    OwnClaim,
    /// Public notice has not ended, or an objection holds the claim.
    NoticeRunning,
}

/// The stage an officer's action leads to. Review, approval and payment are
/// done by different officers: the reviewer never approves and the approver
/// never pays; nobody acts on a claim they are party to.
pub fn next_status(
    status: ClaimStatus,
    action: ClaimAction,
    ctx: &StageContext<'_>,
) -> Result<ClaimStatus, StageError> {
    use ClaimAction as A;
    use ClaimStatus as S;
    if ctx.party {
        return Err(StageError::OwnClaim);
    }
    match (action, status) {
        (A::Review, S::Submitted) => Ok(S::Reviewed),
        (A::Approve, S::Reviewed) => {
            if ctx.reviewed_by == Some(ctx.officer) {
                Err(StageError::SameOfficer)
            } else {
                Ok(S::Approved)
            }
        }
        (A::Publish, S::Approved) => Ok(S::Notice),
        (A::Pay, S::Held) => Err(StageError::NoticeRunning),
        (A::Pay, S::Notice) => {
            if ctx.approved_by == Some(ctx.officer) {
                Err(StageError::SameOfficer)
            } else if ctx.open_objections || ctx.notice_ends_on.is_none_or(|end| ctx.today <= end) {
                Err(StageError::NoticeRunning)
            } else {
                Ok(S::Paid)
            }
        }
        (A::Return, S::Submitted | S::Reviewed | S::Approved) => Ok(S::Returned),
        (A::Reject, S::Draft | S::Submitted | S::Reviewed | S::Approved | S::Notice | S::Held | S::Returned) => {
            Ok(S::Rejected)
        }
        _ => Err(StageError::WrongState),
    }
}

/// Everything that moves a claim from one stage to another.
#[derive(Debug, Clone, Copy)]
pub enum ClaimEvent<'a> {
    /// An officer's stage action, with what decides it.
    Officer(ClaimAction, &'a StageContext<'a>),
    /// The payee files a drafted claim or refiles a returned one.
    File,
    /// Someone objects while notice runs: the claim is held.
    Object,
    /// An objection is dismissed; notice resumes once none is left open.
    Dismiss {
        /// Objections still open after this one.
        still_open: bool,
    },
    /// An objection is upheld: the claim is rejected.
    Uphold,
    /// The certificate was revoked: a draft is closed.
    CertificateRevoked,
}

/// The one transition function of a claim: the stage `event` leads to from
/// `status`, or why it cannot happen. No claim's stage is written otherwise.
pub fn transition(status: ClaimStatus, event: ClaimEvent<'_>) -> Result<ClaimStatus, StageError> {
    use ClaimStatus as S;
    match (event, status) {
        (ClaimEvent::Officer(action, ctx), _) => next_status(status, action, ctx),
        (ClaimEvent::File, S::Draft | S::Returned) => Ok(S::Submitted),
        (ClaimEvent::Object, S::Notice | S::Held) => Ok(S::Held),
        (ClaimEvent::Dismiss { still_open: false }, S::Held) => Ok(S::Notice),
        (ClaimEvent::Dismiss { .. }, other) => Ok(other),
        (ClaimEvent::Uphold, S::Held) => Ok(S::Rejected),
        (ClaimEvent::CertificateRevoked, S::Draft) => Ok(S::Rejected),
        _ => Err(StageError::WrongState),
    }
}

/// The actions that would succeed now, in stage order.
pub fn available_actions(status: ClaimStatus, ctx: &StageContext<'_>) -> Vec<ClaimAction> {
    ClaimAction::ALL.iter().copied().filter(|a| next_status(status, *a, ctx).is_ok()).collect()
}

/// True when eligibility must hold for the action (stages that move money forward).
pub fn rechecks_eligibility(action: ClaimAction) -> bool {
    matches!(action, ClaimAction::Review | ClaimAction::Approve | ClaimAction::Publish | ClaimAction::Pay)
}

/// True when the action needs the covering group verified by the bureau, not
/// only declared: approval and everything after it.
pub fn needs_verified_group(action: ClaimAction) -> bool {
    matches!(action, ClaimAction::Approve | ClaimAction::Publish | ClaimAction::Pay)
}

/// True when the claim's next step needs a verified group (so the claim page
/// shows `group_not_verified` before anyone tries).
pub fn verification_due(status: ClaimStatus) -> bool {
    matches!(status, ClaimStatus::Reviewed | ClaimStatus::Approved | ClaimStatus::Notice | ClaimStatus::Held)
}

/// The stage actions the claim page offers, and those it withholds with the
/// reasons: an action that moves money forward is offered only while the
/// claim qualifies; returning and rejecting are always offered.
pub fn split_by_eligibility(
    actions: Vec<ClaimAction>,
    reasons: &[IneligibleReason],
) -> (Vec<ClaimAction>, Vec<(ClaimAction, Vec<IneligibleReason>)>) {
    let (withheld, offered): (Vec<ClaimAction>, Vec<ClaimAction>) =
        actions.into_iter().partition(|a| rechecks_eligibility(*a) && !reasons.is_empty());
    (offered, withheld.into_iter().map(|a| (a, reasons.to_vec())).collect())
}

/// The worklist marks a training claim whose holder has declared a priority
/// group the bureau has not verified yet, while the claim is still to be
/// approved, published or paid (those stages need a verified group).
pub fn group_unverified(kind: ClaimKind, status: ClaimStatus, declarations: &[DeclarationStatus]) -> bool {
    use ClaimStatus as S;
    let open = matches!(status, S::Submitted | S::Reviewed | S::Approved | S::Notice | S::Held);
    kind == ClaimKind::Training
        && open
        && declarations.contains(&DeclarationStatus::Declared)
        && !declarations.contains(&DeclarationStatus::Verified)
}

/// Days a payee has to return a subsidy whose certificate was revoked.
pub const RECOVERY_DUE_DAYS: i64 = 30;

/// When a recovery opened on `today` is due.
pub fn recovery_due(today: NaiveDate) -> NaiveDate {
    today + chrono::Duration::days(RECOVERY_DUE_DAYS)
}

/// The money can have come back from the day the recovery opened until today.
pub fn recovered_on_allowed(day: NaiveDate, today: NaiveDate, opened_on: NaiveDate) -> bool {
    day <= today && day >= opened_on
}

/// A payment date is a day after notice ended and not in the future.
pub fn paid_on_allowed(day: NaiveDate, today: NaiveDate, notice_ends_on: Option<NaiveDate>) -> bool {
    day <= today && notice_ends_on.is_none_or(|end| day > end)
}

/// The payee files (or refiles) a drafted or returned claim.
pub fn can_submit(status: ClaimStatus) -> bool {
    transition(status, ClaimEvent::File).is_ok()
}

/// An objection may be filed while the claim is on notice and its notice runs.
pub fn objection_allowed(status: ClaimStatus, notice_ends_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    matches!(status, ClaimStatus::Notice | ClaimStatus::Held) && notice_ends_on.is_some_and(|end| today <= end)
}

#[cfg(test)]
mod tests;
