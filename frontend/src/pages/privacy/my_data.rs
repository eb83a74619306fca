//! "My data" on `/profile`: the download of everything held about the
//! person, the deletion request (after a confirmation saying what happens)
//! and the person's requests with the bureau's answers.

use malanhua_shared::ErrorCode;
use malanhua_shared::api::privacy::{DeletionRequest, DeletionStatus};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, PrivacyKey, t};

/// The profile's "My data" section.
#[function_component]
pub fn MyData() -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote((), |()| api::privacy::my_deletion_requests());
    let downloading = use_state(|| false);
    let downloaded = use_state(|| None::<Result<(), ApiError>>);
    let confirming = use_state(|| false);
    let asking = use_mutation::<DeletionRequest>();

    // Keyboard and screen-reader users land on the confirmation when it opens.
    use_effect_with(*confirming, |open| {
        if *open {
            focus("deletion-confirm-title");
        }
    });

    let on_download = {
        let (downloading, downloaded) = (downloading.clone(), downloaded.clone());
        Callback::from(move |_: MouseEvent| {
            if *downloading {
                return;
            }
            downloading.set(true);
            downloaded.set(None);
            let (downloading, downloaded) = (downloading.clone(), downloaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                downloaded.set(Some(api::privacy::download_export().await));
                downloading.set(false);
            });
        })
    };
    let on_ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            focus("deletion-ask");
        })
    };
    let on_confirm = {
        let (asking, confirming, reload) = (asking.clone(), confirming.clone(), reload.clone());
        Callback::from(move |_: MouseEvent| {
            let (confirming, reload) = (confirming.clone(), reload.clone());
            asking.run(
                "ask deletion".to_owned(),
                |key| async move { api::privacy::ask_deletion(&key).await },
                move |result| {
                    if result.as_ref().map_or_else(|e| e.is(ErrorCode::Conflict), |_| true) {
                        confirming.set(false);
                    }
                    reload.emit(());
                },
            );
        })
    };

    let waiting = list.loaded().is_some_and(|l| l.iter().any(|r| r.status == DeletionStatus::Pending));
    let ask_error = asking.error().map(|e| {
        if e.is(ErrorCode::Conflict) {
            t(lang, PrivacyKey::DeletionWaiting).to_owned()
        } else {
            failure_message(lang, e)
        }
    });
    let sending = asking.submitting();
    html! {
        <section class="panel my-data" aria-labelledby="my-data-title" id="my-data">
            <h2 id="my-data-title">{ t(lang, PrivacyKey::MyDataTitle) }</h2>
            <p>{ t(lang, PrivacyKey::MyDataLead) }</p>
            <div class="form-actions action-buttons">
                <button id="my-data-download" type="button" class="button secondary" disabled={*downloading}
                    aria-busy={downloading.then_some("true")} onclick={on_download}>
                    { if *downloading { t(lang, PrivacyKey::Downloading) } else { t(lang, PrivacyKey::DownloadData) } }
                </button>
                if !waiting && !*confirming {
                    <button id="deletion-ask" type="button" class="button danger" onclick={on_ask}>
                        { t(lang, PrivacyKey::AskDeletion) }
                    </button>
                }
            </div>
            { match &*downloaded {
                Some(Ok(())) => html! {
                    <p id="my-data-downloaded" class="alert alert-success" role="status">
                        { i18n::download_started(lang, api::privacy::EXPORT_FILE) }
                    </p>
                },
                Some(Err(e)) => html! {
                    <p id="my-data-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                },
                None => html! {},
            } }
            if asking.result().is_some() {
                <p id="deletion-asked" class="alert alert-success" role="status">{ t(lang, PrivacyKey::DeletionAsked) }</p>
            }
            if let Some(message) = ask_error {
                <p id="deletion-ask-error" class="alert alert-error" role="alert">{ message }</p>
            }
            if *confirming {
                <section id="deletion-confirm" class="panel panel-danger" aria-labelledby="deletion-confirm-title">
                    <h3 id="deletion-confirm-title" tabindex="-1">{ t(lang, PrivacyKey::DeletionConfirmTitle) }</h3>
                    <p>{ t(lang, PrivacyKey::DeletionConfirmLead) }</p>
                    <div class="form-actions action-buttons">
                        <button id="deletion-confirm-submit" type="button" class="button danger" disabled={sending}
                            aria-busy={sending.then_some("true")} onclick={on_confirm}>
                            { t(lang, PrivacyKey::ConfirmDeletion) }
                        </button>
                        <button id="deletion-cancel" type="button" class="button secondary" onclick={on_cancel}>
                            { t(lang, PrivacyKey::Cancel) }
                        </button>
                    </div>
                </section>
            }
            <h3>{ t(lang, PrivacyKey::MyRequestsTitle) }</h3>
            { remote_view(lang, &list, "deletion-requests-error", &reload, |list| html! {
                if list.is_empty() {
                    <p class="empty" id="deletion-requests-empty">{ t(lang, PrivacyKey::NoRequests) }</p>
                } else {
                    <ul id="deletion-requests" class="plain rows">
                        { for list.iter().map(|r| request_row(lang, r)) }
                    </ul>
                }
            }) }
        </section>
    }
}

/// The badge class of a status.
fn status_class(status: DeletionStatus) -> &'static str {
    match status {
        DeletionStatus::Pending => "badge-todo",
        DeletionStatus::CarriedOut => "badge-ok",
        DeletionStatus::Refused => "badge-stop",
    }
}

/// The words of `must_keep`, translated and joined.
pub(super) fn must_keep_text(lang: Lang, words: &[String]) -> String {
    if words.is_empty() {
        return t(lang, PrivacyKey::MustKeepNone).to_owned();
    }
    let names: Vec<String> = words.iter().map(|w| i18n::keep_reason_name(lang, w)).collect();
    names.join(i18n::pick(lang, "、", ", "))
}

fn request_row(lang: Lang, r: &DeletionRequest) -> Html {
    html! {
        <li key={r.id.clone()} class="deletion-request" data-id={r.id.clone()} data-status={r.status.as_str()}>
            <p>
                <span class={classes!("badge", "deletion-status", status_class(r.status))}>
                    { i18n::deletion_status_name(lang, r.status) }
                </span>
            </p>
            <dl class="facts compact">
                <div><dt>{ t(lang, PrivacyKey::RequestedAt) }</dt><dd>{ i18n::datetime(lang, r.requested_at) }</dd></div>
                if let Some(at) = r.decided_at {
                    <div><dt>{ t(lang, PrivacyKey::DecidedAt) }</dt><dd>{ i18n::datetime(lang, at) }</dd></div>
                }
                if let Some(note) = &r.note {
                    <div><dt>{ t(lang, PrivacyKey::BureauNote) }</dt><dd class="deletion-note">{ note.clone() }</dd></div>
                }
                if r.status == DeletionStatus::Pending {
                    <div><dt>{ t(lang, PrivacyKey::MustKeep) }</dt><dd class="deletion-must-keep">{ must_keep_text(lang, &r.must_keep) }</dd></div>
                }
            </dl>
        </li>
    }
}
