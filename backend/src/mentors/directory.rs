//! The public directory and a mentor's public page (no login).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use malanhua_shared::api::mentors::{
    DirectoryQuery, MentorCard, MentorPage, MentorPublic, MentorStatus, RatingComment,
};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};
use malanhua_shared::ids::MentorId;
use malanhua_shared::{FieldCode, RegionCode};

use super::availability::next_free;
use super::decode;
use super::groups::group_view;
use super::rules;
use super::store as q;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// A page of active mentors matching the filters, sorted by the soonest free
/// slot (default) or by rating; `after` is an opaque keyset cursor (the
/// previous page's last sort key and id), so pages never repeat or skip
/// while the list is stable.
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
            let mut cards: Vec<(String, MentorCard)> = Vec::new();
            for row in q::mentors_under(c, &prefix, Some(MentorStatus::Active))? {
                if !rules::bookable(row.status, row.term_to, now) {
                    continue;
                }
                let card = decode::card(c, &row, None)?;
                let text =
                    format!("{} {} {} {} {}", row.real_name, row.title, row.employer, row.tags, row.bio).to_lowercase();
                let keep = query.expertise.is_none_or(|e| card.expertise.contains(&e))
                    && query.industry.as_ref().is_none_or(|i| card.industries.iter().any(|x| x == i.trim()))
                    && query.language.as_ref().is_none_or(|l| card.languages.iter().any(|x| x == l.trim()))
                    && query.mode.is_none_or(|m| rules::serves(card.service_mode, m))
                    && words.iter().all(|w| text.contains(w));
                if !keep {
                    continue;
                }
                let card = MentorCard { next_free: next_free(c, &row, now)?, ..card };
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
