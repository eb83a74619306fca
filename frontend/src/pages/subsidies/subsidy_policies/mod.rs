//! `/bureau/subsidy-policies`: the training-subsidy standards (补贴标准) of
//! the officer's region: every version in force here, its own and those
//! inherited from the regions above, and a form for a new version.

mod form;
mod proposals;

use malanhua_shared::RegionCode;
use malanhua_shared::api::subsidies::SubsidyPolicy;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::kind_badge;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::{RequireSignIn, not_an_officer};
use crate::components::select_field::SelectField;
use crate::hooks::lang::use_lang;
use crate::hooks::officer_regions::{OfficerRegions, use_officer_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, Lang, SubsidiesKey, t};
use form::PolicyForm;
use proposals::WaitingProposals;

/// `/bureau/subsidy-policies` (signed in; bureau officers).
#[function_component]
pub fn SubsidyPoliciesPage() -> Html {
    use_title(SubsidiesKey::SubsidyPoliciesTitle);
    html! {
        <RequireSignIn>
            <SubsidyPolicies />
        </RequireSignIn>
    }
}

#[function_component]
fn SubsidyPolicies() -> Html {
    let lang = use_lang();
    let OfficerRegions { region, label: region_name, options, choose } = use_officer_regions();
    let (list, reload) = use_remote(region.clone(), |region| async move {
        match region {
            Some(region) => api::subsidies::policies(&region).await,
            None => Ok(Vec::new()),
        }
    });
    let (proposals, reload_proposals) = use_remote((), |()| api::subsidies::waiting_proposals());
    let copy = use_state(|| None::<SubsidyPolicy>);
    let Some(region) = region else {
        return not_an_officer(lang, t(lang, SubsidiesKey::SubsidyPoliciesTitle));
    };
    let on_region = {
        let copy = copy.clone();
        Callback::from(move |value: String| {
            copy.set(None);
            choose.emit(value);
        })
    };
    let on_copy = {
        let copy = copy.clone();
        Callback::from(move |p: SubsidyPolicy| copy.set(Some(p)))
    };
    // The form starts again for another region, or from a copied version.
    let form_key = format!("{}-{}", region.as_str(), copy.as_ref().map(|p| p.id.as_str()).unwrap_or_default());
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, SubsidiesKey::SubsidyPoliciesTitle) }</h1>
            <p class="lead">{ i18n::subsidy_policies_lead(lang, &region_name) }</p>
            if options.len() > 1 {
                <div class="form inline-filter">
                    <SelectField id="sp-region" label={t(lang, AccountsKey::BureauRegion)} value={region.as_str().to_owned()} {options} onchange={on_region} />
                </div>
            }
            <WaitingProposals region={region.clone()} list={(*proposals).clone()} reload={reload_proposals.clone()} on_confirmed={reload.clone()} />
            <div class="forms wide-first">
                <section class="panel" aria-labelledby="sp-versions-title">
                    <h2 id="sp-versions-title">{ t(lang, SubsidiesKey::SubsidyVersionsTitle) }</h2>
                    { remote_view(lang, &list, "sp-versions-error", &reload, |list| versions(lang, list, &region, &on_copy)) }
                </section>
                <PolicyForm key={form_key} region={region.clone()} copy={(*copy).clone()} on_saved={reload.reform(|_: SubsidyPolicy| ())} on_proposed={reload_proposals.reform(|_| ())} />
            </div>
        </div>
    }
}

fn versions(lang: Lang, list: &[SubsidyPolicy], region: &RegionCode, on_copy: &Callback<SubsidyPolicy>) -> Html {
    let mut list: Vec<&SubsidyPolicy> = list.iter().collect();
    list.sort_by(|a, b| (a.kind, b.effective_from, &a.region_code).cmp(&(b.kind, a.effective_from, &b.region_code)));
    if list.is_empty() {
        return html! { <p class="empty" id="sp-versions-empty">{ t(lang, SubsidiesKey::NoSubsidyPolicies) }</p> };
    }
    html! {
        <ul id="sp-versions" class="plain rows">
            { for list.iter().map(|p| {
                let own = p.region_code == region.as_str();
                let copy = {
                    let (on_copy, p) = (on_copy.clone(), (*p).clone());
                    Callback::from(move |_: MouseEvent| on_copy.emit(p.clone()))
                };
                let groups: Vec<&str> = p.eligible_groups.iter().map(|g| i18n::priority_group_name(lang, *g)).collect();
                let dates = match p.ends_on {
                    Some(end) => i18n::date_range(lang, &i18n::date(lang, p.effective_from), &i18n::date(lang, end)),
                    None => i18n::from_date_onward(lang, &i18n::date(lang, p.effective_from)),
                };
                html! {
                    <li key={p.id.to_string()} class={classes!("sp-version", if own { "sp-own" } else { "sp-inherited" })} data-id={p.id.to_string()} data-kind={p.kind.as_str()}>
                        <p class="class-badges">
                            { kind_badge(lang, p.kind) }
                            if own {
                                <span class="badge badge-ok">{ t(lang, SubsidiesKey::SubsidyOwn) }</span>
                            } else {
                                <span class="badge badge-muted">{ i18n::subsidy_inherited(lang, &p.region_name) }</span>
                            }
                            if p.in_use {
                                <span class="badge badge-todo">{ t(lang, SubsidiesKey::PolicyInUse) }</span>
                            }
                        </p>
                        <p>
                            <strong class="money">{ p.amount_fen.to_string() }</strong>{ " · " }
                            { dates }{ " · " }
                            { i18n::paid_to(lang, i18n::payee_name(lang, p.payee)) }
                        </p>
                        <p class="muted">
                            { groups.join(t(lang, CertificatesKey::ListSeparator)) }
                            <br />
                            { i18n::policy_terms(lang, &p.claim_window_months.to_string(), &p.notice_days.to_string()) }
                            if p.one_per_year {
                                { t(lang, CertificatesKey::ListSeparator) }{ t(lang, SubsidiesKey::OnePerYear) }
                            }
                        </p>
                        if own {
                            <button type="button" class="button secondary small sp-copy" data-id={p.id.to_string()} onclick={copy}>
                                { t(lang, SubsidiesKey::CopyToForm) }
                            </button>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
