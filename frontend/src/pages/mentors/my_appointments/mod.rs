//! `/me/appointments`: the person's appointments (upcoming and past), their
//! group seats and their private calendar feed.

use malanhua_shared::api::mentors::Appointment;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{MentorsKey, t};

mod appointment;
pub use appointment::record_view;
mod calendar;
mod reschedule;
mod seats;

pub use calendar::IcsButton;

/// Upcoming first (soonest first), then past (latest first), by the server's clock.
pub fn split_by_time(list: &[Appointment]) -> (Vec<&Appointment>, Vec<&Appointment>) {
    let now = crate::time::now();
    let (mut upcoming, mut past): (Vec<&Appointment>, Vec<&Appointment>) = list.iter().partition(|a| a.ends_at > now);
    upcoming.sort_by_key(|a| a.starts_at);
    past.sort_by_key(|a| std::cmp::Reverse(a.starts_at));
    (upcoming, past)
}

/// `/me/appointments` (signed in only).
#[function_component]
pub fn MyAppointmentsPage() -> Html {
    use_title(MentorsKey::MyAppointmentsTitle);
    html! {
        <RequireSignIn>
            <MyAppointments />
        </RequireSignIn>
    }
}

#[function_component]
fn MyAppointments() -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::mentors::my_appointments());
    let section = |id: &'static str, title: MentorsKey, items: Vec<&Appointment>| {
        html! {
            <section aria-labelledby={format!("{id}-title")} id={id}>
                <h2 id={format!("{id}-title")}>{ t(lang, title) }</h2>
                if items.is_empty() {
                    <p class="empty">{ t(lang, MentorsKey::NoAppointments) }</p>
                }
                <ul class="appointment-list">
                    { for items.into_iter().map(|a| html! {
                        <appointment::AppointmentItem key={a.id.to_string()} appointment={a.clone()} on_change={reload.clone()} />
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="page">
            <h1>{ t(lang, MentorsKey::MyAppointmentsTitle) }</h1>
            <p><AppLink id="find-mentor" to={Route::Mentors}>{ t(lang, MentorsKey::FindMentor) }</AppLink></p>
            { remote_view(lang, &list, "appointments-error", &reload, |list| {
                let (upcoming, past) = split_by_time(list);
                html! {
                    <>
                        { section("upcoming-appointments", MentorsKey::Upcoming, upcoming) }
                        { section("past-appointments", MentorsKey::Past, past) }
                    </>
                }
            }) }
            <seats::GroupSeats />
            <calendar::CalendarFeedPanel />
        </div>
    }
}
