//! One-to-one appointments, group sessions, service records and ratings.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::check_text;
use crate::error::{FieldCode, FieldErrors};
use crate::ids::{AppointmentId, GroupSeatId, GroupSessionId, MentorId, ServiceRecordId, UserId};

named_enum!(
    /// Where an appointment stands. Pending and confirmed ones hold their time.
    AppointmentStatus {
        /// 待确认: requested, waiting for the mentor (holds the slot).
        Pending = "pending",
        /// 已确认
        Confirmed = "confirmed",
        /// 已婉拒: declined by the mentor, or because the mentor left the library.
        Declined = "declined",
        /// 已过期: not answered in time.
        Expired = "expired",
        /// 已取消: by either side.
        Cancelled = "cancelled",
    }
);

named_enum!(
    /// A place in a group session.
    SeatStatus {
        /// 已入座
        Seated = "seated",
        /// 候补 (first come, first promoted).
        Waitlisted = "waitlisted",
        /// 已退出
        Left = "left",
        /// The session was called off.
        Cancelled = "cancelled",
    }
);

named_enum!(
    /// A group session's state.
    GroupStatus {
        /// Published.
        Open = "open",
        /// Called off.
        Cancelled = "cancelled",
    }
);

/// Parses an RFC 3339 instant (with an offset) into UTC.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim()).ok().map(|t| t.with_timezone(&Utc))
}

/// `POST /api/mentors/{id}/appointments`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookRequest {
    /// The slot's start, RFC 3339 (one of the slots the mentor offers).
    #[serde(default)]
    pub starts_at: String,
    /// What to talk about (2 to 100 characters).
    #[serde(default)]
    pub topic: String,
    /// The business, briefly (10 to 1000 characters).
    #[serde(default)]
    pub business: String,
    /// Name of an attached business plan, if any (up to 120 characters).
    #[serde(default)]
    pub plan_name: Option<String>,
}

/// A checked [`BookRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedBooking {
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// Topic.
    pub topic: String,
    /// Business.
    pub business: String,
    /// Plan name.
    pub plan_name: Option<String>,
}

impl BookRequest {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<CheckedBooking, FieldErrors> {
        let mut e = FieldErrors::new();
        let starts_at = parse_instant(&self.starts_at);
        if starts_at.is_none() {
            let code = if self.starts_at.trim().is_empty() { FieldCode::Required } else { FieldCode::InvalidFormat };
            e.insert("starts_at".into(), code);
        }
        let topic = check_text(&self.topic, 2, 100).map_err(|c| e.insert("topic".into(), c)).ok();
        let business = check_text(&self.business, 10, 1000).map_err(|c| e.insert("business".into(), c)).ok();
        let plan_name = match self.plan_name.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) if p.chars().count() > 120 => {
                e.insert("plan_name".into(), FieldCode::TooLong);
                None
            }
            Some(p) => Some(p.to_owned()),
        };
        match (starts_at, topic, business) {
            (Some(starts_at), Some(topic), Some(business)) if e.is_empty() => {
                Ok(CheckedBooking { starts_at, topic, business, plan_name })
            }
            _ => Err(e),
        }
    }
}

/// `POST /api/appointments/{id}/reschedule`: another slot of the same mentor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RescheduleRequest {
    /// The new start, RFC 3339.
    #[serde(default)]
    pub starts_at: String,
    /// Why (optional, up to 500 characters).
    #[serde(default)]
    pub reason: String,
}

