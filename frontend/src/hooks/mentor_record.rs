//! Whether the signed-in person holds or applied for a mentor record, for
//! the header's link to the workspace: a mentor grant says so at once;
//! otherwise `GET /api/me/mentor` is asked, again after each page change
//! until it says yes (so the link appears after applying).

use malanhua_shared::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::hooks::session::use_session;

/// True when the person has a mentor record of any status.
#[hook]
pub fn use_has_mentor_record() -> bool {
    let session = use_session();
    let location = use_location();
    let known = use_state(|| false);
    let granted = session.has_role(Role::Mentor);
    let user = session.me.as_ref().map(|me| me.id.to_string());
    let path = location.map(|l| l.path().to_owned()).unwrap_or_default();
    {
        let known = known.clone();
        let asked = (user, granted, *known, path);
        use_effect_with(asked, move |(user, granted, already, _)| {
            if user.is_none() {
                known.set(false);
            } else if !*granted && !*already {
                wasm_bindgen_futures::spawn_local(async move {
                    if api::mentors::my_mentor().await.is_ok() {
                        known.set(true);
                    }
                });
            }
        });
    }
    session.signed_in() && (granted || *known)
}
