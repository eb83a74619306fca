//! `/institution/classes/:id/claims`: the institution's subsidy batch for a
//! class (补贴申报): one line per certificate with its claim or the reasons
//! it earns nothing, and filing every eligible line at once.

use malanhua_shared::api::subsidies::{BatchLine, ClaimBatch};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_status_badge, reasons_list};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, SubsidiesKey, t};

/// Props of [`ClassClaimsPage`].
#[derive(Properties, PartialEq)]
pub struct ClassClaimsPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/institution/classes/:id/claims` (signed in; the server decides).
#[function_component]
pub fn ClassClaimsPage(props: &ClassClaimsPageProps) -> Html {
    use_title(SubsidiesKey::BatchTitle);
    html! {
        <RequireSignIn>
            <ClassClaims id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn ClassClaims(props: &ClassClaimsPageProps) -> Html {
    let lang = use_lang();
    let filing = use_mutation::<ClaimBatch>();
    let (batch, reload) = use_remote(props.id.clone(), |id| async move { api::subsidies::class_batch(&id).await });
    let on_file = {
        let (batch, filing) = (batch.clone(), filing.clone());
        let id = props.id.clone();
        Callback::from(move |_: MouseEvent| {
            let batch = batch.clone();
            let id = id.clone();
            filing.run(
                format!("batch {id}"),
                move |key| async move { api::subsidies::file_class_batch(&id, &key).await },
                move |result| {
                    if let Ok(b) = result {
                        batch.set(Remote::Loaded(b));
                    }
                },
            );
        })
    };
    let filed = filing.result().map(|b| b.filed);
    let failure = filing.error().cloned();
    let submitting = filing.submitting();
    let title = batch.loaded().map(|b| i18n::batch_of(lang, &b.class_title));
    html! {
        <div class="page">
            <p class="back">
                <AppLink to={Route::Completion { id: props.id.clone() }}>{ t(lang, CertificatesKey::BackToCompletion) }</AppLink>
            </p>
            <h1 id="batch-title">{ title.unwrap_or_else(|| t(lang, SubsidiesKey::BatchTitle).to_owned()) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::BatchLead) }</p>
            { remote_view(lang, &batch, "batch-error", &reload, |b| html! {
                <section class="panel" aria-labelledby="batch-lines-title">
                    <h2 id="batch-lines-title">{ t(lang, SubsidiesKey::BatchLinesTitle) }</h2>
                    { batch_table(lang, b) }
                    if let Some(n) = filed {
                        <p id="batch-filed" class="alert alert-success" role="status">{ i18n::batch_filed(lang, &n.to_string()) }</p>
                    }
                    if let Some(e) = &failure {
                        <p id="batch-file-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                    }
                    <p class="hint">{ i18n::batch_fileable_count(lang, &b.lines.iter().filter(|l| fileable(l)).count().to_string()) }</p>
                    <div class="form-actions">
                        <button id="batch-file" type="button" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")} onclick={on_file.clone()}>
                            { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::BatchFile) } }
                        </button>
                    </div>
                </section>
            }) }
        </div>
    }
}

/// A line the institution can file now: no claim yet (or a draft), no reason against.
fn fileable(line: &BatchLine) -> bool {
    line.reasons.is_empty() && matches!(line.status, None | Some(malanhua_shared::api::subsidies::ClaimStatus::Draft))
}

fn batch_table(lang: Lang, b: &ClaimBatch) -> Html {
    if b.lines.is_empty() {
        return html! { <p class="empty" id="batch-empty">{ t(lang, SubsidiesKey::BatchEmpty) }</p> };
    }
    html! {
        <div class="table-wrap">
            <table id="batch-lines" class="stack">
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, CertificatesKey::CertHolder) }</th>
                        <th scope="col">{ t(lang, CertificatesKey::CertNumber) }</th>
                        <th scope="col">{ t(lang, SubsidiesKey::ColClaimStatus) }</th>
                        <th scope="col">{ t(lang, SubsidiesKey::ColAmount) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for b.lines.iter().map(|l| html! {
                        <tr key={l.certificate_number.to_string()} class="batch-line" data-number={l.certificate_number.to_string()} data-claim-id={l.claim_id.as_ref().map(|c| c.to_string())}>
                            <td data-label={t(lang, CertificatesKey::CertHolder)}>{ l.holder_name.clone() }</td>
                            <td data-label={t(lang, CertificatesKey::CertNumber)}>{ l.certificate_number.to_string() }</td>
                            <td data-label={t(lang, SubsidiesKey::ColClaimStatus)}>
                                <div>
                                    if let Some(status) = l.status {
                                        { claim_status_badge(lang, status, None) }
                                        if let Some(id) = &l.claim_id {
                                            { " " }
                                            <AppLink to={Route::Claim { id: id.to_string() }} classes={classes!("claim-link")}>{ t(lang, crate::i18n::SubsidiesKey::ViewClaim) }</AppLink>
                                        }
                                    } else if l.reasons.is_empty() {
                                        <span class="badge badge-ok">{ t(lang, SubsidiesKey::BatchReady) }</span>
                                    }
                                    if !l.reasons.is_empty() {
                                        { reasons_list(lang, &l.reasons, None, "batch-reasons") }
                                    }
                                </div>
                            </td>
                            <td data-label={t(lang, SubsidiesKey::ColAmount)} class="money">
                                { l.amount_fen.map(|a| a.to_string()).unwrap_or_else(|| "—".to_owned()) }
                            </td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">{ t(lang, SubsidiesKey::BatchTotal) }</th>
                        <td id="batch-total" class="money" data-label={t(lang, SubsidiesKey::BatchTotal)}>{ b.total_fen.to_string() }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