/// An appointment as its trainee or its mentor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Appointment {
    /// Id (kept through reschedules).
    pub id: AppointmentId,
    /// The mentor.
    pub mentor_id: MentorId,
    /// Their name.
    pub mentor_name: String,
    /// The person who booked.
    pub trainee_id: UserId,
    /// Their name (shown to the mentor).
    pub trainee_name: String,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Status (a pending request past its deadline reads `expired`).
    pub status: AppointmentStatus,
    /// Topic.
    pub topic: String,
    /// The business.
    pub business: String,
    /// Attached plan name.
    pub plan_name: Option<String>,
    /// When a pending request expires.
    pub expires_at: DateTime<Utc>,
    /// Why it was declined or cancelled.
    pub status_reason: Option<String>,
    /// Raised on each reschedule (the calendar file's SEQUENCE).
    pub sequence: u32,
    /// The mentor marked the person absent.
    pub no_show: bool,
    /// The service record, once written.
    pub record: Option<ServiceRecord>,
    /// When the person confirmed the service took place.
    pub service_confirmed_at: Option<DateTime<Utc>>,
    /// Their rating.
    pub rating: Option<u8>,
    /// Their comment.
    pub rating_comment: Option<String>,
}

/// `POST .../record`: 服务记录.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRecordInput {
    /// What was discussed (10 to 2000 characters).
    #[serde(default)]
    pub discussed: String,
    /// Advice given (2 to 2000).
    #[serde(default)]
    pub advice: String,
    /// Follow-up agreed (0 to 1000).
    #[serde(default)]
    pub follow_up: String,
    /// How long the service lasted (1 to 600 minutes).
    #[serde(default)]
    pub minutes: i64,
    /// Held in person (线下): earns the transport allowance where a fee policy pays one.
    #[serde(default)]
    pub offline: bool,
}

impl ServiceRecordInput {
    /// Checks every field: (discussed, advice, follow_up, minutes).
    pub fn validate(&self) -> Result<(String, String, String, u32), FieldErrors> {
        let mut e = FieldErrors::new();
        let discussed = check_text(&self.discussed, 10, 2000).map_err(|c| e.insert("discussed".into(), c)).ok();
        let advice = check_text(&self.advice, 2, 2000).map_err(|c| e.insert("advice".into(), c)).ok();
        let follow_up = check_text(&self.follow_up, 0, 1000).map_err(|c| e.insert("follow_up".into(), c)).ok();
        if !(1..=600).contains(&self.minutes) {
            e.insert("minutes".into(), FieldCode::OutOfRange);
        }
        match (discussed, advice, follow_up) {
            (Some(d), Some(a), Some(f)) if e.is_empty() => Ok((d, a, f, u32::try_from(self.minutes).unwrap_or(0))),
            _ => Err(e),
        }
    }
}

/// A service record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRecord {
    /// Id.
    pub id: ServiceRecordId,
    /// What was discussed.
    pub discussed: String,
    /// Advice.
    pub advice: String,
    /// Follow-up.
    pub follow_up: String,
    /// Minutes.
    pub minutes: u32,
    /// When written.
    pub recorded_at: DateTime<Utc>,
}

/// `POST .../rate`: confirms the service took place and rates it, once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingInput {
    /// 1 to 5.
    #[serde(default)]
    pub rating: i64,
    /// Optional comment (up to 500 characters).
    #[serde(default)]
    pub comment: String,
}

impl RatingInput {
    /// Checks the rating and the comment.
    pub fn validate(&self) -> Result<(u8, Option<String>), FieldErrors> {
        let mut e = FieldErrors::new();
        if !(1..=5).contains(&self.rating) {
            e.insert("rating".into(), FieldCode::OutOfRange);
        }
        let comment = check_text(&self.comment, 0, 500).map_err(|c| e.insert("comment".into(), c)).ok();
        match comment {
            Some(c) if e.is_empty() => Ok((u8::try_from(self.rating).unwrap_or(0), Some(c).filter(|c| !c.is_empty()))),
            _ => Err(e),
        }
    }
}

/// `POST /api/mentors/{id}/group-sessions`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGroupSession {
    /// Topic (2 to 100 characters).
    #[serde(default)]
    pub topic: String,
    /// Start, RFC 3339, on a five-minute grid.
    #[serde(default)]
    pub starts_at: String,
    /// End, RFC 3339, on a five-minute grid, after the start, at most 8 hours later.
    #[serde(default)]
    pub ends_at: String,
    /// Place or link (2 to 200 characters).
    #[serde(default)]
    pub place: String,
    /// Seats (1 to 500).
    #[serde(default)]
    pub seats: i64,
}

