//! 创业一件事: the founder's one page, composed from what each feature
//! already tells the person (their classes, certificates, claims and
//! eligibility, appointments, follow-ups), with the next step on each line
//! decided by [`rules`].

pub mod rules;

use chrono::{DateTime, Utc};
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::journey::{Journey, JourneyArea, JourneyLine, NextStep};
use malanhua_shared::api::subsidies::ClaimKind;
use malanhua_shared::course::shanghai_date;

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;

/// The signed-in person's journey.
pub async fn journey(state: &AppState, actor: Actor, now: DateTime<Utc>) -> Result<Journey, AppError> {
    let today = shanghai_date(now);
    let classes = crate::classes::enrolment::my_classes(state, actor.clone()).await?;
    let certificates = crate::certificates::issued::my_certificates(state, actor.clone()).await?;
    let claims = crate::subsidies::reading::my_claims(state, actor.clone()).await?;
    let appointments = crate::mentors::appointments::mine(state, actor.clone(), now).await?;
    let outcomes = super::my_outcomes(state, actor.clone(), now).await?;
    let mut lines = Vec::new();

    for m in &classes {
        let Some(next) = rules::class_step(
            m.enrolment.status,
            m.class.status,
            m.class.ends_on,
            today,
            m.certificate_number.is_some(),
        ) else {
            continue;
        };
        let mut line = JourneyLine::new(JourneyArea::Training, next, m.class.title.clone());
        line.kind = Some(m.class.kind);
        line.subject = Some(m.class.id.to_string());
        line.at = m.sessions.iter().map(|s| s.starts_at).filter(|at| *at > now).min();
        lines.push(line);
    }

    let valid: Vec<_> = certificates.iter().filter(|c| c.status == CertificateStatus::Valid).collect();
    for cert in &valid {
        let mut line = JourneyLine::new(JourneyArea::Subsidy, NextStep::NothingToClaim, cert.class_title.clone());
        line.kind = Some(cert.kind);
        line.certificate = Some(cert.number.to_string());
        let claim = claims
            .iter()
            .find(|c| c.claim_kind == ClaimKind::Training && c.certificate_number.as_ref() == Some(&cert.number));
        match claim {
            Some(c) => {
                line.next = rules::claim_step(c.status);
                line.subject = Some(c.id.to_string());
                line.claim_status = Some(c.status);
                line.amount_fen = Some(c.amount_fen.get());
            }
            None => {
                let e = crate::subsidies::eligibility::certificate_eligibility(
                    state,
                    actor.clone(),
                    cert.number.to_string(),
                    now,
                )
                .await?;
                line.next = rules::unclaimed_step(&e);
                line.subject = Some(cert.number.to_string());
                line.amount_fen = e.amount_fen.map(|f| f.get());
                line.reasons = if e.eligible { vec![] } else { e.reasons };
            }
        }
        lines.push(line);
    }

    for o in &outcomes {
        if let Some(due) = &o.due {
            let mut line = JourneyLine::new(JourneyArea::Outcome, NextStep::RecordOutcome, o.class_title.clone());
            line.kind = Some(o.kind);
            line.subject = Some(o.number.to_string());
            line.certificate = Some(o.number.to_string());
            line.due_on = Some(due.due_on);
            lines.push(line);
        }
    }

    for a in &appointments {
        let recorded = a.record.is_some() && !a.no_show;
        let rated = a.service_confirmed_at.is_some() || a.rating.is_some();
        if let Some(next) = rules::appointment_step(a.status, a.ends_at, now, recorded, rated) {
            let mut line = JourneyLine::new(JourneyArea::Mentoring, next, a.mentor_name.clone());
            line.subject = Some(a.id.to_string());
            line.at = Some(a.starts_at);
            lines.push(line);
        }
    }
    if !valid.is_empty() && appointments.is_empty() {
        lines.push(JourneyLine::new(JourneyArea::Mentoring, NextStep::FindMentor, String::new()));
    }
    if classes.is_empty() && valid.is_empty() {
        lines.push(JourneyLine::new(JourneyArea::Training, NextStep::FindClass, String::new()));
    }
    rules::order(&mut lines);
    Ok(Journey { lines })
}
