//! One row of the list, decided for one subject by the same eligibility
//! rules as a claim: the page builds its rows with these, and a
//! notification checks its row again with them before it is sent.

use chrono::{DateTime, Utc};
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::outreach::{OutreachReason, OutreachRow};
use malanhua_shared::api::subsidies::Payee;
use malanhua_shared::course::{CourseKind, shanghai_date};
use malanhua_shared::ids::{CertificateNumber, DeclarationId};

use super::rules;
use super::store::{self as q, Waiting};
use crate::certificates::store::{self as cq, CertificateRow};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::utc;
use crate::subsidies::eligibility::assess;

/// The row of a certificate: listed when its holder may claim now, with no
/// claim, or with the window closing and nothing filed.
pub fn of_certificate(
    c: &mut DbConn,
    cert: &CertificateRow,
    now: DateTime<Utc>,
) -> Result<Option<OutreachRow>, AppError> {
    let today = shanghai_date(now);
    let assessed = assess(c, cert, None, None, today, false)?;
    let (Ok(eligible), Some(policy)) = (&assessed.outcome, &assessed.policy) else { return Ok(None) };
    if eligible.payee != Payee::Trainee {
        // The institution claims for its class; the trainee has nothing to file.
        return Ok(None);
    }
    let deadline = rules::deadline(cert.issued_on, policy.window_months);
    let stage = q::claim_stage(c, cert)?;
    let Some(reason) = rules::window_reason(deadline, today, stage) else { return Ok(None) };
    let mut row = base(c, reason, cert, now)?;
    row.amount_fen = Some(eligible.amount.get());
    row.deadline = Some(deadline);
    row.claim_status = stage;
    Ok(Some(row))
}

/// The row of an SYB certificate the list's query found (valid, its
/// holder with no IYB).
pub fn of_syb(c: &mut DbConn, cert: &CertificateRow, now: DateTime<Utc>) -> Result<OutreachRow, AppError> {
    base(c, OutreachReason::SybMayTakeIyb, cert, now)
}

/// [`of_syb`] for one certificate, checked as the list's query checks it.
fn syb_checked(c: &mut DbConn, cert: &CertificateRow, now: DateTime<Utc>) -> Result<Option<OutreachRow>, AppError> {
    if cert.kind != CourseKind::Syb || cert.status != CertificateStatus::Valid || q::takes_iyb(c, &cert.user_id)? {
        return Ok(None);
    }
    of_syb(c, cert, now).map(Some)
}

/// The row of a declaration still waiting.
pub fn of_declaration(c: &mut DbConn, w: &Waiting, now: DateTime<Utc>) -> Result<Option<OutreachRow>, AppError> {
    let Some(region) = w.region.clone() else { return Ok(None) };
    let (name, mobile) = q::person(c, &w.user_id)?.unwrap_or_default();
    let (subject, name) = (w.id.to_string(), name.unwrap_or_default());
    let mut row =
        OutreachRow::new(OutreachReason::DeclarationWaiting, subject, w.user_id.clone(), name, mobile, region);
    row.group = Some(w.group);
    row.waiting_days = Some(rules::waiting_days(shanghai_date(utc(w.created_at)), shanghai_date(now)));
    nudged(c, &mut row, now)?;
    Ok(Some(row))
}

/// The row of `subject` for `reason` as it stands now, if the person is
/// still listed for it.
pub fn find(
    c: &mut DbConn,
    reason: OutreachReason,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Option<OutreachRow>, AppError> {
    let row = match reason {
        OutreachReason::DeclarationWaiting => match q::waiting_declaration(c, &DeclarationId::from_raw(subject))? {
            Some(w) => of_declaration(c, &w, now)?,
            None => None,
        },
        _ => match cq::by_number(c, &CertificateNumber::from_raw(subject.to_owned()))? {
            Some(cert) if reason == OutreachReason::SybMayTakeIyb => syb_checked(c, &cert, now)?,
            Some(cert) => of_certificate(c, &cert, now)?,
            None => None,
        },
    };
    Ok(row.filter(|r| r.reason == reason))
}

fn base(
    c: &mut DbConn,
    reason: OutreachReason,
    cert: &CertificateRow,
    now: DateTime<Utc>,
) -> Result<OutreachRow, AppError> {
    let (_, mobile) = q::person(c, &cert.user_id)?.unwrap_or_default();
    let (user, name, region) = (cert.user_id.clone(), cert.holder_name.clone(), cert.issuing_region.clone());
    let mut row = OutreachRow::new(reason, cert.number.to_string(), user, name, mobile, region);
    row.kind = Some(cert.kind);
    nudged(c, &mut row, now)?;
    Ok(row)
}

fn nudged(c: &mut DbConn, row: &mut OutreachRow, now: DateTime<Utc>) -> Result<(), AppError> {
    row.nudged_at = q::last_nudge(c, &row.user_id)?.map(utc);
    row.quiet_until = rules::quiet_until(row.nudged_at, now);
    Ok(())
}
