//! Reading claims: the trainee's list, a claim's detail and timeline, the worklist.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::subsidies::{
    ClaimDetail, ClaimPage, ClaimQuery, ClaimSort, ClaimStatus, ClaimSummary, DeclarationStatus, Recovery,
    TimelineEntry, WithheldAction,
};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{CertificateId, ClaimId, ClassId, InstitutionId, UserId};

use super::{claims::*, decode::*, groups::*, notice::*, stages::*};
use crate::certificates::store::CertificateRow;
use crate::classes::store::{self as q};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};
use crate::subsidies::rules::{
    available_actions, can_submit, group_unverified, split_by_eligibility, verification_due,
};
use crate::subsidies::store::{self as sq, ClaimFilter, ClaimRow, PaymentRow};

/// Claims as listed, with names, titles and payments loaded in bulk.
pub(crate) fn summaries(c: &mut DbConn, rows: &[ClaimRow]) -> Result<Vec<ClaimSummary>, AppError> {
    let cert_ids: Vec<CertificateId> = rows.iter().filter_map(|r| r.certificate_id.clone()).collect();
    let certs: HashMap<CertificateId, CertificateRow> =
        sq::certificates(c, &cert_ids)?.into_iter().map(|r| (r.id.clone(), r)).collect();
    let class_ids: Vec<ClassId> = rows.iter().filter_map(|r| r.class_id.clone()).collect();
    let titles: HashMap<ClassId, String> = sq::class_titles(c, &class_ids)?.into_iter().collect();
    let inst_ids: Vec<InstitutionId> = rows.iter().filter_map(|r| r.institution_id.clone()).collect();
    let insts: HashMap<InstitutionId, String> = q::institution_names(c, &inst_ids)?.into_iter().collect();
    // The person's own name where no certificate carries it (studio leaders, mentors).
    let people: Vec<UserId> = rows.iter().filter(|r| r.certificate_id.is_none()).map(|r| r.user_id.clone()).collect();
    let mut names: HashMap<UserId, String> = HashMap::new();
    for (id, name) in crate::accounts::store::real_names(c, &people)? {
        // A mentor's name is on the library's record when the profile has none.
        let name = match name {
            Some(n) => n,
            None => crate::mentors::store::mentor_of(c, &id)?.map(|m| m.real_name).unwrap_or_default(),
        };
        names.insert(id, name);
    }
    let ids: Vec<ClaimId> = rows.iter().map(|r| r.id.clone()).collect();
    let pays: HashMap<ClaimId, PaymentRow> =
        sq::payments_of(c, &ids)?.into_iter().map(|p| (p.claim_id.clone(), p)).collect();
    let recoveries: HashMap<ClaimId, Recovery> = recoveries(c, &ids)?;
    let holders: Vec<UserId> = rows.iter().filter(|r| r.certificate_id.is_some()).map(|r| r.user_id.clone()).collect();
    let mut declared: HashMap<UserId, Vec<DeclarationStatus>> = HashMap::new();
    for (user, state) in sq::declaration_states(c, &holders)? {
        declared.entry(user).or_default().push(state);
    }
    Ok(rows
        .iter()
        .map(|r| {
            let cert = r.certificate_id.as_ref().and_then(|id| certs.get(id));
            let pay = pays.get(&r.id);
            let class_title = r.class_id.as_ref().and_then(|id| titles.get(id)).cloned().unwrap_or_default();
            ClaimSummary {
                id: r.id.clone(),
                status: r.status,
                claim_kind: r.claim_kind,
                kind: r.kind,
                certificate_number: cert.map(|x| x.number.clone()),
                trainee_id: r.user_id.clone(),
                holder_name: match cert {
                    Some(x) => x.holder_name.clone(),
                    None => names.get(&r.user_id).cloned().unwrap_or_default(),
                },
                institution_id: r.institution_id.clone(),
                institution: r.institution_id.as_ref().and_then(|id| insts.get(id)).cloned().unwrap_or_default(),
                class_id: r.class_id.clone(),
                subject: if r.subject.is_empty() { class_title.clone() } else { r.subject.clone() },
                class_title,
                studio_id: r.studio_id.clone(),
                mentor_id: r.mentor_id.clone(),
                region_code: r.region_code.to_string(),
                payee: r.payee,
                amount_fen: r.amount_fen,
                filed_at: r.filed_at.map(utc),
                notice_ends_on: r.notice_ends_on,
                payment_ref: pay.map(|p| p.reference.clone()),
                paid_on: pay.map(|p| p.paid_on),
                reason: r.reason.clone(),
                updated_at: utc(r.updated_at),
                recovery: recoveries.get(&r.id).cloned(),
                group_unverified: group_unverified(
                    r.claim_kind,
                    r.status,
                    declared.get(&r.user_id).map(Vec::as_slice).unwrap_or_default(),
                ),
            }
        })
        .collect())
}

