//! The number of unread notifications for the header, kept fresh: loaded
//! on sign-in, on every page change, every minute, and when asked.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::hooks::session::use_session;

/// How often the count is refreshed while a page stays open.
const REFRESH_MS: u32 = 60_000;

/// The unread count and a way to refresh it.
#[derive(Clone, PartialEq)]
pub struct Unread {
    /// Unread notifications (0 when signed out or unknown).
    pub count: usize,
    /// Loads the count again (after marking some read).
    pub refresh: Callback<()>,
}

/// A counter bumped to ask for a refresh (works from a timer, where a
/// state handle's value would be stale).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Tick(u32);

impl Reducible for Tick {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Tick(self.0.wrapping_add(1)))
    }
}

/// Props of [`UnreadProvider`].
#[derive(Properties, PartialEq)]
pub struct UnreadProviderProps {
    /// The app.
    pub children: Html,
}

/// Provides [`Unread`]; must sit inside the session provider and the router.
#[function_component]
pub fn UnreadProvider(props: &UnreadProviderProps) -> Html {
    let session = use_session();
    let location = use_location();
    let count = use_state(|| 0_usize);
    let tick = use_reducer(Tick::default);
    let signed_in = session.signed_in();
    let path = location.map(|l| l.path().to_owned()).unwrap_or_default();

    {
        let count = count.clone();
        use_effect_with((signed_in, path, tick.0), move |(signed_in, _, _)| {
            if *signed_in {
                wasm_bindgen_futures::spawn_local(async move {
                    // A failure keeps the last count; the pages show errors.
                    if let Ok(list) = api::notifications::notifications().await {
                        count.set(list.iter().filter(|n| n.read_at.is_none()).count());
                    }
                });
            } else {
                count.set(0);
            }
        });
    }
    {
        let tick = tick.clone();
        use_effect_with(signed_in, move |signed_in| {
            let timer = signed_in.then(|| Interval::new(REFRESH_MS, move || tick.dispatch(())));
            move || drop(timer)
        });
    }

    let refresh = {
        let tick = tick.clone();
        Callback::from(move |()| tick.dispatch(()))
    };
    let context = Unread { count: *count, refresh };
    html! {
        <ContextProvider<Unread> {context}>
            { props.children.clone() }
        </ContextProvider<Unread>>
    }
}

/// The unread count (0 without a provider).
#[hook]
pub fn use_unread() -> Unread {
    use_context::<Unread>().unwrap_or(Unread { count: 0, refresh: Callback::noop() })
}
