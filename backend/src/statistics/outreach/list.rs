//! A page of the list for one reason in the officer's region, the most
//! urgent first. Certificates are read in issue order and each is decided
//! by the claim rules; a page stops at [`PAGE_ROWS`] rows or after
//! [`SCAN_LIMIT`] certificates, and the cursor goes on from there.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::outreach::{CLOSING_DAYS, OutreachPage, OutreachReason, OutreachRow, PAGE_ROWS};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::{CertificateNumber, DeclarationId};
use malanhua_shared::{FieldCode, FieldErrors};

use super::rows;
use super::rules::{self, OutreachRequest};
use super::store::{self as q, CertificateAfter};
use crate::core::authorization::{Action, Actor, Denied, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// Certificates decided for one page at most.
pub const SCAN_LIMIT: usize = 2000;

/// How a declaration's time is written in a cursor.
const DECLARED_AT: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// Certificates read at a time.
const BATCH: i64 = 200;

/// The page the officer asks for.
pub async fn list(
    state: &AppState,
    actor: Actor,
    query: HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<OutreachPage, AppError> {
    let req = rules::parse_request(&query).map_err(AppError::validation)?;
    let region = req.region.clone().or_else(|| actor.officer_region().cloned()).ok_or(Denied::MissingRole)?;
    authorize(&actor, Action::ReachOut, &Resource::Region(&region))?;
    state.db(move |c| page(c, &region, &req, now)).await
}

fn bad_cursor() -> AppError {
    let mut e = FieldErrors::new();
    e.insert("after".into(), FieldCode::InvalidFormat);
    AppError::validation(e)
}

fn certificate_after(after: Option<&(String, String)>) -> Result<Option<CertificateAfter>, AppError> {
    after
        .map(|(day, number)| {
            let issued_on = day.parse::<NaiveDate>().map_err(|_| bad_cursor())?;
            Ok(CertificateAfter { issued_on, number: CertificateNumber::from_raw(number.clone()) })
        })
        .transpose()
}

/// One page of the list.
pub fn page(
    c: &mut DbConn,
    region: &RegionCode,
    req: &OutreachRequest,
    now: DateTime<Utc>,
) -> Result<OutreachPage, AppError> {
    let (rows, next) = match req.reason {
        OutreachReason::CertificateUnclaimed | OutreachReason::WindowClosing => certificates(c, region, req, now)?,
        OutreachReason::SybMayTakeIyb => syb(c, region, req, now)?,
        OutreachReason::DeclarationWaiting => declarations(c, region, req, now)?,
    };
    Ok(OutreachPage { reason: req.reason, region: region.clone(), rows, next })
}

type Rows = (Vec<OutreachRow>, Option<String>);

fn certificates(
    c: &mut DbConn,
    region: &RegionCode,
    req: &OutreachRequest,
    now: DateTime<Utc>,
) -> Result<Rows, AppError> {
    let mut after = certificate_after(req.after.as_ref())?;
    let Some((shortest, longest)) = q::window_bounds(c)? else { return Ok((vec![], None)) };
    let today = shanghai_date(now);
    let since = today.checked_sub_months(Months::new(longest)).unwrap_or(NaiveDate::MIN);
    // A window closing within the days asked for began at most that long
    // after the shortest window before today.
    let until = match req.reason {
        OutreachReason::WindowClosing => {
            (today + Duration::days(CLOSING_DAYS)).checked_sub_months(Months::new(shortest)).unwrap_or(today).min(today)
        }
        _ => today,
    };
    let mut rows = Vec::new();
    let mut scanned = 0;
    loop {
        let batch = q::unclaimed_certificates(c, region.prefix(), since, until, after.as_ref(), BATCH)?;
        for cert in &batch {
            scanned += 1;
            after = Some(CertificateAfter { issued_on: cert.issued_on, number: cert.number.clone() });
            if let Some(row) = rows::of_certificate(c, cert, now)?.filter(|r| r.reason == req.reason) {
                rows.push(row);
            }
            if rows.len() == PAGE_ROWS || scanned == SCAN_LIMIT {
                let next = rules::cursor(&cert.issued_on.to_string(), cert.number.as_str());
                return Ok((rows, Some(next)));
            }
        }
        if batch.len() < usize::try_from(BATCH).unwrap_or(0) {
            return Ok((rows, None));
        }
    }
}

fn syb(c: &mut DbConn, region: &RegionCode, req: &OutreachRequest, now: DateTime<Utc>) -> Result<Rows, AppError> {
    let after = certificate_after(req.after.as_ref())?;
    let limit = i64::try_from(PAGE_ROWS + 1).unwrap_or(i64::MAX);
    let mut certs = q::syb_without_iyb(c, region.prefix(), after.as_ref(), limit)?;
    let more = certs.len() > PAGE_ROWS;
    certs.truncate(PAGE_ROWS);
    let next = more.then(|| certs.last().map(|l| rules::cursor(&l.issued_on.to_string(), l.number.as_str()))).flatten();
    let mut rows = Vec::new();
    for cert in &certs {
        rows.push(rows::of_syb(c, cert, now)?);
    }
    Ok((rows, next))
}

fn declarations(
    c: &mut DbConn,
    region: &RegionCode,
    req: &OutreachRequest,
    now: DateTime<Utc>,
) -> Result<Rows, AppError> {
    let after = req
        .after
        .as_ref()
        .map(|(at, id)| {
            let at = NaiveDateTime::parse_from_str(at, DECLARED_AT).map_err(|_| bad_cursor())?;
            Ok::<_, AppError>((at, DeclarationId::from_raw(id.clone())))
        })
        .transpose()?;
    let declared_by = naive(now - Duration::days(i64::from(req.waiting_days)));
    let limit = i64::try_from(PAGE_ROWS + 1).unwrap_or(i64::MAX);
    let mut waiting =
        q::waiting_declarations(c, region.prefix(), declared_by, after.as_ref().map(|(at, id)| (*at, id)), limit)?;
    let more = waiting.len() > PAGE_ROWS;
    waiting.truncate(PAGE_ROWS);
    let next = more
        .then(|| waiting.last().map(|l| rules::cursor(&l.created_at.format(DECLARED_AT).to_string(), l.id.as_str())))
        .flatten();
    let mut rows = Vec::new();
    for w in &waiting {
        rows.extend(rows::of_declaration(c, w, now)?);
    }
    Ok((rows, next))
}
