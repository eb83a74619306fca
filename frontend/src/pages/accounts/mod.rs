//! Accounts: the home page and dashboard, signing up and in, setting a
//! password by SMS code, the profile
//! and the administration of staff accounts.

pub mod admin;
pub mod home;
pub mod login;
pub mod profile;
pub mod register;
pub mod reset;

use yew::prelude::*;

use crate::components::text_field::TextField;
use crate::hooks::form::{Form, setter};
use crate::i18n::{self, AccountsKey, Lang, t};

/// The new password and its confirmation (`password`, `password_confirm`),
/// as sign-up and reset ask for them; `label` names the first.
pub(crate) fn new_password_fields(lang: Lang, form: &UseReducerHandle<Form>, label: &'static str) -> Html {
    let min = malanhua_shared::password::MIN_CHARS.to_string();
    html! {
        <>
            <TextField
                id="password"
                label={label}
                hint={AttrValue::from(i18n::password_hint(lang, &min))}
                input_type="password"
                autocomplete={AttrValue::Static("new-password")}
                value={form.value("password")}
                error={form.error(lang, "password")}
                oninput={setter(form, "password")}
            />
            <TextField
                id="password_confirm"
                label={t(lang, AccountsKey::PasswordConfirm)}
                input_type="password"
                autocomplete={AttrValue::Static("new-password")}
                value={form.value("password_confirm")}
                error={form.error(lang, "password_confirm")}
                oninput={setter(form, "password_confirm")}
            />
        </>
    }
}
