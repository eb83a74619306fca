//! `/account`: the signed-in person's credentials: change the password,
//! see where they are signed in, and sign out everywhere.

mod password;
mod sessions;

use yew::prelude::*;

use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::title::use_title;
use crate::i18n::{LifecycleKey, t};

/// `/account` (signed in only).
#[function_component]
pub fn AccountPage() -> Html {
    use_title(LifecycleKey::AccountTitle);
    let lang = use_lang();
    // Bumped after the password changed: the other sessions are gone.
    let reload = use_state(|| 0_u32);
    let on_changed = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(reload.wrapping_add(1)))
    };
    html! {
        <RequireSignIn>
            <div class="page narrow">
                <h1>{ t(lang, LifecycleKey::AccountTitle) }</h1>
                <password::PasswordForm {on_changed} />
                <sessions::SessionsSection reload={*reload} />
            </div>
        </RequireSignIn>
    }
}
