//! Claiming a mentor's services: one line per service and kind on the
//! month's draft claim (kind `service_fee`), cut to the yearly cap; the
//! mentor's overview; the monthly draft of last month's services.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use malanhua_shared::api::mentors::MentorStatus;
use malanhua_shared::api::studios::{FeeLine, FeeLineKind, FeeLineRequest, FeeOverview, FeePolicy, UnclaimedService};
use malanhua_shared::api::subsidies::{ClaimKind, ClaimStatus, IneligibleReason, Payee};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{FeeLineId, MentorId, ServiceRecordId};
use malanhua_shared::{Fen, FieldCode};

use super::policies::policy_on;
use super::rules::{ServiceFacts, capped, claim_reasons, lines_due};
use super::store::{self as fq, FeeLineRow};
use crate::core::audit::{self, Entry};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::mentors::rules::effective_status;
use crate::mentors::store::{self as mq, MentorRow, ServiceFact, Which};
use crate::subsidies::claims::{notify, record};
use crate::subsidies::decode::not_eligible;
use crate::subsidies::store::{self as cq, ClaimRow};

/// The month of a service, `YYYY-MM` (the claim it goes on).
pub fn period_of(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

fn facts_of(
    c: &mut DbConn,
    mentor: &MentorRow,
    f: &ServiceFact,
    now: DateTime<Utc>,
) -> Result<(ServiceFacts, NaiveDate), AppError> {
    let day = shanghai_date(utc(f.starts_at));
    let existing = fq::lines_of_records(c, std::slice::from_ref(&f.record.id))?;
    let facts = ServiceFacts {
        mentor_active: effective_status(mentor.status, mentor.term_to, now) == MentorStatus::Active,
        group: f.group(),
        minutes: u32::try_from(f.record.minutes).unwrap_or(0),
        offline: f.record.offline,
        confirmed: if f.group() { f.record.bureau_confirmed_at.is_some() } else { f.person_confirmed },
        claimed_fee: existing.iter().any(|l| l.kind == FeeLineKind::Fee),
        claimed_transport: existing.iter().any(|l| l.kind == FeeLineKind::Transport),
    };
    Ok((facts, day))
}

/// A service assessed for a claim now.
struct Assessed {
    /// Every rule it fails (empty: it may be claimed).
    reasons: Vec<IneligibleReason>,
    /// The policy in force on the service's day.
    policy: Option<FeePolicy>,
    /// The facts the rules read.
    facts: ServiceFacts,
    /// The service's day in Shanghai.
    day: NaiveDate,
    /// Claimed in that year so far.
    claimed: Fen,
}

/// Why the service cannot be claimed now (empty: it can), with the policy.
fn assess(c: &mut DbConn, mentor: &MentorRow, f: &ServiceFact, now: DateTime<Utc>) -> Result<Assessed, AppError> {
    let (facts, day) = facts_of(c, mentor, f, now)?;
    let policy = policy_on(c, &mentor.region_code, day)?;
    let claimed = fq::claimed_in_year(c, &mentor.id, day.year())?;
    let reasons = claim_reasons(policy.as_ref(), &facts, claimed);
    Ok(Assessed { reasons, policy, facts, day, claimed })
}

/// The month's draft claim of the mentor, drafted (and the mentor told) if none is open.
fn month_draft(
    c: &mut DbConn,
    mentor: &MentorRow,
    policy: &FeePolicy,
    period: &str,
    now: DateTime<Utc>,
) -> Result<ClaimRow, AppError> {
    if let Some(open) = fq::draft_of(c, &mentor.id, period)? {
        return Ok(open);
    }
    let mut claim = ClaimRow::new(
        ClaimKind::ServiceFee,
        mentor.user_id.clone(),
        mentor.region_code.clone(),
        Payee::Mentor,
        Fen::ZERO,
        ClaimStatus::Draft,
        naive(now),
    );
    claim.subject = period.to_owned();
    claim.mentor_id = Some(mentor.id.clone());
    claim.fee_policy_id = Some(policy.id.clone());
    claim.period = Some(period.to_owned());
    cq::insert_claim(c, &claim)?;
    record(c, None, AuditAction::DraftClaim, &claim, ClaimStatus::Draft, None, now)?;
    notify(c, &claim, NotificationKind::FeeClaimDrafted, Some(period), now)?;
    Ok(claim)
}

/// Claims one service in the caller's transaction (the mentor's row locked):
/// the lines written, or every reason it cannot be claimed.
pub(crate) fn claim_service(
    c: &mut DbConn,
    mentor: &MentorRow,
    f: &ServiceFact,
    by: Option<&malanhua_shared::ids::UserId>,
    now: DateTime<Utc>,
) -> Result<Result<Vec<FeeLineRow>, Vec<IneligibleReason>>, AppError> {
    let Assessed { reasons, policy, facts, day, claimed } = assess(c, mentor, f, now)?;
    let Some(policy) = policy.filter(|_| reasons.is_empty()) else { return Ok(Err(reasons)) };
    let lines = capped(&lines_due(&policy, &facts), claimed, policy.yearly_cap_fen);
    if lines.is_empty() {
        return Ok(Err(vec![IneligibleReason::OverYearlyCap]));
    }
    let claim = month_draft(c, mentor, &policy, &period_of(day), now)?;
    let mut written = Vec::new();
    for (kind, due, paid) in lines {
        let row = FeeLineRow {
            id: FeeLineId::from_raw(new_id()),
            record_id: f.record.id.clone(),
            kind,
            mentor_id: mentor.id.clone(),
            claim_id: claim.id.clone(),
            policy_id: policy.id.clone(),
            service_year: day.year(),
            due_fen: due,
            amount_fen: paid,
            created_at: naive(now),
        };
        match fq::insert_line(c, &row) {
            Ok(()) => written.push(row),
            Err(e) if is_unique_violation(&e) => return Ok(Err(vec![IneligibleReason::ServiceAlreadyClaimed])),
            Err(e) => return Err(e.into()),
        }
    }
    let total: i64 = fq::lines_of_claim(c, &claim.id)?.iter().map(|l| l.amount_fen.get()).sum();
    fq::set_draft_amount(c, &claim.id, Fen::new(total).unwrap_or(Fen::ZERO), naive(now))?;
    let summary = written.iter().map(|l| format!("{} {} fen", l.kind.as_str(), l.amount_fen.get())).collect::<Vec<_>>();
    let entry = Entry {
        actor: by,
        action: AuditAction::ClaimServiceFee,
        entity_type: "claim",
        entity_id: claim.id.as_str(),
        summary: format!("record {}: {}", f.record.id.as_str(), summary.join(", ")),
        reason: None,
    };
    audit::record(c, entry, now)?;
    Ok(Ok(written))
}

/// The mentor's overview: policy, this year's total, lines, claims and what is left to claim.
pub(crate) fn overview_of(c: &mut DbConn, mentor: &MentorRow, now: DateTime<Utc>) -> Result<FeeOverview, AppError> {
    let today = shanghai_date(now);
    let facts = mq::service_facts(c, Which::Mentors(std::slice::from_ref(&mentor.id), naive_min(), naive(now)))?;
    let lines_rows = fq::lines_of_mentor(c, &mentor.id)?;
    let mut lines = Vec::new();
    for l in &lines_rows {
        let Some(f) = facts.iter().find(|f| f.record.id == l.record_id) else { continue };
        lines.push(FeeLine {
            id: l.id.clone(),
            record_id: l.record_id.clone(),
            kind: l.kind,
            claim_id: l.claim_id.clone(),
            starts_at: utc(f.starts_at),
            minutes: u32::try_from(f.record.minutes).unwrap_or(0),
            group: f.group(),
            due_fen: l.due_fen,
            amount_fen: l.amount_fen,
        });
    }
    let mut unclaimed = Vec::new();
    for f in facts.iter().rev().filter(|f| !lines_rows.iter().any(|l| l.record_id == f.record.id)) {
        let reasons = assess(c, mentor, f, now)?.reasons;
        unclaimed.push(UnclaimedService {
            record_id: f.record.id.clone(),
            starts_at: utc(f.starts_at),
            minutes: u32::try_from(f.record.minutes).unwrap_or(0),
            group: f.group(),
            reasons,
        });
    }
    let claims = fq::claims_of_mentor(c, &mentor.id)?;
    Ok(FeeOverview {
        policy: policy_on(c, &mentor.region_code, today)?,
        year: today.year(),
        claimed_fen: fq::claimed_in_year(c, &mentor.id, today.year())?,
        lines,
        claims: crate::subsidies::reading::summaries(c, &claims)?,
        unclaimed,
    })
}

fn naive_min() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::MIN
}

