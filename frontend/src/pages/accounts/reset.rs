//! `/reset`: a new password with a code sent by SMS, then signed in. The
//! same page serves a forgotten password, a sign-in lock-out, and staff
//! taking up the role offered to their mobile.

use malanhua_shared::api::verification::{CodePurpose, PasswordReset};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::code_field::{MobileAndCode, mobile_and_code};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::hooks::form::{FormAction, issues, on_submit, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::session::{load_signed_in, use_session};
use crate::hooks::title::use_title;
use crate::i18n::{AccountsKey, VerifyKey, t};

/// The fields in the order they appear.
const FIELDS: [&str; 4] = ["mobile", "code", "password", "password_confirm"];

/// Prove the mobile, set a password, sign in and go to the dashboard.
#[function_component]
pub fn ResetPage() -> Html {
    let lang = use_lang();
    let form = use_form();
    let session = use_session();
    let navigator = use_navigator();
    use_title(VerifyKey::ResetTitle);

    let onsubmit = {
        on_submit(&form, move |form| {
            let body = PasswordReset {
                mobile: form.value("mobile"),
                code: form.value("code"),
                password: form.value("password"),
            };
            let mut errors = body.validate().err().map(issues).unwrap_or_default();
            super::check_confirmation(form, &body.password, &mut errors);
            if let Some(first) = FIELDS.iter().find(|f| errors.contains_key(**f)) {
                focus(first);
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, session, navigator) = (form.clone(), session.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async { load_signed_in(api::auth::reset(&body).await?).await }.await;
                super::settle_sign_in(outcome, &session, &form, navigator.as_ref(), None);
            });
        })
    };

    let submitting = form.submitting();
    html! {
        <section class="page narrow">
            <h1>{ t(lang, VerifyKey::ResetTitle) }</h1>
            <p class="lead">{ t(lang, VerifyKey::ResetLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="form-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
                { mobile_and_code(lang, &form, MobileAndCode {
                    ids: ("mobile", "code"),
                    label: t(lang, AccountsKey::Mobile),
                    hint: None,
                    autocomplete: "username",
                    purpose: CodePurpose::Reset,
                }) }
                { super::new_password_fields(lang, &form, t(lang, VerifyKey::NewPassword)) }
                <SubmitButton id="submit" label={t(lang, VerifyKey::SubmitReset)} {submitting} />
            </form>
            <p class="aside"><AppLink to={Route::Login}>{ t(lang, AccountsKey::HaveAccount) }</AppLink></p>
        </section>
    }
}
