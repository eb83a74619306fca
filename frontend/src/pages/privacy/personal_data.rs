//! `/bureau/personal-data`: the deletion requests waiting in the officer's
//! regions, carried out or refused with a note, and the correction of a
//! resident ID another account took first.

use malanhua_shared::api::classes::ReasonRequest;
use malanhua_shared::api::privacy::{DeletionDecision, DeletionRequest};
use malanhua_shared::{RegionCode, Role};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::reason_form::{ReasonAction, ReasonForm};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::{RequireSignIn, not_an_officer};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, Lang, PrivacyKey, Text, t};

use super::correction::CorrectionForm;
use super::my_data::must_keep_text;

/// `/bureau/personal-data` (signed in; bureau officers).
#[function_component]
pub fn PersonalDataPage() -> Html {
    use_title(PrivacyKey::PersonalDataTitle);
    html! {
        <RequireSignIn>
            <PersonalData />
        </RequireSignIn>
    }
}

#[function_component]
fn PersonalData() -> Html {
    let lang = use_lang();
    let session = use_session();
    let regions: Vec<RegionCode> = session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    if regions.is_empty() {
        return not_an_officer(lang, t(lang, PrivacyKey::PersonalDataTitle));
    }
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, PrivacyKey::PersonalDataTitle) }</h1>
            <p class="lead">{ t(lang, PrivacyKey::PersonalDataLead) }</p>
            <WaitingDeletions />
            <CorrectionForm {regions} />
        </div>
    }
}

/// The decision form open on a row.
#[derive(Debug, Clone, PartialEq)]
struct Deciding {
    id: String,
    carry_out: bool,
}

/// The deletion requests waiting in the officer's regions.
#[function_component]
fn WaitingDeletions() -> Html {
    let lang = use_lang();
    let session = use_session();
    let me = session.me.as_ref().map(|m| m.id.clone());
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let (list, reload) = use_remote((), |()| api::privacy::waiting_deletions());
    let deciding = use_state(|| None::<Deciding>);
    let done = use_state(|| None::<String>);

    let on_open = {
        let (deciding, done) = (deciding.clone(), done.clone());
        Callback::from(move |next: Deciding| {
            done.set(None);
            deciding.set(if deciding.as_ref() == Some(&next) { None } else { Some(next) });
        })
    };
    let on_decided = {
        let (deciding, done, reload) = (deciding.clone(), done.clone(), reload.clone());
        Callback::from(move |message: String| {
            deciding.set(None);
            done.set(Some(message));
            reload.emit(());
        })
    };
    html! {
        <section class="panel" aria-labelledby="deletions-title" id="deletions">
            <h2 id="deletions-title">{ t(lang, PrivacyKey::WaitingDeletionsTitle) }</h2>
            if let Some(message) = &*done {
                <p id="deletion-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            { remote_view(lang, &list, "deletions-error", &reload, |list| html! {
                if list.is_empty() {
                    <p class="empty" id="deletions-empty">{ t(lang, PrivacyKey::NoWaitingDeletions) }</p>
                } else {
                    <ul id="deletion-list" class="review-list">
                        { for list.iter().map(|r| deletion_row(lang, r, &Row {
                            own: me.as_ref() == Some(&r.user_id),
                            region: region_text(lang, regions.as_deref(), r.region.as_ref()),
                            deciding: deciding.as_ref().filter(|d| d.id == r.id).map(|d| d.carry_out),
                            on_open: on_open.clone(),
                            on_decided: on_decided.clone(),
                        })) }
                    </ul>
                }
            }) }
        </section>
    }
}

/// The region's full name (province first), or "not given".
fn region_text(lang: Lang, regions: Option<&Regions>, code: Option<&RegionCode>) -> String {
    match (regions, code) {
        (_, None) => t(lang, PrivacyKey::NoRegion).to_owned(),
        (Some(r), Some(code)) => r.full_label(lang, code, None),
        (None, Some(code)) => code.as_str().to_owned(),
    }
}

/// What a request row shows and can do.
struct Row {
    /// The officer's own request (another officer decides it).
    own: bool,
    /// The home region, in words.
    region: String,
    /// The decision form open on this row: carry out (true) or refuse.
    deciding: Option<bool>,
    on_open: Callback<Deciding>,
    on_decided: Callback<String>,
}

fn deletion_row(lang: Lang, r: &DeletionRequest, row: &Row) -> Html {
    let id = r.id.clone();
    let blocked = !r.must_keep.is_empty();
    let open = |carry_out: bool| {
        let (cb, id) = (row.on_open.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(Deciding { id: id.clone(), carry_out }))
    };
    let blocked_id = format!("deletion-blocked-{id}");
    let form = row.deciding.map(|carry_out| {
        let (title, lead, label) = if carry_out {
            (PrivacyKey::CarryOutTitle, PrivacyKey::CarryOutLead, PrivacyKey::CarryOut)
        } else {
            (PrivacyKey::RefuseTitle, PrivacyKey::RefuseLead, PrivacyKey::Refuse)
        };
        let message = if carry_out {
            i18n::deletion_carried_out(lang, &r.name_masked)
        } else {
            i18n::deletion_refused(lang, &r.name_masked)
        };
        let on_done = {
            let cb = row.on_decided.clone();
            Callback::from(move |()| cb.emit(message.clone()))
        };
        html! {
            <ReasonForm
                prefix="deletion-decision"
                error_id="deletion-decision-error"
                title={Text::of(title)}
                lead={Text::of(lead)}
                submit_label={Text::of(label)}
                action={decide_action(id.clone(), carry_out)}
                {on_done}
            />
        }
    });
    let expanded = |carry_out: bool| if row.deciding == Some(carry_out) { "true" } else { "false" };
    html! {
        <li key={id.clone()} class="review deletion-row" data-id={id.clone()}>
            <h3>{ r.name_masked.clone() }</h3>
            <dl class="facts compact">
                <div><dt>{ t(lang, PrivacyKey::Region) }</dt><dd>{ row.region.clone() }</dd></div>
                <div><dt>{ t(lang, PrivacyKey::RequestedAt) }</dt><dd>{ i18n::datetime(lang, r.requested_at) }</dd></div>
                <div><dt>{ t(lang, PrivacyKey::MustKeep) }</dt><dd class="deletion-must-keep">{ must_keep_text(lang, &r.must_keep) }</dd></div>
            </dl>
            if row.own {
                <p class="muted deletion-own">{ t(lang, PrivacyKey::OwnRequest) }</p>
            } else {
                if blocked {
                    <p class="hint deletion-blocked" id={blocked_id.clone()}>{ t(lang, PrivacyKey::MustKeepBlocks) }</p>
                }
                <div class="form-actions action-buttons">
                    <button type="button" class="button danger deletion-carry-out" data-id={id.clone()} disabled={blocked}
                        aria-describedby={blocked.then(|| blocked_id.clone())} aria-expanded={expanded(true)} onclick={open(true)}>
                        { t(lang, PrivacyKey::CarryOut) }
                    </button>
                    <button type="button" class="button secondary deletion-refuse" data-id={id.clone()}
                        aria-expanded={expanded(false)} onclick={open(false)}>
                        { t(lang, PrivacyKey::Refuse) }
                    </button>
                </div>
                { form.unwrap_or_default() }
            }
        </li>
    }
}

/// Carries the request out, or refuses it, with the note given.
fn decide_action(id: String, carry_out: bool) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), ApiError>>)| {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let body = DeletionDecision { carry_out, note: req.reason };
            let key = api::new_idempotency_key();
            done.emit(api::privacy::decide_deletion(&id, &body, &key).await.map(|_| ()));
        });
    })
}
