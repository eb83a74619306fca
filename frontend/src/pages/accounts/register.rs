//! `/register`: a trainee account from a mobile number proved by an SMS
//! code, a password, and consent to the privacy notice.

use malanhua_shared::api::Credentials;
use malanhua_shared::api::verification::{CodePurpose, Registration};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::checkbox_field::CheckboxField;
use crate::components::code_field::{MobileAndCode, mobile_and_code};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{AccountsKey, VerifyKey, t};

/// The fields in the order they appear.
const FIELDS: [&str; 5] = ["mobile", "code", "password", "password_confirm", "privacy_consent"];

/// Sign up, then sign in and go to the profile.
#[function_component]
pub fn RegisterPage() -> Html {
    let lang = use_lang();
    let form = use_form();
    let session = use_session();
    let navigator = use_navigator();
    use_title(AccountsKey::RegisterTitle);

    let onsubmit = {
        on_submit(&form, move |form| {
            let body = Registration {
                mobile: form.value("mobile"),
                password: form.value("password"),
                code: form.value("code"),
                privacy_consent: form.value("privacy_consent") == "true",
            };
            let mut errors = body.validate().err().map(issues).unwrap_or_default();
            super::check_confirmation(form, &body.password, &mut errors);
            if let Some(first) = FIELDS.iter().find(|f| errors.contains_key(**f)) {
                focus(first);
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async {
                    let me = api::auth::register(&body).await?;
                    let credentials = Credentials { mobile: body.mobile.clone(), password: body.password.clone() };
                    let token = api::auth::login(&credentials).await?;
                    Ok::<_, api::ApiError>((token, me))
                }
                .await;
                super::settle_sign_in(outcome, &session, &form, navigator.as_ref(), Some(Route::Profile));
            });
        })
    };

    let submitting = form.submitting();
    html! {
        <section class="page narrow">
            <h1>{ t(lang, AccountsKey::RegisterTitle) }</h1>
            <p class="lead">{ t(lang, AccountsKey::RegisterLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="form-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
                { mobile_and_code(lang, &form, MobileAndCode {
                    ids: ("mobile", "code"),
                    label: t(lang, AccountsKey::Mobile),
                    hint: Some(t(lang, AccountsKey::MobileHint)),
                    autocomplete: "tel",
                    purpose: CodePurpose::Register,
                }) }
                { super::new_password_fields(lang, &form, t(lang, AccountsKey::Password)) }
                <CheckboxField
                    id="privacy_consent"
                    label={t(lang, VerifyKey::PrivacyConsent)}
                    checked={form.value("privacy_consent") == "true"}
                    error={form.error(lang, "privacy_consent")}
                    onchange={setter(&form, "privacy_consent").reform(|on: bool| on.to_string())}
                />
                <SubmitButton id="submit" label={t(lang, AccountsKey::SubmitRegister)} {submitting} />
            </form>
            <p class="aside"><AppLink to={Route::Login}>{ t(lang, AccountsKey::HaveAccount) }</AppLink></p>
        </section>
    }
}
