//! `/bureau/mentors`: the bureau's mentor library.

use yew::prelude::*;

/// `/bureau/mentors`
#[function_component]
pub fn BureauMentorsPage() -> Html {
    html! {}
}
