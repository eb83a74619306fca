//! `/admin`: staff accounts. Admins see every staff account and create
//! bureau and institution accounts; bureau officers see and create the
//! institution accounts of their region.

use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Utc};
use malanhua_shared::api::{NewBureauAccount, NewInstitutionAccount, StaffAccount};
use malanhua_shared::{FieldErrors, RegionCode, Role};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus;
use crate::components::form_error::{FormError, failure_message};
use crate::components::region_picker::RegionPicker;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CommonKey, Lang, t};

/// An empty password means "the mobile is already registered".
fn optional(password: String) -> Option<String> {
    (!password.is_empty()).then_some(password)
}

/// Moves focus to the first refused field; `prefix` is `bureau` or `inst`.
fn focus_first(prefix: &str, order: &[&str], errors: &FieldErrors) {
    if let Some(field) = order.iter().find(|f| errors.contains_key(**f)) {
        let id = if *field == "region" { format!("{prefix}-region-province") } else { format!("{prefix}-{field}") };
        focus(&id);
    }
}

/// A time in China Standard Time.
fn beijing_time(at: DateTime<Utc>) -> String {
    match FixedOffset::east_opt(8 * 3600) {
        Some(cst) => at.with_timezone(&cst).format("%Y-%m-%d %H:%M").to_string(),
        None => at.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

/// `/admin` (signed in only).
#[function_component]
pub fn AdminPage() -> Html {
    use_title(AccountsKey::AdminTitle);
    html! {
        <RequireSignIn>
            <Admin />
        </RequireSignIn>
    }
}

/// The staff list as loaded.
#[derive(Debug, Clone, PartialEq)]
enum Accounts {
    Loading,
    Loaded(Vec<StaffAccount>),
    Failed(ApiError),
}

#[function_component]
fn Admin() -> Html {
    let lang = use_lang();
    let session = use_session();
    let accounts = use_state(|| Accounts::Loading);
    let is_admin = session.has_role(Role::Admin);
    let bureau_regions: Vec<RegionCode> =
        session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    let is_officer = session.has_role(Role::BureauOfficer);
    let allowed = is_admin || is_officer;

    {
        let accounts = accounts.clone();
        use_effect_with(allowed, move |allowed| {
            if *allowed {
                wasm_bindgen_futures::spawn_local(async move {
                    match api::admin::accounts().await {
                        Ok(list) => accounts.set(Accounts::Loaded(list)),
                        Err(e) => accounts.set(Accounts::Failed(e)),
                    }
                });
            }
        });
    }

    if !allowed {
        return html! {
            <section class="page narrow">
                <h1>{ t(lang, AccountsKey::AdminTitle) }</h1>
                <p class="alert alert-error" role="alert">{ t(lang, AccountsKey::AdminForbidden) }</p>
            </section>
        };
    }

    let on_created = {
        let accounts = accounts.clone();
        Callback::from(move |created: StaffAccount| {
            let mut list = match &*accounts {
                Accounts::Loaded(list) => list.clone(),
                Accounts::Loading | Accounts::Failed(_) => Vec::new(),
            };
            list.retain(|a| !(a.user_id == created.user_id && a.role == created.role && a.region == created.region));
            list.insert(0, created);
            accounts.set(Accounts::Loaded(list));
        })
    };
    // An officer's institution form only offers the officer's regions.
    let scope = if is_admin { Vec::new() } else { bureau_regions };

    html! {
        <div class="page">
            <h1>{ t(lang, AccountsKey::AdminTitle) }</h1>
            <AccountsSection accounts={(*accounts).clone()} {is_admin} />
            <div class="forms">
                if is_admin {
                    <BureauForm on_created={on_created.clone()} />
                }
                <InstitutionForm {on_created} {scope} />
            </div>
        </div>
    }
}

/// Props of [`AccountsSection`].
#[derive(Properties, PartialEq)]
struct AccountsSectionProps {
    accounts: Accounts,
    is_admin: bool,
}

/// The staff table; it stacks into cards on narrow screens.
#[function_component]
fn AccountsSection(props: &AccountsSectionProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let lead = if props.is_admin { AccountsKey::AccountsLeadAdmin } else { AccountsKey::AccountsLeadBureau };
    let body = match &props.accounts {
        Accounts::Loading => html! { <p class="loading" role="status">{ t(lang, CommonKey::Loading) }</p> },
        Accounts::Failed(e) => html! {
            <p class="alert alert-error" role="alert" id="accounts-error">{ failure_message(lang, e) }</p>
        },
        Accounts::Loaded(list) => html! {
            <>
                <div class="table-wrap">
                    <table id="accounts-table" class="stack">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, AccountsKey::ColName) }</th>
                                <th scope="col">{ t(lang, AccountsKey::ColMobile) }</th>
                                <th scope="col">{ t(lang, AccountsKey::ColRole) }</th>
                                <th scope="col">{ t(lang, AccountsKey::ColRegion) }</th>
                                <th scope="col">{ t(lang, AccountsKey::ColInstitution) }</th>
                                <th scope="col">{ t(lang, AccountsKey::ColGranted) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for list.iter().map(|a| account_row(lang, a, regions.as_deref())) }
                        </tbody>
                    </table>
                </div>
                if list.is_empty() {
                    <p class="muted">{ t(lang, AccountsKey::NoAccounts) }</p>
                }
            </>
        },
    };
    html! {
        <section class="panel" aria-labelledby="accounts-title">
            <h2 id="accounts-title">{ t(lang, AccountsKey::AccountsSection) }</h2>
            <p>{ t(lang, lead) }</p>
            { body }
        </section>
    }
}

