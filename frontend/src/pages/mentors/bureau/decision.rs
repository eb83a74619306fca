//! An officer's decision on one mentor (MentorDecisionRequest): admit with a
//! term start (today in Shanghai by default) and optional years, refuse,
//! suspend or remove with a reason (the reason form is the confirmation),
//! or reinstate after a confirming press.

use chrono::NaiveDate;
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::mentors::{MentorAction, MentorDecisionRequest};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::{FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, CommonKey, MentorDeskKey, t};
use crate::pages::mentors::send::send_form;

/// Props of [`DecisionForm`].
#[derive(Properties, PartialEq)]
pub(super) struct DecisionFormProps {
    /// The mentor.
    pub mentor_id: AttrValue,
    /// The decision.
    pub action: MentorAction,
    /// Called after it was made.
    pub on_done: Callback<()>,
}

/// The fields the decision needs, and its confirming button.
#[function_component]
pub(super) fn DecisionForm(props: &DecisionFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let action = props.action;
    {
        let form = form.clone();
        use_effect_with((), move |()| {
            if action == MentorAction::Admit {
                form.dispatch(FormAction::Set("term_from", shanghai_date(crate::time::now()).to_string()));
            }
        });
    }
    let needs_reason = matches!(action, MentorAction::Refuse | MentorAction::Suspend | MentorAction::Remove);
    let onsubmit = {
        let (sending, id, on_done) = (sending.clone(), props.mentor_id.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let mut body = MentorDecisionRequest { action: Some(action), ..MentorDecisionRequest::default() };
            if needs_reason {
                match check_reason(&form.value("reason")) {
                    Ok(reason) => body.reason = reason,
                    Err(code) => {
                        errors.insert("reason".to_owned(), code);
                    }
                }
            }
            if action == MentorAction::Admit {
                let from = form.value("term_from");
                body.term_from = NaiveDate::parse_from_str(from.trim(), "%Y-%m-%d").ok();
                if body.term_from.is_none() && !from.trim().is_empty() {
                    errors.insert("term_from".to_owned(), FieldCode::InvalidFormat);
                }
                let years = form.value("term_years");
                if !years.trim().is_empty() {
                    match years.trim().parse::<u32>() {
                        Ok(n) if (1..=10).contains(&n) => body.term_years = Some(n),
                        _ => {
                            errors.insert("term_years".to_owned(), FieldCode::OutOfRange);
                        }
                    }
                }
            }
            if !errors.is_empty() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let id = id.clone();
            let intent = format!("mentor decision {id} {body:?}");
            let call = move |key: String| async move { api::mentors::decide(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let p = format!("decision-{}-{}", action.as_str(), props.mentor_id);
    let label = match action {
        MentorAction::Admit => t(lang, MentorDeskKey::AdmitSubmit).to_owned(),
        MentorAction::Reinstate => t(lang, MentorDeskKey::ReinstateConfirm).to_owned(),
        _ => i18n::mentor_action_name(lang, action).to_owned(),
    };
    let danger = needs_reason;
    html! {
        <form id={p.clone()} class={classes!("form", "inline-form", danger.then_some("panel-danger"))} novalidate=true {onsubmit}>
            <h4>{ i18n::mentor_action_name(lang, action) }</h4>
            if needs_reason {
                <p class="hint">{ t(lang, MentorDeskKey::DecisionLead) }</p>
            }
            <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&["reason", "term_from", "term_years"])} />
            if needs_reason {
                <TextField id={format!("{p}-reason")} label={t(lang, CommonKey::Reason)} maxlength={500} value={form.value("reason")}
                    error={form.error(lang, "reason")} oninput={setter(&form, "reason")} />
            }
            if action == MentorAction::Admit {
                <div class="field-pair">
                    <TextField id={format!("{p}-term-from")} label={t(lang, MentorDeskKey::TermFrom)} input_type="date" required={false}
                        value={form.value("term_from")} error={form.error(lang, "term_from")} oninput={setter(&form, "term_from")} />
                    <TextField id={format!("{p}-term-years")} label={t(lang, MentorDeskKey::TermYears)} input_type="number" inputmode="numeric"
                        required={false} value={form.value("term_years")} error={form.error(lang, "term_years")} oninput={setter(&form, "term_years")} />
                </div>
            }
            <div class="form-actions">
                <button type="submit" class={classes!("button", if danger { "danger" } else { "primary" })}
                    data-testid="decision-submit" disabled={form.submitting()} aria-busy={form.submitting().then_some("true")}>
                    { if form.submitting() { t(lang, CommonKey::Submitting).to_owned() } else { label } }
                </button>
            </div>
        </form>
    }
}
