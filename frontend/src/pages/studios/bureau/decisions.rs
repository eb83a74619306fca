//! An officer's decisions on a studio: the yearly evaluation (year, score,
//! findings) and the revocation (reason, optional clawback in yuan). The
//! revocation form is its own confirmation.

use malanhua_shared::FieldErrors;
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::studios::{EvaluationInput, RevocationInput};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, checked, issues, on_submit, read_number, read_yuan, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{CommonKey, StudiosKey, t};
use crate::pages::mentors::send::send_form;

/// Props of [`EvaluationForm`].
#[derive(Properties, PartialEq)]
pub(super) struct EvaluationFormProps {
    /// The studio.
    pub studio_id: AttrValue,
    /// The year due.
    pub year: i32,
    /// Called after it was recorded.
    pub on_done: Callback<()>,
}

/// `#evaluate-{studio}`: the year, the score and the findings.
#[function_component]
pub(super) fn EvaluationForm(props: &EvaluationFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    {
        let (form, year) = (form.clone(), props.year);
        use_effect_with(year, move |year| form.dispatch(FormAction::Set("year", year.to_string())));
    }
    let onsubmit = {
        let (sending, id, on_done) = (sending.clone(), props.studio_id.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let body = EvaluationInput {
                year: read_number(&form.value("year"), "year", &mut errors),
                score: read_number(&form.value("score"), "score", &mut errors),
                comment: form.value("comment"),
            };
            let body = match checked(body, errors, EvaluationInput::validate) {
                Ok(body) => body,
                Err(errors) => return form.dispatch(FormAction::Invalid(issues(errors))),
            };
            let id = id.clone();
            let intent = format!("studio evaluation {id} {body:?}");
            let call = move |key: String| async move { api::studios::evaluate(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let p = format!("evaluate-{}", props.studio_id);
    html! {
        <form id={p.clone()} class="form inline-form" novalidate=true {onsubmit}>
            <h4>{ t(lang, StudiosKey::EvaluateTitle) }</h4>
            <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&["year", "score", "comment"])} />
            if form.succeeded() {
                <p class="alert alert-success" role="status" id={format!("{p}-done")}>{ t(lang, StudiosKey::Evaluated) }</p>
            }
            <div class="field-pair">
                <TextField id={format!("{p}-year")} label={t(lang, StudiosKey::Year)} input_type="number" inputmode="numeric"
                    value={form.value("year")} error={form.error(lang, "year")} oninput={setter(&form, "year")} />
                <TextField id={format!("{p}-score")} label={t(lang, StudiosKey::Score)} input_type="number" inputmode="numeric"
                    value={form.value("score")} error={form.error(lang, "score")} oninput={setter(&form, "score")} />
            </div>
            <TextField id={format!("{p}-comment")} label={t(lang, StudiosKey::Comment)} rows={3} maxlength={2000}
                value={form.value("comment")} error={form.error(lang, "comment")} oninput={setter(&form, "comment")} />
            <SubmitButton id={format!("{p}-submit")} label={t(lang, StudiosKey::EvaluateSubmit)} submitting={form.submitting()} />
        </form>
    }
}

/// Props of [`RevokeForm`].
#[derive(Properties, PartialEq)]
pub(super) struct RevokeFormProps {
    /// The studio.
    pub studio_id: AttrValue,
    /// Called after it was revoked.
    pub on_done: Callback<()>,
}

/// `#revoke-{studio}`: why, and how much to recover.
#[function_component]
pub(super) fn RevokeForm(props: &RevokeFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let onsubmit = {
        let (sending, id, on_done) = (sending.clone(), props.studio_id.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let clawback_fen = read_yuan(&form.value("clawback_fen"), "clawback_fen", &mut errors);
            let reason = check_reason(&form.value("reason")).unwrap_or_else(|code| {
                errors.insert("reason".to_owned(), code);
                String::new()
            });
            if !errors.is_empty() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let body = RevocationInput { reason, clawback_fen };
            let id = id.clone();
            let intent = format!("studio revoke {id} {body:?}");
            let call = move |key: String| async move { api::studios::revoke(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let p = format!("revoke-{}", props.studio_id);
    let submitting = form.submitting();
    html! {
        <form id={p.clone()} class="form inline-form panel-danger" novalidate=true {onsubmit}>
            <h4>{ t(lang, StudiosKey::RevokeTitle) }</h4>
            <p class="hint">{ t(lang, StudiosKey::RevokeLead) }</p>
            <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&["reason", "clawback_fen"])} />
            <TextField id={format!("{p}-reason")} label={t(lang, CommonKey::Reason)} maxlength={500}
                value={form.value("reason")} error={form.error(lang, "reason")} oninput={setter(&form, "reason")} />
            <TextField id={format!("{p}-clawback")} label={t(lang, StudiosKey::ClawbackYuan)} inputmode="decimal" required={false}
                hint={AttrValue::from(t(lang, StudiosKey::ClawbackHint))}
                value={form.value("clawback_fen")} error={form.error(lang, "clawback_fen")} oninput={setter(&form, "clawback_fen")} />
            <div class="form-actions">
                <button id={format!("{p}-submit")} type="submit" class="button danger" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, StudiosKey::RevokeSubmit) } }
                </button>
            </div>
        </form>
    }
}
