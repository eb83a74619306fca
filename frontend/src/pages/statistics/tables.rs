//! The statistics' tables: headline cards, the regions (each opens its own
//! statistics), the periods, the claims by kind and stage (each opens the
//! worklist of that stage), and the institutions' results.

use malanhua_shared::api::statistics::{Figures, Statistics, StatisticsQuery, permille, tenths};
use malanhua_shared::api::subsidies::ClaimQuery;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::stack_table::stack_table;
use crate::i18n::{self, Lang, StatisticsKey as K, t};

/// `n / d` as a percentage with one decimal, or a dash.
pub fn rate(n: u64, d: u64) -> String {
    permille(n, d).map(|p| format!("{}.{} %", p / 10, p % 10)).unwrap_or_else(|| "—".to_owned())
}

/// An average with one decimal, or a dash.
pub fn average(total: u64, count: u64) -> String {
    tenths(total, count).map(|t| format!("{}.{}", t / 10, t % 10)).unwrap_or_else(|| "—".to_owned())
}

/// Fen as yuan with separators (`¥1,500.00`).
pub fn yuan(fen: i64) -> String {
    malanhua_shared::Fen::new(fen).map(|f| f.to_string()).unwrap_or_else(|_| fen.to_string())
}

/// A link inside the app to `route` with a query: a real address (opens in
/// a new tab too), followed without reloading.
fn query_link<Q: serde::Serialize + Clone + 'static>(
    navigator: &Option<Navigator>,
    route: Route,
    query: Q,
    query_string: String,
    class: &'static str,
    text: String,
) -> Html {
    let href = format!("{}?{query_string}", route.to_path());
    let onclick = {
        let navigator = navigator.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if let Some(n) = &navigator
                && n.push_with_query(&route, &query).is_ok()
            {
                e.prevent_default();
            }
        })
    };
    html! { <a {href} class={class} {onclick}>{ text }</a> }
}

