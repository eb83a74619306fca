//! Filling in again the form that was being typed when the session ended
//! (see `crate::drafts`), once the person is signed in and back on its page.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::drafts;

/// How often the page is looked at while its fields appear (milliseconds).
const STEP_MS: u32 = 200;
/// Steps before what could not be filled in is given up (10 seconds).
const MAX_STEPS: u32 = 50;

/// Restores the saved draft of the page shown, when signed in.
#[hook]
pub fn use_draft_restore(signed_in: bool) {
    let route = use_route::<Route>();
    use_effect_with((route, signed_in), move |(_, signed_in)| {
        let path = drafts::current_path();
        let timer = (*signed_in && drafts::waiting_for(&path)).then(|| {
            let (done, steps) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(0_u32)));
            Interval::new(STEP_MS, move || {
                if done.get() {
                    return;
                }
                steps.set(steps.get() + 1);
                if drafts::restore_step(&path) {
                    done.set(true);
                } else if steps.get() >= MAX_STEPS {
                    drafts::discard();
                    done.set(true);
                }
            })
        });
        move || drop(timer)
    });
}
