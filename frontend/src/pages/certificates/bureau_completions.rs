//! `/bureau/completions` and `/bureau/completions/:id`: classes waiting for
//! the bureau's completion decision, and the decision itself.

use malanhua_shared::CertificateNumber;
use malanhua_shared::api::classes::{ClassSummary, Decision, check_reason};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, kind_badge};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::list_keys::use_list_keys;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, Lang, t};
use crate::pages::certificates::completion::{ClassReview, completion_status, completion_table, load_review};

/// `/bureau/completions` (signed in; officers only on the server).
#[function_component]
pub fn BureauCompletionsPage() -> Html {
    use_title(CertificatesKey::CompletionsTitle);
    html! {
        <RequireSignIn>
            <CompletionsList />
        </RequireSignIn>
    }
}

#[function_component]
fn CompletionsList() -> Html {
    let lang = use_lang();
    let (list, retry) = use_remote((), |()| api::certificates::bureau_completions());
    // j/k move along the classes waiting, Enter opens one.
    use_list_keys(list.loaded().into_iter().flatten().map(|c| format!("completion-link-{}", c.id)).collect());
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, CertificatesKey::CompletionsTitle) }</h1>
            <p>{ t(lang, CertificatesKey::CompletionsLead) }</p>
            { remote_view(lang, &list, "completions-error", &retry, |list| waiting_list(lang, list)) }
        </div>
    }
}

fn waiting_list(lang: Lang, list: &[ClassSummary]) -> Html {
    html! {
        <>
            <ul id="completions-list" class="card-list">
                { for list.iter().map(|c| html! {
                    <li key={c.id.to_string()}>
                        { kind_badge(lang, c.kind) }{ " " }
                        <AppLink id={format!("completion-link-{}", c.id)} to={Route::BureauCompletion { id: c.id.to_string() }}>{ c.title.clone() }</AppLink>
                        <span class="hint">{ " · " }{ c.institution.name.clone() }{ " · " }{ date_range(lang, c) }</span>
                    </li>
                }) }
            </ul>
            if list.is_empty() {
                <p class="empty" id="completions-empty">{ t(lang, CertificatesKey::CompletionsEmpty) }</p>
            }
        </>
    }
}

/// Props of [`BureauCompletionPage`].
#[derive(Properties, PartialEq)]
pub struct BureauCompletionPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/bureau/completions/:id` (signed in; officers only on the server).
#[function_component]
pub fn BureauCompletionPage(props: &BureauCompletionPageProps) -> Html {
    use_title(CertificatesKey::CompletionsTitle);
    html! {
        <RequireSignIn>
            <DecisionView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn DecisionView(props: &BureauCompletionPageProps) -> Html {
    let lang = use_lang();
    let (data, reload) = use_remote(props.id.clone(), load_review);
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::BureauCompletions}>{ t(lang, CertificatesKey::BackToCompletions) }</AppLink></p>
            { remote_view(lang, &data, "completion-error", &reload, |data| html! {
                <DecisionBody data={data.clone()} on_change={reload.clone()} />
            }) }
        </div>
    }
}

/// Props of [`DecisionBody`].
#[derive(Properties, PartialEq)]
struct DecisionBodyProps {
    data: ClassReview,
    on_change: Callback<()>,
}

#[function_component]
fn DecisionBody(props: &DecisionBodyProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let (detail, review) = &*props.data;
    let c = &detail.summary;
    // Approving issues certificates (only revocation, one by one, undoes
    // it): it is asked first.
    let asking = use_state(|| false);
    let decide = |approve: bool| {
        let form = form.clone();
        let id = c.id.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |()| {
            if form.submitting() {
                return;
            }
            let typed = form.value("reason");
            let reason = if approve {
                let r = typed.trim();
                (!r.is_empty()).then(|| r.to_owned())
            } else {
                match check_reason(&typed) {
                    Ok(r) => Some(r),
                    Err(code) => {
                        focus("completion-reason");
                        form.dispatch(FormAction::Invalid([("reason".to_owned(), FieldIssue::Code(code))].into()));
                        return;
                    }
                }
            };
            form.dispatch(FormAction::Submit);
            let (form, id, on_change) = (form.clone(), id.clone(), on_change.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::certificates::decide_completion(&id, &Decision { approve, reason }).await {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_change.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let issued: Vec<&CertificateNumber> = review.lines.iter().filter_map(|l| l.certificate_number.as_ref()).collect();
    let submitting = form.submitting();
    html! {
        <>
            <header class="class-head">
                <p class="class-badges">{ kind_badge(lang, c.kind) }</p>
                <h1 id="completion-title">{ i18n::completion_of(lang, &c.title) }</h1>
                <p class="lead">{ c.institution.name.clone() }{ " · " }{ date_range(lang, c) }</p>
            </header>
            <section class="panel" aria-labelledby="review-title">
                <h2 id="review-title">{ t(lang, CertificatesKey::CompletionReviewTitle) }</h2>
                { completion_status(lang, review) }
                { completion_table(lang, review) }
            </section>
            if !issued.is_empty() {
                <section class="panel" aria-labelledby="issued-title">
                    <h2 id="issued-title">{ t(lang, CertificatesKey::IssuedCertificates) }</h2>
                    <ul id="issued-certificates">
                        { for issued.iter().map(|n| html! {
                            <li key={n.to_string()}>
                                <AppLink id={format!("issued-{n}")} to={Route::Certificate { number: n.to_string() }}>{ n.to_string() }</AppLink>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if review.status == "submitted" {
                <section class="panel" aria-labelledby="decision-title">
                    <h2 id="decision-title">{ t(lang, CertificatesKey::CompletionDecisionTitle) }</h2>
                    <p>{ t(lang, CertificatesKey::CompletionDecisionLead) }</p>
                    <form class="form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        <FormError id="decision-error" failure={form.failure().cloned()} others={form.other_errors(&["reason"])} />
                        <TextField
                            id="completion-reason"
                            label={t(lang, CertificatesKey::ReturnReason)}
                            hint={AttrValue::from(t(lang, CertificatesKey::ReturnReasonHint))}
                            required={false}
                            maxlength={500}
                            value={form.value("reason")}
                            error={form.error(lang, "reason")}
                            oninput={setter(&form, "reason")}
                        />
                        <div class="form-actions">
                            <button id="completion-approve" type="button" class="button" disabled={submitting} onclick={{ let asking = asking.clone(); Callback::from(move |_: MouseEvent| asking.set(true)) }}>
                                { t(lang, CertificatesKey::ApproveCompletion) }
                            </button>
                            <button id="completion-return" type="button" class="button danger" disabled={submitting} onclick={decide(false).reform(|_: MouseEvent| ())}>
                                { t(lang, CertificatesKey::ReturnCompletion) }
                            </button>
                        </div>
                        <ConfirmDialog
                            id="completion-dialog"
                            open={*asking}
                            title={t(lang, CertificatesKey::ApproveCompletionQuestion)}
                            body={t(lang, CertificatesKey::ApproveCompletionConsequence)}
                            confirm_label={t(lang, CertificatesKey::ApproveCompletion)}
                            danger={false}
                            on_confirm={{ let (asking, decide) = (asking.clone(), decide(true)); Callback::from(move |()| { asking.set(false); decide.emit(()); }) }}
                            on_cancel={{ let asking = asking.clone(); Callback::from(move |()| asking.set(false)) }}
                            opener="completion-approve"
                        />
                    </form>
                </section>
            }
        </>
    }
}
