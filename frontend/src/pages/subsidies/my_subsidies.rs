//! `/my/subsidies`: a trainee's subsidy claims, what each certificate
//! earns (and why not), filing a claim, and the priority groups they
//! declare (重点群体) that make them eligible.

use std::rc::Rc;

use chrono::NaiveDate;
use malanhua_shared::api::certificates::Certificate;
use malanhua_shared::api::subsidies::{
    ClaimDetail, ClaimStatus, ClaimSummary, Eligibility, FileClaim, NewDeclaration, Payee, PriorityGroup,
};
use malanhua_shared::{ErrorCode, FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{self, claim_status_badge, reasons_list};
use crate::components::class_info::kind_badge;
use crate::components::focus;
use crate::components::form_error::{FormError, failure_message};
use crate::components::region_picker::RegionPicker;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::stack_table::stack_table;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, CommonKey, Lang, SubsidiesKey, t};

/// Reads a `YYYY-MM-DD` date input: `Ok(None)` when empty, the field's
/// error when it is not a date.
pub fn read_date(value: &str, field: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| errors.insert(field.to_owned(), FieldCode::InvalidDate))
        .ok()
}

/// A claim that still counts (anything but rejected).
fn is_live(claim: &ClaimSummary) -> bool {
    claim.status != ClaimStatus::Rejected
}

/// `/my/subsidies` (signed in only).
#[function_component]
pub fn MySubsidiesPage() -> Html {
    use_title(SubsidiesKey::MySubsidiesTitle);
    html! {
        <RequireSignIn>
            <MySubsidies />
        </RequireSignIn>
    }
}

#[function_component]
fn MySubsidies() -> Html {
    let lang = use_lang();
    let (claims, reload_claims) = use_remote((), |()| api::subsidies::my_claims());
    let (certificates, retry_certificates) = use_remote((), |()| api::certificates::my_certificates());
    let (groups, reload_groups) = use_remote((), |()| api::subsidies::my_groups());
    // Bumped when something may change what a certificate earns.
    let version = use_state(|| 0_u32);
    let filed = use_state(|| None::<Rc<ClaimDetail>>);

    let on_filed = {
        let (reload_claims, version, filed) = (reload_claims.clone(), version.clone(), filed.clone());
        Callback::from(move |detail: ClaimDetail| {
            filed.set(Some(Rc::new(detail)));
            reload_claims.emit(());
            version.set(version.wrapping_add(1));
        })
    };
    let on_declared = {
        let (reload_groups, version) = (reload_groups.clone(), version.clone());
        Callback::from(move |()| {
            reload_groups.emit(());
            version.set(version.wrapping_add(1));
        })
    };
    let claim_list: Option<Vec<ClaimSummary>> = claims.loaded().cloned();

    html! {
        <div class="page">
            <h1>{ t(lang, SubsidiesKey::MySubsidiesTitle) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::MySubsidiesLead) }</p>
            <section class="panel" aria-labelledby="my-claims-title">
                <h2 id="my-claims-title">{ t(lang, SubsidiesKey::MyClaimsTitle) }</h2>
                if let Some(detail) = &*filed {
                    <p id="file-claim-done" class="alert alert-success" role="status">
                        { i18n::claim_filed_done(lang, detail.claim.certificate_number.as_deref().unwrap_or_default()) }{ " " }
                        <AppLink to={Route::Claim { id: detail.claim.id.to_string() }}>{ t(lang, SubsidiesKey::ViewClaim) }</AppLink>
                    </p>
                }
                { remote_view(lang, &claims, "claims-error", &reload_claims, |list| claims_table(lang, list)) }
            </section>
            <section class="panel" aria-labelledby="my-eligibility-title">
                <h2 id="my-eligibility-title">{ t(lang, SubsidiesKey::EligibilityTitle) }</h2>
                <p>{ t(lang, SubsidiesKey::EligibilityLead) }</p>
                { remote_view(lang, &certificates, "subsidy-certificates-error", &retry_certificates, |list| html! {
                    <>
                        <ul id="certificate-eligibility" class="eligibility-list">
                            { for list.iter().map(|c| {
                                let claim = claim_list.as_ref().and_then(|l| l.iter().find(|x| x.certificate_number.as_ref() == Some(&c.number) && is_live(x)).cloned());
                                html! {
                                    <CertificateEligibility
                                        key={c.number.to_string()}
                                        certificate={Rc::new(c.clone())}
                                        {claim}
                                        claims_known={claim_list.is_some()}
                                        version={*version}
                                        on_filed={on_filed.clone()}
                                    />
                                }
                            }) }
                        </ul>
                        if list.is_empty() {
                            <p class="empty" id="certificate-eligibility-empty">{ t(lang, CertificatesKey::MyCertificatesEmpty) }</p>
                        }
                    </>
                }) }
            </section>
            <section class="panel" aria-labelledby="groups-title">
                <h2 id="groups-title">{ t(lang, SubsidiesKey::PriorityGroupsTitle) }</h2>
                <p>{ t(lang, SubsidiesKey::PriorityGroupsLead) }</p>
                { remote_view(lang, &groups, "groups-error", &reload_groups, |list| claim_info::declarations_list(lang, "groups-list", list)) }
                <GroupForm {on_declared} />
            </section>
        </div>
    }
}

