//! Accounts: the home page and dashboard, signing up and in, setting a
//! password by SMS code, the profile
//! and the administration of staff accounts.

pub mod account;
pub mod admin;
pub mod home;
pub mod login;
pub mod profile;
pub mod register;
pub mod reset;

use std::collections::BTreeMap;

use malanhua_shared::Role;
use malanhua_shared::api::{Me, TokenResponse};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::ApiError;
use crate::app::Route;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, Form, FormAction, setter};
use crate::hooks::session::{SessionHandle, sign_in};
use crate::i18n::{self, AccountsKey, Lang, t};

/// Marks `password_confirm` when it differs from the password typed.
pub(crate) fn check_confirmation(form: &Form, password: &str, errors: &mut BTreeMap<String, FieldIssue>) {
    if !password.is_empty() && form.value("password_confirm") != password {
        errors.insert("password_confirm".into(), FieldIssue::Mismatch);
    }
}

/// Where a person starts work after signing in: the officer's worklist,
/// the institution's classes, the administration, the mentor's workspace,
/// or (a trainee) their classes. The first role in that order wins.
pub(crate) fn home_for(me: &Me) -> Route {
    let has = |role: Role| me.roles.iter().any(|g| g.role == role);
    if has(Role::BureauOfficer) {
        Route::BureauClaims
    } else if has(Role::InstitutionStaff) {
        Route::Institution
    } else if has(Role::Admin) {
        Route::Admin
    } else if has(Role::Mentor) {
        Route::MentorWorkspace
    } else {
        Route::MyClasses
    }
}

/// After signing up, in or a reset: signed in and on to `to` (or, given
/// none, to where the person's role works), or the form shows why not.
pub(crate) fn settle_sign_in(
    outcome: Result<(TokenResponse, Me), ApiError>,
    session: &SessionHandle,
    form: &UseReducerHandle<Form>,
    navigator: Option<&Navigator>,
    to: Option<Route>,
) {
    match outcome {
        Ok((token, me)) => {
            let to = to.unwrap_or_else(|| home_for(&me));
            sign_in(session, token.token, me);
            form.dispatch(FormAction::Succeeded { clear: true });
            if let Some(navigator) = navigator {
                navigator.push(&to);
            }
        }
        Err(error) => form.dispatch(FormAction::Failed(error)),
    }
}

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
