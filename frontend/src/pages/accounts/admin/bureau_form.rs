//! Creating a bureau officer's account (admins).

use std::rc::Rc;

use malanhua_shared::api::NewBureauAccount;
use malanhua_shared::api::verification::StaffInvitation;
use yew::prelude::*;

use super::{created_message, focus_first, person_fields};
use crate::api::{self};
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::submit_button::SubmitButton;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{AccountsKey, t};

/// Props of the account forms.
#[derive(Properties, PartialEq)]
pub(super) struct BureauFormProps {
    /// Called with the offer made.
    pub on_created: Callback<StaffInvitation>,
}

/// The bureau fields in the order they appear.
const BUREAU_FIELDS: [&str; 3] = ["mobile", "real_name", "region"];

/// "Create bureau account" (admins).
#[function_component]
pub(super) fn BureauForm(props: &BureauFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Rc<StaffInvitation>>);

    let onsubmit = {
        let created = created.clone();
        let on_created = props.on_created.clone();
        on_submit(&form, move |form| {
            let body = NewBureauAccount {
                mobile: form.value("mobile"),
                real_name: form.value("real_name"),
                region: form.value("region"),
            };
            if let Err(errors) = body.validate() {
                focus_first("bureau", &BUREAU_FIELDS, &errors);
                created.set(None);
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            created.set(None);
            let form = form.clone();
            let created = created.clone();
            let on_created = on_created.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::admin::create_bureau_account(&body).await {
                    Ok(account) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        created.set(Some(Rc::new(account.clone())));
                        on_created.emit(account);
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };

    let submitting = form.submitting();
    html! {
        <section class="panel" aria-labelledby="bureau-title">
            <h2 id="bureau-title">{ t(lang, AccountsKey::BureauFormTitle) }</h2>
            <p>{ t(lang, AccountsKey::BureauFormLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="bureau-form-error" failure={form.failure().cloned()} others={form.other_errors(&BUREAU_FIELDS)} />
                if let Some(account) = &*created {
                    <p id="bureau-created" class="alert alert-success" role="status">
                        { created_message(lang, account) }
                    </p>
                }
                { person_fields(lang, &form, "bureau") }
                <RegionPicker
                    id_prefix="bureau-region"
                    legend={t(lang, AccountsKey::BureauRegion)}
                    value={form.value("region")}
                    error={form.error(lang, "region")}
                    onchange={setter(&form, "region")}
                />
                <SubmitButton id="bureau-submit" label={t(lang, AccountsKey::CreateBureau)} {submitting} />
            </form>
        </section>
    }
}
