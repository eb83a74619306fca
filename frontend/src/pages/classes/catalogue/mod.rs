//! `/classes`: the public class catalogue. The filters live in the URL
//! query, so a reload or a shared link shows the same list. The classes
//! come first: on a phone the filters open from a button; a signed-in
//! person starts in their own city; Back from a class returns to the
//! place in the list they left.

use gloo::storage::{SessionStorage, Storage};
use malanhua_shared::api::classes::{CatalogueQuery, ClassPage, ClassSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, hours_text, kind_badge, region_label, seats_text};
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, ClassesKey, Lang, t};

mod filters;
use filters::Filters;

/// Empty text is no filter; page 1 and "only with seats: no" are the defaults.
fn normalise(query: CatalogueQuery) -> CatalogueQuery {
    let text = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    CatalogueQuery {
        region: text(query.region),
        kind: text(query.kind),
        from: text(query.from),
        to: text(query.to),
        mode: text(query.mode),
        has_seats: query.has_seats.filter(|s| *s),
        q: text(query.q),
        page: query.page.filter(|p| *p > 1),
        per_page: query.per_page,
    }
}

/// Shows `query` in the address bar (and so loads it).
fn go(navigator: &Option<Navigator>, query: &CatalogueQuery) {
    if let Some(navigator) = navigator
        && navigator.push_with_query(&Route::Classes, query).is_err()
    {
        navigator.push(&Route::Classes);
    }
}

/// The number of pages (at least 1).
fn page_count(page: &ClassPage) -> u64 {
    let per_page = u64::from(page.per_page.max(1));
    page.total.div_ceil(per_page).max(1)
}

/// Session storage key: the person's city was applied once in this tab.
const HOME_APPLIED_KEY: &str = "malanhua.catalogue_home";
/// Session storage key: the list address and scroll position left for a class.
const SCROLL_KEY: &str = "malanhua.catalogue_scroll";

/// The address of the page now (path and query).
fn here() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Remembers where in the list the reader was, before they open a class.
fn remember_scroll() {
    let y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    let _ = SessionStorage::set(SCROLL_KEY, (here(), y));
}

/// Back at the list they left: the reader returns to the same place.
fn restore_scroll() {
    let Ok((at, y)) = SessionStorage::get::<(String, f64)>(SCROLL_KEY) else {
        return;
    };
    // Used once, whichever page of the list comes next.
    SessionStorage::delete(SCROLL_KEY);
    if at == here()
        && let Some(w) = web_sys::window()
    {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// `/classes`
#[function_component]
pub fn CataloguePage() -> Html {
    let lang = use_lang();
    let location = use_location();
    let navigator = use_navigator();
    let session = use_session();
    let (regions, _) = use_regions();
    use_title(ClassesKey::CatalogueTitle);

    let plain = location.as_ref().is_none_or(|l| l.query_str().trim_start_matches('?').is_empty());
    let query = normalise(location.and_then(|l| l.query::<CatalogueQuery>().ok()).unwrap_or_default());
    // A signed-in person opening the plain catalogue starts in their city
    // (once per tab: choosing "any region" afterwards is respected).
    {
        let navigator = navigator.clone();
        let home = session.me.as_ref().and_then(|me| me.region.clone()).map(|r| r.city());
        use_effect_with(home, move |home| {
            if let Some(home) = home
                && plain
                && SessionStorage::get::<bool>(HOME_APPLIED_KEY).is_err()
                && let Some(navigator) = &navigator
            {
                let _ = SessionStorage::set(HOME_APPLIED_KEY, true);
                let query = CatalogueQuery { region: Some(home.as_str().to_owned()), ..CatalogueQuery::default() };
                let _ = navigator.replace_with_query(&Route::Classes, &query);
            }
        });
    }
    let (page, retry) = use_remote(query.clone(), |q| async move { api::classes::catalogue(&q).await });
    {
        let loaded = page.loaded().is_some();
        use_effect_with(loaded, |loaded| {
            if *loaded {
                restore_scroll();
            }
        });
    }

    let on_filter = {
        let navigator = navigator.clone();
        Callback::from(move |filters: CatalogueQuery| go(&navigator, &normalise(filters)))
    };
    let to_page = {
        let query = query.clone();
        Callback::from(move |n: u32| go(&navigator, &normalise(CatalogueQuery { page: Some(n), ..query.clone() })))
    };
    // The form starts again from the URL whenever the URL changes.
    let form_key = api::classes::catalogue_query_string(&CatalogueQuery { page: None, ..query.clone() });
    let regions = regions.loaded();

    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::CatalogueTitle) }</h1>
            <p class="lead">{ t(lang, ClassesKey::CatalogueLead) }</p>
            <div class="catalogue">
                <Filters key={form_key} initial={query.clone()} onsubmit={on_filter} />
                <section class="results" aria-labelledby="results-title">
                    <h2 id="results-title" class="visually-hidden">{ t(lang, ClassesKey::CatalogueResults) }</h2>
                    { remote_view(lang, &page, "class-list-error", &retry, |page| results(lang, page, regions.as_deref(), &to_page)) }
                </section>
            </div>
        </div>
    }
}

