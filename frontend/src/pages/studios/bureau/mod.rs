//! `/bureau/studios`: the bureau's studios (工作室管理): the worklist by
//! status, with each studio's grant claim, missing reports, evaluation and
//! revocation; and the region's studio policy and mentor fee standard.

mod decisions;
mod fee_policy;
mod policy;
mod row;
mod versions;

use malanhua_shared::api::studios::StudioStatus;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::{RequireSignIn, not_an_officer};
use crate::components::select_field::SelectField;
use crate::hooks::lang::use_lang;
use crate::hooks::officer_regions::{OfficerRegions, use_officer_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, ClassesKey, StudiosKey, t};
use fee_policy::FeeRules;
use policy::StudioRules;
use versions::PolicyPanel;

/// `/bureau/studios` (signed in; officers only on the server).
#[function_component]
pub fn BureauStudiosPage() -> Html {
    use_title(StudiosKey::BureauTitle);
    html! {
        <RequireSignIn>
            <BureauStudios />
        </RequireSignIn>
    }
}

#[function_component]
fn BureauStudios() -> Html {
    let lang = use_lang();
    let OfficerRegions { region, options, choose, .. } = use_officer_regions();
    let status = use_state(String::new);
    let (list, reload) =
        use_remote(
            (*status).clone(),
            |s| async move { api::studios::bureau_studios(StudioStatus::from_name(&s)).await },
        );
    let Some(region) = region else {
        return not_an_officer(lang, t(lang, StudiosKey::BureauTitle));
    };
    let statuses: Vec<(String, String)> = StudioStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), i18n::studio_status_name(lang, *s).to_owned()))
        .collect();
    let on_status = {
        let status = status.clone();
        Callback::from(move |v: String| status.set(v))
    };
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, StudiosKey::BureauTitle) }</h1>
            <p class="lead">{ t(lang, StudiosKey::BureauLead) }</p>
            <section class="panel" aria-labelledby="bureau-studios-title">
                <h2 id="bureau-studios-title">{ t(lang, StudiosKey::NavStudios) }</h2>
                <div class="form filters-inline">
                    <SelectField id="bureau-studio-status" label={t(lang, StudiosKey::StatusFilter)} value={(*status).clone()}
                        empty={AttrValue::from(t(lang, ClassesKey::AllStatuses))} options={statuses} required={false} onchange={on_status} />
                </div>
                { remote_view(lang, &list, "bureau-studios-error", &reload, |list| html! {
                    <>
                        if list.is_empty() {
                            <p class="empty" id="bureau-studios-empty">{ t(lang, StudiosKey::NoWork) }</p>
                        }
                        <ul id="bureau-studio-list" class="appointment-list">
                            { for list.iter().map(|w| html! { <row::WorkRow key={w.studio.id.to_string()} work={w.clone()} on_change={reload.clone()} /> }) }
                        </ul>
                    </>
                }) }
            </section>
            if options.len() > 1 {
                <div class="form inline-filter">
                    <SelectField id="studio-policy-region" label={t(lang, AccountsKey::BureauRegion)} value={region.as_str().to_owned()} {options} onchange={choose} />
                </div>
            }
            <div class="forms">
                <PolicyPanel<StudioRules> key={format!("sp-{}", region.as_str())} region={region.clone()} />
                <PolicyPanel<FeeRules> key={format!("fp-{}", region.as_str())} region={region.clone()} />
            </div>
        </div>
    }
}
