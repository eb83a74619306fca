//! The HTTP API of the server, one module per feature over one
//! [`request`] helper typed by `malanhua_shared`.

pub mod admin;
pub mod auth;
pub mod me;
pub mod regions;

use std::cell::RefCell;

use gloo_net::http::{Method, RequestBuilder};
use malanhua_shared::{ErrorBody, ErrorCode, FieldErrors};
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::Callback;

use crate::storage;

/// Whether a call carries the signed-in person's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Send `Authorization: Bearer <token>` when a token is saved; a 401
    /// then ends the session.
    Bearer,
    /// Never send the token (sign in, sign up, public data).
    Anonymous,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error.
    Server {
        /// The error body (synthesised from the status if the body was not one).
        body: ErrorBody,
        /// Seconds to wait, from `Retry-After`.
        retry_after: Option<u64>,
    },
    /// The server could not be reached.
    Network,
}

impl ApiError {
    /// The per-field reasons the server gave.
    pub fn fields(&self) -> FieldErrors {
        match self {
            Self::Server { body, .. } => body.fields.clone(),
            Self::Network => FieldErrors::new(),
        }
    }

    fn server(code: ErrorCode, message: &str) -> Self {
        Self::Server { body: ErrorBody::new(code, message), retry_after: None }
    }
}

thread_local! {
    static ON_UNAUTHORIZED: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Sets what happens when an authenticated call gets a 401 (after the
/// token is cleared): the session provider signs out and goes to the login
/// page.
pub fn set_unauthorized_handler(handler: Callback<()>) {
    ON_UNAUTHORIZED.with(|h| *h.borrow_mut() = Some(handler));
}

fn unauthorized() {
    storage::clear_token();
    let handler = ON_UNAUTHORIZED.with(|h| h.borrow().clone());
    match handler {
        Some(handler) => handler.emit(()),
        None => {
            // No app mounted to handle it: fall back to a full page load.
            if let Some(window) = web_sys::window() {
                let location = window.location();
                let next = location.pathname().unwrap_or_default();
                let url = format!("/login?next={}", encode_query_value(&next));
                let _ = location.assign(&url);
            }
        }
    }
}

/// Percent-encodes a value for a query string.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The code to report when an error response has no error body.
fn code_for_status(status: u16) -> ErrorCode {
    match status {
        400 => ErrorCode::MalformedBody,
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        409 => ErrorCode::Conflict,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        422 => ErrorCode::Unprocessable,
        429 => ErrorCode::TooManyAttempts,
        _ => ErrorCode::Internal,
    }
}

/// Sends one JSON request to `path` (e.g. `/api/me`) and reads the JSON
/// answer. An empty success body (204) reads as `null`, so `T = ()` works.
/// Any non-2xx answer becomes [`ApiError::Server`] with the server's
/// `ErrorBody`; a 401 on a call that carried a token clears the token and
/// hands over to the handler set by [`set_unauthorized_handler`].
pub async fn request<B, T>(method: Method, path: &str, body: Option<&B>, auth: Auth) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let token = match auth {
        Auth::Bearer => storage::token(),
        Auth::Anonymous => None,
    };
    let mut builder = RequestBuilder::new(path).method(method).header("Accept", "application/json");
    if let Some(token) = &token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request = match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse::<u64>().ok());
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    if (200..300).contains(&status) {
        let text = if text.trim().is_empty() { "null" } else { text.as_str() };
        return serde_json::from_str(text)
            .map_err(|_| ApiError::server(ErrorCode::Internal, "unexpected response body"));
    }
    let body = serde_json::from_str::<ErrorBody>(&text)
        .unwrap_or_else(|_| ErrorBody::new(code_for_status(status), format!("HTTP {status}")));
    if status == 401 && token.is_some() {
        unauthorized();
    }
    Err(ApiError::Server { body, retry_after })
}

/// A `GET` through [`request`].
pub async fn get<T: DeserializeOwned>(path: &str, auth: Auth) -> Result<T, ApiError> {
    request::<(), T>(Method::GET, path, None, auth).await
}
