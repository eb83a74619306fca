//! Sliding renewal in the browser: while the person is active (a key
//! press, a click or a tap in the last minutes), the session is renewed
//! once less than a third of its token's life is left, so nobody is signed
//! out while typing. The rule is `malanhua_shared::api::security::renewal_due`;
//! the server caps every renewal at the absolute limit from sign-in.

use std::cell::Cell;

use chrono::Duration;
use gloo::timers::callback::Interval;
use malanhua_shared::api::security::renewal_due;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::hooks::session::{SessionAction, SessionHandle};
use crate::{api, storage};

/// How often the token's life is looked at (milliseconds).
const CHECK_MS: u32 = 20_000;

thread_local! {
    /// The last key press, click or tap, by this device's clock (milliseconds).
    static LAST_INPUT_MS: Cell<f64> = const { Cell::new(0.0) };
    /// A renewal is on its way.
    static RENEWING: Cell<bool> = const { Cell::new(false) };
}

fn note_input() {
    LAST_INPUT_MS.with(|c| c.set(js_sys::Date::now()));
}

/// A listener on the document, removed when dropped.
struct Listener {
    kind: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    fn on_document(kind: &'static str) -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(|_| note_input());
        document.add_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), true).ok()?;
        Some(Self { kind, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let f = self.closure.as_ref().unchecked_ref();
            let _ = document.remove_event_listener_with_callback_and_bool(self.kind, f, true);
        }
    }
}

/// Renews the session now if it is due.
fn check(session: &SessionHandle) {
    let Some((issued, expires)) = storage::token_life() else { return };
    if RENEWING.with(Cell::get) {
        return;
    }
    let idle_ms = js_sys::Date::now() - LAST_INPUT_MS.with(Cell::get);
    // Milliseconds of a day or so: well inside i64.
    let since_input = Duration::milliseconds(idle_ms as i64);
    if !renewal_due(crate::time::now(), issued, expires, since_input) {
        return;
    }
    RENEWING.with(|r| r.set(true));
    let session = session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // A 401 ends the session through the request helper's handler.
        if let Ok(renewed) = api::auth::refresh().await {
            storage::save_token(&renewed.token);
            storage::save_token_life(crate::time::now(), renewed.expires_at);
            session.dispatch(SessionAction::Renewed(renewed.token));
        }
        RENEWING.with(|r| r.set(false));
    });
}

/// Keeps the session of an active person alive (see the module).
#[hook]
pub fn use_session_renewal(session: &SessionHandle) {
    let signed_in = session.signed_in();
    let session = session.clone();
    use_effect_with(signed_in, move |signed_in| {
        let mut held = Vec::new();
        let mut timer = None;
        if *signed_in {
            note_input();
            held = ["keydown", "pointerdown", "input"].into_iter().filter_map(Listener::on_document).collect();
            timer = Some(Interval::new(CHECK_MS, move || check(&session)));
        }
        move || {
            drop(timer);
            drop(held);
        }
    });
}
