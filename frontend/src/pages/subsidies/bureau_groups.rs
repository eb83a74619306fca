//! `/bureau/priority-groups`: the priority-group declarations (重点群体) of
//! the officer's region, verified or rejected with a reason.

use malanhua_shared::api::classes::{Decision, ReasonRequest};
use malanhua_shared::api::subsidies::{DeclarationStatus, GroupDeclaration};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::declaration_badge;
use crate::components::claim_info::held_dates;
use crate::components::form_error::failure_message;
use crate::components::reason_form::{ReasonAction, ReasonForm};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, ClassesKey, CommonKey, Lang, SubsidiesKey, Text, t};

/// The status filter's value for "every status".
const ALL_STATUSES: &str = "all";

/// `/bureau/priority-groups` (signed in; officers only on the server).
#[function_component]
pub fn BureauGroupsPage() -> Html {
    use_title(SubsidiesKey::BureauGroupsTitle);
    html! {
        <RequireSignIn>
            <Declarations />
        </RequireSignIn>
    }
}

#[function_component]
fn Declarations() -> Html {
    let lang = use_lang();
    let status = use_state(|| Some(DeclarationStatus::Declared));
    let (list, reload) = use_remote(*status, api::subsidies::bureau_groups);
    let rejecting = use_state(|| None::<String>);
    let busy = use_state(|| None::<String>);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<String>);

    let on_status = {
        let (status, done, rejecting) = (status.clone(), done.clone(), rejecting.clone());
        Callback::from(move |value: String| {
            done.set(None);
            rejecting.set(None);
            status.set(DeclarationStatus::from_name(&value));
        })
    };
    let on_verify = {
        let (busy, failure, done, reload, rejecting) =
            (busy.clone(), failure.clone(), done.clone(), reload.clone(), rejecting.clone());
        Callback::from(move |g: GroupDeclaration| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(g.id.to_string()));
            failure.set(None);
            done.set(None);
            rejecting.set(None);
            let (busy, failure, done, reload) = (busy.clone(), failure.clone(), done.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::subsidies::decide_group(&g.id, &Decision { approve: true, reason: None }).await {
                    Ok(_) => {
                        done.set(Some(i18n::declaration_verified_done(lang, &g.holder_name)));
                        reload.emit(());
                    }
                    Err(e) => failure.set(Some(e)),
                }
                busy.set(None);
            });
        })
    };
    let on_reject = {
        let (rejecting, done, failure) = (rejecting.clone(), done.clone(), failure.clone());
        Callback::from(move |id: String| {
            done.set(None);
            failure.set(None);
            rejecting.set(if rejecting.as_deref() == Some(id.as_str()) { None } else { Some(id) });
        })
    };
    let on_rejected = {
        let (rejecting, done, reload) = (rejecting.clone(), done.clone(), reload.clone());
        Callback::from(move |name: String| {
            rejecting.set(None);
            done.set(Some(i18n::declaration_rejected_done(lang, &name)));
            reload.emit(());
        })
    };

    let mut options: Vec<(String, String)> = DeclarationStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), i18n::declaration_status_name(lang, *s).to_owned()))
        .collect();
    options.push((ALL_STATUSES.to_owned(), t(lang, ClassesKey::AllStatuses).to_owned()));
    let value = status.map_or(ALL_STATUSES, DeclarationStatus::as_str);
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, SubsidiesKey::BureauGroupsTitle) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::BureauGroupsLead) }</p>
            <div class="form inline-filter">
                <SelectField id="declaration-status" label={t(lang, CommonKey::ColStatus)} {value} {options} required={false} onchange={on_status} />
            </div>
            if let Some(message) = &*done {
                <p id="declaration-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            if let Some(e) = &*failure {
                <p id="declaration-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            { remote_view(lang, &list, "declarations-error", &reload, |list| html! {
                <>
                    <ul id="declarations" class="review-list">
                        { for list.iter().map(|g| declaration(lang, g, &DeclarationHandlers {
                            busy: busy.is_some(),
                            rejecting: rejecting.as_deref() == Some(g.id.as_str()),
                            on_verify: on_verify.clone(),
                            on_reject: on_reject.clone(),
                            on_rejected: on_rejected.clone(),
                        })) }
                    </ul>
                    if list.is_empty() {
                        <p class="empty" id="declarations-empty">{ t(lang, SubsidiesKey::NoDeclarations) }</p>
                    }
                </>
            }) }
        </div>
    }
}

/// What a declaration row can do.
struct DeclarationHandlers {
    /// A decision is being sent.
    busy: bool,
    /// The reject form is open on this row.
    rejecting: bool,
    on_verify: Callback<GroupDeclaration>,
    on_reject: Callback<String>,
    on_rejected: Callback<String>,
}

fn declaration(lang: Lang, g: &GroupDeclaration, h: &DeclarationHandlers) -> Html {
    let verify = {
        let (cb, g) = (h.on_verify.clone(), g.clone());
        Callback::from(move |_: MouseEvent| cb.emit(g.clone()))
    };
    let reject = {
        let (cb, id) = (h.on_reject.clone(), g.id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.to_string()))
    };
    let on_done = {
        let (cb, name) = (h.on_rejected.clone(), g.holder_name.clone());
        Callback::from(move |()| cb.emit(name.clone()))
    };
    html! {
        <li key={g.id.to_string()} class="review declaration-row" data-id={g.id.to_string()}>
            <h3>{ g.holder_name.clone() }{ " · " }{ i18n::priority_group_name(lang, g.group) }</h3>
            <p>{ declaration_badge(lang, g.status) }</p>
            <dl class="facts compact">
                <div><dt>{ t(lang, SubsidiesKey::GroupHeld) }</dt><dd>{ held_dates(lang, g.valid_from, g.valid_to) }</dd></div>
                <div><dt>{ t(lang, SubsidiesKey::GroupEvidence) }</dt><dd class="declaration-evidence">{ g.evidence.clone() }</dd></div>
                <div><dt>{ t(lang, SubsidiesKey::DeclaredAt) }</dt><dd>{ i18n::datetime(lang, g.created_at) }</dd></div>
                if let Some(reason) = &g.reason {
                    <div><dt>{ t(lang, CommonKey::Reason) }</dt><dd>{ reason.clone() }</dd></div>
                }
            </dl>
            if g.status == DeclarationStatus::Declared {
                <div class="form-actions action-buttons">
                    <button type="button" class="button primary declaration-verify" data-id={g.id.to_string()} disabled={h.busy} onclick={verify}>
                        { t(lang, SubsidiesKey::VerifyDeclaration) }
                    </button>
                    <button type="button" class="button danger declaration-reject" data-id={g.id.to_string()} disabled={h.busy} aria-expanded={if h.rejecting { "true" } else { "false" }} onclick={reject}>
                        { t(lang, SubsidiesKey::RejectDeclaration) }
                    </button>
                </div>
                if h.rejecting {
                    <ReasonForm
                        prefix="declaration-reject"
                        error_id="declaration-reject-error"
                        title={Text::of(SubsidiesKey::RejectDeclarationTitle)}
                        lead={Text::of(SubsidiesKey::RejectDeclarationLead)}
                        submit_label={Text::of(SubsidiesKey::RejectDeclaration)}
                        action={reject_action(g.id.to_string())}
                        {on_done}
                    />
                }
            }
        </li>
    }
}

/// Rejects the declaration with the reason given.
fn reject_action(id: String) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), ApiError>>)| {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let body = Decision { approve: false, reason: Some(req.reason) };
            done.emit(api::subsidies::decide_group(&id, &body).await.map(|_| ()));
        });
    })
}
