//! `/my/classes/:id`: a trainee's record in one class (attendance per
//! session, result, certificate) and the check-in form.

use malanhua_shared::FieldCode;
use malanhua_shared::api::certificates::CheckinRequest;
use malanhua_shared::api::classes::{ClassSession, MyClass};
use malanhua_shared::course::checkin_window;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, kind_badge};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::stack_table::stack_table;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, t};
use crate::pages::certificates::attendance::{mark_name, mark_tone, session_when};
use crate::pages::classes::my_classes::enrolment_text;

/// Where check-in stands for a class's sessions at `now`.
#[derive(Debug, Clone, PartialEq)]
enum CheckinState<'a> {
    /// These sessions take a check-in now.
    Open(Vec<&'a ClassSession>),
    /// None does yet; the next opens then.
    OpensAt(chrono::DateTime<chrono::Utc>),
    /// Every session's check-in has closed.
    Over,
}

/// The sessions whose check-in window is open at `now`, or when the next
/// one opens.
fn checkin_state(sessions: &[ClassSession], now: chrono::DateTime<chrono::Utc>) -> CheckinState<'_> {
    let windows = sessions.iter().map(|s| (s, checkin_window(s.starts_at, s.ends_at)));
    let open: Vec<&ClassSession> =
        windows.clone().filter(|(_, (from, to))| *from <= now && now <= *to).map(|(s, _)| s).collect();
    if !open.is_empty() {
        return CheckinState::Open(open);
    }
    match windows.filter(|(_, (from, _))| *from > now).map(|(_, (from, _))| from).min() {
        Some(from) => CheckinState::OpensAt(from),
        None => CheckinState::Over,
    }
}

