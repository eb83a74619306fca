//! Moving an appointment: another free slot of the same mentor, with an
//! optional reason.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::{RescheduleRequest, Slot};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, MentorsKey, t};
use crate::pages::mentors::info::utc_text;
use crate::pages::mentors::send::send_form;
use crate::pages::mentors::slot_picker::SlotPicker;

/// Props of [`Reschedule`].
#[derive(Properties, PartialEq)]
pub(super) struct RescheduleProps {
    /// The appointment.
    pub appointment_id: AttrValue,
    /// Its mentor.
    pub mentor_id: AttrValue,
    /// Called after it moved.
    pub on_done: Callback<()>,
}

/// The "改期" button, then the slots and the form.
#[function_component]
pub(super) fn Reschedule(props: &RescheduleProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let chosen = use_state(|| None::<DateTime<Utc>>);
    let form = use_form();
    let sending = use_mutation::<api::mentors::Done>();
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |s: Slot| chosen.set(Some(s.starts_at)))
    };
    let onsubmit = {
        let (sending, id, chosen, on_done) =
            (sending.clone(), props.appointment_id.to_string(), chosen.clone(), props.on_done.clone());
        on_submit(&form, move |form| {
            let Some(at) = *chosen else {
                let errors = [("starts_at".to_owned(), malanhua_shared::FieldCode::Required)].into_iter().collect();
                form.dispatch(FormAction::Invalid(crate::hooks::form::issues(errors)));
                return;
            };
            let body = RescheduleRequest { starts_at: utc_text(at), reason: form.value("reason").trim().to_owned() };
            let id = id.clone();
            let intent = format!("reschedule {id} {body:?}");
            let call = move |key: String| async move { api::mentors::reschedule(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let p = format!("reschedule-{}", props.appointment_id);
    html! {
        <>
            <button type="button" class="button secondary small" data-testid="reschedule-appointment"
                aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                { t(lang, if *open { MentorsKey::Close } else { MentorsKey::Reschedule }) }
            </button>
            if *open {
                <form class="form inline-form" id={format!("{p}-form")} novalidate=true {onsubmit}>
                    <h3>{ t(lang, MentorsKey::RescheduleTitle) }</h3>
                    <SlotPicker id={format!("{p}-slots")} mentor_id={props.mentor_id.clone()} selected={*chosen} {on_pick} />
                    if let Some(at) = *chosen {
                        <p>{ i18n::chosen_slot(lang, &i18n::datetime(lang, at)) }</p>
                    }
                    if let Some(error) = form.error(lang, "starts_at") {
                        <p class="field-error">{ error }</p>
                    }
                    <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&["starts_at", "reason"])} />
                    <TextField id={format!("{p}-reason")} label={t(lang, MentorsKey::RescheduleReason)} required={false} maxlength={500}
                        value={form.value("reason")} error={form.error(lang, "reason")} oninput={setter(&form, "reason")} />
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid="reschedule-submit" disabled={form.submitting()}>
                            { t(lang, MentorsKey::RescheduleSubmit) }
                        </button>
                    </div>
                </form>
            }
        </>
    }
}
