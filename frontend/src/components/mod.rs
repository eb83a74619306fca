//! Building blocks shared by the pages.

pub mod app_link;
pub mod checkbox_field;
pub mod claim_info;
pub mod class_info;
pub mod code_field;
pub mod confirm_dialog;
pub mod field_frame;
pub mod form_error;
pub mod reason_form;
pub mod region_picker;
pub mod remote_view;
pub mod require_sign_in;
pub mod select_field;
pub mod shortcut_help;
pub mod stack_table;
pub mod submit_button;
pub mod text_field;

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
