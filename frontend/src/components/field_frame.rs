//! What every labelled control shares: the frame (label, hint, control,
//! error) and the ARIA links from the control to its hint and error.

use yew::prelude::*;

/// The ARIA attributes of a control with an id, a hint and an error.
pub struct Aria {
    /// `aria-describedby`: `<id>-hint` and `<id>-error`, those that are shown.
    pub describedby: Option<String>,
    /// `aria-invalid`: whether an error is shown.
    pub invalid: &'static str,
    /// `aria-required`, when a value is needed.
    pub required: Option<&'static str>,
}

/// The ARIA attributes of control `id`.
pub fn aria(id: &str, hint: Option<&AttrValue>, error: Option<&AttrValue>, required: bool) -> Aria {
    let described: Vec<String> =
        [hint.map(|_| format!("{id}-hint")), error.map(|_| format!("{id}-error"))].into_iter().flatten().collect();
    Aria {
        describedby: (!described.is_empty()).then(|| described.join(" ")),
        invalid: if error.is_some() { "true" } else { "false" },
        required: required.then_some("true"),
    }
}

/// A labelled field: the label, the hint (if any), the control and the error (if any).
pub fn field_frame(
    id: &AttrValue,
    label: &AttrValue,
    hint: Option<&AttrValue>,
    error: Option<&AttrValue>,
    control: Html,
) -> Html {
    let class = classes!("field", error.map(|_| "has-error"));
    html! {
        <div {class}>
            <label for={id.clone()}>{ label.clone() }</label>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            { control }
            if let Some(error) = error {
                <p class="field-error" id={format!("{id}-error")}>{ error.clone() }</p>
            }
        </div>
    }
}
