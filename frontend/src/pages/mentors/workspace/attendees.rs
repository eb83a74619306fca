//! Who holds a place in one of the mentor's group sessions, and marking a
//! seated person absent once the session has ended.

use malanhua_shared::api::mentors::{Attendee, GroupSession, SeatStatus};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::failure_message;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{MentorDeskKey, t};

/// Props of [`Attendees`].
#[derive(Properties, PartialEq)]
pub(super) struct AttendeesProps {
    /// The session.
    pub session: GroupSession,
    /// Called after a change.
    pub on_change: Callback<()>,
}

/// The list, with 标记未到 on seated people after the end.
#[function_component]
pub(super) fn Attendees(props: &AttendeesProps) -> Html {
    let lang = use_lang();
    let sending = use_mutation::<api::mentors::Done>();
    let g = &props.session;
    if g.attendees.is_empty() {
        return html! {};
    }
    let ended = g.ends_at <= crate::time::now();
    let mark = |a: &Attendee| {
        let (sending, id, seat, on_change) =
            (sending.clone(), g.id.to_string(), a.seat_id.to_string(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let (id, seat, on_change) = (id.clone(), seat.clone(), on_change.clone());
            sending.run(
                format!("no-show {id} {seat}"),
                move |key| async move { api::mentors::group_act(&id, &format!("seats/{seat}/no-show"), &key).await },
                move |r| {
                    if r.is_ok() {
                        on_change.emit(());
                    }
                },
            );
        })
    };
    html! {
        <details class="attendees" data-testid="attendees">
            <summary>{ t(lang, MentorDeskKey::Attendees) }{ format!(" ({})", g.attendees.len()) }</summary>
            if let Some(e) = sending.error() {
                <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            <ul>
                { for g.attendees.iter().map(|a| html! {
                    <li data-testid="attendee" data-seat={a.seat_id.to_string()}>
                        { a.name.clone() }
                        if a.status == SeatStatus::Waitlisted {
                            <span class="badge">{ t(lang, MentorDeskKey::Waiting) }</span>
                        }
                        if a.no_show {
                            <span class="badge badge-stop">{ t(lang, MentorDeskKey::Absent) }</span>
                        }
                        if a.confirmed {
                            <span class="badge badge-ok">{ t(lang, MentorDeskKey::ConfirmedByPerson) }</span>
                        }
                        if ended && a.status == SeatStatus::Seated && !a.no_show && !a.confirmed {
                            <button type="button" class="button secondary small" data-testid="group-no-show"
                                disabled={sending.submitting()} onclick={mark(a)}>
                                { t(lang, MentorDeskKey::MarkNoShow) }
                            </button>
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}
