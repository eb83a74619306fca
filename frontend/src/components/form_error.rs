//! The form-level error: an alert with the translated reason.

use yew::prelude::*;

use crate::api::ApiError;
use crate::hooks::form::FieldIssue;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, AccountsKey, CommonKey, Lang};
use malanhua_shared::ErrorCode;

/// The translated message for a failed call.
pub fn failure_message(lang: Lang, error: &ApiError) -> String {
    match error {
        ApiError::Network => i18n::t(lang, CommonKey::NetworkError).to_owned(),
        ApiError::Server { body, retry_after } => match (body.code, retry_after) {
            (ErrorCode::TooManyAttempts, Some(secs)) => {
                let minutes = secs.div_ceil(60).max(1).to_string();
                i18n::too_many_attempts_minutes(lang, &minutes)
            }
            (ErrorCode::ScheduleClash, _) if body.clash.is_some() => {
                let clash = body.clash.as_ref().map(|c| (c.title.clone(), c.starts_at)).unwrap_or_default();
                i18n::schedule_clash_with(lang, &clash.0, &i18n::datetime(lang, clash.1))
            }
            (code, _) => i18n::error_message(lang, code).to_owned(),
        },
    }
}

/// Props of [`FormError`].
#[derive(Properties, PartialEq)]
pub struct FormErrorProps {
    /// The element id (`form-error`, `bureau-form-error`...).
    pub id: AttrValue,
    /// What went wrong, if anything.
    pub failure: Option<ApiError>,
    /// Field errors that have no field on the form to sit beside.
    #[prop_or_default]
    pub others: Vec<(String, FieldIssue)>,
}

/// Shows a failure as `role="alert"`; renders nothing without one.
#[function_component]
pub fn FormError(props: &FormErrorProps) -> Html {
    let lang = use_lang();
    let Some(failure) = &props.failure else { return html! {} };
    html! {
        <div id={props.id.clone()} class="alert alert-error" role="alert">
            <p>{ failure_message(lang, failure) }</p>
            if !props.others.is_empty() {
                <ul>
                    { for props.others.iter().map(|(field, issue)| {
                        let text = match issue {
                            FieldIssue::Code(code) => i18n::field_message(lang, field, *code),
                            FieldIssue::Mismatch => i18n::t(lang, AccountsKey::PasswordMismatch).to_owned(),
                        };
                        html! { <li>{ format!("{field}: {text}") }</li> }
                    }) }
                </ul>
            }
        </div>
    }
}