fn claims_table(lang: Lang, list: &[ClaimSummary]) -> Html {
    html! {
        <>
            { stack_table("claims-list", &[t(lang, CommonKey::CourseKindLabel).into(), t(lang, CertificatesKey::CertNumber).into(), t(lang, SubsidiesKey::ColAmount).into(), t(lang, SubsidiesKey::ColPayee).into(), t(lang, CommonKey::ColStatus).into(), t(lang, CommonKey::ColActions).into()], html! { <>
                        { for list.iter().map(|c| html! {
                            <tr key={c.id.to_string()} class="claim-row" data-claim-id={c.id.to_string()}>
                                <td data-label={t(lang, CommonKey::CourseKindLabel)}>{ claim_info::claim_kind_badge(lang, c.claim_kind, c.kind) }</td>
                                <td data-label={t(lang, CertificatesKey::CertNumber)}>{ c.certificate_number.as_ref().map(|n| n.to_string()).unwrap_or_else(|| claim_info::summary_subject(lang, c)) }</td>
                                <td data-label={t(lang, SubsidiesKey::ColAmount)} class="money">{ c.amount_fen.to_string() }</td>
                                <td data-label={t(lang, SubsidiesKey::ColPayee)}>{ i18n::payee_name(lang, c.payee) }</td>
                                <td data-label={t(lang, CommonKey::ColStatus)}>{ claim_status_badge(lang, c.status, None) }</td>
                                <td data-label={t(lang, CommonKey::ColActions)}>
                                    <AppLink to={Route::Claim { id: c.id.to_string() }} classes={classes!("claim-link")}>
                                        { t(lang, if c.status == ClaimStatus::Draft || c.status == ClaimStatus::Returned { SubsidiesKey::ViewAndSubmitClaim } else { SubsidiesKey::ViewClaim }) }
                                    </AppLink>
                                </td>
                            </tr>
                        }) }
            </> }) }
            if list.is_empty() {
                <p class="empty" id="claims-empty">{ t(lang, SubsidiesKey::MyClaimsEmpty) }</p>
            }
        </>
    }
}

/// Props of [`CertificateEligibility`].
#[derive(Properties, PartialEq)]
struct CertificateEligibilityProps {
    certificate: Rc<Certificate>,
    /// The claim on it that still counts, if any.
    claim: Option<ClaimSummary>,
    /// False until the claims are loaded (no filing before then).
    claims_known: bool,
    /// Bumped to check again.
    version: u32,
    on_filed: Callback<ClaimDetail>,
}

