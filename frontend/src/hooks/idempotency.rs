//! One `Idempotency-Key` per intent: repeating the same request (a double
//! click, a retry after a network failure or while the first is still
//! being processed) reuses its key, so the server does it only once; any
//! other request gets a new key.

use std::cell::RefCell;
use std::rc::Rc;

use malanhua_shared::ErrorCode;
use yew::prelude::*;

use crate::api::{ApiError, new_idempotency_key};

/// The key of the last request whose outcome is not final, with what it asked.
#[derive(Debug, Clone, Default)]
pub struct IdempotencyKeys(Rc<RefCell<Option<(String, String)>>>);

impl IdempotencyKeys {
    /// The key for the request described by `intent` (its path and body):
    /// the pending one when this repeats it, else a new one.
    pub fn key_for(&self, intent: &str) -> String {
        let mut pending = self.0.borrow_mut();
        match pending.as_ref() {
            Some((asked, key)) if asked == intent => key.clone(),
            _ => {
                let key = new_idempotency_key();
                *pending = Some((intent.to_owned(), key.clone()));
                key
            }
        }
    }

    /// Forgets the key of `intent` once its answer is final (done, or
    /// refused); keeps it when the request may not have reached the server
    /// or is still being processed, so trying again repeats it.
    pub fn settle<T>(&self, intent: &str, result: &Result<T, ApiError>) {
        let retryable = match result {
            Ok(_) => false,
            Err(ApiError::Network) => true,
            Err(ApiError::Server { body, .. }) => {
                matches!(body.code, ErrorCode::RequestInProgress | ErrorCode::Internal)
            }
        };
        let mut pending = self.0.borrow_mut();
        if !retryable && pending.as_ref().is_some_and(|(asked, _)| asked == intent) {
            *pending = None;
        }
    }
}

/// The keys of one component's write requests.
#[hook]
pub fn use_idempotency_keys() -> IdempotencyKeys {
    IdempotencyKeys(use_mut_ref(|| None))
}
