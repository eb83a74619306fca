//! `/bureau/claims`: the bureau's subsidy worklist (补贴审核): filters,
//! keyset paging, one action on many claims at once, and CSV or Excel
//! exports of the filtered list.

mod bulk;
mod export;
mod filters;
mod table;

use std::collections::BTreeSet;

use malanhua_shared::ClaimId;
use malanhua_shared::api::subsidies::{BulkResult, ClaimPage, ClaimQuery, ClaimSummary};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::form::{FormAction, issues, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::title::use_title;
use crate::i18n::{CertificatesKey, CommonKey, SubsidiesKey, t};
use bulk::BulkBar;
use export::ClaimsListHead;
use filters::{ClaimFilters, query_from};
use table::{bulk_results, claims_table};

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
    let selected = use_state(BTreeSet::<ClaimId>::new);
    let more_loading = use_state(|| false);
    let more_error = use_state(|| None::<ApiError>);
    let results = use_state(|| None::<Vec<BulkResult>>);

    let on_apply = {
        let (filters, query, reload, selected, results) =
            (filters.clone(), query.clone(), reload.clone(), selected.clone(), results.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let next = match query_from(&filters) {
                Ok(next) => next,
                Err(errors) => {
                    if let Some((_, id)) = FILTER_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                        focus(id);
                    }
                    filters.dispatch(FormAction::Invalid(issues(errors)));
                    return;
                }
            };
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
                        let known: BTreeSet<ClaimId> = items.iter().map(|c| c.id.clone()).collect();
                        items.extend(more.items.into_iter().filter(|c| !known.contains(&c.id)));
                        page.set(Remote::Loaded(ClaimPage { items, next: more.next }));
                    }
                    Err(e) => more_error.set(Some(e)),
                }
                more_loading.set(false);
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
            let failed: BTreeSet<ClaimId> =
                list.iter().filter(|r| r.error.is_some()).map(|r| r.claim_id.clone()).collect();
            selected.set(failed);
            results.set(Some(list));
        })
    };

    let items: Vec<ClaimSummary> = page.loaded().map(|p| p.items.clone()).unwrap_or_default();
    let has_next = page.loaded().is_some_and(|p| p.next.is_some());

    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, SubsidiesKey::BureauClaimsTitle) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::BureauClaimsLead) }</p>
            <ClaimFilters filters={filters.clone()} {on_apply} />
            <section class="panel" aria-labelledby="claims-table-title">
                <ClaimsListHead query={(*query).clone()} />
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
