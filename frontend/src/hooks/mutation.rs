//! A write request and what became of it: the idempotency key of its
//! intent, whether it is on its way, and its last answer.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::api::ApiError;
use crate::hooks::idempotency::{IdempotencyKeys, use_idempotency_keys};

/// Where the last request stands.
#[derive(Debug, Clone, PartialEq)]
struct Outcome<T> {
    submitting: bool,
    error: Option<ApiError>,
    result: Option<T>,
}

/// One component's write request: see [`use_mutation`].
#[derive(Clone)]
pub struct Mutation<T: 'static> {
    keys: IdempotencyKeys,
    /// Set while a request is on its way, read without waiting for a render.
    busy: Rc<Cell<bool>>,
    outcome: UseStateHandle<Outcome<T>>,
}

impl<T: Clone + 'static> Mutation<T> {
    /// Whether a request is on its way.
    pub fn submitting(&self) -> bool {
        self.outcome.submitting
    }

    /// Why the last request failed.
    pub fn error(&self) -> Option<&ApiError> {
        self.outcome.error.as_ref()
    }

    /// What the last request returned.
    pub fn result(&self) -> Option<&T> {
        self.outcome.result.as_ref()
    }

    /// Sends `call(key)` for `intent` (a description of the request, its
    /// path and body) unless a request is already on its way. The key is
    /// the pending one when this repeats an unsettled intent, else a new
    /// one; a final answer forgets it. The answer is kept (as the result or
    /// the error) and handed to `then`.
    pub fn run<F, Fut, Then>(&self, intent: String, call: F, then: Then)
    where
        F: FnOnce(String) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
        Then: FnOnce(Result<T, ApiError>) + 'static,
    {
        if self.busy.replace(true) {
            return;
        }
        let key = self.keys.key_for(&intent);
        self.outcome.set(Outcome { submitting: true, error: None, result: None });
        let (keys, busy, outcome) = (self.keys.clone(), self.busy.clone(), self.outcome.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = call(key).await;
            keys.settle(&intent, &result);
            busy.set(false);
            outcome.set(match &result {
                Ok(t) => Outcome { submitting: false, error: None, result: Some(t.clone()) },
                Err(e) => Outcome { submitting: false, error: Some(e.clone()), result: None },
            });
            then(result);
        });
    }
}

/// A write request of this component, with its idempotency key and its
/// submitting flag, error and result.
#[hook]
pub fn use_mutation<T>() -> Mutation<T>
where
    T: Clone + 'static,
{
    let keys = use_idempotency_keys();
    let busy = use_memo((), |()| Cell::new(false));
    let outcome = use_state(|| Outcome { submitting: false, error: None, result: None });
    Mutation { keys, busy, outcome }
}
