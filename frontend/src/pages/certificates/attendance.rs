//! `/institution/sessions/:id`: one session's attendance sheet for the
//! institution's staff, and the check-in code to show in the room.

use std::collections::BTreeMap;
use std::rc::Rc;

use malanhua_shared::UserId;
use malanhua_shared::api::certificates::{AttendanceMark, AttendanceSheet, CheckinCode, MarkInput, MarksRequest};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::form_error::{FormError, failure_message};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::hooks::form::{FormAction, on_submit, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, ClassesKey, CommonKey, Lang, t};

/// The name of an attendance mark.
pub fn mark_name(lang: Lang, mark: AttendanceMark) -> &'static str {
    t(
        lang,
        match mark {
            AttendanceMark::Present => CertificatesKey::MarkPresent,
            AttendanceMark::Late => CertificatesKey::MarkLate,
            AttendanceMark::Absent => CertificatesKey::MarkAbsent,
            AttendanceMark::Excused => CertificatesKey::MarkExcused,
        },
    )
}

/// The badge colour of a mark.
pub fn mark_tone(mark: Option<AttendanceMark>) -> &'static str {
    match mark {
        Some(AttendanceMark::Present) => "badge-ok",
        Some(AttendanceMark::Late) => "badge-todo",
        Some(AttendanceMark::Absent) => "badge-stop",
        Some(AttendanceMark::Excused) | None => "badge-muted",
    }
}

/// "Session 3 · 1 December 2026 09:00–12:00"
pub fn session_when(
    lang: Lang,
    seq: u32,
    starts_at: chrono::DateTime<chrono::Utc>,
    ends_at: chrono::DateTime<chrono::Utc>,
) -> String {
    let end = crate::time::in_shanghai(ends_at).format("%H:%M").to_string();
    format!("{} · {}–{}", i18n::session_number(lang, &seq.to_string()), i18n::datetime(lang, starts_at), end)
}

/// Props of [`SessionAttendancePage`].
#[derive(Properties, PartialEq)]
pub struct SessionAttendancePageProps {
    /// The session id from the path.
    pub id: String,
}

