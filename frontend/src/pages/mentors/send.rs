//! Sends a checked form of the mentor pages through its mutation: the form
//! shows "submitting", then either the server's errors beside the fields or
//! success, and `on_done` runs.

use std::future::Future;

use yew::prelude::*;

use crate::api::ApiError;
use crate::api::mentors::Done;
use crate::hooks::form::{Form, FormAction, renamed_failure};
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
    send_renamed(form, sending, intent, clear, &[], call, on_done);
}

/// [`send_form`] for a form that names some of the API's fields otherwise
/// (`names`: API name, form name), so their errors sit beside its fields.
pub fn send_renamed<F, Fut>(
    form: &UseReducerHandle<Form>,
    sending: &Mutation<Done>,
    intent: String,
    clear: bool,
    names: &'static [(&'static str, &'static str)],
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
        Err(e) => form.dispatch(FormAction::Failed(renamed_failure(e, names))),
    });
}
