//! The enrolment panel of a class: seats, the trainee's place, and
//! enrolling, joining the waitlist or withdrawing.

use std::pin::Pin;
use std::rc::Rc;

use malanhua_shared::ErrorCode;
use malanhua_shared::FieldCode;
use malanhua_shared::api::classes::{ClassDetail, EnrolRequest, MyEnrolment};
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::seats_text;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, Form, FormAction, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::notifications::use_unread;
use crate::hooks::remote::use_remote;
use crate::hooks::session::{LoginQuery, use_session};
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, Lang, t};

/// What a trainee's place says.
fn place_text(lang: Lang, mine: &MyEnrolment) -> String {
    match mine.status {
        EnrolmentStatus::Enrolled => t(lang, ClassesKey::YouAreEnrolled).to_owned(),
        EnrolmentStatus::Waitlisted => {
            let position = mine.waitlist_position.map(|p| p.to_string()).unwrap_or_else(|| "—".to_owned());
            i18n::you_are_waitlisted(lang, &position)
        }
        EnrolmentStatus::Withdrawn => t(lang, ClassesKey::YouWithdrew).to_owned(),
        EnrolmentStatus::Cancelled => t(lang, ClassesKey::YourPlaceCancelled).to_owned(),
    }
}

/// Props of [`EnrolPanel`].
#[derive(Properties, PartialEq)]
pub(super) struct EnrolPanelProps {
    /// The class.
    pub detail: Rc<ClassDetail>,
    /// Called after the trainee's place changed.
    pub on_change: Callback<()>,
}

/// Seats, the trainee's place, and the enrol or withdraw button.
#[function_component]
pub(super) fn EnrolPanel(props: &EnrolPanelProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let unread = use_unread();
    let form = use_form();
    // The answer of the last enrol or withdraw, until the class is loaded again.
    let latest = use_state(|| None::<MyEnrolment>);
    {
        let latest = latest.clone();
        use_effect_with(props.detail.clone(), move |_| latest.set(None));
    }
    let s = &props.detail.summary;
    let (policies, _) = use_remote(s.region.clone(), |region| async move { api::policies::policies(&region).await });
    let kind = s.kind;
    let needs_licence = policies
        .loaded()
        .and_then(|list| list.iter().find(|p| p.kind == kind))
        .is_some_and(|p| p.requires_business_licence);
    let licence_error = form.error(lang, "business_licence");
    let show_licence = needs_licence || licence_error.is_some();

    let mine = (*latest).clone().or_else(|| props.detail.my_enrolment.clone());
    let holds_place = mine.as_ref().is_some_and(|m| m.status.is_active());
    let id = s.id.clone();

    // Sends an enrol or withdraw; the answer is the trainee's place.
    let send = {
        let (form, latest) = (form.clone(), latest.clone());
        let (on_change, refresh) = (props.on_change.clone(), unread.refresh.clone());
        move |call: Pin<Box<dyn Future<Output = Result<MyEnrolment, ApiError>>>>, licence_asked: bool| {
            form.dispatch(FormAction::Submit);
            let (form, latest) = (form.clone(), latest.clone());
            let (on_change, refresh) = (on_change.clone(), refresh.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match call.await {
                    Ok(place) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        latest.set(Some(place));
                        on_change.emit(());
                        refresh.emit(());
                        // Focus goes to the result, once it is drawn.
                        gloo::timers::callback::Timeout::new(0, || focus("enrolment-status")).forget();
                    }
                    Err(error) => {
                        if licence_asked && error.fields().contains_key("business_licence") {
                            focus("business_licence");
                        }
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        }
    };

    let on_enrol = {
        let (send, id) = (send.clone(), id.clone());
        on_submit(&form, move |form| {
            let licence = form.value("business_licence").trim().to_uppercase();
            if show_licence && licence.is_empty() {
                focus("business_licence");
                let errors = [("business_licence".to_owned(), FieldIssue::Code(FieldCode::Required))].into();
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            let body = EnrolRequest { business_licence: show_licence.then_some(licence) };
            let id = id.clone();
            send(Box::pin(async move { api::classes::enrol(&id, &body).await }), true);
        })
    };
    // Withdrawing gives the seat away at once: it is asked first.
    let asking = use_state(|| false);
    let on_withdraw = {
        let (form, asking) = (form.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            if !form.submitting() {
                asking.set(true);
            }
        })
    };
    let on_withdraw_confirmed = {
        let (send, id, asking) = (send.clone(), id.clone(), asking.clone());
        Callback::from(move |()| {
            asking.set(false);
            let id = id.clone();
            send(Box::pin(async move { api::classes::withdraw(&id).await }), false);
        })
    };
    let on_withdraw_cancelled = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let on_sign_in = {
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(navigator) = &navigator {
                let query = LoginQuery { next: Some(format!("/classes/{id}")), expired: None };
                if navigator.push_with_query(&Route::Login, &query).is_err() {
                    navigator.push(&Route::Login);
                }
            }
        })
    };

    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    let action = if s.status != ClassStatus::Approved {
        let key =
            if s.status == ClassStatus::Pending { ClassesKey::ClassPendingNote } else { ClassesKey::ClassClosedNote };
        html! { <p class="muted" id="enrol-unavailable">{ t(lang, key) }</p> }
    } else if holds_place {
        html! {
            <>
                <button id="withdraw" type="button" class="button secondary" disabled={submitting} aria-busy={busy} onclick={on_withdraw}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, ClassesKey::Withdraw) } }
                </button>
                <ConfirmDialog
                    id="withdraw-dialog"
                    open={*asking}
                    title={t(lang, ClassesKey::WithdrawTitle)}
                    body={t(lang, ClassesKey::WithdrawBody)}
                    confirm_label={t(lang, ClassesKey::WithdrawConfirm)}
                    on_confirm={on_withdraw_confirmed}
                    on_cancel={on_withdraw_cancelled}
                    opener="withdraw"
                />
            </>
        }
    } else if session.loading() {
        html! { <p class="loading" role="status">{ t(lang, CommonKey::Loading) }</p> }
    } else if !session.signed_in() {
        html! {
            <>
                <p class="hint">{ t(lang, ClassesKey::SignInToEnrol) }</p>
                <button id="enrol" type="button" class="button primary" onclick={on_sign_in}>
                    { t(lang, ClassesKey::SignInAndEnrol) }
                </button>
            </>
        }
    } else if !session.is_trainee() {
        html! { <p class="muted" id="enrol-unavailable">{ t(lang, ClassesKey::OnlyTraineesEnrol) }</p> }
    } else {
        let profile_todo = session.me.as_ref().is_some_and(|me| !me.profile_complete);
        let licence = show_licence.then_some(licence_error);
        enrol_form(lang, &form, profile_todo, s.seats_left == 0, licence, on_enrol)
    };

    html! {
        <section class="panel enrol-panel" aria-labelledby="enrol-title">
            <h2 id="enrol-title">{ t(lang, ClassesKey::EnrolTitle) }</h2>
            <p id="seats-left" class={classes!("seats-big", (s.seats_left == 0).then_some("seats-full"))}>
                { seats_text(lang, s) }
            </p>
            if let Some(mine) = &mine {
                <p id="enrolment-status" class={classes!("enrolment-status", mine.status.is_active().then_some("active"))} role="status" tabindex="-1">
                    { place_text(lang, mine) }
                </p>
                if mine.status.is_active() {
                    { next_steps(lang, &props.detail) }
                }
            }
            <EnrolError failure={form.failure().cloned()} shown_licence={show_licence} />
            { action }
        </section>
    }
}

