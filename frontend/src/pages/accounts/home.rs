//! The home page: what Malanhua is, and a dashboard once signed in.

use std::rc::Rc;

use malanhua_shared::Role;
use malanhua_shared::api::Me;
use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{Key, Lang, t, tf};

/// One card on the dashboard.
#[derive(Debug, Clone, PartialEq)]
struct Card {
    title: String,
    body: String,
    /// A link to an existing page, with its label.
    action: Option<(Route, String)>,
    /// Draws attention (something to do).
    todo: bool,
}

/// The cards for the signed-in person, by role. Later features
/// (certificates, subsidies, mentors) add their cards here, each linking
/// only to pages that exist.
fn dashboard_cards(lang: Lang, me: &Me, regions: Option<&Regions>) -> Vec<Card> {
    let region_label = |code: Option<&malanhua_shared::RegionCode>, fallback: Option<&str>| match regions {
        Some(r) => r.label(lang, code, fallback),
        None => fallback.map(str::to_owned).or_else(|| code.map(|c| c.as_str().to_owned())).unwrap_or_default(),
    };
    let mut cards = Vec::new();
    let is_trainee = me.roles.is_empty() || me.roles.iter().any(|g| g.role == Role::Trainee);
    if is_trainee {
        cards.push(if me.profile_complete {
            Card {
                title: t(lang, Key::CardProfileDoneTitle).to_owned(),
                body: t(lang, Key::CardProfileDoneBody).to_owned(),
                action: Some((Route::Profile, t(lang, Key::CardProfileAction).to_owned())),
                todo: false,
            }
        } else {
            Card {
                title: t(lang, Key::CardProfileTodoTitle).to_owned(),
                body: t(lang, Key::CardProfileTodoBody).to_owned(),
                action: Some((Route::Profile, t(lang, Key::CardProfileAction).to_owned())),
                todo: true,
            }
        });
        cards.push(Card {
            title: t(lang, Key::CardClassesTitle).to_owned(),
            body: t(lang, Key::CardClassesBody).to_owned(),
            action: Some((Route::Classes, t(lang, Key::BrowseClasses).to_owned())),
            todo: false,
        });
        cards.push(Card {
            title: t(lang, Key::CardMyClassesTitle).to_owned(),
            body: t(lang, Key::CardMyClassesBody).to_owned(),
            action: Some((Route::MyClasses, t(lang, Key::CardMyClassesAction).to_owned())),
            todo: false,
        });
        cards.push(Card {
            title: t(lang, Key::MySubsidiesTitle).to_owned(),
            body: t(lang, Key::CardMySubsidiesBody).to_owned(),
            action: Some((Route::MySubsidies, t(lang, Key::CardMySubsidiesAction).to_owned())),
            todo: false,
        });
    }
    for grant in &me.roles {
        match grant.role {
            Role::Admin => cards.push(Card {
                title: t(lang, Key::CardAdminTitle).to_owned(),
                body: t(lang, Key::CardAdminBody).to_owned(),
                action: Some((Route::Admin, t(lang, Key::CardAdminAction).to_owned())),
                todo: false,
            }),
            Role::BureauOfficer => {
                let region = region_label(grant.region.as_ref(), grant.region_name.as_deref());
                cards.push(Card {
                    title: t(lang, Key::CardBureauTitle).to_owned(),
                    body: tf(lang, Key::CardBureauBody, &[&region]),
                    action: Some((Route::Admin, t(lang, Key::CardBureauAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, Key::CardReviewTitle).to_owned(),
                    body: tf(lang, Key::CardReviewBody, &[&region]),
                    action: Some((Route::Bureau, t(lang, Key::CardReviewAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, Key::BureauClaimsTitle).to_owned(),
                    body: tf(lang, Key::CardBureauClaimsBody, &[&region]),
                    action: Some((Route::BureauClaims, t(lang, Key::CardBureauClaimsAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, Key::BureauGroupsTitle).to_owned(),
                    body: t(lang, Key::CardBureauGroupsBody).to_owned(),
                    action: Some((Route::BureauGroups, t(lang, Key::CardBureauGroupsAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, Key::SubsidyPoliciesTitle).to_owned(),
                    body: tf(lang, Key::CardSubsidyPoliciesBody, &[&region]),
                    action: Some((Route::SubsidyPolicies, t(lang, Key::CardSubsidyPoliciesAction).to_owned())),
                    todo: false,
                });
            }
            Role::InstitutionStaff => {
                let institution = grant.institution.as_ref().map(|i| i.name.clone()).unwrap_or_default();
                let region = region_label(grant.region.as_ref(), grant.region_name.as_deref());
                cards.push(Card {
                    title: t(lang, Key::CardInstitutionTitle).to_owned(),
                    body: tf(lang, Key::CardInstitutionBody, &[&institution, &region]),
                    action: Some((Route::Institution, t(lang, Key::CardInstitutionAction).to_owned())),
                    todo: false,
                });
            }
            Role::Mentor => cards.push(Card {
                title: t(lang, Key::CardMentorTitle).to_owned(),
                body: t(lang, Key::CardMentorBody).to_owned(),
                action: None,
                todo: false,
            }),
            Role::Trainee => {}
        }
    }
    cards.push(Card {
        title: t(lang, Key::NoticesTitle).to_owned(),
        body: t(lang, Key::CardNoticesBody).to_owned(),
        action: Some((Route::Notices, t(lang, Key::CardNoticesAction).to_owned())),
        todo: false,
    });
    cards
}

/// Props of [`Dashboard`].
#[derive(Properties, PartialEq)]
struct DashboardProps {
    me: Rc<Me>,
}

/// The signed-in person's cards (loads the regions to name them).
#[function_component]
fn Dashboard(props: &DashboardProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let me = &props.me;
    let name = me.real_name.clone().unwrap_or_else(|| me.mobile.clone());
    let regions = regions.loaded();
    let cards = dashboard_cards(lang, me, regions.as_deref());
    html! {
        <section class="dashboard" aria-labelledby="dashboard-title">
            <h2 id="dashboard-title">{ t(lang, Key::DashboardTitle) }</h2>
            <p>{ tf(lang, Key::Welcome, &[&name]) }</p>
            <ul class="cards">
                { for cards.into_iter().map(|card| html! {
                    <li class={classes!("card", card.todo.then_some("card-todo"))}>
                        <h3>{ card.title }</h3>
                        <p>{ card.body }</p>
                        if let Some((to, label)) = card.action {
                            <AppLink {to} classes={classes!("button", if card.todo { "primary" } else { "secondary" })}>
                                { label }
                            </AppLink>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// `/`
#[function_component]
pub fn HomePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    use_title(Key::HomeTitle);
    html! {
        <div class="page">
            <section class="hero">
                <h1>{ t(lang, Key::HomeTitle) }</h1>
                <p class="lead">{ t(lang, Key::HomeIntro) }</p>
                <p>{ t(lang, Key::HomeIntro2) }</p>
                <p class="actions">
                    <AppLink id="home-classes" to={Route::Classes} classes={classes!("button", "primary")}>{ t(lang, Key::BrowseClasses) }</AppLink>
                    if !session.signed_in() && !session.loading() {
                        <AppLink to={Route::Register} classes={classes!("button", "secondary")}>{ t(lang, Key::HomeSignup) }</AppLink>
                        <AppLink to={Route::Login} classes={classes!("button", "secondary")}>{ t(lang, Key::HomeSignin) }</AppLink>
                    }
                </p>
            </section>
            if let Some(me) = session.me.clone() {
                <Dashboard {me} />
            }
        </div>
    }
}
