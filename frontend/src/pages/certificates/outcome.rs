//! `#outcome`, on a certificate: what happened after the course, its
//! follow-up points, and the form the holder or the institution's staff
//! records it with (the bureau reads it only). Checked with the shared rules
//! before sending.

use std::rc::Rc;

use chrono::NaiveDate;
use malanhua_shared::FieldErrors;
use malanhua_shared::api::outcomes::{FollowUpPoint, Industry, OutcomeInput, OutcomeRecord, OutcomeStatus};
use yew::prelude::*;

use crate::api;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, checked, fill, issues, on_submit, read_number, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, OutcomesKey, t};
use crate::pages::mentors::send::send_form;

const FIELDS: [&str; 5] = ["status", "started_on", "credit_code", "industry", "jobs_created"];

/// Props of [`OutcomePanel`].
#[derive(Properties, PartialEq)]
pub struct OutcomePanelProps {
    /// The certificate number.
    pub number: AttrValue,
    /// Whether the viewer may record (the holder or the institution's staff).
    pub editable: bool,
}

/// What the form holds, as the API takes it, and the errors of its numbers.
fn read(form: &Form) -> (OutcomeInput, FieldErrors) {
    let mut errors = FieldErrors::new();
    let status = OutcomeStatus::from_name(&form.value("status"));
    let started = status == Some(OutcomeStatus::Started);
    let text = |f: &str| if started { form.value(f).trim().to_owned() } else { String::new() };
    let body = OutcomeInput {
        status,
        started_on: started
            .then(|| NaiveDate::parse_from_str(form.value("started_on").trim(), "%Y-%m-%d").ok())
            .flatten(),
        credit_code: text("credit_code"),
        industry: text("industry"),
        jobs_created: if started {
            read_number(&form.value("jobs_created"), "jobs_created", &mut errors)
        } else {
            None
        },
    };
    (body, errors)
}

/// Today in Shanghai, by the server's clock.
fn today() -> NaiveDate {
    crate::time::in_shanghai(crate::time::now()).date_naive()
}

/// `#outcome`: the record and, for those who may, the form.
#[function_component]
pub fn OutcomePanel(props: &OutcomePanelProps) -> Html {
    let lang = use_lang();
    let (record, reload) =
        use_remote(props.number.to_string(), |n| async move { api::certificates::outcome(&n).await.map(Rc::new) });
    let Some(rec) = record.loaded() else { return html! {} };
    html! {
        <section id="outcome" class="panel no-print" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{ t(lang, OutcomesKey::OutcomeTitle) }</h2>
            <p class="hint">{ t(lang, OutcomesKey::OutcomeLead) }</p>
            <p id="outcome-summary">{ summary(lang, rec) }</p>
            { points(lang, &rec.follow_ups) }
            if props.editable {
                <OutcomeForm record={rec.clone()} on_done={reload.clone()} />
            }
        </section>
    }
}

fn summary(lang: Lang, rec: &OutcomeRecord) -> String {
    let Some(o) = &rec.outcome else { return t(lang, OutcomesKey::OutcomeNone).to_owned() };
    let line = match (o.status, o.started_on, o.industry, o.jobs_created) {
        (OutcomeStatus::Started, Some(day), Some(section), Some(jobs)) => {
            i18n::started_summary(lang, &i18n::date(lang, day), &i18n::industry_name(lang, section), &jobs.to_string())
        }
        _ => t(lang, OutcomesKey::StatusNotYet).to_owned(),
    };
    if o.by_holder { line } else { format!("{line} · {}", t(lang, OutcomesKey::ByInstitution)) }
}

