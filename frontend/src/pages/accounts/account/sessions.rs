//! The person's open sessions (device, address, signed in, expires, this
//! device marked) and signing out everywhere.

use malanhua_shared::api::security::SessionInfo;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::form_error::failure_message;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::session::{sign_out, use_session};
use crate::i18n::{self, CommonKey, Lang, LifecycleKey, t};

/// Props of [`SessionsSection`].
#[derive(Properties, PartialEq)]
pub struct SessionsSectionProps {
    /// Load again when this changes.
    pub reload: u32,
}

/// The sessions as loaded.
#[derive(Debug, Clone, PartialEq)]
enum Sessions {
    Loading,
    Loaded(Vec<SessionInfo>),
    Failed(ApiError),
}

/// The open sessions and the sign-out-everywhere button.
#[function_component]
pub fn SessionsSection(props: &SessionsSectionProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let sessions = use_state(|| Sessions::Loading);
    let ending = use_state(|| None::<ApiError>);
    {
        let sessions = sessions.clone();
        use_effect_with(props.reload, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match api::me::sessions().await {
                    Ok(list) => sessions.set(Sessions::Loaded(list)),
                    Err(e) => sessions.set(Sessions::Failed(e)),
                }
            });
        });
    }
    let on_sign_out_everywhere = {
        let ending = ending.clone();
        Callback::from(move |_: MouseEvent| {
            let (session, navigator, ending) = (session.clone(), navigator.clone(), ending.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::auth::logout_all().await {
                    Ok(()) => {
                        sign_out(&session);
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Login);
                        }
                    }
                    Err(e) => ending.set(Some(e)),
                }
            });
        })
    };
    let body = match &*sessions {
        Sessions::Loading => html! { <p class="loading" role="status">{ t(lang, CommonKey::Loading) }</p> },
        Sessions::Failed(e) => html! { <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p> },
        Sessions::Loaded(list) if list.is_empty() => {
            html! { <p class="muted">{ t(lang, LifecycleKey::NoSessions) }</p> }
        }
        Sessions::Loaded(list) => {
            let head = [
                t(lang, LifecycleKey::ColDevice).into(),
                t(lang, LifecycleKey::ColAddress).into(),
                t(lang, LifecycleKey::ColSignedIn).into(),
                t(lang, LifecycleKey::ColExpires).into(),
            ];
            stack_table("sessions-table", &head, html! { <>{ for list.iter().map(|s| session_row(lang, s)) }</> })
        }
    };
    html! {
        <>
            <section class="panel" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{ t(lang, LifecycleKey::SessionsSection) }</h2>
                <p>{ t(lang, LifecycleKey::SessionsLead) }</p>
                { body }
            </section>
            <section class="panel panel-danger" aria-labelledby="everywhere-title">
                <h2 id="everywhere-title">{ t(lang, LifecycleKey::SignOutEverywhere) }</h2>
                <p>{ t(lang, LifecycleKey::SignOutEverywhereLead) }</p>
                if let Some(e) = &*ending {
                    <p class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
                }
                <div class="form-actions">
                    <button id="sign-out-everywhere" type="button" class="button danger" onclick={on_sign_out_everywhere}>
                        { t(lang, LifecycleKey::SignOutEverywhere) }
                    </button>
                </div>
            </section>
        </>
    }
}

fn session_row(lang: Lang, s: &SessionInfo) -> Html {
    let device = s.user_agent.clone().unwrap_or_else(|| t(lang, LifecycleKey::UnknownDevice).to_owned());
    html! {
        <tr key={s.id.as_str().to_owned()} class={classes!(s.current.then_some("current"))}>
            <td data-label={t(lang, LifecycleKey::ColDevice)}>
                if s.current {
                    <strong class="badge" id="this-device">{ t(lang, LifecycleKey::ThisDevice) }</strong>{ " " }
                }
                <span class="device">{ device }</span>
            </td>
            <td data-label={t(lang, LifecycleKey::ColAddress)}>{ s.ip.clone().unwrap_or_else(|| "—".into()) }</td>
            <td data-label={t(lang, LifecycleKey::ColSignedIn)}>
                <time datetime={s.created_at.to_rfc3339()}>{ i18n::datetime(lang, s.created_at) }</time>
            </td>
            <td data-label={t(lang, LifecycleKey::ColExpires)}>
                <time datetime={s.expires_at.to_rfc3339()}>{ i18n::datetime(lang, s.expires_at) }</time>
            </td>
        </tr>
    }
}
