//! The Malanhua single-page app: Yew function components over the API in
//! `malanhua_shared`, Chinese first, usable on a phone and by keyboard.

mod api;
mod app;
mod components;
mod drafts;
mod hooks;
mod i18n;
mod ics;
mod pages;
mod storage;
mod time;

/// The shell `index.html` draws before the app arrives (a skeleton, or a
/// public page the server drew) gives way to the app, and the stylesheet
/// (loaded meanwhile as "print", so it held nothing up) applies.
fn take_over_from_the_shell() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(style) = document.get_element_by_id("app-style") {
        let _ = style.set_attribute("media", "all");
    }
    if let Some(shell) = document.get_element_by_id("app-shell") {
        shell.remove();
    }
}

fn main() {
    take_over_from_the_shell();
    yew::Renderer::<app::App>::new().render();
}
