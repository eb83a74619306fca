//! The session: the bearer token and the signed-in person, as a
//! `Reducible` store shared through a context.

use std::rc::Rc;

use malanhua_shared::Role;
use malanhua_shared::api::{Me, RoleGrant, TokenResponse};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::storage;

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    /// A saved token is being checked with `GET /api/me`.
    Loading,
    /// Known: signed in (`me` is set) or signed out.
    Ready,
    /// A saved token could not be checked (network trouble).
    Failed,
}

/// The session state.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The bearer token, while signed in.
    pub token: Option<String>,
    /// The signed-in person.
    pub me: Option<Rc<Me>>,
    /// Where the session stands.
    pub status: SessionStatus,
    /// Bumped to load `me` again.
    pub attempt: u32,
}

impl Default for Session {
    fn default() -> Self {
        Self { token: None, me: None, status: SessionStatus::Ready, attempt: 0 }
    }
}

impl Session {
    /// The session as saved in the browser: loading when a token is kept.
    fn from_storage() -> Self {
        let token = storage::token();
        let status = if token.is_some() { SessionStatus::Loading } else { SessionStatus::Ready };
        Self { token, me: None, status, attempt: 0 }
    }

    /// True once the signed-in person is known.
    pub fn signed_in(&self) -> bool {
        self.me.is_some()
    }

    /// True while a saved token is being checked.
    pub fn loading(&self) -> bool {
        self.status == SessionStatus::Loading
    }

    /// The grants of `role` the person holds.
    pub fn grants(&self, role: Role) -> Vec<RoleGrant> {
        self.me.as_ref().map(|me| me.roles.iter().filter(|g| g.role == role).cloned().collect()).unwrap_or_default()
    }

    /// True when the person holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.me.as_ref().is_some_and(|me| me.roles.iter().any(|g| g.role == role))
    }

    /// True for a signed-in trainee (an account with no role is one too).
    pub fn is_trainee(&self) -> bool {
        self.me.as_ref().is_some_and(|me| me.roles.is_empty() || me.roles.iter().any(|g| g.role == Role::Trainee))
    }
}

/// What can happen to the session.
#[derive(Debug)]
pub enum SessionAction {
    /// Signed in with a new token.
    SignedIn {
        /// The bearer token.
        token: String,
        /// The person.
        me: Me,
    },
    /// The person was (re)loaded or changed (e.g. profile saved).
    MeLoaded(Me),
    /// Loading the person failed for a reason other than the token.
    LoadFailed,
    /// Try loading the person again.
    Retry,
    /// The session was renewed: a fresh token.
    Renewed(String),
    /// Signed out, or the token stopped working.
    SignedOut,
}

impl Reducible for Session {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        let next = match action {
            SessionAction::SignedIn { token, me } => Session {
                token: Some(token),
                me: Some(Rc::new(me)),
                status: SessionStatus::Ready,
                attempt: self.attempt,
            },
            SessionAction::MeLoaded(me) => {
                if self.token.is_none() {
                    return self;
                }
                Session { me: Some(Rc::new(me)), status: SessionStatus::Ready, ..(*self).clone() }
            }
            SessionAction::LoadFailed => {
                if self.token.is_none() {
                    return self;
                }
                Session { status: SessionStatus::Failed, ..(*self).clone() }
            }
            SessionAction::Retry => {
                if self.token.is_none() {
                    return self;
                }
                Session { status: SessionStatus::Loading, attempt: self.attempt.wrapping_add(1), ..(*self).clone() }
            }
            SessionAction::Renewed(token) => {
                if self.token.is_none() {
                    return self;
                }
                Session { token: Some(token), ..(*self).clone() }
            }
            SessionAction::SignedOut => Session { attempt: self.attempt, ..Session::default() },
        };
        Rc::new(next)
    }
}

/// The handle pages use to read and change the session.
pub type SessionHandle = UseReducerHandle<Session>;

/// Remembers the token and marks the person signed in.
pub fn sign_in(session: &SessionHandle, token: String, me: Me) {
    storage::save_token(&token);
    session.dispatch(SessionAction::SignedIn { token, me });
}

/// With a token just issued: saves it and loads the person it belongs to
/// (the token is forgotten again if that fails).
pub async fn load_signed_in(token: TokenResponse) -> Result<(TokenResponse, Me), crate::api::ApiError> {
    storage::save_token(&token.token);
    storage::save_token_life(crate::time::now(), token.expires_at);
    match crate::api::me::me().await {
        Ok(me) => Ok((token, me)),
        Err(e) => {
            storage::clear_token();
            Err(e)
        }
    }
}

/// Forgets the token and marks the session signed out.
pub fn sign_out(session: &SessionHandle) {
    storage::clear_token();
    session.dispatch(SessionAction::SignedOut);
}

/// The query of the login page: where to go afterwards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginQuery {
    /// A path inside the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `1` when the session ended while the person was using the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<u8>,
}

/// Sends the person to the login page, asking to come back to the page
/// they are on.
pub fn go_to_login(navigator: &Navigator) {
    to_login(navigator, None);
}

fn to_login(navigator: &Navigator, expired: Option<u8>) {
    let path = crate::drafts::current_path();
    let back_here = !matches!(path.as_str(), "" | "/login" | "/register" | "/reset");
    let query = LoginQuery { next: back_here.then_some(path), expired };
    if navigator.push_with_query(&Route::Login, &query).is_err() {
        navigator.push(&Route::Login);
    }
}

/// The session ended while in use (a 401 on a call that carried a token):
/// the form being typed is saved, and the login page says the session
/// expired and brings the person back to it.
fn session_ended(session: &SessionHandle, navigator: Option<&Navigator>) {
    // A second call ending the same way finds the login page already shown.
    let on_login = matches!(crate::drafts::current_path().as_str(), "/login" | "/register" | "/reset");
    if !on_login {
        crate::drafts::save_current_page();
    }
    session.dispatch(SessionAction::SignedOut);
    if let Some(navigator) = navigator.filter(|_| !on_login) {
        to_login(navigator, Some(1));
    }
}

/// Props of [`SessionProvider`].
#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    /// The app.
    pub children: Html,
}

/// Provides the [`SessionHandle`]; loads the person when a token is kept,
/// and signs out on any 401 of an authenticated call.
#[function_component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let session = use_reducer(Session::from_storage);
    let navigator = use_navigator();
    crate::hooks::renewal::use_session_renewal(&session);

    {
        let session = session.clone();
        use_effect_with((), move |()| {
            api::set_unauthorized_handler(Callback::from(move |()| session_ended(&session, navigator.as_ref())));
        });
    }

    {
        let session = session.clone();
        use_effect_with(session.attempt, move |_| {
            if session.loading() {
                wasm_bindgen_futures::spawn_local(async move {
                    match api::me::me().await {
                        Ok(me) => session.dispatch(SessionAction::MeLoaded(me)),
                        // A 401 has already signed out through the handler.
                        Err(_) => session.dispatch(SessionAction::LoadFailed),
                    }
                });
            }
        });
    }

    html! {
        <ContextProvider<SessionHandle> context={session}>
            { props.children.clone() }
        </ContextProvider<SessionHandle>>
    }
}

/// The session handle.
#[hook]
pub fn use_session() -> SessionHandle {
    // Always called, so the hook order never changes; only used if the
    // provider is missing.
    let fallback = use_reducer(Session::default);
    use_context::<SessionHandle>().unwrap_or(fallback)
}
