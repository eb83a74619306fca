//! The leader's periodic report (StudioReportInput): the period from those
//! due, what the studio did, the services given and the grant spent in
//! yuan. Checked with the shared rules before sending.

use chrono::NaiveDate;
use malanhua_shared::FieldErrors;
use malanhua_shared::api::studios::StudioReportInput;
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, checked, issues, on_submit, read_number, read_yuan, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, StudiosKey, t};
use crate::pages::mentors::send::send_form;

const FIELDS: [&str; 4] = ["period_start", "activities", "services", "spent_fen"];

/// Props of [`ReportForm`].
#[derive(Properties, PartialEq)]
pub struct ReportFormProps {
    /// The studio.
    pub studio_id: AttrValue,
    /// The period starts a report is due for, oldest first.
    pub missing: Vec<NaiveDate>,
    /// Called after it was filed.
    pub on_done: Callback<()>,
}

/// The report as typed, and the errors of its numbers.
fn read(form: &Form) -> (StudioReportInput, FieldErrors) {
    let mut errors = FieldErrors::new();
    let body = StudioReportInput {
        period_start: NaiveDate::parse_from_str(form.value("period_start").trim(), "%Y-%m-%d").ok(),
        activities: form.value("activities"),
        services: read_number(&form.value("services"), "services", &mut errors),
        spent_fen: read_yuan(&form.value("spent_fen"), "spent_fen", &mut errors),
    };
    (body, errors)
}

/// `#report-form`, for the leader of a recognised studio: the fields while a
/// report is due, else a line saying none is.
#[function_component]
pub fn ReportForm(props: &ReportFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let first = props.missing.first().map(|d| d.to_string()).unwrap_or_default();
    {
        let form = form.clone();
        use_effect_with(first, move |first| form.dispatch(FormAction::Set("period_start", first.clone())));
    }
    let onsubmit = {
        let (sending, id, on_done) = (sending.clone(), props.studio_id.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let (body, errors) = read(form);
            let body = match checked(body, errors, StudioReportInput::validate) {
                Ok(body) => body,
                Err(errors) => return form.dispatch(FormAction::Invalid(issues(errors))),
            };
            let id = id.clone();
            let intent = format!("studio report {id} {body:?}");
            let call = move |key: String| async move { api::studios::report(&id, &body, &key).await };
            send_form(form, &sending, intent, true, call, on_done.clone());
        })
    };
    let periods: Vec<(String, String)> = props.missing.iter().map(|d| (d.to_string(), i18n::date(lang, *d))).collect();
    let done = html! {
        if form.succeeded() {
            <p class="alert alert-success" role="status" id="report-done">{ t(lang, StudiosKey::ReportFiled) }</p>
        }
    };
    if props.missing.is_empty() {
        return html! {
            <section class="panel" id="report-none">
                <h2>{ t(lang, StudiosKey::ReportTitle) }</h2>
                { done }
                <p class="muted">{ t(lang, StudiosKey::NoReportsMissing) }</p>
            </section>
        };
    }
    html! {
        <form id="report-form" class="form panel" novalidate=true {onsubmit}>
            <h2>{ t(lang, StudiosKey::ReportTitle) }</h2>
            <FormError id="report-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
            { done }
            <SelectField id="report-period" label={t(lang, StudiosKey::ReportPeriod)} value={form.value("period_start")}
                options={periods} error={form.error(lang, "period_start")} onchange={setter(&form, "period_start")} />
            <TextField id="report-activities" label={t(lang, StudiosKey::Activities)} rows={5} maxlength={4000}
                value={form.value("activities")} error={form.error(lang, "activities")} oninput={setter(&form, "activities")} />
            <div class="field-pair">
                <TextField id="report-services" label={t(lang, StudiosKey::ReportServices)} input_type="number" inputmode="numeric"
                    value={form.value("services")} error={form.error(lang, "services")} oninput={setter(&form, "services")} />
                <TextField id="report-spent" label={t(lang, StudiosKey::ReportSpent)} inputmode="decimal"
                    value={form.value("spent_fen")} error={form.error(lang, "spent_fen")} oninput={setter(&form, "spent_fen")} />
            </div>
            <SubmitButton id="report-submit" label={t(lang, StudiosKey::ReportSubmit)} submitting={form.submitting()} />
        </form>
    }
}
