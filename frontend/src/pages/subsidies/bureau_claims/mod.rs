//! `/bureau/claims`: the bureau's subsidy worklist (补贴审核), built for an
//! officer handling hundreds of claims a day: the filters and the order
//! in the URL (Back and a shared link keep them), sortable columns, keyset
//! paging, keyboard shortcuts, one action on many claims at once (only
//! those every ticked claim admits), and CSV or Excel exports.

mod bulk;
mod export;
mod filters;
mod table;

use std::collections::BTreeSet;

use malanhua_shared::ClaimId;
use malanhua_shared::api::subsidies::{BulkResult, ClaimPage, ClaimQuery, ClaimSort, ClaimSummary};
use yew::prelude::*;

use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::shortcut_help::ShortcutHelp;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::shortcuts::use_shortcuts;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, SubsidiesKey, WorklistKey, t};
use crate::pages::subsidies::trail::{self, Trail};
use bulk::BulkBar;
use export::ClaimsListHead;
use filters::ClaimFilters;
use table::{TableView, bulk_results, claims_table};

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

/// The list as the URL asks for it: the filters and the sort, from the first page.
fn list_query(q: ClaimQuery) -> ClaimQuery {
    ClaimQuery { after: None, limit: None, institution: q.institution.filter(|i| !i.is_empty()), ..q }
}

/// Shows `query` in the address bar (and so loads it); Back returns to it.
fn go(navigator: &Option<Navigator>, query: &ClaimQuery) {
    if let Some(navigator) = navigator
        && navigator.push_with_query(&Route::BureauClaims, query).is_err()
    {
        navigator.push(&Route::BureauClaims);
    }
}

/// The worklist's keys and what they do.
fn shortcut_keys(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        ("j", t(lang, WorklistKey::KeyNext)),
        ("k", t(lang, WorklistKey::KeyPrev)),
        ("Enter", t(lang, WorklistKey::KeyOpen)),
        ("x", t(lang, WorklistKey::KeySelect)),
        ("/", t(lang, WorklistKey::KeyFilters)),
        ("a", t(lang, WorklistKey::KeyAdvance)),
        ("n", t(lang, WorklistKey::KeyNextClaim)),
        ("?", t(lang, WorklistKey::KeyHelp)),
    ]
}

