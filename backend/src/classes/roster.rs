//! A class's roster and its CSV.

use malanhua_shared::api::classes::{Roster, RosterEntry};
use malanhua_shared::course::EnrolmentStatus;
use malanhua_shared::{Mobile, ResidentId};

#[allow(unused_imports)]
use super::{catalogue::*, decode::*, enrolment::*, notifications::*, opening::*, policies::*, trainers::*, views::*};
use crate::classes::rules::waitlist_position;
use crate::classes::store::{self as q};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{region, utc};

/// Seat holders and the waitlist, for the institution's staff and the region's officers.
pub async fn roster(state: &AppState, actor: Actor, id: String) -> Result<Roster, AppError> {
    state
        .db(move |c| {
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            let reg = region(&row.region_code)?;
            authorize(
                &actor,
                Action::ViewClassInternals,
                &Resource::Institution { id: &row.institution_id, region: &reg },
            )?;
            let class =
                summaries(c, std::slice::from_ref(&row))?.pop().ok_or_else(|| AppError::internal("no summary"))?;
            let active = q::active_enrolments_of(c, &id)?;
            let seqs: Vec<i32> = active.iter().filter_map(|e| e.waitlist_seq).collect();
            let mut enrolled = Vec::new();
            let mut waitlist = Vec::new();
            for e in active {
                let person =
                    crate::accounts::store::find(c, &e.user_id)?.ok_or_else(|| AppError::not_found("account"))?;
                let status = enrolment_status(&e.status)?;
                let entry = RosterEntry {
                    user_id: e.user_id.clone(),
                    real_name: person.real_name.unwrap_or_default(),
                    mobile_masked: Mobile::parse(&person.mobile).map(|m| m.masked()).unwrap_or_default(),
                    resident_id_masked: person
                        .resident_id
                        .as_deref()
                        .and_then(|r| ResidentId::parse(r).ok())
                        .map(|r| r.masked())
                        .unwrap_or_default(),
                    status,
                    waitlist_position: e.waitlist_seq.map(|s| waitlist_position(s, &seqs)),
                    since: utc(e.created_at),
                };
                if status == EnrolmentStatus::Enrolled { enrolled.push(entry) } else { waitlist.push(entry) }
            }
            enrolled.sort_by_key(|e| e.since);
            waitlist.sort_by_key(|e| e.waitlist_position);
            Ok(Roster { class, enrolled, waitlist })
        })
        .await
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// The roster as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese.
pub fn roster_csv(roster: &Roster) -> String {
    let shanghai = malanhua_shared::course::shanghai();
    let mut out = String::from("\u{feff}序号,姓名,手机号,身份证号,状态,候补顺位,报名时间\r\n");
    for (i, e) in roster.enrolled.iter().chain(&roster.waitlist).enumerate() {
        let status = match e.status {
            EnrolmentStatus::Enrolled => "已报名",
            EnrolmentStatus::Waitlisted => "候补",
            EnrolmentStatus::Withdrawn => "已退出",
            EnrolmentStatus::Cancelled => "已取消",
        };
        let fields = [
            (i + 1).to_string(),
            csv_field(&e.real_name),
            e.mobile_masked.clone(),
            e.resident_id_masked.clone(),
            status.to_owned(),
            e.waitlist_position.map(|p| p.to_string()).unwrap_or_default(),
            e.since.with_timezone(&shanghai).format("%Y-%m-%d %H:%M").to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
