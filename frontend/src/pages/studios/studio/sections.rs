//! The parts of a studio page the workspace shows too: reports (and those
//! due), evaluations, documents and the grant claim's stage.

use chrono::NaiveDate;
use malanhua_shared::ClaimId;
use malanhua_shared::api::studios::StudioDetail;
use malanhua_shared::api::subsidies::ClaimStatus;
use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::claim_status_badge;
use crate::i18n::{self, Lang, StudiosKey, t};

/// The grant claim's stage and a link to it (`#{id}`, class
/// `grant-claim-link`), when the reader may see it.
pub fn claim_line(lang: Lang, claim: Option<&ClaimId>, status: Option<ClaimStatus>, id: &str) -> Html {
    let Some(claim_id) = claim else { return html! {} };
    html! {
        <p class="studio-claim">
            { t(lang, StudiosKey::GrantClaim) }{ "：" }
            if let Some(status) = status {
                { claim_status_badge(lang, status, None) }{ " " }
            }
            <AppLink id={id.to_owned()} classes={classes!("grant-claim-link")} to={Route::Claim { id: claim_id.to_string() }}>
                { t(lang, StudiosKey::ViewGrantClaim) }
            </AppLink>
        </p>
    }
}

/// The period starts a report is due for (`#{id}`), if any.
pub fn missing_reports(lang: Lang, missing: &[NaiveDate], id: &str) -> Html {
    if missing.is_empty() {
        return html! {};
    }
    html! {
        <div class="alert alert-info" id={id.to_owned()}>
            <p><strong>{ t(lang, StudiosKey::ReportsMissing) }</strong></p>
            <ul>
                { for missing.iter().map(|d| html! { <li data-period={d.to_string()}>{ i18n::date(lang, *d) }</li> }) }
            </ul>
        </div>
    }
}

/// The reports, newest first.
pub fn reports(lang: Lang, d: &StudioDetail) -> Html {
    html! {
        <section class="panel" aria-labelledby="studio-reports-title">
            <h2 id="studio-reports-title">{ t(lang, StudiosKey::Reports) }</h2>
            { missing_reports(lang, &d.reports_missing, "studio-reports-missing") }
            <ul id="studio-reports" class="plain rows">
                { for d.reports.iter().map(|r| html! {
                    <li key={r.id.to_string()} data-testid="studio-report" data-period={r.period_start.to_string()}>
                        <strong>{ format!("{}：{}", t(lang, StudiosKey::ReportPeriod), i18n::date(lang, r.period_start)) }</strong>
                        <p class="bio">{ r.activities.clone() }</p>
                        <p class="muted">
                            { format!("{}：{}", t(lang, StudiosKey::ReportServices), r.services) }{ " · " }
                            { format!("{}：{}", t(lang, StudiosKey::ReportSpentShown), r.spent_fen) }{ " · " }
                            <time datetime={r.submitted_at.to_rfc3339()}>{ i18n::datetime(lang, r.submitted_at) }</time>
                        </p>
                    </li>
                }) }
            </ul>
            if d.reports.is_empty() {
                <p class="empty">{ t(lang, StudiosKey::NoReports) }</p>
            }
        </section>
    }
}

/// The evaluations, newest first.
pub fn evaluations(lang: Lang, d: &StudioDetail) -> Html {
    html! {
        <section class="panel" aria-labelledby="studio-evaluations-title">
            <h2 id="studio-evaluations-title">{ t(lang, StudiosKey::Evaluations) }</h2>
            <ul id="studio-evaluations" class="plain rows">
                { for d.evaluations.iter().map(|e| html! {
                    <li key={e.year.to_string()} data-testid="studio-evaluation" data-year={e.year.to_string()} data-outcome={e.outcome.as_str()}>
                        <strong>{ i18n::evaluation_line(lang, &e.year.to_string(), &e.score.to_string(), i18n::evaluation_outcome_name(lang, e.outcome)) }</strong>
                        <p class="muted">{ e.comment.clone() }</p>
                    </li>
                }) }
            </ul>
            if d.evaluations.is_empty() {
                <p class="empty">{ t(lang, StudiosKey::NoEvaluations) }</p>
            }
        </section>
    }
}

/// The documents by title.
pub fn documents(lang: Lang, d: &StudioDetail) -> Html {
    html! {
        <section class="panel" aria-labelledby="studio-documents-title">
            <h2 id="studio-documents-title">{ t(lang, StudiosKey::Documents) }</h2>
            <ul id="studio-documents" class="chips chips-plain">
                { for d.documents.iter().map(|doc| html! { <li class="chip">{ doc.clone() }</li> }) }
            </ul>
            if d.documents.is_empty() {
                <p class="empty">{ t(lang, StudiosKey::NoDocuments) }</p>
            }
        </section>
    }
}
