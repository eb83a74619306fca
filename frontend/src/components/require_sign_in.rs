//! Shows its content only to a signed-in person; others go to the login
//! page and come back afterwards.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::lang::use_lang;
use crate::hooks::session::{SessionStatus, go_to_login, use_session};
use crate::i18n::{CommonKey, t};

/// Props of [`RequireSignIn`].
#[derive(Properties, PartialEq)]
pub struct RequireSignInProps {
    /// The protected content.
    pub children: Html,
}

/// Renders the children once signed in; redirects to `/login?next=...`
/// when signed out.
#[function_component]
pub fn RequireSignIn(props: &RequireSignInProps) -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let lang = use_lang();
    let must_sign_in = session.status == SessionStatus::Ready && !session.signed_in();
    use_effect_with(must_sign_in, move |must| {
        if *must && let Some(navigator) = &navigator {
            go_to_login(navigator);
        }
    });
    if session.signed_in() {
        props.children.clone()
    } else if session.status == SessionStatus::Failed {
        // The layout shows the retry banner.
        html! {}
    } else {
        html! { <p class="loading" role="status">{ t(lang, CommonKey::Loading) }</p> }
    }
}

/// The page a signed-in person without a bureau officer's role sees in
/// place of an officer's page titled `title`.
pub fn not_an_officer(lang: crate::i18n::Lang, title: &'static str) -> Html {
    html! {
        <section class="page narrow">
            <h1>{ title }</h1>
            <p class="alert alert-error" role="alert" id="forbidden">{ t(lang, crate::i18n::ClassesKey::BureauForbidden) }</p>
        </section>
    }
}
