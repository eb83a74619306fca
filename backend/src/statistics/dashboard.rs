//! The bureau's statistics for its region and each region one level down,
//! over a period by month or quarter: read by aggregate queries in one
//! read transaction and added up once ([`super::tally`]).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::statistics::{Figures, Funnel, InstitutionFigures, PeriodFigures, RegionFigures, Statistics};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};
use malanhua_shared::ids::InstitutionId;

use super::figures::{self as f, Scope};
use super::rules::{self, StatsRequest};
use super::sql;
use super::tally::Tally;
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// The statistics the officer (or administrator) asks for.
pub async fn statistics(
    state: &AppState,
    actor: Actor,
    query: HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Statistics, AppError> {
    let req = rules::parse_request(&query, shanghai_date(now)).map_err(AppError::validation)?;
    let region = match req.region.clone().or_else(|| actor.officer_region().cloned()) {
        Some(r) => {
            authorize(&actor, Action::ViewStatistics, &Resource::Region(&r))?;
            Some(r)
        }
        None => {
            authorize(&actor, Action::ViewStatistics, &Resource::System)?;
            None
        }
    };
    state.db(move |c| compute(c, region.as_ref(), &req)).await
}

fn scope(region: Option<&RegionCode>, req: &StatsRequest) -> Scope {
    let until = req.to.succ_opt().unwrap_or(req.to);
    Scope {
        prefix: region.map(|r| r.prefix().to_owned()).unwrap_or_default(),
        part: rules::child_digits(region),
        from: sql::date(req.from),
        to: sql::date(req.to),
        from_utc: sql::timestamp(naive(shanghai_midnight(req.from))),
        until_utc: sql::timestamp(naive(shanghai_midnight(until))),
        kind: req.kind.map(|k| sql::name(k.as_str())),
        institution: req.institution.as_ref().and_then(sql::institution),
        group: req.group.map(|g| sql::name(g.as_str())),
        industry: req.industry.map(|i| sql::name(i.as_str())),
    }
}

/// Reads and adds up every figure.
pub fn compute(c: &mut DbConn, region: Option<&RegionCode>, req: &StatsRequest) -> Result<Statistics, AppError> {
    let s = scope(region, req);
    let mut t = Tally::new(req.by);
    t.classes(&f::classes(c, &s)?);
    t.completed(&f::completed(c, &s)?);
    t.certificates(&f::certificates(c, &s)?);
    t.start_ups(&f::start_ups(c, &s)?);
    t.claims(&f::claims(c, &s)?);
    t.payments(&f::payments(c, &s)?);
    if rules::counts_mentor_figures(req) {
        t.services(&f::services(c, &s)?);
        t.ratings(&f::ratings(c, &s)?);
        t.studios(&f::studios(c, &s)?);
    }
    t.findings(&f::institution_findings(c, &s)?);
    let funnel_row = f::funnel(c, &s)?.pop().unwrap_or_default();
    let funnel = Funnel {
        enrolled: t.totals.enrolled,
        certified: t.totals.completed,
        claimed: u64::try_from(funnel_row.a).unwrap_or(0),
        paid: u64::try_from(funnel_row.b).unwrap_or(0),
    };
    let (region_code, region_name) = match region {
        Some(r) => (r.as_str().to_owned(), name_of(c, r.as_str())?),
        None => (String::new(), String::new()),
    };
    let codes: Vec<RegionCode> =
        t.regions.keys().filter_map(|p| RegionCode::parse(&rules::full_code(p)).ok()).collect();
    let names = crate::core::regions::store::names(c, &codes)?;
    let regions = t
        .regions
        .iter()
        .map(|(part, figures)| {
            let code = rules::full_code(part);
            let name = names.iter().find(|(c, _)| c.as_str() == code).map(|(_, n)| n.clone()).unwrap_or_default();
            RegionFigures { region: code, name, figures: figures.clone() }
        })
        .collect();
    let periods = rules::periods(req.from, req.to, req.by)
        .into_iter()
        .map(|(label, from, to)| {
            let figures = t.periods.get(&label).cloned().unwrap_or_else(Figures::default);
            PeriodFigures { label, from, to, figures }
        })
        .collect();
    let ids: Vec<InstitutionId> = t.institutions.keys().map(|i| InstitutionId::from_raw(i.clone())).collect();
    let inst_names = crate::classes::store::institution_names(c, &ids)?;
    let mut institutions: Vec<InstitutionFigures> = t
        .institutions
        .into_iter()
        .map(|(id, i)| InstitutionFigures {
            name: inst_names.iter().find(|(x, _)| x.as_str() == id).map(|(_, n)| n.clone()).unwrap_or_default(),
            institution_id: InstitutionId::from_raw(id),
            region: rules::full_code(&i.region),
            classes_opened: i.classes_opened,
            enrolled: i.enrolled,
            completed: i.completed,
            start_ups: i.start_ups,
            certificates: i.certificates,
            objections_upheld: i.objections_upheld,
            claims_returned: i.claims_returned,
        })
        .collect();
    institutions.sort_by(|a, b| b.enrolled.cmp(&a.enrolled).then_with(|| a.name.cmp(&b.name)));
    Ok(Statistics {
        region: region_code,
        region_name,
        from: req.from,
        to: req.to,
        by: req.by,
        kind: req.kind,
        group: req.group,
        industry: req.industry,
        institution: req.institution.clone(),
        totals: t.totals,
        regions,
        periods,
        funnel,
        institutions,
    })
}

fn name_of(c: &mut DbConn, code: &str) -> Result<String, AppError> {
    let Ok(code) = RegionCode::parse(code) else { return Ok(String::new()) };
    Ok(crate::core::regions::store::names(c, std::slice::from_ref(&code))?.pop().map(|(_, n)| n).unwrap_or_default())
}
