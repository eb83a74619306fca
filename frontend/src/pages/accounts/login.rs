//! `/login`: sign in with mobile number and password; `?next=` says where
//! to go afterwards, `?expired=1` that a session ended in use. Before the
//! last try the page warns and points to the reset by SMS code.

use malanhua_shared::api::{Credentials, mobile_field_code};
use malanhua_shared::{FieldCode, FieldErrors, Mobile};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::session::{LoginQuery, load_signed_in, use_session};
use crate::hooks::title::use_title;
use crate::i18n::{AccountsKey, Lang, LifecycleKey, VerifyKey, t};

/// The fields in the order they appear.
const FIELDS: [&str; 2] = ["mobile", "password"];

/// Where to go after signing in: the `next` page if it is one of ours,
/// else (none) where the person's role works.
fn destination(next: Option<&str>) -> Option<Route> {
    match next.filter(|n| n.starts_with('/') && !n.starts_with("//")).and_then(Route::recognize) {
        Some(Route::NotFound | Route::Login | Route::Register | Route::Reset) | None => None,
        Some(route) => Some(route),
    }
}

/// Checks what can be checked before asking the server.
fn check(credentials: &Credentials) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if let Err(e) = Mobile::parse(&credentials.mobile) {
        errors.insert("mobile".into(), mobile_field_code(e));
    }
    if credentials.password.is_empty() {
        errors.insert("password".into(), FieldCode::Required);
    }
    errors
}

/// The warning after a wrong password when one try or none is left.
fn tries_warning(lang: Lang, failure: Option<&ApiError>) -> Html {
    let left = match failure {
        Some(ApiError::Server { body, .. }) => body.tries_left,
        _ => None,
    };
    let text = match left {
        Some(1) => LifecycleKey::OneTryLeft,
        Some(0) => LifecycleKey::NoTriesLeft,
        _ => return html! {},
    };
    html! {
        <p id="tries-warning" class="alert alert-warning tries-warning" role="alert">
            { t(lang, text) }{ " " }
            <AppLink to={Route::Reset}>{ t(lang, LifecycleKey::ResetBySms) }</AppLink>
        </p>
    }
}

/// Sign in.
#[function_component]
pub fn LoginPage() -> Html {
    let lang = use_lang();
    let form = use_form();
    let session = use_session();
    let navigator = use_navigator();
    let location = use_location();
    use_title(AccountsKey::LoginTitle);

    let query = location.and_then(|l| l.query::<LoginQuery>().ok()).unwrap_or_default();
    let expired = query.expired.is_some();
    let next = query.next;

    let onsubmit = {
        let session = session.clone();
        let next = next.clone();
        on_submit(&form, move |form| {
            let credentials = Credentials { mobile: form.value("mobile"), password: form.value("password") };
            let errors = check(&credentials);
            if let Some(first) = FIELDS.iter().find(|f| errors.contains_key(**f)) {
                focus(first);
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            let next = next.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async { load_signed_in(api::auth::login(&credentials).await?).await }.await;
                super::settle_sign_in(outcome, &session, &form, navigator.as_ref(), destination(next.as_deref()));
            });
        })
    };

    let submitting = form.submitting();
    html! {
        <section class="page narrow">
            <h1>{ t(lang, AccountsKey::LoginTitle) }</h1>
            if expired && !session.signed_in() {
                <p id="session-expired" class="alert alert-warning" role="status">{ t(lang, LifecycleKey::SessionExpired) }</p>
            } else if next.is_some() && !session.signed_in() {
                <p class="alert alert-info">{ t(lang, AccountsKey::LoginToContinue) }</p>
            }
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="form-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
                { tries_warning(lang, form.failure()) }
                <TextField
                    id="mobile"
                    label={t(lang, AccountsKey::Mobile)}
                    input_type="tel"
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("username")}
                    value={form.value("mobile")}
                    error={form.error(lang, "mobile")}
                    oninput={setter(&form, "mobile")}
                />
                <TextField
                    id="password"
                    label={t(lang, AccountsKey::Password)}
                    input_type="password"
                    autocomplete={AttrValue::Static("current-password")}
                    value={form.value("password")}
                    error={form.error(lang, "password")}
                    oninput={setter(&form, "password")}
                />
                <SubmitButton id="submit" label={t(lang, AccountsKey::SubmitLogin)} {submitting} />
            </form>
            <p class="aside"><AppLink id="forgot-password" to={Route::Reset}>{ t(lang, VerifyKey::ForgotPassword) }</AppLink></p>
            <p class="aside"><AppLink to={Route::Register}>{ t(lang, AccountsKey::NoAccount) }</AppLink></p>
        </section>
    }
}
