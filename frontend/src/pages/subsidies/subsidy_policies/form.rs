//! The form for a new version of one course kind's subsidy.

use malanhua_shared::api::subsidies::{Payee, PolicyProposal, PriorityGroup, SubsidyPolicy, SubsidyPolicyInput};
use malanhua_shared::course::CourseKind;
use malanhua_shared::money::FenError;
use malanhua_shared::{ErrorCode, Fen, FieldCode, FieldErrors, RegionCode};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::checkbox_field::CheckboxField;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, read_number, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, AccountsKey, CommonKey, Lang, SubsidiesKey, t};
use crate::pages::subsidies::my_subsidies::read_date;

use super::proposals::ProposeBox;

/// The policy fields with their inputs, in the order they appear.
const FIELDS: [(&str, &str); 8] = [
    ("kind", "sp-kind"),
    ("effective_from", "sp-from"),
    ("ends_on", "sp-ends"),
    ("amount_fen", "sp-amount"),
    ("payee", "sp-payee"),
    ("eligible_groups", "sp-group-0"),
    ("claim_window_months", "sp-window"),
    ("notice_days", "sp-notice"),
];

/// The field values of a version, as typed.
fn values_of(p: &SubsidyPolicy) -> Vec<(&'static str, String)> {
    let yuan = p.amount_fen.get();
    vec![
        ("kind", p.kind.as_str().to_owned()),
        ("ends_on", p.ends_on.map(|d| d.to_string()).unwrap_or_default()),
        ("amount_fen", format!("{}.{:02}", yuan / 100, yuan % 100)),
        ("payee", p.payee.as_str().to_owned()),
        ("eligible_groups", p.eligible_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(",")),
        ("claim_window_months", p.claim_window_months.to_string()),
        ("notice_days", p.notice_days.to_string()),
        ("one_per_year", if p.one_per_year { "true".to_owned() } else { String::new() }),
        ("local_groups", if p.local_groups { "true".to_owned() } else { String::new() }),
        ("amount_is_cap", if p.amount_is_cap { "true".to_owned() } else { String::new() }),
    ]
}

/// The kind and terms of the new version as typed, or the errors of its
/// fields.
fn policy_input(form: &Form) -> Result<(CourseKind, SubsidyPolicyInput), FieldErrors> {
    let mut errors = FieldErrors::new();
    let kind = CourseKind::from_name(&form.value("kind"));
    if kind.is_none() {
        errors.insert("kind".to_owned(), FieldCode::Required);
    }
    let amount = form.value("amount_fen");
    let amount_fen = if amount.trim().is_empty() {
        None
    } else {
        match Fen::parse_yuan(&amount) {
            Ok(fen) => Some(fen.get()),
            Err(FenError::Format) => {
                errors.insert("amount_fen".to_owned(), FieldCode::InvalidFormat);
                None
            }
            Err(FenError::Negative | FenError::Overflow) => {
                errors.insert("amount_fen".to_owned(), FieldCode::OutOfRange);
                None
            }
        }
    };
    let body = SubsidyPolicyInput {
        effective_from: read_date(&form.value("effective_from"), "effective_from", &mut errors),
        ends_on: read_date(&form.value("ends_on"), "ends_on", &mut errors),
        amount_fen,
        payee: Payee::from_name(&form.value("payee")),
        eligible_groups: ticked_groups(form),
        claim_window_months: read_number(&form.value("claim_window_months"), "claim_window_months", &mut errors),
        notice_days: read_number(&form.value("notice_days"), "notice_days", &mut errors),
        one_per_year: form.value("one_per_year") == "true",
        local_groups: form.value("local_groups") == "true",
        amount_is_cap: form.value("amount_is_cap") == "true",
    };
    if let Err(more) = body.validate() {
        for (field, code) in more {
            errors.entry(field).or_insert(code);
        }
    }
    match kind.filter(|_| errors.is_empty()) {
        Some(kind) => Ok((kind, body)),
        None => Err(errors),
    }
}

/// Props of [`PolicyForm`].
#[derive(Properties, PartialEq)]
pub(super) struct PolicyFormProps {
    /// The officer's region.
    pub region: RegionCode,
    /// A version whose terms fill the form (the date is left to choose).
    pub copy: Option<SubsidyPolicy>,
    /// Called with the saved version.
    pub on_saved: Callback<SubsidyPolicy>,
    /// Called with a version proposed for a second officer.
    pub on_proposed: Callback<PolicyProposal>,
}

