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
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, JourneyKey, Lang, SubsidiesKey, t};

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
                title: t(lang, AccountsKey::CardProfileDoneTitle).to_owned(),
                body: t(lang, AccountsKey::CardProfileDoneBody).to_owned(),
                action: Some((Route::Profile, t(lang, AccountsKey::CardProfileAction).to_owned())),
                todo: false,
            }
        } else {
            Card {
                title: t(lang, AccountsKey::CardProfileTodoTitle).to_owned(),
                body: t(lang, AccountsKey::CardProfileTodoBody).to_owned(),
                action: Some((Route::Profile, t(lang, AccountsKey::CardProfileAction).to_owned())),
                todo: true,
            }
        });
        cards.push(Card {
            title: t(lang, JourneyKey::JourneyTitle).to_owned(),
            body: t(lang, JourneyKey::CardJourneyBody).to_owned(),
            action: Some((Route::MyJourney, t(lang, JourneyKey::JourneyTitle).to_owned())),
            todo: false,
        });
        cards.push(Card {
            title: t(lang, ClassesKey::CardClassesTitle).to_owned(),
            body: t(lang, ClassesKey::CardClassesBody).to_owned(),
            action: Some((Route::Classes, t(lang, CommonKey::BrowseClasses).to_owned())),
            todo: false,
        });
        cards.push(Card {
            title: t(lang, ClassesKey::CardMyClassesTitle).to_owned(),
            body: t(lang, ClassesKey::CardMyClassesBody).to_owned(),
            action: Some((Route::MyClasses, t(lang, ClassesKey::CardMyClassesAction).to_owned())),
            todo: false,
        });
        cards.push(Card {
            title: t(lang, SubsidiesKey::MySubsidiesTitle).to_owned(),
            body: t(lang, SubsidiesKey::CardMySubsidiesBody).to_owned(),
            action: Some((Route::MySubsidies, t(lang, SubsidiesKey::CardMySubsidiesAction).to_owned())),
            todo: false,
        });
    }
    for grant in &me.roles {
        match grant.role {
            Role::Admin => cards.push(Card {
                title: t(lang, AccountsKey::CardAdminTitle).to_owned(),
                body: t(lang, AccountsKey::CardAdminBody).to_owned(),
                action: Some((Route::Admin, t(lang, AccountsKey::CardAdminAction).to_owned())),
                todo: false,
            }),
            Role::BureauOfficer => {
                let region = region_label(grant.region.as_ref(), grant.region_name.as_deref());
                cards.push(Card {
                    title: t(lang, AccountsKey::CardBureauTitle).to_owned(),
                    body: i18n::card_bureau_body(lang, &region),
                    action: Some((Route::Admin, t(lang, AccountsKey::CardBureauAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, ClassesKey::CardReviewTitle).to_owned(),
                    body: i18n::card_review_body(lang, &region),
                    action: Some((Route::Bureau, t(lang, ClassesKey::CardReviewAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, SubsidiesKey::BureauClaimsTitle).to_owned(),
                    body: i18n::card_bureau_claims_body(lang, &region),
                    action: Some((Route::BureauClaims, t(lang, SubsidiesKey::CardBureauClaimsAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, SubsidiesKey::BureauGroupsTitle).to_owned(),
                    body: t(lang, SubsidiesKey::CardBureauGroupsBody).to_owned(),
                    action: Some((Route::BureauGroups, t(lang, SubsidiesKey::CardBureauGroupsAction).to_owned())),
                    todo: false,
                });
                cards.push(Card {
                    title: t(lang, SubsidiesKey::SubsidyPoliciesTitle).to_owned(),
                    body: i18n::card_subsidy_policies_body(lang, &region),
                    action: Some((Route::SubsidyPolicies, t(lang, SubsidiesKey::CardSubsidyPoliciesAction).to_owned())),
                    todo: false,
                });
            }
            Role::InstitutionStaff => {
                let institution = grant.institution.as_ref().map(|i| i.name.clone()).unwrap_or_default();
                let region = region_label(grant.region.as_ref(), grant.region_name.as_deref());
                cards.push(Card {
                    title: t(lang, AccountsKey::CardInstitutionTitle).to_owned(),
                    body: i18n::card_institution_body(lang, &institution, &region),
                    action: Some((Route::Institution, t(lang, ClassesKey::CardInstitutionAction).to_owned())),
                    todo: false,
                });
            }
            Role::Mentor => cards.push(Card {
                title: t(lang, AccountsKey::CardMentorTitle).to_owned(),
                body: t(lang, AccountsKey::CardMentorBody).to_owned(),
                action: None,
                todo: false,
            }),
            Role::Trainee => {}
        }
    }
    cards.push(Card {
        title: t(lang, SubsidiesKey::NoticesTitle).to_owned(),
        body: t(lang, SubsidiesKey::CardNoticesBody).to_owned(),
        action: Some((Route::Notices, t(lang, SubsidiesKey::CardNoticesAction).to_owned())),
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
            <h2 id="dashboard-title">{ t(lang, AccountsKey::DashboardTitle) }</h2>
            <p>{ i18n::welcome(lang, &name) }</p>
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
    use_title(AccountsKey::HomeTitle);
    html! {
        <div class="page">
            <section class="hero">
                <h1>{ t(lang, AccountsKey::HomeTitle) }</h1>
                <p class="lead">{ t(lang, AccountsKey::HomeIntro) }</p>
                <p>{ t(lang, AccountsKey::HomeIntro2) }</p>
                <p class="actions">
                    <AppLink id="home-classes" to={Route::Classes} classes={classes!("button", "primary")}>{ t(lang, CommonKey::BrowseClasses) }</AppLink>
                    if !session.signed_in() && !session.loading() {
                        <AppLink to={Route::Register} classes={classes!("button", "secondary")}>{ t(lang, AccountsKey::HomeSignup) }</AppLink>
                        <AppLink to={Route::Login} classes={classes!("button", "secondary")}>{ t(lang, AccountsKey::HomeSignin) }</AppLink>
                    }
                </p>
            </section>
            if let Some(me) = session.me.clone() {
                <Dashboard {me} />
            }
        </div>
    }
}
