//! Completion: submitted by the institution, approved by the bureau, which issues certificates.

use chrono::{DateTime, Datelike, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::certificates::{CompletionLine, CompletionReview};
use malanhua_shared::api::classes::Decision;
use malanhua_shared::course::{CourseKind, shanghai_date};

#[allow(unused_imports)]
use super::{assessment::*, attendance::*, issued::*, load::*};
use crate::certificates::rules::{certificate_number, issuing_region, qualification, serial_prefix};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::{self as q, ClassRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id, write_tx};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, region, utc};

pub(crate) fn threshold_of(c: &mut DbConn, class: &ClassRow) -> Result<u32, AppError> {
    let kind = CourseKind::from_name(&class.kind).ok_or_else(|| AppError::internal("bad kind"))?;
    Ok(crate::classes::policy_for(c, &region(&class.region_code)?, kind)?.map_or(80, |p| p.attendance_threshold_pct))
}

pub(crate) fn review(c: &mut DbConn, class: &ClassRow) -> Result<CompletionReview, AppError> {
    let threshold = threshold_of(c, class)?;
    let completion = cq::completion(c, &class.id)?;
    let certificates = cq::of_class(c, &class.id)?;
    let mut lines = Vec::new();
    for (user_id, real_name) in seat_holders(c, &class.id)? {
        let attendance = attendance_of(c, &class.id, &user_id)?;
        let assessment = assessment_of(c, &class.id, &user_id)?;
        let reasons =
            qualification(attendance.attended, attendance.total, threshold, assessment.as_ref().map(|a| a.passed));
        let certificate_number = certificates.iter().find(|c| c.user_id == user_id).map(|c| c.number.clone());
        lines.push(CompletionLine { user_id, real_name, attendance, assessment, reasons, certificate_number });
    }
    Ok(CompletionReview {
        class_id: class.id.clone(),
        status: completion.as_ref().map_or("none".into(), |c| c.status.clone()),
        threshold_pct: threshold,
        reason: completion.and_then(|c| c.reason),
        lines,
    })
}

/// Who qualifies and why the others do not, for staff and the bureau.
pub async fn completion_review(state: &AppState, actor: Actor, class: String) -> Result<CompletionReview, AppError> {
    state
        .db(move |c| {
            let row = class_of(c, &class)?;
            may(&actor, Action::ViewClassInternals, &row)?;
            review(c, &row)
        })
        .await
}

/// Staff submit an approved class for completion once its last session has ended.
pub async fn submit_completion(
    state: &AppState,
    actor: Actor,
    class: String,
    now: DateTime<Utc>,
) -> Result<CompletionReview, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = class_of(c, &class)?;
                may(&actor, Action::RunClass, &row)?;
                if row.status != "approved" {
                    return Err(AppError::new(ErrorCode::WrongState, "only an approved class can be completed"));
                }
                let last_end = q::sessions_of(c, &class)?.iter().map(|s| s.ends_at).max();
                if last_end.is_none_or(|e| utc(e) > now) {
                    return Err(AppError::new(ErrorCode::WrongState, "the class has sessions still to come"));
                }
                if cq::submit_completion(c, &class, actor.user_id.as_str(), naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "completion is already submitted or approved"));
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "completion.submit",
                        entity_type: "class",
                        entity_id: &class,
                        summary: format!("{} submitted for completion", row.title),
                        reason: None,
                    },
                    now,
                )?;
                review(c, &row)
            })
        })
        .await
}

/// The bureau approves a completion, which issues a certificate to each
/// trainee who qualifies (checked again now) and to no one else; or
/// returns it to the institution with a reason.
pub async fn decide_completion(
    state: &AppState,
    actor: Actor,
    class: String,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<CompletionReview, AppError> {
    let reason = crate::classes::decision_reason(&decision)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = class_of(c, &class)?;
                let class_region = region(&row.region_code)?;
                authorize(&actor, Action::DecideCompletion, &Resource::Region(&class_region))?;
                let to = if decision.approve { "approved" } else { "returned" };
                if cq::decide_completion(c, &class, to, actor.user_id.as_str(), reason.as_deref(), naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "no completion is waiting for a decision"));
                }
                let mut notes = Vec::new();
                let mut issued = 0;
                let mut certificates = Vec::new();
                if decision.approve {
                    let issuing = issuing_region(&actor, &class_region);
                    let kind = CourseKind::from_name(&row.kind).ok_or_else(|| AppError::internal("bad kind"))?;
                    let today = shanghai_date(now);
                    let prefix = serial_prefix(issuing.as_str(), today.year(), kind);
                    for line in review(c, &row)?.lines.into_iter().filter(|l| l.reasons.is_empty()) {
                        let serial = cq::next_serial(c, &prefix)?;
                        let number = certificate_number(&prefix, serial);
                        let cert = CertificateRow {
                            id: new_id(),
                            number: number.clone(),
                            user_id: line.user_id.clone(),
                            class_id: class.clone(),
                            kind: row.kind.clone(),
                            holder_name: line.real_name.clone(),
                            hours: row.minutes / 60,
                            issued_on: today,
                            issuing_region: issuing.to_string(),
                            status: "valid".into(),
                            revoked_at: None,
                            revoke_reason: None,
                            revoked_by: None,
                            created_at: naive(now),
                        };
                        cq::insert_certificate(c, &cert)?;
                        certificates.push(cert);
                        notes.push(crate::classes::notification(
                            &line.user_id,
                            "certificate_issued",
                            &class,
                            None,
                            now,
                        ));
                        issued += 1;
                    }
                } else {
                    for staff in q::staff_of_institution(c, &row.institution_id)? {
                        notes.push(crate::classes::notification(
                            &staff,
                            "completion_returned",
                            &class,
                            reason.as_deref(),
                            now,
                        ));
                    }
                }
                q::notify(c, &notes)?;
                let drafted = crate::subsidies::draft_claims(c, &row, &certificates, now)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: if decision.approve { "completion.approve" } else { "completion.return" },
                        entity_type: "class",
                        entity_id: &class,
                        summary: format!(
                            "{}: completion {to}, {issued} certificates issued, {drafted} subsidy claims drafted",
                            row.title
                        ),
                        reason: reason.clone(),
                    },
                    now,
                )?;
                review(c, &row)
            })
        })
        .await
}

/// Classes of the officer's region whose completion waits for a decision.
pub async fn pending_completions(
    state: &AppState,
    actor: Actor,
) -> Result<Vec<malanhua_shared::api::classes::ClassSummary>, AppError> {
    let own = actor
        .officer_region()
        .cloned()
        .ok_or_else(|| AppError::from(crate::core::authorization::Denied::MissingRole))?;
    authorize(&actor, Action::DecideCompletion, &Resource::Region(&own))?;
    state
        .db(move |c| {
            let rows = q::classes_in_region(c, own.prefix(), Some("approved"))?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let waiting = cq::submitted_among(c, &ids)?;
            let rows: Vec<ClassRow> = rows.into_iter().filter(|r| waiting.contains(&r.id)).collect();
            crate::classes::summaries(c, &rows)
        })
        .await
}
