//! An officer records that a recovered subsidy (追回) came back.

use std::rc::Rc;

use malanhua_shared::FieldErrors;
use malanhua_shared::api::subsidies::{ClaimDetail, RecoveryRequest, check_payment_ref};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{SubsidiesKey, t};
use crate::pages::subsidies::my_subsidies::read_date;

/// Props of [`RecoveryForm`].
#[derive(Properties, PartialEq)]
pub(super) struct RecoveryFormProps {
    /// The claim.
    pub claim_id: String,
    /// Shows the claim as the server returned it.
    pub on_change: Callback<Rc<ClaimDetail>>,
}

/// The reference and date of the returned money.
#[function_component]
pub(super) fn RecoveryForm(props: &RecoveryFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let onsubmit = {
        let (sending, id, on_change) = (sending.clone(), props.claim_id.clone(), props.on_change.clone());
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let recovered_on = read_date(&form.value("recovered_on"), "recovered_on", &mut errors);
            if let Err(code) = check_payment_ref(&form.value("reference")) {
                errors.insert("reference".to_owned(), code);
            }
            if !errors.is_empty() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let body = RecoveryRequest { reference: form.value("reference"), recovered_on };
            form.dispatch(FormAction::Submit);
            let (form, id, on_change) = (form.clone(), id.clone(), on_change.clone());
            let intent = format!("recovery {id} {} {:?}", body.reference, body.recovered_on);
            sending.run(
                intent,
                move |key| async move { api::subsidies::record_recovery(&id, &body, &key).await },
                move |r| match r {
                    Ok(detail) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_change.emit(Rc::new(detail));
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                },
            );
        })
    };
    html! {
        <section class="panel" aria-labelledby="recovery-title">
            <h2 id="recovery-title">{ t(lang, SubsidiesKey::RecordRecoveryTitle) }</h2>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="recovery-error" failure={form.failure().cloned()} others={form.other_errors(&["reference", "recovered_on"])} />
                <TextField id="recovery-ref" label={t(lang, SubsidiesKey::RecoveryRef)} value={form.value("reference")}
                    error={form.error(lang, "reference")} oninput={setter(&form, "reference")} />
                <TextField id="recovery-on" label={t(lang, SubsidiesKey::RecoveredOn)} input_type="date" required={false}
                    value={form.value("recovered_on")} error={form.error(lang, "recovered_on")}
                    oninput={setter(&form, "recovered_on")} />
                <SubmitButton id="recovery-submit" label={t(lang, SubsidiesKey::RecordRecovery)} submitting={form.submitting()} />
            </form>
        </section>
    }
}
