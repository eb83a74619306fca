//! `/admin`: staff accounts. Admins see every staff account, create
//! bureau and institution accounts, revoke staff roles, and keep the
//! working-day calendar; bureau officers see, create and revoke the
//! institution accounts of their region.

mod bureau_form;
mod calendar;
mod institution_form;
mod revoke;

use chrono::{DateTime, FixedOffset, Utc};
use malanhua_shared::api::StaffAccount;
use malanhua_shared::api::verification::StaffInvitation;
use malanhua_shared::{FieldErrors, RegionCode, Role};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::{hidden, stack_table};
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, setter};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CommonKey, Lang, LifecycleKey, VerifyKey, t};
use bureau_form::BureauForm;
use institution_form::InstitutionForm;

/// Moves focus to the first refused field; `prefix` is `bureau` or `inst`.
fn focus_first(prefix: &str, order: &[&str], errors: &FieldErrors) {
    if let Some(field) = order.iter().find(|f| errors.contains_key(**f)) {
        let id = if *field == "region" { format!("{prefix}-region-province") } else { format!("{prefix}-{field}") };
        focus(&id);
    }
}

/// "An offer was sent to name (mobile) ...".
fn created_message(lang: Lang, offer: &StaffInvitation) -> String {
    i18n::invitation_sent(lang, &offer.real_name, &offer.mobile_masked)
}

