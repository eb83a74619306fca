//! The mentor's group sessions: publishing one (Shanghai date and time
//! converted to RFC 3339 with +08:00), the list, calling one off with a
//! reason, and recording the service once it has begun.

use malanhua_shared::api::mentors::{GroupSession, GroupStatus, NewGroupSession};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, MentorDeskKey, MentorsKey, Text, t};
use crate::pages::mentors::info::time_range;
use crate::pages::mentors::reason_toggle::{ReasonAct, ReasonToggle};
use crate::pages::mentors::record_form::RecordForm;
use crate::pages::mentors::send::send_form;
use crate::time::local_input_to_rfc3339;

/// Props of [`MentorGroups`].
#[derive(Properties, PartialEq)]
pub(super) struct MentorGroupsProps {
    /// The mentor's own id.
    pub mentor_id: AttrValue,
}

/// The publish form and the list.
#[function_component]
pub(super) fn MentorGroups(props: &MentorGroupsProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let (list, reload) =
        use_remote(props.mentor_id.clone(), |id| async move { api::mentors::group_sessions(&id).await });
    let onsubmit = {
        let (sending, id, reload) = (sending.clone(), props.mentor_id.to_string(), reload.clone());
        on_submit(&form, move |form| {
            let body = NewGroupSession {
                topic: form.value("topic"),
                starts_at: local_input_to_rfc3339(&form.value("starts_at")),
                ends_at: local_input_to_rfc3339(&form.value("ends_at")),
                place: form.value("place"),
                seats: form.value("seats").trim().parse().unwrap_or(0),
            };
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let id = id.clone();
            let intent = format!("group publish {id} {body:?}");
            let call = move |key: String| async move { api::mentors::publish_group_session(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, reload.clone());
        })
    };
    let shown = ["topic", "starts_at", "ends_at", "place", "seats"];
    html! {
        <>
            <form id="group-session-form" class="form panel" novalidate=true {onsubmit}>
                <h2>{ t(lang, MentorDeskKey::PublishTitle) }</h2>
                <FormError id="group-session-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
                <TextField id="group-topic" label={t(lang, MentorDeskKey::GroupTopic)} maxlength={100} value={form.value("topic")}
                    error={form.error(lang, "topic")} oninput={setter(&form, "topic")} />
                <div class="field-pair">
                    <TextField id="group-starts-at" label={t(lang, MentorDeskKey::GroupStart)} input_type="datetime-local"
                        value={form.value("starts_at")} error={form.error(lang, "starts_at")} oninput={setter(&form, "starts_at")} />
                    <TextField id="group-ends-at" label={t(lang, MentorDeskKey::GroupEnd)} input_type="datetime-local"
                        value={form.value("ends_at")} error={form.error(lang, "ends_at")} oninput={setter(&form, "ends_at")} />
                </div>
                <TextField id="group-place" label={t(lang, MentorDeskKey::GroupPlace)} maxlength={200} value={form.value("place")}
                    error={form.error(lang, "place")} oninput={setter(&form, "place")} />
                <TextField id="group-seats" label={t(lang, MentorDeskKey::GroupSeats)} input_type="number" inputmode="numeric"
                    value={form.value("seats")} error={form.error(lang, "seats")} oninput={setter(&form, "seats")} />
                <SubmitButton id="group-submit" label={t(lang, MentorDeskKey::PublishSubmit)} submitting={form.submitting()} />
            </form>
            <section aria-labelledby="my-groups-title" id="mentor-group-list">
                <h2 id="my-groups-title">{ t(lang, MentorDeskKey::MyGroupsTitle) }</h2>
                { remote_view(lang, &list, "mentor-groups-error", &reload, |list| html! {
                    <>
                        if list.is_empty() {
                            <p class="empty">{ t(lang, MentorsKey::NoGroups) }</p>
                        }
                        <ul class="appointment-list">
                            { for list.iter().map(|g| item(lang, g, &reload)) }
                        </ul>
                    </>
                }) }
            </section>
        </>
    }
}

fn item(lang: Lang, g: &GroupSession, reload: &Callback<()>) -> Html {
    let id = g.id.to_string();
    let begun = g.starts_at <= crate::time::now();
    let open = g.status == GroupStatus::Open;
    let left = g.seats.saturating_sub(g.taken);
    html! {
        <li key={id.clone()} class="appointment" data-testid="group-session" data-id={id.clone()} data-status={g.status.as_str()}>
            <h3>{ g.topic.clone() }</h3>
            <p>{ time_range(lang, g.starts_at, g.ends_at) }</p>
            <p class="muted">{ format!("{}：{}", t(lang, MentorsKey::Place), g.place) }</p>
            <p>
                { i18n::group_seats_left(lang, &left.to_string(), &g.seats.to_string()) }
                if g.waitlist > 0 {
                    { " · " }{ i18n::group_waitlist(lang, &g.waitlist.to_string()) }
                }
            </p>
            if let Some(reason) = &g.status_reason {
                <p class="muted">{ i18n::status_reason(lang, reason) }</p>
            }
            if let Some(record) = &g.record {
                { crate::pages::mentors::my_appointments::record_view(lang, record) }
            }
            if open && !begun {
                <ReasonToggle target={id.clone()} act={ReasonAct::CancelGroup} testid="cancel-group" prefix={format!("cancel-group-{id}")}
                    label={Text::of(MentorDeskKey::CancelGroup)} title={Text::of(MentorDeskKey::CancelGroupTitle)}
                    lead={Text::of(MentorDeskKey::CancelGroupLead)} on_done={reload.clone()} />
            }
            <super::attendees::Attendees session={g.clone()} on_change={reload.clone()} />
            if open && begun && g.record.is_none() {
                <RecordForm base="group-sessions" target={id.clone()} prefix={format!("record-group-{id}")} on_done={reload.clone()} />
            }
        </li>
    }
}