/// `/institution/sessions/:id` (signed in; the server decides who may see it).
#[function_component]
pub fn SessionAttendancePage(props: &SessionAttendancePageProps) -> Html {
    use_title(CertificatesKey::AttendanceTitle);
    html! {
        <RequireSignIn>
            <SheetView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn SheetView(props: &SessionAttendancePageProps) -> Html {
    let lang = use_lang();
    let (sheet, reload) =
        use_remote(props.id.clone(), |id| async move { api::certificates::sheet(&id).await.map(Rc::new) });
    html! {
        <div class="page">
            if let Some(sheet) = sheet.loaded() {
                <p class="back">
                    <AppLink to={Route::Completion { id: sheet.class_id.to_string() }}>{ t(lang, CertificatesKey::BackToCompletion) }</AppLink>
                </p>
            }
            { remote_view(lang, &sheet, "attendance-error", &reload, |sheet| html! {
                <SheetBody sheet={sheet.clone()} />
            }) }
        </div>
    }
}

/// Props of [`SheetBody`].
#[derive(Properties, PartialEq)]
struct SheetBodyProps {
    sheet: Rc<AttendanceSheet>,
}

fn marks_of(sheet: &AttendanceSheet) -> BTreeMap<UserId, String> {
    sheet.lines.iter().map(|l| (l.user_id.clone(), l.mark.map(|m| m.as_str().to_owned()).unwrap_or_default())).collect()
}

#[function_component]
fn SheetBody(props: &SheetBodyProps) -> Html {
    let lang = use_lang();
    let sheet = use_state(|| props.sheet.clone());
    let marks = use_state(|| marks_of(&props.sheet));
    let form = use_form();
    let onsubmit = {
        let sheet = sheet.clone();
        let marks = marks.clone();
        on_submit(&form, move |form| {
            let body = MarksRequest {
                marks: sheet
                    .lines
                    .iter()
                    .filter_map(|l| {
                        let mark = marks.get(&l.user_id).and_then(|m| AttendanceMark::from_name(m))?;
                        Some(MarkInput { user_id: l.user_id.clone(), mark })
                    })
                    .collect(),
            };
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let sheet = sheet.clone();
            let marks = marks.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::certificates::save_marks(&sheet.session_id, &body).await {
                    Ok(saved) => {
                        marks.set(marks_of(&saved));
                        sheet.set(Rc::new(saved));
                        form.dispatch(FormAction::Succeeded { clear: false });
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let options: Vec<(String, String)> =
        AttendanceMark::ALL.iter().map(|m| (m.as_str().to_owned(), mark_name(lang, *m).to_owned())).collect();
    let submitting = form.submitting();
    html! {
        <>
            <header class="class-head">
                <h1 id="attendance-title">{ t(lang, CertificatesKey::AttendanceTitle) }</h1>
                <p class="lead" id="session-info">
                    { session_when(lang, sheet.seq, sheet.starts_at, sheet.ends_at) }
                    if !sheet.topic.is_empty() {
                        { " · " }{ sheet.topic.clone() }
                    }
                </p>
            </header>
            <CheckinCodePanel session_id={sheet.session_id.to_string()} current={sheet.checkin_code.clone()} />
            <section class="panel" aria-labelledby="marks-title">
                <h2 id="marks-title">{ t(lang, CertificatesKey::MarksTitle) }</h2>
                <p>{ t(lang, CertificatesKey::MarksLead) }</p>
                if crate::time::now() < sheet.starts_at {
                    <p id="marks-not-yet" class="hint">{ t(lang, CertificatesKey::MarksNotYet) }</p>
                }
                <form class="form" novalidate=true {onsubmit}>
                    <FormError id="marks-error" failure={form.failure().cloned()} others={form.other_errors(&[])} />
                    if sheet.lines.is_empty() {
                        <p class="empty">{ t(lang, ClassesKey::RosterEmpty) }</p>
                    }
                    <div class="marks-grid">
                        { for sheet.lines.iter().map(|l| {
                            let uid = l.user_id.clone();
                            let onchange = {
                                let marks = marks.clone();
                                let form = form.clone();
                                let uid = uid.clone();
                                Callback::from(move |v: String| {
                                    let mut next = (*marks).clone();
                                    next.insert(uid.clone(), v);
                                    marks.set(next);
                                    form.dispatch(FormAction::ClearErrors(String::new()));
                                })
                            };
                            let hint = (l.via.as_deref() == Some("code")).then(|| AttrValue::from(t(lang, CertificatesKey::ViaCode)));
                            html! {
                                <SelectField
                                    key={uid.to_string()}
                                    id={format!("mark-{uid}")}
                                    label={l.real_name.clone()}
                                    value={marks.get(&uid).cloned().unwrap_or_default()}
                                    options={options.clone()}
                                    empty={AttrValue::from(t(lang, CertificatesKey::MarkNone))}
                                    required={false}
                                    {hint}
                                    {onchange}
                                />
                            }
                        }) }
                    </div>
                    <div class="form-actions">
                        <button id="marks-submit" type="submit" class="button" disabled={submitting} aria-busy={submitting.then_some("true")}>
                            { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, CertificatesKey::SaveMarks) } }
                        </button>
                    </div>
                    if form.succeeded() {
                        <p id="marks-saved" class="alert alert-success" role="status">{ t(lang, CertificatesKey::MarksSaved) }</p>
                    }
                </form>
            </section>
            { super::attendance_history::attendance_history(lang, &sheet) }
        </>
    }
}

/// Props of [`CheckinCodePanel`].
#[derive(Properties, PartialEq)]
struct CheckinCodePanelProps {
    session_id: String,
    /// The code showing now, if codes were issued.
    current: Option<CheckinCode>,
}

/// How often the panel asks for the code of the moment (it changes every
/// five minutes; the one before still works a little while).
const CODE_REFRESH_MS: u32 = 20_000;

/// Issues a check-in code and shows it large enough to read across a room.
#[function_component]
fn CheckinCodePanel(props: &CheckinCodePanelProps) -> Html {
    let lang = use_lang();
    let issued = use_state(|| props.current.clone());
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    {
        // While a code shows, follow it as it turns over.
        let (issued, id) = (issued.clone(), props.session_id.clone());
        use_effect_with(issued.is_some(), move |showing| {
            let timer = showing.then(|| {
                gloo::timers::callback::Interval::new(CODE_REFRESH_MS, move || {
                    let (issued, id) = (issued.clone(), id.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(code) = api::certificates::shown_code(&id).await {
                            issued.set(Some(code));
                        }
                    });
                })
            });
            move || drop(timer)
        });
    }
    let onclick = {
        let (issued, error, busy) = (issued.clone(), error.clone(), busy.clone());
        let id = props.session_id.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (issued, error, busy, id) = (issued.clone(), error.clone(), busy.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::certificates::issue_code(&id).await {
                    Ok(code) => issued.set(Some(code)),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let code = issued.as_ref().map(|c| c.code.clone());
    html! {
        <section class="panel" aria-labelledby="checkin-code-title">
            <div class="panel-head">
                <h2 id="checkin-code-title">{ t(lang, CertificatesKey::CheckinCodeTitle) }</h2>
                <button id="checkin-code-issue" type="button" class="button secondary" disabled={*busy} aria-busy={busy.then_some("true")} {onclick}>
                    { t(lang, CertificatesKey::IssueCheckinCode) }
                </button>
            </div>
            <p>{ t(lang, CertificatesKey::CheckinCodeLead) }</p>
            if let Some(e) = &*error {
                <p id="checkin-code-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            if let Some(code) = code {
                <p id="checkin-code" class="checkin-code" aria-live="polite">{ code }</p>
                if let Some(c) = &*issued {
                    <p id="checkin-code-valid" class="checkin-code-valid">
                        { i18n::checkin_code_valid(lang, &i18n::datetime(lang, c.valid_from), &i18n::datetime(lang, c.valid_until)) }
                    </p>
                }
            }
        </section>
    }
}
