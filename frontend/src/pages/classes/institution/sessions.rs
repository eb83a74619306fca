//! The session rows of the opening request: a `Reducible` store of what
//! was typed, one editable row each, and the fieldset around them.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::focus;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, ClassesKey, CommonKey, Lang, t};
use crate::time::minutes_between;

/// One session row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct SessionRow {
    /// Stable key for the list (indices move when rows are removed).
    key: u32,
    /// The day, as the date input gives it.
    pub date: String,
    /// The start time.
    pub start: String,
    /// The end time.
    pub end: String,
    /// What the session covers.
    pub topic: String,
}

/// A cell of a session row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cell {
    Date,
    Start,
    End,
    Topic,
}

impl Cell {
    /// The API fields whose errors an edit of this cell answers.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Date => &["starts_at", "ends_at"],
            Self::Start => &["starts_at"],
            Self::End => &["ends_at"],
            Self::Topic => &["topic"],
        }
    }
}

/// The session rows of the opening form, as a `Reducible` store.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SessionRows {
    /// The rows, in order.
    pub rows: Vec<SessionRow>,
    next_key: u32,
}

impl Default for SessionRows {
    fn default() -> Self {
        Self { rows: vec![SessionRow::default()], next_key: 1 }
    }
}

/// What can happen to the session rows.
#[derive(Debug)]
pub(super) enum RowAction {
    /// Add an empty row at the end.
    Add,
    /// Remove the row at this index.
    Remove(usize),
    /// A cell was edited.
    Set(usize, Cell, String),
    /// Back to one empty row.
    Reset,
}

impl Reducible for SessionRows {
    type Action = RowAction;

    fn reduce(self: Rc<Self>, action: RowAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RowAction::Add => {
                next.rows.push(SessionRow { key: next.next_key, ..SessionRow::default() });
                next.next_key = next.next_key.wrapping_add(1);
            }
            RowAction::Remove(i) => {
                if i < next.rows.len() {
                    next.rows.remove(i);
                }
            }
            RowAction::Set(i, cell, value) => {
                if let Some(row) = next.rows.get_mut(i) {
                    match cell {
                        Cell::Date => row.date = value,
                        Cell::Start => row.start = value,
                        Cell::End => row.end = value,
                        Cell::Topic => row.topic = value,
                    }
                }
            }
            RowAction::Reset => {
                next.rows = vec![SessionRow { key: next.next_key, ..SessionRow::default() }];
                next.next_key = next.next_key.wrapping_add(1);
            }
        }
        Rc::new(next)
    }
}

/// One editable session: date, start, end, topic and a remove button.
fn session_row(
    lang: Lang,
    form: &UseReducerHandle<Form>,
    rows: &UseReducerHandle<SessionRows>,
    i: usize,
    row: &SessionRow,
) -> Html {
    let set = |cell: Cell| {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |value: String| {
            rows.dispatch(RowAction::Set(i, cell, value));
            for field in cell.fields() {
                form.dispatch(FormAction::ClearErrors(session_field(i, field)));
            }
        })
    };
    let on_remove = {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            rows.dispatch(RowAction::Remove(i));
            // Indices move: the server's row errors no longer match.
            form.dispatch(FormAction::ClearErrors("sessions".into()));
        })
    };
    let n = (i + 1).to_string();
    let only = rows.rows.len() <= 1;
    html! {
        <li key={row.key} class="session-row">
            <fieldset>
                <legend>{ i18n::session_n(lang, &n) }</legend>
                <div class="session-cells">
                    <TextField
                        id={format!("session-{i}-date")}
                        label={t(lang, CommonKey::ColDate)}
                        input_type="date"
                        value={row.date.clone()}
                        oninput={set(Cell::Date)}
                    />
                    <TextField
                        id={format!("session-{i}-start")}
                        label={t(lang, ClassesKey::SessionStart)}
                        input_type="time"
                        value={row.start.clone()}
                        error={form.error(lang, &session_field(i, "starts_at"))}
                        oninput={set(Cell::Start)}
                    />
                    <TextField
                        id={format!("session-{i}-end")}
                        label={t(lang, ClassesKey::SessionEnd)}
                        input_type="time"
                        value={row.end.clone()}
                        error={form.error(lang, &session_field(i, "ends_at"))}
                        oninput={set(Cell::End)}
                    />
                    <TextField
                        id={format!("session-{i}-topic")}
                        label={t(lang, CommonKey::ColTopic)}
                        maxlength={100}
                        value={row.topic.clone()}
                        error={form.error(lang, &session_field(i, "topic"))}
                        oninput={set(Cell::Topic)}
                    />
                </div>
                <button
                    id={format!("session-{i}-remove")}
                    type="button"
                    class="button secondary small"
                    disabled={only}
                    aria-label={i18n::remove_session_n(lang, &n)}
                    onclick={on_remove}
                >
                    { t(lang, ClassesKey::RemoveSession) }
                </button>
            </fieldset>
        </li>
    }
}

/// The API name of a session field (`sessions[2].ends_at`).
pub(super) fn session_field(i: usize, field: &str) -> String {
    format!("sessions[{i}].{field}")
}

/// Props of [`SessionsFieldset`].
#[derive(Properties, PartialEq)]
pub(super) struct SessionsFieldsetProps {
    /// The opening form (for the row errors).
    pub form: UseReducerHandle<Form>,
    /// The rows typed so far.
    pub rows: UseReducerHandle<SessionRows>,
}

/// The class's sessions: one row each, their total length, adding a row.
#[function_component]
pub(super) fn SessionsFieldset(props: &SessionsFieldsetProps) -> Html {
    let lang = use_lang();
    let (form, rows) = (&props.form, &props.rows);
    let on_add = {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            rows.dispatch(RowAction::Add);
            form.dispatch(FormAction::ClearErrors("sessions".into()));
            let new_index = rows.rows.len();
            // Focus the new row's first cell once it is drawn.
            gloo::timers::callback::Timeout::new(0, move || focus(&format!("session-{new_index}-date"))).forget();
        })
    };
    let total_minutes: i64 = rows.rows.iter().filter_map(|r| minutes_between(&r.start, &r.end)).sum();
    let sessions_error = form.error(lang, "sessions");
    html! {
        <fieldset id="class-sessions" class={classes!("sessions", sessions_error.as_ref().map(|_| "has-error"))}>
            <legend>{ t(lang, CommonKey::SessionsTitle) }</legend>
            <p class="hint">{ t(lang, ClassesKey::SessionsHint) }</p>
            <ol class="session-rows">
                { for rows.rows.iter().enumerate().map(|(i, row)| session_row(lang, form, rows, i, row)) }
            </ol>
            <p class="muted" id="session-total" aria-live="polite">
                { i18n::sessions_total(lang, &(total_minutes / 60).to_string(), &(total_minutes % 60).to_string()) }
            </p>
            if let Some(error) = sessions_error {
                <p class="field-error" id="class-sessions-error">{ error }</p>
            }
            <button id="session-add" type="button" class="button secondary" onclick={on_add}>
                { t(lang, ClassesKey::AddSession) }
            </button>
        </fieldset>
    }
}
