//! The region's course policies: one form per course kind.

use malanhua_shared::api::classes::{CoursePolicy, PolicyRequest};
use malanhua_shared::course::CourseKind;
use malanhua_shared::{FieldCode, FieldErrors, RegionCode};
use yew::prelude::*;

use crate::api;
use crate::components::checkbox_field::CheckboxField;
use crate::components::class_info::kind_badge;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, t};

/// Props of [`Policies`].
#[derive(Properties, PartialEq)]
pub(super) struct PoliciesProps {
    /// The officer's regions.
    pub regions: Vec<RegionCode>,
}

/// The course policies of one of the officer's regions, a form per kind.
#[function_component]
pub(super) fn Policies(props: &PoliciesProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let chosen = use_state(|| props.regions.first().cloned());
    let (list, retry) = use_remote((*chosen).clone(), |region| async move {
        match region {
            Some(region) => api::policies::policies(&region).await,
            None => Ok(Vec::new()),
        }
    });
    let label = |code: &RegionCode| match &regions {
        Some(r) => r.full_label(lang, code, None),
        None => code.as_str().to_owned(),
    };
    let on_region = {
        let chosen = chosen.clone();
        Callback::from(move |value: String| chosen.set(RegionCode::parse(&value).ok()))
    };
    let Some(region) = (*chosen).clone() else { return html! {} };
    let options: Vec<(String, String)> = props.regions.iter().map(|r| (r.as_str().to_owned(), label(r))).collect();
    let region_name = label(&region);
    html! {
        <section class="panel" aria-labelledby="policies-title">
            <h2 id="policies-title">{ t(lang, ClassesKey::PoliciesTitle) }</h2>
            <p>{ i18n::policies_lead(lang, &region_name) }</p>
            if props.regions.len() > 1 {
                <div class="form inline-filter">
                    <SelectField id="policy-region" label={t(lang, AccountsKey::BureauRegion)} value={region.as_str().to_owned()} {options} onchange={on_region} />
                </div>
            }
            { remote_view(lang, &list, "policies-error", &retry, |list| html! {
                <div class="policy-grid">
                    { for CourseKind::ALL.iter().map(|kind| {
                        let current = list.iter().find(|p| p.kind == *kind).cloned();
                        html! {
                            <PolicyForm
                                key={format!("{}-{}", region.as_str(), kind.as_str())}
                                region={region.clone()}
                                kind={*kind}
                                {current}
                            />
                        }
                    }) }
                </div>
            }) }
        </section>
    }
}

/// The number fields of a policy, in the order they appear.
const NUMBER_FIELDS: [(&str, ClassesKey); 4] = [
    ("min_hours", ClassesKey::MinHours),
    ("max_class_size", ClassesKey::MaxClassSize),
    ("opening_lead_days", ClassesKey::OpeningLeadDays),
    ("attendance_threshold_pct", ClassesKey::AttendanceThreshold),
];

/// The yes/no fields of a policy.
const FLAG_FIELDS: [(&str, ClassesKey); 2] = [
    ("requires_prior_certificate", ClassesKey::RequiresPriorCertificate),
    ("requires_business_licence", ClassesKey::RequiresBusinessLicence),
];

/// A whole number typed into `field`; a missing or unreadable one is noted.
fn read_number(form: &Form, field: &str, errors: &mut FieldErrors) -> i64 {
    let text = form.value(field);
    let text = text.trim();
    if text.is_empty() {
        errors.insert(field.to_owned(), FieldCode::Required);
        return 0;
    }
    text.parse().unwrap_or_else(|_| {
        errors.insert(field.to_owned(), FieldCode::InvalidFormat);
        0
    })
}

/// Props of [`PolicyForm`].
#[derive(Properties, PartialEq)]
struct PolicyFormProps {
    region: RegionCode,
    kind: CourseKind,
    /// The policy in force, if any.
    current: Option<CoursePolicy>,
}

