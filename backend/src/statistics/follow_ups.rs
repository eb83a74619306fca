//! The follow-up reminders after training: once a Shanghai day, every
//! certificate whose follow-up point fell due since the last run, with no
//! business recorded and the point not answered, gets one notification
//! asking what happened. The day is claimed by a guarded update of its
//! marker in the same transaction as the reminders, and each reminder by
//! its own row, so a restart or a second instance never sends twice.

use std::collections::HashMap;

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use diesel::prelude::*;
use malanhua_shared::RegionCode;
use malanhua_shared::audit::NotificationKind;
use malanhua_shared::course::shanghai_date;

use super::rules::{self, Recorded};
use super::store as q;
use crate::classes::store::{NotificationRow, notify};
use crate::core::db::schema::{app_meta, follow_up_policies};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;

/// The `app_meta` key of the last day the reminders were sent for.
const MARKER: &str = "follow_up_day";

/// How far back the first run looks.
const FIRST_RUN_DAYS: u64 = 7;

/// Sends the reminders due since the last run, if today was not done yet.
/// Returns how many were sent.
pub fn send_due(c: &mut DbConn, now: DateTime<Utc>) -> Result<usize, AppError> {
    let today = shanghai_date(now);
    let last: Option<String> = app_meta::table.find(MARKER).select(app_meta::value).first(c).optional()?;
    let since = match last.as_deref().and_then(|d| d.parse::<NaiveDate>().ok()) {
        Some(day) if day >= today => return Ok(0),
        Some(day) => day,
        None => today - Days::new(FIRST_RUN_DAYS),
    };
    if !claim_day(c, last.as_deref(), today)? {
        return Ok(0);
    }
    let all_months: Vec<u32> = {
        let raw: Vec<String> = follow_up_policies::table.select(follow_up_policies::months).load(c)?;
        let mut m: Vec<u32> = raw.iter().flat_map(|r| rules::parse_months(r)).collect();
        m.sort_unstable();
        m.dedup();
        m
    };
    let mut months_of: HashMap<RegionCode, Vec<u32>> = HashMap::new();
    let mut sent = 0;
    for m in all_months {
        // Certificates whose point `m` fell on a day after `since` and up to today.
        let from = since.checked_sub_months(Months::new(m)).map(|d| d + Days::new(1));
        let to = today.checked_sub_months(Months::new(m));
        let (Some(from), Some(to)) = (from, to) else { continue };
        let mut after = None;
        loop {
            let batch = q::follow_up_candidates(c, from, to, after.as_ref(), 500)?;
            let Some(tail) = batch.last() else { break };
            after = Some(tail.id.clone());
            for cand in &batch {
                if !months_of.contains_key(&cand.issuing_region) {
                    let months = rules::parse_months(&q::follow_up_months(c, &cand.issuing_region)?);
                    months_of.insert(cand.issuing_region.clone(), months);
                }
                let months = months_of.get(&cand.issuing_region).map(Vec::as_slice).unwrap_or(&[]);
                let recorded =
                    cand.recorded.map(|(status, at)| Recorded { status, on: shanghai_date(crate::core::utc(at)) });
                let points = rules::follow_up_points(cand.issued_on, months, recorded);
                let Some(due) = rules::due_point(&points, today) else { continue };
                if !q::claim_reminder(c, &cand.id, due.months, naive(now))? {
                    continue;
                }
                notify(
                    c,
                    &[NotificationRow {
                        id: malanhua_shared::ids::NotificationId::from_raw(new_id()),
                        user_id: cand.user_id.clone(),
                        kind: NotificationKind::OutcomeFollowUp,
                        class_id: Some(cand.class_id.clone()),
                        reason: None,
                        created_at: naive(now),
                        read_at: None,
                        subject_id: Some(cand.number.to_string()),
                    }],
                )?;
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// Moves the marker from `last` to `today`; false when another run moved it
/// first (on PostgreSQL the second update waits for the first to commit,
/// then finds the value changed and touches nothing). The migration writes
/// the marker, so two first runs at once also race on one row.
fn claim_day(c: &mut DbConn, last: Option<&str>, today: NaiveDate) -> Result<bool, AppError> {
    let day = today.to_string();
    let changed = match last {
        Some(last) => diesel::update(app_meta::table.filter(app_meta::key.eq(MARKER)).filter(app_meta::value.eq(last)))
            .set(app_meta::value.eq(&day))
            .execute(c)?,
        None => diesel::insert_into(app_meta::table)
            .values((app_meta::key.eq(MARKER), app_meta::value.eq(&day)))
            .execute(c)?,
    };
    Ok(changed == 1)
}
