//! Attendance: marks by staff and check-in codes.

use chrono::{DateTime, Utc};
use malanhua_shared::api::certificates::{
    AttendanceMark, AttendanceSheet, AttendanceSummary, CheckinCode, CheckinRequest, CompletionStatus, MarkChange,
    MarkVia, MarksRequest, SheetLine,
};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::EnrolmentStatus;
use malanhua_shared::ids::{ClassId, ClassSessionId, UserId};
use malanhua_shared::{ErrorCode, FieldCode, FieldErrors};
use rand::RngCore;

use super::load::*;
use crate::certificates::rules::{
    CheckinError, attendance_rate, called_off, check_in, checkin_locked, checkin_window, completion_locks_marks,
    marks_open, rotating_code,
};
use crate::certificates::store::{self as cq, AttendanceRow};
use crate::classes::store::{self as q, SessionRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

pub(crate) fn sheet(c: &mut DbConn, s: &SessionRow, now: DateTime<Utc>) -> Result<AttendanceSheet, AppError> {
    let marks = cq::marks_of(c, std::slice::from_ref(&s.id))?;
    let lines = seat_holders(c, &s.class_id)?
        .into_iter()
        .map(|(user_id, real_name)| {
            let m = marks.iter().find(|m| m.user_id == user_id);
            SheetLine { mark: m.map(|m| m.mark), via: m.map(|m| m.via.as_str().to_owned()), user_id, real_name }
        })
        .collect();
    let history = cq::mark_changes(c, &s.id)?
        .into_iter()
        .map(|h| MarkChange {
            user_id: h.user_id,
            from: h.from_mark,
            to: h.to_mark,
            via: h.via,
            changed_by: h.changed_by,
            at: utc(h.changed_at),
        })
        .collect();
    Ok(AttendanceSheet {
        session_id: s.id.clone(),
        class_id: s.class_id.clone(),
        seq: u32::try_from(s.seq).unwrap_or(0),
        starts_at: utc(s.starts_at),
        ends_at: utc(s.ends_at),
        topic: s.topic.clone(),
        checkin_code: s.checkin_code.as_deref().map(|seed| code_now(s, seed, now)),
        lines,
        history,
    })
}

/// A session after the class was ended early does not take place: no marks.
fn not_called_off(class: &crate::classes::store::ClassRow, s: &SessionRow) -> Result<(), AppError> {
    if called_off(class.ended_early_at.map(utc), utc(s.starts_at)) {
        return Err(AppError::new(
            ErrorCode::AttendanceClosed,
            "the class was ended early before this session: it does not take place",
        ));
    }
    Ok(())
}

fn marks_closed(completion: Option<CompletionStatus>) -> AppError {
    let message = if completion_locks_marks(completion) {
        "the completion has been submitted: attendance is fixed (a returned completion opens it again)"
    } else {
        "attendance can be recorded from the session's start"
    };
    AppError::new(ErrorCode::AttendanceClosed, message)
}

/// A session's attendance sheet, for the institution's staff and the region's officers.
pub async fn attendance_sheet(
    state: &AppState,
    actor: Actor,
    session: String,
    now: DateTime<Utc>,
) -> Result<AttendanceSheet, AppError> {
    let session = ClassSessionId::from_raw(session);
    state
        .db(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            may(&actor, Action::ViewClassInternals, &class)?;
            sheet(c, &s, now)
        })
        .await
}

/// Staff record marks for seat holders; a mark for anyone else is named.
pub async fn record_marks(
    state: &AppState,
    actor: Actor,
    session: String,
    req: MarksRequest,
    now: DateTime<Utc>,
) -> Result<AttendanceSheet, AppError> {
    let session = ClassSessionId::from_raw(session);
    state
        .write(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            may(&actor, Action::RunClass, &class)?;
            let completion = cq::completion(c, &class.id)?.map(|r| r.status);
            if !marks_open(utc(s.starts_at), completion, now) {
                return Err(marks_closed(completion));
            }
            not_called_off(&class, &s)?;
            let holders: Vec<UserId> = seat_holders(c, &class.id)?.into_iter().map(|(u, _)| u).collect();
            let mut errors = FieldErrors::new();
            for (i, m) in req.marks.iter().enumerate() {
                if !holders.iter().any(|h| h == &m.user_id) {
                    errors.insert(format!("marks[{i}].user_id"), FieldCode::UnknownReference);
                }
            }
            if !errors.is_empty() {
                return Err(AppError::validation(errors));
            }
            for m in &req.marks {
                cq::set_mark(
                    c,
                    &AttendanceRow {
                        id: new_id(),
                        session_id: s.id.clone(),
                        user_id: m.user_id.clone(),
                        mark: m.mark,
                        via: MarkVia::Staff,
                        marked_by: actor.user_id.clone(),
                        marked_at: naive(now),
                    },
                )?;
            }
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::MarkAttendance,
                    "session",
                    s.id.as_str(),
                    format!("{} session {}: {} marks", class.title, s.seq, req.marks.len()),
                ),
                now,
            )?;
            sheet(c, &s, now)
        })
        .await
}

