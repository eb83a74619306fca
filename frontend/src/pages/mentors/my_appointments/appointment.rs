//! One of the person's appointments: when, with whom, its status, and what
//! can be done now (cancel, reschedule, calendar file, confirm and rate).

use malanhua_shared::api::mentors::{Appointment, AppointmentStatus, ServiceRecord};
use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, Lang, MentorsKey, Text, t};
use crate::pages::mentors::info::{appointment_top, time_range};
use crate::pages::mentors::reason_toggle::{ReasonAct, ReasonToggle};
use crate::pages::mentors::record_form::RateForm;

use super::IcsButton;
use super::reschedule::Reschedule;

/// Props of [`AppointmentItem`].
#[derive(Properties, PartialEq)]
pub(super) struct AppointmentItemProps {
    /// The appointment.
    pub appointment: Appointment,
    /// Called after it changed.
    pub on_change: Callback<()>,
}

/// The card with its actions.
#[function_component]
pub(super) fn AppointmentItem(props: &AppointmentItemProps) -> Html {
    let lang = use_lang();
    let rating = use_state(|| false);
    let a = &props.appointment;
    let id = a.id.to_string();
    let now = crate::time::now();
    let holds = matches!(a.status, AppointmentStatus::Pending | AppointmentStatus::Confirmed);
    let upcoming = holds && a.starts_at > now;
    let can_rate =
        a.status == AppointmentStatus::Confirmed && a.ends_at <= now && !a.no_show && a.service_confirmed_at.is_none();
    let toggle_rate = {
        let rating = rating.clone();
        Callback::from(move |_: MouseEvent| rating.set(!*rating))
    };
    html! {
        <li class="appointment" data-testid="appointment" data-id={id.clone()} data-status={a.status.as_str()}>
            { appointment_top(lang, a) }
            <h3><AppLink to={Route::Mentor { id: a.mentor_id.to_string() }}>{ a.mentor_name.clone() }</AppLink></h3>
            <p class="appointment-when">{ time_range(lang, a.starts_at, a.ends_at) }</p>
            <p>{ format!("{}：{}", t(lang, MentorsKey::TopicLabel), a.topic) }</p>
            if a.status == AppointmentStatus::Pending {
                <p class="muted">{ i18n::answer_by(lang, &i18n::datetime(lang, a.expires_at)) }</p>
            }
            if let Some(reason) = &a.status_reason {
                <p class="muted">{ i18n::status_reason(lang, reason) }</p>
            }
            if let Some(r) = a.rating {
                <p class="rating">{ i18n::your_rating(lang, &r.to_string()) }</p>
            }
            if let Some(record) = &a.record {
                { record_view(lang, record) }
            }
            <div class="actions">
                if holds {
                    <IcsButton base="appointments" name="appointment" id={id.clone()} />
                }
                if can_rate {
                    <button type="button" class="button primary small" data-testid="rate-service"
                        aria-expanded={if *rating { "true" } else { "false" }} onclick={toggle_rate}>
                        { t(lang, MentorsKey::ConfirmAndRate) }
                    </button>
                }
            </div>
            if upcoming {
                <div class="actions">
                    <Reschedule appointment_id={id.clone()} mentor_id={a.mentor_id.to_string()} on_done={props.on_change.clone()} />
                    <ReasonToggle target={id.clone()} act={ReasonAct::CancelAppointment} testid="cancel-appointment"
                        prefix={format!("cancel-{id}")} label={Text::of(MentorsKey::Cancel)} title={Text::of(MentorsKey::CancelTitle)}
                        lead={Text::of(MentorsKey::CancelLead)} on_done={props.on_change.clone()} />
                </div>
            }
            if can_rate && *rating {
                <RateForm base="appointments" target={id.clone()} prefix={format!("rate-{id}")} on_done={props.on_change.clone()} />
            }
        </li>
    }
}

/// What the mentor wrote about the service.
pub fn record_view(lang: Lang, r: &ServiceRecord) -> Html {
    html! {
        <details class="service-record" data-testid="service-record">
            <summary>{ t(lang, MentorsKey::ServiceRecord) }{ " · " }{ i18n::minutes_n(lang, &r.minutes.to_string()) }</summary>
            <dl class="facts">
                <dt>{ t(lang, MentorsKey::Discussed) }</dt><dd>{ r.discussed.clone() }</dd>
                <dt>{ t(lang, MentorsKey::Advice) }</dt><dd>{ r.advice.clone() }</dd>
                if !r.follow_up.is_empty() {
                    <dt>{ t(lang, MentorsKey::FollowUp) }</dt><dd>{ r.follow_up.clone() }</dd>
                }
            </dl>
        </details>
    }
}
