//! The document title follows the page, the object it shows and the
//! language: "<object> - <page> - 马兰花创业培训", so a tab, a bookmark and the
//! browser's history name the class or the claim, not only the kind of page.

use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::i18n::{CommonKey, Lang, Message, t};

fn set_title<K: Message>(lang: Lang, page: K, object: Option<&str>) {
    let app = t(lang, CommonKey::AppName);
    let page = t(lang, page);
    let mut parts: Vec<&str> = object.filter(|o| !o.trim().is_empty()).into_iter().collect();
    if page != app {
        parts.push(page);
    }
    parts.push(app);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&parts.join(" - "));
    }
}

/// Sets `document.title` to "<page> - 马兰花创业培训".
#[hook]
pub fn use_title<K>(page: K)
where
    K: Message + PartialEq + 'static,
{
    let lang = use_lang();
    use_effect_with((lang, page), |(lang, page)| set_title(*lang, *page, None));
}

/// Like [`use_title`], naming the object shown once it is loaded
/// (a class's title, a claim's holder).
#[hook]
pub fn use_object_title<K>(page: K, object: Option<String>)
where
    K: Message + PartialEq + 'static,
{
    let lang = use_lang();
    use_effect_with((lang, page, object), |(lang, page, object)| set_title(*lang, *page, object.as_deref()));
}
