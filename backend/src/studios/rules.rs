//! Rules of mentor studios: the policy in force, who may apply (every failed
//! rule named), which reports are due, what an evaluation decides, and how
//! much a revocation may claw back. Pure: the caller loads the facts.

use chrono::{Datelike, Months, NaiveDate};
use malanhua_shared::Fen;
use malanhua_shared::RegionCode;
use malanhua_shared::api::mentors::MentorStatus;
use malanhua_shared::api::studios::{EvaluationOutcome, StudioPolicy};
use malanhua_shared::api::subsidies::IneligibleReason;
use malanhua_shared::ids::{MentorId, ServiceRecordId};

/// A policy version by region and dates.
pub trait Version {
    /// The region that set it.
    fn region(&self) -> &str;
    /// First day.
    fn from(&self) -> NaiveDate;
    /// Last day, if it ends.
    fn until(&self) -> Option<NaiveDate>;
}

impl Version for StudioPolicy {
    fn region(&self) -> &str {
        &self.region_code
    }
    fn from(&self) -> NaiveDate {
        self.effective_from
    }
    fn until(&self) -> Option<NaiveDate> {
        self.ends_on
    }
}

impl Version for malanhua_shared::api::studios::FeePolicy {
    fn region(&self) -> &str {
        &self.region_code
    }
    fn from(&self) -> NaiveDate {
        self.effective_from
    }
    fn until(&self) -> Option<NaiveDate> {
        self.ends_on
    }
}

/// The version in force for `region` on `date`: the nearest region (itself,
/// then each ancestor) with a version effective by then, and within it the
/// latest such version, unless that version has ended by `date`.
pub fn in_force<'a, T: Version>(versions: &'a [T], region: &RegionCode, date: NaiveDate) -> Option<&'a T> {
    let mut at = Some(region.clone());
    while let Some(r) = at {
        let latest = versions.iter().filter(|v| v.region() == r.as_str() && v.from() <= date).max_by_key(|v| v.from());
        if let Some(v) = latest {
            return v.until().is_none_or(|end| date <= end).then_some(v);
        }
        at = r.parent();
    }
    None
}

/// A mentor as the application sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The mentor.
    pub id: MentorId,
    /// Their status today (expired terms already read as expired).
    pub status: MentorStatus,
    /// Their region.
    pub region: RegionCode,
    /// They belong to another live studio (applied, recognised or rectifying).
    pub in_other_studio: bool,
}

/// A cited service record as the application sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The record.
    pub id: ServiceRecordId,
    /// Whose service it was.
    pub mentor: MentorId,
    /// The day the service began.
    pub on: NaiveDate,
    /// Confirmed by the person served (or, for a group session, the bureau).
    pub confirmed: bool,
    /// Long enough to count under the mentor-library policy.
    pub long_enough: bool,
    /// Cited by another application already.
    pub cited_elsewhere: bool,
}

/// Everything the application rules look at.
#[derive(Debug, Clone)]
pub struct ApplicationFacts<'a> {
    /// The policy in force, if any.
    pub policy: Option<&'a StudioPolicy>,
    /// The studio's region (the leader's).
    pub region: &'a RegionCode,
    /// The leader.
    pub leader: &'a Candidate,
    /// The other members.
    pub members: &'a [Candidate],
    /// The cited records.
    pub citations: &'a [Citation],
    /// The day of the application.
    pub today: NaiveDate,
    /// The leader's ban after a revocation, if one runs.
    pub banned_until: Option<NaiveDate>,
    /// The leader already has a live studio under this policy.
    pub live_under_policy: bool,
}

/// The first day of the evidence window: one year before `today`.
pub fn window_start(today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(12)).unwrap_or(NaiveDate::MIN)
}

/// Whether a citation counts for this studio.
pub fn countable(c: &Citation, people: &[&MentorId], today: NaiveDate) -> bool {
    people.contains(&&c.mentor) && c.confirmed && c.long_enough && c.on >= window_start(today) && c.on <= today
}

/// Every rule the application fails, in a stable order; empty when it may go ahead.
pub fn application_reasons(f: &ApplicationFacts<'_>) -> Vec<IneligibleReason> {
    let mut r = Vec::new();
    let Some(policy) = f.policy else { return vec![IneligibleReason::NoStudioPolicy] };
    if f.leader.status != MentorStatus::Active {
        r.push(IneligibleReason::LeaderNotActive);
    }
    if f.members.iter().any(|m| m.status != MentorStatus::Active || !f.region.contains(&m.region)) {
        r.push(IneligibleReason::MemberNotActive);
    }
    let others = f.members.iter().filter(|m| m.id != f.leader.id).count();
    if others < policy.min_members as usize {
        r.push(IneligibleReason::TooFewMembers);
    }
    if f.leader.in_other_studio || f.members.iter().any(|m| m.in_other_studio) {
        r.push(IneligibleReason::MemberInOtherStudio);
    }
    if f.banned_until.is_some_and(|until| f.today <= until) {
        r.push(IneligibleReason::BannedAfterRevocation);
    }
    if f.live_under_policy {
        r.push(IneligibleReason::StudioAlreadyRecognised);
    }
    if f.citations.iter().any(|c| c.cited_elsewhere) {
        r.push(IneligibleReason::RecordAlreadyCited);
    }
    let mut people: Vec<&MentorId> = f.members.iter().map(|m| &m.id).collect();
    people.push(&f.leader.id);
    if f.citations.iter().any(|c| !countable(c, &people, f.today)) {
        r.push(IneligibleReason::RecordNotCountable);
    }
    let counted = f.citations.iter().filter(|c| !c.cited_elsewhere && countable(c, &people, f.today)).count();
    if counted < policy.min_services as usize {
        r.push(IneligibleReason::TooFewServices);
    }
    r.sort();
    r.dedup();
    r
}

