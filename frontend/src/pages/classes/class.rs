//! `/classes/:id`: one class with its sessions and trainers; trainees enrol
//! or withdraw here.

use std::rc::Rc;

use malanhua_shared::ErrorCode;
use malanhua_shared::FieldCode;
use malanhua_shared::api::classes::{ClassDetail, ClassSession, EnrolRequest, MyEnrolment};
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, hours_text, kind_badge, region_label, seats_text, status_badge};
use crate::components::focus;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::notifications::use_unread;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::use_remote;
use crate::hooks::session::{LoginQuery, use_session};
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, Lang, t};
use crate::time::in_shanghai;

/// Props of [`ClassPage`].
#[derive(Properties, PartialEq)]
pub struct ClassPageProps {
    /// The class id from the path.
    pub id: String,
}

/// `/classes/:id` (public; a signed-in trainee sees their place).
#[function_component]
pub fn ClassPage(props: &ClassPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    use_title(ClassesKey::ClassPageTitle);
    // Loaded again on sign-in or sign-out, so `my_enrolment` follows.
    let has_token = session.token.is_some();
    let (detail, reload) =
        use_remote((props.id.clone(), has_token), |(id, _)| async move { api::classes::class(&id).await.map(Rc::new) });
    html! {
        <div class="page">
            <p class="back"><AppLink to={Route::Classes}>{ t(lang, ClassesKey::BackToCatalogue) }</AppLink></p>
            { remote_view(lang, &detail, "class-error", &reload, |d| html! {
                <ClassView detail={d.clone()} on_change={reload.clone()} />
            }) }
        </div>
    }
}

/// Props of [`ClassView`].
#[derive(Properties, PartialEq)]
struct ClassViewProps {
    detail: Rc<ClassDetail>,
    /// Load the class again (after enrolling or withdrawing).
    on_change: Callback<()>,
}

#[function_component]
fn ClassView(props: &ClassViewProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let detail = &props.detail;
    let s = &detail.summary;
    let place = match &s.place {
        Some(place) => place.clone(),
        None => t(lang, CommonKey::OnlinePlace).to_owned(),
    };
    let window =
        i18n::date_range(lang, &i18n::datetime(lang, s.enrol_opens_at), &i18n::datetime(lang, s.enrol_closes_at));
    let reason =
        detail.status_reason.clone().filter(|_| matches!(s.status, ClassStatus::Rejected | ClassStatus::Cancelled));
    html! {
        <article class="class-page" aria-labelledby="class-title">
            <header class="class-head">
                <p class="class-badges">
                    { kind_badge(lang, s.kind) }
                    <span class="muted">{ i18n::kind_name(lang, s.kind) }</span>
                    if s.status != ClassStatus::Approved {
                        { status_badge(lang, s.status) }
                    }
                </p>
                <h1 id="class-title">{ s.title.clone() }</h1>
                <p class="lead">{ s.institution.name.clone() }</p>
            </header>
            if let Some(reason) = reason {
                <p class="alert alert-info" id="class-status-reason">{ i18n::status_reason(lang, &reason) }</p>
            }
            <div class="class-layout">
                <EnrolPanel detail={detail.clone()} on_change={props.on_change.clone()} />
                <section class="panel" aria-labelledby="facts-title">
                    <h2 id="facts-title">{ t(lang, ClassesKey::ClassFacts) }</h2>
                    <dl class="facts">
                        <div><dt>{ t(lang, CommonKey::CourseKindLabel) }</dt><dd>{ i18n::kind_name(lang, s.kind) }</dd></div>
                        <div><dt>{ t(lang, CommonKey::InstitutionLabel) }</dt><dd>{ s.institution.name.clone() }</dd></div>
                        <div><dt>{ t(lang, AccountsKey::ColRegion) }</dt><dd>{ region_label(lang, s, regions.as_deref()) }</dd></div>
                        <div><dt>{ t(lang, CommonKey::ClassModeLabel) }</dt><dd>{ i18n::mode_name(lang, s.mode) }</dd></div>
                        <div><dt>{ t(lang, CommonKey::PlaceLabel) }</dt><dd id="class-place-text">{ place }</dd></div>
                        <div><dt>{ t(lang, CommonKey::ClassDates) }</dt><dd id="class-dates">{ date_range(lang, s) }</dd></div>
                        <div><dt>{ t(lang, CommonKey::ClassHours) }</dt><dd id="class-hours">{ hours_text(lang, s) }</dd></div>
                        <div><dt>{ t(lang, ClassesKey::EnrolWindow) }</dt><dd id="enrol-window">{ window }</dd></div>
                        <div><dt>{ t(lang, CommonKey::Capacity) }</dt><dd>{ i18n::seats_taken(lang, &s.taken.to_string(), &s.capacity.to_string()) }</dd></div>
                        <div><dt>{ t(lang, ClassesKey::WaitlistCount) }</dt><dd>{ s.waitlisted.to_string() }</dd></div>
                    </dl>
                </section>
            </div>
            <section class="panel" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{ t(lang, CommonKey::SessionsTitle) }</h2>
                <p class="hint">{ t(lang, ClassesKey::TimesInShanghai) }</p>
                <div class="table-wrap">
                    <table id="sessions-table" class="stack">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, CommonKey::ColSeq) }</th>
                                <th scope="col">{ t(lang, CommonKey::ColDate) }</th>
                                <th scope="col">{ t(lang, CommonKey::ColTime) }</th>
                                <th scope="col">{ t(lang, CommonKey::ColTopic) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for detail.sessions.iter().map(|session| session_row(lang, session)) }
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="panel" aria-labelledby="trainers-title">
                <h2 id="trainers-title">{ t(lang, CommonKey::TrainersTitle) }</h2>
                <ul class="plain" id="class-trainers">
                    { for detail.trainers.iter().map(|tr| html! {
                        <li key={tr.id.clone()}>
                            { tr.name.clone() }
                            <span class="muted">{ i18n::qualification_shown(lang, &tr.qualification_no) }</span>
                        </li>
                    }) }
                </ul>
            </section>
        </article>
    }
}

