//! A form that asks for a reason before an irreversible action (cancel a
//! class, revoke a certificate): the reason is checked with the shared rule
//! before sending, and the server's answer is shown like every other form's.

use malanhua_shared::api::classes::{ReasonRequest, check_reason};
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{CommonKey, Text, t};

/// The action to run with the checked reason; it answers through the callback it is given.
pub type ReasonAction = Callback<(ReasonRequest, Callback<Result<(), ApiError>>)>;

/// Props of [`ReasonForm`].
#[derive(Properties, PartialEq)]
pub struct ReasonFormProps {
    /// Id prefix: the input is `<prefix>-reason`, the button `<prefix>-submit`.
    pub prefix: AttrValue,
    /// Id of the form-level error.
    pub error_id: AttrValue,
    /// Heading.
    pub title: Text,
    /// Explanation under the heading.
    pub lead: Text,
    /// Label of the button.
    pub submit_label: Text,
    /// Extra classes of the panel.
    #[prop_or_default]
    pub class: Classes,
    /// Runs the action.
    pub action: ReasonAction,
    /// Called after the action succeeded.
    pub on_done: Callback<()>,
}

/// A panel with a reason field and a danger button.
#[function_component]
pub fn ReasonForm(props: &ReasonFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let input_id = format!("{}-reason", props.prefix);
    let onsubmit = {
        let form = form.clone();
        let input_id = input_id.clone();
        let action = props.action.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let reason = match check_reason(&form.value("reason")) {
                Ok(reason) => reason,
                Err(code) => {
                    focus(&input_id);
                    form.dispatch(FormAction::Invalid([("reason".to_owned(), FieldIssue::Code(code))].into()));
                    return;
                }
            };
            form.dispatch(FormAction::Submit);
            let (form, on_done) = (form.clone(), on_done.clone());
            action.emit((
                ReasonRequest { reason },
                Callback::from(move |result: Result<(), ApiError>| match result {
                    Ok(()) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_done.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }),
            ));
        })
    };
    let submitting = form.submitting();
    let title_id = format!("{}-title", props.prefix);
    html! {
        <section class={classes!("panel", "panel-danger", props.class.clone())} aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ t(lang, props.title) }</h2>
            <p>{ t(lang, props.lead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id={props.error_id.clone()} failure={form.failure().cloned()} others={form.other_errors(&["reason"])} />
                <TextField
                    id={input_id}
                    label={t(lang, CommonKey::Reason)}
                    maxlength={500}
                    value={form.value("reason")}
                    error={form.error(lang, "reason")}
                    oninput={setter(&form, "reason")}
                />
                <div class="form-actions">
                    <button id={format!("{}-submit", props.prefix)} type="submit" class="button danger" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, props.submit_label) } }
                    </button>
                </div>
            </form>
        </section>
    }
}
