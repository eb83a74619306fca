//! The workspace's service-fee section (服务补贴): the standard in force and
//! the year's cap, the recorded services not claimed yet (each with what
//! stops it, and a claim button), the monthly claims (filed on the claim
//! page) and the lines claimed.

use malanhua_shared::api::studios::{FeeLine, FeeLineRequest, FeeOverview, UnclaimedService};
use malanhua_shared::api::subsidies::{ClaimStatus, ClaimSummary};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_status_badge, reasons_list, refused_reasons, summary_subject};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, FeesKey, Lang, SubsidiesKey, t};
use crate::pages::studios::info::{fee_terms, service_text};

/// `#mentor-fees`.
#[function_component]
pub(super) fn MentorFees() -> Html {
    let lang = use_lang();
    let (overview, reload) = use_remote((), |()| api::fees::overview());
    let claimed = use_state(|| false);
    let on_claimed = {
        let (claimed, reload) = (claimed.clone(), reload.clone());
        Callback::from(move |()| {
            claimed.set(true);
            reload.emit(());
        })
    };
    html! {
        <div id="mentor-fees">
            <p class="lead">{ t(lang, FeesKey::FeesLead) }</p>
            if *claimed {
                <p class="alert alert-success" role="status" id="fee-claimed">{ t(lang, FeesKey::Claimed) }</p>
            }
            { remote_view(lang, &overview, "mentor-fees-error", &reload, |o| view(lang, o, &on_claimed)) }
        </div>
    }
}

fn view(lang: Lang, o: &FeeOverview, on_claimed: &Callback<()>) -> Html {
    html! {
        <>
            <section class="panel" id="fee-policy-in-force" aria-labelledby="fee-policy-in-force-title">
                <h2 id="fee-policy-in-force-title">{ t(lang, FeesKey::PolicyTitle) }</h2>
                if let Some(p) = &o.policy {
                    { fee_terms(lang, p) }
                } else {
                    <p class="empty">{ t(lang, FeesKey::NoPolicy) }</p>
                }
                <p id="fee-claimed-this-year">
                    { format!("{}（{}）：", t(lang, FeesKey::ClaimedThisYear), i18n::cap_year(lang, &o.year.to_string())) }
                    <strong class="money">{ o.claimed_fen.to_string() }</strong>
                    if let Some(p) = &o.policy {
                        { " / " }<span class="money">{ p.yearly_cap_fen.to_string() }</span>
                    }
                </p>
            </section>
            <section class="panel" aria-labelledby="fee-unclaimed-title">
                <h2 id="fee-unclaimed-title">{ t(lang, FeesKey::Unclaimed) }</h2>
                <ul id="fee-unclaimed" class="plain rows">
                    { for o.unclaimed.iter().map(|s| html! {
                        <Unclaimed key={s.record_id.to_string()} service={s.clone()} on_done={on_claimed.clone()} />
                    }) }
                </ul>
                if o.unclaimed.is_empty() {
                    <p class="empty">{ t(lang, FeesKey::NoUnclaimed) }</p>
                }
            </section>
            <section class="panel" aria-labelledby="fee-claims-title">
                <h2 id="fee-claims-title">{ t(lang, FeesKey::MonthlyClaims) }</h2>
                <ul id="fee-claims" class="plain rows">
                    { for o.claims.iter().map(|c| monthly_claim(lang, c)) }
                </ul>
                if o.claims.is_empty() {
                    <p class="empty">{ t(lang, FeesKey::NoMonthlyClaims) }</p>
                }
            </section>
            <section class="panel" aria-labelledby="fee-lines-title">
                <h2 id="fee-lines-title">{ t(lang, FeesKey::Lines) }</h2>
                <ul id="fee-lines" class="plain rows">
                    { for o.lines.iter().map(|l| line(lang, l)) }
                </ul>
                if o.lines.is_empty() {
                    <p class="empty">{ t(lang, FeesKey::NoLines) }</p>
                }
            </section>
        </>
    }
}

fn monthly_claim(lang: Lang, c: &ClaimSummary) -> Html {
    let waiting = matches!(c.status, ClaimStatus::Draft | ClaimStatus::Returned);
    html! {
        <li key={c.id.to_string()} data-testid="fee-claim" data-claim-id={c.id.to_string()} data-status={c.status.as_str()}>
            <strong>{ summary_subject(lang, c) }</strong>{ " " }
            { claim_status_badge(lang, c.status, None) }{ " " }
            <span class="money">{ c.amount_fen.to_string() }</span>{ " " }
            <AppLink id={format!("fee-claim-link-{}", c.id)} classes={classes!("fee-claim-link")} to={Route::Claim { id: c.id.to_string() }}>
                { t(lang, if waiting { SubsidiesKey::ViewAndSubmitClaim } else { SubsidiesKey::ViewClaim }) }
            </AppLink>
        </li>
    }
}

fn line(lang: Lang, l: &FeeLine) -> Html {
    html! {
        <li key={l.id.to_string()} data-testid="fee-line" data-record-id={l.record_id.to_string()} data-kind={l.kind.as_str()}>
            <strong>{ i18n::fee_line_kind_name(lang, l.kind) }</strong>{ " · " }{ service_text(lang, l.starts_at, l.minutes, l.group) }
            <br />
            <span class="muted">{ format!("{} {} · {} ", t(lang, FeesKey::Due), l.due_fen, t(lang, FeesKey::Paid)) }</span>
            <strong class="money">{ l.amount_fen.to_string() }</strong>
            if l.amount_fen < l.due_fen {
                { " " }<span class="badge badge-todo fee-cap-cut">{ t(lang, FeesKey::CapCut) }</span>
            }
        </li>
    }
}

/// Props of [`Unclaimed`].
#[derive(Properties, PartialEq)]
struct UnclaimedProps {
    service: UnclaimedService,
    /// Called after it was claimed.
    on_done: Callback<()>,
}

/// One recorded service not claimed yet, what stops it, and its claim button.
#[function_component]
fn Unclaimed(props: &UnclaimedProps) -> Html {
    let lang = use_lang();
    let sending = use_mutation::<api::mentors::Done>();
    let s = &props.service;
    let id = s.record_id.to_string();
    let on_claim = {
        let (sending, id, on_done) = (sending.clone(), id.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            let (body, on_done) = (FeeLineRequest { record_id: id.clone() }, on_done.clone());
            sending.run(
                format!("fee claim {id}"),
                move |key| async move { api::fees::claim(&body, &key).await },
                move |r| {
                    if r.is_ok() {
                        on_done.emit(());
                    }
                },
            );
        })
    };
    let when = service_text(lang, s.starts_at, s.minutes, s.group);
    // What the refusal names beyond the reasons already shown.
    let refused: Vec<_> = sending
        .error()
        .map(refused_reasons)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !s.reasons.contains(r))
        .collect();
    let busy = sending.submitting();
    html! {
        <li data-testid="fee-service" data-record-id={id.clone()} data-claimable={s.reasons.is_empty().to_string()}>
            <span>{ when.clone() }</span>
            if !s.reasons.is_empty() {
                { reasons_list(lang, &s.reasons, None, "eligibility-reasons") }
            }
            if let Some(e) = sending.error() {
                <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                { reasons_list(lang, &refused, None, "eligibility-reasons") }
            }
            <div class="form-actions">
                <button type="button" class="button primary small" data-testid={format!("fee-claim-{id}")}
                    aria-label={i18n::claim_service_at(lang, &when)} disabled={busy} aria-busy={busy.then_some("true")} onclick={on_claim}>
                    { t(lang, FeesKey::ClaimOne) }
                </button>
            </div>
        </li>
    }
}
