//! The page for unknown addresses.

use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::hooks::title::use_title;
use crate::i18n::{CommonKey, t};

/// 404.
#[function_component]
pub fn NotFoundPage() -> Html {
    let lang = use_lang();
    use_title(CommonKey::NotFoundTitle);
    html! {
        <section class="page narrow">
            <h1>{ t(lang, CommonKey::NotFoundTitle) }</h1>
            <p>{ t(lang, CommonKey::NotFoundBody) }</p>
            <p><AppLink to={Route::Home} classes={classes!("button", "primary")}>{ t(lang, CommonKey::BackHome) }</AppLink></p>
        </section>
    }
}