fn account_row(lang: Lang, a: &StaffAccount, regions: Option<&Regions>) -> Html {
    let region = match (regions, &a.region) {
        (Some(r), Some(code)) => r.full_label(lang, code, a.region_name.as_deref()),
        _ => a.region_name.clone().or_else(|| a.region.as_ref().map(|c| c.as_str().to_owned())).unwrap_or_default(),
    };
    let key = format!("{}-{}-{}", a.user_id, a.role.as_str(), a.region.as_ref().map(RegionCode::as_str).unwrap_or(""));
    let dash = || "—".to_owned();
    html! {
        <tr {key}>
            <td data-label={t(lang, AccountsKey::ColName)}>{ a.real_name.clone().unwrap_or_else(dash) }</td>
            <td data-label={t(lang, AccountsKey::ColMobile)}>{ a.mobile_masked.clone() }</td>
            <td data-label={t(lang, AccountsKey::ColRole)}>{ i18n::role_name(lang, a.role) }</td>
            <td data-label={t(lang, AccountsKey::ColRegion)}>{ if region.is_empty() { dash() } else { region } }</td>
            <td data-label={t(lang, AccountsKey::ColInstitution)}>
                { a.institution.as_ref().map(|i| i.name.clone()).unwrap_or_else(dash) }
            </td>
            <td data-label={t(lang, AccountsKey::ColGranted)}>
                <time datetime={a.granted_at.to_rfc3339()}>{ beijing_time(a.granted_at) }</time>
            </td>
        </tr>
    }
}

/// Props of the account forms.
#[derive(Properties, PartialEq)]
struct BureauFormProps {
    on_created: Callback<StaffAccount>,
}

/// The bureau fields in the order they appear.
const BUREAU_FIELDS: [&str; 4] = ["mobile", "password", "real_name", "region"];

