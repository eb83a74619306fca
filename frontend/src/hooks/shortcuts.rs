//! Single-key shortcuts for pages people work through all day (the
//! worklist, a claim): a key pressed outside any text field, select or
//! open dialog, without Ctrl, Alt or Meta, is handed to the page.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// True when typing there means text, not a shortcut.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
        || element.closest("dialog[open]").ok().flatten().is_some()
        || element.get_attribute("contenteditable").is_some()
}

/// Calls `on_key` with the key (`j`, `?`, `Enter`…) of each shortcut press;
/// it returns true when it used the key, and the browser's own handling
/// of that key is then stopped.
#[hook]
pub fn use_shortcuts(on_key: Callback<String, bool>) {
    use_effect_with(on_key, move |on_key| {
        let on_key = on_key.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
            EventListener::new(&document, "keydown", move |event| {
                let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() || typing_in(e.target()) {
                    return;
                }
                if on_key.emit(e.key()) {
                    e.prevent_default();
                }
            })
        });
        move || drop(listener)
    });
}
