//! A checkbox with its label beside it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CheckboxField`].
#[derive(Properties, PartialEq)]
pub struct CheckboxFieldProps {
    /// The input's id; the error is `<id>-error`.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// Ticked or not.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
    /// The translated error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The input's `data-testid`, where an id alone does not say which item it is.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// A checkbox whose whole label is the click target (44 px tall).
#[function_component]
pub fn CheckboxField(props: &CheckboxFieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let invalid = if props.error.is_some() { "true" } else { "false" };
    let describedby = props.error.as_ref().map(|_| error_id.clone());
    html! {
        <div class={classes!("field", "check", props.error.as_ref().map(|_| "has-error"))}>
            <label for={props.id.clone()}>
                <input
                    id={props.id.clone()}
                    name={props.id.clone()}
                    type="checkbox"
                    data-testid={props.testid.clone()}
                    checked={props.checked}
                    aria-invalid={invalid}
                    aria-describedby={describedby}
                    {onchange}
                />
                <span>{ props.label.clone() }</span>
            </label>
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id.clone()}>{ error.clone() }</p>
            }
        </div>
    }
}
