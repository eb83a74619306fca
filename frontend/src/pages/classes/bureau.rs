//! `/bureau`: a bureau officer's workbench: deciding the opening requests
//! of the region, and the region's course policies.

use std::rc::Rc;

use malanhua_shared::api::classes::{ClassSummary, CoursePolicy, Decision, PolicyRequest, check_reason};
use malanhua_shared::course::{ClassStatus, CourseKind};
use malanhua_shared::{FieldCode, FieldErrors, RegionCode, Role};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::checkbox_field::CheckboxField;
use crate::components::class_info::{date_range, hours_text, kind_badge, status_badge};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, Form, FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, SubsidiesKey, t};

/// `/bureau` (signed in only; bureau officers).
#[function_component]
pub fn BureauPage() -> Html {
    use_title(ClassesKey::BureauTitle);
    html! {
        <RequireSignIn>
            <Bureau />
        </RequireSignIn>
    }
}

#[function_component]
fn Bureau() -> Html {
    let lang = use_lang();
    let session = use_session();
    let regions: Vec<RegionCode> = session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    if regions.is_empty() {
        return html! {
            <section class="page narrow">
                <h1>{ t(lang, ClassesKey::BureauTitle) }</h1>
                <p class="alert alert-error" role="alert" id="forbidden">{ t(lang, ClassesKey::BureauForbidden) }</p>
            </section>
        };
    }
    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::BureauTitle) }</h1>
            <nav class="panel subsidy-links" aria-labelledby="subsidy-links-title">
                <h2 id="subsidy-links-title">{ t(lang, SubsidiesKey::SubsidyWorkTitle) }</h2>
                <ul class="actions plain">
                    <li><AppLink id="bureau-claims-link" to={Route::BureauClaims} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::BureauClaimsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-groups-link" to={Route::BureauGroups} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::BureauGroupsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-subsidy-policies-link" to={Route::SubsidyPolicies} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::SubsidyPoliciesTitle) }</AppLink></li>
                </ul>
            </nav>
            <Reviews />
            <Policies regions={regions} />
        </div>
    }
}

/// The status filter's value for "every status".
const ALL_STATUSES: &str = "all";

/// The opening requests of the region, pending first.
#[function_component]
fn Reviews() -> Html {
    let lang = use_lang();
    let status = use_state(|| Some(ClassStatus::Pending));
    let done = use_state(|| None::<String>);
    let (list, reload) = use_remote(*status, api::classes::bureau_classes);
    let on_status = {
        let status = status.clone();
        let done = done.clone();
        Callback::from(move |value: String| {
            done.set(None);
            status.set(ClassStatus::from_name(&value));
        })
    };
    let on_decided = {
        let done = done.clone();
        let reload = reload.clone();
        Callback::from(move |message: String| {
            done.set(Some(message));
            reload.emit(());
        })
    };
    let mut options: Vec<(String, String)> = ClassStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), i18n::class_status_name(lang, *s).to_owned()))
        .collect();
    options.push((ALL_STATUSES.to_owned(), t(lang, ClassesKey::AllStatuses).to_owned()));
    let value = status.map_or(ALL_STATUSES, ClassStatus::as_str);
    html! {
        <section class="panel" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{ t(lang, ClassesKey::OpeningRequests) }</h2>
            <p>{ t(lang, ClassesKey::OpeningRequestsLead) }</p>
            <div class="form inline-filter">
                <SelectField id="bureau-status" label={t(lang, CommonKey::ColStatus)} value={value} options={options} required={false} onchange={on_status} />
            </div>
            if let Some(message) = &*done {
                <p id="decision-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            { remote_view(lang, &list, "pending-classes-error", &reload, |list| html! {
                <>
                    <ul id="pending-classes" class="review-list">
                        { for list.iter().map(|c| html! {
                            <li key={c.id.clone()} id={format!("pending-{}", c.id)}>
                                <ReviewItem class={Rc::new(c.clone())} on_decided={on_decided.clone()} />
                            </li>
                        }) }
                    </ul>
                    if list.is_empty() {
                        <p class="empty" id="pending-classes-empty">{ t(lang, ClassesKey::NothingToReview) }</p>
                    }
                </>
            }) }
        </section>
    }
}

/// Props of [`ReviewItem`].
#[derive(Properties, PartialEq)]
struct ReviewItemProps {
    class: Rc<ClassSummary>,
    /// Called with the message to show once decided.
    on_decided: Callback<String>,
}

