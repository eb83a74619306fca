//! The mentor library's rules, pure: where a mentor stands, the policy's
//! defaults, what a bureau action does, the life of an appointment and of a
//! group seat, and (in `slots`) which times can be booked.

mod slots;

pub use slots::*;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use malanhua_shared::api::mentors::{AppointmentStatus, MentorAction, MentorPolicy, MentorStatus, ServiceMode};
use malanhua_shared::course::shanghai_date;

/// The programme's defaults where a region set no policy: 3-year terms and at
/// least 10 services a year of at least 30 minutes (Qingdao); 48 hours to
/// answer a request, 2 hours' cut-off for cancelling, 3 open requests a person,
/// a reminder a day ahead (no text fixes these; they are policy rows).
pub fn default_policy(region: &str) -> MentorPolicy {
    MentorPolicy {
        region_code: region.to_owned(),
        defined_in: None,
        effective_from: None,
        term_years: 3,
        request_expiry_hours: 48,
        cancel_cutoff_hours: 2,
        max_open_requests: 3,
        yearly_min_services: 10,
        min_service_minutes: 30,
        reminder_hours: 24,
    }
}

/// Where a mentor stands today: an active mentor whose term has ended reads
/// `expired` even before the job writes it.
pub fn effective_status(status: MentorStatus, term_to: Option<NaiveDate>, now: DateTime<Utc>) -> MentorStatus {
    match (status, term_to) {
        (MentorStatus::Active, Some(end)) if shanghai_date(now) > end => MentorStatus::Expired,
        (s, _) => s,
    }
}

/// True when the mentor may be listed and booked.
pub fn bookable(status: MentorStatus, term_to: Option<NaiveDate>, now: DateTime<Utc>) -> bool {
    effective_status(status, term_to, now) == MentorStatus::Active
}

/// Why a bureau action cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    /// Not from this status.
    WrongState,
    /// A reason is needed.
    ReasonRequired,
}

/// The status a bureau action leads to from `from` (as it stands today).
pub fn decide(from: MentorStatus, action: MentorAction, has_reason: bool) -> Result<MentorStatus, DecisionError> {
    use MentorAction as A;
    use MentorStatus as S;
    let to = match (from, action) {
        (S::Applied, A::Admit) => S::Active,
        (S::Applied, A::Refuse) => S::Refused,
        (S::Active, A::Suspend) => S::Suspended,
        (S::Suspended, A::Reinstate) => S::Active,
        (S::Active | S::Suspended | S::Expired, A::Remove) => S::Removed,
        // Renewal after a term: a new admission of the expired mentor.
        (S::Expired, A::Admit) => S::Active,
        _ => return Err(DecisionError::WrongState),
    };
    let needs_reason = matches!(action, A::Refuse | A::Suspend | A::Remove);
    if needs_reason && !has_reason { Err(DecisionError::ReasonRequired) } else { Ok(to) }
}

/// The last day of a term of `years` from `from`.
pub fn term_end(from: NaiveDate, years: u32) -> NaiveDate {
    let years = i32::try_from(years).unwrap_or(3);
    from.with_year(from.year() + years)
        .or_else(|| NaiveDate::from_ymd_opt(from.year() + years, 2, 28))
        .unwrap_or(from)
        .pred_opt()
        .unwrap_or(from)
}

/// An appointment's status as read now: a pending request past its deadline
/// has expired, whether or not the job has written it yet.
pub fn appointment_status(
    status: AppointmentStatus,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppointmentStatus {
    if status == AppointmentStatus::Pending && expires_at <= now { AppointmentStatus::Expired } else { status }
}

/// True while the appointment holds its time (on the calendar and in limits).
pub fn holds_time(status: AppointmentStatus) -> bool {
    matches!(status, AppointmentStatus::Pending | AppointmentStatus::Confirmed)
}

/// When a request made `now` for a slot at `starts` expires: after the
/// policy's hours, and never after the slot has begun.
pub fn expiry(now: DateTime<Utc>, starts: DateTime<Utc>, hours: u32) -> DateTime<Utc> {
    (now + Duration::hours(i64::from(hours))).min(starts)
}

/// What can be done to an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppointmentEvent {
    /// The mentor confirms a request.
    Confirm,
    /// The mentor declines a request.
    Decline,
    /// Either side cancels.
    Cancel,
    /// Either side moves it.
    Reschedule,
    /// The request was not answered in time.
    Expire,
    /// The mentor left the library.
    MentorInactive,
}

/// Why an appointment event is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppointmentError {
    /// Not from this status.
    WrongState,
    /// Past the policy's cut-off before the start.
    TooLate,
}

