//! The document title follows the page and the language.

use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::i18n::{CommonKey, Message, t};

/// Sets `document.title` to "<page> - 马兰花创业培训".
#[hook]
pub fn use_title<K>(page: K)
where
    K: Message + PartialEq + 'static,
{
    let lang = use_lang();
    use_effect_with((lang, page), |(lang, page)| {
        let app = t(*lang, CommonKey::AppName);
        let page = t(*lang, *page);
        let title = if page == app { app.to_owned() } else { format!("{page} - {app}") };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}
