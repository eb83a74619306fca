//! How a mentor, an appointment and a week of slots are shown wherever they
//! appear: expertise chips, rating, status badges, the Shanghai week.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use malanhua_shared::api::mentors::{Appointment, AppointmentStatus, Expertise, MentorStatus};
use malanhua_shared::course::{shanghai_date, shanghai_midnight};
use yew::prelude::*;

use crate::i18n::{self, Lang};

/// The areas as chips.
pub fn expertise_chips(lang: Lang, areas: &[Expertise]) -> Html {
    html! {
        <ul class="chips">
            { for areas.iter().map(|e| html! { <li class="chip">{ i18n::expertise_name(lang, *e) }</li> }) }
        </ul>
    }
}

/// Free texts (tags, industries) as chips.
pub fn text_chips(items: &[String]) -> Html {
    html! {
        <ul class="chips chips-plain">
            { for items.iter().map(|t| html! { <li class="chip">{ t.clone() }</li> }) }
        </ul>
    }
}

/// "4.6 分（12 人评价）", only when the server gives an average.
pub fn rating_text(lang: Lang, rating: Option<f64>, count: u32) -> Option<String> {
    rating.map(|r| i18n::rating_of(lang, &format!("{r:.1}"), &count.to_string()))
}

/// A mentor's status as a badge.
pub fn mentor_badge(lang: Lang, status: MentorStatus) -> Html {
    let tone = match status {
        MentorStatus::Active => "badge-ok",
        MentorStatus::Applied => "badge-todo",
        MentorStatus::Refused | MentorStatus::Removed | MentorStatus::Suspended => "badge-stop",
        MentorStatus::Expired => "badge-muted",
    };
    html! { <span class={classes!("badge", tone)} data-status={status.as_str()}>{ i18n::mentor_status_name(lang, status) }</span> }
}

/// An appointment's status as a badge.
pub fn appointment_badge(lang: Lang, status: AppointmentStatus) -> Html {
    let tone = match status {
        AppointmentStatus::Confirmed => "badge-ok",
        AppointmentStatus::Pending => "badge-todo",
        AppointmentStatus::Declined | AppointmentStatus::Cancelled => "badge-stop",
        AppointmentStatus::Expired => "badge-muted",
    };
    html! { <span class={classes!("badge", tone)}>{ i18n::appointment_status_name(lang, status) }</span> }
}

/// An appointment's status badge, and "未到" when marked absent.
pub fn appointment_top(lang: Lang, a: &Appointment) -> Html {
    html! {
        <p class="appointment-top">
            { appointment_badge(lang, a.status) }
            if a.no_show {
                <span class="badge badge-muted">{ i18n::t(lang, i18n::MentorsKey::NoShow) }</span>
            }
        </p>
    }
}

/// An instant as RFC 3339 in UTC (`2026-12-01T01:00:00Z`), as sent and as
/// the slots' `data-starts-at` say it.
pub fn utc_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "2026年12月1日 09:00–10:00", the end's day left out.
pub fn time_range(lang: Lang, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    format!("{}–{}", i18n::datetime(lang, from), crate::time::in_shanghai(to).format("%H:%M"))
}

/// The Monday of the Shanghai week `offset` weeks from the server's today.
pub fn week_monday(offset: i64) -> NaiveDate {
    let today = shanghai_date(crate::time::now());
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    monday + Duration::weeks(offset)
}

/// The instants of a week from its Monday: from its start (or now, if
/// later) to the next Monday.
pub fn week_bounds(monday: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = shanghai_midnight(monday).max(crate::time::now());
    (start, shanghai_midnight(monday + Duration::days(7)))
}

/// Splits a list of entries typed with commas or 、 into its items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}
