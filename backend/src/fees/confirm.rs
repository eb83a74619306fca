//! The bureau confirms that a group session took place (a one-to-one
//! service is confirmed by the person served): only then does it earn a fee.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::mentors::GroupSession;
use malanhua_shared::api::studios::GroupService;
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::GroupSessionId;

use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;
use crate::mentors::store as mq;

/// The region's recorded group sessions, newest first, for the officer to confirm.
pub async fn group_services(state: &AppState, actor: Actor) -> Result<Vec<GroupService>, AppError> {
    let region = crate::subsidies::decode::officer_region(&actor)?;
    authorize(&actor, Action::DecideMentor, &Resource::Region(&region))?;
    state
        .db(move |c| {
            let rows = mq::recorded_groups(c, region.prefix(), 200)?;
            let ids: Vec<_> = rows.iter().map(|(g, _)| g.mentor_id.clone()).collect();
            let names: std::collections::HashMap<_, _> = mq::mentor_names(c, &ids)?.into_iter().collect();
            let sessions: Vec<_> = rows.iter().map(|(g, _)| g.id.clone()).collect();
            let attended = mq::attended(c, &sessions)?;
            Ok(rows
                .into_iter()
                .map(|(g, r)| GroupService {
                    mentor_name: names.get(&g.mentor_id).cloned().unwrap_or_default(),
                    attended: u32::try_from(attended.iter().filter(|s| **s == g.id).count()).unwrap_or(0),
                    seated: u32::try_from(g.taken).unwrap_or(0),
                    session_id: g.id,
                    mentor_id: g.mentor_id,
                    topic: g.topic,
                    place: g.place,
                    starts_at: crate::core::utc(g.starts_at),
                    minutes: u32::try_from(r.minutes).unwrap_or(0),
                    confirmed_at: r.bureau_confirmed_at.map(crate::core::utc),
                })
                .collect())
        })
        .await
}

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