/// One opening request with approve and reject.
#[function_component]
fn ReviewItem(props: &ReviewItemProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let c = &props.class;
    let id = c.id.clone();
    let reason_id = format!("reject-reason-{id}");

    let decide = {
        let form = form.clone();
        let on_decided = props.on_decided.clone();
        let id = id.clone();
        let title = c.title.clone();
        move |decision: Decision| {
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let on_decided = on_decided.clone();
            let id = id.clone();
            let title = title.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let approved = decision.approve;
                match api::classes::decide(&id, &decision).await {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        let done = if approved { i18n::class_approved_done } else { i18n::class_rejected_done };
                        on_decided.emit(done(lang, &title));
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        }
    };
    let on_approve = {
        let form = form.clone();
        let decide = decide.clone();
        Callback::from(move |_: MouseEvent| {
            if !form.submitting() {
                decide(Decision { approve: true, reason: None });
            }
        })
    };
    let on_reject = {
        let form = form.clone();
        let reason_id = reason_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            match check_reason(&form.value("reason")) {
                Ok(reason) => decide(Decision { approve: false, reason: Some(reason) }),
                Err(code) => {
                    focus(&reason_id);
                    form.dispatch(FormAction::Invalid([("reason".to_owned(), FieldIssue::Code(code))].into()));
                }
            }
        })
    };
    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    html! {
        <article class="review" aria-labelledby={format!("review-{id}-title")}>
            <h3 id={format!("review-{id}-title")}>
                <AppLink to={Route::Class { id: id.clone() }}>{ c.title.clone() }</AppLink>
            </h3>
            <p class="class-badges">{ kind_badge(lang, c.kind) }{ status_badge(lang, c.status) }</p>
            <dl class="facts compact">
                <div><dt>{ t(lang, CommonKey::InstitutionLabel) }</dt><dd>{ c.institution.name.clone() }</dd></div>
                <div><dt>{ t(lang, CommonKey::CourseKindLabel) }</dt><dd>{ i18n::kind_name(lang, c.kind) }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassDates) }</dt><dd>{ date_range(lang, c) }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassHours) }</dt><dd>{ hours_text(lang, c) }</dd></div>
                <div><dt>{ t(lang, CommonKey::Capacity) }</dt><dd>{ c.capacity.to_string() }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassModeLabel) }</dt><dd>{ i18n::mode_name(lang, c.mode) }</dd></div>
            </dl>
            if c.status == ClassStatus::Pending {
                <form class="form decision" novalidate=true onsubmit={on_reject}>
                    <FormError id={format!("decision-{id}-error")} failure={form.failure().cloned()} others={form.other_errors(&["reason"])} />
                    <div class="form-actions">
                        <button id={format!("approve-{id}")} type="button" class="button primary" disabled={submitting} aria-busy={busy} onclick={on_approve}>
                            { t(lang, ClassesKey::Approve) }
                        </button>
                    </div>
                    <TextField
                        id={reason_id.clone()}
                        label={t(lang, ClassesKey::RejectReason)}
                        hint={AttrValue::from(t(lang, ClassesKey::RejectReasonHint))}
                        required={false}
                        maxlength={500}
                        value={form.value("reason")}
                        error={form.error(lang, "reason")}
                        oninput={setter(&form, "reason")}
                    />
                    <button id={format!("reject-{id}")} type="submit" class="button danger" disabled={submitting} aria-busy={busy}>
                        { t(lang, ClassesKey::Reject) }
                    </button>
                </form>
            }
        </article>
    }
}

/// Props of [`Policies`].
#[derive(Properties, PartialEq)]
struct PoliciesProps {
    /// The officer's regions.
    regions: Vec<RegionCode>,
}

/// The course policies of one of the officer's regions, a form per kind.
#[function_component]
fn Policies(props: &PoliciesProps) -> Html {
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
        let form = form.clone();
        let saved = saved.clone();
        let region = props.region.clone();
        let kind = props.kind;
        let prefix = prefix.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let mut errors = FieldErrors::new();
            let body = PolicyRequest {
                min_hours: read_number(&form, "min_hours", &mut errors),
                max_class_size: read_number(&form, "max_class_size", &mut errors),
                opening_lead_days: read_number(&form, "opening_lead_days", &mut errors),
                attendance_threshold_pct: read_number(&form, "attendance_threshold_pct", &mut errors),
                requires_prior_certificate: form.value("requires_prior_certificate") == "true",
                requires_business_licence: form.value("requires_business_licence") == "true",
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