fn points(lang: Lang, points: &[FollowUpPoint]) -> Html {
    if points.is_empty() {
        return html! {};
    }
    let today = today();
    html! {
        <>
            <h3>{ t(lang, OutcomesKey::FollowUpsTitle) }</h3>
            <ul id="outcome-points" class="outcome-points">
                { for points.iter().map(|p| {
                    let state = if p.answered {
                        OutcomesKey::PointAnswered
                    } else if p.due_on <= today {
                        OutcomesKey::PointDue
                    } else {
                        OutcomesKey::PointAhead
                    };
                    html! {
                        <li>
                            { i18n::point_label(lang, &p.months.to_string(), &i18n::date(lang, p.due_on)) }
                            { " · " }<span class={if state == OutcomesKey::PointDue { classes!("badge", "badge-warn") } else { classes!("muted") }}>{ t(lang, state) }</span>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OutcomeFormProps {
    record: Rc<OutcomeRecord>,
    on_done: Callback<()>,
}

#[function_component]
fn OutcomeForm(props: &OutcomeFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    {
        let form = form.clone();
        use_effect_with(props.record.outcome.clone(), move |o| {
            let o = o.as_ref();
            fill(
                &form,
                [
                    ("status", o.map(|o| o.status.as_str().to_owned()).unwrap_or_default()),
                    ("started_on", o.and_then(|o| o.started_on).map(|d| d.to_string()).unwrap_or_default()),
                    ("credit_code", o.and_then(|o| o.credit_code.clone()).unwrap_or_default()),
                    ("industry", o.and_then(|o| o.industry).map(|i| i.as_str().to_owned()).unwrap_or_default()),
                    ("jobs_created", o.and_then(|o| o.jobs_created).map(|j| j.to_string()).unwrap_or_default()),
                ],
            );
        });
    }
    let onsubmit = {
        let (sending, number, on_done) = (sending.clone(), props.record.number.to_string(), props.on_done.clone());
        on_submit(&form, move |form| {
            let today = today();
            let (body, errors) = read(form);
            let body = match checked(body, errors, |b| b.validate(today).map(|_| ())) {
                Ok(body) => body,
                Err(errors) => return form.dispatch(FormAction::Invalid(issues(errors))),
            };
            let number = number.clone();
            let intent = format!("outcome {number} {body:?}");
            let call = move |key: String| async move { api::certificates::record_outcome(&number, &body, &key).await };
            send_form(form, &sending, intent, false, call, on_done.clone());
        })
    };
    let statuses = vec![
        (OutcomeStatus::Started.as_str().to_owned(), t(lang, OutcomesKey::StatusStarted).to_owned()),
        (OutcomeStatus::NotYet.as_str().to_owned(), t(lang, OutcomesKey::StatusNotYet).to_owned()),
    ];
    let industries: Vec<(String, String)> =
        Industry::ALL.iter().map(|i| (i.as_str().to_owned(), i18n::industry_name(lang, *i))).collect();
    let started = form.value("status") == OutcomeStatus::Started.as_str();
    html! {
        <form id="outcome-form" class="form" novalidate=true {onsubmit}>
            <FormError id="outcome-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
            if form.succeeded() {
                <p class="alert alert-success" role="status" id="outcome-done">{ t(lang, OutcomesKey::OutcomeSaved) }</p>
            }
            <SelectField id="outcome-status" label={t(lang, OutcomesKey::StatusLegend)} value={form.value("status")}
                options={statuses} empty={Some(AttrValue::from(t(lang, OutcomesKey::StatusLegend)))}
                error={form.error(lang, "status")} onchange={setter(&form, "status")} />
            if started {
                <div class="field-pair">
                    <TextField id="outcome-started-on" label={t(lang, OutcomesKey::StartedOn)} input_type="date"
                        value={form.value("started_on")} error={form.error(lang, "started_on")} oninput={setter(&form, "started_on")} />
                    <TextField id="outcome-jobs" label={t(lang, OutcomesKey::JobsCreated)} input_type="number" inputmode="numeric"
                        value={form.value("jobs_created")} error={form.error(lang, "jobs_created")} oninput={setter(&form, "jobs_created")} />
                </div>
                <TextField id="outcome-credit-code" label={t(lang, OutcomesKey::CreditCode)} maxlength={18} autocomplete="off"
                    hint={Some(AttrValue::from(t(lang, OutcomesKey::CreditCodeHint)))}
                    value={form.value("credit_code")} error={form.error(lang, "credit_code")} oninput={setter(&form, "credit_code")} />
                <SelectField id="outcome-industry" label={t(lang, OutcomesKey::IndustryLabel)} value={form.value("industry")}
                    options={industries} empty={Some(AttrValue::from(t(lang, OutcomesKey::IndustryChoose)))}
                    error={form.error(lang, "industry")} onchange={setter(&form, "industry")} />
            }
            <SubmitButton id="outcome-submit" label={t(lang, OutcomesKey::OutcomeSubmit)} submitting={form.submitting()} />
        </form>
    }
}
