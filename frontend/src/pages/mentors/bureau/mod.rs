//! `/bureau/mentors`: the bureau's mentor library, by status (applications
//! first), with the decisions each state allows and the yearly evaluation,
//! then the region's recorded group sessions for the bureau to confirm.

use malanhua_shared::api::mentors::MentorStatus;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::status_param::use_status_param;
use crate::hooks::title::use_title;
use crate::i18n::{self, MentorDeskKey, t};

mod decision;
mod group_services;
mod row;

/// `/bureau/mentors` (signed in; the server allows officers only).
#[function_component]
pub fn BureauMentorsPage() -> Html {
    use_title(MentorDeskKey::BureauTitle);
    html! {
        <RequireSignIn>
            <BureauMentors />
        </RequireSignIn>
    }
}

#[function_component]
fn BureauMentors() -> Html {
    let lang = use_lang();
    // The status is in the address (`?status=`, applications by default).
    let (status_name, on_status) = use_status_param(Route::BureauMentors, MentorStatus::Applied.as_str());
    let status = MentorStatus::from_name(&status_name).unwrap_or(MentorStatus::Applied);
    let (list, reload) = use_remote(status, |s| async move { api::mentors::bureau_mentors(Some(s)).await });
    let statuses: Vec<(String, String)> = MentorStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), i18n::mentor_status_name(lang, *s).to_owned()))
        .collect();
    html! {
        <div class="page">
            <h1>{ t(lang, MentorDeskKey::BureauTitle) }</h1>
            <div class="form filters-inline">
                <SelectField id="bureau-mentor-status" label={t(lang, MentorDeskKey::StatusFilter)} value={status.as_str()}
                    options={statuses} onchange={on_status} />
            </div>
            { remote_view(lang, &list, "bureau-mentors-error", &reload, |list| html! {
                <>
                    if list.is_empty() {
                        <p class="empty" id="bureau-mentors-empty">{ t(lang, MentorDeskKey::NoMentors) }</p>
                    }
                    <ul id="bureau-mentor-list" class="appointment-list">
                        { for list.iter().map(|m| html! { <row::MentorRow key={m.card.id.to_string()} record={m.clone()} on_change={reload.clone()} /> }) }
                    </ul>
                </>
            }) }
            <group_services::GroupServices />
        </div>
    }
}
