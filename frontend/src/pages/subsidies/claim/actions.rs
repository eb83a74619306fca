//! What the claimant and the officers can do to a claim: submitting it,
//! and the stage actions with their reason or payment fields, each asked
//! first in a dialog that says what it will do.

use malanhua_shared::api::subsidies::{ClaimAction, ClaimDetail, ClaimStatus};
use yew::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, setter};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, CommonKey, Lang, SubsidiesKey, t};

/// The claimant's submit panel, when the claim can be submitted.
pub(super) fn submit_panel(lang: Lang, d: &ClaimDetail, submitting: bool, on_submit: Callback<MouseEvent>) -> Html {
    let c = &d.claim;
    let busy = submitting.then_some("true");
    html! {
        if d.can_submit {
            <section class="panel" aria-labelledby="claim-submit-title">
                <h2 id="claim-submit-title">{ t(lang, SubsidiesKey::ClaimSubmitTitle) }</h2>
                <p>{ t(lang, if c.status == ClaimStatus::Returned { SubsidiesKey::ClaimResubmitLead } else { SubsidiesKey::ClaimSubmitLead }) }</p>
                <div class="form-actions">
                    <button id="claim-submit" type="button" class="button primary" disabled={submitting} aria-busy={busy} onclick={on_submit}>
                        { if submitting { t(lang, CommonKey::Submitting) } else if c.status == ClaimStatus::Returned { t(lang, SubsidiesKey::ResubmitClaim) } else { t(lang, SubsidiesKey::SubmitClaim) } }
                    </button>
                </div>
            </section>
        }
    }
}

/// Props of [`ActionForm`].
#[derive(Properties, PartialEq)]
pub(super) struct ActionFormProps {
    /// The claim page's form (reason, payment reference and date).
    pub form: UseReducerHandle<Form>,
    /// What the officer may do now.
    pub actions: Vec<ClaimAction>,
    /// Called with the button pressed.
    pub on_action: Callback<ClaimAction>,
}

/// The stage actions, with the reason and the payment fields.
#[function_component]
pub(super) fn ActionForm(props: &ActionFormProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    let actions = &props.actions;
    let can_pay = actions.contains(&ClaimAction::Pay);
    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    // No stage can be taken back: each action is asked first.
    let asking = use_state(|| None::<ClaimAction>);
    let on_action = |a: ClaimAction| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(Some(a)))
    };
    let dialog = match *asking {
        Some(a) => {
            let (confirm, cancel) = (asking.clone(), asking.clone());
            let on_action = props.on_action.clone();
            html! {
                <ConfirmDialog
                    id="action-dialog"
                    open=true
                    title={i18n::claim_action_question(lang, a)}
                    body={i18n::claim_action_consequence(lang, a)}
                    confirm_label={i18n::claim_action_name(lang, a)}
                    danger={matches!(a, ClaimAction::Return | ClaimAction::Reject)}
                    on_confirm={Callback::from(move |()| {
                        confirm.set(None);
                        on_action.emit(a);
                    })}
                    on_cancel={Callback::from(move |()| cancel.set(None))}
                    opener={format!("action-{}", a.as_str())}
                />
            }
        }
        None => html! {},
    };
    html! {
        <form class="form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <TextField
                id="action-reason"
                rows={3}
                label={t(lang, SubsidiesKey::ActionReason)}
                hint={AttrValue::from(t(lang, SubsidiesKey::ActionReasonHint))}
                required={false}
                maxlength={500}
                value={form.value("reason")}
                error={form.error(lang, "reason")}
                oninput={setter(form, "reason")}
            />
            if can_pay {
                <div class="field-pair">
                    <TextField
                        id="payment-ref"
                        label={t(lang, SubsidiesKey::PaymentRef)}
                        hint={AttrValue::from(t(lang, SubsidiesKey::PaymentRefHint))}
                        maxlength={64}
                        value={form.value("payment_ref")}
                        error={form.error(lang, "payment_ref")}
                        oninput={setter(form, "payment_ref")}
                    />
                    <TextField
                        id="paid-on"
                        label={t(lang, SubsidiesKey::PaidOn)}
                        hint={AttrValue::from(t(lang, SubsidiesKey::PaidOnHint))}
                        input_type="date"
                        required={false}
                        value={form.value("paid_on")}
                        error={form.error(lang, "paid_on")}
                        oninput={setter(form, "paid_on")}
                    />
                </div>
            }
            if !actions.is_empty() {
                <div class="form-actions action-buttons">
                    { for actions.iter().map(|a| {
                        let danger = matches!(a, ClaimAction::Return | ClaimAction::Reject);
                        html! {
                            <button
                                key={a.as_str()}
                                id={format!("action-{}", a.as_str())}
                                type="button"
                                class={classes!("button", if danger { "danger" } else { "primary" })}
                                disabled={submitting}
                                aria-busy={busy}
                                onclick={on_action(*a)}
                            >
                                { i18n::claim_action_name(lang, *a) }
                            </button>
                        }
                    }) }
                </div>
            }
            { dialog }
        </form>
    }
}
