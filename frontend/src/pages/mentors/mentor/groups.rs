//! A mentor's upcoming group sessions with seats left and the waitlist,
//! and joining or leaving one.

use malanhua_shared::api::mentors::{GroupSession, GroupStatus, SeatStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::hooks::session::{go_to_login, use_session};
use crate::i18n::{self, Lang, MentorsKey, t};
use crate::pages::mentors::info::time_range;

/// Props of [`GroupSessions`].
#[derive(Properties, PartialEq)]
pub(super) struct GroupSessionsProps {
    /// The mentor.
    pub mentor_id: AttrValue,
}

/// The list, each with its join or leave button.
#[function_component]
pub(super) fn GroupSessions(props: &GroupSessionsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let (list, reload) =
        use_remote(props.mentor_id.clone(), |id| async move { api::mentors::group_sessions(&id).await });
    let sending = use_mutation::<api::mentors::Done>();
    let failure = use_state(|| None::<ApiError>);
    let act = {
        let (sending, failure, reload, signed_in) =
            (sending.clone(), failure.clone(), reload.clone(), session.signed_in());
        Callback::from(move |(id, act): (String, &'static str)| {
            if !signed_in {
                if let Some(navigator) = &navigator {
                    go_to_login(navigator);
                }
                return;
            }
            let (failure, reload) = (failure.clone(), reload.clone());
            sending.run(
                format!("group {act} {id}"),
                move |key| async move { api::mentors::group_act(&id, act, &key).await },
                move |r| {
                    failure.set(r.err());
                    reload.emit(());
                },
            );
        })
    };
    let busy = sending.submitting();
    html! {
        <section class="panel" aria-labelledby="groups-title" id="mentor-groups">
            <h2 id="groups-title">{ t(lang, MentorsKey::GroupsTitle) }</h2>
            if let Some(e) = &*failure {
                <p class="alert alert-error" role="alert" id="group-error">{ failure_message(lang, e) }</p>
            }
            { remote_view(lang, &list, "groups-error", &reload, |list| {
                let open: Vec<&GroupSession> = list.iter().filter(|g| g.status == GroupStatus::Open).collect();
                html! {
                    <>
                        if open.is_empty() {
                            <p class="empty">{ t(lang, MentorsKey::NoGroups) }</p>
                        }
                        <ul class="group-list">
                            { for open.iter().map(|g| item(lang, g, &act, busy, session.signed_in())) }
                        </ul>
                    </>
                }
            }) }
        </section>
    }
}

fn item(lang: Lang, g: &GroupSession, act: &Callback<(String, &'static str)>, busy: bool, signed_in: bool) -> Html {
    let left = g.seats.saturating_sub(g.taken);
    let seat = g.my_seat.as_ref().filter(|s| matches!(s.status, SeatStatus::Seated | SeatStatus::Waitlisted));
    let (label, what) = match seat {
        Some(_) => (t(lang, MentorsKey::Leave), "leave"),
        None if !signed_in => (t(lang, MentorsKey::SignInToJoin), "join"),
        None if left == 0 => (t(lang, MentorsKey::JoinWaitlist), "join"),
        None => (t(lang, MentorsKey::Join), "join"),
    };
    let onclick = {
        let (act, id) = (act.clone(), g.id.to_string());
        Callback::from(move |_: MouseEvent| act.emit((id.clone(), what)))
    };
    html! {
        <li key={g.id.to_string()} class="group-item" data-testid="group-session" data-id={g.id.to_string()}>
            <h3>{ g.topic.clone() }</h3>
            <p>{ time_range(lang, g.starts_at, g.ends_at) }</p>
            <p class="muted">{ format!("{}：{}", t(lang, MentorsKey::Place), g.place) }</p>
            <p>
                <span class="seats" data-testid="seats-left">{ i18n::group_seats_left(lang, &left.to_string(), &g.seats.to_string()) }</span>
                if g.waitlist > 0 {
                    { " · " }<span data-testid="waitlist">{ i18n::group_waitlist(lang, &g.waitlist.to_string()) }</span>
                }
            </p>
            if let Some(s) = seat {
                <p class="badge badge-ok">
                    { match (s.status, s.position) {
                        (SeatStatus::Waitlisted, Some(p)) => i18n::waitlisted_at(lang, &p.to_string()),
                        _ => t(lang, MentorsKey::YouAreSeated).to_owned(),
                    } }
                </p>
            }
            <button type="button" class={classes!("button", if seat.is_some() { "secondary" } else { "primary" })}
                data-testid={if what == "join" { "join-group" } else { "leave-group" }} disabled={busy} {onclick}>
                { label }
            </button>
        </li>
    }
}