/// The recoveries of the claims, with the recording officer's name.
fn recoveries(c: &mut DbConn, ids: &[ClaimId]) -> Result<HashMap<ClaimId, Recovery>, AppError> {
    let rows = sq::recoveries_of(c, ids)?;
    let mut out = HashMap::new();
    for r in rows {
        let by = match &r.recovered_by {
            Some(u) => crate::accounts::store::find(c, u)?.and_then(|u| u.real_name),
            None => None,
        };
        let recovery = Recovery {
            amount_fen: r.amount_fen,
            reason: r.reason,
            due_on: r.due_on,
            opened_at: utc(r.opened_at),
            recovered_on: r.recovered_on,
            reference: r.reference,
            recovered_by: by,
        };
        out.insert(r.claim_id, recovery);
    }
    Ok(out)
}

pub(crate) fn timeline(c: &mut DbConn, claim: &ClaimId) -> Result<Vec<TimelineEntry>, AppError> {
    let rows = crate::core::audit::store::for_entity(c, "claim", claim.as_str())?;
    let actor_ids: Vec<UserId> = rows.iter().filter_map(|r| r.actor_id.clone()).collect();
    let mut names = HashMap::new();
    for id in actor_ids {
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(id.clone()) {
            let u = crate::accounts::store::find(c, &id)?;
            e.insert(u.and_then(|u| u.real_name));
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| TimelineEntry {
            at: utc(r.at),
            status: r.summary.strip_prefix("-> ").and_then(|s| s.split(':').next()).and_then(ClaimStatus::from_name),
            actor_name: r.actor_id.as_ref().and_then(|id| names.get(id).cloned().flatten()),
            action: r.action,
            reason: r.reason,
        })
        .collect())
}

pub(crate) fn detail_of(
    c: &mut DbConn,
    actor: &Actor,
    id: &ClaimId,
    now: DateTime<Utc>,
) -> Result<ClaimDetail, AppError> {
    let row = sq::claim(c, id)?.ok_or_else(|| AppError::not_found("claim"))?;
    authorize(
        actor,
        Action::ViewClaim,
        &Resource::Claim { trainee: &row.user_id, institution: row.institution_id.as_ref(), region: &row.region_code },
    )?;
    let today = shanghai_date(now);
    let status = row.status;
    let officer = authorize(actor, Action::DecideClaim, &Resource::Region(&row.region_code)).is_ok();
    let stage_actions = if officer { available_actions(status, &context(c, actor, &row, today)?) } else { vec![] };
    let probe = ClaimRow { filed_at: Some(row.filed_at.unwrap_or(naive(now))), ..row.clone() };
    let eligibility = crate::subsidies::kinds::eligibility_view(c, &probe, today, verification_due(status))?;
    let (actions, withheld) = split_by_eligibility(stage_actions, &eligibility.reasons);
    let withheld = withheld.into_iter().map(|(action, reasons)| WithheldAction { action, reasons }).collect();
    let objections =
        sq::objections_of(c, id)?.iter().map(|o| objection_out(o, officer)).collect::<Result<Vec<_>, _>>()?;
    let claim = summaries(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("claim vanished"))?;
    let declarations = if officer || row.user_id == actor.user_id {
        sq::declarations_of(c, &row.user_id)?.iter().map(|d| declaration_out(c, d)).collect::<Result<Vec<_>, _>>()?
    } else {
        vec![]
    };
    Ok(ClaimDetail {
        claim,
        eligibility,
        timeline: timeline(c, id)?,
        objections,
        declarations,
        actions,
        withheld,
        can_submit: can_submit(status) && may_file(actor, &row).is_ok(),
    })
}

