//! Sends a checked form of the mentor pages through its mutation: the form
//! shows "submitting", then either the server's errors beside the fields or
//! success, and `on_done` runs.

use std::future::Future;

use yew::prelude::*;

use crate::api::ApiError;
use crate::api::mentors::Done;
use crate::hooks::form::{Form, FormAction};
use crate::hooks::mutation::Mutation;

/// Runs `call(key)` for `intent`; the form is cleared when `clear`.
pub fn send_form<F, Fut>(
    form: &UseReducerHandle<Form>,
    sending: &Mutation<Done>,
    intent: String,
    clear: bool,
    call: F,
    on_done: Callback<()>,
) where
    F: FnOnce(String) -> Fut + 'static,
    Fut: Future<Output = Result<Done, ApiError>> + 'static,
{
    form.dispatch(FormAction::Submit);
    let form = form.clone();
    sending.run(intent, call, move |r| match r {
        Ok(_) => {
            form.dispatch(FormAction::Succeeded { clear });
            on_done.emit(());
        }
        Err(e) => form.dispatch(FormAction::Failed(e)),
    });
}
