//! Ending a class early: a class that has begun is not cancelled (what
//! happened in it stands), but its institution or bureau may end it before
//! its remaining sessions, with a reason. The sessions held keep their
//! attendance; the later ones are not held, and nobody can be marked for them.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::classes::{ClassDetail, ReasonRequest, check_reason};
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::EnrolmentStatus;
use malanhua_shared::ids::ClassId;

use super::opening::{class_to_call_off, notification};
use super::views::detail;
use crate::classes::rules::{EndEarlyError, may_end_early};
use crate::classes::store::{self as q};
use crate::core::audit::{self, Entry};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

fn refused(e: EndEarlyError) -> AppError {
    let message = match e {
        EndEarlyError::NotRunning => "only an approved class that has begun can be ended early; before that, cancel it",
        EndEarlyError::AlreadyEnded => "the class was already ended early",
        EndEarlyError::Completed => "the completion is submitted: the class has ended",
        EndEarlyError::NothingLeft => "the last session has begun: submit the completion instead",
    };
    AppError::new(ErrorCode::WrongState, message)
}

/// Ends a running class before its remaining sessions; its trainees are told.
pub async fn end_early(
    state: &AppState,
    actor: Actor,
    id: String,
    req: ReasonRequest,
    now: DateTime<Utc>,
) -> Result<ClassDetail, AppError> {
    let reason = check_reason(&req.reason).map_err(|c| AppError::field("reason", c))?;
    let id = ClassId::from_raw(id);
    state
        .write(move |c| {
            let row = class_to_call_off(c, &actor, &id)?;
            let sessions = q::sessions_of(c, &id)?;
            let last = sessions.iter().map(|s| utc(s.starts_at)).max().unwrap_or(utc(row.first_session_at));
            let completed = crate::certificates::store::completion(c, &id)?
                .is_some_and(|r| crate::certificates::rules::completion_locks_marks(Some(r.status)));
            let ended = row.ended_early_at.is_some();
            may_end_early(row.status, utc(row.first_session_at), last, ended, completed, now).map_err(refused)?;
            if q::set_ended_early(c, &id, &reason, &actor.user_id, naive(now))? != 1 {
                return Err(refused(EndEarlyError::AlreadyEnded));
            }
            let seated: Vec<_> = q::active_enrolments_of(c, &id)?
                .into_iter()
                .filter(|e| e.status == EnrolmentStatus::Enrolled)
                .map(|e| notification(&e.user_id, NotificationKind::ClassEndedEarly, &id, Some(&reason), now))
                .collect();
            q::notify(c, &seated)?;
            let held = sessions.iter().filter(|s| utc(s.starts_at) <= now).count();
            let summary = format!("{} ended early after {held} of {} sessions", row.title, sessions.len());
            let entry = Entry::by(&actor.user_id, AuditAction::EndClassEarly, "class", id.as_str(), summary);
            audit::record(c, entry.because(Some(reason.clone())), now)?;
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            detail(c, &row, None)
        })
        .await
}
