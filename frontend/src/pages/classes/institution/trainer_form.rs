//! Adding a trainer to the institution.

use malanhua_shared::api::classes::{NewTrainer, Trainer};
use malanhua_shared::{ErrorCode, FieldCode};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, ClassesKey, t};

/// Props of [`TrainerForm`].
#[derive(Properties, PartialEq)]
pub(super) struct TrainerFormProps {
    /// Called with the new trainer.
    pub on_created: Callback<Trainer>,
}

/// The trainer fields in the order they appear.
const TRAINER_FIELDS: [&str; 2] = ["name", "qualification_no"];

/// A known qualification number is a conflict without field errors: show
/// it beside the number.
fn qualification_taken(error: ApiError) -> ApiError {
    match error {
        ApiError::Server { mut body, retry_after } if body.code == ErrorCode::Conflict && body.fields.is_empty() => {
            body.code = ErrorCode::ValidationFailed;
            body.fields.insert("qualification_no".into(), FieldCode::Taken);
            ApiError::Server { body, retry_after }
        }
        other => other,
    }
}

/// Add a trainer.
#[function_component]
pub(super) fn TrainerForm(props: &TrainerFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Trainer>);
    let onsubmit = {
        let created = created.clone();
        let on_created = props.on_created.clone();
        on_submit(&form, move |form| {
            let body = NewTrainer { name: form.value("name"), qualification_no: form.value("qualification_no") };
            created.set(None);
            if let Err(errors) = body.validate() {
                if let Some(first) = TRAINER_FIELDS.iter().find(|f| errors.contains_key(**f)) {
                    focus(&format!("trainer-{first}"));
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let created = created.clone();
            let on_created = on_created.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::trainers::create_trainer(&body).await {
                    Ok(trainer) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        created.set(Some(trainer.clone()));
                        on_created.emit(trainer);
                    }
                    Err(error) => form.dispatch(FormAction::Failed(qualification_taken(error))),
                }
            });
        })
    };
    let submitting = form.submitting();
    html! {
        <form class="form subform" novalidate=true {onsubmit} aria-labelledby="trainer-form-title">
            <h3 id="trainer-form-title">{ t(lang, ClassesKey::AddTrainer) }</h3>
            <FormError id="trainer-form-error" failure={form.failure().cloned()} others={form.other_errors(&TRAINER_FIELDS)} />
            if let Some(trainer) = &*created {
                <p id="trainer-created" class="alert alert-success" role="status">
                    { i18n::trainer_added(lang, &trainer.name) }
                </p>
            }
            <TextField
                id="trainer-name"
                label={t(lang, ClassesKey::TrainerName)}
                autocomplete={AttrValue::Static("off")}
                value={form.value("name")}
                error={form.error(lang, "name")}
                oninput={setter(&form, "name")}
            />
            <TextField
                id="trainer-qualification_no"
                label={t(lang, ClassesKey::QualificationNo)}
                hint={AttrValue::from(t(lang, ClassesKey::QualificationNoHint))}
                autocomplete={AttrValue::Static("off")}
                maxlength={40}
                value={form.value("qualification_no")}
                error={form.error(lang, "qualification_no")}
                oninput={setter(&form, "qualification_no")}
            />
            <SubmitButton id="trainer-submit" label={t(lang, ClassesKey::AddTrainer)} {submitting} />
        </form>
    }
}