/// `GET /api/me/mentor/fees`.
pub async fn overview(
    state: &AppState,
    actor: crate::core::authorization::Actor,
    now: DateTime<Utc>,
) -> Result<FeeOverview, AppError> {
    state
        .db(move |c| {
            let me = crate::studios::apply::own_mentor(c, &actor)?;
            overview_of(c, &me, now)
        })
        .await
}

/// `POST /api/me/mentor/fees`: the mentor claims one recorded service.
pub async fn claim(
    state: &AppState,
    actor: crate::core::authorization::Actor,
    req: FeeLineRequest,
    now: DateTime<Utc>,
) -> Result<FeeOverview, AppError> {
    let raw = req.record_id.trim().to_owned();
    if raw.is_empty() {
        return Err(AppError::field("record_id", FieldCode::Required));
    }
    let id = ServiceRecordId::from_raw(raw);
    state
        .write(move |c| {
            let me = crate::studios::apply::own_mentor(c, &actor)?;
            mq::locked_mentor(c, &me.id)?;
            let fact = mq::service_facts(c, Which::Ids(std::slice::from_ref(&id)))?
                .pop()
                .filter(|f| f.record.mentor_id == me.id)
                .ok_or_else(|| AppError::field("record_id", FieldCode::UnknownReference))?;
            if let Err(reasons) = claim_service(c, &me, &fact, Some(&actor.user_id), now)? {
                return Err(not_eligible(&reasons));
            }
            overview_of(c, &me, now)
        })
        .await
}