fn results(lang: Lang, page: &ClassPage, regions: Option<&Regions>, to_page: &Callback<u32>) -> Html {
    let pages = page_count(page);
    let current = u64::from(page.page.max(1));
    let prev = {
        let to_page = to_page.clone();
        let n = page.page.saturating_sub(1).max(1);
        Callback::from(move |_: MouseEvent| to_page.emit(n))
    };
    let next = {
        let to_page = to_page.clone();
        let n = page.page.max(1).saturating_add(1);
        Callback::from(move |_: MouseEvent| to_page.emit(n))
    };
    html! {
        <>
            <p class="muted" id="result-count" role="status">{ i18n::catalogue_count(lang, &page.total.to_string()) }</p>
            <ul id="class-list" class="class-cards">
                { for page.items.iter().map(|c| class_card(lang, c, regions)) }
            </ul>
            if page.items.is_empty() {
                <p class="empty" id="class-list-empty">{ t(lang, ClassesKey::CatalogueEmpty) }</p>
            }
            <nav class="pager" aria-label={t(lang, ClassesKey::PagerLabel)}>
                <button id="page-prev" type="button" class="button secondary" disabled={current <= 1} onclick={prev}>
                    { t(lang, ClassesKey::PagePrev) }
                </button>
                <span id="page-info" aria-current="page">
                    { i18n::page_info(lang, &current.to_string(), &pages.to_string()) }
                </span>
                <button id="page-next" type="button" class="button secondary" disabled={current >= pages} onclick={next}>
                    { t(lang, ClassesKey::PageNext) }
                </button>
            </nav>
        </>
    }
}

fn class_card(lang: Lang, class: &ClassSummary, regions: Option<&Regions>) -> Html {
    let seats_class = if class.seats_left == 0 { "seats seats-full" } else { "seats" };
    html! {
        <li key={class.id.to_string()}>
            <AppLink id={format!("class-{}", class.id)} to={Route::Class { id: class.id.to_string() }} classes={classes!("class-card")} on_follow={Callback::from(|()| remember_scroll())}>
                <span class="class-card-top">
                    { kind_badge(lang, class.kind) }
                    <span class="muted">{ i18n::mode_name(lang, class.mode) }</span>
                </span>
                <span class="class-card-title">{ class.title.clone() }</span>
                <span class="class-card-line">{ class.institution.name.clone() }</span>
                <span class="class-card-line muted">{ region_label(lang, class, regions) }</span>
                <span class="class-card-line">{ date_range(lang, class) }{ " · " }{ hours_text(lang, class) }</span>
                <span class={seats_class}>{ seats_text(lang, class) }</span>
            </AppLink>
        </li>
    }
}
