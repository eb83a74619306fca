//! Group sessions (集中服务): published by a mentor (or the region's officer
//! for them) on the mentor's calendar; people join and leave; a full session
//! keeps a first-come waitlist, promoted on every freed seat before the start.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::mentors::{
    Attendee, GroupSeat, GroupSession, GroupStatus, MyGroupSeat, NewGroupSession, SeatStatus,
};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::ids::{GroupSeatId, GroupSessionId, MentorId, UserId};

use super::decode::{self, note};
use super::rules::{self, Joining};
use super::store::{self as q, Calendar, GroupRow, MentorRow, SeatRow};
use crate::classes::store::notify;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// A session on the wire, with the viewer's place if any.
pub fn group_view(
    c: &mut DbConn,
    g: GroupRow,
    mentor: &MentorRow,
    viewer: Option<&UserId>,
) -> Result<GroupSession, AppError> {
    let seats = q::seats_of(c, &g.id)?;
    let waiting: Vec<&SeatRow> = seats.iter().filter(|s| s.status == SeatStatus::Waitlisted).collect();
    let mine = viewer.and_then(|v| seats.iter().rev().find(|s| &s.user_id == v));
    let my_seat = mine.map(|s| GroupSeat {
        id: s.id.clone(),
        session_id: s.session_id.clone(),
        status: s.status,
        position: (s.status == SeatStatus::Waitlisted)
            .then(|| waiting.iter().filter(|w| w.waitlist_seq < s.waitlist_seq).count() + 1)
            .and_then(|p| u32::try_from(p).ok()),
        no_show: s.no_show,
        service_confirmed_at: s.service_confirmed_at.map(utc),
        rating: s.rating.and_then(|r| u8::try_from(r).ok()),
    });
    let record = q::record_of_group(c, &g.id)?.map(decode::service_record);
    let mut attendees = Vec::new();
    if viewer == Some(&mentor.user_id) {
        for s in seats.iter().filter(|s| matches!(s.status, SeatStatus::Seated | SeatStatus::Waitlisted)) {
            let name = crate::accounts::store::find(c, &s.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
            attendees.push(Attendee {
                seat_id: s.id.clone(),
                name,
                status: s.status,
                no_show: s.no_show,
                confirmed: s.service_confirmed_at.is_some(),
            });
        }
    }
    Ok(GroupSession {
        id: g.id,
        mentor_id: g.mentor_id,
        mentor_name: mentor.real_name.clone(),
        topic: g.topic,
        starts_at: utc(g.starts_at),
        ends_at: utc(g.ends_at),
        place: g.place,
        seats: u32::try_from(g.seats).unwrap_or(0),
        taken: u32::try_from(g.taken).unwrap_or(0),
        waitlist: u32::try_from(waiting.len()).unwrap_or(0),
        status: g.status,
        status_reason: g.status_reason,
        my_seat,
        record,
        attendees,
    })
}

/// Publishes a session on an active mentor's calendar (409 when the time is taken).
pub async fn publish(
    state: &AppState,
    actor: Actor,
    mentor: String,
    req: NewGroupSession,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let (topic, starts, ends, place, seats) = req.validate().map_err(AppError::validation)?;
    if starts <= now {
        return Err(AppError::field("starts_at", malanhua_shared::FieldCode::TooLate));
    }
    let mentor_id = MentorId::from_raw(mentor);
    state
        .write(move |c| {
            let m = q::locked_mentor(c, &mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })?;
            if !rules::bookable(m.status, m.term_to, now) {
                return Err(decode::not_bookable());
            }
            let busy = decode::busy(c, &m, starts, now, None)?;
            if rules::clashes(&busy, starts, ends) {
                return Err(AppError::new(ErrorCode::SlotTaken, "the mentor has a booking at this time"));
            }
            let row = GroupRow {
                id: GroupSessionId::from_raw(new_id()),
                mentor_id: m.id.clone(),
                topic,
                starts_at: naive(starts),
                ends_at: naive(ends),
                place,
                seats: i32::try_from(seats).unwrap_or(1),
                taken: 0,
                status: GroupStatus::Open,
                status_reason: None,
                sequence: 0,
                created_by: actor.user_id.clone(),
                created_at: naive(now),
            };
            q::insert_group(c, &row)?;
            q::occupy(c, Calendar::Mentor, m.id.as_str(), row.id.as_str(), &rules::blocks(starts, ends)).map_err(
                |e| {
                    if is_unique_violation(&e) {
                        AppError::new(ErrorCode::SlotTaken, "the mentor has a booking at this time")
                    } else {
                        e.into()
                    }
                },
            )?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::PublishGroupSession,
                    "group_session",
                    row.id.as_str(),
                    &row.topic,
                ),
                now,
            )?;
            group_view(c, row, &m, Some(&actor.user_id))
        })
        .await
}