/// The person fields both staff forms share: mobile and real name, with ids
/// `{prefix}-mobile` and so on. Nobody types a password for someone else:
/// the person sets their own after proving the mobile.
fn person_fields(lang: Lang, form: &UseReducerHandle<Form>, prefix: &str) -> Html {
    html! {
        <>
            <TextField
                id={format!("{prefix}-mobile")}
                label={t(lang, AccountsKey::Mobile)}
                input_type="tel"
                inputmode={AttrValue::Static("numeric")}
                autocomplete={AttrValue::Static("off")}
                value={form.value("mobile")}
                error={form.error(lang, "mobile")}
                oninput={setter(form, "mobile")}
            />
            <TextField
                id={format!("{prefix}-real_name")}
                label={t(lang, AccountsKey::RealName)}
                autocomplete={AttrValue::Static("off")}
                value={form.value("real_name")}
                error={form.error(lang, "real_name")}
                oninput={setter(form, "real_name")}
            />
        </>
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
    // Bumped to load the staff list again (after a revocation).
    let reload = use_state(|| 0_u32);
    let revoking = use_state(|| None::<StaffAccount>);
    let revoked = use_state(|| false);
    let is_admin = session.has_role(Role::Admin);
    let bureau_regions: Vec<RegionCode> =
        session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    let is_officer = session.has_role(Role::BureauOfficer);
    let allowed = is_admin || is_officer;

    {
        let accounts = accounts.clone();
        use_effect_with((allowed, *reload), move |(allowed, _)| {
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

    let offers = use_state(|| None::<Vec<StaffInvitation>>);
    {
        let offers = offers.clone();
        use_effect_with(allowed, move |allowed| {
            if *allowed {
                wasm_bindgen_futures::spawn_local(async move {
                    offers.set(api::admin::invitations().await.ok());
                });
            }
        });
    }
    let on_created = {
        let offers = offers.clone();
        Callback::from(move |made: StaffInvitation| {
            let mut list = (*offers).clone().unwrap_or_default();
            list.retain(|o| o.id != made.id);
            list.insert(0, made);
            offers.set(Some(list));
        })
    };
    // An officer's institution form only offers the officer's regions.
    let scope = if is_admin { Vec::new() } else { bureau_regions };
    let me = session.me.as_ref().map(|m| m.id.clone());
    let on_revoke = {
        let (revoking, revoked) = (revoking.clone(), revoked.clone());
        Callback::from(move |a: StaffAccount| {
            revoked.set(false);
            revoking.set(Some(a));
            focus("revoke-reason");
        })
    };
    let on_revoked = {
        let (revoking, revoked, reload) = (revoking.clone(), revoked.clone(), reload.clone());
        Callback::from(move |()| {
            revoking.set(None);
            revoked.set(true);
            reload.set(reload.wrapping_add(1));
        })
    };
    let on_cancel = {
        let revoking = revoking.clone();
        Callback::from(move |()| revoking.set(None))
    };

    html! {
        <div class="page">
            <h1>{ t(lang, AccountsKey::AdminTitle) }</h1>
            <AccountsSection accounts={(*accounts).clone()} {is_admin} {me} {on_revoke} />
            if *revoked {
                <p id="role-revoked" class="alert alert-success" role="status">{ t(lang, LifecycleKey::RevokeDone) }</p>
            }
            if let Some(account) = &*revoking {
                <revoke::RevokePanel key={account.user_id.as_str().to_owned()} account={account.clone()} on_done={on_revoked} {on_cancel} />
            }
            <OffersSection offers={(*offers).clone()} />
            <div class="forms">
                if is_admin {
                    <BureauForm on_created={on_created.clone()} />
                }
                <InstitutionForm {on_created} {scope} />
            </div>
            if is_admin {
                <calendar::CalendarSection />
            }
        </div>
    }
}

/// Props of [`AccountsSection`].
#[derive(Properties, PartialEq)]
struct AccountsSectionProps {
    accounts: Accounts,
    is_admin: bool,
    /// The signed-in person, whose own role is not offered for revoking.
    me: Option<malanhua_shared::UserId>,
    on_revoke: Callback<StaffAccount>,
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
                { stack_table("accounts-table", &[t(lang, AccountsKey::ColName).into(), t(lang, AccountsKey::ColMobile).into(), t(lang, AccountsKey::ColRole).into(), t(lang, AccountsKey::ColRegion).into(), t(lang, AccountsKey::ColInstitution).into(), t(lang, AccountsKey::ColGranted).into(), hidden(t(lang, LifecycleKey::RevokeButton))], html! { <>
                            { for list.iter().map(|a| {
                                let revocable = props.me.as_ref() != Some(&a.user_id)
                                    && (a.role == Role::InstitutionStaff || (props.is_admin && a.role == Role::BureauOfficer));
                                let on_revoke = revocable.then(|| props.on_revoke.reform({
                                    let a = a.clone();
                                    move |_: MouseEvent| a.clone()
                                }));
                                account_row(lang, a, regions.as_deref(), on_revoke)
                            }) }
                </> }) }
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

/// Props of [`OffersSection`].
#[derive(Properties, PartialEq)]
struct OffersSectionProps {
    offers: Option<Vec<StaffInvitation>>,
}

/// Roles offered and not yet taken up by their owner.
#[function_component]
fn OffersSection(props: &OffersSectionProps) -> Html {
    let lang = use_lang();
    let waiting: Vec<&StaffInvitation> = props.offers.iter().flatten().filter(|o| o.accepted_at.is_none()).collect();
    let head = [
        t(lang, AccountsKey::ColName).into(),
        t(lang, AccountsKey::ColMobile).into(),
        t(lang, AccountsKey::ColRole).into(),
        t(lang, AccountsKey::ColInstitution).into(),
        t(lang, VerifyKey::ColInvited).into(),
        t(lang, VerifyKey::ColExpires).into(),
    ];
    let row = |o: &&StaffInvitation| {
        html! {
            <tr key={o.id.clone()}>
                <td data-label={t(lang, AccountsKey::ColName)}>{ o.real_name.clone() }</td>
                <td data-label={t(lang, AccountsKey::ColMobile)}>{ o.mobile_masked.clone() }</td>
                <td data-label={t(lang, AccountsKey::ColRole)}>{ i18n::role_name(lang, o.role) }</td>
                <td data-label={t(lang, AccountsKey::ColInstitution)}>
                    { o.institution.as_ref().map(|i| i.name.clone()).unwrap_or_else(|| "—".into()) }
                </td>
                <td data-label={t(lang, VerifyKey::ColInvited)}>{ beijing_time(o.invited_at) }</td>
                <td data-label={t(lang, VerifyKey::ColExpires)}>{ beijing_time(o.expires_at) }</td>
            </tr>
        }
    };
    html! {
        <section class="panel" aria-labelledby="offers-title">
            <h2 id="offers-title">{ t(lang, VerifyKey::InvitationsSection) }</h2>
            <p>{ t(lang, VerifyKey::InvitationsLead) }</p>
            if waiting.is_empty() {
                <p class="muted">{ t(lang, VerifyKey::NoInvitations) }</p>
            } else {
                { stack_table("offers-table", &head, html! { <>{ for waiting.iter().map(row) }</> }) }
            }
        </section>
    }
}

fn account_row(
    lang: Lang,
    a: &StaffAccount,
    regions: Option<&Regions>,
    on_revoke: Option<Callback<MouseEvent>>,
) -> Html {
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
            <td>
                if let Some(onclick) = on_revoke {
                    <button id={format!("revoke-{}-{}", a.user_id.as_str(), a.role.as_str())} type="button" class="button small" {onclick}>
                        { t(lang, LifecycleKey::RevokeButton) }
                    </button>
                }
            </td>
        </tr>
    }
}
