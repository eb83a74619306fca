//! Rows to wire types, the policy in force, and the facts the rules read.

use std::collections::HashMap;

use chrono::NaiveDate;
use malanhua_shared::RegionCode;
use malanhua_shared::api::mentors::{Expertise, MentorStatus};
use malanhua_shared::api::studios::{
    CitableRecord, StudioCard, StudioEvaluation, StudioMember, StudioPolicy, StudioReport,
};
use malanhua_shared::ids::{MentorId, ServiceRecordId, StudioId};

use super::rules::{self, Candidate, Citation};
use super::store::{self as sq, PolicyRow, StudioRow};
use crate::classes::rules::region_chain;
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::utc;
use crate::mentors::rules::effective_status;
use crate::mentors::store::{self as mq, ServiceFact, Which};

fn count(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// A policy row on the wire.
pub fn policy_out(r: &PolicyRow) -> StudioPolicy {
    StudioPolicy {
        id: r.id.clone(),
        region_code: r.region_code.as_str().to_owned(),
        effective_from: r.effective_from,
        ends_on: r.ends_on,
        grant_fen: r.grant_fen,
        min_members: count(r.min_members),
        min_services: count(r.min_services),
        cycle_years: count(r.cycle_years),
        report_months: count(r.report_months),
        pass_mark: count(r.pass_mark),
        rectification_days: count(r.rectification_days),
        ban_years: count(r.ban_years),
        notice_days: count(r.notice_days),
    }
}

/// The version in force for `region` on `date`.
pub fn policy_in_force(c: &mut DbConn, region: &RegionCode, date: NaiveDate) -> Result<Option<StudioPolicy>, AppError> {
    let versions: Vec<StudioPolicy> = sq::policies_for(c, &region_chain(region))?.iter().map(policy_out).collect();
    Ok(rules::in_force(&versions, region, date).cloned())
}

/// The policy a studio applied under.
pub fn policy_of(c: &mut DbConn, row: &StudioRow) -> Result<StudioPolicy, AppError> {
    sq::policy(c, &row.policy_id)?.as_ref().map(policy_out).ok_or_else(|| AppError::internal("studio policy vanished"))
}

/// The specialities of a row.
pub fn specialities(row: &StudioRow) -> Vec<Expertise> {
    row.specialities.split(',').filter_map(Expertise::from_name).collect()
}

/// The documents of a row.
pub fn documents(row: &StudioRow) -> Vec<String> {
    row.documents.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// Members of studios with names and titles, by studio.
pub fn members(c: &mut DbConn, ids: &[StudioId]) -> Result<HashMap<StudioId, Vec<StudioMember>>, AppError> {
    let rows = sq::members_of(c, ids)?;
    let mut out: HashMap<StudioId, Vec<StudioMember>> = HashMap::new();
    for m in rows {
        let Some(mentor) = mq::find_mentor(c, &m.mentor_id)? else { continue };
        out.entry(m.studio_id.clone()).or_default().push(StudioMember {
            mentor_id: m.mentor_id,
            name: mentor.real_name,
            title: mentor.title,
            leader: m.leader,
        });
    }
    Ok(out)
}

/// Directory cards of studios.
pub fn cards(c: &mut DbConn, rows: &[StudioRow]) -> Result<Vec<StudioCard>, AppError> {
    let ids: Vec<StudioId> = rows.iter().map(|r| r.id.clone()).collect();
    let mut members = members(c, &ids)?;
    let mut names: HashMap<RegionCode, String> = HashMap::new();
    let mut out = Vec::new();
    for r in rows {
        if !names.contains_key(&r.region_code) {
            let name = crate::mentors::decode::region_name(c, &r.region_code)?;
            names.insert(r.region_code.clone(), name);
        }
        out.push(StudioCard {
            id: r.id.clone(),
            name: r.name.clone(),
            region_code: r.region_code.clone(),
            region_name: names.get(&r.region_code).cloned().unwrap_or_default(),
            specialities: specialities(r),
            status: r.status,
            members: members.remove(&r.id).unwrap_or_default(),
            recognised_on: r.recognised_on,
            cycle_ends_on: r.cycle_ends_on,
        });
    }
    Ok(out)
}

/// A mentor as a leader or member candidate on `today`.
pub fn candidate(
    c: &mut DbConn,
    id: &MentorId,
    except: Option<&StudioId>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Candidate, AppError> {
    let Some(m) = mq::find_mentor(c, id)? else {
        return Err(AppError::field("member_ids", malanhua_shared::FieldCode::UnknownReference));
    };
    let in_other = !sq::in_live_studio(c, std::slice::from_ref(id), except)?.is_empty();
    Ok(Candidate {
        id: m.id,
        status: effective_status(m.status, m.term_to, now),
        region: m.region_code,
        in_other_studio: in_other,
    })
}

/// The service counts as evidence: confirmed by the person served (any
/// attendee of a group session) or by the bureau, and long enough under the
/// region's mentor-library policy.
pub fn citation(f: &ServiceFact, min_minutes: u32, cited_elsewhere: bool) -> Citation {
    Citation {
        id: f.record.id.clone(),
        mentor: f.record.mentor_id.clone(),
        on: malanhua_shared::course::shanghai_date(utc(f.starts_at)),
        confirmed: f.person_confirmed || f.record.bureau_confirmed_at.is_some(),
        long_enough: u32::try_from(f.record.minutes).unwrap_or(0) >= min_minutes,
        cited_elsewhere,
    }
}

/// The cited records' facts, with which are cited by another studio.
pub fn citations(
    c: &mut DbConn,
    ids: &[ServiceRecordId],
    except: Option<&StudioId>,
    min_minutes: u32,
) -> Result<Vec<Citation>, AppError> {
    let facts = mq::service_facts(c, Which::Ids(ids))?;
    if facts.len() != ids.len() {
        return Err(AppError::field("record_ids", malanhua_shared::FieldCode::UnknownReference));
    }
    let elsewhere = sq::cited(c, ids, except)?;
    Ok(facts.iter().map(|f| citation(f, min_minutes, elsewhere.contains(&f.record.id))).collect())
}

/// Records on the wire, with the mentors' names.
pub fn citable(c: &mut DbConn, facts: &[ServiceFact]) -> Result<Vec<CitableRecord>, AppError> {
    let ids: Vec<MentorId> = facts.iter().map(|f| f.record.mentor_id.clone()).collect();
    let names: HashMap<MentorId, String> = mq::mentor_names(c, &ids)?.into_iter().collect();
    Ok(facts
        .iter()
        .map(|f| CitableRecord {
            id: f.record.id.clone(),
            mentor_id: f.record.mentor_id.clone(),
            mentor_name: names.get(&f.record.mentor_id).cloned().unwrap_or_default(),
            starts_at: utc(f.starts_at),
            minutes: u32::try_from(f.record.minutes).unwrap_or(0),
            group: f.group(),
        })
        .collect())
}

/// Reports and evaluations on the wire.
pub fn history(c: &mut DbConn, id: &StudioId) -> Result<(Vec<StudioReport>, Vec<StudioEvaluation>), AppError> {
    let reports = sq::reports_of(c, id)?
        .into_iter()
        .map(|r| StudioReport {
            id: r.id,
            period_start: r.period_start,
            activities: r.activities,
            services: u32::try_from(r.services).unwrap_or(0),
            spent_fen: r.spent_fen,
            submitted_at: utc(r.submitted_at),
        })
        .collect();
    let evaluations = sq::evaluations_of(c, id)?
        .into_iter()
        .map(|e| StudioEvaluation {
            year: e.year,
            score: u32::try_from(e.score).unwrap_or(0),
            outcome: e.outcome,
            comment: e.comment,
            evaluated_at: utc(e.evaluated_at),
        })
        .collect();
    Ok((reports, evaluations))
}

/// The reports due and missing on `today`.
pub fn missing(
    c: &mut DbConn,
    row: &StudioRow,
    policy: &StudioPolicy,
    today: NaiveDate,
) -> Result<Vec<NaiveDate>, AppError> {
    let (Some(on), Some(end)) = (row.recognised_on, row.cycle_ends_on) else { return Ok(vec![]) };
    if !matches!(
        row.status,
        malanhua_shared::api::studios::StudioStatus::Recognised
            | malanhua_shared::api::studios::StudioStatus::Rectification
    ) {
        return Ok(vec![]);
    }
    let filed: Vec<NaiveDate> = sq::reports_of(c, &row.id)?.iter().map(|r| r.period_start).collect();
    Ok(rules::reports_missing(on, end, policy.report_months, &filed, today))
}

/// True when the mentor is active today.
pub fn active(status: MentorStatus) -> bool {
    status == MentorStatus::Active
}
