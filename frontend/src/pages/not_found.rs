//! The page for unknown addresses.

use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::hooks::title::use_title;
use crate::i18n::{Key, t};

/// 404.
#[function_component]
pub fn NotFoundPage() -> Html {
    let lang = use_lang();
    use_title(Key::NotFoundTitle);
    html! {
        <section class="page narrow">
            <h1>{ t(lang, Key::NotFoundTitle) }</h1>
            <p>{ t(lang, Key::NotFoundBody) }</p>
            <p><AppLink to={Route::Home} classes={classes!("button", "primary")}>{ t(lang, Key::BackHome) }</AppLink></p>
        </section>
    }
}
