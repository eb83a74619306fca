//! Rows to wire types, the policy in force, the schedule of a mentor, and the
//! errors of the rules as the API names them.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::{
    Appointment, Expertise, MentorCard, MentorPolicy, MentorRecord, MinuteRange, Schedule, ServiceRecord,
};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::{ErrorCode, RegionCode};

use super::rules::{self, AppointmentError, Busy, DecisionError, GroupError, ServiceError, SlotRule};
use super::store::{self as q, AppointmentRow, GroupRow, MentorRow, OverrideRow, RecordRow, WeeklyRow};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::{naive, utc};

/// Splits a comma-separated column.
pub fn list(text: &str) -> Vec<String> {
    text.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// The expertise areas of a row (names it does not know are a database error).
pub fn expertise(row: &MentorRow) -> Result<Vec<Expertise>, AppError> {
    list(&row.expertise)
        .iter()
        .map(|n| Expertise::from_name(n).ok_or_else(|| AppError::internal(format!("mentor expertise {n:?}"))))
        .collect()
}

/// The region's name.
pub fn region_name(c: &mut DbConn, code: &RegionCode) -> Result<String, AppError> {
    Ok(crate::core::regions::store::find(c, code)?.map(|r| r.name_zh).unwrap_or_default())
}

/// What the directory shows of a mentor.
pub fn card(c: &mut DbConn, row: &MentorRow, next_free: Option<DateTime<Utc>>) -> Result<MentorCard, AppError> {
    let ratings = ratings(c, row)?;
    card_of(row, &ratings, region_name(c, &row.region_code)?, next_free)
}

/// The card from what was read of the mentor: their ratings and region name.
pub fn card_of(
    row: &MentorRow,
    ratings: &[u8],
    region_name: String,
    next_free: Option<DateTime<Utc>>,
) -> Result<MentorCard, AppError> {
    Ok(MentorCard {
        id: row.id.clone(),
        real_name: row.real_name.clone(),
        title: row.title.clone(),
        employer: row.employer.clone(),
        region_code: row.region_code.as_str().to_owned(),
        region_name,
        expertise: expertise(row)?,
        tags: list(&row.tags),
        industries: list(&row.industries),
        service_mode: row.service_mode,
        languages: list(&row.languages),
        years_experience: u32::try_from(row.years_experience).unwrap_or(0),
        rating: rules::shown_rating(ratings),
        rating_count: u32::try_from(ratings.len()).unwrap_or(0),
        next_free,
    })
}

/// Every rating the mentor received (appointments and group seats).
pub fn ratings(c: &mut DbConn, row: &MentorRow) -> Result<Vec<u8>, AppError> {
    let mut all: Vec<u8> =
        q::ratings_of(c, &row.id)?.into_iter().filter_map(|(r, _, _)| r).filter_map(|r| u8::try_from(r).ok()).collect();
    all.extend(q::seat_ratings_of(c, &row.id)?.into_iter().flatten().filter_map(|r| u8::try_from(r).ok()));
    Ok(all)
}

/// The whole record, as its mentor and the bureau see it.
pub fn record(c: &mut DbConn, row: &MentorRow, now: DateTime<Utc>) -> Result<MentorRecord, AppError> {
    Ok(MentorRecord {
        card: card(c, row, None)?,
        status: rules::effective_status(row.status, row.term_to, now),
        status_reason: row.status_reason.clone(),
        bio: row.bio.clone(),
        evidence: row.evidence.clone(),
        term_from: row.term_from,
        term_to: row.term_to,
        applied_at: utc(row.created_at),
        decided_at: row.decided_at.map(utc),
    })
}

/// The mentor-library policy in force for a region today: its own, else its
/// nearest ancestor's, else the defaults.
pub fn policy(c: &mut DbConn, region: &RegionCode, now: DateTime<Utc>) -> Result<MentorPolicy, AppError> {
    let mut chain = vec![region.clone()];
    while let Some(up) = chain.last().and_then(RegionCode::parent) {
        chain.push(up);
    }
    let rows = q::policies_for(c, &chain, shanghai_date(now))?;
    let nearest = chain.iter().find_map(|r| rows.iter().find(|p| &p.region_code == r));
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    Ok(match nearest {
        None => rules::default_policy(region.as_str()),
        Some(p) => MentorPolicy {
            region_code: region.as_str().to_owned(),
            defined_in: Some(p.region_code.as_str().to_owned()),
            effective_from: Some(p.effective_from),
            term_years: n(p.term_years),
            request_expiry_hours: n(p.request_expiry_hours),
            cancel_cutoff_hours: n(p.cancel_cutoff_hours),
            max_open_requests: n(p.max_open_requests),
            yearly_min_services: n(p.yearly_min_services),
            min_service_minutes: n(p.min_service_minutes),
            reminder_hours: n(p.reminder_hours),
        },
    })
}

/// The mentor's schedule as the rules read it.
pub fn schedule(c: &mut DbConn, row: &MentorRow) -> Result<Schedule, AppError> {
    let (weekly, overrides) = q::schedule_rows(c, &row.id)?;
    Ok(schedule_of(row, &weekly, &overrides))
}

/// The schedule from the mentor's row, weekly hours and day overrides.
pub fn schedule_of(row: &MentorRow, weekly: &[WeeklyRow], overrides: &[OverrideRow]) -> Schedule {
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    Schedule {
        slot_minutes: n(row.slot_minutes),
        buffer_before: n(row.buffer_before_minutes),
        buffer_after: n(row.buffer_after_minutes),
        min_notice_hours: n(row.min_notice_hours),
        horizon_days: n(row.horizon_days),
        max_per_day: row.max_per_day.map(n),
        max_per_week: row.max_per_week.map(n),
        weekly: weekly
            .iter()
            .map(|w| {
                (u8::try_from(w.weekday).unwrap_or(1), MinuteRange { start: n(w.start_minute), end: n(w.end_minute) })
            })
            .collect(),
        overrides: overrides
            .iter()
            .map(|o| {
                let range = o.start_minute.zip(o.end_minute).map(|(s, e)| MinuteRange { start: n(s), end: n(e) });
                (o.day, range)
            })
            .collect(),
    }
}

/// What is on the mentor's calendar from `from` on: appointments holding time
/// (pending ones only until their deadline) and open group sessions; one
/// appointment may be left out (the one being moved).
pub fn busy(
    c: &mut DbConn,
    row: &MentorRow,
    from: DateTime<Utc>,
    now: DateTime<Utc>,
    except: Option<&str>,
) -> Result<Vec<Busy>, AppError> {
    let week_before = naive(from - chrono::Duration::days(7));
    let live = q::live_of_mentor(c, &row.id, week_before)?;
    let groups = q::open_groups_of(c, &row.id, week_before)?;
    Ok(busy_of(&live, &groups, now, except))
}

/// The busy times from the appointments and open group sessions read (from
/// a week before the range on).
pub fn busy_of(live: &[AppointmentRow], groups: &[GroupRow], now: DateTime<Utc>, except: Option<&str>) -> Vec<Busy> {
    let mut out: Vec<Busy> = live
        .iter()
        .filter(|a| Some(a.id.as_str()) != except)
        .filter(|a| rules::holds_time(rules::appointment_status(a.status, utc(a.expires_at), now)))
        .map(|a| Busy { starts_at: utc(a.starts_at), ends_at: utc(a.ends_at), counts: true })
        .collect();
    out.extend(groups.iter().map(|g| Busy { starts_at: utc(g.starts_at), ends_at: utc(g.ends_at), counts: false }));
    out
}

/// A service record on the wire.
pub fn service_record(r: RecordRow) -> ServiceRecord {
    ServiceRecord {
        id: r.id,
        discussed: r.discussed,
        advice: r.advice,
        follow_up: r.follow_up,
        minutes: u32::try_from(r.minutes).unwrap_or(0),
        recorded_at: utc(r.recorded_at),
    }
}

/// An appointment on the wire.
pub fn appointment(
    a: AppointmentRow,
    mentor_name: String,
    trainee_name: String,
    record: Option<RecordRow>,
    now: DateTime<Utc>,
) -> Appointment {
    Appointment {
        status: rules::appointment_status(a.status, utc(a.expires_at), now),
        id: a.id,
        mentor_id: a.mentor_id,
        mentor_name,
        trainee_id: a.trainee_id,
        trainee_name,
        starts_at: utc(a.starts_at),
        ends_at: utc(a.ends_at),
        topic: a.topic,
        business: a.business,
        plan_name: a.plan_name,
        expires_at: utc(a.expires_at),
        status_reason: a.status_reason,
        sequence: u32::try_from(a.sequence).unwrap_or(0),
        no_show: a.no_show,
        record: record.map(service_record),
        service_confirmed_at: a.service_confirmed_at.map(utc),
        rating: a.rating.and_then(|r| u8::try_from(r).ok()),
        rating_comment: a.rating_comment,
    }
}

/// The rule a booking broke, as the API names it.
pub fn slot_error(rule: SlotRule) -> AppError {
    let (code, message) = match rule {
        SlotRule::Notice => (ErrorCode::BookingNotice, "the slot starts sooner than the mentor's minimum notice"),
        SlotRule::Horizon => (ErrorCode::BookingHorizon, "the slot is beyond the mentor's booking horizon"),
        SlotRule::Availability => (ErrorCode::OutsideAvailability, "the time is not one of the mentor's slots"),
        SlotRule::Taken => (ErrorCode::SlotTaken, "someone else holds this time"),
        SlotRule::Buffer => (ErrorCode::BufferConflict, "the time falls in the buffer around another booking"),
        SlotRule::Limit => (ErrorCode::BookingLimit, "the mentor's limit for that day or week is reached"),
    };
    AppError::new(code, message)
}

/// A refused bureau action.
pub fn decision_error(e: DecisionError) -> AppError {
    match e {
        DecisionError::WrongState => AppError::new(ErrorCode::WrongState, "the mentor's status does not allow this"),
        DecisionError::ReasonRequired => AppError::field("reason", malanhua_shared::FieldCode::Required),
    }
}

/// A refused appointment event.
pub fn appointment_error(e: AppointmentError) -> AppError {
    match e {
        AppointmentError::WrongState => {
            AppError::new(ErrorCode::WrongState, "the appointment's status does not allow this")
        }
        AppointmentError::TooLate => AppError::new(ErrorCode::CancelCutoff, "too close to the start to change it"),
    }
}

/// A refused record, no-show or rating.
pub fn service_error(e: ServiceError) -> AppError {
    let message = match e {
        ServiceError::NotHeld => "the meeting was not confirmed",
        ServiceError::TooEarly => "too early: a record from the start, a no-show after the end",
        ServiceError::AlreadyDone => "this was done already",
        ServiceError::NoShow => "you were marked absent",
    };
    AppError::new(ErrorCode::WrongState, message)
}

/// A refused join.
pub fn group_error(e: GroupError) -> AppError {
    match e {
        GroupError::Closed => AppError::new(ErrorCode::WrongState, "the session was called off or has begun"),
    }
}

/// 409 `mentor_not_bookable`.
pub fn not_bookable() -> AppError {
    AppError::new(ErrorCode::MentorNotBookable, "the mentor is not active in the library")
}

/// A notification about an appointment, a group session or a mentor record.
pub fn note(
    user: &malanhua_shared::ids::UserId,
    kind: malanhua_shared::audit::NotificationKind,
    subject: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> crate::classes::store::NotificationRow {
    crate::classes::store::NotificationRow {
        id: malanhua_shared::ids::NotificationId::from_raw(crate::core::db::new_id()),
        user_id: user.clone(),
        kind,
        class_id: None,
        reason: reason.map(str::to_owned),
        created_at: naive(now),
        read_at: None,
        subject_id: Some(subject.to_owned()),
    }
}
