//! A list's status filter kept in the address (`?status=`), so Back from
//! an item, a reload or a shared link shows the same list.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// The query of a list filtered by status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StatusQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
}

/// The `status` in the address of `route` (or `default` when there is
/// none), and the callback that shows another one there.
#[hook]
pub fn use_status_param(route: Route, default: &'static str) -> (String, Callback<String>) {
    let location = use_location();
    let navigator = use_navigator();
    let status = location
        .and_then(|l| l.query::<StatusQuery>().ok())
        .and_then(|q| q.status)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| default.to_owned());
    let set = Callback::from(move |value: String| {
        if let Some(navigator) = &navigator {
            let query = StatusQuery { status: (value != default).then_some(value) };
            if navigator.push_with_query(&route, &query).is_err() {
                navigator.push(&route);
            }
        }
    });
    (status, set)
}
