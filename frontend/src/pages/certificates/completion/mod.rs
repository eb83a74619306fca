//! `/institution/classes/:id/completion`: the class's sessions (each
//! opening its attendance sheet), the final results, and handing the class
//! in for the bureau's completion review. Also the review table the bureau
//! sees.

mod results;

use std::rc::Rc;

use malanhua_shared::api::certificates::{CompletionLine, CompletionReview, NotQualified};
use malanhua_shared::api::classes::ClassDetail;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, kind_badge};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, ClassesKey, CommonKey, Lang, SubsidiesKey, Text, t};
use crate::pages::certificates::attendance::session_when;
use results::ResultsForm;

/// A class and its completion review, loaded together.
pub type ClassReview = Rc<(ClassDetail, CompletionReview)>;

/// Loads a class and its completion review.
pub async fn load_review(id: String) -> Result<ClassReview, ApiError> {
    let detail = api::classes::class(&id).await?;
    let review = api::certificates::completion(&id).await?;
    Ok(Rc::new((detail, review)))
}

/// The completion status in words.
pub fn completion_status_text(lang: Lang, status: &str) -> &'static str {
    t(
        lang,
        match status {
            "submitted" => CertificatesKey::CompletionSubmitted,
            "approved" => CertificatesKey::CompletionApproved,
            "returned" => CertificatesKey::CompletionReturned,
            _ => CertificatesKey::CompletionNone,
        },
    )
}

fn status_tone(status: &str) -> &'static str {
    match status {
        "approved" => "badge-ok",
        "submitted" => "badge-todo",
        "returned" => "badge-stop",
        _ => "badge-muted",
    }
}

/// Why there is no certificate, in plain words.
pub fn reason_text(lang: Lang, reason: NotQualified, threshold_pct: u32) -> String {
    match reason {
        NotQualified::AttendanceBelowThreshold => i18n::reason_attendance(lang, &threshold_pct.to_string()),
        NotQualified::NotAssessed => t(lang, CertificatesKey::ReasonNotAssessed).to_owned(),
        NotQualified::NotPassed => t(lang, CertificatesKey::ReasonNotPassed).to_owned(),
    }
}

