//! Recording and reading what happened after a course, per certificate:
//! by its holder, or by the institution that ran the class during the
//! programme's follow-up; the class's institution and the bureau read it.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::outcomes::{CheckedOutcome, Outcome, OutcomeInput, OutcomeRecord, OutcomeStatus};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::CertificateNumber;

use super::rules::{self, Recorded};
use super::store::{self as q, OutcomeRow};
use crate::certificates::load::{class_of, may};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::ClassRow;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// The outcome of one certificate with its follow-up points, for its
/// holder, the institution and the bureau.
pub async fn outcome_of(
    state: &AppState,
    actor: Actor,
    number: String,
    now: DateTime<Utc>,
) -> Result<OutcomeRecord, AppError> {
    let number = CertificateNumber::from_raw(number);
    state
        .db(move |c| {
            let (cert, class) = certificate_and_class(c, &number)?;
            if cert.user_id != actor.user_id {
                may(&actor, Action::ViewClassInternals, &class)?;
            }
            let outcome = q::find(c, &cert.id)?;
            record_of(c, &cert, &class, outcome, now)
        })
        .await
}

/// The signed-in person's certificates with their outcomes, newest first.
pub async fn my_outcomes(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Vec<OutcomeRecord>, AppError> {
    state
        .db(move |c| {
            let certs = cq::of_user(c, &actor.user_id)?;
            let ids: Vec<_> = certs.iter().map(|r| r.id.clone()).collect();
            let mut outcomes = q::of_certificates(c, &ids)?;
            let mut out = Vec::with_capacity(certs.len());
            for cert in certs.iter().filter(|r| r.status == CertificateStatus::Valid) {
                let class = class_of(c, &cert.class_id)?;
                let at = outcomes.iter().position(|o| o.certificate_id == cert.id);
                let outcome = at.map(|i| outcomes.swap_remove(i));
                out.push(record_of(c, cert, &class, outcome, now)?);
            }
            Ok(out)
        })
        .await
}

/// Records (or corrects) what happened after the course. The holder and
/// the institution's staff may; a revoked certificate takes no outcome.
pub async fn record(
    state: &AppState,
    actor: Actor,
    number: String,
    input: OutcomeInput,
    now: DateTime<Utc>,
) -> Result<OutcomeRecord, AppError> {
    let number = CertificateNumber::from_raw(number);
    let checked = input.validate(shanghai_date(now)).map_err(AppError::validation)?;
    state
        .write(move |c| {
            let (cert, class) = certificate_and_class(c, &number)?;
            let by_holder = cert.user_id == actor.user_id;
            if !by_holder {
                may(&actor, Action::RunClass, &class)?;
            }
            if cert.status != CertificateStatus::Valid {
                return Err(AppError::new(ErrorCode::WrongState, "a revoked certificate takes no outcome"));
            }
            let row = row_of(&cert, &class, &checked, by_holder, &actor, now);
            let earlier = q::put(c, &row)?;
            let summary = match &checked {
                CheckedOutcome::NotYet => "not yet".to_owned(),
                CheckedOutcome::Started { industry, jobs_created, .. } => {
                    format!("started, section {}, {jobs_created} jobs", industry.as_str())
                }
            };
            let summary = if earlier { format!("{summary} (corrected)") } else { summary };
            audit::record(
                c,
                Entry::by(&actor.user_id, AuditAction::RecordOutcome, "certificate", cert.number.as_str(), summary),
                now,
            )?;
            record_of(c, &cert, &class, Some(row), now)
        })
        .await
}

fn certificate_and_class(c: &mut DbConn, number: &CertificateNumber) -> Result<(CertificateRow, ClassRow), AppError> {
    let cert = cq::by_number(c, number)?.ok_or_else(|| AppError::not_found("certificate"))?;
    let class = class_of(c, &cert.class_id)?;
    Ok((cert, class))
}

fn row_of(
    cert: &CertificateRow,
    class: &ClassRow,
    checked: &CheckedOutcome,
    by_holder: bool,
    actor: &Actor,
    now: DateTime<Utc>,
) -> OutcomeRow {
    let (status, started_on, credit_code, industry, jobs) = match checked {
        CheckedOutcome::NotYet => (OutcomeStatus::NotYet, None, None, None, None),
        CheckedOutcome::Started { started_on, credit_code, industry, jobs_created } => (
            OutcomeStatus::Started,
            Some(*started_on),
            Some(credit_code.as_str().to_owned()),
            Some(*industry),
            Some(i32::try_from(*jobs_created).unwrap_or(i32::MAX)),
        ),
    };
    OutcomeRow {
        certificate_id: cert.id.clone(),
        user_id: cert.user_id.clone(),
        region_code: class.region_code.clone(),
        status,
        started_on,
        credit_code,
        industry,
        jobs_created: jobs,
        by_holder,
        recorded_by: actor.user_id.clone(),
        recorded_at: naive(now),
    }
}

/// The wire form of one certificate's outcome and follow-up.
pub(crate) fn record_of(
    c: &mut DbConn,
    cert: &CertificateRow,
    class: &ClassRow,
    outcome: Option<OutcomeRow>,
    now: DateTime<Utc>,
) -> Result<OutcomeRecord, AppError> {
    let months = rules::parse_months(&q::follow_up_months(c, &cert.issuing_region)?);
    let recorded = outcome.as_ref().map(|o| Recorded { status: o.status, on: shanghai_date(utc(o.recorded_at)) });
    let follow_ups = rules::follow_up_points(cert.issued_on, &months, recorded);
    let due = rules::due_point(&follow_ups, shanghai_date(now));
    Ok(OutcomeRecord {
        number: cert.number.clone(),
        kind: cert.kind,
        holder_name: cert.holder_name.clone(),
        class_title: class.title.clone(),
        issued_on: cert.issued_on,
        outcome: outcome.map(|o| Outcome {
            status: o.status,
            started_on: o.started_on,
            credit_code: o.credit_code,
            industry: o.industry,
            jobs_created: o.jobs_created.and_then(|j| u32::try_from(j).ok()),
            by_holder: o.by_holder,
            recorded_at: utc(o.recorded_at),
        }),
        follow_ups,
        due,
    })
}