/// One certificate: what it earns, who files, and the file button.
#[function_component]
fn CertificateEligibility(props: &CertificateEligibilityProps) -> Html {
    let lang = use_lang();
    let filing = use_mutation::<ClaimDetail>();
    let c = &props.certificate;
    let (eligibility, reload) =
        use_remote((c.number.clone(), props.version), |(n, _)| async move { api::subsidies::eligibility(&n).await });
    let on_file = {
        let (filing, reload) = (filing.clone(), reload.clone());
        let number = c.number.clone();
        let on_filed = props.on_filed.clone();
        Callback::from(move |_: MouseEvent| {
            let (reload, on_filed) = (reload.clone(), on_filed.clone());
            let body = FileClaim { certificate_number: number.to_string() };
            filing.run(
                format!("file {number}"),
                move |key| async move { api::subsidies::file_claim(&body, &key).await },
                move |result| match result {
                    Ok(detail) => on_filed.emit(detail),
                    // The rules may have changed: show the reasons now.
                    Err(ApiError::Server { body, .. }) if body.code == ErrorCode::NotEligible => reload.emit(()),
                    Err(_) => {}
                },
            );
        })
    };
    let number = c.number.clone();
    let submitting = filing.submitting();
    html! {
        <li class="eligibility-row" data-number={number.to_string()} id={format!("eligibility-{number}")}>
            <h3 class="eligibility-head">
                { kind_badge(lang, c.kind) }{ " " }
                <AppLink to={Route::Certificate { number: number.to_string() }}>{ number.to_string() }</AppLink>
            </h3>
            <p class="muted">{ c.class_title.clone() }{ " · " }{ c.institution.clone() }{ " · " }{ i18n::date(lang, c.issued_on) }</p>
            { remote_view(lang, &eligibility, &format!("eligibility-{number}-error"), &reload, |e| {
                eligibility_view(lang, e, props.claim.as_ref())
            }) }
            if let Some(error) = filing.error() {
                <p class="alert alert-error file-claim-error" role="alert">{ failure_message(lang, error) }</p>
            }
            if let Some(e) = eligibility.loaded() {
                if e.eligible && e.payee == Some(Payee::Trainee) && props.claims_known && props.claim.is_none() {
                    <div class="form-actions">
                        <button
                            type="button"
                            class="button primary file-claim"
                            data-number={number.to_string()}
                            disabled={submitting}
                            aria-busy={submitting.then_some("true")}
                            onclick={on_file}
                        >
                            { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::FileClaim) } }
                        </button>
                    </div>
                }
            }
        </li>
    }
}

fn eligibility_view(lang: Lang, e: &Eligibility, claim: Option<&ClaimSummary>) -> Html {
    html! {
        <div class="eligibility">
            if let Some(claim) = claim {
                <p class="eligibility-claim">
                    { t(lang, SubsidiesKey::ClaimExists) }{ " " }
                    { claim_status_badge(lang, claim.status, None) }{ " " }
                    <AppLink to={Route::Claim { id: claim.id.to_string() }}>{ t(lang, SubsidiesKey::ViewClaim) }</AppLink>
                </p>
            } else if e.eligible {
                <p><span class="badge badge-ok eligible">{ t(lang, SubsidiesKey::Eligible) }</span></p>
            } else {
                <>
                    <p class="eligibility-no"><span class="badge badge-stop">{ t(lang, SubsidiesKey::NotEligible) }</span></p>
                    { reasons_list(lang, &e.reasons, None, "eligibility-reasons") }
                </>
            }
            <dl class="facts compact">
                if let Some(amount) = e.amount_fen {
                    <div><dt>{ t(lang, SubsidiesKey::SubsidyAmount) }</dt><dd class="eligibility-amount money">{ amount.to_string() }</dd></div>
                }
                if let Some(payee) = e.payee {
                    <div><dt>{ t(lang, SubsidiesKey::WhoFiles) }</dt><dd class="eligibility-payee">{ i18n::payee_files(lang, payee) }</dd></div>
                }
            </dl>
        </div>
    }
}

/// The declaration fields in the order they appear, with their inputs.
const GROUP_FIELDS: [(&str, &str); 6] = [
    ("group", "group-select"),
    ("valid_from", "group-from"),
    ("valid_to", "group-to"),
    ("evidence", "group-evidence"),
    ("issued_in", "group-issued-in-0"),
    ("business_licence", "group-licence"),
];

/// Props of [`GroupForm`].
#[derive(Properties, PartialEq)]
struct GroupFormProps {
    on_declared: Callback<()>,
}

