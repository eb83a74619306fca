//! HTTP: warp filters per feature and thin handlers. Business errors are
//! values turned into replies by [`reply`]; `recover` only maps warp's own
//! rejections (unmatched routes, bad bodies) to the same error body.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use malanhua_shared::ErrorCode;
use serde::Serialize;
use serde::de::DeserializeOwned;
use warp::http::{HeaderValue, StatusCode, header};
use warp::reply::Response;
use warp::{Filter, Rejection, Reply};

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;

/// Largest JSON body accepted (64 KiB).
pub const MAX_BODY_BYTES: u64 = 64 * 1024;

/// Passes the shared state to handlers.
pub fn with_state(state: Arc<AppState>) -> impl Filter<Extract = (Arc<AppState>,), Error = Infallible> + Clone {
    warp::any().map(move || state.clone())
}

/// The client's address, for limits per address: the socket's peer, or the
/// last `X-Forwarded-For` hop when a trusted proxy sits in front.
pub fn client_ip(state: Arc<AppState>) -> impl Filter<Extract = (String,), Error = Rejection> + Clone {
    let trust = state.config.trust_proxy;
    warp::addr::remote().and(warp::header::optional::<String>("x-forwarded-for")).map(
        move |peer: Option<std::net::SocketAddr>, forwarded: Option<String>| {
            let hop = forwarded.as_deref().and_then(|f| f.rsplit(',').next()).map(str::trim).filter(|h| !h.is_empty());
            match (trust, hop) {
                (true, Some(h)) => h.chars().take(64).collect(),
                _ => peer.map(|p| p.ip().to_string()).unwrap_or_default(),
            }
        },
    )
}

/// The caller, from the `Authorization: Bearer` header, as a value: a
/// missing or bad token is an error the handler returns, not a rejection.
pub fn actor(state: Arc<AppState>) -> impl Filter<Extract = (Result<Actor, AppError>,), Error = Rejection> + Clone {
    with_state(state).and(warp::header::optional::<String>("authorization")).then(
        |state: Arc<AppState>, auth: Option<String>| async move {
            crate::accounts::authenticate(&state, auth, state.now()).await
        },
    )
}

/// A JSON body of at most [`MAX_BODY_BYTES`], parsed as a value: a wrong
/// content type or malformed JSON becomes an error body naming the problem.
pub fn json_body<T: DeserializeOwned + Send>()
-> impl Filter<Extract = (Result<T, AppError>,), Error = Rejection> + Clone {
    warp::body::content_length_limit(MAX_BODY_BYTES)
        .and(warp::header::optional::<String>("content-type"))
        .and(warp::body::bytes())
        .map(|ct: Option<String>, body: Bytes| parse_json(ct.as_deref(), &body))
}

/// A query string parsed as a value: a bad one is a 400 the handler
/// returns. Needed where another method shares the path: as a rejection,
/// that route's 405 would win over the 400.
pub fn query<T: DeserializeOwned + Send + 'static>()
-> impl Filter<Extract = (Result<T, AppError>,), Error = Infallible> + Clone {
    warp::query::<T>()
        .map(Ok)
        .or(warp::any().map(|| Err(AppError::new(ErrorCode::MalformedBody, "bad query string"))))
        .unify()
}

fn parse_json<T: DeserializeOwned>(content_type: Option<&str>, body: &[u8]) -> Result<T, AppError> {
    let is_json = content_type
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(AppError::new(ErrorCode::UnsupportedMediaType, "send the body as application/json"));
    }
    serde_json::from_slice(body).map_err(|e| {
        AppError::new(ErrorCode::MalformedBody, format!("the body is not valid JSON for this request: {e}"))
    })
}

/// A write request as an `Idempotency-Key` sees it: the key, if sent, and
/// what was asked (method, path, query and body).
#[derive(Debug, Clone)]
pub struct Idem {
    key: Option<String>,
    request: String,
}

fn idem_head() -> impl Filter<Extract = (Option<String>, String), Error = Rejection> + Clone {
    warp::header::optional::<String>("idempotency-key")
        .and(warp::method())
        .and(warp::path::full())
        .map(|key, method: warp::http::Method, path: warp::path::FullPath| (key, format!("{method} {}", path.as_str())))
        .untuple_one()
}

/// The scope of a caller's idempotency keys: their account id.
pub fn key_scope(actor: &Result<Actor, AppError>) -> Option<String> {
    actor.as_ref().ok().map(|a| a.user_id.to_string())
}

/// A keyed write request with a JSON body (parsed as [`json_body`] does).
pub fn idem_json<T: DeserializeOwned + Send>()
-> impl Filter<Extract = (Idem, Result<T, AppError>), Error = Rejection> + Clone {
    idem_head()
        .and(warp::body::content_length_limit(MAX_BODY_BYTES))
        .and(warp::header::optional::<String>("content-type"))
        .and(warp::body::bytes())
        .map(|key, head: String, ct: Option<String>, body: Bytes| {
            let request = format!("{head}\n{}", String::from_utf8_lossy(&body));
            (Idem { key, request }, parse_json(ct.as_deref(), &body))
        })
        .untuple_one()
}

