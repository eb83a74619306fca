//! Changing one's password: the current one, the new one twice. The
//! server's field errors are shown beside the fields.

use std::collections::BTreeMap;

use malanhua_shared::FieldCode;
use malanhua_shared::api::security::PasswordChange;
use yew::prelude::*;

use crate::api;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, on_submit, renamed_failure, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::session::use_session;
use crate::i18n::{LifecycleKey, t};
use crate::pages::accounts::{check_confirmation, new_password_fields};

/// The fields in the order they appear (the new password is `password`,
/// as on sign-up and reset, so their messages apply).
const FIELDS: [&str; 3] = ["old_password", "password", "password_confirm"];

/// Props of [`PasswordForm`].
#[derive(Properties, PartialEq)]
pub struct PasswordFormProps {
    /// Called after the password changed.
    pub on_changed: Callback<()>,
}

/// The change-password form.
#[function_component]
pub fn PasswordForm(props: &PasswordFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let session = use_session();
    let onsubmit = {
        let on_changed = props.on_changed.clone();
        on_submit(&form, move |form| {
            let request =
                PasswordChange { old_password: form.value("old_password"), new_password: form.value("password") };
            let mobile = session.me.as_ref().map(|m| m.mobile.clone()).unwrap_or_default();
            let mut errors: BTreeMap<String, FieldIssue> = BTreeMap::new();
            if let Err(found) = request.validate(&mobile) {
                for (field, code) in found {
                    let field = if field == "new_password" { "password".to_owned() } else { field };
                    errors.insert(field, FieldIssue::Code(code));
                }
            }
            if request.new_password.is_empty() {
                errors.insert("password".into(), FieldIssue::Code(FieldCode::Required));
            }
            check_confirmation(form, &request.new_password, &mut errors);
            if let Some(first) = FIELDS.iter().find(|f| errors.contains_key(**f)) {
                focus(first);
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, on_changed) = (form.clone(), on_changed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::me::change_password(&request).await {
                    Ok(()) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_changed.emit(());
                    }
                    Err(e) => form.dispatch(FormAction::Failed(renamed_failure(e, &[("new_password", "password")]))),
                }
            });
        })
    };
    let submitting = form.submitting();
    html! {
        <section class="panel" aria-labelledby="password-title">
            <h2 id="password-title">{ t(lang, LifecycleKey::PasswordSection) }</h2>
            <p>{ t(lang, LifecycleKey::PasswordLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="password-form-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
                if form.succeeded() {
                    <p id="password-changed" class="alert alert-success" role="status">{ t(lang, LifecycleKey::PasswordChanged) }</p>
                }
                <TextField
                    id="old_password"
                    label={t(lang, LifecycleKey::OldPassword)}
                    input_type="password"
                    autocomplete={AttrValue::Static("current-password")}
                    value={form.value("old_password")}
                    error={form.error(lang, "old_password")}
                    oninput={setter(&form, "old_password")}
                />
                { new_password_fields(lang, &form, t(lang, LifecycleKey::NewPassword)) }
                <SubmitButton id="password-submit" label={t(lang, LifecycleKey::SubmitPassword)} {submitting} />
            </form>
        </section>
    }
}