#[function_component]
fn Worklist() -> Html {
    let lang = use_lang();
    let location = use_location();
    let navigator = use_navigator();
    let query = list_query(location.as_ref().and_then(|l| l.query::<ClaimQuery>().ok()).unwrap_or_default());
    let (page, reload) = use_remote(query.clone(), |q| async move { api::subsidies::bureau_claims(&q).await });
    let selected = use_state(BTreeSet::<ClaimId>::new);
    let more_loading = use_state(|| false);
    let more_error = use_state(|| None::<ApiError>);
    let results = use_state(|| None::<Vec<BulkResult>>);
    let current = use_state(|| None::<usize>);
    let help = use_state(|| false);
    // Which list is shown: a "load more" answer for an earlier one is dropped.
    let shown_query = use_mut_ref(ClaimQuery::default);
    *shown_query.borrow_mut() = query.clone();

    // A new list (other filters or order) starts with nothing ticked.
    {
        let (selected, results, current) = (selected.clone(), results.clone(), current.clone());
        use_effect_with(query.clone(), move |_| {
            selected.set(BTreeSet::new());
            results.set(None);
            current.set(None);
        });
    }

    let items: Vec<ClaimSummary> = page.loaded().map(|p| p.items.clone()).unwrap_or_default();
    // The claim pages opened from here offer the next claim of this list.
    {
        let trail = Trail {
            query: query.clone(),
            claims: items.iter().map(|c| (c.id.to_string(), c.holder_name.clone())).collect(),
        };
        use_effect_with(trail, trail::save);
    }

    let on_apply = {
        let (navigator, query, reload) = (navigator.clone(), query.clone(), reload.clone());
        Callback::from(move |filters: ClaimQuery| {
            let next = ClaimQuery { sort: query.sort, ..filters };
            if next == query {
                reload.emit(());
            } else {
                go(&navigator, &next);
            }
        })
    };
    let on_sort = {
        let (navigator, query) = (navigator.clone(), query.clone());
        Callback::from(move |sort: ClaimSort| {
            let sort = (sort != ClaimSort::Filed).then_some(sort);
            go(&navigator, &ClaimQuery { sort, ..query.clone() });
        })
    };
    let on_sort_select = {
        let on_sort = on_sort.clone();
        Callback::from(move |name: String| on_sort.emit(ClaimSort::from_name(&name).unwrap_or(ClaimSort::Filed)))
    };

    let on_more = {
        let (page, query, more_loading, more_error) =
            (page.clone(), query.clone(), more_loading.clone(), more_error.clone());
        let shown_query = shown_query.clone();
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
            let asked = ClaimQuery { after: Some(after), ..query.clone() };
            let (page, more_loading, more_error) = (page.clone(), more_loading.clone(), more_error.clone());
            let (shown_query, asked_for) = (shown_query.clone(), query.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = api::subsidies::bureau_claims(&asked).await;
                if *shown_query.borrow() != asked_for {
                    more_loading.set(false);
                    return;
                }
                match answer {
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

    // j/k move along the rows (the row's link takes the focus, so Enter
    // opens it), x ticks, / opens the filters, ? shows the keys.
    let on_key = {
        let (current, selected, help, ids) =
            (current.clone(), selected.clone(), help.clone(), items.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
        Callback::from(move |key: String| {
            let at = |i: usize| {
                current.set(Some(i));
                if let Some(id) = ids.get(i) {
                    focus(&format!("open-{id}"));
                }
            };
            match key.as_str() {
                "j" if !ids.is_empty() => at(current.map_or(0, |i| (i + 1).min(ids.len() - 1))),
                "k" if !ids.is_empty() => at(current.map_or(0, |i| i.saturating_sub(1))),
                "x" => {
                    let Some(id) = current.and_then(|i| ids.get(i)) else {
                        return false;
                    };
                    let mut next = (*selected).clone();
                    if !next.remove(id) {
                        next.insert(id.clone());
                    }
                    selected.set(next);
                }
                "/" => {
                    open_filters();
                }
                "?" => help.set(true),
                _ => return false,
            }
            true
        })
    };
    use_shortcuts(on_key);

    let has_next = page.loaded().is_some_and(|p| p.next.is_some());
    let sort = query.sort.unwrap_or(ClaimSort::Filed);
    let sorts: Vec<(String, String)> =
        ClaimSort::ALL.iter().map(|s| (s.as_str().to_owned(), i18n::claim_sort_name(lang, *s).to_owned())).collect();
    let close_help = {
        let help = help.clone();
        Callback::from(move |()| {
            help.set(false);
            focus("shortcuts-open");
        })
    };
    let open_help = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(true))
    };
    let view = TableView { lang, selected: &selected, sort, on_sort: &on_sort, current: *current };
    // The form starts again from the URL whenever the URL changes.
    let form_key = api::subsidies::claim_query_string(&query, false);

    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, SubsidiesKey::BureauClaimsTitle) }</h1>
            <ClaimFilters key={form_key} initial={query.clone()} {on_apply} />
            <section class="panel" aria-labelledby="claims-table-title">
                <ClaimsListHead query={query.clone()} />
                <div class="worklist-tools">
                    <SelectField id="claims-sort" label={t(lang, WorklistKey::SortLabel)} value={sort.as_str()} options={sorts} required={false} onchange={on_sort_select} />
                    <button id="shortcuts-open" type="button" class="button secondary compact" aria-keyshortcuts="?" onclick={open_help}>
                        { t(lang, WorklistKey::ShortcutsButton) }{ " " }<kbd aria-hidden="true">{ "?" }</kbd>
                    </button>
                </div>
                <BulkBar selected={(*selected).clone()} items={items.clone()} {on_results} />
                if let Some(list) = &*results {
                    { bulk_results(lang, list, &items) }
                }
                { remote_view(lang, &page, "claims-table-error", &reload, |p| claims_table(&view, &p.items)) }
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
            <ShortcutHelp open={*help} keys={shortcut_keys(lang)} on_close={close_help} />
        </div>
    }
}

/// Opens the filters bar and puts the focus on its first field.
fn open_filters() {
    let details = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("claim-filters"));
    if let Some(details) = details {
        let _ = details.set_attribute("open", "");
    }
    focus("filter-status");
}
