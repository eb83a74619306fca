//! A labelled text input (or multi-line box) with an optional hint and
//! error message.

use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::field_frame::{Aria, aria, field_frame};

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id; the hint is `<id>-hint`, the error `<id>-error`.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// Called with the new value on every edit (`input` and `change`).
    pub oninput: Callback<String>,
    /// The translated error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The input type (`text`, `tel`, `password`, `number`, `date` ...).
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The `autocomplete` token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// The `inputmode` for on-screen keyboards.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Whether a value is needed (announced, not enforced by the browser).
    #[prop_or(true)]
    pub required: bool,
    /// Longest value accepted.
    #[prop_or_default]
    pub maxlength: Option<u32>,
    /// Lines of a multi-line box (`<textarea>`); a one-line input when absent.
    #[prop_or_default]
    pub rows: Option<u32>,
}

/// The value of the input or textarea an event came from.
fn value_of(target: Option<EventTarget>) -> String {
    match target {
        Some(t) => match t.dyn_into::<HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(t) => t.dyn_into::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default(),
        },
        None => String::new(),
    }
}

/// A labelled text input; the error is linked with `aria-describedby` and
/// marks the input `aria-invalid`.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let Aria { describedby, invalid, required } =
        aria(&props.id, props.hint.as_ref(), props.error.as_ref(), props.required);
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(value_of(e.target())))
    };
    // Date and time pickers (and values set by script) may only send `change`.
    let onchange = {
        let cb = props.oninput.clone();
        Callback::from(move |e: Event| cb.emit(value_of(e.target())))
    };
    let maxlength = props.maxlength.map(|n| n.to_string());
    let control = if let Some(rows) = props.rows {
        html! {
            <textarea
                id={props.id.clone()}
                name={props.id.clone()}
                rows={rows.to_string()}
                value={props.value.clone()}
                maxlength={maxlength}
                aria-required={required}
                aria-invalid={invalid}
                aria-describedby={describedby}
                {oninput}
                {onchange}
            />
        }
    } else {
        html! {
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                maxlength={maxlength}
                aria-required={required}
                aria-invalid={invalid}
                aria-describedby={describedby}
                {oninput}
                {onchange}
            />
        }
    };
    field_frame(&props.id, &props.label, props.hint.as_ref(), props.error.as_ref(), control)
}