/// "Create bureau account" (admins).
#[function_component]
fn BureauForm(props: &BureauFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Rc<StaffAccount>>);

    let onsubmit = {
        let form = form.clone();
        let created = created.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let body = NewBureauAccount {
                mobile: form.value("mobile"),
                password: optional(form.value("password")),
                real_name: form.value("real_name"),
                region: form.value("region"),
            };
            if let Err(errors) = body.validate() {
                focus_first("bureau", &BUREAU_FIELDS, &errors);
                created.set(None);
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            created.set(None);
            let form = form.clone();
            let created = created.clone();
            let on_created = on_created.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::admin::create_bureau_account(&body).await {
                    Ok(account) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
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
        <section class="panel" aria-labelledby="bureau-title">
            <h2 id="bureau-title">{ t(lang, AccountsKey::BureauFormTitle) }</h2>
            <p>{ t(lang, AccountsKey::BureauFormLead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="bureau-form-error" failure={form.failure().cloned()} others={form.other_errors(&BUREAU_FIELDS)} />
                if let Some(account) = &*created {
                    <p id="bureau-created" class="alert alert-success" role="status">
                        { created_message(lang, account) }
                    </p>
                }
                <TextField
                    id="bureau-mobile"
                    label={t(lang, AccountsKey::Mobile)}
                    input_type="tel"
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("mobile")}
                    error={form.error(lang, "mobile")}
                    oninput={setter(&form, "mobile")}
                />
                <TextField
                    id="bureau-password"
                    label={t(lang, AccountsKey::InitialPassword)}
                    hint={AttrValue::from(i18n::initial_password_hint(lang, &malanhua_shared::password::MIN_CHARS.to_string()))}
                    input_type="password"
                    autocomplete={AttrValue::Static("new-password")}
                    required={false}
                    value={form.value("password")}
                    error={form.error(lang, "password")}
                    oninput={setter(&form, "password")}
                />
                <TextField
                    id="bureau-real_name"
                    label={t(lang, AccountsKey::RealName)}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("real_name")}
                    error={form.error(lang, "real_name")}
                    oninput={setter(&form, "real_name")}
                />
                <RegionPicker
                    id_prefix="bureau-region"
                    legend={t(lang, AccountsKey::BureauRegion)}
                    value={form.value("region")}
                    error={form.error(lang, "region")}
                    onchange={setter(&form, "region")}
                />
                <div class="form-actions">
                    <button id="bureau-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, AccountsKey::CreateBureau) } }
                    </button>
                </div>
            </form>
        </section>
    }
}

fn created_message(lang: Lang, account: &StaffAccount) -> String {
    let name = account.real_name.clone().unwrap_or_default();
    i18n::account_created(lang, &name, &account.mobile_masked)
}

/// Props of [`InstitutionForm`].
#[derive(Properties, PartialEq)]
struct InstitutionFormProps {
    on_created: Callback<StaffAccount>,
    /// The officer's regions; empty for admins.
    scope: Vec<RegionCode>,
}

/// The institution fields in the order they appear.
const INST_FIELDS: [&str; 5] = ["institution_name", "region", "mobile", "password", "real_name"];

/// "Create institution account" (admins, and officers for their region).
#[function_component]
fn InstitutionForm(props: &InstitutionFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Rc<StaffAccount>>);

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
        let form = form.clone();
        let created = created.clone();
        let on_created = props.on_created.clone();
        let scope = props.scope.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let body = NewInstitutionAccount {
                institution_name: form.value("institution_name"),
                region: form.value("region"),
                mobile: form.value("mobile"),
                password: optional(form.value("password")),
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
                <TextField
                    id="inst-mobile"
                    label={t(lang, AccountsKey::Mobile)}
                    input_type="tel"
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("mobile")}
                    error={form.error(lang, "mobile")}
                    oninput={setter(&form, "mobile")}
                />
                <TextField
                    id="inst-password"
                    label={t(lang, AccountsKey::InitialPassword)}
                    hint={AttrValue::from(i18n::initial_password_hint(lang, &malanhua_shared::password::MIN_CHARS.to_string()))}
                    input_type="password"
                    autocomplete={AttrValue::Static("new-password")}
                    required={false}
                    value={form.value("password")}
                    error={form.error(lang, "password")}
                    oninput={setter(&form, "password")}
                />
                <TextField
                    id="inst-real_name"
                    label={t(lang, AccountsKey::RealName)}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("real_name")}
                    error={form.error(lang, "real_name")}
                    oninput={setter(&form, "real_name")}
                />
                <div class="form-actions">
                    <button id="inst-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, AccountsKey::CreateInstitution) } }
                    </button>
                </div>
            </form>
        </section>
    }
}
