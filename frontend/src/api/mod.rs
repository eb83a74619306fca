//! The HTTP API of the server, one module per feature over one
//! [`request`] helper typed by `malanhua_shared`.

pub mod admin;
pub mod auth;
pub mod calendar;
pub mod certificates;
pub mod classes;
pub mod fees;
pub mod me;
pub mod mentors;
pub mod notifications;
pub mod policies;
pub mod privacy;
pub mod regions;
pub mod statistics;
pub mod studios;
pub mod subsidies;
pub mod trainers;

use std::cell::RefCell;

use gloo_net::http::{Method, RequestBuilder, Response};
use malanhua_shared::{ErrorBody, ErrorCode, FieldErrors};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
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

    /// Whether the server answered with this code.
    pub fn is(&self, code: ErrorCode) -> bool {
        matches!(self, Self::Server { body, .. } if body.code == code)
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
        502..=504 => ErrorCode::Unavailable,
        _ => ErrorCode::Internal,
    }
}

/// Sends one request to `path` (e.g. `/api/me`) asking for `accept`, and
/// hands back a 2xx response. Any other answer becomes [`ApiError::Server`]
/// with the server's `ErrorBody`; a 401 on a call that carried a token
/// clears the token and hands over to the handler set by
/// [`set_unauthorized_handler`].
async fn send<B>(
    method: Method,
    path: &str,
    body: Option<&B>,
    auth: Auth,
    accept: &str,
    idempotency_key: Option<&str>,
) -> Result<Response, ApiError>
where
    B: Serialize + ?Sized,
{
    let token = match auth {
        Auth::Bearer => storage::token(),
        Auth::Anonymous => None,
    };
    let mut builder = RequestBuilder::new(path).method(method).header("Accept", accept);
    if let Some(token) = &token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(key) = idempotency_key {
        builder = builder.header("Idempotency-Key", key);
    }
    let request = match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if let Some(date) = response.headers().get("date") {
        crate::time::learn_server_time(&date);
    }
    let status = response.status();
    if (200..300).contains(&status) {
        return Ok(response);
    }
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse::<u64>().ok());
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    let body = serde_json::from_str::<ErrorBody>(&text)
        .unwrap_or_else(|_| ErrorBody::new(code_for_status(status), format!("HTTP {status}")));
    if status == 401 && token.is_some() {
        unauthorized();
    }
    Err(ApiError::Server { body, retry_after })
}

/// Sends one JSON request to `path` (e.g. `/api/me`) and reads the JSON
/// answer. An empty success body (204) reads as `null`, so `T = ()` works.
/// Errors as in [`send`].
pub async fn request<B, T>(method: Method, path: &str, body: Option<&B>, auth: Auth) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    read_json(send(method, path, body, auth, "application/json", None).await?).await
}

/// [`request`] with an `Idempotency-Key` header: the server answers a
/// repeat of the same request with the same key (a retry, a double click)
/// with the first answer instead of doing it twice. Make one key per
/// intent with [`new_idempotency_key`].
pub async fn request_idempotent<B, T>(
    method: Method,
    path: &str,
    body: Option<&B>,
    auth: Auth,
    key: &str,
) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    read_json(send(method, path, body, auth, "application/json", Some(key)).await?).await
}

/// Reads a 2xx answer's JSON; an empty body (204) reads as `null`.
async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    let text = if text.trim().is_empty() { "null" } else { text.as_str() };
    serde_json::from_str(text).map_err(|_| ApiError::server(ErrorCode::Internal, "unexpected response body"))
}

/// A fresh random key for an `Idempotency-Key` header: 32 hex digits from
/// the browser's `crypto.getRandomValues` (or `Math.random` without it).
pub fn new_idempotency_key() -> String {
    let mut bytes = [0_u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            // 0 <= random < 1, so the product fits in a byte.
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fetches `path` with the token and saves the answer as a file called
/// `filename`: the body becomes a Blob URL that a temporary
/// `<a download>` opens. Errors as in [`send`].
pub async fn download(path: &str, accept: &str, filename: &str) -> Result<(), ApiError> {
    let response = send::<()>(Method::GET, path, None, Auth::Bearer, accept, None).await?;
    let unexpected = || ApiError::server(ErrorCode::Internal, "the download could not be saved");
    let raw: web_sys::Response = response.into();
    let blob = JsFuture::from(raw.blob().map_err(|_| unexpected())?)
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into::<web_sys::Blob>()
        .map_err(|_| unexpected())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| unexpected())?;
    let saved = save_url(&url, filename);
    // Some browsers read the URL after the click returns: free it a little later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    saved.ok_or_else(unexpected)
}

/// Clicks a temporary `<a href=url download=filename>`.
fn save_url(url: &str, filename: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let link = document.create_element("a").ok()?.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    link.set_href(url);
    link.set_download(filename);
    body.append_child(&link).ok()?;
    link.click();
    link.remove();
    Some(())
}

/// A `GET` through [`request`].
pub async fn get<T: DeserializeOwned>(path: &str, auth: Auth) -> Result<T, ApiError> {
    request::<(), T>(Method::GET, path, None, auth).await
}
