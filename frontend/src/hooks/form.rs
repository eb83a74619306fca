//! One `Reducible` store for a form: the typed-in values, the errors per
//! field (from the browser's check or the server), the form-level failure
//! and whether the last submission succeeded.

use std::collections::BTreeMap;
use std::rc::Rc;

use malanhua_shared::{ErrorBody, Fen, FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{self, AccountsKey, Lang};

/// Why a field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldIssue {
    /// A code shared with the server.
    Code(FieldCode),
    /// The confirmation does not repeat the password.
    Mismatch,
}

/// The state of one form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form {
    values: BTreeMap<&'static str, String>,
    errors: BTreeMap<String, FieldIssue>,
    failure: Option<ApiError>,
    submitting: bool,
    succeeded: bool,
}

/// What can happen to a form.
#[derive(Debug)]
pub enum FormAction {
    /// A field was edited.
    Set(&'static str, String),
    /// The form is being sent.
    Submit,
    /// The browser's check refused these fields.
    Invalid(BTreeMap<String, FieldIssue>),
    /// The server refused the submission.
    Failed(ApiError),
    /// Forget the errors of every field whose name starts with this (a
    /// list row that was edited, moved or removed).
    ClearErrors(String),
    /// The server accepted; `clear` empties every field.
    Succeeded {
        /// Empty the fields for the next entry.
        clear: bool,
    },
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Set(field, value) => {
                next.errors.remove(field);
                next.values.insert(field, value);
            }
            FormAction::Submit => {
                next.submitting = true;
                next.succeeded = false;
                next.failure = None;
                next.errors.clear();
            }
            FormAction::Invalid(errors) => {
                let fields: FieldErrors = errors
                    .iter()
                    .filter_map(|(k, v)| match v {
                        FieldIssue::Code(c) => Some((k.clone(), *c)),
                        FieldIssue::Mismatch => None,
                    })
                    .collect();
                next.failure = Some(ApiError::Server { body: ErrorBody::validation(fields), retry_after: None });
                next.errors = errors;
                next.submitting = false;
                next.succeeded = false;
            }
            FormAction::Failed(error) => {
                next.errors = error.fields().into_iter().map(|(k, c)| (k, FieldIssue::Code(c))).collect();
                next.failure = Some(error);
                next.submitting = false;
                next.succeeded = false;
            }
            FormAction::ClearErrors(prefix) => {
                next.errors.retain(|field, _| !field.starts_with(&prefix));
            }
            FormAction::Succeeded { clear } => {
                if clear {
                    next.values.clear();
                }
                next.errors.clear();
                next.failure = None;
                next.submitting = false;
                next.succeeded = true;
            }
        }
        Rc::new(next)
    }
}

impl Form {
    /// The value typed into `field`.
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    /// The translated error of `field`, if any.
    pub fn error(&self, lang: Lang, field: &str) -> Option<AttrValue> {
        self.errors.get(field).map(|issue| {
            AttrValue::from(match issue {
                FieldIssue::Code(code) => i18n::field_message(lang, field, *code),
                FieldIssue::Mismatch => i18n::t(lang, AccountsKey::PasswordMismatch).to_owned(),
            })
        })
    }

    /// The errors of fields not in `shown`, for the form-level message.
    pub fn other_errors(&self, shown: &[&str]) -> Vec<(String, FieldIssue)> {
        self.errors.iter().filter(|(k, _)| !shown.contains(&k.as_str())).map(|(k, v)| (k.clone(), *v)).collect()
    }

    /// The form-level failure, if any.
    pub fn failure(&self) -> Option<&ApiError> {
        self.failure.as_ref()
    }

    /// True while the form is being sent.
    pub fn submitting(&self) -> bool {
        self.submitting
    }

    /// True after the last submission succeeded.
    pub fn succeeded(&self) -> bool {
        self.succeeded
    }
}

/// Turns the shared validation's field errors into form issues.
pub fn issues(errors: FieldErrors) -> BTreeMap<String, FieldIssue> {
    errors.into_iter().map(|(k, c)| (k, FieldIssue::Code(c))).collect()
}

/// A yuan amount typed into `field`, in fen; empty is `None`, a bad one is
/// noted in `errors`.
pub fn read_yuan(value: &str, field: &str, errors: &mut FieldErrors) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Fen::parse_yuan(value).map(Fen::get).map_err(|_| errors.insert(field.to_owned(), FieldCode::InvalidFormat)).ok()
}

/// A whole number typed into `field`; empty is `None`, a bad one is noted in `errors`.
pub fn read_number<T: std::str::FromStr>(value: &str, field: &str, errors: &mut FieldErrors) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    value.parse().map_err(|_| errors.insert(field.to_owned(), FieldCode::InvalidFormat)).ok()
}

/// `value`, or `Required` noted under `field` (unless it has an error already).
pub fn required<T>(value: Option<T>, field: &str, errors: &mut FieldErrors) -> Option<T> {
    if value.is_none() {
        errors.entry(field.to_owned()).or_insert(FieldCode::Required);
    }
    value
}

/// `body` when neither reading it (`errors`) nor the shared `rule` found
/// anything wrong; else every field's first error.
pub fn checked<B, T>(
    body: B,
    mut errors: FieldErrors,
    rule: impl FnOnce(&B) -> Result<T, FieldErrors>,
) -> Result<B, FieldErrors> {
    for (field, code) in rule(&body).err().unwrap_or_default() {
        errors.entry(field).or_insert(code);
    }
    if errors.is_empty() { Ok(body) } else { Err(errors) }
}

/// Fills the form's fields with these values (a record to edit, a version to start from).
pub fn fill(form: &UseReducerHandle<Form>, values: impl IntoIterator<Item = (&'static str, String)>) {
    for (field, value) in values {
        form.dispatch(FormAction::Set(field, value));
    }
}

/// The API's field names as a form names them (`name` → `studio_name`),
/// where the API's name has another meaning in the messages.
pub fn renamed(errors: FieldErrors, names: &[(&str, &str)]) -> FieldErrors {
    errors
        .into_iter()
        .map(|(field, code)| match names.iter().find(|(api, _)| *api == field) {
            Some((_, form)) => ((*form).to_owned(), code),
            None => (field, code),
        })
        .collect()
}

/// A failed call with its field errors [`renamed`].
pub fn renamed_failure(error: ApiError, names: &[(&str, &str)]) -> ApiError {
    match error {
        ApiError::Server { mut body, retry_after } => {
            body.fields = renamed(std::mem::take(&mut body.fields), names);
            ApiError::Server { body, retry_after }
        }
        ApiError::Network => ApiError::Network,
    }
}

/// A form store.
#[hook]
pub fn use_form() -> UseReducerHandle<Form> {
    use_reducer(Form::default)
}

/// The callback that stores what is typed into `field`.
pub fn setter(form: &UseReducerHandle<Form>, field: &'static str) -> Callback<String> {
    let form = form.clone();
    Callback::from(move |value: String| form.dispatch(FormAction::Set(field, value)))
}

/// A form's submit handler: it stops the browser's own submit, ignores a
/// second press while a request is in flight, then runs `submit`.
pub fn on_submit(
    form: &UseReducerHandle<Form>,
    submit: impl Fn(&UseReducerHandle<Form>) + 'static,
) -> Callback<SubmitEvent> {
    let form = form.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if !form.submitting() {
            submit(&form);
        }
    })
}
