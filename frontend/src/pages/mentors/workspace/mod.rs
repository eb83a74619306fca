//! `/mentor`: the mentor's workspace. Without a record (`GET /api/me/mentor`
//! answers 404) it is the application form; with one it shows the status
//! and the sections: requests and appointments, availability, group
//! sessions, the studio, service fees, profile and ratings.

use malanhua_shared::ErrorCode;
use malanhua_shared::api::mentors::{MentorRecord, MentorStatus};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::title::use_title;
use crate::i18n::{self, FeesKey, Lang, MentorDeskKey, StudiosKey, Text, t};
use crate::pages::mentors::info::mentor_badge;

mod appointments;
mod attendees;
mod availability;
mod fees;
mod groups;
mod profile_form;
mod ratings;
mod studio;

/// The sections of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Appointments,
    Availability,
    Groups,
    Studio,
    Fees,
    Profile,
    Ratings,
}

/// Each section with its tab's text and id.
fn sections() -> [(Section, Text, &'static str); 7] {
    [
        (Section::Appointments, MentorDeskKey::TabAppointments.into(), "tab-appointments"),
        (Section::Availability, MentorDeskKey::TabAvailability.into(), "tab-availability"),
        (Section::Groups, MentorDeskKey::TabGroups.into(), "tab-groups"),
        (Section::Studio, StudiosKey::TabStudio.into(), "tab-studio"),
        (Section::Fees, FeesKey::TabFees.into(), "tab-fees"),
        (Section::Profile, MentorDeskKey::TabProfile.into(), "tab-profile"),
        (Section::Ratings, MentorDeskKey::TabRatings.into(), "tab-ratings"),
    ]
}

/// `/mentor` (signed in only).
#[function_component]
pub fn WorkspacePage() -> Html {
    use_title(MentorDeskKey::WorkspaceTitle);
    html! {
        <RequireSignIn>
            <Workspace />
        </RequireSignIn>
    }
}

fn is_not_found(remote: &Remote<MentorRecord>) -> bool {
    matches!(remote, Remote::Failed(ApiError::Server { body, .. }) if body.code == ErrorCode::NotFound)
}

#[function_component]
fn Workspace() -> Html {
    let lang = use_lang();
    let (record, reload) = use_remote((), |()| api::mentors::my_mentor());
    let section = use_state(|| Section::Appointments);
    if is_not_found(&record) {
        return html! {
            <div class="page">
                <h1>{ t(lang, MentorDeskKey::ApplyTitle) }</h1>
                <p class="lead">{ t(lang, MentorDeskKey::ApplyLead) }</p>
                <profile_form::ProfileForm record={None::<MentorRecord>} on_done={reload.clone()} />
            </div>
        };
    }
    html! {
        <div class="page workspace">
            <h1>{ t(lang, MentorDeskKey::WorkspaceTitle) }</h1>
            { remote_view(lang, &record, "workspace-error", &reload, |r| html! {
                <>
                    { status(lang, r) }
                    <nav class="tabs" aria-label={t(lang, MentorDeskKey::SectionsLabel)}>
                        { for sections().into_iter().map(|(s, key, id)| {
                            let onclick = { let section = section.clone(); Callback::from(move |_: MouseEvent| section.set(s)) };
                            let current = *section == s;
                            html! {
                                <button type="button" {id} class={classes!("tab", current.then_some("tab-current"))}
                                    aria-pressed={if current { "true" } else { "false" }} {onclick}>{ t(lang, key) }</button>
                            }
                        }) }
                    </nav>
                    { match *section {
                        Section::Appointments => html! { <appointments::MentorAppointments /> },
                        Section::Availability => html! { <availability::AvailabilityEditor mentor_id={r.card.id.to_string()} /> },
                        Section::Groups => html! { <groups::MentorGroups mentor_id={r.card.id.to_string()} /> },
                        Section::Studio => html! { <studio::MentorStudio /> },
                        Section::Fees => html! { <fees::MentorFees /> },
                        Section::Profile => html! { <profile_form::ProfileForm record={Some(r.clone())} on_done={reload.clone()} /> },
                        Section::Ratings => html! { <ratings::MentorRatings mentor_id={r.card.id.to_string()} /> },
                    } }
                </>
            }) }
        </div>
    }
}

fn status(lang: Lang, r: &MentorRecord) -> Html {
    html! {
        <section class="panel" aria-labelledby="mentor-status-title" id="mentor-status" data-status={r.status.as_str()}>
            <h2 id="mentor-status-title">{ t(lang, MentorDeskKey::StatusTitle) }</h2>
            <p>{ mentor_badge(lang, r.status) }</p>
            if r.status == MentorStatus::Applied {
                <p>{ t(lang, MentorDeskKey::AppliedLead) }</p>
            }
            if let (Some(from), Some(to)) = (r.term_from, r.term_to) {
                <p id="mentor-term">{ i18n::term_range(lang, &i18n::date(lang, from), &i18n::date(lang, to)) }</p>
            }
            if let Some(reason) = &r.status_reason {
                <p id="mentor-status-reason">{ i18n::status_reason(lang, reason) }</p>
            }
        </section>
    }
}