/// The monthly batch: every service of last month not yet claimed goes on
/// its mentor's draft claim where the rules allow. Returns lines written.
pub fn draft_last_month(c: &mut DbConn, now: DateTime<Utc>) -> Result<usize, AppError> {
    let today = shanghai_date(now);
    let this_month = today.with_day(1).unwrap_or(today);
    let last_month = this_month.pred_opt().and_then(|d| d.with_day(1)).unwrap_or(this_month);
    let from = naive(malanhua_shared::course::shanghai_midnight(last_month));
    let to = naive(malanhua_shared::course::shanghai_midnight(this_month));
    let ids: Vec<MentorId> = mq::mentors_under(c, "", Some(MentorStatus::Active))?.into_iter().map(|m| m.id).collect();
    let facts = mq::service_facts(c, Which::Mentors(&ids, from, to))?;
    let records: Vec<ServiceRecordId> = facts.iter().map(|f| f.record.id.clone()).collect();
    let done: Vec<ServiceRecordId> = fq::lines_of_records(c, &records)?.into_iter().map(|l| l.record_id).collect();
    let mut written = 0;
    for f in facts.iter().filter(|f| !done.contains(&f.record.id)) {
        let Some(mentor) = mq::locked_mentor(c, &f.record.mentor_id)? else { continue };
        if let Ok(lines) = claim_service(c, &mentor, f, None, now)? {
            written += lines.len();
        }
    }
    Ok(written)
}
