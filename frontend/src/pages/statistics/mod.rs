//! `/bureau/statistics`: the officer's region and the regions under it over
//! a period, by month or quarter: headline figures, charts (regions, the
//! periods, the funnel), the tables behind them and the downloads. The
//! query lives in the address, so Back, a reload and a shared link show the
//! same figures.

mod charts;
pub mod journey;
pub mod outreach;
mod tables;

use malanhua_shared::Role;
use malanhua_shared::api::statistics::{Figures, Statistics, StatisticsQuery};
use malanhua_shared::course::CourseKind;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, Lang, StatisticsKey as K, t};
use charts::Bar;

/// `/bureau/statistics` (officers and administrators; the server decides the region).
#[function_component]
pub fn StatisticsPage() -> Html {
    use_title(K::StatisticsTitle);
    html! {
        <RequireSignIn>
            <StatisticsView />
        </RequireSignIn>
    }
}

fn given(v: &UseStateHandle<String>) -> Option<String> {
    let s = v.trim().to_owned();
    (!s.is_empty()).then_some(s)
}

#[function_component]
fn StatisticsView() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let location = use_location();
    let query = location.as_ref().and_then(|l| l.query::<StatisticsQuery>().ok()).unwrap_or_default();
    let (stats, reload) = use_remote(query.clone(), |q| async move { api::statistics::statistics(&q).await });
    let from = use_state(|| query.from.clone().unwrap_or_default());
    let to = use_state(|| query.to.clone().unwrap_or_default());
    let by = use_state(|| query.by.clone().unwrap_or_default());
    let kind = use_state(|| query.kind.clone().unwrap_or_default());
    let download_error = use_state(|| None::<ApiError>);
    let session = use_session();
    let admin = session.has_role(Role::Admin);
    let own: Vec<malanhua_shared::RegionCode> =
        session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    let onsubmit = {
        let (navigator, query) = (navigator.clone(), query.clone());
        let (from, to, by, kind) = (from.clone(), to.clone(), by.clone(), kind.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let next = StatisticsQuery {
                region: query.region.clone(),
                from: given(&from),
                to: given(&to),
                by: given(&by),
                kind: given(&kind),
            };
            if let Some(n) = &navigator {
                let _ = n.push_with_query(&Route::BureauStatistics, &next);
            }
        })
    };
    let save = |xlsx: bool| {
        let (query, download_error) = (query.clone(), download_error.clone());
        Callback::from(move |_: MouseEvent| {
            let (query, download_error) = (query.clone(), download_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                download_error.set(api::statistics::save(&query, xlsx, lang.code()).await.err());
            });
        })
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };
    let kinds: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let bys = vec![
        ("month".to_owned(), t(lang, K::ByMonth).to_owned()),
        ("quarter".to_owned(), t(lang, K::ByQuarter).to_owned()),
    ];
    html! {
        <div class="page page-wide">
            <h1>{ t(lang, K::StatisticsTitle) }</h1>
            <p class="lead">{ t(lang, K::StatisticsLead) }</p>
            <details id="stat-filter-box" class="filters panel">
                <summary id="stat-filter-toggle">{ t(lang, K::FiltersTitle) }</summary>
                <form id="stat-filters" class="form filter-bar" novalidate=true {onsubmit}>
                    <div class="stat-filter-fields">
                        <TextField id="stat-from" label={t(lang, K::FilterFrom)} input_type="date" required={false} value={(*from).clone()} oninput={set(&from)} />
                        <TextField id="stat-to" label={t(lang, K::FilterTo)} input_type="date" required={false} value={(*to).clone()} oninput={set(&to)} />
                        <SelectField id="stat-by" label={t(lang, K::FilterBy)} value={(*by).clone()} options={bys} required={false} onchange={set(&by)} />
                        <SelectField id="stat-kind" label={t(lang, K::FilterKind)} value={(*kind).clone()} options={kinds}
                            empty={Some(AttrValue::from(t(lang, K::AnyKind)))} required={false} onchange={set(&kind)} />
                    </div>
                    <p class="form-actions">
                        <button id="stat-apply" type="submit" class="button primary">{ t(lang, K::Apply) }</button>
                    </p>
                </form>
            </details>
            <p class="form-actions stat-downloads">
                <button id="stat-xlsx" type="button" class="button secondary" onclick={save(true)}>{ t(lang, K::DownloadXlsx) }</button>
                <button id="stat-csv" type="button" class="button secondary" onclick={save(false)}>{ t(lang, K::DownloadCsv) }</button>
            </p>
            if let Some(e) = &*download_error {
                <p id="stat-download-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            { remote_view(lang, &stats, "stat-error", &reload, |s| {
                let parent = malanhua_shared::RegionCode::parse(&s.region).ok().and_then(|r| r.parent());
                let up = parent.filter(|p| admin || own.iter().any(|o| o.contains(p)));
                body(lang, s, &query, &navigator, up)
            }) }
        </div>
    }
}

