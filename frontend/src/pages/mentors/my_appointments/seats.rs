//! The person's group seats: leave one to come, rate one that took place,
//! and its calendar file.

use malanhua_shared::api::mentors::{MyGroupSeat, SeatStatus};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, MentorsKey, t};
use crate::pages::mentors::info::time_range;
use crate::pages::mentors::record_form::RateForm;

use super::IcsButton;

/// The list of seats.
#[function_component]
pub(super) fn GroupSeats() -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::mentors::my_group_seats());
    let sending = use_mutation::<api::mentors::Done>();
    let on_leave = {
        let (sending, reload) = (sending.clone(), reload.clone());
        Callback::from(move |id: String| {
            let reload = reload.clone();
            sending.run(
                format!("group leave {id}"),
                move |key| async move { api::mentors::group_act(&id, "leave", &key).await },
                move |_| reload.emit(()),
            );
        })
    };
    html! {
        <section aria-labelledby="group-seats-title" id="group-seats">
            <h2 id="group-seats-title">{ t(lang, MentorsKey::MyGroupSeats) }</h2>
            if let Some(e) = sending.error() {
                <p class="alert alert-error" role="alert" id="group-seats-action-error">{ failure_message(lang, e) }</p>
            }
            { remote_view(lang, &list, "group-seats-error", &reload, |list| html! {
                <>
                    if list.is_empty() {
                        <p class="empty">{ t(lang, MentorsKey::NoGroupSeats) }</p>
                    }
                    <ul class="appointment-list">
                        { for list.iter().map(|s| seat(lang, s, &on_leave, &reload)) }
                    </ul>
                </>
            }) }
        </section>
    }
}

fn seat(lang: Lang, s: &MyGroupSeat, on_leave: &Callback<String>, reload: &Callback<()>) -> Html {
    let g = &s.session;
    let id = g.id.to_string();
    let now = crate::time::now();
    let status = g.my_seat.as_ref().map(|m| m.status);
    let holds = matches!(status, Some(SeatStatus::Seated | SeatStatus::Waitlisted));
    let rated = g.my_seat.as_ref().and_then(|m| m.rating);
    let can_rate = status == Some(SeatStatus::Seated)
        && g.ends_at <= now
        && g.my_seat.as_ref().is_some_and(|m| !m.no_show && m.service_confirmed_at.is_none());
    let leave = {
        let (on_leave, id) = (on_leave.clone(), id.clone());
        Callback::from(move |_: MouseEvent| on_leave.emit(id.clone()))
    };
    html! {
        <li key={id.clone()} class="appointment" data-testid="group-seat" data-id={id.clone()}
            data-status={status.map(|s| s.as_str()).unwrap_or_default()}>
            if let Some(status) = status {
                <p><span class="badge badge-ok">{ i18n::seat_status_name(lang, status) }</span></p>
            }
            <h3>{ g.topic.clone() }</h3>
            <p>{ format!("{} · {}", g.mentor_name, time_range(lang, g.starts_at, g.ends_at)) }</p>
            <p class="muted">{ format!("{}：{}", t(lang, MentorsKey::Place), g.place) }</p>
            if let Some(r) = rated {
                <p class="rating">{ i18n::your_rating(lang, &r.to_string()) }</p>
            }
            <div class="actions">
                if holds {
                    <IcsButton base="group-sessions" name="group-session" id={id.clone()} />
                }
                if holds && g.starts_at > now {
                    <button type="button" class="button secondary small" data-testid="leave-group" onclick={leave}>
                        { t(lang, MentorsKey::Leave) }
                    </button>
                }
            </div>
            if can_rate {
                <RateForm base="group-sessions" target={id.clone()} prefix={format!("rate-group-{id}")} on_done={reload.clone()} />
            }
        </li>
    }
}
