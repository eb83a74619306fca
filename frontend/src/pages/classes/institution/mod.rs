//! `/institution`: a training institution's workbench: its classes, a new
//! opening request (开班申请) and its trainers.

mod new_class;
mod sessions;
mod trainer_form;

use std::rc::Rc;

use malanhua_shared::Role;
use malanhua_shared::api::RoleGrant;
use malanhua_shared::api::classes::{ClassDetail, ClassSummary, Trainer};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, hours_text, kind_badge, status_badge};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, ClassesKey, CommonKey, Lang, t};
use new_class::NewClassForm;
use trainer_form::TrainerForm;

/// `/institution` (signed in only; institution staff).
#[function_component]
pub fn InstitutionPage() -> Html {
    use_title(ClassesKey::InstitutionTitle);
    html! {
        <RequireSignIn>
            <Institution />
        </RequireSignIn>
    }
}

#[function_component]
fn Institution() -> Html {
    let lang = use_lang();
    let session = use_session();
    match session.grants(Role::InstitutionStaff).into_iter().next() {
        Some(grant) => html! { <Workbench {grant} /> },
        None => html! {
            <section class="page narrow">
                <h1>{ t(lang, ClassesKey::InstitutionTitle) }</h1>
                <p class="alert alert-error" role="alert" id="forbidden">{ t(lang, ClassesKey::InstitutionForbidden) }</p>
            </section>
        },
    }
}

/// Props of [`Workbench`].
#[derive(Properties, PartialEq)]
struct WorkbenchProps {
    /// The staff member's grant: institution and region.
    grant: RoleGrant,
}

#[function_component]
fn Workbench(props: &WorkbenchProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let (trainers, retry_trainers) = use_remote((), |()| api::trainers::trainers());
    let (classes, reload_classes) = use_remote((), |()| api::classes::institution_classes());
    let grant = &props.grant;
    let institution = grant.institution.as_ref().map(|i| i.name.clone()).unwrap_or_default();
    let region = match (regions.loaded(), &grant.region) {
        (Some(r), Some(code)) => r.full_label(lang, code, grant.region_name.as_deref()),
        _ => grant.region_name.clone().unwrap_or_default(),
    };
    let on_trainer = {
        let trainers = trainers.clone();
        Callback::from(move |added: Trainer| {
            let mut list = trainers.loaded().cloned().unwrap_or_default();
            list.retain(|t| t.id != added.id);
            list.push(added);
            trainers.set(Remote::Loaded(list));
        })
    };
    let on_filed = reload_classes.reform(|_: Rc<ClassDetail>| ());
    let trainer_list = trainers.loaded().cloned().unwrap_or_default();

    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::InstitutionTitle) }</h1>
            <p class="lead" id="institution-name">{ i18n::card_institution_body(lang, &institution, &region) }</p>
            <section class="panel" aria-labelledby="classes-title">
                <h2 id="classes-title">{ t(lang, ClassesKey::InstitutionClasses) }</h2>
                { remote_view(lang, &classes, "institution-classes-error", &reload_classes, |list| classes_table(lang, list)) }
            </section>
            <div class="forms wide-first">
                <NewClassForm trainers={trainer_list} region={grant.region.clone()} {on_filed} />
                <section class="panel" aria-labelledby="trainers-title">
                    <h2 id="trainers-title">{ t(lang, CommonKey::TrainersTitle) }</h2>
                    { remote_view(lang, &trainers, "trainer-list-error", &retry_trainers, |list| trainer_list_view(lang, list)) }
                    <TrainerForm on_created={on_trainer} />
                </section>
            </div>
        </div>
    }
}

fn classes_table(lang: Lang, list: &[ClassSummary]) -> Html {
    html! {
        <>
            { stack_table("institution-classes", &[t(lang, CommonKey::ColClass).into(), t(lang, CommonKey::CourseKindLabel).into(), t(lang, CommonKey::ClassDates).into(), t(lang, CommonKey::ClassHours).into(), t(lang, CommonKey::ColEnrolled).into(), t(lang, CommonKey::ColStatus).into(), t(lang, CommonKey::ColActions).into()], html! { <>
                        { for list.iter().map(|c| html! {
                            <tr key={c.id.to_string()}>
                                <td data-label={t(lang, CommonKey::ColClass)}>
                                    <AppLink to={Route::Class { id: c.id.to_string() }}>{ c.title.clone() }</AppLink>
                                </td>
                                <td data-label={t(lang, CommonKey::CourseKindLabel)}>{ kind_badge(lang, c.kind) }</td>
                                <td data-label={t(lang, CommonKey::ClassDates)}>{ date_range(lang, c) }</td>
                                <td data-label={t(lang, CommonKey::ClassHours)}>{ hours_text(lang, c) }</td>
                                <td data-label={t(lang, CommonKey::ColEnrolled)}>
                                    <span>
                                        { i18n::seats_taken(lang, &c.taken.to_string(), &c.capacity.to_string()) }
                                        if c.waitlisted > 0 {
                                            <br />
                                            <span class="muted">{ i18n::waitlisted_count(lang, &c.waitlisted.to_string()) }</span>
                                        }
                                    </span>
                                </td>
                                <td data-label={t(lang, CommonKey::ColStatus)} id={format!("class-{}-status", c.id)}>{ status_badge(lang, c.status) }</td>
                                <td data-label={t(lang, CommonKey::ColActions)}>
                                    <AppLink id={format!("roster-{}", c.id)} to={Route::Roster { id: c.id.to_string() }}>
                                        { t(lang, ClassesKey::OpenRoster) }
                                    </AppLink>
                                </td>
                            </tr>
                        }) }
            </> }) }
            if list.is_empty() {
                <p class="empty">{ t(lang, ClassesKey::NoClassesYet) }</p>
            }
        </>
    }
}

fn trainer_list_view(lang: Lang, list: &[Trainer]) -> Html {
    html! {
        <>
            <ul id="trainer-list" class="plain rows">
                { for list.iter().map(|tr| html! {
                    <li key={tr.id.to_string()} id={format!("trainer-{}", tr.id)}>
                        <strong>{ tr.name.clone() }</strong>
                        { " " }
                        <span class="muted">{ i18n::qualification_shown(lang, &tr.qualification_no) }</span>
                    </li>
                }) }
            </ul>
            if list.is_empty() {
                <p class="empty">{ t(lang, ClassesKey::NoTrainersYet) }</p>
            }
        </>
    }
}
