//! Routes and the page layout: header with navigation and language
//! switch, the main region, footer.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::app_link::AppLink;
use crate::hooks::lang::{LangProvider, use_lang, use_set_lang};
use crate::hooks::mentor_record::use_has_mentor_record;
use crate::hooks::notifications::{UnreadProvider, use_unread};
use crate::hooks::session::{SessionAction, SessionProvider, SessionStatus, sign_out, use_session};
use crate::i18n::{self, CertificatesKey, CommonKey, LifecycleKey, MentorsKey, StudiosKey, SubsidiesKey, t};
use crate::pages;
use malanhua_shared::Role;

/// Every page of the app.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    /// What Malanhua is; the dashboard once signed in.
    #[at("/")]
    Home,
    /// Sign up.
    #[at("/register")]
    Register,
    /// Sign in (`?next=` a path to return to).
    #[at("/login")]
    Login,
    /// A new password by SMS code: forgotten, locked out, or invited as staff.
    #[at("/reset")]
    Reset,
    /// The account and the real-name profile.
    #[at("/profile")]
    Profile,
    /// Staff accounts, for admins and bureau officers.
    #[at("/admin")]
    Admin,
    /// The signed-in person's password and sessions.
    #[at("/account")]
    Account,
    /// The public class catalogue (filters in the query).
    #[at("/classes")]
    Classes,
    /// One class: details, sessions, enrolment.
    #[at("/classes/:id")]
    Class {
        /// The class id.
        id: String,
    },
    /// A trainee's classes.
    #[at("/my/classes")]
    MyClasses,
    /// The institution's workbench: classes, opening requests, trainers.
    #[at("/institution")]
    Institution,
    /// A class's roster, for its institution.
    #[at("/institution/classes/:id")]
    Roster {
        /// The class id.
        id: String,
    },
    /// The bureau's workbench: opening requests and policies.
    #[at("/bureau")]
    Bureau,
    /// The signed-in person's notifications.
    #[at("/notifications")]
    Notifications,
    /// One session's attendance sheet and check-in code, for its institution.
    #[at("/institution/sessions/:id")]
    SessionAttendance {
        /// The session id.
        id: String,
    },
    /// A class's sessions, results and completion, for its institution.
    #[at("/institution/classes/:id/completion")]
    Completion {
        /// The class id.
        id: String,
    },
    /// Classes waiting for the bureau's completion decision.
    #[at("/bureau/completions")]
    BureauCompletions,
    /// The bureau's statistics (query in the address).
    #[at("/bureau/statistics")]
    BureauStatistics,
    /// 政策找人: people entitled but not yet served.
    #[at("/bureau/outreach")]
    BureauOutreach,
    /// The bureau's completion decision on one class.
    #[at("/bureau/completions/:id")]
    BureauCompletion {
        /// The class id.
        id: String,
    },
    /// 创业一件事: the founder's one page.
    #[at("/my/journey")]
    MyJourney,
    /// A trainee's record in one class, and check-in.
    #[at("/my/classes/:id")]
    MyClass {
        /// The class id.
        id: String,
    },
    /// A trainee's certificates.
    #[at("/my/certificates")]
    MyCertificates,
    /// One certificate, printable.
    #[at("/certificates/:number")]
    Certificate {
        /// The certificate number.
        number: String,
    },
    /// The public certificate check.
    #[at("/verify")]
    Verify,
    /// The public check of one number (the QR code's address).
    #[at("/verify/:number")]
    VerifyNumber {
        /// The certificate number.
        number: String,
    },
    /// A trainee's subsidy claims, eligibility and priority groups.
    #[at("/my/subsidies")]
    MySubsidies,
    /// One subsidy claim.
    #[at("/claims/:id")]
    Claim {
        /// The claim id.
        id: String,
    },
    /// An institution's subsidy batch for a class.
    #[at("/institution/classes/:id/claims")]
    ClassClaims {
        /// The class id.
        id: String,
    },
    /// The bureau's subsidy worklist.
    #[at("/bureau/claims")]
    BureauClaims,
    /// The bureau's check of priority-group declarations.
    #[at("/bureau/priority-groups")]
    BureauGroups,
    /// The bureau's subsidy standards.
    #[at("/bureau/subsidy-policies")]
    SubsidyPolicies,
    /// The bureau's deletion requests and resident-ID corrections.
    #[at("/bureau/personal-data")]
    PersonalData,
    /// The public notice of subsidy claims.
    #[at("/notices")]
    Notices,
    /// The public mentor directory (filters in the query).
    #[at("/mentors")]
    Mentors,
    /// One mentor: profile, free slots, booking, group sessions.
    #[at("/mentors/:id")]
    Mentor {
        /// The mentor id.
        id: String,
    },
    /// The signed-in person's appointments and group seats.
    #[at("/me/appointments")]
    MyAppointments,
    /// The mentor's workspace (or the application form).
    #[at("/mentor")]
    MentorWorkspace,
    /// The bureau's mentor library.
    #[at("/bureau/mentors")]
    BureauMentors,
    /// The public directory of mentor studios (filters in the query).
    #[at("/studios")]
    Studios,
    /// One studio: members, plan, documents, reports and evaluations.
    #[at("/studios/:id")]
    Studio {
        /// The studio id.
        id: String,
    },
    /// The bureau's studios: reports, evaluations, revocations and policies.
    #[at("/bureau/studios")]
    BureauStudios,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::accounts::home::HomePage /> },
        Route::Register => html! { <pages::accounts::register::RegisterPage /> },
        Route::Login => html! { <pages::accounts::login::LoginPage /> },
        Route::Reset => html! { <pages::accounts::reset::ResetPage /> },
        Route::Profile => html! { <pages::accounts::profile::ProfilePage /> },
        Route::Admin => html! { <pages::accounts::admin::AdminPage /> },
        Route::Account => html! { <pages::accounts::account::AccountPage /> },
        Route::Classes => html! { <pages::classes::catalogue::CataloguePage /> },
        Route::Class { id } => html! { <pages::classes::class::ClassPage {id} /> },
        Route::MyClasses => html! { <pages::classes::my_classes::MyClassesPage /> },
        Route::Institution => html! { <pages::classes::institution::InstitutionPage /> },
        Route::Roster { id } => html! { <pages::classes::roster::RosterPage {id} /> },
        Route::Bureau => html! { <pages::classes::bureau::BureauPage /> },
        Route::Notifications => html! { <pages::classes::notifications::NotificationsPage /> },
        Route::SessionAttendance { id } => html! { <pages::certificates::attendance::SessionAttendancePage {id} /> },
        Route::Completion { id } => html! { <pages::certificates::completion::CompletionPage {id} /> },
        Route::BureauCompletions => html! { <pages::certificates::bureau_completions::BureauCompletionsPage /> },
        Route::BureauStatistics => html! { <pages::statistics::StatisticsPage /> },
        Route::BureauOutreach => html! { <pages::statistics::outreach::OutreachPageView /> },
        Route::BureauCompletion { id } => {
            html! { <pages::certificates::bureau_completions::BureauCompletionPage {id} /> }
        }
        Route::MyJourney => html! { <pages::statistics::journey::JourneyPage /> },
        Route::MyClass { id } => html! { <pages::certificates::my_class::MyClassPage {id} /> },
        Route::MyCertificates => html! { <pages::certificates::certificate::MyCertificatesPage /> },
        Route::Certificate { number } => html! { <pages::certificates::certificate::CertificatePage {number} /> },
        Route::Verify => html! { <pages::certificates::verify::VerifyPage /> },
        Route::VerifyNumber { number } => html! { <pages::certificates::verify::VerifyPage number={Some(number)} /> },
        Route::MySubsidies => html! { <pages::subsidies::my_subsidies::MySubsidiesPage /> },
        Route::Claim { id } => html! { <pages::subsidies::claim::ClaimPage {id} /> },
        Route::ClassClaims { id } => html! { <pages::subsidies::class_claims::ClassClaimsPage {id} /> },
        Route::BureauClaims => html! { <pages::subsidies::bureau_claims::BureauClaimsPage /> },
        Route::BureauGroups => html! { <pages::subsidies::bureau_groups::BureauGroupsPage /> },
        Route::SubsidyPolicies => html! { <pages::subsidies::subsidy_policies::SubsidyPoliciesPage /> },
        Route::PersonalData => html! { <pages::privacy::personal_data::PersonalDataPage /> },
        Route::Notices => html! { <pages::subsidies::notices::NoticesPage /> },
        Route::Mentors => html! { <pages::mentors::directory::DirectoryPage /> },
        Route::Mentor { id } => html! { <pages::mentors::mentor::MentorPage {id} /> },
        Route::MyAppointments => html! { <pages::mentors::my_appointments::MyAppointmentsPage /> },
        Route::MentorWorkspace => html! { <pages::mentors::workspace::WorkspacePage /> },
        Route::BureauMentors => html! { <pages::mentors::bureau::BureauMentorsPage /> },
        Route::Studios => html! { <pages::studios::directory::StudiosPage /> },
        Route::Studio { id } => html! { <pages::studios::studio::StudioPage {id} /> },
        Route::BureauStudios => html! { <pages::studios::bureau::BureauStudiosPage /> },
        Route::NotFound => html! { <pages::not_found::NotFoundPage /> },
    }
}