/// The code to show at `now` for a session's seed, its window and when the
/// next code replaces it.
fn code_now(s: &SessionRow, seed: &str, now: DateTime<Utc>) -> CheckinCode {
    let (code, changes_at) = rotating_code(seed, now);
    let (valid_from, valid_until) = checkin_window(utc(s.starts_at), utc(s.ends_at));
    CheckinCode { code, changes_at, valid_from, valid_until }
}

/// The code to show in the room now (it changes every few minutes).
pub async fn current_checkin_code(
    state: &AppState,
    actor: Actor,
    session: String,
    now: DateTime<Utc>,
) -> Result<CheckinCode, AppError> {
    let session = ClassSessionId::from_raw(session);
    state
        .db(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            may(&actor, Action::RunClass, &class)?;
            let seed = s.checkin_code.as_deref().ok_or_else(|| AppError::not_found("check-in code"))?;
            Ok(code_now(&s, seed, now))
        })
        .await
}

/// Staff issue (or renew) the session's check-in codes: a new secret seed,
/// from which a six-digit code is derived for every few minutes.
pub async fn issue_checkin_code(
    state: &AppState,
    actor: Actor,
    session: String,
    now: DateTime<Utc>,
) -> Result<CheckinCode, AppError> {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let seed = hex::encode(bytes);
    let session = ClassSessionId::from_raw(session);
    state
        .write(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            may(&actor, Action::RunClass, &class)?;
            cq::set_checkin_code(c, &s.id, &seed)?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::IssueCheckinCode,
                    "session",
                    s.id.as_str(),
                    format!("{} session {}: check-in code issued", class.title, s.seq),
                ),
                now,
            )?;
            Ok(code_now(&s, &seed, now))
        })
        .await
}

/// A trainee checks in with the code shown in the room.
pub async fn check_in_with_code(
    state: &AppState,
    actor: Actor,
    session: String,
    req: CheckinRequest,
    now: DateTime<Utc>,
) -> Result<SheetLine, AppError> {
    if req.code.trim().is_empty() {
        return Err(AppError::field("code", FieldCode::Required));
    }
    let session = ClassSessionId::from_raw(session);
    // A wrong code is counted and committed, and then refused.
    state
        .write(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            let user = actor.user_id.clone();
            if checkin_locked(cq::checkin_tries(c, &s.id, &user)?) {
                return Ok(Err(AppError::new(
                    ErrorCode::TooManyAttempts,
                    "five wrong codes for this session: ask the class's staff to mark your attendance",
                )));
            }
            let enrolled =
                q::active_enrolment(c, &class.id, &user)?.is_some_and(|e| e.status == EnrolmentStatus::Enrolled);
            let completion = cq::completion(c, &class.id)?.map(|r| r.status);
            if completion_locks_marks(completion) {
                return Err(marks_closed(completion));
            }
            not_called_off(&class, &s)?;
            let checked =
                check_in(&req.code, s.checkin_code.as_deref(), enrolled, utc(s.starts_at), utc(s.ends_at), now);
            let mark = match checked {
                Ok(mark) => mark,
                Err(CheckinError::NotEnrolled) => {
                    return Err(AppError::new(ErrorCode::Forbidden, "you hold no seat in this class"));
                }
                Err(CheckinError::Closed) => {
                    return Err(AppError::new(
                        ErrorCode::CheckinClosed,
                        "check-in is open only around the session's time",
                    ));
                }
                Err(CheckinError::WrongCode) => {
                    cq::add_checkin_failure(c, &s.id, &user, naive(now))?;
                    return Ok(Err(AppError::field("code", FieldCode::InvalidFormat)));
                }
            };
            cq::set_mark(
                c,
                &AttendanceRow {
                    id: new_id(),
                    session_id: s.id.clone(),
                    user_id: user.clone(),
                    mark,
                    via: MarkVia::Code,
                    marked_by: user.clone(),
                    marked_at: naive(now),
                },
            )?;
            audit::record(
                c,
                Entry::by(
                    &user,
                    AuditAction::CheckIn,
                    "session",
                    s.id.as_str(),
                    format!("{} session {}: checked in ({})", class.title, s.seq, mark.as_str()),
                ),
                now,
            )?;
            let name = crate::accounts::store::find(c, &user)?.and_then(|u| u.real_name).unwrap_or_default();
            Ok(Ok(SheetLine {
                user_id: user,
                real_name: name,
                mark: Some(mark),
                via: Some(MarkVia::Code.as_str().to_owned()),
            }))
        })
        .await?
}

/// A person's attendance in a class.
pub fn attendance_of(c: &mut DbConn, class: &ClassId, user: &UserId) -> Result<AttendanceSummary, AppError> {
    let sessions = q::sessions_of(c, class)?;
    let ids: Vec<ClassSessionId> = sessions.iter().map(|s| s.id.clone()).collect();
    let all = cq::marks_of(c, &ids)?;
    let marks: Vec<Option<AttendanceMark>> = sessions
        .iter()
        .map(|s| all.iter().find(|m| m.session_id == s.id && &m.user_id == user).map(|m| m.mark))
        .collect();
    let (attended, rate_pct) = attendance_rate(&marks, sessions.len());
    Ok(AttendanceSummary { attended, total: u32::try_from(sessions.len()).unwrap_or(0), rate_pct, marks })
}