fn result_text(lang: Lang, line: &CompletionLine) -> String {
    match &line.assessment {
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

/// The status line (`completion-status`), the threshold and a return reason.
pub fn completion_status(lang: Lang, review: &CompletionReview) -> Html {
    html! {
        <>
            <p class="completion-state">
                { t(lang, CertificatesKey::CompletionStatusLabel) }{ " " }
                <strong id="completion-status" class={classes!("badge", status_tone(&review.status))}>
                    { completion_status_text(lang, &review.status) }
                </strong>
            </p>
            <p class="hint">{ i18n::threshold_note(lang, &review.threshold_pct.to_string()) }</p>
            if let Some(reason) = review.reason.as_ref().filter(|_| review.status == "returned") {
                <p id="completion-returned-reason" class="alert alert-info">{ i18n::returned_because(lang, reason) }</p>
            }
        </>
    }
}

/// The review table (`completion-table`): one row per trainee.
pub fn completion_table(lang: Lang, review: &CompletionReview) -> Html {
    if review.lines.is_empty() {
        return html! { <p class="empty" id="completion-empty">{ t(lang, ClassesKey::RosterEmpty) }</p> };
    }
    let cols: [Text; 5] = [
        AccountsKey::ColName.into(),
        CertificatesKey::ColAttendance.into(),
        CertificatesKey::ColResult.into(),
        CertificatesKey::ColQualified.into(),
        CertificatesKey::ColCertificate.into(),
    ];
    html! {
        { stack_table("completion-table", &cols.iter().map(|k| t(lang, *k).into()).collect::<Vec<Html>>(), html! { <>
                    { for review.lines.iter().map(|l| {
                        let a = &l.attendance;
                        html! {
                            <tr key={l.user_id.to_string()} id={format!("completion-row-{}", l.user_id)}>
                                <td data-label={t(lang, AccountsKey::ColName)}>{ l.real_name.clone() }</td>
                                <td data-label={t(lang, CertificatesKey::ColAttendance)}>
                                    { i18n::attendance_rate(lang, &a.attended.to_string(), &a.total.to_string(), &a.rate_pct.to_string()) }
                                </td>
                                <td data-label={t(lang, CertificatesKey::ColResult)}>{ result_text(lang, l) }</td>
                                <td data-label={t(lang, CertificatesKey::ColQualified)}>
                                    if l.reasons.is_empty() {
                                        <span class="badge badge-ok">{ t(lang, CertificatesKey::Qualified) }</span>
                                    } else {
                                        <span>{ l.reasons.iter().map(|r| reason_text(lang, *r, review.threshold_pct)).collect::<Vec<_>>().join(t(lang, CertificatesKey::ListSeparator)) }</span>
                                    }
                                </td>
                                <td data-label={t(lang, CertificatesKey::ColCertificate)}>
                                    if let Some(n) = &l.certificate_number {
                                        <AppLink id={format!("certificate-link-{n}")} to={Route::Certificate { number: n.to_string() }}>{ n.to_string() }</AppLink>
                                    } else {
                                        { "—" }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
        </> }) }
    }
}

/// Props of [`CompletionPage`].
#[derive(Properties, PartialEq)]
pub struct CompletionPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/institution/classes/:id/completion` (signed in; the server decides).
#[function_component]
pub fn CompletionPage(props: &CompletionPageProps) -> Html {
    use_title(CertificatesKey::CompletionTitle);
    html! {
        <RequireSignIn>
            <CompletionView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn CompletionView(props: &CompletionPageProps) -> Html {
    let lang = use_lang();
    let (data, reload) = use_remote(props.id.clone(), load_review);
    html! {
        <div class="page">
            <p class="back">
                <AppLink to={Route::Roster { id: props.id.clone() }}>{ t(lang, CertificatesKey::BackToRoster) }</AppLink>
            </p>
            { remote_view(lang, &data, "completion-error", &reload, |data| html! {
                <CompletionBody data={data.clone()} on_change={reload.clone()} />
            }) }
        </div>
    }
}

/// Props of [`CompletionBody`].
#[derive(Properties, PartialEq)]
struct CompletionBodyProps {
    data: ClassReview,
    on_change: Callback<()>,
}

#[function_component]
fn CompletionBody(props: &CompletionBodyProps) -> Html {
    let lang = use_lang();
    let (detail, review) = &*props.data;
    let c = &detail.summary;
    let submit_error = use_state(|| None::<ApiError>);
    let submitting = use_state(|| false);
    let on_submit = {
        let (submit_error, submitting) = (submit_error.clone(), submitting.clone());
        let id = c.id.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            if *submitting {
                return;
            }
            submitting.set(true);
            submit_error.set(None);
            let (submit_error, submitting, id, on_change) =
                (submit_error.clone(), submitting.clone(), id.clone(), on_change.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = api::certificates::submit_completion(&id).await {
                    submit_error.set(Some(e));
                }
                submitting.set(false);
                on_change.emit(());
            });
        })
    };
    let locked = matches!(review.status.as_str(), "submitted" | "approved");
    html! {
        <>
            <header class="class-head">
                <p class="class-badges">{ kind_badge(lang, c.kind) }</p>
                <h1 id="completion-title">{ i18n::completion_of(lang, &c.title) }</h1>
                <p class="lead">{ date_range(lang, c) }</p>
            </header>
            <section class="panel" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{ t(lang, CertificatesKey::SessionsAttendance) }</h2>
                <ol id="session-links" class="session-links">
                    { for detail.sessions.iter().map(|s| html! {
                        <li key={s.id.to_string()}>
                            <AppLink id={format!("session-link-{}", s.seq)} to={Route::SessionAttendance { id: s.id.to_string() }}>
                                { session_when(lang, s.seq, s.starts_at, s.ends_at) }
                            </AppLink>
                            if !s.topic.is_empty() {
                                { " · " }{ s.topic.clone() }
                            }
                        </li>
                    }) }
                </ol>
            </section>
            <ResultsForm class_id={c.id.to_string()} review={Rc::new(review.clone())} {locked} on_saved={props.on_change.clone()} />
            <section class="panel" aria-labelledby="review-title">
                <h2 id="review-title">{ t(lang, CertificatesKey::CompletionReviewTitle) }</h2>
                { completion_status(lang, review) }
                { completion_table(lang, review) }
                if review.status == "approved" {
                    <p class="claims-link">
                        <AppLink id="class-claims-link" to={Route::ClassClaims { id: c.id.to_string() }} classes={classes!("button", "secondary")}>
                            { t(lang, SubsidiesKey::BatchLink) }
                        </AppLink>
                    </p>
                }
                if let Some(e) = &*submit_error {
                    <p id="completion-submit-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                }
                if !locked {
                    <p>{ t(lang, CertificatesKey::CompletionSubmitLead) }</p>
                    <div class="form-actions">
                        <button id="completion-submit" type="button" class="button" disabled={*submitting} aria-busy={submitting.then_some("true")} onclick={on_submit}>
                            { if *submitting { t(lang, CommonKey::Submitting) } else { t(lang, CertificatesKey::SubmitCompletion) } }
                        </button>
                    </div>
                }
            </section>
        </>
    }
}
