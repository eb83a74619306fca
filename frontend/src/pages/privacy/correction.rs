//! The bureau's correction of a squatted resident ID: the mobile of the
//! rightful account, the profile as on the ID card, and the reason. Each
//! field's error is shown beside it; the answer names the masked ID and
//! whether it was taken from another account.

use malanhua_shared::api::ProfileRequest;
use malanhua_shared::api::privacy::{CorrectionDone, ResidentIdCorrection};
use malanhua_shared::{ErrorCode, RegionCode};
use yew::prelude::*;

use crate::api;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::idempotency::use_idempotency_keys;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, AccountsKey, CommonKey, PrivacyKey, t};

/// The fields in the order they appear, with the element to focus.
const FIELDS: [(&str, &str); 5] = [
    ("mobile", "fix-mobile"),
    ("real_name", "fix-real_name"),
    ("resident_id", "fix-resident_id"),
    ("region", "fix-region-province"),
    ("reason", "fix-reason"),
];

/// Props of [`CorrectionForm`].
#[derive(Properties, PartialEq)]
pub(super) struct CorrectionFormProps {
    /// The officer's regions: the person's home region is chosen inside them.
    pub regions: Vec<RegionCode>,
}

/// Binds a resident ID to its rightful account.
#[function_component]
pub(super) fn CorrectionForm(props: &CorrectionFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let keys = use_idempotency_keys();
    let done = use_state(|| None::<CorrectionDone>);
    let onsubmit = {
        let done = done.clone();
        on_submit(&form, move |form| {
            let body = ResidentIdCorrection {
                mobile: form.value("mobile"),
                profile: ProfileRequest {
                    real_name: form.value("real_name"),
                    resident_id: form.value("resident_id"),
                    region: form.value("region"),
                },
                reason: form.value("reason"),
            };
            if let Err(errors) = body.validate() {
                if let Some((_, id)) = FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            done.set(None);
            let intent = serde_json::to_string(&body).unwrap_or_default();
            let key = keys.key_for(&intent);
            let (form, done, keys) = (form.clone(), done.clone(), keys.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::privacy::correct_resident_id(&body, &key).await;
                keys.settle(&intent, &result);
                match result {
                    Ok(answer) => {
                        // The full ID is not kept on screen once bound.
                        form.dispatch(FormAction::Succeeded { clear: true });
                        done.set(Some(answer));
                    }
                    Err(error) => {
                        if let Some((_, id)) = FIELDS.iter().find(|(f, _)| error.fields().contains_key(*f)) {
                            focus(id);
                        }
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        })
    };
    let shown: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
    let submitting = form.submitting();
    // A 409 here means the ID is this account's already, or its holder has certificates.
    let conflict = form.failure().is_some_and(|e| e.is(ErrorCode::Conflict));
    html! {
        <section class="panel" aria-labelledby="fix-title" id="resident-id-correction">
            <h2 id="fix-title">{ t(lang, PrivacyKey::CorrectionTitle) }</h2>
            <p>{ t(lang, PrivacyKey::CorrectionLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                if conflict {
                    <p id="fix-error" class="alert alert-error" role="alert">{ t(lang, PrivacyKey::AlreadyBound) }</p>
                } else {
                    <FormError id="fix-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
                }
                if let Some(answer) = &*done {
                    <p id="fix-done" class="alert alert-success" role="status">
                        { if answer.taken_from.is_some() {
                            i18n::correction_done_taken(lang, &answer.resident_id_masked)
                        } else {
                            i18n::correction_done(lang, &answer.resident_id_masked)
                        } }
                    </p>
                }
                <TextField
                    id="fix-mobile"
                    label={t(lang, PrivacyKey::RightfulMobile)}
                    hint={AttrValue::from(t(lang, PrivacyKey::RightfulMobileHint))}
                    input_type="tel"
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("mobile")}
                    error={form.error(lang, "mobile")}
                    oninput={setter(&form, "mobile")}
                />
                <TextField
                    id="fix-real_name"
                    label={t(lang, AccountsKey::RealName)}
                    hint={AttrValue::from(t(lang, PrivacyKey::CardNameHint))}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("real_name")}
                    error={form.error(lang, "real_name")}
                    oninput={setter(&form, "real_name")}
                />
                <TextField
                    id="fix-resident_id"
                    label={t(lang, AccountsKey::ResidentId)}
                    hint={AttrValue::from(t(lang, PrivacyKey::CardIdHint))}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("resident_id")}
                    error={form.error(lang, "resident_id")}
                    oninput={setter(&form, "resident_id")}
                />
                <RegionPicker
                    id_prefix="fix-region"
                    legend={t(lang, AccountsKey::Region)}
                    hint={AttrValue::from(t(lang, PrivacyKey::CardRegionHint))}
                    value={form.value("region")}
                    error={form.error(lang, "region")}
                    scope={props.regions.clone()}
                    onchange={setter(&form, "region")}
                />
                <TextField
                    id="fix-reason"
                    label={t(lang, CommonKey::Reason)}
                    hint={AttrValue::from(t(lang, PrivacyKey::CorrectionReasonHint))}
                    rows={3}
                    maxlength={500}
                    value={form.value("reason")}
                    error={form.error(lang, "reason")}
                    oninput={setter(&form, "reason")}
                />
                <div class="form-actions">
                    <button id="fix-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, PrivacyKey::SubmitCorrection) } }
                    </button>
                </div>
            </form>
        </section>
    }
}
