//! Revoking a staff role from the staff list: a reason, then a
//! confirmation, then the call; the person's sessions end at once.

use malanhua_shared::api::StaffAccount;
use malanhua_shared::api::security::RoleRevocation;
use yew::prelude::*;

use crate::api;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, CommonKey, LifecycleKey, t};

/// Props of [`RevokePanel`].
#[derive(Properties, PartialEq)]
pub struct RevokePanelProps {
    /// The role to take away.
    pub account: StaffAccount,
    /// Called after the role was revoked.
    pub on_done: Callback<()>,
    /// Called when the person changes their mind.
    pub on_cancel: Callback<()>,
}

/// The reason, then "Revoke the role … from …?" with confirm and cancel.
#[function_component]
pub fn RevokePanel(props: &RevokePanelProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let confirming = use_state(|| false);
    let request = RoleRevocation { role: props.account.role, reason: form.value("reason") };

    let onsubmit = {
        let (confirming, request) = (confirming.clone(), request.clone());
        on_submit(&form, move |form| match request.validate() {
            Ok(_) => {
                confirming.set(true);
                focus("revoke-confirm");
            }
            Err(errors) => {
                focus("revoke-reason");
                form.dispatch(FormAction::Invalid(issues(errors)));
            }
        })
    };
    let on_confirm = {
        let (form, confirming, on_done) = (form.clone(), confirming.clone(), props.on_done.clone());
        let user = props.account.user_id.clone();
        Callback::from(move |_: MouseEvent| {
            if form.submitting() {
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, confirming, on_done, user, request) =
                (form.clone(), confirming.clone(), on_done.clone(), user.clone(), request.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::admin::revoke_role(&user, &request).await {
                    Ok(()) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_done.emit(());
                    }
                    Err(e) => {
                        confirming.set(false);
                        form.dispatch(FormAction::Failed(e));
                    }
                }
            });
        })
    };
    let on_back = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let name = props.account.real_name.clone().unwrap_or_else(|| props.account.mobile_masked.clone());
    let role = i18n::role_name(lang, props.account.role);
    let submitting = form.submitting();
    html! {
        <section id="revoke-panel" class="panel panel-danger" aria-labelledby="revoke-title">
            <h2 id="revoke-title">{ t(lang, LifecycleKey::RevokeTitle) }</h2>
            <p>{ t(lang, LifecycleKey::RevokeLead) }</p>
            <p><strong>{ format!("{name} · {role}") }</strong></p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="revoke-error" failure={form.failure().cloned()} others={form.other_errors(&["reason"])} />
                <TextField
                    id="revoke-reason"
                    label={t(lang, CommonKey::Reason)}
                    maxlength={500}
                    value={form.value("reason")}
                    error={form.error(lang, "reason")}
                    oninput={setter(&form, "reason")}
                />
                if *confirming {
                    <div class="alert alert-warning" role="alert">
                        <p id="revoke-question">{ i18n::revoke_question(lang, &name, role) }</p>
                        <div class="form-actions">
                            <button id="revoke-confirm" type="button" class="button danger" onclick={on_confirm} disabled={submitting} aria-busy={submitting.then_some("true")}>
                                { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, LifecycleKey::RevokeConfirm) } }
                            </button>
                            <button id="revoke-back" type="button" class="button" onclick={on_back}>{ t(lang, LifecycleKey::RevokeCancel) }</button>
                        </div>
                    </div>
                } else {
                    <div class="form-actions">
                        <button id="revoke-submit" type="submit" class="button danger">{ t(lang, LifecycleKey::RevokeSubmit) }</button>
                        <button id="revoke-cancel" type="button" class="button" onclick={on_cancel}>{ t(lang, LifecycleKey::RevokeCancel) }</button>
                    </div>
                }
            </form>
        </section>
    }
}