/// A new version of one course kind's subsidy.
#[function_component]
pub(super) fn PolicyForm(props: &PolicyFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let saved = use_state(|| None::<SubsidyPolicy>);
    // The version refused as too large for one officer, to propose instead.
    let refused = use_state(|| None::<(CourseKind, SubsidyPolicyInput)>);
    {
        let form = form.clone();
        let copy = props.copy.clone();
        use_effect_with((), move |()| {
            if let Some(p) = copy {
                for (field, value) in values_of(&p) {
                    form.dispatch(FormAction::Set(field, value));
                }
            }
        });
    }
    let onsubmit = {
        let (saved, refused) = (saved.clone(), refused.clone());
        let region = props.region.clone();
        let on_saved = props.on_saved.clone();
        on_submit(&form, move |form| {
            let (kind, body) = match policy_input(form) {
                Ok(input) => input,
                Err(errors) => {
                    if let Some((_, id)) = FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                        focus(id);
                    }
                    form.dispatch(FormAction::Invalid(issues(errors)));
                    return;
                }
            };
            form.dispatch(FormAction::Submit);
            saved.set(None);
            refused.set(None);
            let (form, saved, refused, region, on_saved) =
                (form.clone(), saved.clone(), refused.clone(), region.clone(), on_saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::subsidies::set_policy(&region, kind, &body).await {
                    Ok(policy) => {
                        form.dispatch(FormAction::Succeeded { clear: false });
                        saved.set(Some(policy.clone()));
                        on_saved.emit(policy);
                    }
                    Err(error) => {
                        if error.is(ErrorCode::SecondOfficerRequired) {
                            refused.set(Some((kind, body)));
                        }
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        })
    };
    let on_proposed = {
        let (form, on_proposed) = (form.clone(), props.on_proposed.clone());
        Callback::from(move |p: PolicyProposal| {
            // The refusal is answered: the box now says the proposal waits.
            form.dispatch(FormAction::Succeeded { clear: false });
            on_proposed.emit(p);
        })
    };
    let flag = |field: &'static str| {
        let form = form.clone();
        Callback::from(move |on: bool| {
            form.dispatch(FormAction::Set(field, if on { "true".into() } else { String::new() }))
        })
    };
    let kinds: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let payees: Vec<(String, String)> =
        Payee::ALL.iter().map(|p| (p.as_str().to_owned(), i18n::payee_name(lang, *p).to_owned())).collect();
    let shown: Vec<&str> =
        FIELDS.iter().map(|(f, _)| *f).chain(["one_per_year", "local_groups", "amount_is_cap"]).collect();
    let submitting = form.submitting();
    html! {
        <form class="form panel policy-form" novalidate=true aria-labelledby="sp-form-title" {onsubmit}>
            <h2 id="sp-form-title">{ t(lang, SubsidiesKey::SubsidyFormTitle) }</h2>
            <p class="hint">{ t(lang, SubsidiesKey::SubsidyFormLead) }</p>
            <FormError id="sp-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            if let Some((kind, input)) = &*refused {
                <ProposeBox region={props.region.clone()} kind={*kind} input={input.clone()} {on_proposed} />
            }
            if let Some(p) = &*saved {
                <p id="sp-saved" class="alert alert-success" role="status">
                    { i18n::subsidy_policy_saved(lang, i18n::kind_name(lang, p.kind), &i18n::date(lang, p.effective_from)) }
                </p>
            }
            <SelectField
                id="sp-kind"
                label={t(lang, CommonKey::CourseKindLabel)}
                value={form.value("kind")}
                empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                options={kinds}
                error={form.error(lang, "kind")}
                onchange={setter(&form, "kind")}
            />
            <div class="field-pair">
                <TextField
                    id="sp-from"
                    label={t(lang, SubsidiesKey::EffectiveFrom)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::EffectiveFromHint))}
                    input_type="date"
                    value={form.value("effective_from")}
                    error={form.error(lang, "effective_from")}
                    oninput={setter(&form, "effective_from")}
                />
                <TextField
                    id="sp-ends"
                    label={t(lang, SubsidiesKey::EndsOnOptional)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::EndsOnHint))}
                    input_type="date"
                    required={false}
                    value={form.value("ends_on")}
                    error={policy_error(&form, lang, "ends_on")}
                    oninput={setter(&form, "ends_on")}
                />
            </div>
            <div class="field-pair">
                <TextField
                    id="sp-amount"
                    label={t(lang, SubsidiesKey::AmountYuan)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::AmountYuanHint))}
                    inputmode={AttrValue::Static("decimal")}
                    value={form.value("amount_fen")}
                    error={form.error(lang, "amount_fen")}
                    oninput={setter(&form, "amount_fen")}
                />
                <SelectField
                    id="sp-payee"
                    label={t(lang, SubsidiesKey::ColPayee)}
                    value={form.value("payee")}
                    empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                    options={payees}
                    error={form.error(lang, "payee")}
                    onchange={setter(&form, "payee")}
                />
            </div>
            <GroupChecks form={form.clone()} />
            <div class="field-pair">
                <TextField
                    id="sp-window"
                    label={t(lang, SubsidiesKey::ClaimWindowMonths)}
                    input_type="number"
                    inputmode={AttrValue::Static("numeric")}
                    value={form.value("claim_window_months")}
                    error={form.error(lang, "claim_window_months")}
                    oninput={setter(&form, "claim_window_months")}
                />
                <TextField
                    id="sp-notice"
                    label={t(lang, SubsidiesKey::NoticeDays)}
                    input_type="number"
                    inputmode={AttrValue::Static("numeric")}
                    value={form.value("notice_days")}
                    error={form.error(lang, "notice_days")}
                    oninput={setter(&form, "notice_days")}
                />
            </div>
            <CheckboxField
                id="sp-one-per-year"
                label={t(lang, SubsidiesKey::OnePerYearLabel)}
                checked={form.value("one_per_year") == "true"}
                error={form.error(lang, "one_per_year")}
                onchange={flag("one_per_year")}
            />
            <CheckboxField
                id="sp-local-groups"
                label={t(lang, SubsidiesKey::LocalGroupsLabel)}
                checked={form.value("local_groups") == "true"}
                error={form.error(lang, "local_groups")}
                onchange={flag("local_groups")}
            />
            <CheckboxField
                id="sp-amount-is-cap"
                label={t(lang, SubsidiesKey::AmountIsCapLabel)}
                checked={form.value("amount_is_cap") == "true"}
                error={form.error(lang, "amount_is_cap")}
                onchange={flag("amount_is_cap")}
            />
            <div class="form-actions">
                <button id="sp-save" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::SaveSubsidyPolicy) } }
                </button>
            </div>
        </form>
    }
}