/// A claim with its eligibility now, its history and objections.
pub async fn detail(state: &AppState, actor: Actor, id: String, now: DateTime<Utc>) -> Result<ClaimDetail, AppError> {
    let id = ClaimId::from_raw(id);
    state.db(move |c| detail_of(c, &actor, &id, now)).await
}

/// Every claim on the signed-in person's certificates.
pub async fn my_claims(state: &AppState, actor: Actor) -> Result<Vec<ClaimSummary>, AppError> {
    state
        .db(move |c| {
            let rows = sq::claims_of(c, &actor.user_id)?;
            summaries(c, &rows)
        })
        .await
}

pub(crate) fn filter_of(actor: &Actor, query: &ClaimQuery) -> Result<ClaimFilter, AppError> {
    let own = officer_region(actor)?;
    authorize(actor, Action::DecideClaim, &Resource::Region(&own))?;
    filter_in(&own, query)
}

/// The worklist's filter over the claims of `own` (the officer's region).
pub fn filter_in(own: &malanhua_shared::RegionCode, query: &ClaimQuery) -> Result<ClaimFilter, AppError> {
    let start = |d: NaiveDate| naive(malanhua_shared::course::shanghai_midnight(d));
    if let (Some(a), Some(b)) = (query.min_fen, query.max_fen)
        && b < a
    {
        return Err(AppError::field("max_fen", malanhua_shared::FieldCode::NotInOrder));
    }
    if let (Some(a), Some(b)) = (query.from, query.to)
        && b < a
    {
        return Err(AppError::field("to", malanhua_shared::FieldCode::NotInOrder));
    }
    let sort = query.sort.unwrap_or(ClaimSort::Filed);
    let after = match query.after.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => Some(
            super::cursor::decode(sort, raw)
                .ok_or_else(|| AppError::field("after", malanhua_shared::FieldCode::InvalidFormat))?,
        ),
    };
    Ok(ClaimFilter {
        prefix: own.prefix().to_owned(),
        status: query.status,
        // Drafts are the payee's until filed; an officer lists them only on purpose.
        except_status: query.status.is_none().then_some(ClaimStatus::Draft),
        kind: query.kind,
        claim_kind: query.claim_kind,
        institution: query.institution.clone().filter(|s| !s.is_empty()).map(InstitutionId::from_raw),
        filed_from: query.from.map(start),
        filed_before: query.to.and_then(|d| d.succ_opt()).map(start),
        min_fen: query.min_fen,
        max_fen: query.max_fen,
        sort,
        after,
    })
}

/// The officer's worklist: filtered, in the order asked (oldest filed
/// first by default), one keyset page.
pub async fn worklist(state: &AppState, actor: Actor, query: ClaimQuery) -> Result<ClaimPage, AppError> {
    let f = filter_of(&actor, &query)?;
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    state
        .db(move |c| {
            let mut rows = sq::worklist(c, &f, limit + 1)?;
            let more = rows.len() > usize::try_from(limit).unwrap_or(0);
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            let items = summaries(c, &rows)?;
            let next = match (more, rows.last(), items.last()) {
                (true, Some(row), Some(item)) => Some(super::cursor::encode(
                    f.sort,
                    &super::cursor::Key {
                        id: &row.id,
                        amount_fen: row.amount_fen.get(),
                        updated_at: row.updated_at,
                        institution: &item.institution,
                    },
                )),
                _ => None,
            };
            Ok(ClaimPage { items, next })
        })
        .await
}
