//! What a thin handler receives: a [`Caller`] for reads (the state and who is
//! asking) and a [`Write`] for keyed writes (the caller and its
//! `Idempotency-Key`), so a handler is one call into its use case.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use warp::http::StatusCode;
use warp::reply::Response;
use warp::{Filter, Rejection};

use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::http::{Idem, actor, idem_bare, idem_json, key_scope, once, reply, with_state};
use crate::core::state::AppState;

/// A request body parsed as a value: a bad body is an error the use case
/// returns in turn, so the reply names the field or the problem.
pub type Body<T> = Result<T, AppError>;

/// A request from a caller who must be signed in. A missing or bad token is
/// kept as the error, which the use case returns when it asks for the actor.
pub struct Caller {
    /// The shared state.
    pub state: Arc<AppState>,
    /// Who is asking, or why nobody is signed in.
    pub actor: Result<Actor, AppError>,
}

impl Caller {
    /// Runs a read and replies with its value as JSON, or its error.
    pub async fn json<T, F>(self, work: impl FnOnce(Arc<AppState>, Result<Actor, AppError>) -> F) -> Response
    where
        T: Serialize,
        F: Future<Output = Result<T, AppError>>,
    {
        reply(StatusCode::OK, work(self.state, self.actor).await)
    }
}

/// A keyed write: run once per `Idempotency-Key` and caller (see [`once`]).
pub struct Write {
    caller: Caller,
    idem: Idem,
}

impl Write {
    /// Runs the write once and replies with `status` and its value.
    pub async fn once<T, F>(
        self,
        status: StatusCode,
        work: impl FnOnce(Arc<AppState>, Result<Actor, AppError>) -> F,
    ) -> Response
    where
        T: Serialize,
        F: Future<Output = Result<T, AppError>>,
    {
        let Caller { state, actor } = self.caller;
        let scope = key_scope(&actor);
        let shared = state.clone();
        once(&shared, scope, self.idem, status, work(state, actor)).await
    }
}

/// The [`Caller`] of a request.
pub fn caller(state: Arc<AppState>) -> impl Filter<Extract = (Caller,), Error = Rejection> + Clone {
    with_state(state.clone()).and(actor(state)).map(|state, actor| Caller { state, actor })
}

/// A keyed write with a JSON body.
pub fn write_json<T: DeserializeOwned + Send>(
    state: Arc<AppState>,
) -> impl Filter<Extract = (Write, Body<T>), Error = Rejection> + Clone {
    caller(state).and(idem_json()).map(|caller, idem, body| (Write { caller, idem }, body)).untuple_one()
}

/// A keyed write without a body.
pub fn write_bare(state: Arc<AppState>) -> impl Filter<Extract = (Write,), Error = Rejection> + Clone {
    caller(state).and(idem_bare()).map(|caller, idem| Write { caller, idem })
}

/// One filter of many routes: `any_of!(a, b, c)` is `a.or(b).unify().or(c).unify().boxed()`.
#[macro_export]
macro_rules! any_of {
    ($first:expr $(, $rest:expr)* $(,)?) => {
        $first $(.or($rest).unify())* .boxed()
    };
}
