//! `/bureau/claims`: the bureau's subsidy worklist (补贴审核): filters,
//! keyset paging, one action on many claims at once, and CSV or Excel
//! exports of the filtered list.

use std::collections::BTreeSet;

use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::subsidies::{
    BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimPage, ClaimQuery, ClaimStatus, ClaimSummary,
    check_payment_ref,
};
use malanhua_shared::course::CourseKind;
use malanhua_shared::{Fen, FieldCode, FieldErrors};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::claim_status_badge;
use crate::components::class_info::kind_badge;
use crate::components::focus;
use crate::components::form_error::{FormError, failure_message};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, ClassesKey, CommonKey, Lang, SubsidiesKey, t};
use crate::pages::subsidies::my_subsidies::read_date;

/// The status filter's value for "every stage".
const ALL_STATUSES: &str = "all";

/// A yuan amount typed into a filter, in fen; a bad one is noted under `field`.
fn read_yuan(value: &str, field: &str, errors: &mut FieldErrors) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Fen::parse_yuan(value).map(Fen::get).map_err(|_| errors.insert(field.to_owned(), FieldCode::InvalidFormat)).ok()
}

/// `/bureau/claims` (signed in; officers only on the server).
#[function_component]
pub fn BureauClaimsPage() -> Html {
    use_title(SubsidiesKey::BureauClaimsTitle);
    html! {
        <RequireSignIn>
            <Worklist />
        </RequireSignIn>
    }
}

/// The filter fields, with their inputs, in the order they appear.
const FILTER_FIELDS: [(&str, &str); 4] =
    [("from", "filter-from"), ("to", "filter-to"), ("min_fen", "filter-min"), ("max_fen", "filter-max")];