/// A keyed write request without a body.
pub fn idem_bare() -> impl Filter<Extract = (Idem,), Error = Rejection> + Clone {
    idem_head().map(|key, request| Idem { key, request })
}

/// Runs a write once per `Idempotency-Key` and caller (`scope`): a retry
/// gets the first response again (marked `idempotent-replayed: true`), the
/// same key with another request a 422, a key still in flight a 409.
/// Without a key (or a caller) the write simply runs.
pub async fn once<T: Serialize>(
    state: &AppState,
    scope: Option<String>,
    idem: Idem,
    status: StatusCode,
    work: impl Future<Output = Result<T, AppError>>,
) -> Response {
    use crate::core::idempotency::{self, Begin};
    let (Some(key), Some(scope)) = (idem.key, scope) else { return reply(status, work.await) };
    match idempotency::begin(state, scope.clone(), key.clone(), idem.request.clone(), state.now()).await {
        Err(e) => error_reply(&e),
        Ok(Begin::Replay { status, body }) => {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut r = warp::reply::with_status(body, code).into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
            r
        }
        Ok(Begin::Fresh) => {
            let result = work.await;
            let (code, body) = match &result {
                Ok(v) => (status.as_u16(), serde_json::to_string(v).unwrap_or_default()),
                Err(e) => (e.code.http_status(), serde_json::to_string(&e.body()).unwrap_or_default()),
            };
            idempotency::finish(state, scope, key, &idem.request, code, body).await;
            reply(status, result)
        }
    }
}

/// A file to download: the body with its content type and `Content-Disposition`.
pub fn download(body: impl Reply, content_type: &'static str, disposition: &'static str) -> Response {
    let mut resp = body.into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp.headers_mut().insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(disposition));
    resp
}

/// A JSON reply with `status`, or the error's reply.
pub fn reply<T: Serialize>(status: StatusCode, result: Result<T, AppError>) -> Response {
    match result {
        Ok(value) => warp::reply::with_status(warp::reply::json(&value), status).into_response(),
        Err(e) => error_reply(&e),
    }
}

/// `200 OK` with a JSON body already serialised (a cached answer).
pub fn json_bytes(body: bytes::Bytes) -> Response {
    let mut r = Response::new(body.into());
    r.headers_mut().insert(warp::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

/// `204 No Content`, or the error's reply.
pub fn no_content(result: Result<(), AppError>) -> Response {
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => error_reply(&e),
    }
}

/// The one mapping from an error to a response.
pub fn error_reply(e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status.is_server_error() {
        tracing::error!(code = ?e.code, "request failed");
    } else {
        tracing::info!(code = ?e.code, status = status.as_u16(), "request refused");
    }
    let mut response = warp::reply::with_status(warp::reply::json(&e.body()), status).into_response();
    if let Some(secs) = e.retry_after
        && let Ok(v) = HeaderValue::from_str(&secs.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    if e.code == ErrorCode::Unauthenticated || e.code == ErrorCode::TokenExpired {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

pub(crate) async fn recover(rejection: Rejection) -> Result<Response, Infallible> {
    use warp::reject;
    let e = if rejection.is_not_found() {
        AppError::new(ErrorCode::NotFound, "no such endpoint")
    } else if rejection.find::<reject::PayloadTooLarge>().is_some() {
        AppError::new(ErrorCode::PayloadTooLarge, format!("the body is larger than {MAX_BODY_BYTES} bytes"))
    } else if rejection.find::<reject::UnsupportedMediaType>().is_some() {
        AppError::new(ErrorCode::UnsupportedMediaType, "send the body as application/json")
    } else if rejection.find::<reject::LengthRequired>().is_some() {
        AppError::new(ErrorCode::MalformedBody, "a Content-Length header is required")
    } else if rejection.find::<reject::MethodNotAllowed>().is_some() {
        AppError::new(ErrorCode::MethodNotAllowed, "this method is not allowed here")
    } else if let Some(q) = rejection.find::<reject::InvalidQuery>() {
        AppError::new(ErrorCode::MalformedBody, format!("bad query string: {q}"))
    } else if let Some(h) = rejection.find::<reject::InvalidHeader>() {
        AppError::new(ErrorCode::MalformedBody, format!("bad header {}", h.name()))
    } else {
        AppError::internal(format!("unhandled rejection: {rejection:?}"))
    };
    Ok(error_reply(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_bodies_need_the_json_content_type() {
        let r: Result<serde_json::Value, _> = parse_json(Some("text/plain"), b"{}");
        assert_eq!(r.map_err(|e| e.code), Err(ErrorCode::UnsupportedMediaType));
        let r: Result<serde_json::Value, _> = parse_json(None, b"{}");
        assert_eq!(r.map_err(|e| e.code), Err(ErrorCode::UnsupportedMediaType));
        let r: Result<serde_json::Value, _> = parse_json(Some("application/json; charset=utf-8"), b"{}");
        assert!(r.is_ok());
    }

    #[test]
    fn malformed_json_is_a_malformed_body() {
        let r: Result<serde_json::Value, _> = parse_json(Some("application/json"), b"{\"mobile\":");
        assert_eq!(r.map_err(|e| e.code), Err(ErrorCode::MalformedBody));
    }
}