/// Declares a priority group.
#[function_component]
fn GroupForm(props: &GroupFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let onsubmit = {
        let on_declared = props.on_declared.clone();
        on_submit(&form, move |form| {
            let mut errors = FieldErrors::new();
            let body = NewDeclaration {
                group: PriorityGroup::from_name(&form.value("group")),
                valid_from: read_date(&form.value("valid_from"), "valid_from", &mut errors),
                valid_to: read_date(&form.value("valid_to"), "valid_to", &mut errors),
                evidence: form.value("evidence"),
                issued_in: Some(form.value("issued_in")).filter(|s| !s.is_empty()),
                business_licence: Some(form.value("business_licence")).filter(|s| !s.is_empty()),
            };
            if let Err(more) = body.validate() {
                for (field, code) in more {
                    errors.entry(field).or_insert(code);
                }
            }
            if !errors.is_empty() {
                if let Some((_, id)) = GROUP_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, on_declared) = (form.clone(), on_declared.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::subsidies::declare_group(&body).await {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_declared.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let options: Vec<(String, String)> = PriorityGroup::ALL
        .iter()
        .map(|g| (g.as_str().to_owned(), i18n::priority_group_name(lang, *g).to_owned()))
        .collect();
    let shown: Vec<&str> = GROUP_FIELDS.iter().map(|(f, _)| *f).collect();
    let submitting = form.submitting();
    html! {
        <form class="form subform" novalidate=true aria-labelledby="group-form-title" {onsubmit}>
            <h3 id="group-form-title">{ t(lang, SubsidiesKey::DeclareGroupTitle) }</h3>
            <p class="hint">{ t(lang, SubsidiesKey::DeclareGroupLead) }</p>
            <FormError id="group-form-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            if form.succeeded() {
                <p id="group-done" class="alert alert-success" role="status">{ t(lang, SubsidiesKey::GroupDeclared) }</p>
            }
            <SelectField
                id="group-select"
                label={t(lang, SubsidiesKey::PriorityGroupLabel)}
                value={form.value("group")}
                empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                {options}
                error={form.error(lang, "group")}
                onchange={setter(&form, "group")}
            />
            <div class="field-pair">
                <TextField
                    id="group-from"
                    label={t(lang, SubsidiesKey::GroupFrom)}
                    input_type="date"
                    value={form.value("valid_from")}
                    error={form.error(lang, "valid_from")}
                    oninput={setter(&form, "valid_from")}
                />
                <TextField
                    id="group-to"
                    label={t(lang, SubsidiesKey::GroupTo)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::GroupToHint))}
                    input_type="date"
                    required={false}
                    value={form.value("valid_to")}
                    error={form.error(lang, "valid_to")}
                    oninput={setter(&form, "valid_to")}
                />
            </div>
            <TextField
                id="group-evidence"
                label={t(lang, SubsidiesKey::GroupEvidence)}
                hint={AttrValue::from(t(lang, SubsidiesKey::GroupEvidenceHint))}
                maxlength={200}
                value={form.value("evidence")}
                error={form.error(lang, "evidence")}
                oninput={setter(&form, "evidence")}
            />
            <RegionPicker
                id_prefix="group-issued-in"
                legend={t(lang, SubsidiesKey::GroupIssuedIn)}
                hint={AttrValue::from(t(lang, SubsidiesKey::GroupIssuedInHint))}
                value={form.value("issued_in")}
                error={form.error(lang, "issued_in")}
                onchange={setter(&form, "issued_in")}
                depth={3}
            />
            if form.value("group") == PriorityGroup::NewSmallBusinessHead.as_str() {
                <TextField
                    id="group-licence"
                    label={t(lang, SubsidiesKey::GroupLicence)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::GroupLicenceHint))}
                    maxlength={18}
                    value={form.value("business_licence")}
                    error={form.error(lang, "business_licence")}
                    oninput={setter(&form, "business_licence")}
                />
            }
            <div class="form-actions">
                <button id="group-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::DeclareGroup) } }
                </button>
            </div>
        </form>
    }
}
