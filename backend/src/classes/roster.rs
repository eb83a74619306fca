//! A class's roster and its CSV.

use malanhua_shared::api::classes::{Roster, RosterEntry};
use malanhua_shared::course::EnrolmentStatus;
use malanhua_shared::ids::ClassId;

use super::views::*;
use crate::classes::rules::waitlist_position;
use crate::classes::store::{self as q};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::utc;

/// Seat holders and the waitlist, for the institution's staff and the region's officers.
pub async fn roster(state: &AppState, actor: Actor, id: String) -> Result<Roster, AppError> {
    let id = ClassId::from_raw(id);
    state
        .db(move |c| {
            let row = q::find_class(c, &id)?.ok_or_else(|| AppError::not_found("class"))?;
            authorize(
                &actor,
                Action::ViewClassInternals,
                &Resource::Institution { id: &row.institution_id, region: &row.region_code },
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
                let status = e.status;
                let entry = RosterEntry {
                    user_id: e.user_id,
                    real_name: person.real_name.unwrap_or_default(),
                    mobile_masked: person.mobile.masked(),
                    resident_id_masked: person.resident_id_masked.clone().unwrap_or_default(),
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

/// The roster as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese.
pub fn roster_csv(roster: &Roster) -> String {
    let shanghai = malanhua_shared::course::shanghai();
    let header = ["序号", "姓名", "手机号", "身份证号", "状态", "候补顺位", "报名时间"];
    let rows = roster.enrolled.iter().chain(&roster.waitlist).enumerate().map(|(i, e)| {
        let status = match e.status {
            EnrolmentStatus::Enrolled => "已报名",
            EnrolmentStatus::Waitlisted => "候补",
            EnrolmentStatus::Withdrawn => "已退出",
            EnrolmentStatus::Cancelled => "已取消",
        };
        [
            (i + 1).to_string(),
            e.real_name.clone(),
            e.mobile_masked.clone(),
            e.resident_id_masked.clone(),
            status.to_owned(),
            e.waitlist_position.map(|p| p.to_string()).unwrap_or_default(),
            e.since.with_timezone(&shanghai).format("%Y-%m-%d %H:%M").to_string(),
        ]
    });
    crate::core::csv::document(&header, rows)
}
