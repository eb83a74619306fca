//! The one-time code field: a six-digit input with a "Send code" button
//! that asks the server to text a code to the mobile typed above, then
//! counts down until another may be asked for.

use gloo::timers::callback::Interval;
use malanhua_shared::Mobile;
use malanhua_shared::api::mobile_field_code;
use malanhua_shared::api::verification::{CodePurpose, CodeRequest};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::failure_message;
use crate::components::text_field::TextField;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, VerifyKey, t};

/// Props of [`CodeField`].
#[derive(Properties, PartialEq)]
pub struct CodeFieldProps {
    /// The input's id (the button is `<id>-send`, the status `<id>-status`).
    pub id: AttrValue,
    /// The mobile the code goes to, as typed.
    pub mobile: AttrValue,
    /// What the code is for.
    pub purpose: CodePurpose,
    /// The code typed.
    pub value: AttrValue,
    /// Called with the new value.
    pub oninput: Callback<String>,
    /// The translated error of the code.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the mobile's error when it cannot take a code.
    pub on_mobile_error: Callback<malanhua_shared::FieldCode>,
}

/// What the button row says.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Sending,
    Sent(String),
    Failed(String),
}

/// The code input and its send button.
#[function_component]
pub fn CodeField(props: &CodeFieldProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| Status::Idle);
    let wait = use_state(|| 0_u32);
    let ticker = use_mut_ref(|| None::<Interval>);

    let onclick = {
        let (status, wait, ticker) = (status.clone(), wait.clone(), ticker.clone());
        let (mobile, purpose, on_mobile_error) =
            (props.mobile.to_string(), props.purpose, props.on_mobile_error.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = Mobile::parse(&mobile) {
                on_mobile_error.emit(mobile_field_code(e));
                return;
            }
            status.set(Status::Sending);
            let body = CodeRequest { mobile: mobile.clone(), purpose };
            let (status, wait, ticker) = (status.clone(), wait.clone(), ticker.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::auth::send_code(&body).await {
                    Ok(sent) => {
                        let secs = sent.resend_after_seconds;
                        status.set(Status::Sent(i18n::code_sent(lang, &sent.mobile_masked, &secs.to_string())));
                        wait.set(secs);
                        let left = std::rc::Rc::new(std::cell::Cell::new(secs));
                        let w = wait.clone();
                        *ticker.borrow_mut() = Some(Interval::new(1_000, move || {
                            let n = left.get().saturating_sub(1);
                            left.set(n);
                            w.set(n);
                        }));
                    }
                    Err(e) => status.set(Status::Failed(failure_message(lang, &e))),
                }
            });
        })
    };
    if *wait == 0 {
        ticker.borrow_mut().take();
    }
    let label = match (&*status, *wait) {
        (Status::Sending, _) => t(lang, VerifyKey::Sending).to_owned(),
        (_, n) if n > 0 => i18n::resend_in(lang, &n.to_string()),
        _ => t(lang, VerifyKey::SendCode).to_owned(),
    };
    let disabled = *status == Status::Sending || *wait > 0;
    let status_id = format!("{}-status", props.id);
    let line = match &*status {
        Status::Sent(text) => html! { <p id={status_id} class="hint" role="status">{ text }</p> },
        Status::Failed(text) => html! { <p id={status_id} class="field-error" role="alert">{ text }</p> },
        Status::Idle | Status::Sending => html! {},
    };
    html! {
        <div class="code-field">
            <div class="code-row">
                <TextField
                    id={props.id.clone()}
                    label={t(lang, VerifyKey::Code)}
                    hint={AttrValue::from(t(lang, VerifyKey::CodeHint))}
                    inputmode={AttrValue::Static("numeric")}
                    autocomplete={AttrValue::Static("one-time-code")}
                    maxlength={6}
                    value={props.value.clone()}
                    error={props.error.clone()}
                    oninput={props.oninput.clone()}
                />
                <button id={format!("{}-send", props.id)} type="button" class="button secondary send-code" {disabled} {onclick}>
                    { label }
                </button>
            </div>
            { line }
        </div>
    }
}

/// Marks the mobile refused when a code cannot be sent to it, and moves
/// focus to its input `input`.
pub fn mobile_error(
    form: &UseReducerHandle<crate::hooks::form::Form>,
    input: &'static str,
) -> Callback<malanhua_shared::FieldCode> {
    let form = form.clone();
    Callback::from(move |code| {
        let mut errors = malanhua_shared::FieldErrors::new();
        errors.insert("mobile".into(), code);
        crate::components::focus(input);
        form.dispatch(crate::hooks::form::FormAction::Invalid(crate::hooks::form::issues(errors)));
    })
}

/// How a form that proves a mobile shows its pair of inputs.
pub struct MobileAndCode {
    /// The ids of the mobile and code inputs (the form's fields are always
    /// `mobile` and `code`).
    pub ids: (&'static str, &'static str),
    /// The mobile's label and hint.
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// `tel` for a new number, `username` where it names an account.
    pub autocomplete: &'static str,
    /// What the code is for.
    pub purpose: CodePurpose,
}

/// The mobile input and, under it, the code texted to it: the pair that
/// registration, password reset and an objection share.
pub fn mobile_and_code(
    lang: crate::i18n::Lang,
    form: &UseReducerHandle<crate::hooks::form::Form>,
    m: MobileAndCode,
) -> Html {
    use crate::hooks::form::setter;
    let (mobile_id, code_id) = m.ids;
    html! {
        <>
            <TextField
                id={mobile_id}
                label={m.label}
                hint={m.hint.map(AttrValue::from)}
                input_type="tel"
                inputmode={AttrValue::Static("numeric")}
                autocomplete={AttrValue::from(m.autocomplete)}
                value={form.value("mobile")}
                error={form.error(lang, "mobile")}
                oninput={setter(form, "mobile")}
            />
            <CodeField
                id={code_id}
                mobile={form.value("mobile")}
                purpose={m.purpose}
                value={form.value("code")}
                error={form.error(lang, "code")}
                oninput={setter(form, "code")}
                on_mobile_error={mobile_error(form, mobile_id)}
            />
        </>
    }
}
