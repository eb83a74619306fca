//! `/notifications`: what happened to the person's classes and enrolments.

use malanhua_shared::Role;
use malanhua_shared::api::classes::Notification;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::notifications::use_unread;
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, ClassesKey, CommonKey, Lang, MentorsKey, OutcomesKey, SubsidiesKey, t};
use malanhua_shared::audit::NotificationKind;

/// `/notifications` (signed in only).
#[function_component]
pub fn NotificationsPage() -> Html {
    use_title(ClassesKey::NotificationsTitle);
    html! {
        <RequireSignIn>
            <Notifications />
        </RequireSignIn>
    }
}

#[function_component]
fn Notifications() -> Html {
    let lang = use_lang();
    let unread = use_unread();
    let session = use_session();
    // Staff hear about their institution's claims; trainees about their own.
    let staff = session.has_role(Role::InstitutionStaff) && !session.is_trainee();
    let (list, reload) = use_remote((), |()| api::notifications::notifications());
    let failure = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    // Marks these read one by one, then loads the list and the count again.
    let mark = {
        let failure = failure.clone();
        let busy = busy.clone();
        let reload = reload.clone();
        let refresh = unread.refresh.clone();
        Callback::from(move |ids: Vec<String>| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            let failure = failure.clone();
            let busy = busy.clone();
            let reload = reload.clone();
            let refresh = refresh.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for id in ids {
                    if let Err(e) = api::notifications::mark_read(&id).await {
                        failure.set(Some(e));
                        break;
                    }
                }
                busy.set(false);
                reload.emit(());
                refresh.emit(());
            });
        })
    };

    let unread_ids: Vec<String> = list
        .loaded()
        .map(|l| l.iter().filter(|n| n.read_at.is_none()).map(|n| n.id.to_string()).collect())
        .unwrap_or_default();
    let on_all = {
        let mark = mark.clone();
        let ids = unread_ids.clone();
        Callback::from(move |_: MouseEvent| mark.emit(ids.clone()))
    };
    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::NotificationsTitle) }</h1>
            if let Some(error) = &*failure {
                <p class="alert alert-error" role="alert" id="notifications-error">{ failure_message(lang, error) }</p>
            }
            if !unread_ids.is_empty() {
                <p>
                    <button id="notifications-read-all" type="button" class="button secondary" disabled={*busy} onclick={on_all}>
                        { t(lang, ClassesKey::MarkAllRead) }
                    </button>
                </p>
            }
            { remote_view(lang, &list, "notification-list-error", &reload, |list| html! {
                <>
                    <ul id="notification-list" class="notification-list">
                        { for list.iter().map(|n| item(lang, n, &mark, *busy, staff)) }
                    </ul>
                    if list.is_empty() {
                        <p class="empty" id="notification-list-empty">{ t(lang, ClassesKey::NoNotifications) }</p>
                    }
                </>
            }) }
        </div>
    }
}

fn item(lang: Lang, n: &Notification, mark: &Callback<Vec<String>>, busy: bool, staff: bool) -> Html {
    let unread = n.read_at.is_none();
    let title = n.class_title.clone().or_else(|| n.subject_title.clone()).unwrap_or_default();
    let on_read = {
        let mark = mark.clone();
        let id = n.id.clone();
        Callback::from(move |_: MouseEvent| mark.emit(vec![id.to_string()]))
    };
    html! {
        <li key={n.id.to_string()} id={format!("notification-{}", n.id)} class={classes!("notification", unread.then_some("unread"))}>
            <p class="notification-text">
                if unread {
                    <span class="badge badge-todo">{ t(lang, CommonKey::Unread) }</span>{ " " }
                }
                { i18n::notification_text(lang, n.kind, &title) }
            </p>
            if let Some(reason) = &n.reason {
                <p class="notification-reason">{ i18n::status_reason(lang, reason.as_str()) }</p>
            }
            <p class="notification-meta muted">
                <time datetime={n.created_at.to_rfc3339()}>{ i18n::datetime(lang, n.created_at) }</time>
                if n.kind.is_about_a_claim() && n.kind != NotificationKind::FeeClaimDrafted {
                    { " · " }
                    if let Some(class_id) = n.class_id.as_ref().filter(|_| staff) {
                        <AppLink to={Route::ClassClaims { id: class_id.to_string() }}>{ t(lang, SubsidiesKey::BatchTitle) }</AppLink>
                    } else {
                        <AppLink to={Route::MySubsidies}>{ t(lang, SubsidiesKey::MySubsidiesTitle) }</AppLink>
                    }
                } else if matches!(n.kind, NotificationKind::NudgeUnclaimed | NotificationKind::NudgeWindowClosing | NotificationKind::NudgeDeclaration) {
                    { " · " }
                    <AppLink to={Route::MySubsidies}>{ t(lang, SubsidiesKey::MySubsidiesTitle) }</AppLink>
                } else if n.kind == NotificationKind::NudgeIyb {
                    { " · " }
                    <AppLink to={Route::Classes}>{ t(lang, CommonKey::NavClasses) }</AppLink>
                } else if let (NotificationKind::OutcomeFollowUp, Some(number)) = (n.kind, &n.subject_id) {
                    { " · " }
                    <AppLink to={Route::Certificate { number: number.clone() }}>{ t(lang, OutcomesKey::OutcomeTitle) }</AppLink>
                } else if let Some(class_id) = &n.class_id {
                    { " · " }
                    <AppLink to={Route::Class { id: class_id.to_string() }}>{ t(lang, CommonKey::ViewClass) }</AppLink>
                } else if let Some((route, label)) = mentor_link(n) {
                    { " · " }
                    <AppLink to={route}>{ t(lang, label) }</AppLink>
                }
            </p>
            if unread {
                <button id={format!("notification-{}-read", n.id)} type="button" class="button secondary small" disabled={busy} onclick={on_read}>
                    { t(lang, ClassesKey::MarkRead) }
                </button>
            }
        </li>
    }
}

/// Where a mentor-library notification leads: the mentor's own record, the
/// studio and a drafted fee claim to the workspace, an appointment or a group session to the person's appointments
/// (or, for a request, to the workspace).
fn mentor_link(n: &Notification) -> Option<(Route, MentorsKey)> {
    let kind = n.kind.as_str();
    if kind.starts_with("mentor_")
        || kind.starts_with("studio_")
        || matches!(n.kind, NotificationKind::AppointmentRequested | NotificationKind::FeeClaimDrafted)
    {
        Some((Route::MentorWorkspace, MentorsKey::NavWorkspace))
    } else if kind.starts_with("appointment_") || kind.starts_with("group_") {
        Some((Route::MyAppointments, MentorsKey::NavMyAppointments))
    } else {
        None
    }
}
