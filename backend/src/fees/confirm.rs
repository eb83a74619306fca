//! The bureau confirms that a group session took place (a one-to-one
//! service is confirmed by the person served): only then does it earn a fee.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::mentors::GroupSession;
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::GroupSessionId;

use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::mentors::store as mq;

/// An officer of the mentor's region confirms a recorded group session.
pub async fn confirm_group(
    state: &AppState,
    actor: Actor,
    id: String,
    now: DateTime<Utc>,
) -> Result<GroupSession, AppError> {
    let id = GroupSessionId::from_raw(id);
    state
        .write(move |c| {
            let g = mq::locked_group(c, &id)?.ok_or_else(|| AppError::not_found("group session"))?;
            let m = mq::find_mentor(c, &g.mentor_id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            authorize(&actor, Action::DecideMentor, &Resource::Region(&m.region_code))?;
            let record = mq::record_of_group(c, &id)?
                .ok_or_else(|| AppError::new(ErrorCode::WrongState, "the mentor has not recorded this session yet"))?;
            if mq::bureau_confirm(c, &record.id, &actor.user_id, naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "the session is already confirmed"));
            }
            let entry =
                Entry::by(&actor.user_id, AuditAction::ConfirmGroupService, "group_session", id.as_str(), "confirmed");
            audit::record(c, entry, now)?;
            crate::mentors::groups::group_view(c, g, &m, Some(&actor.user_id))
        })
        .await
}
