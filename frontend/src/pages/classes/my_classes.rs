//! `/my/classes`: the classes a trainee enrolled in or waits for.

use malanhua_shared::api::classes::MyClass;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, kind_badge, status_badge};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, ClassesKey, CommonKey, Lang, t};
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};

/// `/my/classes` (signed in only).
#[function_component]
pub fn MyClassesPage() -> Html {
    use_title(ClassesKey::MyClassesTitle);
    html! {
        <RequireSignIn>
            <MyClasses />
        </RequireSignIn>
    }
}

#[function_component]
fn MyClasses() -> Html {
    let lang = use_lang();
    let (list, retry) = use_remote((), |()| api::classes::my_classes());
    html! {
        <div class="page">
            <h1>{ t(lang, ClassesKey::MyClassesTitle) }</h1>
            <p>{ t(lang, ClassesKey::MyClassesLead) }</p>
            { remote_view(lang, &list, "my-classes-error", &retry, |list| my_list(lang, list)) }
            <p class="aside">
                <AppLink to={Route::Classes} classes={classes!("button", "secondary")}>{ t(lang, CommonKey::BrowseClasses) }</AppLink>
            </p>
        </div>
    }
}

/// The badge colour of a place.
fn enrolment_tone(status: EnrolmentStatus) -> &'static str {
    match status {
        EnrolmentStatus::Enrolled => "badge-ok",
        EnrolmentStatus::Waitlisted => "badge-todo",
        EnrolmentStatus::Withdrawn | EnrolmentStatus::Cancelled => "badge-muted",
    }
}

/// "Enrolled", "Waitlist position 3", "Withdrawn"...
pub fn enrolment_text(lang: Lang, status: EnrolmentStatus, position: Option<u32>) -> String {
    match (status, position) {
        (EnrolmentStatus::Waitlisted, Some(p)) => i18n::waitlist_position(lang, &p.to_string()),
        (status, _) => i18n::enrolment_status_name(lang, status).to_owned(),
    }
}

/// One row per class: the place held now, else the first one listed.
fn one_per_class(list: &[MyClass]) -> Vec<&MyClass> {
    let mut rows: Vec<&MyClass> = Vec::new();
    for m in list {
        match rows.iter_mut().find(|r| r.class.id == m.class.id) {
            Some(row) => {
                if m.enrolment.status.is_active() && !row.enrolment.status.is_active() {
                    *row = m;
                }
            }
            None => rows.push(m),
        }
    }
    rows
}

fn my_list(lang: Lang, list: &[MyClass]) -> Html {
    let list = one_per_class(list);
    if list.is_empty() {
        return html! { <p class="empty" id="my-classes-empty">{ t(lang, ClassesKey::MyClassesEmpty) }</p> };
    }
    html! {
        { stack_table("my-classes", &[t(lang, CommonKey::ColClass).into(), t(lang, CommonKey::CourseKindLabel).into(), t(lang, CommonKey::ClassDates).into(), t(lang, CommonKey::ColMyPlace).into()], html! { <>
                    { for list.iter().map(|m| {
                        let c = &m.class;
                        let e = &m.enrolment;
                        html! {
                            <tr key={c.id.to_string()}>
                                <td data-label={t(lang, CommonKey::ColClass)}>
                                    <span>
                                        <AppLink id={format!("my-class-{}", c.id)} to={Route::Class { id: c.id.to_string() }}>{ c.title.clone() }</AppLink>
                                        if c.status != ClassStatus::Approved {
                                            { " " }{ status_badge(lang, c.status) }
                                        }
                                        if e.status.is_active() {
                                            { " · " }
                                            <AppLink id={format!("my-class-{}-record", c.id)} to={Route::MyClass { id: c.id.to_string() }}>{ t(lang, CertificatesKey::MyClassRecord) }</AppLink>
                                        }
                                    </span>
                                </td>
                                <td data-label={t(lang, CommonKey::CourseKindLabel)}>{ kind_badge(lang, c.kind) }</td>
                                <td data-label={t(lang, CommonKey::ClassDates)}>{ date_range(lang, c) }</td>
                                <td data-label={t(lang, CommonKey::ColMyPlace)} id={format!("my-class-{}-status", c.id)}>
                                    <span class={classes!("badge", enrolment_tone(e.status))}>
                                        { enrolment_text(lang, e.status, e.waitlist_position) }
                                    </span>
                                </td>
                            </tr>
                        }
                    }) }
        </> }) }
    }
}