fn load(c: &mut DbConn, id: &GroupSessionId) -> Result<(GroupRow, MentorRow), AppError> {
    let g = q::locked_group(c, id)?.ok_or_else(|| AppError::not_found("group session"))?;
    let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
    Ok((g, m))
}

/// Takes a seat, or the end of the waitlist when full. Under the session's
/// row lock: seats never exceed the capacity, whatever the concurrency.
pub async fn join(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<GroupSession, AppError> {
    authorize(&actor, Action::BookMentor, &Resource::System)?;
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let (g, m) = load(c, &id)?;
            if m.user_id == actor.user_id {
                return Err(AppError::new(ErrorCode::Conflict, "a mentor cannot join their own session"));
            }
            if q::active_seat(c, &id, &actor.user_id)?.is_some() {
                return Err(AppError::new(ErrorCode::AlreadyEnrolled, "you already hold a place in this session"));
            }
            super::appointments::refuse_person_overlap(c, &actor.user_id, utc(g.starts_at), utc(g.ends_at), None, now)?;
            let joining = rules::join(
                g.status == GroupStatus::Open,
                utc(g.starts_at),
                now,
                u32::try_from(g.taken).unwrap_or(0),
                u32::try_from(g.seats).unwrap_or(0),
            )
            .map_err(decode::group_error)?;
            let (status, seq) = match joining {
                Joining::Seat if q::take_group_seat(c, &id)? => (SeatStatus::Seated, None),
                _ => (SeatStatus::Waitlisted, Some(q::next_seq(c, &id)?)),
            };
            let seat = SeatRow {
                id: GroupSeatId::from_raw(new_id()),
                session_id: id.clone(),
                user_id: actor.user_id.clone(),
                status,
                waitlist_seq: seq,
                no_show: false,
                service_confirmed_at: None,
                rating: None,
                rating_comment: None,
                reminded_at: None,
                created_at: naive(now),
                updated_at: naive(now),
            };
            q::insert_seat(c, &seat).map_err(|e| {
                if is_unique_violation(&e) {
                    AppError::new(ErrorCode::AlreadyEnrolled, "you already hold a place in this session")
                } else {
                    e.into()
                }
            })?;
            let action = if status == SeatStatus::Seated {
                AuditAction::JoinGroupSession
            } else {
                AuditAction::WaitlistGroupSession
            };
            audit::record(c, Entry::by(&actor.user_id, action, "group_session", id.as_str(), &g.topic), now)?;
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}

/// Leaves a seat or the waitlist before the start; a freed seat goes to the
/// first on the waitlist at once.
pub async fn leave(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<GroupSession, AppError> {
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let (g, m) = load(c, &id)?;
            let seat =
                q::active_seat(c, &id, &actor.user_id)?.ok_or_else(|| AppError::not_found("place in this session"))?;
            if now >= utc(g.starts_at) {
                return Err(AppError::new(ErrorCode::WrongState, "the session has begun"));
            }
            q::set_seat_status(c, &seat.id, seat.status, SeatStatus::Left, naive(now))?;
            if seat.status == SeatStatus::Seated {
                q::release_group_seat(c, &id)?;
                promote(c, &g, now)?;
            }
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::LeaveGroupSession, "group_session", id.as_str(), &g.topic),
                now,
            )?;
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}