fn body(
    lang: Lang,
    s: &Statistics,
    query: &StatisticsQuery,
    navigator: &Option<Navigator>,
    up: Option<malanhua_shared::RegionCode>,
) -> Html {
    let title = if s.region_name.is_empty() { t(lang, K::StatisticsTitle).to_owned() } else { s.region_name.clone() };
    let region_bars: Vec<Bar> = s
        .regions
        .iter()
        .map(|r| Bar { label: r.name.clone(), a: r.figures.enrolled, b: r.figures.certificates })
        .collect();
    let labels: Vec<String> = s.periods.iter().map(|p| p.label.clone()).collect();
    let enrolled: Vec<u64> = s.periods.iter().map(|p| p.figures.enrolled).collect();
    let certified: Vec<u64> = s.periods.iter().map(|p| p.figures.certificates).collect();
    let legend = (t(lang, K::CardEnrolled), t(lang, K::SeriesCertificates));
    let steps = vec![
        (t(lang, K::StepEnrolled).to_owned(), s.funnel.enrolled),
        (t(lang, K::StepCertified).to_owned(), s.funnel.certified),
        (t(lang, K::StepClaimed).to_owned(), s.funnel.claimed),
        (t(lang, K::StepPaid).to_owned(), s.funnel.paid),
    ];
    html! {
        <>
            <h2 id="stat-region">{ title }</h2>
            <p class="muted" id="stat-period">{ i18n::period_shown(lang, &i18n::date(lang, s.from), &i18n::date(lang, s.to)) }</p>
            if let Some(parent) = up {
                <p>{ parent_link(lang, navigator, query, parent.as_str()) }</p>
            }
            if s.totals == Figures::default() {
                <p id="stat-empty" class="muted">{ t(lang, K::NoFigures) }</p>
            }
            { tables::cards(lang, &s.totals) }
            <div class="chart-grid">
                if !region_bars.is_empty() {
                    { charts::bars("stat-chart-regions", t(lang, K::ChartRegions), legend, &region_bars) }
                }
                { charts::lines("stat-chart-periods", t(lang, K::ChartPeriods), legend, &labels, &enrolled, &certified) }
                { charts::funnel("stat-chart-funnel", t(lang, K::ChartFunnel), &steps) }
            </div>
            { tables::regions(lang, s, query, navigator) }
            { tables::periods(lang, s) }
            { tables::claims(lang, &s.totals, navigator) }
            { tables::institutions(lang, s) }
        </>
    }
}

fn parent_link(lang: Lang, navigator: &Option<Navigator>, query: &StatisticsQuery, parent: &str) -> Html {
    let up = StatisticsQuery { region: Some(parent.to_owned()), ..query.clone() };
    let href = format!("{}?{}", Route::BureauStatistics.to_path(), api::statistics::query_string(&up));
    let onclick = {
        let navigator = navigator.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(n) = &navigator
                && n.push_with_query(&Route::BureauStatistics, &up).is_ok()
            {
                e.prevent_default();
            }
        })
    };
    html! { <a id="stat-up" {href} {onclick}>{ t(lang, K::UpOneLevel) }</a> }
}
