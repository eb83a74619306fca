//! The booking form under the slots: topic, business and an optional plan
//! name for the chosen slot; visitors see a sign-in link instead.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::BookRequest;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::session::{LoginQuery, use_session};
use crate::i18n::{self, MentorsKey, t};
use crate::pages::mentors::info::utc_text;

/// Props of [`BookPanel`].
#[derive(Properties, PartialEq)]
pub(super) struct BookPanelProps {
    /// The mentor.
    pub mentor_id: AttrValue,
    /// The chosen slot's start.
    pub starts_at: Option<DateTime<Utc>>,
}

/// The form, or the sign-in link.
#[function_component]
pub(super) fn BookPanel(props: &BookPanelProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let sending = use_mutation();
    let onsubmit = {
        let (sending, id, starts_at) = (sending.clone(), props.mentor_id.to_string(), props.starts_at);
        on_submit(&form, move |form| {
            let plan = form.value("plan_name");
            let body = BookRequest {
                starts_at: starts_at.map(utc_text).unwrap_or_default(),
                topic: form.value("topic"),
                business: form.value("business"),
                plan_name: (!plan.trim().is_empty()).then_some(plan),
            };
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, id, navigator) = (form.clone(), id.clone(), navigator.clone());
            sending.run(
                format!("book {id} {body:?}"),
                move |key| async move { api::mentors::book(&id, &body, &key).await },
                move |r| match r {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::MyAppointments);
                        }
                    }
                    Err(e) => form.dispatch(FormAction::Failed(e)),
                },
            );
        })
    };
    let body = if !session.signed_in() {
        let next = format!("/mentors/{}", props.mentor_id);
        html! {
            <>
                <p>{ t(lang, MentorsKey::SignInToBook) }</p>
                <Link<Route, LoginQuery> to={Route::Login} query={Some(LoginQuery { next: Some(next), expired: None })} classes="button primary">
                    <span id="book-sign-in">{ t(lang, MentorsKey::SignInAndBook) }</span>
                </Link<Route, LoginQuery>>
            </>
        }
    } else {
        let shown = ["starts_at", "topic", "business", "plan_name"];
        html! {
            <form id="book-form" class="form" novalidate=true {onsubmit}>
                <p id="book-slot" class={classes!(props.starts_at.is_none().then_some("muted"))}>
                    { match props.starts_at {
                        Some(at) => i18n::chosen_slot(lang, &i18n::datetime(lang, at)),
                        None => t(lang, MentorsKey::PickSlotFirst).to_owned(),
                    } }
                </p>
                if let Some(error) = form.error(lang, "starts_at") {
                    <p class="field-error" id="book-slot-error">{ error }</p>
                }
                <FormError id="book-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
                <TextField id="book-topic" label={t(lang, MentorsKey::BookTopic)} maxlength={100}
                    value={form.value("topic")} error={form.error(lang, "topic")} oninput={setter(&form, "topic")} />
                <TextField id="book-business" label={t(lang, MentorsKey::BookBusiness)} rows={4} maxlength={1000}
                    hint={AttrValue::from(t(lang, MentorsKey::BookBusinessHint))}
                    value={form.value("business")} error={form.error(lang, "business")} oninput={setter(&form, "business")} />
                <TextField id="book-plan" label={t(lang, MentorsKey::BookPlan)} required={false} maxlength={120}
                    value={form.value("plan_name")} error={form.error(lang, "plan_name")} oninput={setter(&form, "plan_name")} />
                <p class="hint">{ t(lang, MentorsKey::BookNote) }</p>
                <SubmitButton id="book-submit" label={t(lang, MentorsKey::BookSubmit)} submitting={form.submitting()} />
            </form>
        }
    };
    html! {
        <section class="panel" aria-labelledby="book-title">
            <h2 id="book-title">{ t(lang, MentorsKey::BookTitle) }</h2>
            { body }
        </section>
    }
}
