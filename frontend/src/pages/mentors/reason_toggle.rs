//! A button that opens a reason form for an irreversible act on an
//! appointment or a group session (decline, cancel): the form is the
//! confirmation, and the act goes with an idempotency key.

use malanhua_shared::api::classes::ReasonRequest;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::reason_form::ReasonForm;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{Text, t};

/// What the reason is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonAct {
    /// `POST /api/appointments/{id}/decline`
    Decline,
    /// `POST /api/appointments/{id}/cancel`
    CancelAppointment,
    /// `POST /api/group-sessions/{id}/cancel`
    CancelGroup,
}

/// Props of [`ReasonToggle`].
#[derive(Properties, PartialEq)]
pub struct ReasonToggleProps {
    /// The appointment or session.
    pub target: AttrValue,
    /// The act.
    pub act: ReasonAct,
    /// `data-testid` of the opening button.
    pub testid: AttrValue,
    /// Id prefix of the form (`<prefix>-reason`, `<prefix>-submit`).
    pub prefix: AttrValue,
    /// The opening button's text.
    pub label: Text,
    /// The form's heading.
    pub title: Text,
    /// The form's explanation.
    pub lead: Text,
    /// Called after the act succeeded.
    pub on_done: Callback<()>,
}

/// The button, then the reason form.
#[function_component]
pub fn ReasonToggle(props: &ReasonToggleProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let sending = use_mutation::<api::mentors::Done>();
    let action = {
        let (sending, target, act) = (sending.clone(), props.target.to_string(), props.act);
        Callback::from(move |(body, reply): (ReasonRequest, Callback<Result<(), ApiError>>)| {
            let target = target.clone();
            let intent = format!("{act:?} {target} {}", body.reason);
            sending.run(
                intent,
                move |key| async move {
                    match act {
                        ReasonAct::Decline => api::mentors::appointment_reason(&target, "decline", &body, &key).await,
                        ReasonAct::CancelAppointment => {
                            api::mentors::appointment_reason(&target, "cancel", &body, &key).await
                        }
                        ReasonAct::CancelGroup => api::mentors::cancel_group_session(&target, &body, &key).await,
                    }
                },
                move |r| reply.emit(r.map(|_| ())),
            );
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            <button type="button" class="button secondary small" data-testid={props.testid.clone()}
                aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                { t(lang, props.label) }
            </button>
            if *open {
                <ReasonForm prefix={props.prefix.clone()} error_id={format!("{}-error", props.prefix)}
                    title={props.title} lead={props.lead} submit_label={props.label}
                    {action} on_done={props.on_done.clone()} />
            }
        </>
    }
}
