//! An in-app link that can carry an id and marks the current page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// Props of [`AppLink`].
#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    /// Where the link goes.
    pub to: Route,
    /// The element id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// CSS classes.
    #[prop_or_default]
    pub classes: Classes,
    /// The accessible name, when the text shown is not it.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Called when the link is followed inside the app (before it navigates).
    #[prop_or_default]
    pub on_follow: Option<Callback<()>>,
    /// The link text.
    pub children: Html,
}

/// An `<a>` that navigates inside the app; `aria-current="page"` when it
/// points at the current route.
#[function_component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let navigator = use_navigator();
    let current = use_route::<Route>();
    let onclick = {
        let (to, on_follow) = (props.to.clone(), props.on_follow.clone());
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if let Some(navigator) = &navigator {
                if let Some(follow) = &on_follow {
                    follow.emit(());
                }
                e.prevent_default();
                navigator.push(&to);
            }
        })
    };
    let aria_current = (current.as_ref() == Some(&props.to)).then_some("page");
    html! {
        <a
            id={props.id.clone()}
            class={props.classes.clone()}
            href={props.to.to_path()}
            aria-current={aria_current}
            aria-label={props.label.clone()}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}
