//! `/studios`: the public directory of recognised studios (and those
//! rectifying). The filters, region and text, live in the URL query, so Back
//! and a shared link keep them.

use malanhua_shared::api::studios::{StudioCard, StudioStatus};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::region_picker::RegionPicker;
use crate::components::remote_view::remote_view;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, Lang, MentorsKey, StudiosKey, t};
use crate::pages::mentors::info::expertise_chips;
use crate::pages::studios::info::{studio_badge, team_line};

/// The directory's filters, as the URL query holds them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct StudioQuery {
    /// A region code (a studio of the region or below).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    region: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    q: String,
}

/// `/studios`
#[function_component]
pub fn StudiosPage() -> Html {
    use_title(StudiosKey::DirectoryTitle);
    let lang = use_lang();
    let location = use_location();
    let navigator = use_navigator();
    let query = location.and_then(|l| l.query::<StudioQuery>().ok()).unwrap_or_default();
    let (list, retry) = use_remote(query.clone(), |q| async move { api::studios::directory(&q.region, &q.q).await });
    let on_filter = Callback::from(move |q: StudioQuery| {
        if let Some(navigator) = &navigator
            && navigator.push_with_query(&Route::Studios, &q).is_err()
        {
            navigator.push(&Route::Studios);
        }
    });
    let form_key = api::studios::directory_query_string(&query.region, &query.q);
    html! {
        <div class="page">
            <h1>{ t(lang, StudiosKey::DirectoryTitle) }</h1>
            <p class="lead">{ t(lang, StudiosKey::DirectoryLead) }</p>
            <div class="catalogue">
                <Filters key={form_key} initial={query.clone()} onsubmit={on_filter} />
                <section class="results" aria-labelledby="studio-results-title">
                    <h2 id="studio-results-title" class="visually-hidden">{ t(lang, MentorsKey::Results) }</h2>
                    { remote_view(lang, &list, "studio-list-error", &retry, |list| html! {
                        <>
                            <ul id="studio-list" class="mentor-cards">
                                { for list.iter().map(|s| card(lang, s)) }
                            </ul>
                            if list.is_empty() {
                                <p class="empty" id="studio-list-empty">{ t(lang, StudiosKey::DirectoryEmpty) }</p>
                            }
                        </>
                    }) }
                </section>
            </div>
        </div>
    }
}

fn card(lang: Lang, s: &StudioCard) -> Html {
    let dates = match (s.recognised_on, s.cycle_ends_on) {
        (Some(from), Some(to)) => i18n::date_range(lang, &i18n::date(lang, from), &i18n::date(lang, to)),
        (Some(from), None) => i18n::date(lang, from),
        _ => String::new(),
    };
    html! {
        <li key={s.id.to_string()} data-testid="studio-card" data-id={s.id.to_string()} data-status={s.status.as_str()}>
            <AppLink id={format!("studio-{}", s.id)} to={Route::Studio { id: s.id.to_string() }} classes={classes!("class-card", "mentor-card")}>
                <span class="class-card-title" data-testid="studio-name">{ s.name.clone() }</span>
                if s.status != StudioStatus::Recognised {
                    <span>{ studio_badge(lang, s.status, None) }</span>
                }
                <span class="class-card-line">{ team_line(lang, s) }</span>
                { expertise_chips(lang, &s.specialities) }
                if !dates.is_empty() {
                    <span class="class-card-line muted">{ format!("{}：{dates}", t(lang, StudiosKey::RecognisedOn)) }</span>
                }
            </AppLink>
        </li>
    }
}

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
struct FiltersProps {
    /// The filters in the URL.
    initial: StudioQuery,
    /// Called with the chosen filters.
    onsubmit: Callback<StudioQuery>,
}

/// Keywords and region.
#[function_component]
fn Filters(props: &FiltersProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    {
        let (form, q) = (form.clone(), props.initial.clone());
        use_effect_with((), move |()| {
            form.dispatch(FormAction::Set("q", q.q));
            form.dispatch(FormAction::Set("region", q.region));
        });
    }
    let onsubmit = {
        let (form, cb) = (form.clone(), props.onsubmit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(StudioQuery {
                region: form.value("region").trim().to_owned(),
                q: form.value("q").trim().to_owned(),
            });
        })
    };
    html! {
        <section class="panel filters" aria-labelledby="studio-filters-title">
            <h2 id="studio-filters-title">{ t(lang, MentorsKey::Search) }</h2>
            <form id="studio-filters" class="form" role="search" novalidate=true {onsubmit}>
                <TextField id="studio-filter-q" label={t(lang, MentorsKey::FilterQ)} input_type="search" required={false}
                    value={form.value("q")} oninput={setter(&form, "q")} />
                <RegionPicker id_prefix="studio-filter-region" legend={t(lang, MentorsKey::FilterRegion)}
                    value={form.value("region")} onchange={setter(&form, "region")} depth={2} />
                <div class="form-actions">
                    <button id="studio-filter-submit" type="submit" class="button primary">{ t(lang, MentorsKey::Search) }</button>
                </div>
            </form>
        </section>
    }
}
