//! The worklist's table of claims, and the results of a bulk action.

use std::collections::BTreeSet;

use malanhua_shared::ClaimId;
use malanhua_shared::api::subsidies::{BulkResult, ClaimSummary};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::ApiError;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_kind_badge, claim_status_badge, summary_subject};
use crate::components::form_error::failure_message;
use crate::components::stack_table::{hidden, stack_table};
use crate::i18n::{self, CommonKey, Lang, SubsidiesKey, t};

pub(super) fn claims_table(lang: Lang, items: &[ClaimSummary], selected: &UseStateHandle<BTreeSet<ClaimId>>) -> Html {
    if items.is_empty() {
        return html! { <p class="empty" id="claims-empty">{ t(lang, SubsidiesKey::ClaimsEmpty) }</p> };
    }
    let all_selected = items.iter().all(|c| selected.contains(&c.id));
    let on_all = {
        let selected = selected.clone();
        let ids: Vec<ClaimId> = items.iter().map(|c| c.id.clone()).collect();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            selected.set(if on { ids.iter().cloned().collect() } else { BTreeSet::new() });
        })
    };
    html! {
        <>
            <div class="select-all-line">
                <div class="field check">
                    <label for="claims-select-all">
                        <input id="claims-select-all" type="checkbox" checked={all_selected} onchange={on_all} />
                        <span>{ t(lang, SubsidiesKey::SelectAll) }</span>
                    </label>
                </div>
                <p class="muted" id="claims-count" role="status">{ i18n::claims_shown(lang, &items.len().to_string(), &selected.len().to_string()) }</p>
            </div>
            { stack_table("claims-table", &[hidden(t(lang, SubsidiesKey::SelectOne)), t(lang, SubsidiesKey::ClaimHolder).into(), t(lang, SubsidiesKey::ColClaimKind).into(), t(lang, SubsidiesKey::ColSubject).into(), t(lang, SubsidiesKey::ColAmount).into(), t(lang, CommonKey::ColStatus).into(), t(lang, SubsidiesKey::ClaimFiledAt).into(), t(lang, CommonKey::ColActions).into()], html! { <>
                        { for items.iter().map(|c| {
                            let on_select = {
                                let selected = selected.clone();
                                let id = c.id.clone();
                                Callback::from(move |e: Event| {
                                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                    let mut next = (*selected).clone();
                                    if on { next.insert(id.clone()); } else { next.remove(&id); }
                                    selected.set(next);
                                })
                            };
                            html! {
                                <tr key={c.id.to_string()} class="claim-row" data-claim-id={c.id.to_string()} data-claim-kind={c.claim_kind.as_str()}>
                                    <td data-label={t(lang, SubsidiesKey::SelectOne)}>
                                        <input
                                            type="checkbox"
                                            class="cell-check claim-select"
                                            data-claim-id={c.id.to_string()}
                                            checked={selected.contains(&c.id)}
                                            aria-label={i18n::select_claim_of(lang, &c.holder_name)}
                                            onchange={on_select}
                                        />
                                    </td>
                                    <td data-label={t(lang, SubsidiesKey::ClaimHolder)}>
                                        <span class="claim-holder">{ c.holder_name.clone() }</span>
                                        if let Some(number) = &c.certificate_number {
                                            <br /><span class="muted">{ number.to_string() }</span>
                                        }
                                    </td>
                                    <td data-label={t(lang, SubsidiesKey::ColClaimKind)}>
                                        { claim_kind_badge(lang, c.claim_kind, c.kind) }
                                    </td>
                                    <td data-label={t(lang, SubsidiesKey::ColSubject)}>
                                        <span class="claim-subject">{ summary_subject(lang, c) }</span>
                                        if !c.institution.is_empty() {
                                            <br /><span class="muted">{ c.institution.clone() }</span>
                                        }
                                    </td>
                                    <td data-label={t(lang, SubsidiesKey::ColAmount)} class="money">{ c.amount_fen.to_string() }</td>
                                    <td data-label={t(lang, CommonKey::ColStatus)}>
                                        { claim_status_badge(lang, c.status, None) }
                                        if c.recovery.as_ref().is_some_and(|r| r.recovered_on.is_none()) {
                                            { " " }<span class="badge badge-stop recovery-open">{ t(lang, SubsidiesKey::RecoveryOpen) }</span>
                                        }
                                    </td>
                                    <td data-label={t(lang, SubsidiesKey::ClaimFiledAt)}>
                                        { c.filed_at.map(|at| i18n::datetime(lang, at)).unwrap_or_else(|| "—".to_owned()) }
                                    </td>
                                    <td data-label={t(lang, CommonKey::ColActions)}>
                                        <AppLink to={Route::Claim { id: c.id.to_string() }} classes={classes!("claim-link")}>{ t(lang, SubsidiesKey::ViewClaim) }</AppLink>
                                    </td>
                                </tr>
                            }
                        }) }
            </> }) }
        </>
    }
}

pub(super) fn bulk_results(lang: Lang, list: &[BulkResult], items: &[ClaimSummary]) -> Html {
    let ok = list.iter().filter(|r| r.error.is_none()).count();
    let failed = list.len() - ok;
    html! {
        <section id="bulk-results" class={classes!("alert", if failed == 0 { "alert-success" } else { "alert-info" })} role="status" aria-labelledby="bulk-results-title">
            <p id="bulk-results-title"><strong>{ i18n::bulk_summary(lang, &ok.to_string(), &failed.to_string()) }</strong></p>
            <ul class="bulk-result-list">
                { for list.iter().map(|r| {
                    let who = items
                        .iter()
                        .find(|c| c.id == r.claim_id)
                        .map(|c| match &c.certificate_number {
                            Some(number) => format!("{} {number}", c.holder_name),
                            None => format!("{} {}", c.holder_name, summary_subject(lang, c)),
                        })
                        .unwrap_or_else(|| r.claim_id.to_string());
                    let outcome = match (&r.error, r.status) {
                        (Some(error), _) => failure_message(lang, &ApiError::Server { body: error.clone(), retry_after: None }),
                        (None, Some(status)) => i18n::bulk_ok_now(lang, i18n::claim_status_name(lang, status)),
                        (None, None) => t(lang, SubsidiesKey::BulkOk).to_owned(),
                    };
                    html! {
                        <li key={r.claim_id.to_string()} class={classes!("bulk-result", if r.error.is_some() { "bulk-failed" } else { "bulk-ok" })} data-claim-id={r.claim_id.to_string()}>
                            { i18n::bulk_line(lang, &who, &outcome) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