/// The one transition function of appointments. `now` and the start decide
/// the cut-off for cancelling and moving (a mentor leaving the library
/// cancels whatever is in the future, whatever the cut-off).
pub fn appointment_transition(
    from: AppointmentStatus,
    event: AppointmentEvent,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    cutoff_hours: u32,
) -> Result<AppointmentStatus, AppointmentError> {
    use AppointmentEvent as E;
    use AppointmentStatus as S;
    let before_cutoff = now + Duration::hours(i64::from(cutoff_hours)) <= starts_at;
    match (from, event) {
        (S::Pending, E::Confirm) if now < starts_at => Ok(S::Confirmed),
        (S::Pending, E::Decline) => Ok(S::Declined),
        (S::Pending, E::Expire) => Ok(S::Expired),
        (S::Pending, E::MentorInactive) => Ok(S::Declined),
        (S::Confirmed, E::MentorInactive) if now < starts_at => Ok(S::Cancelled),
        (S::Pending | S::Confirmed, E::Cancel | E::Reschedule) if before_cutoff => {
            Ok(if event == E::Cancel { S::Cancelled } else { from })
        }
        (S::Pending | S::Confirmed, E::Cancel | E::Reschedule) if now < starts_at => Err(AppointmentError::TooLate),
        _ => Err(AppointmentError::WrongState),
    }
}

/// Why a service cannot be recorded, marked or rated now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceError {
    /// The appointment was never confirmed (or was called off).
    NotHeld,
    /// Too early: a record only from the start, a no-show only after the end.
    TooEarly,
    /// Already done once.
    AlreadyDone,
    /// The person was marked absent, so cannot confirm it took place.
    NoShow,
}

/// A record may be written from the start of a confirmed meeting, once.
pub fn may_record(
    confirmed: bool,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    recorded: bool,
) -> Result<(), ServiceError> {
    if !confirmed {
        Err(ServiceError::NotHeld)
    } else if now < starts_at {
        Err(ServiceError::TooEarly)
    } else if recorded {
        Err(ServiceError::AlreadyDone)
    } else {
        Ok(())
    }
}

/// A no-show may be marked only after the end of a confirmed meeting.
pub fn may_mark_no_show(
    confirmed: bool,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    marked: bool,
) -> Result<(), ServiceError> {
    if !confirmed {
        Err(ServiceError::NotHeld)
    } else if now < ends_at {
        Err(ServiceError::TooEarly)
    } else if marked {
        Err(ServiceError::AlreadyDone)
    } else {
        Ok(())
    }
}

/// The person confirms and rates once, after the meeting began, unless marked absent.
pub fn may_rate(
    confirmed: bool,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    no_show: bool,
    rated: bool,
) -> Result<(), ServiceError> {
    if !confirmed {
        Err(ServiceError::NotHeld)
    } else if now < starts_at {
        Err(ServiceError::TooEarly)
    } else if no_show {
        Err(ServiceError::NoShow)
    } else if rated {
        Err(ServiceError::AlreadyDone)
    } else {
        Ok(())
    }
}

/// An average rating shown only from three ratings on.
pub fn shown_rating(ratings: &[u8]) -> Option<f64> {
    if ratings.len() < 3 {
        return None;
    }
    let sum: u32 = ratings.iter().map(|r| u32::from(*r)).sum();
    let avg = f64::from(sum) / ratings.len() as f64;
    Some((avg * 10.0).round() / 10.0)
}

/// The first day of an evaluation year and of the one after it, for the
/// years the programme can hold records of (2000 to 2100); any other year
/// is a bad query.
pub fn evaluation_year(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    if !(2000..=2100).contains(&year) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year + 1, 1, 1)?))
}

/// The yearly evaluation of (minutes, confirmed by the person served) per
/// recorded service: (qualifying services, meets the minimum). A service
/// counts when it was confirmed and lasted the policy's minutes.
pub fn evaluate(services: &[(u32, bool)], policy: &MentorPolicy) -> (u32, bool) {
    let qualifying = services.iter().filter(|(m, confirmed)| *confirmed && *m >= policy.min_service_minutes).count();
    let qualifying = u32::try_from(qualifying).unwrap_or(0);
    (qualifying, qualifying >= policy.yearly_min_services)
}

/// Where a join puts a person in a group session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joining {
    /// A seat.
    Seat,
    /// The end of the waitlist.
    Waitlist,
}

/// Why a person cannot join or leave a group session now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupError {
    /// It was called off, or has begun.
    Closed,
}

/// Joining before the start takes a seat while any is free, else the waitlist.
pub fn join(
    open: bool,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    taken: u32,
    seats: u32,
) -> Result<Joining, GroupError> {
    if !open || now >= starts_at {
        Err(GroupError::Closed)
    } else if taken < seats {
        Ok(Joining::Seat)
    } else {
        Ok(Joining::Waitlist)
    }
}

/// A freed seat goes to the first on the waitlist, never after the start.
pub fn promotes(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < starts_at
}

/// True when the mode serves a wanted one (`both` serves either).
pub fn serves(mode: ServiceMode, wanted: ServiceMode) -> bool {
    mode == wanted || mode == ServiceMode::Both || wanted == ServiceMode::Both
}

#[cfg(test)]
mod tests;
