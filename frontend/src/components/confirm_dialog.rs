//! The question before what cannot be undone: a modal `<dialog>` that says
//! what will happen, with the action and a way back. Opening it moves
//! focus to the way back (the safe choice); Escape closes it as the way
//! back does, and either gives the focus back to the control that opened it.

use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::hooks::modal::use_modal;
use crate::i18n::{CommonKey, t};

/// Props of [`ConfirmDialog`].
#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// The dialog's id; its buttons are `<id>-confirm` and `<id>-cancel`.
    pub id: AttrValue,
    /// Whether it is shown.
    pub open: bool,
    /// The question.
    pub title: AttrValue,
    /// What will happen.
    pub body: AttrValue,
    /// The action's label.
    pub confirm_label: AttrValue,
    /// Whether the action destroys or refuses something (a red button).
    #[prop_or(true)]
    pub danger: bool,
    /// Called when the person confirms.
    pub on_confirm: Callback<()>,
    /// Called when they go back (button or Escape).
    pub on_cancel: Callback<()>,
    /// The id of the control that opened the dialog; going back focuses it.
    pub opener: AttrValue,
}

/// A modal question with the action and a way back.
#[function_component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let lang = use_lang();
    let node = use_modal(props.open);
    let title_id = format!("{}-title", props.id);
    let body_id = format!("{}-body", props.id);
    // Escape: the browser would close the dialog itself; the owner decides.
    let go_back = {
        let (on_cancel, opener) = (props.on_cancel.clone(), props.opener.clone());
        Callback::from(move |()| {
            on_cancel.emit(());
            crate::components::focus(&opener);
        })
    };
    let oncancel = go_back.reform(|e: Event| e.prevent_default());
    let confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let cancel = go_back.reform(|_: MouseEvent| ());
    html! {
        <dialog ref={node} id={props.id.clone()} class="confirm-dialog" aria-labelledby={title_id.clone()}
            aria-describedby={body_id.clone()} {oncancel}>
            <h2 id={title_id}>{ props.title.clone() }</h2>
            <p id={body_id}>{ props.body.clone() }</p>
            <div class="form-actions action-buttons">
                <button id={format!("{}-confirm", props.id)} type="button"
                    class={classes!("button", if props.danger { "danger" } else { "primary" })} onclick={confirm}>
                    { props.confirm_label.clone() }
                </button>
                <button id={format!("{}-cancel", props.id)} type="button" class="button secondary" autofocus=true onclick={cancel}>
                    { t(lang, CommonKey::KeepAsIs) }
                </button>
            </div>
        </dialog>
    }
}
