//! A labelled multi-line text box with an optional hint and error message.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`TextAreaField`].
#[derive(Properties, PartialEq)]
pub struct TextAreaFieldProps {
    /// The textarea's id; the hint is `<id>-hint`, the error `<id>-error`.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// Called with the new value on every edit.
    pub oninput: Callback<String>,
    /// The translated error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Whether a value is needed (announced, not enforced by the browser).
    #[prop_or(true)]
    pub required: bool,
    /// Longest value accepted.
    #[prop_or_default]
    pub maxlength: Option<u32>,
    /// Visible lines.
    #[prop_or(3)]
    pub rows: u32,
}

/// A labelled textarea, linked to its hint and error like
/// [`TextField`](crate::components::text_field::TextField).
#[function_component]
pub fn TextAreaField(props: &TextAreaFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onchange = {
        let cb = props.oninput.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let invalid = if props.error.is_some() {
        "true"
    } else {
        "false"
    };
    let required = props.required.then_some("true");
    let maxlength = props.maxlength.map(|n| n.to_string());
    let class = classes!("field", props.error.as_ref().map(|_| "has-error"));
    html! {
        <div {class}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <textarea
                id={props.id.clone()}
                name={props.id.clone()}
                rows={props.rows.to_string()}
                value={props.value.clone()}
                maxlength={maxlength}
                aria-required={required}
                aria-invalid={invalid}
                aria-describedby={describedby}
                {oninput}
                {onchange}
            />
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id.clone()}>{ error.clone() }</p>
            }
        </div>
    }
}
