//! The interface language: a context, remembered in local storage and
//! mirrored on `<html lang>`.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::storage;

/// The language and a way to change it.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    /// The current language.
    pub lang: Lang,
    /// Switches (and remembers) the language.
    pub set: Callback<Lang>,
}

/// Props of [`LangProvider`].
#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    /// The app.
    pub children: Html,
}

/// Provides [`LangContext`] to its children.
#[function_component]
pub fn LangProvider(props: &LangProviderProps) -> Html {
    let lang = use_state(storage::lang);
    use_effect_with(*lang, |lang| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("lang", lang.html_tag());
        }
    });
    let set = {
        let lang = lang.clone();
        use_callback((), move |next: Lang, ()| {
            storage::save_lang(next);
            lang.set(next);
        })
    };
    let context = LangContext { lang: *lang, set };
    html! {
        <ContextProvider<LangContext> {context}>
            { props.children.clone() }
        </ContextProvider<LangContext>>
    }
}

/// The current language.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().map(|c| c.lang).unwrap_or_default()
}

/// The callback that switches the language.
#[hook]
pub fn use_set_lang() -> Callback<Lang> {
    use_context::<LangContext>().map(|c| c.set).unwrap_or_default()
}