/// A checked [`NewGroupSession`]: (topic, start, end, place, seats).
pub type CheckedGroupSession = (String, DateTime<Utc>, DateTime<Utc>, String, u32);

fn on_grid(t: DateTime<Utc>) -> bool {
    t.timestamp() % 300 == 0
}

impl NewGroupSession {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<CheckedGroupSession, FieldErrors> {
        let mut e = FieldErrors::new();
        let topic = check_text(&self.topic, 2, 100).map_err(|c| e.insert("topic".into(), c)).ok();
        let place = check_text(&self.place, 2, 200).map_err(|c| e.insert("place".into(), c)).ok();
        let mut instant = |field: &str, text: &str| match parse_instant(text) {
            Some(t) if on_grid(t) => Some(t),
            Some(_) => {
                e.insert(field.into(), FieldCode::InvalidFormat);
                None
            }
            None => {
                let code = if text.trim().is_empty() { FieldCode::Required } else { FieldCode::InvalidFormat };
                e.insert(field.into(), code);
                None
            }
        };
        let starts = instant("starts_at", &self.starts_at);
        let ends = instant("ends_at", &self.ends_at);
        if let (Some(s), Some(t)) = (starts, ends) {
            if t <= s {
                e.insert("ends_at".into(), FieldCode::NotInOrder);
            } else if t - s > chrono::Duration::hours(8) {
                e.insert("ends_at".into(), FieldCode::OutOfRange);
            }
        }
        if !(1..=500).contains(&self.seats) {
            e.insert("seats".into(), FieldCode::OutOfRange);
        }
        match (topic, starts, ends, place) {
            (Some(topic), Some(s), Some(t), Some(place)) if e.is_empty() => {
                Ok((topic, s, t, place, u32::try_from(self.seats).unwrap_or(0)))
            }
            _ => Err(e),
        }
    }
}

/// A group session (集中服务).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupSession {
    /// Id.
    pub id: GroupSessionId,
    /// The mentor.
    pub mentor_id: MentorId,
    /// Their name.
    pub mentor_name: String,
    /// Topic.
    pub topic: String,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Place or link.
    pub place: String,
    /// Seats.
    pub seats: u32,
    /// Seats taken.
    pub taken: u32,
    /// People waiting.
    pub waitlist: u32,
    /// Open or cancelled.
    pub status: GroupStatus,
    /// Why it was called off.
    pub status_reason: Option<String>,
    /// The caller's place, if they hold one.
    pub my_seat: Option<GroupSeat>,
    /// The record, once written.
    pub record: Option<ServiceRecord>,
    /// Who holds a place, in order of joining: shown to the mentor only.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
}

/// A person holding a place in a group session, as its mentor sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendee {
    /// The place.
    pub seat_id: GroupSeatId,
    /// Their name.
    pub name: String,
    /// Seated or waitlisted.
    pub status: SeatStatus,
    /// Marked absent.
    pub no_show: bool,
    /// They confirmed the service took place.
    pub confirmed: bool,
}

/// A person's place in a group session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupSeat {
    /// Id.
    pub id: GroupSeatId,
    /// The session.
    pub session_id: GroupSessionId,
    /// Seated, waitlisted, left or cancelled.
    pub status: SeatStatus,
    /// Place on the waitlist (1 = next), when waitlisted.
    pub position: Option<u32>,
    /// Marked absent.
    pub no_show: bool,
    /// When the person confirmed the service.
    pub service_confirmed_at: Option<DateTime<Utc>>,
    /// Their rating.
    pub rating: Option<u8>,
}

/// A group seat with its session, for `GET /api/me/group-seats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyGroupSeat {
    /// The session (with `my_seat` set).
    pub session: GroupSession,
}

/// `GET /api/me/calendar`: the person's private calendar feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeed {
    /// The feed's full URL (contains the secret token).
    pub url: String,
}
