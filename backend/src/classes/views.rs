//! Class summaries and details as the API shows them.

use malanhua_shared::RegionCode;
use malanhua_shared::api::InstitutionRef;
use malanhua_shared::api::classes::{ClassDetail, ClassSession, ClassSummary, MyEnrolment};
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};
use malanhua_shared::ids::{ClassId, InstitutionId, UserId};

use super::trainers::*;
use crate::classes::rules::waitlist_position;
use crate::classes::store::{self as q, ClassRow, EnrolmentRow, SessionRow};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::utc;

/// Listing fields of classes, with institution and region names and waitlist counts.
pub fn summaries(c: &mut DbConn, rows: &[ClassRow]) -> Result<Vec<ClassSummary>, AppError> {
    let ids: Vec<ClassId> = rows.iter().map(|r| r.id.clone()).collect();
    let inst_ids: Vec<InstitutionId> = rows.iter().map(|r| r.institution_id.clone()).collect();
    let regions: Vec<RegionCode> = rows.iter().map(|r| r.region_code.clone()).collect();
    let inst_names = q::institution_names(c, &inst_ids)?;
    let region_names = crate::core::regions::store::names(c, &regions)?;
    let waiting = q::waitlisted_counts(c, &ids)?;
    rows.iter()
        .map(|r| {
            let taken = u32::try_from(r.taken).unwrap_or(0);
            let capacity = u32::try_from(r.capacity).unwrap_or(0);
            Ok(ClassSummary {
                id: r.id.clone(),
                kind: r.kind,
                title: r.title.clone(),
                institution: InstitutionRef {
                    id: r.institution_id.clone(),
                    name: inst_names
                        .iter()
                        .find(|(i, _)| *i == r.institution_id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                },
                region: r.region_code.clone(),
                region_name: region_names
                    .iter()
                    .find(|(c, _)| *c == r.region_code)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                mode: r.mode,
                place: r.place.clone(),
                capacity,
                taken,
                seats_left: capacity.saturating_sub(taken),
                waitlisted: waiting
                    .iter()
                    .find(|(id, _)| *id == r.id)
                    .map(|(_, n)| u32::try_from(*n).unwrap_or(0))
                    .unwrap_or(0),
                starts_on: r.starts_on,
                ends_on: r.ends_on,
                enrol_opens_at: utc(r.enrol_opens_at),
                enrol_closes_at: utc(r.enrol_closes_at),
                first_session_at: utc(r.first_session_at),
                fee_fen: r.fee_fen,
                ended_early_at: r.ended_early_at.map(utc),
                ended_early_reason: r.ended_early_reason.clone(),
                hours: u32::try_from(r.minutes / 60).unwrap_or(0),
                status: r.status,
            })
        })
        .collect()
}

/// A session as the API shows it.
pub(crate) fn session_view(s: SessionRow) -> ClassSession {
    ClassSession {
        id: s.id,
        seq: u32::try_from(s.seq).unwrap_or(0),
        starts_at: utc(s.starts_at),
        ends_at: utc(s.ends_at),
        topic: s.topic,
    }
}

pub(crate) fn my_enrolment(c: &mut DbConn, e: &EnrolmentRow) -> Result<MyEnrolment, AppError> {
    let status = e.status;
    let waitlist_position = match (status, e.waitlist_seq) {
        (EnrolmentStatus::Waitlisted, Some(seq)) => Some(waitlist_position(seq, &q::waiting_seqs(c, &e.class_id)?)),
        _ => None,
    };
    Ok(MyEnrolment { class_id: e.class_id.clone(), status, waitlist_position })
}

pub(crate) fn detail(c: &mut DbConn, row: &ClassRow, viewer: Option<&UserId>) -> Result<ClassDetail, AppError> {
    let summary = summaries(c, std::slice::from_ref(row))?.pop().ok_or_else(|| AppError::internal("no summary"))?;
    let sessions = q::sessions_of(c, &row.id)?.into_iter().map(session_view).collect();
    let trainers = q::trainers_of_class(c, &row.id)?.into_iter().map(trainer).collect();
    let my_enrolment = match viewer {
        Some(user) => q::latest_enrolment(c, &row.id, user)?.map(|e| my_enrolment(c, &e)).transpose()?,
        None => None,
    };
    Ok(ClassDetail { summary, sessions, trainers, status_reason: row.status_reason.clone(), my_enrolment })
}

/// Loads a class the actor may see: approved ones are public; others only
/// for the institution's staff and the region's officers.
pub(crate) fn visible_class(c: &mut DbConn, actor: Option<&Actor>, id: &ClassId) -> Result<ClassRow, AppError> {
    let row = q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))?;
    if row.status == ClassStatus::Approved {
        return Ok(row);
    }
    let allowed = actor.is_some_and(|a| {
        authorize(
            a,
            Action::ViewClassInternals,
            &Resource::Institution { id: &row.institution_id, region: &row.region_code },
        )
        .is_ok()
    });
    if allowed { Ok(row) } else { Err(AppError::not_found("class")) }
}
