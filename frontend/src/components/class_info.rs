//! How a class is shown wherever it appears: its kind and status badges,
//! dates, region and seats.

use malanhua_shared::api::classes::ClassSummary;
use malanhua_shared::course::{ClassStatus, CourseKind};
use yew::prelude::*;

use crate::hooks::regions::Regions;
use crate::i18n::{self, CommonKey, Lang, t};

/// The course kind as a badge ("SYB"), with the full name for screen
/// readers and on hover.
pub fn kind_badge(lang: Lang, kind: CourseKind) -> Html {
    html! {
        <span class={classes!("badge", "badge-kind", format!("kind-{}", kind.as_str()))} title={i18n::kind_name(lang, kind)}>
            <span aria-hidden="true">{ i18n::kind_short(lang, kind) }</span>
            <span class="visually-hidden">{ i18n::kind_name(lang, kind) }</span>
        </span>
    }
}

/// The class status as a badge.
pub fn status_badge(lang: Lang, status: ClassStatus) -> Html {
    let tone = match status {
        ClassStatus::Approved => "badge-ok",
        ClassStatus::Pending => "badge-todo",
        ClassStatus::Rejected | ClassStatus::Cancelled => "badge-stop",
    };
    html! {
        <span class={classes!("badge", tone)}>{ i18n::class_status_name(lang, status) }</span>
    }
}

/// "First day – last day" (one date when they are the same).
pub fn date_range(lang: Lang, class: &ClassSummary) -> String {
    if class.starts_on == class.ends_on {
        i18n::date(lang, class.starts_on)
    } else {
        i18n::date_range(lang, &i18n::date(lang, class.starts_on), &i18n::date(lang, class.ends_on))
    }
}

/// The class's region, province first, in `lang` when known.
pub fn region_label(lang: Lang, class: &ClassSummary, regions: Option<&Regions>) -> String {
    match regions {
        Some(r) => r.full_label(lang, &class.region, Some(&class.region_name)),
        None => class.region_name.clone(),
    }
}

/// "12 seats left" or "Full – join the waitlist".
pub fn seats_text(lang: Lang, class: &ClassSummary) -> String {
    if class.seats_left == 0 {
        t(lang, CommonKey::SeatsFull).to_owned()
    } else {
        i18n::seats_left(lang, &class.seats_left.to_string())
    }
}

/// "70 class hours".
pub fn hours_text(lang: Lang, class: &ClassSummary) -> String {
    i18n::hours_count(lang, &class.hours.to_string())
}