#[function_component]
fn Worklist() -> Html {
    let lang = use_lang();
    let filters = use_form();
    let query = use_state(ClaimQuery::default);
    let (page, reload) = use_remote((*query).clone(), |q| async move { api::subsidies::bureau_claims(&q).await });
    // The region's institutions, from its staff accounts, for the filter.
    let (staff, _) = use_remote((), |()| async move { api::admin::accounts().await });
    let selected = use_state(BTreeSet::<String>::new);
    let more_loading = use_state(|| false);
    let more_error = use_state(|| None::<ApiError>);
    let results = use_state(|| None::<Vec<BulkResult>>);
    let exporting = use_state(|| false);
    let export_error = use_state(|| None::<ApiError>);

    let on_apply = {
        let (filters, query, reload, selected, results) =
            (filters.clone(), query.clone(), reload.clone(), selected.clone(), results.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut errors = FieldErrors::new();
            let status = filters.value("status");
            let next = ClaimQuery {
                status: ClaimStatus::from_name(&status),
                kind: CourseKind::from_name(&filters.value("kind")),
                institution: Some(filters.value("institution")).filter(|v| !v.is_empty()),
                from: read_date(&filters.value("from"), "from", &mut errors),
                to: read_date(&filters.value("to"), "to", &mut errors),
                min_fen: read_yuan(&filters.value("min_fen"), "min_fen", &mut errors),
                max_fen: read_yuan(&filters.value("max_fen"), "max_fen", &mut errors),
                after: None,
                limit: None,
            };
            if let (Some(from), Some(to)) = (next.from, next.to)
                && to < from
            {
                errors.insert("to".to_owned(), FieldCode::NotInOrder);
            }
            if let (Some(min), Some(max)) = (next.min_fen, next.max_fen)
                && max < min
            {
                errors.insert("max_fen".to_owned(), FieldCode::NotInOrder);
            }
            if !errors.is_empty() {
                if let Some((_, id)) = FILTER_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                filters.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            filters.dispatch(FormAction::Succeeded { clear: false });
            selected.set(BTreeSet::new());
            results.set(None);
            if *query == next {
                reload.emit(());
            } else {
                query.set(next);
            }
        })
    };

    let on_more = {
        let (page, query, more_loading, more_error) =
            (page.clone(), query.clone(), more_loading.clone(), more_error.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(current) = page.loaded().cloned() else {
                return;
            };
            let Some(after) = current.next.clone() else {
                return;
            };
            if *more_loading {
                return;
            }
            more_loading.set(true);
            more_error.set(None);
            let asked = ClaimQuery { after: Some(after), ..(*query).clone() };
            let (page, more_loading, more_error) = (page.clone(), more_loading.clone(), more_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::subsidies::bureau_claims(&asked).await {
                    Ok(more) => {
                        // A claim that moved between the pages is listed once.
                        let mut items = current.items;
                        let known: BTreeSet<String> = items.iter().map(|c| c.id.clone()).collect();
                        items.extend(more.items.into_iter().filter(|c| !known.contains(&c.id)));
                        page.set(Remote::Loaded(ClaimPage { items, next: more.next }));
                    }
                    Err(e) => more_error.set(Some(e)),
                }
                more_loading.set(false);
            });
        })
    };

    let export = |csv: bool| {
        let (query, exporting, export_error) = (query.clone(), exporting.clone(), export_error.clone());
        Callback::from(move |_: MouseEvent| {
            if *exporting {
                return;
            }
            exporting.set(true);
            export_error.set(None);
            let (asked, exporting, export_error) = ((*query).clone(), exporting.clone(), export_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = if csv {
                    api::subsidies::download_csv(&asked).await
                } else {
                    api::subsidies::download_xlsx(&asked).await
                };
                if let Err(e) = result {
                    export_error.set(Some(e));
                }
                exporting.set(false);
            });
        })
    };

    // Bulk results update the rows in place (the list is not reloaded, so
    // the pages already shown stay).
    let on_results = {
        let (page, results, selected) = (page.clone(), results.clone(), selected.clone());
        Callback::from(move |list: Vec<BulkResult>| {
            if let Some(current) = page.loaded() {
                let mut current = current.clone();
                for r in &list {
                    if let (Some(status), Some(item)) =
                        (r.status, current.items.iter_mut().find(|c| c.id == r.claim_id))
                    {
                        item.status = status;
                    }
                }
                page.set(Remote::Loaded(current));
            }
            let failed: BTreeSet<String> =
                list.iter().filter(|r| r.error.is_some()).map(|r| r.claim_id.clone()).collect();
            selected.set(failed);
            results.set(Some(list));
        })
    };

    let statuses: Vec<(String, String)> =
        std::iter::once((ALL_STATUSES.to_owned(), t(lang, ClassesKey::AllStatuses).to_owned()))
            .chain(
                ClaimStatus::ALL.iter().map(|s| (s.as_str().to_owned(), i18n::claim_status_name(lang, *s).to_owned())),
            )
            .collect();
    let kinds: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let mut institutions: Vec<(String, String)> = staff
        .loaded()
        .into_iter()
        .flatten()
        .filter_map(|a| a.institution.as_ref().map(|i| (i.id.to_string(), i.name.clone())))
        .collect();
    institutions.sort();
    institutions.dedup();
    let status_value = match filters.value("status") {
        v if v.is_empty() => ALL_STATUSES.to_owned(),
        v => v,
    };
    let items: Vec<ClaimSummary> = page.loaded().map(|p| p.items.clone()).unwrap_or_default();
    let has_next = page.loaded().is_some_and(|p| p.next.is_some());

    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, SubsidiesKey::BureauClaimsTitle) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::BureauClaimsLead) }</p>
            <section class="panel filters" aria-labelledby="claim-filters-title">
                <h2 id="claim-filters-title">{ t(lang, ClassesKey::FiltersTitle) }</h2>
                <form class="form" role="search" novalidate=true onsubmit={on_apply}>
                    <FormError id="filter-error" failure={filters.failure().cloned()} others={filters.other_errors(&["from", "to", "min_fen", "max_fen"])} />
                    <div class="field-pair">
                        <SelectField id="filter-status" label={t(lang, CommonKey::ColStatus)} value={status_value} options={statuses} required={false} onchange={setter(&filters, "status")} />
                        <SelectField id="filter-kind" label={t(lang, CommonKey::CourseKindLabel)} value={filters.value("kind")} empty={AttrValue::from(t(lang, ClassesKey::AnyKind))} options={kinds} required={false} onchange={setter(&filters, "kind")} />
                    </div>
                    <SelectField id="filter-institution" label={t(lang, AccountsKey::ColInstitution)} value={filters.value("institution")} empty={AttrValue::from(t(lang, ClassesKey::AnyInstitution))} options={institutions} required={false} onchange={setter(&filters, "institution")} />
                    <div class="field-pair">
                        <TextField id="filter-from" label={t(lang, SubsidiesKey::FiledFrom)} input_type="date" required={false} value={filters.value("from")} error={filters.error(lang, "from")} oninput={setter(&filters, "from")} />
                        <TextField id="filter-to" label={t(lang, SubsidiesKey::FiledTo)} input_type="date" required={false} value={filters.value("to")} error={filters.error(lang, "to")} oninput={setter(&filters, "to")} />
                    </div>
                    <div class="field-pair">
                        <TextField id="filter-min" label={t(lang, SubsidiesKey::MinYuan)} inputmode={AttrValue::Static("decimal")} required={false} value={filters.value("min_fen")} error={filters.error(lang, "min_fen")} oninput={setter(&filters, "min_fen")} />
                        <TextField id="filter-max" label={t(lang, SubsidiesKey::MaxYuan)} inputmode={AttrValue::Static("decimal")} required={false} value={filters.value("max_fen")} error={filters.error(lang, "max_fen")} oninput={setter(&filters, "max_fen")} />
                    </div>
                    <div class="form-actions">
                        <button id="filter-apply" type="submit" class="button primary">{ t(lang, ClassesKey::FilterSubmit) }</button>
                    </div>
                </form>
            </section>
            <section class="panel" aria-labelledby="claims-table-title">
                <div class="panel-head">
                    <h2 id="claims-table-title">{ t(lang, SubsidiesKey::ClaimsListTitle) }</h2>
                    <div class="actions compact-actions">
                        <button id="export-csv" type="button" class="button secondary" disabled={*exporting} onclick={export(true)}>{ t(lang, SubsidiesKey::ExportCsv) }</button>
                        <button id="export-xlsx" type="button" class="button secondary" disabled={*exporting} onclick={export(false)}>{ t(lang, SubsidiesKey::ExportXlsx) }</button>
                    </div>
                </div>
                if let Some(e) = &*export_error {
                    <p id="export-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                }
                <BulkBar selected={(*selected).clone()} items={items.clone()} {on_results} />
                if let Some(list) = &*results {
                    { bulk_results(lang, list, &items) }
                }
                { remote_view(lang, &page, "claims-table-error", &reload, |p| claims_table(lang, &p.items, &selected)) }
                if let Some(e) = &*more_error {
                    <p id="claims-next-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                }
                if has_next {
                    <div class="form-actions">
                        <button id="claims-next" type="button" class="button secondary" disabled={*more_loading} aria-busy={more_loading.then_some("true")} onclick={on_more}>
                            { if *more_loading { t(lang, CommonKey::Loading) } else { t(lang, SubsidiesKey::LoadMore) } }
                        </button>
                    </div>
                }
            </section>
        </div>
    }
}