/// The headline cards of the whole region.
pub fn cards(lang: Lang, f: &Figures) -> Html {
    let card = |id: &str, label: K, value: String| {
        html! {
            <div class="stat-card" id={id.to_owned()}>
                <dt>{ t(lang, label) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    html! {
        <dl class="stat-cards" id="stat-cards">
            { card("stat-classes", K::CardClasses, f.classes_opened.to_string()) }
            { card("stat-enrolled", K::CardEnrolled, f.enrolled.to_string()) }
            { card("stat-completion", K::CardCompletion, rate(f.completed, f.enrolled)) }
            { card("stat-certificates", K::CardCertificates, f.certificates.to_string()) }
            { card("stat-start-ups", K::CardStartUps, rate(f.start_ups, f.certificates)) }
            { card("stat-jobs", K::CardJobs, f.jobs_created.to_string()) }
            { card("stat-paid", K::CardPaid, yuan(f.paid_fen)) }
            { card("stat-days", K::CardDays, average(f.days_to_payment_total, f.days_to_payment_count)) }
            { card("stat-services", K::CardServices, f.mentor_services.to_string()) }
            { card("stat-rating", K::CardRating, average(f.rating_stars, f.ratings)) }
            { card("stat-studios", K::CardStudios, f.studios_recognised.to_string()) }
        </dl>
    }
}

fn figure_headers(lang: Lang, first: K) -> Vec<Html> {
    [
        first,
        K::CardClasses,
        K::CardEnrolled,
        K::CardCompletion,
        K::CardCertificates,
        K::CardStartUps,
        K::CardJobs,
        K::CardPaid,
    ]
    .into_iter()
    .map(|k| html! { { t(lang, k) } })
    .collect()
}

fn figure_cells(lang: Lang, f: &Figures) -> Html {
    let cell = |k: K, v: String| html! { <td data-label={t(lang, k)}>{ v }</td> };
    html! {
        <>
            { cell(K::CardClasses, f.classes_opened.to_string()) }
            { cell(K::CardEnrolled, f.enrolled.to_string()) }
            { cell(K::CardCompletion, rate(f.completed, f.enrolled)) }
            { cell(K::CardCertificates, f.certificates.to_string()) }
            { cell(K::CardStartUps, rate(f.start_ups, f.certificates)) }
            { cell(K::CardJobs, f.jobs_created.to_string()) }
            { cell(K::CardPaid, yuan(f.paid_fen)) }
        </>
    }
}

/// The regions one level down; each opens its own statistics.
pub fn regions(lang: Lang, s: &Statistics, query: &StatisticsQuery, navigator: &Option<Navigator>) -> Html {
    if s.regions.is_empty() {
        return html! {};
    }
    let rows = html! {
        { for s.regions.iter().map(|r| {
            let drill = StatisticsQuery { region: Some(r.region.clone()), ..query.clone() };
            let own = r.region == s.region;
            html! {
                <tr key={r.region.clone()}>
                    <th scope="row" data-label={t(lang, K::ColRegion)}>
                        if own {
                            { r.name.clone() }
                        } else {
                            { query_link(navigator, Route::BureauStatistics, drill.clone(),
                                crate::api::statistics::query_string(&drill), "stat-drill", r.name.clone()) }
                        }
                    </th>
                    { figure_cells(lang, &r.figures) }
                </tr>
            }
        }) }
    };
    html! {
        <section class="panel" aria-labelledby="stat-regions-title">
            <h2 id="stat-regions-title">{ t(lang, K::TableRegions) }</h2>
            { stack_table("stat-regions", &figure_headers(lang, K::ColRegion), rows) }
        </section>
    }
}

/// Each month or quarter.
pub fn periods(lang: Lang, s: &Statistics) -> Html {
    let rows = html! {
        { for s.periods.iter().map(|p| html! {
            <tr key={p.label.clone()}>
                <th scope="row" data-label={t(lang, K::ColPeriod)}>{ p.label.clone() }</th>
                { figure_cells(lang, &p.figures) }
            </tr>
        }) }
    };
    html! {
        <section class="panel" aria-labelledby="stat-periods-title">
            <h2 id="stat-periods-title">{ t(lang, K::TablePeriods) }</h2>
            { stack_table("stat-periods", &figure_headers(lang, K::ColPeriod), rows) }
        </section>
    }
}

/// Claims by kind and stage; each count opens the worklist at that stage.
pub fn claims(lang: Lang, f: &Figures, navigator: &Option<Navigator>) -> Html {
    if f.claims.is_empty() {
        return html! {};
    }
    let headers: Vec<Html> =
        [K::ColKind, K::ColStage, K::ColCount, K::ColAmount].into_iter().map(|k| html! { { t(lang, k) } }).collect();
    let rows = html! {
        { for f.claims.iter().map(|c| {
            let list = ClaimQuery { status: Some(c.status), claim_kind: Some(c.kind), ..ClaimQuery::default() };
            let qs = format!("status={}&claim_kind={}", c.status.as_str(), c.kind.as_str());
            html! {
                <tr>
                    <td data-label={t(lang, K::ColKind)}>{ i18n::claim_kind_name(lang, c.kind) }</td>
                    <td data-label={t(lang, K::ColStage)}>{ i18n::claim_status_name(lang, c.status) }</td>
                    <td data-label={t(lang, K::ColCount)}>
                        { query_link(navigator, Route::BureauClaims, list, qs, "stat-claims-link", c.count.to_string()) }
                    </td>
                    <td data-label={t(lang, K::ColAmount)}>{ yuan(c.amount_fen) }</td>
                </tr>
            }
        }) }
    };
    html! {
        <section class="panel" aria-labelledby="stat-claims-title">
            <h2 id="stat-claims-title">{ t(lang, K::TableClaims) }</h2>
            { stack_table("stat-claims", &headers, rows) }
        </section>
    }
}

/// The institutions' results (绩效评价).
pub fn institutions(lang: Lang, s: &Statistics) -> Html {
    if s.institutions.is_empty() {
        return html! {};
    }
    let headers: Vec<Html> = [
        K::ColInstitution,
        K::CardClasses,
        K::CardEnrolled,
        K::CardCompletion,
        K::CardStartUps,
        K::ColObjections,
        K::ColReturned,
    ]
    .into_iter()
    .map(|k| html! { { t(lang, k) } })
    .collect();
    let rows = html! {
        { for s.institutions.iter().map(|i| {
            let cell = |k: K, v: String| html! { <td data-label={t(lang, k)}>{ v }</td> };
            html! {
                <tr key={i.institution_id.to_string()}>
                    <th scope="row" data-label={t(lang, K::ColInstitution)}>{ i.name.clone() }</th>
                    { cell(K::CardClasses, i.classes_opened.to_string()) }
                    { cell(K::CardEnrolled, i.enrolled.to_string()) }
                    { cell(K::CardCompletion, rate(i.completed, i.enrolled)) }
                    { cell(K::CardStartUps, rate(i.start_ups, i.certificates)) }
                    { cell(K::ColObjections, i.objections_upheld.to_string()) }
                    { cell(K::ColReturned, i.claims_returned.to_string()) }
                </tr>
            }
        }) }
    };
    html! {
        <section class="panel" aria-labelledby="stat-institutions-title">
            <h2 id="stat-institutions-title">{ t(lang, K::TableInstitutions) }</h2>
            { stack_table("stat-institutions", &headers, rows) }
        </section>
    }
}
