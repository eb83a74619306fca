//! The worklist's table of claims, and the results of a bulk action.

use std::collections::BTreeSet;

use malanhua_shared::ClaimId;
use malanhua_shared::api::subsidies::{BulkResult, ClaimSort, ClaimSummary};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::ApiError;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_kind_badge, claim_status_badge, summary_subject};
use crate::components::form_error::failure_message;
use crate::components::stack_table::hidden;
use crate::i18n::{self, CommonKey, Lang, SubsidiesKey, WorklistKey, t};

/// What the table needs besides the claims.
pub(super) struct TableView<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The ticked claims.
    pub selected: &'a UseStateHandle<BTreeSet<ClaimId>>,
    /// The order shown.
    pub sort: ClaimSort,
    /// Called with the order a column heading asks for.
    pub on_sort: &'a Callback<ClaimSort>,
    /// The row the keyboard is on.
    pub current: Option<usize>,
}

/// Which way an order runs, for `aria-sort`.
fn direction(sort: ClaimSort) -> &'static str {
    match sort {
        // Longest wait first: the "waited" column runs downward.
        ClaimSort::FiledDesc | ClaimSort::AmountDesc | ClaimSort::StageAge => "descending",
        ClaimSort::Filed | ClaimSort::Amount | ClaimSort::Institution => "ascending",
    }
}

/// A sortable column's heading: a button that sorts by it (`first`, then
/// `second` on another press), with `aria-sort` on the cell.
fn sort_heading(v: &TableView<'_>, label: &'static str, first: ClaimSort, second: Option<ClaimSort>) -> Html {
    let sorted = v.sort == first || Some(v.sort) == second;
    let state = sorted.then(|| direction(v.sort));
    let next = match second {
        Some(other) if v.sort == first => other,
        _ => first,
    };
    let on_sort = v.on_sort.clone();
    let arrow = match state {
        Some("descending") => " ▼",
        Some(_) => " ▲",
        None => "",
    };
    html! {
        <th scope="col" aria-sort={state}>
            <button type="button" class="sort-button" id={format!("sort-{}", first.as_str())}
                onclick={Callback::from(move |_: MouseEvent| on_sort.emit(next))}>
                { label }<span aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}

pub(super) fn claims_table(v: &TableView<'_>, items: &[ClaimSummary]) -> Html {
    let (lang, selected) = (v.lang, v.selected);
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
    let now = crate::time::now();
    let plain = |text: &'static str| html! { <th scope="col">{ text }</th> };
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
            <div class="table-wrap worklist-wrap">
                <table id="claims-table" class="stack dense worklist">
                    <thead>
                        <tr>
                            <th scope="col">{ hidden(t(lang, SubsidiesKey::SelectOne)) }</th>
                            { plain(t(lang, SubsidiesKey::ClaimHolder)) }
                            { plain(t(lang, SubsidiesKey::ColClaimKind)) }
                            { sort_heading(v, t(lang, SubsidiesKey::ColSubject), ClaimSort::Institution, None) }
                            { sort_heading(v, t(lang, SubsidiesKey::ColAmount), ClaimSort::AmountDesc, Some(ClaimSort::Amount)) }
                            { plain(t(lang, CommonKey::ColStatus)) }
                            { sort_heading(v, t(lang, WorklistKey::ColStageAge), ClaimSort::StageAge, None) }
                            { sort_heading(v, t(lang, SubsidiesKey::ClaimFiledAt), ClaimSort::Filed, Some(ClaimSort::FiledDesc)) }
                            { plain(t(lang, CommonKey::ColActions)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().enumerate().map(|(i, c)| claim_row(v, c, v.current == Some(i), now)) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn claim_row(v: &TableView<'_>, c: &ClaimSummary, current: bool, now: chrono::DateTime<chrono::Utc>) -> Html {
    let (lang, selected) = (v.lang, v.selected);
    let on_select = {
        let selected = selected.clone();
        let id = c.id.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*selected).clone();
            if on {
                next.insert(id.clone());
            } else {
                next.remove(&id);
            }
            selected.set(next);
        })
    };
    let waited = (now - c.updated_at).num_hours().max(0);
    html! {
        <tr key={c.id.to_string()} class={classes!("claim-row", current.then_some("current"))} data-claim-id={c.id.to_string()} data-claim-kind={c.claim_kind.as_str()} aria-current={current.then_some("true")}>
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
                    <br /><span class="muted claim-institution">{ c.institution.clone() }</span>
                }
            </td>
            <td data-label={t(lang, SubsidiesKey::ColAmount)} class="money">{ c.amount_fen.to_string() }</td>
            <td data-label={t(lang, CommonKey::ColStatus)}>
                <span class="badge-line">
                    { claim_status_badge(lang, c.status, None) }
                    if c.group_unverified {
                        <span class="badge badge-warn group-unverified">{ t(lang, WorklistKey::GroupUnverified) }</span>
                    }
                    if c.recovery.as_ref().is_some_and(|r| r.recovered_on.is_none()) {
                        <span class="badge badge-stop recovery-open">{ t(lang, SubsidiesKey::RecoveryOpen) }</span>
                    }
                </span>
            </td>
            <td data-label={t(lang, WorklistKey::ColStageAge)} class="stage-age">{ i18n::waited(lang, waited) }</td>
            <td data-label={t(lang, SubsidiesKey::ClaimFiledAt)}>
                { c.filed_at.map(|at| i18n::datetime(lang, at)).unwrap_or_else(|| "—".to_owned()) }
            </td>
            <td data-label={t(lang, CommonKey::ColActions)}>
                <AppLink to={Route::Claim { id: c.id.to_string() }} classes={classes!("claim-link")} id={format!("open-{}", c.id)}>{ t(lang, SubsidiesKey::ViewClaim) }</AppLink>
            </td>
        </tr>
    }
}

pub(super) fn bulk_results(lang: Lang, list: &[BulkResult], items: &[ClaimSummary]) -> Html {
    let ok = list.iter().filter(|r| r.error.is_none()).count();
    let failed = list.len() - ok;
    html! {
        <section id="bulk-results" tabindex="-1" class={classes!("alert", if failed == 0 { "alert-success" } else { "alert-info" })} role="status" aria-labelledby="bulk-results-title">
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
                    let reasons = r.error.as_ref().map(|e| e.reasons.clone()).unwrap_or_default();
                    html! {
                        <li key={r.claim_id.to_string()} class={classes!("bulk-result", if r.error.is_some() { "bulk-failed" } else { "bulk-ok" })} data-claim-id={r.claim_id.to_string()}>
                            { i18n::bulk_line(lang, &who, &outcome) }
                            if !reasons.is_empty() {
                                <ul class="reasons bulk-reasons">
                                    { for reasons.iter().map(|why| html! { <li data-reason={why.as_str()}>{ i18n::ineligible_reason_text(lang, *why) }</li> }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