/// After enrolling: the sessions into the phone's calendar, and the way to
/// the trainee's classes.
fn next_steps(lang: Lang, detail: &ClassDetail) -> Html {
    let file = crate::ics::class_calendar(detail, crate::time::now());
    let href = format!("data:text/calendar;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&file)));
    html! {
        <p class="next-step actions">
            <a id="add-to-calendar" class="button secondary" {href} download="malanhua-class.ics">{ t(lang, ClassesKey::AddToCalendar) }</a>
            <AppLink id="to-my-classes" to={Route::MyClasses} classes={classes!("button", "secondary")}>{ t(lang, ClassesKey::SeeMyClasses) }</AppLink>
        </p>
    }
}

/// A trainee's enrol form: the profile reminder, the business licence when
/// asked (`licence`, with its error), and the enrol or waitlist button.
fn enrol_form(
    lang: Lang,
    form: &UseReducerHandle<Form>,
    profile_todo: bool,
    full: bool,
    licence: Option<Option<AttrValue>>,
    on_enrol: Callback<SubmitEvent>,
) -> Html {
    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    html! {
        <form class="form" novalidate=true onsubmit={on_enrol}>
            if profile_todo {
                <p class="alert alert-info">
                    { t(lang, ClassesKey::ProfileNeededToEnrol) }{ " " }
                    <AppLink to={Route::Profile}>{ t(lang, AccountsKey::CardProfileAction) }</AppLink>
                </p>
            }
            if let Some(licence_error) = licence {
                <TextField
                    id="business_licence"
                    label={t(lang, ClassesKey::BusinessLicence)}
                    hint={AttrValue::from(t(lang, ClassesKey::BusinessLicenceHint))}
                    autocomplete={AttrValue::Static("off")}
                    maxlength={18}
                    value={form.value("business_licence")}
                    error={licence_error}
                    oninput={setter(form, "business_licence")}
                />
            }
            <button id="enrol" type="submit" class="button primary" disabled={submitting} aria-busy={busy}>
                { if submitting { t(lang, CommonKey::Submitting) } else if full { t(lang, ClassesKey::JoinWaitlist) } else { t(lang, ClassesKey::Enrol) } }
            </button>
        </form>
    }
}

/// Props of [`EnrolError`].
#[derive(Properties, PartialEq)]
struct EnrolErrorProps {
    failure: Option<ApiError>,
    /// The licence field is on screen (its error sits beside it).
    shown_licence: bool,
}

/// Why enrolling or withdrawing failed; an incomplete profile links to it.
#[function_component]
fn EnrolError(props: &EnrolErrorProps) -> Html {
    let lang = use_lang();
    let Some(failure) = &props.failure else { return html! {} };
    let code = match failure {
        ApiError::Server { body, .. } => Some(body.code),
        ApiError::Network => None,
    };
    let others: Vec<String> = failure
        .fields()
        .into_iter()
        .filter(|(field, _)| !(props.shown_licence && field == "business_licence"))
        .map(|(field, code)| i18n::field_message(lang, &field, code))
        .collect();
    html! {
        <div id="enrol-error" class="alert alert-error" role="alert">
            <p>{ failure_message(lang, failure) }</p>
            if !others.is_empty() {
                <ul>{ for others.into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
            if code == Some(ErrorCode::ProfileIncomplete) {
                <p>
                    <AppLink id="enrol-profile-link" to={Route::Profile} classes={classes!("button", "secondary")}>
                        { t(lang, AccountsKey::CardProfileAction) }
                    </AppLink>
                </p>
            }
        </div>
    }
}
