//! `/mentors`: the public directory. The filters live in the URL query, so
//! Back and a shared link keep them; "more" pages on with the `next` cursor.

use malanhua_shared::api::mentors::{DirectoryQuery, MentorCard, MentorPage};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, Lang, MentorsKey, t};
use crate::pages::mentors::info::{expertise_chips, rating_text};

mod filters;

/// Empty text is no filter; the cursor never goes in the URL.
fn normalise(q: DirectoryQuery) -> DirectoryQuery {
    let text = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    DirectoryQuery {
        region: text(q.region),
        expertise: q.expertise,
        industry: text(q.industry),
        mode: q.mode,
        language: text(q.language),
        q: text(q.q),
        sort: text(q.sort).filter(|s| s == "rating"),
        limit: None,
        after: None,
    }
}

/// `/mentors`
#[function_component]
pub fn DirectoryPage() -> Html {
    let lang = use_lang();
    let location = use_location();
    let navigator = use_navigator();
    use_title(MentorsKey::DirectoryTitle);
    let query = normalise(location.and_then(|l| l.query::<DirectoryQuery>().ok()).unwrap_or_default());
    let (first, retry) = use_remote(query.clone(), |q| async move { api::mentors::directory(&q).await });
    // Pages loaded with "more" after the first, dropped when the filters change.
    let more = use_state(Vec::<MentorPage>::new);
    let more_failed = use_state(|| None::<ApiError>);
    let loading_more = use_state(|| false);
    {
        let (more, more_failed) = (more.clone(), more_failed.clone());
        use_effect_with(query.clone(), move |_| {
            more.set(Vec::new());
            more_failed.set(None);
        });
    }
    let next = more.last().map(|p| p.next.clone()).or_else(|| first.loaded().map(|p| p.next.clone())).flatten();
    let on_more = {
        let (more, more_failed, loading_more, query, next) =
            (more.clone(), more_failed.clone(), loading_more.clone(), query.clone(), next.clone());
        Callback::from(move |_: MouseEvent| {
            if *loading_more {
                return;
            }
            loading_more.set(true);
            let q = DirectoryQuery { after: next.clone(), ..query.clone() };
            let (more, more_failed, loading_more) = (more.clone(), more_failed.clone(), loading_more.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::mentors::directory(&q).await {
                    Ok(page) => {
                        let mut pages = (*more).clone();
                        pages.push(page);
                        more.set(pages);
                        more_failed.set(None);
                    }
                    Err(e) => more_failed.set(Some(e)),
                }
                loading_more.set(false);
            });
        })
    };
    let on_filter = Callback::from(move |q: DirectoryQuery| {
        if let Some(navigator) = &navigator
            && navigator.push_with_query(&Route::Mentors, &normalise(q)).is_err()
        {
            navigator.push(&Route::Mentors);
        }
    });
    let form_key = api::mentors::directory_query_string(&query);
    html! {
        <div class="page">
            <h1>{ t(lang, MentorsKey::DirectoryTitle) }</h1>
            <p class="lead">{ t(lang, MentorsKey::DirectoryLead) }</p>
            <p><AppLink id="mentor-apply-link" to={Route::MentorWorkspace}>{ t(lang, MentorsKey::ApplyLink) }</AppLink></p>
            <div class="catalogue">
                <filters::Filters key={form_key} initial={query.clone()} onsubmit={on_filter} />
                <section class="results" aria-labelledby="mentor-results-title">
                    <h2 id="mentor-results-title" class="visually-hidden">{ t(lang, MentorsKey::Results) }</h2>
                    { remote_view(lang, &first, "mentor-list-error", &retry, |page| html! {
                        <>
                            <ul id="mentor-list" class="mentor-cards">
                                { for page.items.iter().chain(more.iter().flat_map(|p| p.items.iter())).map(|m| card(lang, m)) }
                            </ul>
                            if page.items.is_empty() {
                                <p class="empty" id="mentor-list-empty">{ t(lang, MentorsKey::DirectoryEmpty) }</p>
                            }
                        </>
                    }) }
                    if let Some(e) = &*more_failed {
                        <p class="alert alert-error" role="alert" id="mentor-more-error">{ failure_message(lang, e) }</p>
                    }
                    if next.is_some() {
                        <p class="form-actions">
                            <button id="mentor-more" type="button" class="button secondary" disabled={*loading_more}
                                aria-busy={loading_more.then_some("true")} onclick={on_more}>
                                { t(lang, MentorsKey::More) }
                            </button>
                        </p>
                    }
                </section>
            </div>
        </div>
    }
}

fn card(lang: Lang, m: &MentorCard) -> Html {
    html! {
        <li key={m.id.to_string()}>
            <AppLink id={format!("mentor-{}", m.id)} to={Route::Mentor { id: m.id.to_string() }} classes={classes!("class-card", "mentor-card")}>
                <span class="class-card-title" data-testid="mentor-name">{ m.real_name.clone() }</span>
                <span class="class-card-line">{ format!("{} · {}", m.title, m.employer) }</span>
                <span class="class-card-line muted">
                    { format!("{} · {} · {}", m.region_name, i18n::service_mode_name(lang, m.service_mode), i18n::years_of(lang, &m.years_experience.to_string())) }
                </span>
                { expertise_chips(lang, &m.expertise) }
                if let Some(rating) = rating_text(lang, m.rating, m.rating_count) {
                    <span class="rating" data-testid="mentor-rating">{ "★ " }{ rating }</span>
                }
                <span class={classes!("next-free", m.next_free.is_none().then_some("muted"))}>
                    { match m.next_free {
                        Some(at) => i18n::next_free(lang, &i18n::datetime(lang, at)),
                        None => t(lang, MentorsKey::NoFreeSlot).to_owned(),
                    } }
                </span>
            </AppLink>
        </li>
    }
}