/// Props of [`MyClassPage`].
#[derive(Properties, PartialEq)]
pub struct MyClassPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/my/classes/:id` (signed in only).
#[function_component]
pub fn MyClassPage(props: &MyClassPageProps) -> Html {
    use_title(CertificatesKey::MyClassTitle);
    html! {
        <RequireSignIn>
            <MyClassView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn MyClassView(props: &MyClassPageProps) -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::classes::my_classes());
    let id = props.id.clone();
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::MyClasses}>{ t(lang, CertificatesKey::BackToMyClasses) }</AppLink></p>
            { remote_view(lang, &list, "my-class-error", &reload, |list| {
                let mine = list.iter().find(|m| m.class.id == id && m.enrolment.status.is_active())
                    .or_else(|| list.iter().find(|m| m.class.id == id));
                match mine {
                    Some(m) => html! { <MyClassBody mine={m.clone()} on_change={reload.clone()} /> },
                    None => html! { <p class="empty" id="my-class-missing">{ t(lang, CertificatesKey::MyClassMissing) }</p> },
                }
            }) }
        </div>
    }
}

/// Props of [`MyClassBody`].
#[derive(Properties, PartialEq)]
struct MyClassBodyProps {
    mine: MyClass,
    on_change: Callback<()>,
}

fn result_line(lang: Lang, m: &MyClass) -> String {
    match &m.assessment {
        None => t(lang, CertificatesKey::ResultNone).to_owned(),
        Some(a) => {
            let verdict = t(lang, if a.passed { CertificatesKey::ResultPassed } else { CertificatesKey::ResultFailed });
            match a.score {
                Some(score) => i18n::result_with_score(lang, verdict, &score.to_string()),
                None => verdict.to_owned(),
            }
        }
    }
}

#[function_component]
fn MyClassBody(props: &MyClassBodyProps) -> Html {
    // Check-in opens and closes by the clock: look again every half minute.
    let redraw = use_force_update();
    use_effect_with((), move |()| {
        let interval = gloo::timers::callback::Interval::new(30_000, move || redraw.force_update());
        move || drop(interval)
    });
    let lang = use_lang();
    let m = &props.mine;
    let c = &m.class;
    let marks = m.attendance.as_ref().map(|a| a.marks.clone()).unwrap_or_default();
    html! {
        <>
            <header class="class-head">
                <p class="class-badges">{ kind_badge(lang, c.kind) }</p>
                <h1 id="my-class-title">{ c.title.clone() }</h1>
                <p class="lead">
                    { date_range(lang, c) }{ " · " }
                    { enrolment_text(lang, m.enrolment.status, m.enrolment.waitlist_position) }{ " · " }
                    <AppLink to={Route::Class { id: c.id.to_string() }}>{ t(lang, CommonKey::ViewClass) }</AppLink>
                </p>
            </header>
            if let Some(number) = &m.certificate_number {
                <p class="alert alert-success">
                    { t(lang, CertificatesKey::CertificateIssuedNote) }{ " " }
                    <AppLink id="certificate-link" to={Route::Certificate { number: number.to_string() }}>{ t(lang, CertificatesKey::ViewCertificate) }</AppLink>
                </p>
            }
            if m.enrolment.status.is_active() && !m.sessions.is_empty() {
                { checkin_panel(lang, &m.sessions, &props.on_change) }
            }
            <section class="panel" aria-labelledby="my-attendance-title">
                <h2 id="my-attendance-title">{ t(lang, CertificatesKey::MyAttendanceTitle) }</h2>
                if let Some(a) = &m.attendance {
                    <p id="attendance-rate">
                        { i18n::attendance_rate(lang, &a.attended.to_string(), &a.total.to_string(), &a.rate_pct.to_string()) }
                    </p>
                }
                { stack_table("attendance-table", &[t(lang, CertificatesKey::ColSession).into(), t(lang, CommonKey::ColTopic).into(), t(lang, CertificatesKey::ColMark).into()], html! { <>
                            { for m.sessions.iter().enumerate().map(|(i, s)| {
                                let mark = marks.get(i).copied().flatten();
                                html! {
                                    <tr key={s.id.to_string()}>
                                        <td data-label={t(lang, CertificatesKey::ColSession)}>{ session_when(lang, s.seq, s.starts_at, s.ends_at) }</td>
                                        <td data-label={t(lang, CommonKey::ColTopic)}>{ s.topic.clone() }</td>
                                        <td data-label={t(lang, CertificatesKey::ColMark)}>
                                            <span id={format!("mark-{}", s.seq)} class={classes!("badge", mark_tone(mark))}>
                                                { mark.map(|k| mark_name(lang, k)).unwrap_or(t(lang, CertificatesKey::MarkNone)) }
                                            </span>
                                        </td>
                                    </tr>
                                }
                            }) }
                </> }) }
            </section>
            <section class="panel" aria-labelledby="my-result-title">
                <h2 id="my-result-title">{ t(lang, CertificatesKey::MyResultTitle) }</h2>
                <p id="my-result">{ result_line(lang, m) }</p>
                if let Some(comment) = m.assessment.as_ref().and_then(|a| a.comment.clone()) {
                    <p class="hint">{ comment }</p>
                }
            </section>
        </>
    }
}

/// Check-in while a session's window is open; otherwise when it opens.
fn checkin_panel(lang: Lang, sessions: &[ClassSession], on_done: &Callback<()>) -> Html {
    match checkin_state(sessions, crate::time::now()) {
        CheckinState::Open(open) => {
            html! { <CheckinForm sessions={open.into_iter().cloned().collect::<Vec<_>>()} on_done={on_done.clone()} /> }
        }
        CheckinState::OpensAt(at) => html! {
            <section class="panel" aria-labelledby="checkin-title">
                <h2 id="checkin-title">{ t(lang, CertificatesKey::CheckinTitle) }</h2>
                <p id="checkin-opens">{ i18n::checkin_opens_at(lang, &i18n::datetime(lang, at)) }</p>
            </section>
        },
        CheckinState::Over => html! {},
    }
}

/// Props of [`CheckinForm`].
#[derive(Properties, PartialEq)]
struct CheckinFormProps {
    sessions: Vec<ClassSession>,
    on_done: Callback<()>,
}

/// Check in with the code shown in the room.
#[function_component]
fn CheckinForm(props: &CheckinFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let default_session = props.sessions.first().map(|s| s.id.to_string()).unwrap_or_default();
    let session = use_state(|| default_session);
    let result = use_state(|| None::<String>);
    let onsubmit = {
        let (session, result) = (session.clone(), result.clone());
        let on_done = props.on_done.clone();
        on_submit(&form, move |form| {
            let code: String = form.value("code").chars().filter(|c| !c.is_whitespace()).collect();
            if code.is_empty() {
                focus("checkin-code-input");
                form.dispatch(FormAction::Invalid([("code".to_owned(), FieldIssue::Code(FieldCode::Required))].into()));
                return;
            }
            form.dispatch(FormAction::Submit);
            result.set(None);
            let (form, result, on_done, id) = (form.clone(), result.clone(), on_done.clone(), (*session).clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::certificates::checkin(&id, &CheckinRequest { code }).await {
                    Ok(line) => {
                        result.set(line.mark.map(|m| m.as_str().to_owned()));
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_done.emit(());
                    }
                    Err(error) => {
                        if !error.fields().is_empty() {
                            focus("checkin-code-input");
                        }
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        })
    };
    let on_session = {
        let session = session.clone();
        Callback::from(move |v: String| session.set(v))
    };
    let options: Vec<(String, String)> =
        props.sessions.iter().map(|s| (s.id.to_string(), session_when(lang, s.seq, s.starts_at, s.ends_at))).collect();
    let submitting = form.submitting();
    let mark = (*result).as_deref().and_then(malanhua_shared::api::certificates::AttendanceMark::from_name);
    html! {
        <section class="panel" aria-labelledby="checkin-title">
            <h2 id="checkin-title">{ t(lang, CertificatesKey::CheckinTitle) }</h2>
            <p>{ t(lang, CertificatesKey::CheckinLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="checkin-error" failure={form.failure().cloned()} others={form.other_errors(&["code"])} />
                if props.sessions.len() > 1 {
                    <SelectField
                        id="checkin-session"
                        label={t(lang, CertificatesKey::ColSession)}
                        value={(*session).to_string()}
                        {options}
                        onchange={on_session}
                    />
                }
                <TextField
                    id="checkin-code-input"
                    label={t(lang, CertificatesKey::CheckinCodeLabel)}
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    maxlength={6}
                    value={form.value("code")}
                    error={form.error(lang, "code")}
                    oninput={setter(&form, "code")}
                />
                <div class="form-actions">
                    <button id="checkin-submit" type="submit" class="button" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, CertificatesKey::CheckinSubmit) } }
                    </button>
                </div>
                if let Some(mark) = mark {
                    <p id="checkin-result" class="alert alert-success" role="status">
                        { i18n::checked_in(lang, mark_name(lang, mark)) }
                    </p>
                }
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, Utc};

    fn session(seq: i32, starts_at: DateTime<Utc>) -> ClassSession {
        let json = serde_json::json!({
            "id": format!("s{seq}"), "seq": seq,
            "starts_at": starts_at.to_rfc3339(), "ends_at": (starts_at + Duration::hours(3)).to_rfc3339(), "topic": "",
        });
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn check_in_is_offered_only_while_a_session_takes_it() {
        let nine = DateTime::parse_from_rfc3339("2026-12-07T01:00:00Z").map(|d| d.to_utc()).unwrap_or_default();
        let sessions = [session(1, nine), session(2, nine + Duration::days(1))];
        let early = nine - Duration::hours(1);
        assert_eq!(checkin_state(&sessions, early), CheckinState::OpensAt(nine - Duration::minutes(15)));
        match checkin_state(&sessions, nine + Duration::minutes(5)) {
            CheckinState::Open(open) => assert_eq!(open.iter().map(|s| s.seq).collect::<Vec<_>>(), [1]),
            other => panic!("{other:?}"),
        }
        let between = nine + Duration::hours(5);
        assert_eq!(
            checkin_state(&sessions, between),
            CheckinState::OpensAt(nine + Duration::days(1) - Duration::minutes(15))
        );
        assert_eq!(checkin_state(&sessions, nine + Duration::days(2)), CheckinState::Over);
    }
}
