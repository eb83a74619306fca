//! A claim's history and the objections to it.

use malanhua_shared::api::subsidies::{ClaimDetail, Objection, ObjectionStatus, TimelineEntry};
use malanhua_shared::audit::AuditAction;
use yew::prelude::*;

use crate::components::claim_info::objection_badge;
use crate::i18n::{self, Lang, SubsidiesKey, t};

/// The timeline and objections panels; officers resolve open objections
/// with `on_objection` (the objection's id, and whether it is upheld),
/// writing the finding in `finding` (the panel's own field).
pub(super) fn claim_history(
    lang: Lang,
    d: &ClaimDetail,
    officer: bool,
    submitting: bool,
    on_objection: &Callback<(String, bool)>,
    finding: Html,
) -> Html {
    let open = officer && d.objections.iter().any(|o| o.status == ObjectionStatus::Open);
    html! {
        <>
        <section class="panel" aria-labelledby="claim-timeline-title">
            <h2 id="claim-timeline-title">{ t(lang, SubsidiesKey::ClaimTimeline) }</h2>
            <ol id="claim-timeline" class="timeline">
                { for d.timeline.iter().map(|e| timeline_entry(lang, e)) }
            </ol>
        </section>
        <section class="panel" aria-labelledby="claim-objections-title">
            <h2 id="claim-objections-title">{ t(lang, SubsidiesKey::ClaimObjections) }</h2>
            if open {
                { finding }
            }
            <ul id="claim-objections" class="plain rows">
                { for d.objections.iter().map(|o| objection_item(lang, o, officer, submitting, on_objection)) }
            </ul>
            if d.objections.is_empty() {
                <p class="empty" id="claim-objections-empty">{ t(lang, SubsidiesKey::NoObjections) }</p>
            }
        </section>
        </>
    }
}

fn timeline_entry(lang: Lang, e: &TimelineEntry) -> Html {
    let actor = match (&e.actor_name, e.action) {
        (Some(name), _) => name.clone(),
        (None, AuditAction::ObjectToClaim) => t(lang, SubsidiesKey::ActorPublic).to_owned(),
        (None, _) => t(lang, SubsidiesKey::ActorSystem).to_owned(),
    };
    html! {
        <li data-action={e.action.as_str()}>
            <time datetime={e.at.to_rfc3339()}>{ i18n::datetime(lang, e.at) }</time>
            { " " }
            <strong class="timeline-action">{ i18n::timeline_action_name(lang, e.action) }</strong>
            { " · " }
            <span class="timeline-actor">{ actor }</span>
            if let Some(reason) = &e.reason {
                <br />
                <span class="timeline-reason">{ i18n::status_reason(lang, reason) }</span>
            }
        </li>
    }
}

fn objection_item(
    lang: Lang,
    o: &Objection,
    officer: bool,
    submitting: bool,
    on_resolve: &Callback<(String, bool)>,
) -> Html {
    let resolve = |uphold: bool| {
        let (on_resolve, id) = (on_resolve.clone(), o.id.clone());
        Callback::from(move |_: MouseEvent| on_resolve.emit((id.to_string(), uphold)))
    };
    html! {
        <li key={o.id.to_string()} class="objection" data-objection-id={o.id.to_string()}>
            <p>
                { objection_badge(lang, o.status) }{ " " }
                <time class="muted" datetime={o.filed_at.to_rfc3339()}>{ i18n::datetime(lang, o.filed_at) }</time>
            </p>
            <p class="objection-text">{ o.text.clone() }</p>
            if let Some(contact) = &o.contact {
                <p class="muted objection-contact">{ i18n::objection_contact_shown(lang, contact) }</p>
            }
            if let Some(resolution) = &o.resolution {
                <p class="objection-resolution">{ i18n::objection_finding(lang, resolution) }</p>
            }
            if officer && o.status == ObjectionStatus::Open {
                <p class="hint">{ t(lang, SubsidiesKey::ObjectionResolveHint) }</p>
                <div class="form-actions action-buttons">
                    <button type="button" class="button secondary objection-dismiss" data-objection-id={o.id.to_string()} disabled={submitting} onclick={resolve(false)}>
                        { t(lang, SubsidiesKey::DismissObjection) }
                    </button>
                    <button type="button" class="button danger objection-uphold" data-objection-id={o.id.to_string()} disabled={submitting} onclick={resolve(true)}>
                        { t(lang, SubsidiesKey::UpholdObjection) }
                    </button>
                </div>
            }
        </li>
    }
}
