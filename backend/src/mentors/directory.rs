//! The public directory and a mentor's public page (no login).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use malanhua_shared::api::mentors::{
    DirectoryQuery, MentorCard, MentorPage, MentorPublic, MentorStatus, RatingComment,
};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};
use malanhua_shared::ids::MentorId;
use malanhua_shared::{FieldCode, RegionCode};

use super::availability::{next_free, soonest_free};
use super::decode;
use super::groups::group_view;
use super::rules;
use super::store as q;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// The directory page as JSON, kept until the next write (see
/// [`crate::core::kept`]).
pub async fn search_json(
    state: &AppState,
    query: DirectoryQuery,
    now: DateTime<Utc>,
) -> Result<bytes::Bytes, AppError> {
    state.directory.json(&query.clone(), now, || search(state, query, now)).await
}

/// A page of active mentors matching the filters, sorted by the soonest free
/// slot (default) or by rating; `after` is an opaque keyset cursor (the
/// previous page's last sort key and id), so pages never repeat or skip
/// while the list is stable. The filters are read from the mentors' rows;
/// the ratings and calendars of those kept are read in one go.
pub async fn search(state: &AppState, query: DirectoryQuery, now: DateTime<Utc>) -> Result<MentorPage, AppError> {
    let prefix = match query.region.as_deref().map(str::trim) {
        None | Some("") => String::new(),
        Some(r) => RegionCode::parse(r).map_err(|c| AppError::field("region", c))?.prefix().to_owned(),
    };
    let by_rating = match query.sort.as_deref() {
        None | Some("") | Some("soonest") => false,
        Some("rating") => true,
        Some(_) => return Err(AppError::field("sort", FieldCode::NotAllowed)),
    };
    let limit = query.limit.unwrap_or(20);
    if !(1..=50).contains(&limit) {
        return Err(AppError::field("limit", FieldCode::OutOfRange));
    }
    let words: Vec<String> = query.q.as_deref().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
    state
        .db(move |c| {
            let mut rows = Vec::new();
            for row in q::mentors_under(c, &prefix, Some(MentorStatus::Active))? {
                if rules::bookable(row.status, row.term_to, now) && wanted(&row, &query, &words)? {
                    rows.push(row);
                }
            }
            let ids: Vec<MentorId> = rows.iter().map(|r| r.id.clone()).collect();
            let facts = Facts::read(c, &ids, now)?;
            let mut names: HashMap<RegionCode, String> = HashMap::new();
            let mut cards: Vec<(String, MentorCard)> = Vec::new();
            for row in &rows {
                if !names.contains_key(&row.region_code) {
                    names.insert(row.region_code.clone(), decode::region_name(c, &row.region_code)?);
                }
                let name = names.get(&row.region_code).cloned().unwrap_or_default();
                let card = decode::card_of(row, facts.ratings(&row.id), name, facts.next_free(row, now))?;
                let key = if by_rating {
                    // Highest first; unrated last.
                    let r = card.rating.map_or(0, |r| (r * 10.0) as i64);
                    format!("{:04}", 1000 - r)
                } else {
                    card.next_free.map_or_else(|| "9999".to_owned(), |t| t.format("%Y%m%d%H%M").to_string())
                };
                cards.push((format!("{key}|{}", card.id.as_str()), card));
            }
            cards.sort_by(|a, b| a.0.cmp(&b.0));
            let after = query.after.clone().unwrap_or_default();
            let mut rest: Vec<(String, MentorCard)> =
                cards.into_iter().filter(|(k, _)| after.is_empty() || *k > after).collect();
            let more = rest.len() > limit as usize;
            rest.truncate(limit as usize);
            let next = if more { rest.last().map(|(k, _)| k.clone()) } else { None };
            Ok(MentorPage { items: rest.into_iter().map(|(_, c)| c).collect(), next })
        })
        .await
}

/// Whether the mentor's row matches the directory's filters.
fn wanted(row: &q::MentorRow, query: &DirectoryQuery, words: &[String]) -> Result<bool, AppError> {
    let text = format!("{} {} {} {} {}", row.real_name, row.title, row.employer, row.tags, row.bio).to_lowercase();
    let expertise = decode::expertise(row)?;
    Ok(query.expertise.is_none_or(|e| expertise.contains(&e))
        && query.industry.as_ref().is_none_or(|i| decode::list(&row.industries).iter().any(|x| x == i.trim()))
        && query.language.as_ref().is_none_or(|l| decode::list(&row.languages).iter().any(|x| x == l.trim()))
        && query.mode.is_none_or(|m| rules::serves(row.service_mode, m))
        && words.iter().all(|w| text.contains(w)))
}