/// The error of `field`, worded for a policy's dates where the shared
/// message speaks of a class.
fn policy_error(form: &Form, lang: Lang, field: &str) -> Option<AttrValue> {
    let not_in_order = form
        .other_errors(&[])
        .into_iter()
        .any(|(f, issue)| f == field && issue == crate::hooks::form::FieldIssue::Code(FieldCode::NotInOrder));
    if field == "ends_on" && not_in_order {
        return Some(AttrValue::from(t(lang, SubsidiesKey::PolicyEndsBeforeStart)));
    }
    form.error(lang, field)
}

/// The priority groups ticked so far.
fn ticked_groups(form: &Form) -> Vec<PriorityGroup> {
    form.value("eligible_groups").split(',').filter_map(PriorityGroup::from_name).collect()
}

/// Props of [`GroupChecks`].
#[derive(Properties, PartialEq)]
struct GroupChecksProps {
    /// The policy form.
    form: UseReducerHandle<Form>,
}

/// The priority groups the subsidy covers, one box each.
#[function_component]
fn GroupChecks(props: &GroupChecksProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    let groups = ticked_groups(form);
    // Read from the boxes themselves, so quick clicks never miss one.
    let on_group = {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let document = web_sys::window().and_then(|w| w.document());
            let ticked: Vec<&str> = PriorityGroup::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    document
                        .as_ref()
                        .and_then(|d| d.get_element_by_id(&format!("sp-group-{i}")))
                        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                        .is_some_and(|input| input.checked())
                })
                .map(|(_, g)| g.as_str())
                .collect();
            form.dispatch(FormAction::Set("eligible_groups", ticked.join(",")));
        })
    };
    let groups_error = form.error(lang, "eligible_groups");
    html! {
    <fieldset class={classes!("checks", groups_error.as_ref().map(|_| "has-error"))} aria-describedby={groups_error.as_ref().map(|_| "sp-groups-error")}>
        <legend>{ t(lang, SubsidiesKey::EligibleGroups) }</legend>
        { for PriorityGroup::ALL.iter().enumerate().map(|(i, g)| {
            let id = format!("sp-group-{i}");
            html! {
                <div class="field check" key={g.as_str()}>
                    <label for={id.clone()}>
                        <input
                            id={id.clone()}
                            type="checkbox"
                            class="sp-group"
                            name="sp-group"
                            value={g.as_str()}
                            checked={groups.contains(g)}
                            onchange={on_group.clone()}
                        />
                        <span>{ i18n::priority_group_name(lang, *g) }</span>
                    </label>
                </div>
            }
        }) }
        if let Some(error) = groups_error.clone() {
            <p class="field-error" id="sp-groups-error">{ error }</p>
        }
    </fieldset>
    }
}
