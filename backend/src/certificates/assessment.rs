//! Final assessments.

use chrono::{DateTime, Utc};
use malanhua_shared::api::certificates::{Assessment, CompletionStatus, ResultsRequest};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::ids::{ClassId, UserId};
use malanhua_shared::{ErrorCode, FieldCode, FieldErrors};

use super::load::*;
use crate::certificates::store::{self as cq, AssessmentRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

pub(crate) fn assessment(r: &AssessmentRow) -> Assessment {
    Assessment {
        user_id: r.user_id.clone(),
        plan_submitted: r.plan_submitted,
        score: r.score.and_then(|s| u32::try_from(s).ok()),
        passed: r.passed,
        comment: r.comment.clone(),
    }
}

/// A person's result in a class.
pub fn assessment_of(c: &mut DbConn, class: &ClassId, user: &UserId) -> Result<Option<Assessment>, AppError> {
    Ok(cq::assessments_of(c, class)?.iter().find(|a| &a.user_id == user).map(assessment))
}

/// Staff record final assessments for seat holders.
pub async fn record_results(
    state: &AppState,
    actor: Actor,
    class: String,
    req: ResultsRequest,
    now: DateTime<Utc>,
) -> Result<Vec<Assessment>, AppError> {
    let class = ClassId::from_raw(class);
    state
        .write(move |c| {
            let row = class_of(c, &class)?;
            may(&actor, Action::RunClass, &row)?;
            if cq::completion(c, &class)?.is_some_and(|r| r.status != CompletionStatus::Returned) {
                return Err(AppError::new(ErrorCode::WrongState, "results are locked once completion is submitted"));
            }
            let holders: Vec<UserId> = seat_holders(c, &class)?.into_iter().map(|(u, _)| u).collect();
            let mut errors = FieldErrors::new();
            for (i, r) in req.results.iter().enumerate() {
                if !holders.iter().any(|h| h == &r.user_id) {
                    errors.insert(format!("results[{i}].user_id"), FieldCode::UnknownReference);
                }
                if r.score.is_some_and(|s| !(0..=100).contains(&s)) {
                    errors.insert(format!("results[{i}].score"), FieldCode::OutOfRange);
                }
                if r.comment.as_ref().is_some_and(|t| t.chars().count() > 500) {
                    errors.insert(format!("results[{i}].comment"), FieldCode::TooLong);
                }
            }
            if !errors.is_empty() {
                return Err(AppError::validation(errors));
            }
            for r in &req.results {
                cq::upsert_assessment(
                    c,
                    &AssessmentRow {
                        id: new_id(),
                        class_id: class.clone(),
                        user_id: r.user_id.clone(),
                        plan_submitted: r.plan_submitted,
                        score: r.score.and_then(|s| i32::try_from(s).ok()),
                        passed: r.passed,
                        comment: r.comment.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned),
                        recorded_by: actor.user_id.clone(),
                        recorded_at: naive(now),
                    },
                )?;
            }
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::RecordAssessment,
                    "class",
                    class.as_str(),
                    format!("{}: {} results recorded", row.title, req.results.len()),
                ),
                now,
            )?;
            Ok(cq::assessments_of(c, &class)?.iter().map(assessment).collect())
        })
        .await
}
