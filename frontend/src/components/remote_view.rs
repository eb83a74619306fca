//! Shows data loaded with [`use_remote`](crate::hooks::remote::use_remote):
//! a loading line, an error with a retry button (or, for something that
//! does not exist, the not-found message and a way on), or the content.

use yew::prelude::*;

use malanhua_shared::ErrorCode;

use crate::api::ApiError;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::form_error::failure_message;
use crate::hooks::remote::Remote;
use crate::i18n::{CommonKey, Lang, t};

/// The content for `remote` once loaded; until then a status line, or an
/// alert with the id `error_id` and a retry button.
pub fn remote_view<T>(
    lang: Lang,
    remote: &Remote<T>,
    error_id: &str,
    retry: &Callback<()>,
    view: impl FnOnce(&T) -> Html,
) -> Html {
    match remote {
        Remote::Loading => html! { <p class="loading" role="status">{ t(lang, CommonKey::Loading) }</p> },
        // Trying again cannot bring back what is not there.
        Remote::Failed(ApiError::Server { body, .. }) if body.code == ErrorCode::NotFound => html! {
            <div class="alert alert-info not-found" role="alert" id={error_id.to_owned()}>
                <h1>{ t(lang, CommonKey::NotFoundTitle) }</h1>
                <p>{ t(lang, CommonKey::NotFoundBody) }</p>
                <p><AppLink to={Route::Home} classes={classes!("button", "primary")}>{ t(lang, CommonKey::BackHome) }</AppLink></p>
            </div>
        },
        Remote::Failed(e) => html! {
            <div class="alert alert-error" role="alert" id={error_id.to_owned()}>
                <p>{ failure_message(lang, e) }</p>
                <button type="button" class="button secondary" onclick={retry.reform(|_: MouseEvent| ())}>
                    { t(lang, CommonKey::Retry) }
                </button>
            </div>
        },
        Remote::Loaded(data) => view(data),
    }
}
