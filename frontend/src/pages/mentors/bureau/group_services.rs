//! `#group-services`: the region's recorded group sessions (集中服务确认),
//! each with its mentor, topic, time, length, place and attendance, and
//! either the date the bureau confirmed it took place or the button that
//! confirms it. Only a confirmed group session earns its mentor a fee.

use malanhua_shared::ErrorCode;
use malanhua_shared::api::studios::GroupService;
use malanhua_shared::course::shanghai_date;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, CommonKey, FeesKey, MentorsKey, t};

/// The section.
#[function_component]
pub(super) fn GroupServices() -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::fees::group_services());
    html! {
        <section class="panel" id="group-services" aria-labelledby="group-services-title">
            <h2 id="group-services-title">{ t(lang, FeesKey::GroupServicesTitle) }</h2>
            <p class="hint">{ t(lang, FeesKey::GroupServicesLead) }</p>
            { remote_view(lang, &list, "group-services-error", &reload, |list| html! {
                <>
                    if list.is_empty() {
                        <p class="empty" id="group-services-empty">{ t(lang, FeesKey::NoGroupServices) }</p>
                    }
                    <ul id="group-service-list" class="plain rows">
                        { for list.iter().map(|g| html! {
                            <GroupServiceRow key={g.session_id.to_string()} service={g.clone()} on_change={reload.clone()} />
                        }) }
                    </ul>
                </>
            }) }
        </section>
    }
}

/// Props of [`GroupServiceRow`].
#[derive(Properties, PartialEq)]
struct GroupServiceRowProps {
    service: GroupService,
    /// Called after a confirmation (or on learning it was confirmed already).
    on_change: Callback<()>,
}

/// One recorded group session.
#[function_component]
fn GroupServiceRow(props: &GroupServiceRowProps) -> Html {
    let lang = use_lang();
    let sending = use_mutation::<api::mentors::Done>();
    let g = &props.service;
    let id = g.session_id.to_string();
    let when = i18n::datetime(lang, g.starts_at);
    let on_confirm = {
        let (sending, id, on_change) = (sending.clone(), id.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let (call_id, on_change) = (id.clone(), on_change.clone());
            sending.run(
                format!("group service confirm {id}"),
                move |key| async move { api::fees::confirm_group_service(&call_id, &key).await },
                move |r| {
                    // Confirmed already (by another officer): the list, loaded again, shows when.
                    let stale = matches!(&r, Err(ApiError::Server { body, .. }) if body.code == ErrorCode::WrongState);
                    if r.is_ok() || stale {
                        on_change.emit(());
                    }
                },
            );
        })
    };
    let busy = sending.submitting();
    html! {
        <li data-testid="group-service" data-id={id.clone()} data-confirmed={g.confirmed_at.is_some().to_string()}>
            <strong>{ g.mentor_name.clone() }</strong>{ " · " }{ g.topic.clone() }
            <br />
            <span class="muted">
                { format!("{when} · {} · {}：{}", i18n::minutes_n(lang, &g.minutes.to_string()), t(lang, MentorsKey::Place), g.place) }
            </span>
            <br />
            <span data-testid="group-service-attended">{ i18n::attended_of(lang, &g.attended.to_string(), &g.seated.to_string()) }</span>
            if let Some(at) = g.confirmed_at {
                { " " }
                <span class="badge badge-ok" data-testid="group-service-confirmed">
                    { i18n::confirmed_on(lang, &i18n::date(lang, shanghai_date(at))) }
                </span>
            } else {
                if let Some(e) = sending.error() {
                    <p class="alert alert-error" role="alert" id={format!("confirm-group-{id}-error")}>{ failure_message(lang, e) }</p>
                }
                <div class="form-actions">
                    <button type="button" class="button primary small" id={format!("confirm-group-{id}")}
                        aria-label={i18n::confirm_held_of(lang, &g.topic, &when)} disabled={busy} aria-busy={busy.then_some("true")}
                        onclick={on_confirm}>
                        { if busy { t(lang, CommonKey::Submitting) } else { t(lang, FeesKey::ConfirmHeld) } }
                    </button>
                </div>
            }
        </li>
    }
}