fn claims_table(lang: Lang, items: &[ClaimSummary], selected: &UseStateHandle<BTreeSet<String>>) -> Html {
    if items.is_empty() {
        return html! { <p class="empty" id="claims-empty">{ t(lang, SubsidiesKey::ClaimsEmpty) }</p> };
    }
    let all_selected = items.iter().all(|c| selected.contains(&c.id));
    let on_all = {
        let selected = selected.clone();
        let ids: Vec<String> = items.iter().map(|c| c.id.clone()).collect();
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
            <div class="table-wrap">
                <table id="claims-table" class="stack">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{ t(lang, SubsidiesKey::SelectOne) }</span></th>
                            <th scope="col">{ t(lang, CertificatesKey::CertHolder) }</th>
                            <th scope="col">{ t(lang, CommonKey::CourseKindLabel) }</th>
                            <th scope="col">{ t(lang, AccountsKey::ColInstitution) }</th>
                            <th scope="col">{ t(lang, SubsidiesKey::ColAmount) }</th>
                            <th scope="col">{ t(lang, CommonKey::ColStatus) }</th>
                            <th scope="col">{ t(lang, SubsidiesKey::ClaimFiledAt) }</th>
                            <th scope="col">{ t(lang, CommonKey::ColActions) }</th>
                        </tr>
                    </thead>
                    <tbody>
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
                                <tr key={c.id.clone()} class="claim-row" data-claim-id={c.id.clone()}>
                                    <td data-label={t(lang, SubsidiesKey::SelectOne)}>
                                        <input
                                            type="checkbox"
                                            class="cell-check claim-select"
                                            data-claim-id={c.id.clone()}
                                            checked={selected.contains(&c.id)}
                                            aria-label={i18n::select_claim_of(lang, &c.holder_name)}
                                            onchange={on_select}
                                        />
                                    </td>
                                    <td data-label={t(lang, CertificatesKey::CertHolder)}>
                                        <span>{ c.holder_name.clone() }<br /><span class="muted">{ c.certificate_number.clone() }</span></span>
                                    </td>
                                    <td data-label={t(lang, CommonKey::CourseKindLabel)}>{ kind_badge(lang, c.kind) }</td>
                                    <td data-label={t(lang, AccountsKey::ColInstitution)}>{ c.institution.clone() }</td>
                                    <td data-label={t(lang, SubsidiesKey::ColAmount)} class="money">{ c.amount_fen.to_string() }</td>
                                    <td data-label={t(lang, CommonKey::ColStatus)}>{ claim_status_badge(lang, c.status, None) }</td>
                                    <td data-label={t(lang, SubsidiesKey::ClaimFiledAt)}>
                                        { c.filed_at.map(|at| i18n::datetime(lang, at)).unwrap_or_else(|| "—".to_owned()) }
                                    </td>
                                    <td data-label={t(lang, CommonKey::ColActions)}>
                                        <AppLink to={Route::Claim { id: c.id.clone() }} classes={classes!("claim-link")}>{ t(lang, SubsidiesKey::ViewClaim) }</AppLink>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn bulk_results(lang: Lang, list: &[BulkResult], items: &[ClaimSummary]) -> Html {
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
                        .map(|c| format!("{} {}", c.holder_name, c.certificate_number))
                        .unwrap_or_else(|| r.claim_id.clone());
                    let outcome = match (&r.error, r.status) {
                        (Some(error), _) => failure_message(lang, &ApiError::Server { body: error.clone(), retry_after: None }),
                        (None, Some(status)) => i18n::bulk_ok_now(lang, i18n::claim_status_name(lang, status)),
                        (None, None) => t(lang, SubsidiesKey::BulkOk).to_owned(),
                    };
                    html! {
                        <li key={r.claim_id.clone()} class={classes!("bulk-result", if r.error.is_some() { "bulk-failed" } else { "bulk-ok" })} data-claim-id={r.claim_id.clone()}>
                            { i18n::bulk_line(lang, &who, &outcome) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The bulk bar's fields, with their inputs, in the order they appear.
const BULK_FIELDS: [(&str, &str); 4] = [
    ("action", "bulk-action"),
    ("claim_ids", "bulk-action"),
    ("reason", "bulk-reason"),
    ("payment_ref", "bulk-payment-ref"),
];

/// Props of [`BulkBar`].
#[derive(Properties, PartialEq)]
struct BulkBarProps {
    /// The claims ticked.
    selected: BTreeSet<String>,
    /// The claims listed (the ticked ones are sent in list order).
    items: Vec<ClaimSummary>,
    /// Called with the result of each claim.
    on_results: Callback<Vec<BulkResult>>,
}

/// One action, its reason or payment reference, for every ticked claim.
#[function_component]
fn BulkBar(props: &BulkBarProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let onsubmit = {
        let (form, sending) = (form.clone(), sending.clone());
        let on_results = props.on_results.clone();
        let claim_ids: Vec<String> =
            props.items.iter().filter(|c| props.selected.contains(&c.id)).map(|c| c.id.clone()).collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let mut errors = FieldErrors::new();
            let action = ClaimAction::from_name(&form.value("action"));
            if action.is_none() {
                errors.insert("action".to_owned(), FieldCode::Required);
            }
            if claim_ids.is_empty() {
                errors.insert("claim_ids".to_owned(), FieldCode::Required);
            }
            let reason = match action {
                Some(ClaimAction::Return | ClaimAction::Reject) => {
                    check_reason(&form.value("reason")).map_err(|c| errors.insert("reason".to_owned(), c)).ok()
                }
                _ => None,
            };
            let payment_ref = match action {
                Some(ClaimAction::Pay) => check_payment_ref(&form.value("payment_ref"))
                    .map_err(|c| errors.insert("payment_ref".to_owned(), c))
                    .ok(),
                _ => None,
            };
            let Some(action) = action.filter(|_| errors.is_empty()) else {
                if let Some((_, id)) = BULK_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            };
            let body = BulkActionRequest {
                action: ClaimActionRequest { action, reason, payment_ref, paid_on: None },
                claim_ids: claim_ids.clone(),
            };
            form.dispatch(FormAction::Submit);
            let (form, on_results) = (form.clone(), on_results.clone());
            sending.run(
                format!("bulk {}", serde_json::to_string(&body).unwrap_or_default()),
                move |key| async move { api::subsidies::bulk(&body, &key).await },
                move |result| match result {
                    Ok(list) => {
                        form.dispatch(FormAction::Succeeded { clear: false });
                        on_results.emit(list);
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                },
            );
        })
    };
    let actions: Vec<(String, String)> = ClaimAction::ALL
        .iter()
        .map(|a| (a.as_str().to_owned(), i18n::claim_action_name(lang, *a).to_owned()))
        .collect();
    let submitting = form.submitting();
    let shown: Vec<&str> = BULK_FIELDS.iter().map(|(f, _)| *f).collect();
    html! {
        <form class="form bulk-bar" novalidate=true aria-labelledby="bulk-title" {onsubmit}>
            <h3 id="bulk-title">{ t(lang, SubsidiesKey::BulkTitle) }</h3>
            <p class="hint" id="bulk-selected">{ i18n::bulk_selected(lang, &props.selected.len().to_string()) }</p>
            <FormError id="bulk-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            if let Some(error) = form.error(lang, "claim_ids") {
                <p class="field-error" id="bulk-selection-error">{ error }</p>
            }
            <div class="bulk-fields">
                <SelectField
                    id="bulk-action"
                    label={t(lang, SubsidiesKey::BulkAction)}
                    value={form.value("action")}
                    empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                    options={actions}
                    error={form.error(lang, "action")}
                    onchange={setter(&form, "action")}
                />
                <TextField
                    id="bulk-reason"
                    label={t(lang, SubsidiesKey::ActionReason)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::BulkReasonHint))}
                    required={false}
                    maxlength={500}
                    value={form.value("reason")}
                    error={form.error(lang, "reason")}
                    oninput={setter(&form, "reason")}
                />
                <TextField
                    id="bulk-payment-ref"
                    label={t(lang, SubsidiesKey::PaymentRef)}
                    hint={AttrValue::from(t(lang, SubsidiesKey::BulkPaymentRefHint))}
                    required={false}
                    maxlength={64}
                    value={form.value("payment_ref")}
                    error={form.error(lang, "payment_ref")}
                    oninput={setter(&form, "payment_ref")}
                />
            </div>
            <div class="form-actions">
                <button id="bulk-apply" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::BulkApply) } }
                </button>
            </div>
        </form>
    }
}
