//! A form's primary submit button in its `form-actions` row: disabled and
//! `aria-busy` while the form is being sent, with "提交中…" as its label then.

use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::i18n::{CommonKey, t};

/// Props of [`SubmitButton`].
#[derive(Properties, PartialEq)]
pub struct SubmitButtonProps {
    /// The button's id.
    pub id: AttrValue,
    /// The label when idle.
    pub label: AttrValue,
    /// The form is being sent.
    pub submitting: bool,
}

/// `<div class="form-actions"><button type="submit" …>`.
#[function_component]
pub fn SubmitButton(props: &SubmitButtonProps) -> Html {
    let lang = use_lang();
    let submitting = props.submitting;
    html! {
        <div class="form-actions">
            <button id={props.id.clone()} type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                { if submitting { AttrValue::Static(t(lang, CommonKey::Submitting)) } else { props.label.clone() } }
            </button>
        </div>
    }
}
