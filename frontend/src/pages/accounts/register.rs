//! `/register`: a trainee account from a mobile number and a password.

use malanhua_shared::api::Credentials;
use malanhua_shared::password::MIN_CHARS;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::session::{sign_in, use_session};
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, t};

/// The fields in the order they appear.
const FIELDS: [&str; 3] = ["mobile", "password", "password_confirm"];

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
            let credentials = Credentials { mobile: form.value("mobile"), password: form.value("password") };
            let mut errors = credentials.validate_new().err().map(issues).unwrap_or_default();
            if !credentials.password.is_empty() && form.value("password_confirm") != credentials.password {
                errors.insert("password_confirm".into(), FieldIssue::Mismatch);
            }
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
                    let me = api::auth::register(&credentials).await?;
                    let token = api::auth::login(&credentials).await?;
                    Ok::<_, api::ApiError>((me, token))
                }
                .await;
                match outcome {
                    Ok((me, token)) => {
                        sign_in(&session, token.token, me);
                        form.dispatch(FormAction::Succeeded { clear: true });
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Profile);
                        }
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
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
                <TextField
                    id="mobile"
                    label={t(lang, AccountsKey::Mobile)}
                    hint={AttrValue::from(t(lang, AccountsKey::MobileHint))}
                    input_type="tel"
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("tel")}
                    value={form.value("mobile")}
                    error={form.error(lang, "mobile")}
                    oninput={setter(&form, "mobile")}
                />
                <TextField
                    id="password"
                    label={t(lang, AccountsKey::Password)}
                    hint={AttrValue::from(i18n::password_hint(lang, &MIN_CHARS.to_string()))}
                    input_type="password"
                    autocomplete={AttrValue::Static("new-password")}
                    value={form.value("password")}
                    error={form.error(lang, "password")}
                    oninput={setter(&form, "password")}
                />
                <TextField
                    id="password_confirm"
                    label={t(lang, AccountsKey::PasswordConfirm)}
                    input_type="password"
                    autocomplete={AttrValue::Static("new-password")}
                    value={form.value("password_confirm")}
                    error={form.error(lang, "password_confirm")}
                    oninput={setter(&form, "password_confirm")}
                />
                <SubmitButton id="submit" label={t(lang, AccountsKey::SubmitRegister)} {submitting} />
            </form>
            <p class="aside"><AppLink to={Route::Login}>{ t(lang, AccountsKey::HaveAccount) }</AppLink></p>
        </section>
    }
}
