//! The mentor's appointments: requests to answer (confirm / decline with a
//! reason), upcoming ones (cancel with a reason), and those that have begun
//! (record the service, mark absent).

use malanhua_shared::api::mentors::{Appointment, AppointmentStatus};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, MentorDeskKey, MentorsKey, Text, t};
use crate::pages::mentors::info::{appointment_top, time_range};
use crate::pages::mentors::my_appointments::split_by_time;
use crate::pages::mentors::reason_toggle::{ReasonAct, ReasonToggle};
use crate::pages::mentors::record_form::RecordForm;

/// Requests, upcoming and past.
#[function_component]
pub(super) fn MentorAppointments() -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::mentors::mentor_appointments());
    let list_of = |id: &'static str, title: Text, items: Vec<&Appointment>, empty: Text| {
        html! {
            <section aria-labelledby={format!("{id}-title")} id={id}>
                <h2 id={format!("{id}-title")}>{ t(lang, title) }</h2>
                if items.is_empty() {
                    <p class="empty">{ t(lang, empty) }</p>
                }
                <ul class="appointment-list">
                    { for items.into_iter().map(|a| html! {
                        <Item key={a.id.to_string()} appointment={a.clone()} on_change={reload.clone()} />
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        { remote_view(lang, &list, "mentor-appointments-error", &reload, |list| {
            let (upcoming, past) = split_by_time(list);
            let (requests, upcoming): (Vec<&Appointment>, Vec<&Appointment>) =
                upcoming.into_iter().partition(|a| a.status == AppointmentStatus::Pending);
            html! {
                <>
                    { list_of("mentor-requests", Text::of(MentorDeskKey::TabRequests), requests, Text::of(MentorDeskKey::NoRequests)) }
                    { list_of("mentor-upcoming", Text::of(MentorsKey::Upcoming), upcoming, Text::of(MentorsKey::NoAppointments)) }
                    { list_of("mentor-past", Text::of(MentorsKey::Past), past, Text::of(MentorsKey::NoAppointments)) }
                </>
            }
        }) }
    }
}

/// Props of [`Item`].
#[derive(Properties, PartialEq)]
struct ItemProps {
    appointment: Appointment,
    on_change: Callback<()>,
}

#[function_component]
fn Item(props: &ItemProps) -> Html {
    let lang = use_lang();
    let sending = use_mutation::<api::mentors::Done>();
    let recording = use_state(|| false);
    let asking_no_show = use_state(|| false);
    let a = &props.appointment;
    let id = a.id.to_string();
    let now = crate::time::now();
    let begun = a.starts_at <= now;
    // A no-show can be marked only after the end, and not once the person confirmed.
    let ended = a.ends_at <= now && a.rating.is_none();
    let confirmed = a.status == AppointmentStatus::Confirmed;
    let open = a.record.is_none() && !a.no_show;
    let act = |what: &'static str| {
        let (sending, id, on_change) = (sending.clone(), id.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let (id, on_change) = (id.clone(), on_change.clone());
            sending.run(
                format!("{what} {id}"),
                move |key| async move { api::mentors::appointment_act(&id, what, &key).await },
                move |r| {
                    if r.is_ok() {
                        on_change.emit(());
                    }
                },
            );
        })
    };
    let flip = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(!*state))
    };
    let busy = sending.submitting();
    html! {
        <li class="appointment" data-testid="appointment" data-id={id.clone()} data-status={a.status.as_str()}>
            { appointment_top(lang, a) }
            <h3>{ a.trainee_name.clone() }</h3>
            <p class="appointment-when">{ time_range(lang, a.starts_at, a.ends_at) }</p>
            <p>{ format!("{}：{}", t(lang, MentorsKey::TopicLabel), a.topic) }</p>
            <p class="muted">{ format!("{}：{}", t(lang, MentorsKey::BusinessLabel), a.business) }</p>
            if let Some(plan) = &a.plan_name {
                <p class="muted">{ format!("{}：{}", t(lang, MentorsKey::PlanLabel), plan) }</p>
            }
            if a.status == AppointmentStatus::Pending {
                <p class="muted">{ i18n::answer_by(lang, &i18n::datetime(lang, a.expires_at)) }</p>
            }
            if let Some(reason) = &a.status_reason {
                <p class="muted">{ i18n::status_reason(lang, reason) }</p>
            }
            if let Some(record) = &a.record {
                { crate::pages::mentors::my_appointments::record_view(lang, record) }
            }
            if let Some(e) = sending.error() {
                <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            <div class="actions">
                if a.status == AppointmentStatus::Pending && !begun {
                    <button type="button" class="button primary small" data-testid="confirm-appointment" disabled={busy} onclick={act("confirm")}>
                        { t(lang, MentorDeskKey::Confirm) }
                    </button>
                    <ReasonToggle target={id.clone()} act={ReasonAct::Decline} testid="decline-appointment" prefix={format!("decline-{id}")}
                        label={Text::of(MentorDeskKey::Decline)} title={Text::of(MentorDeskKey::DeclineTitle)}
                        lead={Text::of(MentorDeskKey::DeclineLead)} on_done={props.on_change.clone()} />
                }
                if confirmed && !begun {
                    <ReasonToggle target={id.clone()} act={ReasonAct::CancelAppointment} testid="cancel-appointment" prefix={format!("cancel-{id}")}
                        label={Text::of(MentorsKey::Cancel)} title={Text::of(MentorsKey::CancelTitle)}
                        lead={Text::of(MentorsKey::CancelLead)} on_done={props.on_change.clone()} />
                }
                if confirmed && begun && open {
                    <button type="button" class="button primary small" data-testid="record-service" onclick={flip(&recording)}>
                        { t(lang, MentorDeskKey::RecordService) }
                    </button>
                    if ended {
                        if *asking_no_show {
                            <button type="button" class="button danger small" data-testid="confirm-no-show" disabled={busy} onclick={act("no-show")}>
                                { t(lang, MentorDeskKey::ConfirmNoShow) }
                            </button>
                            <button type="button" class="button secondary small" onclick={flip(&asking_no_show)}>{ t(lang, MentorDeskKey::Keep) }</button>
                        } else {
                            <button type="button" class="button secondary small" data-testid="mark-no-show" onclick={flip(&asking_no_show)}>
                                { t(lang, MentorDeskKey::MarkNoShow) }
                            </button>
                        }
                    }
                }
            </div>
            if confirmed && begun && open && *recording {
                <RecordForm base="appointments" target={id.clone()} prefix={format!("record-{id}")} on_done={props.on_change.clone()} />
            }
        </li>
    }
}
