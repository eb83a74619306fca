//! A labelled select with an optional hint and error message.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field_frame::{Aria, aria, field_frame};

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The select's id; the hint is `<id>-hint`, the error `<id>-error`.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The chosen value (empty for the empty option).
    pub value: AttrValue,
    /// `(value, text)` of each option, after the empty one.
    pub options: Vec<(String, String)>,
    /// The text of the empty first option; `None` leaves it out.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
    /// Called with the new value.
    pub onchange: Callback<String>,
    /// The translated error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Whether a value is needed (announced, not enforced by the browser).
    #[prop_or(true)]
    pub required: bool,
}

/// A labelled select whose selection follows `value` (the DOM value is set
/// after each render, so a reset or a new option list shows correctly).
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.value.clone(), props.options.clone()), move |(value, _)| {
            if let Some(select) = node.cast::<HtmlSelectElement>()
                && select.value() != value.as_str()
            {
                select.set_value(value);
            }
        });
    }
    let Aria { describedby, invalid, required } =
        aria(&props.id, props.hint.as_ref(), props.error.as_ref(), props.required);
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let control = html! {
        <select
            id={props.id.clone()}
            name={props.id.clone()}
            ref={node}
            aria-required={required}
            aria-invalid={invalid}
            aria-describedby={describedby}
            {onchange}
        >
            if let Some(empty) = &props.empty {
                <option value="" selected={props.value.is_empty()}>{ empty.clone() }</option>
            }
            { for props.options.iter().map(|(value, text)| html! {
                <option key={value.clone()} value={value.clone()} selected={*value == props.value.as_str()}>
                    { text.clone() }
                </option>
            }) }
        </select>
    };
    field_frame(&props.id, &props.label, props.hint.as_ref(), props.error.as_ref(), control)
}
