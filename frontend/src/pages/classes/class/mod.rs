//! `/classes/:id`: one class with its sessions and trainers; trainees enrol
//! or withdraw here.

mod enrol;

use std::rc::Rc;

use malanhua_shared::api::classes::{ClassDetail, ClassSession};
use malanhua_shared::course::ClassStatus;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, hours_text, kind_badge, region_label, status_badge};
use crate::components::remote_view::remote_view;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_object_title;
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, Lang, t};
use crate::time::in_shanghai;
use enrol::EnrolPanel;

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
    // Loaded again on sign-in or sign-out, so `my_enrolment` follows.
    let has_token = session.token.is_some();
    let (detail, reload) =
        use_remote((props.id.clone(), has_token), |(id, _)| async move { api::classes::class(&id).await.map(Rc::new) });
    use_object_title(ClassesKey::ClassPageTitle, detail.loaded().map(|d| d.summary.title.clone()));
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
                { stack_table("sessions-table", &[t(lang, CommonKey::ColSeq).into(), t(lang, CommonKey::ColDate).into(), t(lang, CommonKey::ColTime).into(), t(lang, CommonKey::ColTopic).into()], html! { <>
                            { for detail.sessions.iter().map(|session| session_row(lang, session)) }
                </> }) }
            </section>
            <section class="panel" aria-labelledby="trainers-title">
                <h2 id="trainers-title">{ t(lang, CommonKey::TrainersTitle) }</h2>
                <ul class="plain" id="class-trainers">
                    { for detail.trainers.iter().map(|tr| html! {
                        <li key={tr.id.to_string()}>
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
        <tr key={session.id.to_string()}>
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
