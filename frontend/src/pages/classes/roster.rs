//! `/institution/classes/:id`: a class's roster (enrolled and waitlist),
//! its CSV download, and calling the class off.

use std::rc::Rc;

use malanhua_shared::api::classes::{ReasonRequest, Roster, RosterEntry};
use malanhua_shared::course::ClassStatus;
use yew::prelude::*;

use crate::components::reason_form::{ReasonAction, ReasonForm};
use crate::components::stack_table::stack_table;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, kind_badge, status_badge};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, ClassesKey, CommonKey, Lang, Text, t};

/// Props of [`RosterPage`].
#[derive(Properties, PartialEq)]
pub struct RosterPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/institution/classes/:id` (signed in only; the server decides who may see it).
#[function_component]
pub fn RosterPage(props: &RosterPageProps) -> Html {
    use_title(ClassesKey::RosterTitle);
    html! {
        <RequireSignIn>
            <RosterView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn RosterView(props: &RosterPageProps) -> Html {
    let lang = use_lang();
    let (roster, reload) =
        use_remote(props.id.clone(), |id| async move { api::classes::roster(&id).await.map(Rc::new) });
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Institution}>{ t(lang, ClassesKey::BackToInstitution) }</AppLink></p>
            { remote_view(lang, &roster, "roster-error", &reload, |roster| html! {
                <RosterBody roster={roster.clone()} on_change={reload.clone()} />
            }) }
        </div>
    }
}

/// Props of [`RosterBody`].
#[derive(Properties, PartialEq)]
struct RosterBodyProps {
    roster: Rc<Roster>,
    /// Load the roster again (after cancelling).
    on_change: Callback<()>,
}

#[function_component]
fn RosterBody(props: &RosterBodyProps) -> Html {
    let lang = use_lang();
    let download_error = use_state(|| None::<ApiError>);
    let downloading = use_state(|| false);
    let c = &props.roster.class;
    let on_csv = {
        let id = c.id.clone();
        let download_error = download_error.clone();
        let downloading = downloading.clone();
        Callback::from(move |_: MouseEvent| {
            if *downloading {
                return;
            }
            downloading.set(true);
            download_error.set(None);
            let id = id.clone();
            let download_error = download_error.clone();
            let downloading = downloading.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = api::classes::download_roster(&id).await {
                    download_error.set(Some(e));
                }
                downloading.set(false);
            });
        })
    };
    // An approved class that has begun stands as it ran (the server refuses too).
    let cancellable = c.status == ClassStatus::Pending
        || (c.status == ClassStatus::Approved && crate::time::now() < c.first_session_at);
    // Once it has begun it may only be ended early, while a session is still ahead.
    let last_day = props.roster.class.ends_on;
    let endable = c.status == ClassStatus::Approved
        && c.ended_early_at.is_none()
        && crate::time::now() >= c.first_session_at
        && crate::time::in_shanghai(crate::time::now()).date_naive() <= last_day;
    html! {
        <>
            <header class="class-head">
                <p class="class-badges">{ kind_badge(lang, c.kind) }{ status_badge(lang, c.status) }</p>
                <h1 id="roster-title">{ i18n::roster_of(lang, &c.title) }</h1>
                <p class="lead">
                    { date_range(lang, c) }{ " · " }
                    { i18n::seats_taken(lang, &c.taken.to_string(), &c.capacity.to_string()) }
                    { " · " }
                    <AppLink to={Route::Class { id: c.id.to_string() }}>{ t(lang, CommonKey::ViewClass) }</AppLink>
                    { " · " }
                    <AppLink id="roster-completion" to={Route::Completion { id: c.id.to_string() }}>{ t(lang, CertificatesKey::CompletionLink) }</AppLink>
                </p>
            </header>
            if let Some(reason) = &c.ended_early_reason {
                <p id="class-ended-early" class="alert alert-info" role="status">{ t(lang, ClassesKey::ClassEndedEarly) }{ reason.clone() }</p>
            }
            if c.status == ClassStatus::Cancelled {
                <p id="class-cancelled" class="alert alert-info" role="status">{ t(lang, ClassesKey::ClassIsCancelled) }</p>
            }
            <section class="panel" aria-labelledby="enrolled-title">
                <div class="panel-head">
                    <h2 id="enrolled-title">{ i18n::roster_enrolled(lang, &props.roster.enrolled.len().to_string()) }</h2>
                    <button id="roster-csv" type="button" class="button secondary" disabled={*downloading} aria-busy={downloading.then_some("true")} onclick={on_csv}>
                        { t(lang, ClassesKey::DownloadCsv) }
                    </button>
                </div>
                if let Some(error) = &*download_error {
                    <p id="roster-csv-error" class="alert alert-error" role="alert">{ failure_message(lang, error) }</p>
                }
                { roster_table(lang, "roster-enrolled", &props.roster.enrolled, false) }
            </section>
            <section class="panel" aria-labelledby="waitlist-title">
                <h2 id="waitlist-title">{ i18n::roster_waitlist(lang, &props.roster.waitlist.len().to_string()) }</h2>
                { roster_table(lang, "roster-waitlist", &props.roster.waitlist, true) }
            </section>
            if cancellable {
                <ReasonForm
                    prefix="cancel"
                    error_id="cancel-form-error"
                    title={Text::of(ClassesKey::CancelClassTitle)}
                    lead={Text::of(ClassesKey::CancelClassLead)}
                    submit_label={Text::of(ClassesKey::CancelClass)}
                    action={cancel_action(c.id.to_string())}
                    on_done={props.on_change.clone()}
                />
            }
            if endable {
                <ReasonForm
                    prefix="end-early"
                    error_id="end-early-form-error"
                    title={Text::of(ClassesKey::EndEarlyTitle)}
                    lead={Text::of(ClassesKey::EndEarlyLead)}
                    submit_label={Text::of(ClassesKey::EndEarly)}
                    action={end_early_action(c.id.to_string())}
                    on_done={props.on_change.clone()}
                />
            }
        </>
    }
}

fn roster_table(lang: Lang, id: &str, entries: &[RosterEntry], waitlist: bool) -> Html {
    let first = if waitlist { Text::of(ClassesKey::ColWaitlistPosition) } else { Text::of(CommonKey::ColSeq) };
    let since = if waitlist { ClassesKey::ColJoined } else { ClassesKey::ColEnrolledAt };
    html! {
        <>
            { stack_table(id, &[t(lang, first).into(), t(lang, AccountsKey::ColName).into(), t(lang, AccountsKey::ColMobile).into(), t(lang, AccountsKey::ResidentIdOnFile).into(), t(lang, since).into()], html! { <>
                        { for entries.iter().enumerate().map(|(i, e)| {
                            let n = if waitlist { e.waitlist_position.unwrap_or(0).to_string() } else { (i + 1).to_string() };
                            html! {
                                <tr key={e.user_id.to_string()}>
                                    <td data-label={t(lang, first)}>{ n }</td>
                                    <td data-label={t(lang, AccountsKey::ColName)}>{ e.real_name.clone() }</td>
                                    <td data-label={t(lang, AccountsKey::ColMobile)}>{ e.mobile_masked.clone() }</td>
                                    <td data-label={t(lang, AccountsKey::ResidentIdOnFile)}>{ e.resident_id_masked.clone() }</td>
                                    <td data-label={t(lang, since)}>
                                        <time datetime={e.since.to_rfc3339()}>{ i18n::datetime(lang, e.since) }</time>
                                    </td>
                                </tr>
                            }
                        }) }
            </> }) }
            if entries.is_empty() {
                <p class="empty">{ t(lang, if waitlist { ClassesKey::WaitlistEmpty } else { ClassesKey::RosterEmpty }) }</p>
            }
        </>
    }
}

/// Cancels the class with the reason given.
fn end_early_action(id: String) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), api::ApiError>>)| {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(api::classes::end_early(&id, &req).await.map(|_| ()));
        });
    })
}

fn cancel_action(id: String) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), api::ApiError>>)| {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(api::classes::cancel(&id, &req).await.map(|_| ()));
        });
    })
}