/// The ratings, hours and calendars of the directory's mentors, by mentor.
struct Facts {
    ratings: HashMap<MentorId, Vec<u8>>,
    weekly: HashMap<MentorId, Vec<q::WeeklyRow>>,
    overrides: HashMap<MentorId, Vec<q::OverrideRow>>,
    live: HashMap<MentorId, Vec<q::AppointmentRow>>,
    groups: HashMap<MentorId, Vec<q::GroupRow>>,
}

fn by_mentor<T>(rows: Vec<T>, id: impl Fn(&T) -> &MentorId) -> HashMap<MentorId, Vec<T>> {
    let mut map: HashMap<MentorId, Vec<T>> = HashMap::new();
    for r in rows {
        map.entry(id(&r).clone()).or_default().push(r);
    }
    map
}

impl Facts {
    fn read(c: &mut crate::core::db::DbConn, ids: &[MentorId], now: DateTime<Utc>) -> Result<Self, AppError> {
        let mut ratings: HashMap<MentorId, Vec<u8>> = HashMap::new();
        for (m, r) in q::ratings_of_many(c, ids)? {
            if let Ok(r) = u8::try_from(r) {
                ratings.entry(m).or_default().push(r);
            }
        }
        let (weekly, overrides) = q::schedules_of_many(c, ids)?;
        // The calendar from a week back, as a single mentor's is read.
        let (live, groups) = q::calendars_of_many(c, ids, naive(now - Duration::days(7)))?;
        Ok(Facts {
            ratings,
            weekly: by_mentor(weekly, |w| &w.mentor_id),
            overrides: by_mentor(overrides, |o| &o.mentor_id),
            live: by_mentor(live, |a| &a.mentor_id),
            groups: by_mentor(groups, |g| &g.mentor_id),
        })
    }

    fn ratings(&self, id: &MentorId) -> &[u8] {
        self.ratings.get(id).map_or(&[], Vec::as_slice)
    }

    fn next_free(&self, row: &q::MentorRow, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let weekly: &[q::WeeklyRow] = self.weekly.get(&row.id).map_or(&[], Vec::as_slice);
        let overrides: &[q::OverrideRow] = self.overrides.get(&row.id).map_or(&[], Vec::as_slice);
        if weekly.is_empty() && overrides.is_empty() {
            return None;
        }
        let schedule = decode::schedule_of(row, weekly, overrides);
        let live: &[q::AppointmentRow] = self.live.get(&row.id).map_or(&[], Vec::as_slice);
        let groups: &[q::GroupRow] = self.groups.get(&row.id).map_or(&[], Vec::as_slice);
        soonest_free(&schedule, &decode::busy_of(live, groups, now, None), now)
    }
}

/// A mentor's public page: 404 unless they are active.
pub async fn page(state: &AppState, id: String, now: DateTime<Utc>) -> Result<MentorPublic, AppError> {
    let id = MentorId::from_raw(id);
    state
        .db(move |c| {
            let row = q::find_mentor(c, &id)?.ok_or_else(|| AppError::not_found("mentor"))?;
            if !rules::bookable(row.status, row.term_to, now) {
                return Err(AppError::not_found("mentor"));
            }
            let card = MentorCard { next_free: next_free(c, &row, now)?, ..decode::card(c, &row, None)? };
            let schedule = decode::schedule(c, &row)?;
            let busy = decode::busy(c, &row, now, now, None)?;
            let to = now + Duration::days(i64::from(schedule.horizon_days.min(62)));
            let next_slots =
                rules::free_slots(&schedule, &busy, now, now, to).into_iter().flat_map(|d| d.slots).take(12).collect();
            let year = shanghai_date(now).year();
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
            let next_year = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default();
            let services =
                q::record_minutes(c, &row.id, naive(shanghai_midnight(first)), naive(shanghai_midnight(next_year)))?
                    .len();
            let comments = q::ratings_of(c, &row.id)?
                .into_iter()
                .filter_map(|(r, text, at)| {
                    Some(RatingComment {
                        rating: u8::try_from(r?).ok()?,
                        comment: text.filter(|t| !t.is_empty())?,
                        at: utc(at?),
                    })
                })
                .take(10)
                .collect();
            let mut group_sessions = Vec::new();
            for g in q::open_groups_of(c, &row.id, naive(now))? {
                if utc(g.starts_at) > now {
                    group_sessions.push(group_view(c, g, &row, None)?);
                }
            }
            Ok(MentorPublic {
                card,
                bio: row.bio.clone(),
                services_this_year: u32::try_from(services).unwrap_or(0),
                slot_minutes: u32::try_from(row.slot_minutes).unwrap_or(60),
                next_slots,
                group_sessions,
                comments,
            })
        })
        .await
}