fn session_row(lang: Lang, session: &ClassSession) -> Html {
    let start = in_shanghai(session.starts_at);
    let end = in_shanghai(session.ends_at);
    let day = start.date_naive();
    let time = format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"));
    html! {
        <tr key={session.id.clone()}>
            <td data-label={t(lang, CommonKey::ColSeq)}>{ session.seq.to_string() }</td>
            <td data-label={t(lang, CommonKey::ColDate)}>
                <time datetime={day.format("%Y-%m-%d").to_string()}>
                    { format!("{} {}", i18n::date(lang, day), i18n::weekday(lang, day)) }
                </time>
            </td>
            <td data-label={t(lang, CommonKey::ColTime)}>{ time }</td>
            <td data-label={t(lang, CommonKey::ColTopic)}>{ session.topic.clone() }</td>
        </tr>
    }
}

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
struct EnrolPanelProps {
    detail: Rc<ClassDetail>,
    on_change: Callback<()>,
}

/// Seats, the trainee's place, and the enrol or withdraw button.
#[function_component]
fn EnrolPanel(props: &EnrolPanelProps) -> Html {
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

    let on_enrol = {
        let form = form.clone();
        let latest = latest.clone();
        let on_change = props.on_change.clone();
        let refresh = unread.refresh.clone();
        let id = id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            let licence = form.value("business_licence").trim().to_uppercase();
            if show_licence && licence.is_empty() {
                focus("business_licence");
                let errors = [("business_licence".to_owned(), FieldIssue::Code(FieldCode::Required))].into();
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            let body = EnrolRequest { business_licence: show_licence.then_some(licence) };
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let latest = latest.clone();
            let on_change = on_change.clone();
            let refresh = refresh.clone();
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::classes::enrol(&id, &body).await {
                    Ok(place) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        latest.set(Some(place));
                        on_change.emit(());
                        refresh.emit(());
                    }
                    Err(error) => {
                        if error.fields().contains_key("business_licence") {
                            focus("business_licence");
                        }
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        })
    };
    let on_withdraw = {
        let form = form.clone();
        let latest = latest.clone();
        let on_change = props.on_change.clone();
        let refresh = unread.refresh.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            if form.submitting() {
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let latest = latest.clone();
            let on_change = on_change.clone();
            let refresh = refresh.clone();
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::classes::withdraw(&id).await {
                    Ok(place) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        latest.set(Some(place));
                        on_change.emit(());
                        refresh.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let on_sign_in = {
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(navigator) = &navigator {
                let query = LoginQuery { next: Some(format!("/classes/{id}")) };
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
            <button id="withdraw" type="button" class="button secondary" disabled={submitting} aria-busy={busy} onclick={on_withdraw}>
                { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, ClassesKey::Withdraw) } }
            </button>
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
        let full = s.seats_left == 0;
        html! {
            <form class="form" novalidate=true onsubmit={on_enrol}>
                if profile_todo {
                    <p class="alert alert-info">
                        { t(lang, ClassesKey::ProfileNeededToEnrol) }{ " " }
                        <AppLink to={Route::Profile}>{ t(lang, AccountsKey::CardProfileAction) }</AppLink>
                    </p>
                }
                if show_licence {
                    <TextField
                        id="business_licence"
                        label={t(lang, ClassesKey::BusinessLicence)}
                        hint={AttrValue::from(t(lang, ClassesKey::BusinessLicenceHint))}
                        autocomplete={AttrValue::Static("off")}
                        maxlength={18}
                        value={form.value("business_licence")}
                        error={licence_error}
                        oninput={setter(&form, "business_licence")}
                    />
                }
                <button id="enrol" type="submit" class="button primary" disabled={submitting} aria-busy={busy}>
                    { if submitting { t(lang, CommonKey::Submitting) } else if full { t(lang, ClassesKey::JoinWaitlist) } else { t(lang, ClassesKey::Enrol) } }
                </button>
            </form>
        }
    };

    html! {
        <section class="panel enrol-panel" aria-labelledby="enrol-title">
            <h2 id="enrol-title">{ t(lang, ClassesKey::EnrolTitle) }</h2>
            <p id="seats-left" class={classes!("seats-big", (s.seats_left == 0).then_some("seats-full"))}>
                { seats_text(lang, s) }
            </p>
            if let Some(mine) = &mine {
                <p id="enrolment-status" class={classes!("enrolment-status", mine.status.is_active().then_some("active"))} role="status">
                    { place_text(lang, mine) }
                </p>
            }
            <EnrolError failure={form.failure().cloned()} shown_licence={show_licence} />
            { action }
        </section>
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
