//! `/bureau`: a bureau officer's workbench: deciding the opening requests
//! of the region, and the region's course policies.

mod policies;
mod review;

use std::rc::Rc;

use malanhua_shared::course::ClassStatus;
use malanhua_shared::{RegionCode, Role};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::{RequireSignIn, not_an_officer};
use crate::components::select_field::SelectField;
use crate::hooks::lang::use_lang;
use crate::hooks::list_keys::use_list_keys;
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::status_param::use_status_param;
use crate::hooks::title::use_title;
use crate::i18n::{
    self, CertificatesKey, ClassesKey, CommonKey, MentorDeskKey, OutreachKey, PrivacyKey, StatisticsKey, StudiosKey,
    SubsidiesKey, t,
};
use policies::Policies;
use review::ReviewItem;

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
        return not_an_officer(lang, t(lang, ClassesKey::BureauTitle));
    }
    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::BureauTitle) }</h1>
            <nav class="panel subsidy-links" aria-labelledby="subsidy-links-title">
                <h2 id="subsidy-links-title">{ t(lang, SubsidiesKey::SubsidyWorkTitle) }</h2>
                <ul class="actions plain">
                    <li><AppLink id="bureau-claims-link" to={Route::BureauClaims} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::BureauClaimsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-statistics-link" to={Route::BureauStatistics} classes={classes!("button", "secondary")}>{ t(lang, StatisticsKey::StatisticsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-outreach-link" to={Route::BureauOutreach} classes={classes!("button", "secondary")}>{ t(lang, OutreachKey::OutreachTitle) }</AppLink></li>
                    <li><AppLink id="bureau-completions-link" to={Route::BureauCompletions} classes={classes!("button", "secondary")}>{ t(lang, CertificatesKey::CompletionsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-mentors-link" to={Route::BureauMentors} classes={classes!("button", "secondary")}>{ t(lang, MentorDeskKey::BureauTitle) }</AppLink></li>
                    <li><AppLink id="bureau-groups-link" to={Route::BureauGroups} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::BureauGroupsTitle) }</AppLink></li>
                    <li><AppLink id="bureau-subsidy-policies-link" to={Route::SubsidyPolicies} classes={classes!("button", "secondary")}>{ t(lang, SubsidiesKey::SubsidyPoliciesTitle) }</AppLink></li>
                    <li><AppLink id="bureau-studios-link" to={Route::BureauStudios} classes={classes!("button", "secondary")}>{ t(lang, StudiosKey::BureauTitle) }</AppLink></li>
                    <li><AppLink id="bureau-personal-data-link" to={Route::PersonalData} classes={classes!("button", "secondary")}>{ t(lang, PrivacyKey::PersonalDataTitle) }</AppLink></li>
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
    // The status is in the address (`?status=`, pending by default).
    let (status_name, set_status) = use_status_param(Route::Bureau, ClassStatus::Pending.as_str());
    let status = ClassStatus::from_name(&status_name);
    let done = use_state(|| None::<String>);
    let (list, reload) = use_remote(status, api::classes::bureau_classes);
    // j/k move along the requests waiting (to each one's approval), Enter asks it.
    use_list_keys(
        list.loaded()
            .into_iter()
            .flatten()
            .filter(|c| c.status == ClassStatus::Pending)
            .map(|c| format!("approve-{}", c.id))
            .collect(),
    );
    let on_status = {
        let done = done.clone();
        Callback::from(move |value: String| {
            done.set(None);
            set_status.emit(value);
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
                            <li key={c.id.to_string()} id={format!("pending-{}", c.id)}>
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