/// The app: router, language, session, layout.
#[function_component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <LangProvider>
                <SessionProvider>
                    <UnreadProvider>
                        <Layout />
                    </UnreadProvider>
                </SessionProvider>
            </LangProvider>
        </BrowserRouter>
    }
}

/// Header, main region and footer around the current page.
#[function_component]
fn Layout() -> Html {
    let lang = use_lang();
    let set_lang = use_set_lang();
    let session = use_session();
    let unread = use_unread();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let main_ref = use_node_ref();
    let first_route = use_mut_ref(|| true);
    // On a phone (and a narrow window) the navigation opens from a menu button.
    let menu_open = use_state(|| false);
    crate::hooks::draft::use_draft_restore(session.signed_in());

    // Move focus to the main region after in-app navigation, so screen
    // readers start at the new page (not on the first load).
    {
        let (main_ref, menu_open) = (main_ref.clone(), menu_open.clone());
        use_effect_with(route.clone(), move |_| {
            menu_open.set(false);
            if let Some(menu) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("nav-account-menu"))
            {
                let _ = menu.remove_attribute("open");
            }
            let first = std::mem::replace(&mut *first_route.borrow_mut(), false);
            if !first && let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        });
    }

    let on_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let on_lang = {
        let set_lang = set_lang.clone();
        Callback::from(move |_: MouseEvent| set_lang.emit(lang.other()))
    };
    let on_logout = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            let session = session.clone();
            let navigator = navigator.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Whatever the server says, the token is forgotten here.
                let _ = api::auth::logout().await;
                sign_out(&session);
                if let Some(navigator) = &navigator {
                    navigator.push(&Route::Login);
                }
            });
        })
    };
    let on_retry = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| session.dispatch(SessionAction::Retry))
    };

    let signed_in = session.signed_in();
    let can_admin = session.has_role(Role::Admin) || session.has_role(Role::BureauOfficer);
    let is_trainee = session.is_trainee();
    let is_staff = session.has_role(Role::InstitutionStaff);
    let is_officer = session.has_role(Role::BureauOfficer);
    let is_mentor = use_has_mentor_record();
    let other = lang.other();

    html! {
        <>
            <a class="skip-link" href="#main">{ t(lang, CommonKey::SkipToContent) }</a>
            <header class="site-header">
                <div class="container header-inner">
                    <AppLink to={Route::Home} classes={classes!("brand")} label={t(lang, CommonKey::AppName)}>
                        <span class="brand-mark" aria-hidden="true">{ "✿" }</span>
                        <span aria-hidden="true">{ t(lang, CommonKey::AppShortName) }</span>
                    </AppLink>
                    <button
                        id="nav-menu-toggle"
                        type="button"
                        class="menu-toggle"
                        aria-expanded={if *menu_open { "true" } else { "false" }}
                        aria-controls="site-nav"
                        onclick={on_menu}
                    >
                        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                            <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
                        </svg>
                        { t(lang, CommonKey::NavMenu) }
                        if signed_in && unread.count > 0 {
                            <span class="count" aria-hidden="true">{ unread.count.to_string() }</span>
                        }
                    </button>
                    <nav id="site-nav" class={classes!("site-nav", menu_open.then_some("open"))} aria-label={t(lang, CommonKey::NavLabel)}>
                        <ul>
                            <li><AppLink id="nav-home" to={Route::Home}>{ t(lang, CommonKey::NavHome) }</AppLink></li>
                            <li><AppLink id="nav-classes" to={Route::Classes}>{ t(lang, CommonKey::NavClasses) }</AppLink></li>
                            <li><AppLink id="nav-notices" to={Route::Notices}>{ t(lang, SubsidiesKey::NavNotices) }</AppLink></li>
                            <li><AppLink id="nav-mentors" to={Route::Mentors}>{ t(lang, MentorsKey::NavMentors) }</AppLink></li>
                            <li><AppLink id="nav-studios" to={Route::Studios}>{ t(lang, StudiosKey::NavStudios) }</AppLink></li>
                            if signed_in {
                                if is_trainee {
                                    <li><AppLink id="nav-my-appointments" to={Route::MyAppointments}>{ t(lang, MentorsKey::NavMyAppointments) }</AppLink></li>
                                }
                                if is_mentor {
                                    <li><AppLink id="nav-mentor-workspace" to={Route::MentorWorkspace}>{ t(lang, MentorsKey::NavWorkspace) }</AppLink></li>
                                }
                                if is_trainee {
                                    <li><AppLink id="nav-my-classes" to={Route::MyClasses}>{ t(lang, CommonKey::NavMyClasses) }</AppLink></li>
                                    <li><AppLink id="nav-my-certificates" to={Route::MyCertificates}>{ t(lang, CertificatesKey::NavMyCertificates) }</AppLink></li>
                                    <li><AppLink id="nav-my-subsidies" to={Route::MySubsidies}>{ t(lang, SubsidiesKey::NavMySubsidies) }</AppLink></li>
                                }
                                if is_staff {
                                    <li><AppLink id="nav-institution" to={Route::Institution}>{ t(lang, CommonKey::NavInstitution) }</AppLink></li>
                                }
                                if is_officer {
                                    <li><AppLink id="nav-bureau" to={Route::Bureau}>{ t(lang, CommonKey::NavBureau) }</AppLink></li>
                                }
                                <li>
                                    <AppLink id="nav-notifications" to={Route::Notifications}>
                                        <svg class="bell" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
                                            <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
                                        </svg>
                                        { t(lang, CommonKey::NavNotifications) }
                                        if unread.count > 0 {
                                            <span class="count" id="nav-unread" aria-hidden="true">{ unread.count.to_string() }</span>
                                            <span class="visually-hidden">{ i18n::unread_count(lang, &unread.count.to_string()) }</span>
                                        }
                                    </AppLink>
                                </li>
                                <li class="account-menu">
                                    <details id="nav-account-menu">
                                        <summary id="nav-account-toggle">{ t(lang, CommonKey::NavAccountMenu) }</summary>
                                        <ul>
                                            <li><AppLink id="nav-profile" to={Route::Profile}>{ t(lang, CommonKey::NavProfile) }</AppLink></li>
                                            <li><AppLink id="nav-account" to={Route::Account}>{ t(lang, LifecycleKey::NavAccount) }</AppLink></li>
                                            if can_admin {
                                                <li><AppLink id="nav-admin" to={Route::Admin}>{ t(lang, CommonKey::NavAdmin) }</AppLink></li>
                                            }
                                            <li>
                                                <button id="nav-logout" type="button" class="link-button" onclick={on_logout}>
                                                    { t(lang, CommonKey::NavLogout) }
                                                </button>
                                            </li>
                                        </ul>
                                    </details>
                                </li>
                            } else if !session.loading() {
                                <li><AppLink id="nav-login" to={Route::Login}>{ t(lang, CommonKey::NavLogin) }</AppLink></li>
                                <li><AppLink id="nav-register" to={Route::Register}>{ t(lang, CommonKey::NavRegister) }</AppLink></li>
                            }
                        </ul>
                    </nav>
                    <button
                        id="lang-switch"
                        type="button"
                        class="lang-switch"
                        onclick={on_lang}
                    >
                        <span lang={other.html_tag()}>{ t(lang, CommonKey::LangSwitch) }</span>
                    </button>
                </div>
            </header>
            if session.status == SessionStatus::Failed {
                <div class="container">
                    <div class="alert alert-error" role="alert">
                        <p>{ t(lang, CommonKey::SessionLoadFailed) }</p>
                        <button type="button" class="button secondary" onclick={on_retry}>{ t(lang, CommonKey::Retry) }</button>
                    </div>
                </div>
            }
            <main id="main" class="container" tabindex="-1" ref={main_ref}>
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">
                <div class="container">
                    <p>{ t(lang, CommonKey::Footer) }</p>
                    <p>{ t(lang, CommonKey::FooterHelp) }</p>
                    <p><AppLink id="nav-verify" to={Route::Verify}>{ t(lang, CertificatesKey::NavVerify) }</AppLink></p>
                </div>
            </footer>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_router_knows_exactly_the_addresses_the_server_knows() {
        let mut ours: Vec<&str> = Route::routes().into_iter().filter(|p| *p != "/404").collect();
        let mut server: Vec<&str> = malanhua_shared::routes::PATTERNS.to_vec();
        ours.sort_unstable();
        server.sort_unstable();
        assert_eq!(ours, server, "add the address to shared/src/routes.rs too");
    }
}
