//! One action, with its reason or payment reference, on every ticked claim.
//! Only the actions every ticked claim's stage admits are offered; with
//! nothing ticked the bar is one line.

use std::collections::BTreeSet;

use malanhua_shared::ClaimId;
use malanhua_shared::api::subsidies::{
    BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimStatus, ClaimSummary, actions_for_all,
};
use malanhua_shared::{FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, AccountsKey, CommonKey, SubsidiesKey, WorklistKey, t};

/// The bulk bar's fields, with their inputs, in the order they appear.
const BULK_FIELDS: [(&str, &str); 4] = [
    ("action", "bulk-action"),
    ("claim_ids", "bulk-action"),
    ("reason", "bulk-reason"),
    ("payment_ref", "bulk-payment-ref"),
];

/// Props of [`BulkBar`].
#[derive(Properties, PartialEq)]
pub(super) struct BulkBarProps {
    /// The claims ticked.
    pub selected: BTreeSet<ClaimId>,
    /// The claims listed (the ticked ones are sent in list order).
    pub items: Vec<ClaimSummary>,
    /// Called with the result of each claim.
    pub on_results: Callback<Vec<BulkResult>>,
}

/// One action, its reason or payment reference, for every ticked claim.
#[function_component]
pub(super) fn BulkBar(props: &BulkBarProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let statuses: Vec<ClaimStatus> =
        props.items.iter().filter(|c| props.selected.contains(&c.id)).map(|c| c.status).collect();
    let offered = actions_for_all(&statuses);
    // What the officer asked for, checked, waiting for the confirmation.
    let asking = use_state(|| None::<BulkActionRequest>);
    let onsubmit = {
        let (form, asking) = (form.clone(), asking.clone());
        let claim_ids: Vec<ClaimId> =
            props.items.iter().filter(|c| props.selected.contains(&c.id)).map(|c| c.id.clone()).collect();
        let offered = offered.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let mut errors = FieldErrors::new();
            let action = ClaimAction::from_name(&form.value("action")).filter(|a| offered.contains(a));
            if action.is_none() {
                errors.insert("action".to_owned(), FieldCode::Required);
            }
            if claim_ids.is_empty() {
                errors.insert("claim_ids".to_owned(), FieldCode::Required);
            }
            let checked = action.map(|action| {
                let typed = ClaimActionRequest {
                    action,
                    reason: Some(form.value("reason")),
                    payment_ref: Some(form.value("payment_ref")),
                    paid_on: None,
                };
                typed.validate().map_err(|mut fields| errors.append(&mut fields)).ok()
            });
            let Some(action) = checked.flatten().filter(|_| errors.is_empty()) else {
                if let Some((_, id)) = BULK_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            };
            asking.set(Some(BulkActionRequest { action, claim_ids: claim_ids.clone() }));
        })
    };
    let on_confirm = {
        let (form, sending, asking) = (form.clone(), sending.clone(), asking.clone());
        let on_results = props.on_results.clone();
        Callback::from(move |()| {
            let Some(body) = (*asking).clone() else {
                return;
            };
            asking.set(None);
            form.dispatch(FormAction::Submit);
            let (form, on_results) = (form.clone(), on_results.clone());
            sending.run(
                format!("bulk {}", serde_json::to_string(&body).unwrap_or_default()),
                move |key| async move { api::subsidies::bulk(&body, &key).await },
                move |result| match result {
                    Ok(list) => {
                        form.dispatch(FormAction::Succeeded { clear: false });
                        on_results.emit(list);
                        focus("bulk-results");
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                },
            );
        })
    };
    let dialog = match &*asking {
        Some(body) => {
            let cancel = asking.clone();
            let a = body.action.action;
            html! {
                <ConfirmDialog
                    id="bulk-dialog"
                    open=true
                    title={i18n::bulk_question(lang, i18n::claim_action_name(lang, a), &body.claim_ids.len().to_string())}
                    body={i18n::claim_action_consequence(lang, a)}
                    confirm_label={i18n::claim_action_name(lang, a)}
                    danger={matches!(a, ClaimAction::Return | ClaimAction::Reject | ClaimAction::Pay)}
                    {on_confirm}
                    on_cancel={Callback::from(move |()| cancel.set(None))}
                    opener="bulk-apply"
                />
            }
        }
        None => html! {},
    };
    let actions: Vec<(String, String)> =
        offered.iter().map(|a| (a.as_str().to_owned(), i18n::claim_action_name(lang, *a).to_owned())).collect();
    let submitting = form.submitting();
    let shown: Vec<&str> = BULK_FIELDS.iter().map(|(f, _)| *f).collect();
    if statuses.is_empty() || offered.is_empty() {
        let why = if statuses.is_empty() { WorklistKey::BulkNoneSelected } else { WorklistKey::BulkNoCommonAction };
        return html! {
            <div class="bulk-bar bulk-idle" aria-labelledby="bulk-title">
                <p class="hint" id="bulk-selected"><strong id="bulk-title">{ t(lang, SubsidiesKey::BulkTitle) }</strong>{ "：" }{ t(lang, why) }</p>
            </div>
        };
    }
    let chosen = ClaimAction::from_name(&form.value("action")).filter(|a| offered.contains(a));
    let needs_reason = matches!(chosen, Some(ClaimAction::Return | ClaimAction::Reject));
    html! {
        <form class="form bulk-bar" novalidate=true aria-labelledby="bulk-title" {onsubmit}>
            <h3 id="bulk-title">{ t(lang, SubsidiesKey::BulkTitle) }</h3>
            <p class="hint" id="bulk-selected">{ i18n::bulk_selected(lang, &props.selected.len().to_string()) }</p>
            <FormError id="bulk-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            if let Some(error) = form.error(lang, "claim_ids") {
                <p class="field-error" id="bulk-selection-error">{ error }</p>
            }
            <div class="bulk-fields">
                <SelectField
                    id="bulk-action"
                    label={t(lang, SubsidiesKey::BulkAction)}
                    value={form.value("action")}
                    empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                    options={actions}
                    error={form.error(lang, "action")}
                    onchange={setter(&form, "action")}
                />
                if needs_reason {
                <TextField
                    id="bulk-reason"
                    label={t(lang, SubsidiesKey::ActionReason)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::BulkReasonHint))}
                    required={false}
                    maxlength={500}
                    value={form.value("reason")}
                    error={form.error(lang, "reason")}
                    oninput={setter(&form, "reason")}
                />
                }
                if chosen == Some(ClaimAction::Pay) {
                <TextField
                    id="bulk-payment-ref"
                    label={t(lang, SubsidiesKey::PaymentRef)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::BulkPaymentRefHint))}
                    required={false}
                    maxlength={64}
                    value={form.value("payment_ref")}
                    error={form.error(lang, "payment_ref")}
                    oninput={setter(&form, "payment_ref")}
                />
                }
            </div>
            <div class="form-actions">
                <button id="bulk-apply" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::BulkApply) } }
                </button>
            </div>
            { dialog }
        </form>
    }
}
