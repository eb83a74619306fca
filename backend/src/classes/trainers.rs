//! An institution's trainers.

use chrono::{DateTime, Utc};
use malanhua_shared::api::classes::{NewTrainer, Trainer};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::{InstitutionId, TrainerId};
use malanhua_shared::{ErrorCode, FieldCode, RegionCode};

use crate::classes::store::{self as q, TrainerRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Grant, Resource, authorize};
use crate::core::db::{is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The actor's institution (they must be its staff).
pub(crate) fn own_institution(actor: &Actor) -> Result<(InstitutionId, RegionCode), AppError> {
    actor
        .grants
        .iter()
        .find_map(|g| match g {
            Grant::InstitutionStaff { institution_id, region } => Some((institution_id.clone(), region.clone())),
            _ => None,
        })
        .ok_or_else(|| AppError::from(crate::core::authorization::Denied::MissingRole))
}

pub(crate) fn trainer(r: TrainerRow) -> Trainer {
    Trainer { id: r.id, name: r.name, qualification_no: r.qualification_no }
}

/// The trainers of the staff member's institution.
pub async fn trainers(state: &AppState, actor: Actor) -> Result<Vec<Trainer>, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::ManageTrainers, &Resource::Institution { id: &inst, region: &inst_region })?;
    state.db(move |c| Ok(q::trainers_of(c, &inst)?.into_iter().map(trainer).collect())).await
}

/// Records a trainer of the staff member's institution.
pub async fn add_trainer(
    state: &AppState,
    actor: Actor,
    req: NewTrainer,
    now: DateTime<Utc>,
) -> Result<Trainer, AppError> {
    let (inst, inst_region) = own_institution(&actor)?;
    authorize(&actor, Action::ManageTrainers, &Resource::Institution { id: &inst, region: &inst_region })?;
    let (name, qualification_no) = req.validate().map_err(AppError::validation)?;
    state
        .write(move |c| {
            let row = TrainerRow {
                id: TrainerId::from_raw(new_id()),
                institution_id: inst,
                name,
                qualification_no,
                created_at: naive(now),
            };
            q::insert_trainer(c, &row).map_err(|e| {
                if is_unique_violation(&e) {
                    let mut err = AppError::new(ErrorCode::Conflict, "a trainer with this qualification number exists");
                    err.fields.insert("qualification_no".into(), FieldCode::Taken);
                    err
                } else {
                    e.into()
                }
            })?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::AddTrainer,
                    "trainer",
                    row.id.as_str(),
                    format!("trainer {} ({})", row.name, row.qualification_no),
                ),
                now,
            )?;
            Ok(trainer(row))
        })
        .await
}
