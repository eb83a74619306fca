//! The list parts of the availability form: weekly hours (a row per range,
//! added and removed) and date overrides (closed, or other hours). Errors
//! sit by their row (`weekly[2].end`, `overrides[0].day`).

use chrono::NaiveDate;
use malanhua_shared::api::mentors::{DayOverride, WeeklyHours};
use yew::prelude::*;

use crate::components::checkbox_field::CheckboxField;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, MentorDeskKey, t};

/// Props of the row editors.
#[derive(Properties, PartialEq)]
pub(super) struct RowsProps<T: PartialEq + 'static> {
    /// The rows.
    pub rows: UseStateHandle<Vec<T>>,
    /// The form, for the rows' errors.
    pub form: UseReducerHandle<Form>,
}

/// A callback that edits row `i` with `edit` and forgets the list's errors.
fn edit_row<T: Clone + 'static, V: 'static>(
    rows: &UseStateHandle<Vec<T>>,
    form: &UseReducerHandle<Form>,
    prefix: &'static str,
    i: usize,
    edit: impl Fn(&mut T, V) + 'static,
) -> Callback<V> {
    let (rows, form) = (rows.clone(), form.clone());
    Callback::from(move |v: V| {
        let mut next = (*rows).clone();
        if let Some(row) = next.get_mut(i) {
            edit(row, v);
        }
        rows.set(next);
        form.dispatch(FormAction::ClearErrors(prefix.to_owned()));
    })
}

/// Removes row `i`.
fn remove_row<T: Clone + 'static>(
    rows: &UseStateHandle<Vec<T>>,
    form: &UseReducerHandle<Form>,
    prefix: &'static str,
    i: usize,
) -> Callback<MouseEvent> {
    let (rows, form) = (rows.clone(), form.clone());
    Callback::from(move |_: MouseEvent| {
        let mut next = (*rows).clone();
        if i < next.len() {
            next.remove(i);
        }
        rows.set(next);
        form.dispatch(FormAction::ClearErrors(prefix.to_owned()));
    })
}

/// Weekly hours, a row per range.
#[function_component]
pub(super) fn WeeklyRows(props: &RowsProps<WeeklyHours>) -> Html {
    let lang = use_lang();
    let (rows, form) = (&props.rows, &props.form);
    let days: Vec<(String, String)> =
        (1..=7u8).map(|d| (d.to_string(), i18n::weekday_name(lang, d).to_owned())).collect();
    let add = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            let weekday = next.last().map_or(1, |r| r.weekday % 7 + 1);
            next.push(WeeklyHours { weekday, start: "09:00".to_owned(), end: "12:00".to_owned() });
            rows.set(next);
        })
    };
    html! {
        <fieldset class="availability-rows" id="weekly-rows">
            <legend>{ t(lang, MentorDeskKey::WeeklyTitle) }</legend>
            if let Some(e) = form.error(lang, "weekly") {
                <p class="field-error" id="weekly-error">{ e }</p>
            }
            { for rows.iter().enumerate().map(|(i, r)| html! {
                <div class="row-line" data-testid="weekly-row" key={i}>
                    <SelectField id={format!("weekly-{i}-day")} label={t(lang, MentorDeskKey::Weekday)} value={r.weekday.to_string()}
                        options={days.clone()} error={form.error(lang, &format!("weekly[{i}].weekday"))}
                        onchange={edit_row(rows, form, "weekly", i, |row: &mut WeeklyHours, v: String| row.weekday = v.parse().unwrap_or(1))} />
                    <TextField id={format!("weekly-{i}-start")} label={t(lang, MentorDeskKey::Start)} input_type="time" value={r.start.clone()}
                        oninput={edit_row(rows, form, "weekly", i, |row: &mut WeeklyHours, v: String| row.start = v)} />
                    <TextField id={format!("weekly-{i}-end")} label={t(lang, MentorDeskKey::End)} input_type="time" value={r.end.clone()}
                        error={form.error(lang, &format!("weekly[{i}].end"))}
                        oninput={edit_row(rows, form, "weekly", i, |row: &mut WeeklyHours, v: String| row.end = v)} />
                    <button type="button" class="button secondary small" data-testid="remove-weekly-row" onclick={remove_row(rows, form, "weekly", i)}>
                        { t(lang, MentorDeskKey::RemoveRow) }
                    </button>
                </div>
            }) }
            <button type="button" id="add-weekly-row" class="button secondary" onclick={add}>{ t(lang, MentorDeskKey::AddRow) }</button>
        </fieldset>
    }
}

/// Date overrides: a closed day, or its own hours.
#[function_component]
pub(super) fn OverrideRows(props: &RowsProps<DayOverride>) -> Html {
    let lang = use_lang();
    let (rows, form) = (&props.rows, &props.form);
    let add = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push(DayOverride::default());
            rows.set(next);
        })
    };
    html! {
        <fieldset class="availability-rows" id="override-rows">
            <legend>{ t(lang, MentorDeskKey::OverridesTitle) }</legend>
            if let Some(e) = form.error(lang, "overrides") {
                <p class="field-error" id="overrides-error">{ e }</p>
            }
            { for rows.iter().enumerate().map(|(i, r)| {
                let closed = r.start.is_none() && r.end.is_none();
                html! {
                    <div class="row-line" data-testid="override-row" key={i}>
                        <TextField id={format!("override-{i}-day")} label={t(lang, MentorDeskKey::OverrideDay)} input_type="date"
                            value={r.day.map(|d| d.to_string()).unwrap_or_default()} error={form.error(lang, &format!("overrides[{i}].day"))}
                            oninput={edit_row(rows, form, "overrides", i, |row: &mut DayOverride, v: String| row.day = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())} />
                        <CheckboxField id={format!("override-{i}-closed")} label={t(lang, MentorDeskKey::OverrideClosed)} checked={closed}
                            onchange={edit_row(rows, form, "overrides", i, |row: &mut DayOverride, on: bool| {
                                (row.start, row.end) = if on { (None, None) } else { (Some("09:00".to_owned()), Some("12:00".to_owned())) };
                            })} />
                        if !closed {
                            <TextField id={format!("override-{i}-start")} label={t(lang, MentorDeskKey::Start)} input_type="time"
                                value={r.start.clone().unwrap_or_default()}
                                oninput={edit_row(rows, form, "overrides", i, |row: &mut DayOverride, v: String| row.start = Some(v))} />
                            <TextField id={format!("override-{i}-end")} label={t(lang, MentorDeskKey::End)} input_type="time"
                                value={r.end.clone().unwrap_or_default()} error={form.error(lang, &format!("overrides[{i}].end"))}
                                oninput={edit_row(rows, form, "overrides", i, |row: &mut DayOverride, v: String| row.end = Some(v))} />
                        }
                        <button type="button" class="button secondary small" data-testid="remove-override-row" onclick={remove_row(rows, form, "overrides", i)}>
                            { t(lang, MentorDeskKey::RemoveRow) }
                        </button>
                    </div>
                }
            }) }
            <button type="button" id="add-override-row" class="button secondary" onclick={add}>{ t(lang, MentorDeskKey::AddOverride) }</button>
        </fieldset>
    }
}
