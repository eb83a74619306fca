//! Completion: submitted by the institution, approved by the bureau, which issues certificates.

use chrono::{DateTime, Datelike, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::certificates::{CertificateStatus, CompletionLine, CompletionReview, CompletionStatus};
use malanhua_shared::api::classes::Decision;
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::{ClassStatus, shanghai_date};
use malanhua_shared::ids::{CertificateId, CertificateNumber, ClassId};

use super::{assessment::*, attendance::*, load::*};
use crate::certificates::rules::{certificate_number, issuing_region, qualification, serial_prefix};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::{self as q, ClassRow};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// The attendance threshold the class is held to: the one in force when it
/// was approved (for classes approved before that was recorded, the
/// policy's now, else the default).
pub(crate) fn threshold_of(c: &mut DbConn, class: &ClassRow) -> Result<u32, AppError> {
    if let Some(pct) = class.attendance_threshold_pct.and_then(|p| u32::try_from(p).ok()) {
        return Ok(pct);
    }
    let policy = crate::classes::policy_for(c, &class.region_code, class.kind)?;
    Ok(crate::certificates::rules::attendance_threshold(policy.map(|p| p.attendance_threshold_pct)))
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
        status: completion.as_ref().map_or("none".into(), |c| c.status.as_str().to_owned()),
        threshold_pct: threshold,
        reason: completion.and_then(|c| c.reason),
        lines,
    })
}

/// Who qualifies and why the others do not, for staff and the bureau.
pub async fn completion_review(state: &AppState, actor: Actor, class: String) -> Result<CompletionReview, AppError> {
    let class = ClassId::from_raw(class);
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
    let class = ClassId::from_raw(class);
    state
        .write(move |c| {
            let row = class_of(c, &class)?;
            may(&actor, Action::RunClass, &row)?;
            if row.status != ClassStatus::Approved {
                return Err(AppError::new(ErrorCode::WrongState, "only an approved class can be completed"));
            }
            let last_end = q::sessions_of(c, &class)?.iter().map(|s| s.ends_at).max();
            if last_end.is_none_or(|e| utc(e) > now) {
                return Err(AppError::new(ErrorCode::WrongState, "the class has sessions still to come"));
            }
            if cq::submit_completion(c, &class, &actor.user_id, naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "completion is already submitted or approved"));
            }
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::SubmitCompletion,
                    "class",
                    class.as_str(),
                    format!("{} submitted for completion", row.title),
                ),
                now,
            )?;
            review(c, &row)
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
    let class = ClassId::from_raw(class);
    state
        .write(move |c| {
            let row = class_of(c, &class)?;
            authorize(&actor, Action::DecideCompletion, &Resource::Region(&row.region_code))?;
            let to = if decision.approve { CompletionStatus::Approved } else { CompletionStatus::Returned };
            if cq::decide_completion(c, &class, to, &actor.user_id, reason.as_deref(), naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "no completion is waiting for a decision"));
            }
            let mut notes = Vec::new();
            let mut issued = 0;
            let mut certificates = Vec::new();
            if decision.approve {
                let issuing = issuing_region(&actor, &row.region_code);
                let today = shanghai_date(now);
                let prefix = serial_prefix(issuing.as_str(), today.year(), row.kind);
                for line in review(c, &row)?.lines.into_iter().filter(|l| l.reasons.is_empty()) {
                    let serial = cq::next_serial(c, &prefix)?;
                    let number = certificate_number(&prefix, serial);
                    let cert = CertificateRow {
                        id: CertificateId::from_raw(new_id()),
                        number: CertificateNumber::from_raw(number),
                        user_id: line.user_id,
                        class_id: class.clone(),
                        kind: row.kind,
                        holder_name: line.real_name.clone(),
                        hours: row.minutes / 60,
                        issued_on: today,
                        issuing_region: issuing.clone(),
                        status: CertificateStatus::Valid,
                        revoked_at: None,
                        revoke_reason: None,
                        revoked_by: None,
                        created_at: naive(now),
                    };
                    cq::insert_certificate(c, &cert)?;
                    notes.push(crate::classes::notification(
                        &cert.user_id,
                        NotificationKind::CertificateIssued,
                        &class,
                        None,
                        now,
                    ));
                    certificates.push(cert);
                    issued += 1;
                }
            } else {
                for staff in q::staff_of_institution(c, &row.institution_id)? {
                    notes.push(crate::classes::notification(
                        &staff,
                        NotificationKind::CompletionReturned,
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
                    actor: Some(&actor.user_id),
                    action: if decision.approve {
                        AuditAction::ApproveCompletion
                    } else {
                        AuditAction::ReturnCompletion
                    },
                    entity_type: "class",
                    entity_id: class.as_str(),
                    summary: format!(
                        "{}: completion {}, {issued} certificates issued, {drafted} subsidy claims drafted",
                        row.title,
                        to.as_str()
                    ),
                    reason: reason.clone(),
                },
                now,
            )?;
            review(c, &row)
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
            let rows = q::classes_in_region(c, own.prefix(), Some(ClassStatus::Approved))?;
            let ids: Vec<ClassId> = rows.iter().map(|r| r.id.clone()).collect();
            let waiting = cq::submitted_among(c, &ids)?;
            let rows: Vec<ClassRow> = rows.into_iter().filter(|r| waiting.contains(&r.id)).collect();
            crate::classes::summaries(c, &rows)
        })
        .await
}
