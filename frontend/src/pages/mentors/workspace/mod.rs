//! `/mentor`: the mentor's workspace, or the application form.

use yew::prelude::*;

/// `/mentor`
#[function_component]
pub fn WorkspacePage() -> Html {
    html! {}
}
