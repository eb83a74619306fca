//! Subsidy standards that need a second officer: the box offered when
//! saving a large standard was refused, and the panel of the region's
//! proposals waiting for another officer to confirm or turn them down.

use malanhua_shared::api::classes::{Decision, ReasonRequest};
use malanhua_shared::api::subsidies::{PolicyProposal, SubsidyPolicyInput};
use malanhua_shared::course::CourseKind;
use malanhua_shared::{ErrorCode, Fen, RegionCode};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::class_info::kind_badge;
use crate::components::form_error::failure_message;
use crate::components::reason_form::{ReasonAction, ReasonForm};
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::Remote;
use crate::hooks::session::use_session;
use crate::i18n::{self, Lang, ProposalsKey, Text, t};

/// An amount in fen as `¥1,500.00` (empty when not given).
fn yuan(fen: Option<i64>) -> String {
    fen.and_then(|f| Fen::new(f).ok()).map(|f| f.to_string()).unwrap_or_default()
}

/// "SYB培训 from 1 January 2025" parts of a version: course name and date.
fn course_and_date(lang: Lang, kind: CourseKind, input: &SubsidyPolicyInput) -> (&'static str, String) {
    (i18n::kind_name(lang, kind), input.effective_from.map(|d| i18n::date(lang, d)).unwrap_or_default())
}

/// Props of [`ProposeBox`].
#[derive(Properties, PartialEq)]
pub(super) struct ProposeBoxProps {
    /// The officer's region.
    pub region: RegionCode,
    /// The course kind of the refused version.
    pub kind: CourseKind,
    /// The refused version, as it was sent.
    pub input: SubsidyPolicyInput,
    /// Called with the proposal once made.
    pub on_proposed: Callback<PolicyProposal>,
}

/// Saving was refused as too large for one officer: offers to propose the
/// same version for a second officer, then says it is waiting.
#[function_component]
pub(super) fn ProposeBox(props: &ProposeBoxProps) -> Html {
    let lang = use_lang();
    let sending = use_mutation::<PolicyProposal>();
    let onclick = {
        let (sending, region, kind, input, on_proposed) =
            (sending.clone(), props.region.clone(), props.kind, props.input.clone(), props.on_proposed.clone());
        Callback::from(move |_: MouseEvent| {
            let intent = format!(
                "propose {} {} {}",
                region.as_str(),
                kind.as_str(),
                serde_json::to_string(&input).unwrap_or_default()
            );
            let (region, input, on_proposed) = (region.clone(), input.clone(), on_proposed.clone());
            sending.run(
                intent,
                move |key| async move { api::subsidies::propose_policy(&region, kind, &input, &key).await },
                move |result| {
                    if let Ok(p) = result {
                        on_proposed.emit(p);
                    }
                },
            );
        })
    };
    let (course, date) = course_and_date(lang, props.kind, &props.input);
    if let Some(p) = sending.result() {
        let (course, date) = course_and_date(lang, p.kind, &p.input);
        return html! {
            <p id="sp-proposed" class="alert alert-success" role="status">{ i18n::proposal_sent(lang, course, &date) }</p>
        };
    }
    let submitting = sending.submitting();
    html! {
        <section id="sp-second-officer" class="alert alert-info second-officer" aria-labelledby="sp-second-officer-title">
            <h3 id="sp-second-officer-title">{ t(lang, ProposalsKey::SecondOfficerTitle) }</h3>
            <p>{ t(lang, ProposalsKey::SecondOfficerLead) }</p>
            <p class="muted">{ format!("{course} · {date} · {}", yuan(props.input.amount_fen)) }</p>
            if let Some(e) = sending.error() {
                <p id="sp-propose-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            <button id="sp-propose" type="button" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")} {onclick}>
                { t(lang, ProposalsKey::Propose) }
            </button>
        </section>
    }
}

/// Props of [`WaitingProposals`].
#[derive(Properties, PartialEq)]
pub(super) struct WaitingProposalsProps {
    /// The region shown.
    pub region: RegionCode,
    /// Every proposal waiting in the officer's regions.
    pub list: Remote<Vec<PolicyProposal>>,
    /// Loads the list again.
    pub reload: Callback<()>,
    /// Called after a proposal was confirmed (the versions changed).
    pub on_confirmed: Callback<()>,
}

