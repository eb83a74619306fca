//! The working-day calendar (administrators): the arranged days of a year
//! (holidays and the weekend days worked in their place), a form that sets
//! or overwrites one day, and removing a day.

use chrono::{Datelike, NaiveDate};
use malanhua_shared::calendar::{CalendarDay, CalendarDayInput, DayKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::{FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::{FormError, failure_message};
use crate::components::remote_view::remote_view;
use crate::components::select_field::SelectField;
use crate::components::stack_table::stack_table;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, renamed, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, CalendarKey, CommonKey, Lang, MentorDeskKey, t};
use crate::pages::mentors::send::send_renamed;

/// The API's `kind` and `name` are the day's (the messages of `kind` and
/// `name` speak of courses and people).
const NAMES: &[(&str, &str)] = &[("kind", "day_kind"), ("name", "day_name")];

/// `#calendar`: the year's days and the form.
#[function_component]
pub(super) fn CalendarSection() -> Html {
    let lang = use_lang();
    let year = use_state(|| shanghai_date(crate::time::now()).year().to_string());
    let asked = year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    let (days, reload) = use_remote(asked, |y| async move {
        match y {
            Some(y) => api::calendar::days(y).await,
            None => Ok(Vec::new()),
        }
    });
    let removing = use_mutation::<api::mentors::Done>();
    let done = use_state(|| None::<String>);
    let on_year = {
        let year = year.clone();
        Callback::from(move |v: String| year.set(v))
    };
    let on_remove = {
        let (removing, reload, done) = (removing.clone(), reload.clone(), done.clone());
        Callback::from(move |day: NaiveDate| {
            let (reload, done) = (reload.clone(), done.clone());
            removing.run(
                format!("calendar clear {day}"),
                move |key| async move { api::calendar::clear_day(day, &key).await },
                move |r| {
                    if r.is_ok() {
                        done.set(Some(i18n::day_removed(lang, &i18n::date(lang, day))));
                        reload.emit(());
                    }
                },
            );
        })
    };
    let on_saved = {
        let (reload, done) = (reload.clone(), done.clone());
        Callback::from(move |message: String| {
            done.set(Some(message));
            reload.emit(());
        })
    };
    html! {
        <section class="panel" id="calendar" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{ t(lang, CalendarKey::Title) }</h2>
            <p>{ t(lang, CalendarKey::Lead) }</p>
            if let Some(message) = &*done {
                <p class="alert alert-success" role="status" id="calendar-done">{ message.clone() }</p>
            }
            if let Some(e) = removing.error() {
                <p class="alert alert-error" role="alert" id="calendar-remove-error">{ failure_message(lang, e) }</p>
            }
            <div class="form filters-inline">
                <TextField id="calendar-year" label={t(lang, CalendarKey::Year)} input_type="number" inputmode="numeric"
                    required={false} value={(*year).clone()} oninput={on_year} />
            </div>
            { remote_view(lang, &days, "calendar-error", &reload, |list| days_table(lang, list, removing.submitting(), &on_remove)) }
            <DayForm {on_saved} />
        </section>
    }
}

fn days_table(lang: Lang, list: &[CalendarDay], busy: bool, on_remove: &Callback<NaiveDate>) -> Html {
    if list.is_empty() {
        return html! { <p class="empty" id="calendar-empty">{ t(lang, CalendarKey::Empty) }</p> };
    }
    let mut list: Vec<&CalendarDay> = list.iter().collect();
    list.sort_by_key(|d| d.day);
    let headers = [
        t(lang, CalendarKey::Day).into(),
        t(lang, CalendarKey::Weekday).into(),
        t(lang, CalendarKey::Kind).into(),
        t(lang, CalendarKey::Name).into(),
        t(lang, CommonKey::ColActions).into(),
    ];
    stack_table(
        "calendar-days",
        &headers,
        html! { <>
            { for list.into_iter().map(|d| {
                let remove = { let (cb, day) = (on_remove.clone(), d.day); Callback::from(move |_: MouseEvent| cb.emit(day)) };
                let date = i18n::date(lang, d.day);
                html! {
                    <tr key={d.day.to_string()} data-testid="calendar-day" data-day={d.day.to_string()} data-kind={d.kind.as_str()}>
                        <td data-label={t(lang, CalendarKey::Day)}>{ date.clone() }</td>
                        <td data-label={t(lang, CalendarKey::Weekday)}>{ i18n::weekday(lang, d.day) }</td>
                        <td data-label={t(lang, CalendarKey::Kind)}>{ i18n::day_kind_name(lang, d.kind) }</td>
                        <td data-label={t(lang, CalendarKey::Name)}>{ d.name.clone() }</td>
                        <td data-label={t(lang, CommonKey::ColActions)}>
                            <button type="button" class="button secondary small" data-testid="calendar-remove" disabled={busy}
                                aria-label={i18n::remove_day(lang, &date)} onclick={remove}>
                                { t(lang, CalendarKey::Remove) }
                            </button>
                        </td>
                    </tr>
                }
            }) }
        </> },
    )
}

/// Props of [`DayForm`].
#[derive(Properties, PartialEq)]
struct DayFormProps {
    /// Called with the message to show after a day was saved.
    on_saved: Callback<String>,
}

/// `#calendar-form`: a date, holiday or worked day, and its name.
#[function_component]
fn DayForm(props: &DayFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let onsubmit = {
        let (sending, on_saved) = (sending.clone(), props.on_saved.clone());
        on_submit(&form, move |form| {
            let body = CalendarDayInput { kind: form.value("day_kind"), name: form.value("day_name") };
            let day = NaiveDate::parse_from_str(form.value("day").trim(), "%Y-%m-%d").ok();
            let errors = match day {
                Some(day) => body.validate(day).err().map(|e| renamed(e, NAMES)).unwrap_or_default(),
                None => FieldErrors::from([("day".to_owned(), FieldCode::Required)]),
            };
            let Some(day) = day.filter(|_| errors.is_empty()) else {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            };
            let message = i18n::day_saved(lang, &i18n::date(lang, day));
            let on_saved = on_saved.reform(move |()| message.clone());
            let intent = format!("calendar set {day} {body:?}");
            let call = move |key: String| async move { api::calendar::set_day(day, &body, &key).await };
            send_renamed(form, &sending, intent, true, NAMES, call, on_saved);
        })
    };
    let kinds: Vec<(String, String)> =
        DayKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::day_kind_name(lang, *k).to_owned())).collect();
    html! {
        <form id="calendar-form" class="form" novalidate=true {onsubmit}>
            <h3>{ t(lang, CalendarKey::FormTitle) }</h3>
            <p class="hint">{ t(lang, CalendarKey::FormHint) }</p>
            <FormError id="calendar-form-error" failure={form.failure().cloned()} others={form.other_errors(&["day", "day_kind", "day_name"])} />
            <div class="field-pair">
                <TextField id="calendar-day" label={t(lang, CalendarKey::Day)} input_type="date" value={form.value("day")}
                    error={form.error(lang, "day")} oninput={setter(&form, "day")} />
                <SelectField id="calendar-kind" label={t(lang, CalendarKey::Kind)} value={form.value("day_kind")}
                    empty={AttrValue::from(t(lang, MentorDeskKey::ChooseMode))} options={kinds}
                    error={form.error(lang, "day_kind")} onchange={setter(&form, "day_kind")} />
            </div>
            <TextField id="calendar-name" label={t(lang, CalendarKey::Name)} hint={AttrValue::from(t(lang, CalendarKey::NameHint))}
                maxlength={40} value={form.value("day_name")} error={form.error(lang, "day_name")} oninput={setter(&form, "day_name")} />
            <SubmitButton id="calendar-submit" label={t(lang, CalendarKey::Save)} submitting={form.submitting()} />
        </form>
    }
}
