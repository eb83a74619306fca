//! Working through a list: the claim after this one in the worklist the
//! officer came from, offered (and focused) once this one is acted on;
//! the stage's step on one key; and why an action is not offered.

use malanhua_shared::api::subsidies::{ClaimAction, WithheldAction};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::i18n::{self, Lang, WorklistKey, t};
use crate::pages::subsidies::trail::Trail;

/// The step that moves the claim on (review, approve, publish or pay),
/// when one is offered: the action the `a` key takes.
pub(super) fn forward_action(actions: &[ClaimAction]) -> Option<ClaimAction> {
    actions
        .iter()
        .copied()
        .find(|a| matches!(a, ClaimAction::Review | ClaimAction::Approve | ClaimAction::Publish | ClaimAction::Pay))
}

/// Presses the button with this id, as a click would.
pub(super) fn press(id: &str) {
    use wasm_bindgen::JsCast;
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        button.click();
    }
}

/// Opens the claim after `id` in the list, if there is one.
pub(super) fn open_next(navigator: &Option<Navigator>, trail: Option<&Trail>, id: &str) -> bool {
    match (navigator, trail.and_then(|t| t.next_after(id))) {
        (Some(navigator), Some((next, _, _))) => {
            navigator.push(&Route::Claim { id: next });
            true
        }
        _ => false,
    }
}

/// After an action: the next claim of the list (`#claim-next`), or the
/// way back to the list when this was the last (`#claim-list-done`).
pub(super) fn next_step(lang: Lang, trail: Option<&Trail>, id: &str) -> Html {
    let Some(trail) = trail.filter(|t| !t.is_empty() && t.contains(id)) else {
        return html! {};
    };
    match trail.next_after(id) {
        Some((next, holder, at)) => html! {
            <p class="next-step">
                <AppLink id="claim-next" to={Route::Claim { id: next }} classes={classes!("button", "primary")}>
                    { i18n::next_claim(lang, &holder, &at.to_string(), &trail.len().to_string()) }
                </AppLink>
                { " " }<kbd aria-hidden="true">{ "n" }</kbd>
            </p>
        },
        None => html! {
            <p class="next-step" id="claim-list-done" tabindex="-1">{ t(lang, WorklistKey::ListDone) }</p>
        },
    }
}

/// The actions the stage would allow but the claim's eligibility does
/// not, each with its reasons.
pub(super) fn withheld_list(lang: Lang, withheld: &[WithheldAction]) -> Html {
    if withheld.is_empty() {
        return html! {};
    }
    html! {
        <div id="claim-withheld" class="withheld alert alert-info">
            <p><strong>{ t(lang, WorklistKey::WithheldTitle) }</strong></p>
            <ul>
                { for withheld.iter().map(|w| {
                    let reasons: Vec<&str> = w.reasons.iter().map(|r| i18n::ineligible_reason_text(lang, *r)).collect();
                    html! {
                        <li data-action={w.action.as_str()}>
                            { i18n::withheld_line(lang, i18n::claim_action_name(lang, w.action), &reasons.join(" ")) }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// The claim page's keys.
pub(super) fn claim_keys(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        ("a", t(lang, WorklistKey::KeyAdvance)),
        ("n", t(lang, WorklistKey::KeyNextClaim)),
        ("?", t(lang, WorklistKey::KeyHelp)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_a_key_takes_the_step_that_moves_the_claim_on() {
        use ClaimAction as A;
        assert_eq!(forward_action(&[A::Review, A::Return, A::Reject]), Some(A::Review));
        assert_eq!(forward_action(&[A::Pay, A::Reject]), Some(A::Pay));
        assert_eq!(forward_action(&[A::Return, A::Reject]), None, "returning or rejecting needs a reason first");
    }
}
