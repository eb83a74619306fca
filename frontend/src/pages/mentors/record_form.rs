//! The service record (服务记录) a mentor writes after an appointment or a
//! group session, and the rating the person gives: two short forms checked
//! by the shared rules before they are sent.

use malanhua_shared::api::mentors::{RatingInput, ServiceRecordInput};
use yew::prelude::*;

use crate::api;
use crate::components::checkbox_field::CheckboxField;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, MentorDeskKey, MentorsKey, t};
use crate::pages::mentors::send::send_form;

/// Props of [`RecordForm`] and [`RateForm`].
#[derive(Properties, PartialEq)]
pub struct ServiceFormProps {
    /// `appointments` or `group-sessions`.
    pub base: AttrValue,
    /// The appointment or session.
    pub target: AttrValue,
    /// Id prefix of the inputs.
    pub prefix: AttrValue,
    /// Called after it was saved.
    pub on_done: Callback<()>,
}

/// What was discussed, the advice, the follow-up and the minutes.
#[function_component]
pub fn RecordForm(props: &ServiceFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation::<api::mentors::Done>();
    let onsubmit = {
        let (sending, base, target, on_done) =
            (sending.clone(), props.base.to_string(), props.target.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let body = ServiceRecordInput {
                discussed: form.value("discussed"),
                advice: form.value("advice"),
                follow_up: form.value("follow_up"),
                minutes: form.value("minutes").trim().parse().unwrap_or(0),
                offline: form.value("offline") == "true",
            };
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let (base, target) = (base.clone(), target.clone());
            let intent = format!("record {base} {target} {body:?}");
            let call = move |key: String| async move { api::mentors::record(&base, &target, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let p = props.prefix.as_str();
    let shown = ["discussed", "advice", "follow_up", "minutes", "offline"];
    html! {
        <form class="form inline-form" id={format!("{p}-form")} novalidate=true {onsubmit}>
            <h3>{ t(lang, MentorsKey::ServiceRecord) }</h3>
            <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            <TextField id={format!("{p}-discussed")} label={t(lang, MentorsKey::Discussed)} rows={3} maxlength={2000}
                value={form.value("discussed")} error={form.error(lang, "discussed")} oninput={setter(&form, "discussed")} />
            <TextField id={format!("{p}-advice")} label={t(lang, MentorsKey::Advice)} rows={3} maxlength={2000}
                value={form.value("advice")} error={form.error(lang, "advice")} oninput={setter(&form, "advice")} />
            <TextField id={format!("{p}-follow-up")} label={t(lang, MentorsKey::FollowUp)} rows={2} required={false}
                maxlength={1000} value={form.value("follow_up")} error={form.error(lang, "follow_up")}
                oninput={setter(&form, "follow_up")} />
            <TextField id={format!("{p}-minutes")} label={t(lang, MentorsKey::Minutes)} input_type="number" inputmode="numeric"
                value={form.value("minutes")} error={form.error(lang, "minutes")} oninput={setter(&form, "minutes")} />
            <CheckboxField id={format!("{p}-offline")} label={t(lang, MentorsKey::Offline)} checked={form.value("offline") == "true"}
                onchange={setter(&form, "offline").reform(|on: bool| if on { "true".to_owned() } else { String::new() })} />
            <SubmitButton id={format!("{p}-submit")} label={t(lang, MentorDeskKey::RecordSubmit)} submitting={form.submitting()} />
        </form>
    }
}

/// Confirms the service took place, with 1 to 5 and a comment.
#[function_component]
pub fn RateForm(props: &ServiceFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation::<api::mentors::Done>();
    let onsubmit = {
        let (sending, base, target, on_done) =
            (sending.clone(), props.base.to_string(), props.target.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let body =
                RatingInput { rating: form.value("rating").parse().unwrap_or(0), comment: form.value("comment") };
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let (base, target) = (base.clone(), target.clone());
            let intent = format!("rate {base} {target} {body:?}");
            let call = move |key: String| async move { api::mentors::rate(&base, &target, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let p = props.prefix.as_str();
    let stars: Vec<(String, String)> =
        (1..=5).rev().map(|n| (n.to_string(), i18n::stars(lang, &n.to_string()))).collect();
    html! {
        <form class="form inline-form" id={format!("{p}-form")} novalidate=true {onsubmit}>
            <h3>{ t(lang, MentorsKey::RateTitle) }</h3>
            <p class="hint">{ t(lang, MentorsKey::RateLead) }</p>
            <FormError id={format!("{p}-error")} failure={form.failure().cloned()} others={form.other_errors(&["rating", "comment"])} />
            <SelectField id={format!("{p}-rating")} label={t(lang, MentorsKey::RatingInput)} value={form.value("rating")}
                empty={AttrValue::from(t(lang, MentorDeskKey::ChooseMode))} options={stars}
                error={form.error(lang, "rating")} onchange={setter(&form, "rating")} />
            <TextField id={format!("{p}-comment")} label={t(lang, MentorsKey::RatingComment)} rows={2} required={false}
                maxlength={500} value={form.value("comment")} error={form.error(lang, "comment")} oninput={setter(&form, "comment")} />
            <SubmitButton id={format!("{p}-submit")} label={t(lang, MentorsKey::RateSubmit)} submitting={form.submitting()} />
        </form>
    }
}