/// The policy of one course kind.
#[function_component]
fn PolicyForm(props: &PolicyFormProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let form = use_form();
    let saved = use_state(|| props.current.clone());
    let prefix = format!("policy-{}", props.kind.as_str());
    {
        let form = form.clone();
        let current = props.current.clone();
        use_effect_with((), move |()| {
            if let Some(p) = current {
                let numbers = [
                    ("min_hours", p.min_hours),
                    ("max_class_size", p.max_class_size),
                    ("opening_lead_days", p.opening_lead_days),
                    ("attendance_threshold_pct", p.attendance_threshold_pct),
                ];
                for (field, value) in numbers {
                    form.dispatch(FormAction::Set(field, value.to_string()));
                }
                let flags = [
                    ("requires_prior_certificate", p.requires_prior_certificate),
                    ("requires_business_licence", p.requires_business_licence),
                ];
                for (field, on) in flags {
                    form.dispatch(FormAction::Set(field, if on { "true".into() } else { String::new() }));
                }
            }
        });
    }
    let onsubmit = {
        let saved = saved.clone();
        let region = props.region.clone();
        let kind = props.kind;
        let prefix = prefix.clone();
        // The prior kinds are kept as they are (this form does not edit them).
        let prior_kinds = saved.as_ref().map(|p| p.prior_kinds.clone()).filter(|k| !k.is_empty());
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let body = PolicyRequest {
                min_hours: read_number(form, "min_hours", &mut errors),
                max_class_size: read_number(form, "max_class_size", &mut errors),
                opening_lead_days: read_number(form, "opening_lead_days", &mut errors),
                attendance_threshold_pct: read_number(form, "attendance_threshold_pct", &mut errors),
                requires_prior_certificate: form.value("requires_prior_certificate") == "true",
                requires_business_licence: form.value("requires_business_licence") == "true",
                prior_kinds: prior_kinds.clone(),
            };
            if let Err(more) = body.validate(region.clone(), kind) {
                for (field, code) in more {
                    errors.entry(field).or_insert(code);
                }
            }
            if let Some((first, _)) = NUMBER_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                focus(&format!("{prefix}-{first}"));
            }
            if !errors.is_empty() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let saved = saved.clone();
            let region = region.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::policies::set_policy(&region, kind, &body).await {
                    Ok(policy) => {
                        saved.set(Some(policy));
                        form.dispatch(FormAction::Succeeded { clear: false });
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let source = match &*saved {
        None => t(lang, ClassesKey::PolicyNone).to_owned(),
        Some(p) if p.defined_in == p.region => t(lang, ClassesKey::PolicyOwn).to_owned(),
        Some(p) => {
            let from = match regions.loaded() {
                Some(r) => r.full_label(lang, &p.defined_in, None),
                None => p.defined_in.as_str().to_owned(),
            };
            i18n::policy_inherited(lang, &from)
        }
    };
    let shown: Vec<&str> = NUMBER_FIELDS.iter().chain(FLAG_FIELDS.iter()).map(|(f, _)| *f).collect();
    let submitting = form.submitting();
    let title_id = format!("{prefix}-title");
    html! {
        <form class="form policy-form" novalidate=true aria-labelledby={title_id.clone()} {onsubmit}>
            <h3 id={title_id}>{ kind_badge(lang, props.kind) }{ " " }{ i18n::kind_name(lang, props.kind) }</h3>
            <p class="hint" id={format!("{prefix}-source")}>{ source }</p>
            <FormError id={format!("{prefix}-form-error")} failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            if form.succeeded() {
                <p id={format!("{prefix}-saved")} class="alert alert-success" role="status">{ t(lang, ClassesKey::PolicySaved) }</p>
            }
            <div class="field-pair">
                { for NUMBER_FIELDS.iter().map(|(field, label)| html! {
                    <TextField
                        key={*field}
                        id={format!("{prefix}-{field}")}
                        label={t(lang, *label)}
                        input_type="number"
                        inputmode={AttrValue::Static("numeric")}
                        value={form.value(field)}
                        error={form.error(lang, field)}
                        oninput={setter(&form, field)}
                    />
                }) }
            </div>
            { for FLAG_FIELDS.iter().map(|(field, label)| {
                let form = form.clone();
                let field = *field;
                html! {
                    <CheckboxField
                        key={field}
                        id={format!("{prefix}-{field}")}
                        label={t(lang, *label)}
                        checked={form.value(field) == "true"}
                        error={form.error(lang, field)}
                        onchange={Callback::from(move |on: bool| form.dispatch(FormAction::Set(field, if on { "true".into() } else { String::new() })))}
                    />
                }
            }) }
            <div class="form-actions">
                <button id={format!("{prefix}-submit")} type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, ClassesKey::SavePolicy) } }
                </button>
            </div>
        </form>
    }
}
