//! A person downloads everything the system holds about them, as JSON:
//! the same views their own pages read, plus the resident ID in full and
//! their consent record.

use chrono::{DateTime, Utc};
use malanhua_shared::api::privacy::DataExport;
use malanhua_shared::audit::AuditAction;

use crate::accounts::store as aq;
use crate::core::audit::{self, Entry};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::utc;

/// The person's data; the download is audited.
pub async fn export(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<DataExport, AppError> {
    let me = actor.user_id.clone();
    let (user, (privacy_version, consented_at)) = state
        .db(move |c| {
            let user = aq::find(c, &me)?.ok_or_else(AppError::unauthenticated)?;
            Ok((user, crate::privacy::store::consent_of(c, &me)?))
        })
        .await?;
    let resident_id = match &user.resident_id {
        Some(sealed) => Some(state.pii.open(&user.id, sealed)?.as_str().to_owned()),
        None => None,
    };
    let out = DataExport {
        generated_at: now,
        account: crate::accounts::me(state, actor.clone()).await?,
        resident_id,
        privacy_version,
        privacy_consented_at: consented_at.map(utc),
        classes: crate::classes::enrolment::my_classes(state, actor.clone()).await?,
        certificates: crate::certificates::my_certificates(state, actor.clone()).await?,
        claims: crate::subsidies::my_claims(state, actor.clone()).await?,
        priority_groups: crate::subsidies::my_declarations(state, actor.clone()).await?,
        appointments: crate::mentors::appointments::mine(state, actor.clone(), now).await?,
        notifications: crate::classes::notifications::notifications(state, actor.clone()).await?,
        sessions: crate::accounts::lifecycle::sessions(state, actor.clone(), now).await?,
    };
    let id = actor.user_id.clone();
    state
        .write(move |c| {
            let summary = "downloaded their data".to_owned();
            audit::record(c, Entry::by(&id, AuditAction::ExportData, "user", id.as_str(), summary), now)?;
            Ok(())
        })
        .await?;
    Ok(out)
}
