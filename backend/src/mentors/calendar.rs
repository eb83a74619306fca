//! Calendar files (RFC 5545): one per appointment and group seat, and each
//! person's private feed. Times are UTC; the UID stays through reschedules,
//! SEQUENCE rises with each, and a cancelled booking is sent as
//! METHOD:CANCEL with STATUS:CANCELLED so calendars remove it.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::{AppointmentStatus, CalendarFeed, GroupStatus, SeatStatus};
use malanhua_shared::ids::{AppointmentId, GroupSessionId, UserId};

use super::appointments::{Side, load_for};
use super::rules;
use super::store as q;
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// One event of a calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable id.
    pub uid: String,
    /// Raised on each change.
    pub sequence: i32,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Title.
    pub summary: String,
    /// Place or link.
    pub location: String,
    /// Called off.
    pub cancelled: bool,
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a text value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// A calendar of events; `method` is REQUEST or CANCEL for a single file,
/// PUBLISH for a feed.
pub fn calendar(method: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Malanhua//Mentor library//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:{method}\r\n"
    );
    for e in events {
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!("UID:{}@malanhua\r\n", e.uid));
        out.push_str(&format!("SEQUENCE:{}\r\n", e.sequence));
        out.push_str(&format!("DTSTAMP:{}\r\n", stamp(now)));
        out.push_str(&format!("DTSTART:{}\r\n", stamp(e.starts_at)));
        out.push_str(&format!("DTEND:{}\r\n", stamp(e.ends_at)));
        out.push_str(&format!("SUMMARY:{}\r\n", text(&e.summary)));
        if !e.location.is_empty() {
            out.push_str(&format!("LOCATION:{}\r\n", text(&e.location)));
        }
        out.push_str(if e.cancelled { "STATUS:CANCELLED\r\n" } else { "STATUS:CONFIRMED\r\n" });
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn appointment_event(a: &q::AppointmentRow, mentor: &str, now: DateTime<Utc>) -> Event {
    let status = rules::appointment_status(a.status, utc(a.expires_at), now);
    Event {
        uid: format!("appointment-{}", a.id.as_str()),
        // A cancellation must carry a higher sequence than the last request.
        sequence: a.sequence + i32::from(!rules::holds_time(status)),
        starts_at: utc(a.starts_at),
        ends_at: utc(a.ends_at),
        summary: format!("创业导师预约 · {} · {}", mentor, a.topic),
        location: String::new(),
        cancelled: !rules::holds_time(status),
    }
}

fn group_event(g: &q::GroupRow, mentor: &str, seat_live: bool) -> Event {
    let cancelled = g.status == GroupStatus::Cancelled || !seat_live;
    Event {
        uid: format!("group-{}", g.id.as_str()),
        sequence: g.sequence + i32::from(cancelled && g.status == GroupStatus::Open),
        starts_at: utc(g.starts_at),
        ends_at: utc(g.ends_at),
        summary: format!("集中服务 · {} · {}", mentor, g.topic),
        location: g.place.clone(),
        cancelled,
    }
}

fn single(event: Event, now: DateTime<Utc>) -> String {
    let method = if event.cancelled { "CANCEL" } else { "REQUEST" };
    calendar(method, &[event], now)
}

/// The calendar file of an appointment, for either side.
pub async fn appointment_ics(
    state: &AppState,
    actor: Actor,
    id: String,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let id = AppointmentId::from_raw(id);
    state
        .write(move |c| {
            let (a, m, _) = load_for(c, &actor, &id, Side::Either)?;
            Ok(single(appointment_event(&a, &m.real_name, now), now))
        })
        .await
}

/// The calendar file of a group session, for its mentor or a person holding a place.
pub async fn group_ics(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<String, AppError> {
    let id = GroupSessionId::from_raw(id);
    state
        .db(move |c| {
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            let seat = q::last_seat(c, &id, &actor.user_id)?;
            let insider = authorize(
                &actor,
                Action::ActAsMentor,
                &Resource::User { id: &m.user_id, region: Some(&m.region_code) },
            )
            .is_ok();
            if seat.is_none() && !insider {
                return Err(AppError::not_found("group session"));
            }
            let live =
                insider || seat.is_some_and(|s| s.status == SeatStatus::Seated || s.status == SeatStatus::Waitlisted);
            Ok(single(group_event(&g, &m.real_name, live), now))
        })
        .await
}

fn feed_events(c: &mut DbConn, user: &UserId, now: DateTime<Utc>) -> Result<Vec<Event>, AppError> {
    let mut events = Vec::new();
    for a in q::of_person(c, user)? {
        let name = q::find_mentor(c, &a.mentor_id)?.map(|m| m.real_name).unwrap_or_default();
        events.push(appointment_event(&a, &name, now));
    }
    if let Some(m) = q::mentor_of(c, user)? {
        for a in q::of_mentor(c, &m.id)? {
            if a.status != AppointmentStatus::Declined {
                events.push(appointment_event(&a, &m.real_name, now));
            }
        }
        for g in q::groups_of(c, &m.id)? {
            events.push(group_event(&g, &m.real_name, true));
        }
    }
    for seat in q::seats_of_person(c, user)? {
        let Some(g) = q::find_group(c, &seat.session_id)? else { continue };
        let name = q::find_mentor(c, &g.mentor_id)?.map(|m| m.real_name).unwrap_or_default();
        let live = matches!(seat.status, SeatStatus::Seated | SeatStatus::Waitlisted);
        if !events.iter().any(|e| e.uid == format!("group-{}", g.id.as_str())) {
            events.push(group_event(&g, &name, live));
        }
    }
    Ok(events)
}

/// The person's private feed URL, made on first use.
pub async fn feed_url(
    state: &AppState,
    actor: Actor,
    renew: bool,
    now: DateTime<Utc>,
) -> Result<CalendarFeed, AppError> {
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    state
        .write(move |c| {
            let token = q::feed_token(c, &actor.user_id, renew, naive(now))?;
            Ok(CalendarFeed { url: format!("{base}/api/calendar/{token}.ics") })
        })
        .await
}

/// The feed behind a token (no login: the token is the secret).
pub async fn feed(state: &AppState, token: String, now: DateTime<Utc>) -> Result<String, AppError> {
    let token = token.trim_end_matches(".ics").to_owned();
    state
        .db(move |c| {
            let user = q::feed_owner(c, &token)?.ok_or_else(|| AppError::not_found("calendar"))?;
            Ok(calendar("PUBLISH", &feed_events(c, &user, now)?, now))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_event_is_sent_as_a_cancel_in_utc_with_its_uid() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
        let e = Event {
            uid: "appointment-1".into(),
            sequence: 2,
            starts_at: at("2026-12-07T07:00:00+08:00"),
            ends_at: at("2026-12-07T08:00:00+08:00"),
            summary: "选址, 租金; 预算".into(),
            location: String::new(),
            cancelled: true,
        };
        let ics = single(e, at("2026-12-01T00:00:00Z"));
        assert!(ics.contains("METHOD:CANCEL\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        assert!(ics.contains("UID:appointment-1@malanhua\r\n"));
        assert!(ics.contains("DTSTART:20261206T230000Z\r\n"), "{ics}");
        assert!(ics.contains("SUMMARY:选址\\, 租金\\; 预算\r\n"));
        assert!(ics.contains("SEQUENCE:2\r\n"));
    }
}
