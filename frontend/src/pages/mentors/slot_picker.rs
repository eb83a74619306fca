//! A mentor's free slots, a Shanghai week at a time, grouped by day: to
//! book, to reschedule, or (without `on_pick`) to preview availability.

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::api::mentors::{Slot, SlotDay};
use yew::prelude::*;

use crate::api;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, MentorsKey, t};
use crate::pages::mentors::info::{utc_text, week_bounds, week_monday};

/// Props of [`SlotPicker`].
#[derive(Properties, PartialEq)]
pub struct SlotPickerProps {
    /// The mentor.
    pub mentor_id: AttrValue,
    /// Id of the section (the week buttons are `<id>-prev`, `<id>-next`).
    pub id: AttrValue,
    /// The chosen slot's start.
    #[prop_or_default]
    pub selected: Option<DateTime<Utc>>,
    /// Called with the slot picked; without it the slots are only shown.
    #[prop_or_default]
    pub on_pick: Option<Callback<Slot>>,
    /// Bumped to load the week again (after saving availability).
    #[prop_or_default]
    pub version: u32,
    /// Open on the week of this instant (the soonest free slot), not this week.
    #[prop_or_default]
    pub first: Option<DateTime<Utc>>,
}

/// How many weeks after this one the instant falls in (0 for none or the past).
fn weeks_until(first: Option<DateTime<Utc>>) -> i64 {
    first.map_or(0, |t| {
        let monday = week_monday(0);
        let day = malanhua_shared::course::shanghai_date(t);
        ((day - monday).num_days() / 7).max(0)
    })
}

/// The week navigation and the week's slots.
#[function_component]
pub fn SlotPicker(props: &SlotPickerProps) -> Html {
    let lang = use_lang();
    let first = props.first;
    let offset = use_state(move || weeks_until(first));
    let deps = (props.mentor_id.clone(), *offset, props.version);
    let (days, retry) = use_remote(deps, |(id, offset, _)| async move {
        let (from, to) = week_bounds(week_monday(offset));
        api::mentors::slots(&id, from, to).await
    });
    let monday = week_monday(*offset);
    let label = i18n::week_of(lang, &i18n::date(lang, monday), &i18n::date(lang, monday + Duration::days(6)));
    let step = |by: i64| {
        let offset = offset.clone();
        Callback::from(move |_: MouseEvent| offset.set((*offset + by).max(0)))
    };
    let id = props.id.as_str();
    html! {
        <div class="slot-picker" id={id.to_owned()}>
            <nav class="week-nav" aria-label={t(lang, MentorsKey::WeekNav)}>
                <button id={format!("{id}-prev")} type="button" class="button secondary small" disabled={*offset == 0} onclick={step(-1)}>
                    { t(lang, MentorsKey::PrevWeek) }
                </button>
                <span class="week-label" aria-live="polite">{ label }</span>
                <button id={format!("{id}-next")} type="button" class="button secondary small" onclick={step(1)}>
                    { t(lang, MentorsKey::NextWeek) }
                </button>
            </nav>
            { remote_view(lang, &days, &format!("{id}-error"), &retry, |days| week(lang, days, props)) }
        </div>
    }
}

fn week(lang: Lang, days: &[SlotDay], props: &SlotPickerProps) -> Html {
    let open: Vec<&SlotDay> = days.iter().filter(|d| !d.slots.is_empty()).collect();
    if open.is_empty() {
        return html! { <p class="empty">{ t(lang, MentorsKey::NoSlotsThisWeek) }</p> };
    }
    html! {
        <ul class="slot-days">
            { for open.iter().map(|d| html! {
                <li key={d.day.to_string()} class="slot-day">
                    <h3 class="slot-day-title">{ format!("{} {}", i18n::date(lang, d.day), i18n::weekday(lang, d.day)) }</h3>
                    <ul class="slots">
                        { for d.slots.iter().map(|s| slot(s, props)) }
                    </ul>
                </li>
            }) }
        </ul>
    }
}

fn slot(s: &Slot, props: &SlotPickerProps) -> Html {
    let text = format!(
        "{}–{}",
        crate::time::in_shanghai(s.starts_at).format("%H:%M"),
        crate::time::in_shanghai(s.ends_at).format("%H:%M")
    );
    let starts = utc_text(s.starts_at);
    let Some(on_pick) = &props.on_pick else {
        return html! { <li><span class="slot" data-testid="preview-slot" data-starts-at={starts}>{ text }</span></li> };
    };
    let chosen = props.selected == Some(s.starts_at);
    let onclick = {
        let (on_pick, s) = (on_pick.clone(), *s);
        Callback::from(move |_: MouseEvent| on_pick.emit(s))
    };
    html! {
        <li>
            <button type="button" class={classes!("slot", chosen.then_some("slot-chosen"))} data-testid="slot"
                data-starts-at={starts} aria-pressed={if chosen { "true" } else { "false" }} {onclick}>
                { text }
            </button>
        </li>
    }
}