/// The last day of a recognition given on `on` for `years`.
pub fn cycle_end(on: NaiveDate, years: u32) -> NaiveDate {
    on.checked_add_months(Months::new(years * 12)).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

/// Days after a period's end before its report counts as missing.
pub const REPORT_GRACE_DAYS: i64 = 15;

/// The start of every report period from `recognised_on` whose report is due
/// by `today` (the period ended more than the grace ago) and not filed.
pub fn reports_missing(
    recognised_on: NaiveDate,
    cycle_ends_on: NaiveDate,
    months: u32,
    filed: &[NaiveDate],
    today: NaiveDate,
) -> Vec<NaiveDate> {
    report_periods(recognised_on, cycle_ends_on, months)
        .into_iter()
        .filter(|(start, end)| *end + chrono::Duration::days(REPORT_GRACE_DAYS) < today && !filed.contains(start))
        .map(|(start, _)| start)
        .collect()
}

/// The report periods of a cycle: (first day, last day), `months` long from recognition.
pub fn report_periods(recognised_on: NaiveDate, cycle_ends_on: NaiveDate, months: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut start = recognised_on;
    while start <= cycle_ends_on && out.len() < 240 {
        let next = start.checked_add_months(Months::new(months.max(1))).unwrap_or(NaiveDate::MAX);
        let end = next.pred_opt().unwrap_or(next).min(cycle_ends_on);
        out.push((start, end));
        start = next;
    }
    out
}

/// A report may be filed for a period of the cycle that has begun.
pub fn report_period_allowed(
    recognised_on: NaiveDate,
    cycle_ends_on: NaiveDate,
    months: u32,
    period_start: NaiveDate,
    today: NaiveDate,
) -> bool {
    period_start <= today
        && report_periods(recognised_on, cycle_ends_on, months).iter().any(|(s, _)| *s == period_start)
}

/// The earliest calendar year of the cycle that has ended by `today` and has
/// no evaluation yet.
pub fn evaluation_due(
    recognised_on: NaiveDate,
    cycle_ends_on: NaiveDate,
    evaluated: &[i32],
    today: NaiveDate,
) -> Option<i32> {
    (recognised_on.year()..today.year()).find(|y| *y <= cycle_ends_on.year() && !evaluated.contains(y))
}

/// What an evaluation decides: a pass; below the pass mark a rectification,
/// or revocation when the studio is already rectifying (the second failure).
pub fn evaluation_outcome(score: u32, pass_mark: u32, rectifying: bool) -> EvaluationOutcome {
    if score >= pass_mark {
        EvaluationOutcome::Passed
    } else if rectifying {
        EvaluationOutcome::Revoked
    } else {
        EvaluationOutcome::Rectification
    }
}

/// The most a revocation may recover: what was paid and not justified by
/// reported spending.
pub fn clawback_max(paid: Fen, spent: Fen) -> Fen {
    Fen::new((paid.get() - spent.get()).max(0)).unwrap_or(Fen::ZERO)
}

/// An officer may revoke outside an evaluation when a report is missing, or
/// the rectification deadline passed.
pub fn may_revoke(reports_missing: bool, rectify_by: Option<NaiveDate>, today: NaiveDate) -> bool {
    reports_missing || rectify_by.is_some_and(|by| today > by)
}

/// Whether `year` may be evaluated on `today`: a year of the cycle (from
/// the year of recognition to the year the cycle ends; the current year
/// for a studio not yet recognised) that has already ended.
pub fn evaluable_year(
    year: i32,
    recognised_on: Option<NaiveDate>,
    cycle_ends_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    let first = recognised_on.map_or(today.year(), |d| d.year());
    let last = cycle_ends_on.map_or(today.year(), |d| d.year());
    (first..=last).contains(&year) && year < today.year()
}

/// The last day of the ban after a revocation on `today`.
pub fn ban_until(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    (years > 0).then(|| today.checked_add_months(Months::new(years * 12)).unwrap_or(NaiveDate::MAX))
}

#[cfg(test)]
mod tests;
