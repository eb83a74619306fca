//! Data a page loads from the API: loading, loaded or failed, fetched
//! again when its inputs change or when asked to.

use std::future::Future;

use yew::prelude::*;

use crate::api::ApiError;

/// Something loaded from the API.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    /// Being fetched for the first time (or for new inputs).
    Loading,
    /// Fetched.
    Loaded(T),
    /// The fetch failed.
    Failed(ApiError),
}

impl<T> Remote<T> {
    /// The data, once fetched.
    pub fn loaded(&self) -> Option<&T> {
        match self {
            Self::Loaded(t) => Some(t),
            Self::Loading | Self::Failed(_) => None,
        }
    }
}

/// Loads `load(deps)` when `deps` change (showing [`Remote::Loading`]) and
/// when the returned callback is called (keeping the current data on
/// screen until the new answer arrives). An answer that arrives after a
/// newer request was made is dropped.
#[hook]
pub fn use_remote<T, D, F, Fut>(deps: D, load: F) -> (UseStateHandle<Remote<T>>, Callback<()>)
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| Remote::Loading);
    let attempt = use_state(|| 0_u32);
    let generation = use_mut_ref(|| 0_u64);
    let last_deps = use_mut_ref(|| None::<D>);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            let changed = last_deps.borrow().as_ref() != Some(deps);
            if changed {
                *last_deps.borrow_mut() = Some(deps.clone());
                state.set(Remote::Loading);
            }
            let this = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            let future = load(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() != this {
                    return;
                }
                state.set(match result {
                    Ok(t) => Remote::Loaded(t),
                    Err(e) => Remote::Failed(e),
                });
            });
        });
    }
    let reload = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    (state, reload)
}