/// The region's proposals waiting for a second officer: confirm or turn
/// down another officer's; one's own only says it waits.
#[function_component]
pub(super) fn WaitingProposals(props: &WaitingProposalsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let me = session.me.as_ref().map(|m| m.id.clone());
    let confirming = use_mutation::<PolicyProposal>();
    let turning_down = use_state(|| None::<String>);
    let done = use_state(|| None::<String>);

    let on_confirm = {
        let (confirming, done, turning_down) = (confirming.clone(), done.clone(), turning_down.clone());
        let (reload, on_confirmed) = (props.reload.clone(), props.on_confirmed.clone());
        Callback::from(move |p: PolicyProposal| {
            done.set(None);
            turning_down.set(None);
            let (done, reload, on_confirmed) = (done.clone(), reload.clone(), on_confirmed.clone());
            let id = p.id.clone();
            confirming.run(
                format!("confirm proposal {id}"),
                move |key| async move {
                    api::subsidies::decide_proposal(&id, &Decision { approve: true, reason: None }, &key).await
                },
                move |result| {
                    if let Ok(p) = &result {
                        let (course, date) = course_and_date(lang, p.kind, &p.input);
                        done.set(Some(i18n::proposal_confirmed(lang, course, &date)));
                        on_confirmed.emit(());
                    }
                    reload.emit(());
                },
            );
        })
    };
    let on_turn_down = {
        let (turning_down, done) = (turning_down.clone(), done.clone());
        Callback::from(move |id: String| {
            done.set(None);
            turning_down.set(if turning_down.as_deref() == Some(id.as_str()) { None } else { Some(id) });
        })
    };
    let on_turned_down = {
        let (turning_down, done, reload) = (turning_down.clone(), done.clone(), props.reload.clone());
        Callback::from(move |message: String| {
            turning_down.set(None);
            done.set(Some(message));
            reload.emit(());
        })
    };

    let region = props.region.as_str();
    let error = confirming.error().map(|e| {
        if e.is(ErrorCode::SeparationOfDuties) {
            t(lang, ProposalsKey::NotYourOwn).to_owned()
        } else {
            failure_message(lang, e)
        }
    });
    html! {
        <section id="sp-proposals" class="panel" aria-labelledby="sp-proposals-title">
            <h2 id="sp-proposals-title">{ t(lang, ProposalsKey::WaitingTitle) }</h2>
            <p class="hint">{ t(lang, ProposalsKey::WaitingLead) }</p>
            if let Some(message) = &*done {
                <p id="proposal-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            if let Some(message) = error {
                <p id="proposal-error" class="alert alert-error" role="alert">{ message }</p>
            }
            { remote_view(lang, &props.list, "sp-proposals-error", &props.reload, |list| {
                let here: Vec<&PolicyProposal> = list.iter().filter(|p| p.region_code == region).collect();
                if here.is_empty() {
                    return html! { <p class="empty" id="sp-proposals-empty">{ t(lang, ProposalsKey::NoneWaiting) }</p> };
                }
                html! {
                    <ul id="sp-proposal-list" class="review-list">
                        { for here.iter().map(|p| proposal(lang, p, &Row {
                            own: me.as_ref() == Some(&p.proposed_by),
                            busy: confirming.submitting(),
                            turning_down: turning_down.as_deref() == Some(p.id.as_str()),
                            on_confirm: on_confirm.clone(),
                            on_turn_down: on_turn_down.clone(),
                            on_turned_down: on_turned_down.clone(),
                        })) }
                    </ul>
                }
            }) }
        </section>
    }
}

/// What a proposal row shows and can do.
struct Row {
    /// Proposed by the signed-in officer.
    own: bool,
    /// A confirmation is on its way.
    busy: bool,
    /// The turn-down form is open on this row.
    turning_down: bool,
    on_confirm: Callback<PolicyProposal>,
    on_turn_down: Callback<String>,
    on_turned_down: Callback<String>,
}

fn proposal(lang: Lang, p: &PolicyProposal, row: &Row) -> Html {
    let id = p.id.clone();
    let confirm = {
        let (cb, p) = (row.on_confirm.clone(), p.clone());
        Callback::from(move |_: MouseEvent| cb.emit(p.clone()))
    };
    let turn_down = {
        let (cb, id) = (row.on_turn_down.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let (course, date) = course_and_date(lang, p.kind, &p.input);
    let on_done = {
        let (cb, message) = (row.on_turned_down.clone(), i18n::proposal_turned_down(lang, course, &date));
        Callback::from(move |()| cb.emit(message.clone()))
    };
    let by = if row.own { ProposalsKey::ProposedByYou } else { ProposalsKey::ProposedByOther };
    html! {
        <li key={id.clone()} class="review proposal-row" data-id={id.clone()} data-kind={p.kind.as_str()}>
            <p class="class-badges">{ kind_badge(lang, p.kind) }</p>
            <dl class="facts compact">
                <div><dt>{ t(lang, ProposalsKey::EffectiveFrom) }</dt><dd>{ date.clone() }</dd></div>
                <div><dt>{ t(lang, ProposalsKey::Amount) }</dt><dd class="money proposal-amount">{ yuan(p.input.amount_fen) }</dd></div>
                if let Some(payee) = p.input.payee {
                    <div><dt>{ t(lang, i18n::SubsidiesKey::ColPayee) }</dt><dd>{ i18n::payee_name(lang, payee) }</dd></div>
                }
                <div><dt>{ t(lang, ProposalsKey::ProposedBy) }</dt><dd class="proposal-by">{ t(lang, by) }</dd></div>
                <div><dt>{ t(lang, ProposalsKey::ProposedAt) }</dt><dd>{ i18n::datetime(lang, p.proposed_at) }</dd></div>
            </dl>
            if row.own {
                <p class="muted proposal-own">{ t(lang, ProposalsKey::OwnProposal) }</p>
            } else {
                <div class="form-actions action-buttons">
                    <button type="button" class="button primary proposal-confirm" data-id={id.clone()} disabled={row.busy} onclick={confirm}>
                        { t(lang, ProposalsKey::Confirm) }
                    </button>
                    <button type="button" class="button danger proposal-turn-down" data-id={id.clone()} disabled={row.busy}
                        aria-expanded={if row.turning_down { "true" } else { "false" }} onclick={turn_down}>
                        { t(lang, ProposalsKey::TurnDown) }
                    </button>
                </div>
                if row.turning_down {
                    <ReasonForm
                        prefix="proposal-turn-down"
                        error_id="proposal-turn-down-error"
                        title={Text::of(ProposalsKey::TurnDownTitle)}
                        lead={Text::of(ProposalsKey::TurnDownLead)}
                        submit_label={Text::of(ProposalsKey::TurnDown)}
                        action={turn_down_action(id)}
                        {on_done}
                    />
                }
            }
        </li>
    }
}

/// Turns the proposal down with the reason given.
fn turn_down_action(id: String) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), ApiError>>)| {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let body = Decision { approve: false, reason: Some(req.reason) };
            let key = api::new_idempotency_key();
            done.emit(api::subsidies::decide_proposal(&id, &body, &key).await.map(|_| ()));
        });
    })
}
