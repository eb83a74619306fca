//! The Malanhua single-page app: Yew function components over the API in
//! `malanhua_shared`, Chinese first, usable on a phone and by keyboard.

mod api;
mod app;
mod components;
mod drafts;
mod hooks;
mod i18n;
mod pages;
mod storage;
mod time;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
