//! The list of a page's keyboard shortcuts, in a modal `<dialog>` that `?`
//! opens and Escape or its button closes.

use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::hooks::modal::use_modal;
use crate::i18n::{WorklistKey, t};

/// Props of [`ShortcutHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutHelpProps {
    /// Shown.
    pub open: bool,
    /// Each key and what it does.
    pub keys: Vec<(&'static str, &'static str)>,
    /// Called when it is closed.
    pub on_close: Callback<()>,
}

/// The shortcuts dialog (id `shortcut-help`).
#[function_component]
pub fn ShortcutHelp(props: &ShortcutHelpProps) -> Html {
    let lang = use_lang();
    let node = use_modal(props.open);
    let close = props.on_close.clone();
    let oncancel = close.reform(|e: Event| e.prevent_default());
    html! {
        <dialog ref={node} id="shortcut-help" class="confirm-dialog" aria-labelledby="shortcut-help-title" {oncancel}>
            <h2 id="shortcut-help-title">{ t(lang, WorklistKey::ShortcutsTitle) }</h2>
            <dl class="shortcut-list">
                { for props.keys.iter().map(|(key, what)| html! { <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></> }) }
            </dl>
            <div class="form-actions">
                <button id="shortcut-help-close" type="button" class="button secondary" autofocus=true onclick={close.reform(|_: MouseEvent| ())}>
                    { t(lang, WorklistKey::Close) }
                </button>
            </div>
        </dialog>
    }
}
