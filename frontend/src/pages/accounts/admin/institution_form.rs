//! Creating an institution's staff account (admins, and officers for their region).

use std::rc::Rc;

use malanhua_shared::RegionCode;
use malanhua_shared::api::NewInstitutionAccount;
use malanhua_shared::api::verification::StaffInvitation;
use yew::prelude::*;

use super::{created_message, focus_first, person_fields};
use crate::api::{self};
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{AccountsKey, t};

/// Props of [`InstitutionForm`].
#[derive(Properties, PartialEq)]
pub(super) struct InstitutionFormProps {
    /// Called with the offer made.
    pub on_created: Callback<StaffInvitation>,
    /// The officer's regions; empty for admins.
    pub scope: Vec<RegionCode>,
}

/// The institution fields in the order they appear.
const INST_FIELDS: [&str; 4] = ["institution_name", "region", "mobile", "real_name"];

/// "Create institution account" (admins, and officers for their region).
#[function_component]
pub(super) fn InstitutionForm(props: &InstitutionFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Rc<StaffInvitation>>);

    // An officer of one region starts with that region chosen.
    {
        let form = form.clone();
        use_effect_with(props.scope.clone(), move |scope| {
            if let [only] = scope.as_slice() {
                form.dispatch(FormAction::Set("region", only.as_str().to_owned()));
            }
        });
    }

    let onsubmit = {
        let created = created.clone();
        let on_created = props.on_created.clone();
        let scope = props.scope.clone();
        on_submit(&form, move |form| {
            let body = NewInstitutionAccount {
                institution_name: form.value("institution_name"),
                region: form.value("region"),
                mobile: form.value("mobile"),
                real_name: form.value("real_name"),
            };
            if let Err(errors) = body.validate() {
                focus_first("inst", &INST_FIELDS, &errors);
                created.set(None);
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            created.set(None);
            let form = form.clone();
            let created = created.clone();
            let on_created = on_created.clone();
            let keep_region = match scope.as_slice() {
                [only] => Some(only.as_str().to_owned()),
                _ => None,
            };
            wasm_bindgen_futures::spawn_local(async move {
                match api::admin::create_institution_account(&body).await {
                    Ok(account) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        if let Some(region) = keep_region {
                            form.dispatch(FormAction::Set("region", region));
                        }
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
        <section class="panel" aria-labelledby="inst-title">
            <h2 id="inst-title">{ t(lang, AccountsKey::InstFormTitle) }</h2>
            <p>{ t(lang, AccountsKey::InstFormLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="inst-form-error" failure={form.failure().cloned()} others={form.other_errors(&INST_FIELDS)} />
                if let Some(account) = &*created {
                    <p id="inst-created" class="alert alert-success" role="status">
                        { created_message(lang, account) }
                    </p>
                }
                <TextField
                    id="inst-institution_name"
                    label={t(lang, AccountsKey::InstitutionName)}
                    autocomplete={AttrValue::Static("organization")}
                    value={form.value("institution_name")}
                    error={form.error(lang, "institution_name")}
                    oninput={setter(&form, "institution_name")}
                />
                <RegionPicker
                    id_prefix="inst-region"
                    legend={t(lang, AccountsKey::InstitutionRegion)}
                    value={form.value("region")}
                    error={form.error(lang, "region")}
                    onchange={setter(&form, "region")}
                    scope={props.scope.clone()}
                />
                { person_fields(lang, &form, "inst") }
                <SubmitButton id="inst-submit" label={t(lang, AccountsKey::CreateInstitution)} {submitting} />
            </form>
        </section>
    }
}