/// Gives free seats to the waitlist in order, never after the start.
fn promote(c: &mut DbConn, g: &GroupRow, now: DateTime<Utc>) -> Result<(), AppError> {
    if !rules::promotes(utc(g.starts_at), now) {
        return Ok(());
    }
    while let Some(next) = q::first_waiting(c, &g.id)? {
        if !q::take_group_seat(c, &g.id)? {
            break;
        }
        q::set_seat_status(c, &next.id, SeatStatus::Waitlisted, SeatStatus::Seated, naive(now))?;
        notify(c, &[note(&next.user_id, NotificationKind::GroupSeatPromoted, g.id.as_str(), None, now)])?;
        audit::record(
            c,
            Entry {
                actor: None,
                action: AuditAction::PromoteGroupSeat,
                entity_type: "group_session",
                entity_id: g.id.as_str(),
                summary: g.topic.clone(),
                reason: None,
            },
            now,
        )?;
    }
    Ok(())
}

/// The mentor (or the region's officer) calls a session off with a reason.
pub async fn cancel(
    state: &AppState,
    actor: Actor,
    id: String,
    reason: String,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let reason = check_reason(&reason).map_err(|c| AppError::field("reason", c))?;
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let (g, m) = load(c, &id)?;
            authorize(&actor, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })?;
            if now >= utc(g.starts_at) {
                return Err(AppError::new(ErrorCode::WrongState, "the session has begun"));
            }
            if super::lifecycle::cancel_group_session(c, &g, &reason, Some(&actor.user_id), now)? == 0 {
                return Err(AppError::new(ErrorCode::WrongState, "the session was called off already"));
            }
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}

/// One session, with the caller's place.
pub async fn one(state: &AppState, viewer: Option<Actor>, id: String) -> Result<GroupSession, AppError> {
    let id = GroupSessionId::from_raw(id);
    state
        .db(move |c| {
            let g = q::find_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = q::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            group_view(c, g, &m, viewer.as_ref().map(|a| &a.user_id))
        })
        .await
}

/// A mentor's sessions (public: open ones; their own mentor and officers: all).
pub async fn of_mentor(state: &AppState, viewer: Option<Actor>, mentor: String) -> Result<Vec<GroupSession>, AppError> {
    let mentor_id = MentorId::from_raw(mentor);
    state
        .db(move |c| {
            let m = q::find_mentor(c, &mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            let insider = viewer.as_ref().is_some_and(|a| {
                authorize(a, Action::ActAsMentor, &Resource::User { id: &m.user_id, region: Some(&m.region_code) })
                    .is_ok()
            });
            let rows = q::groups_of(c, &m.id)?;
            let mut out = Vec::new();
            for g in rows {
                if insider || g.status == GroupStatus::Open {
                    out.push(group_view(c, g, &m, viewer.as_ref().map(|a| &a.user_id))?);
                }
            }
            Ok(out)
        })
        .await
}

/// The caller's places in group sessions.
pub async fn mine(state: &AppState, actor: Actor) -> Result<Vec<MyGroupSeat>, AppError> {
    state
        .db(move |c| {
            let mut out: Vec<MyGroupSeat> = Vec::new();
            for seat in q::seats_of_person(c, &actor.user_id)? {
                if out.iter().any(|s| s.session.id == seat.session_id) {
                    continue;
                }
                let Some(g) = q::find_group(c, &seat.session_id)? else { continue };
                let Some(m) = q::find_mentor(c, &g.mentor_id)? else { continue };
                out.push(MyGroupSeat { session: group_view(c, g, &m, Some(&actor.user_id))? });
            }
            Ok(out)
        })
        .await
}
