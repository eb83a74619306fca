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
/// public page the server drew): the app takes over from it.
fn remove_shell() {
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-shell")) {
        shell.remove();
    }
}

fn main() {
    remove_shell();
    yew::Renderer::<app::App>::new().render();
}
