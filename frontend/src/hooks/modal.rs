//! A native `<dialog>` shown as a modal while `open` is true: the browser
//! then keeps the focus inside it, dims the page and closes it on Escape
//! (the owner decides what Escape means through the `cancel` event).

use yew::prelude::*;

/// The ref to put on the `<dialog>`; it is opened and closed with `open`.
#[hook]
pub fn use_modal(open: bool) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(open, move |open| {
            if let Some(dialog) = node.cast::<web_sys::HtmlDialogElement>() {
                if *open && !dialog.open() {
                    let _ = dialog.show_modal();
                } else if !*open && dialog.open() {
                    dialog.close();
                }
            }
        });
    }
    node
}
