//! Calendar files and the private calendar feed: a `.ics` download fetched
//! with the token and saved as a Blob, and the feed URL with copy and renew.

use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{MentorsKey, t};

/// Props of [`IcsButton`].
#[derive(Properties, PartialEq)]
pub struct IcsButtonProps {
    /// `appointments` or `group-sessions`.
    pub base: AttrValue,
    /// File name start: `appointment` or `group-session`.
    pub name: AttrValue,
    /// The appointment or session.
    pub id: AttrValue,
}

/// "下载日历文件 (.ics)": saves `<name>-<id>.ics`.
#[function_component]
pub fn IcsButton(props: &IcsButtonProps) -> Html {
    let lang = use_lang();
    let failure = use_state(|| None::<ApiError>);
    let onclick = {
        let (failure, base, name, id) = (failure.clone(), props.base.clone(), props.name.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            let (failure, base, name, id) = (failure.clone(), base.clone(), name.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                failure.set(api::mentors::download_ics(&base, &name, &id).await.err());
            });
        })
    };
    html! {
        <>
            <button type="button" class="button secondary small" data-testid="download-ics" {onclick}>
                { t(lang, MentorsKey::DownloadIcs) }
            </button>
            if let Some(e) = &*failure {
                <span class="field-error" role="alert">{ failure_message(lang, e) }</span>
            }
        </>
    }
}

/// The feed URL, a copy button and a renew button.
#[function_component]
pub(super) fn CalendarFeedPanel() -> Html {
    let lang = use_lang();
    let (feed, reload) = use_remote((), |()| api::mentors::calendar());
    let renewed = use_state(|| None::<String>);
    let copied = use_state(|| false);
    let sending = use_mutation();
    let url = (*renewed).clone().or_else(|| feed.loaded().map(|f| f.url.clone()));
    let on_copy = {
        let (copied, url) = (copied.clone(), url.clone().unwrap_or_default());
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&url);
                copied.set(true);
            }
        })
    };
    let on_renew = {
        let (sending, renewed, copied) = (sending.clone(), renewed.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (renewed, copied) = (renewed.clone(), copied.clone());
            sending.run(
                "calendar renew".to_owned(),
                move |key| async move { api::mentors::renew_calendar(&key).await },
                move |r| {
                    if let Ok(feed) = r {
                        renewed.set(Some(feed.url));
                        copied.set(false);
                    }
                },
            );
        })
    };
    html! {
        <section class="panel" aria-labelledby="calendar-title" id="calendar-feed">
            <h2 id="calendar-title">{ t(lang, MentorsKey::CalendarTitle) }</h2>
            <p class="hint">{ t(lang, MentorsKey::CalendarLead) }</p>
            { remote_view(lang, &feed, "calendar-error", &reload, |_| html! {
                <div class="field">
                    <label for="calendar-url">{ t(lang, MentorsKey::CalendarUrl) }</label>
                    <input id="calendar-url" type="text" readonly=true value={url.clone().unwrap_or_default()} />
                </div>
            }) }
            if let Some(e) = sending.error() {
                <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            <div class="actions">
                <button id="calendar-copy" type="button" class="button secondary" disabled={url.is_none()} onclick={on_copy}>
                    { t(lang, MentorsKey::Copy) }
                </button>
                <button id="calendar-renew" type="button" class="button secondary" disabled={sending.submitting()} onclick={on_renew}>
                    { t(lang, MentorsKey::RenewCalendar) }
                </button>
                if *copied {
                    <span role="status" id="calendar-copied">{ t(lang, MentorsKey::Copied) }</span>
                }
            </div>
        </section>
    }
}
