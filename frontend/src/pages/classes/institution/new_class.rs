//! The opening request (开班申请): the class, its trainers, dates and
//! sessions, checked here and filed with the bureau.

use std::rc::Rc;

use malanhua_shared::api::classes::{ClassDetail, CoursePolicy, NewClass, SessionInput, Trainer};
use malanhua_shared::course::{ClassMode, CourseKind};
use malanhua_shared::{Fen, FieldErrors, RegionCode};
use yew::prelude::*;

use super::sessions::{RowAction, SessionRows, SessionsFieldset, session_field};
use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::checkbox_field::CheckboxField;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::{Remote, use_remote};
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, Lang, t};
use crate::time::{day_and_time_to_rfc3339, local_input_to_rfc3339};

/// The opening request's fields with the element each error sits under,
/// in the order they appear (sessions follow, row by row).
const CLASS_FIELDS: [(&str, &str); 12] = [
    ("kind", "class-kind"),
    ("title", "class-title-input"),
    ("trainer_ids", "class-trainer_ids"),
    ("mode", "class-mode"),
    ("place", "class-place"),
    ("capacity", "class-capacity"),
    ("fee_fen", "class-fee"),
    ("enrol_opens_at", "class-enrol_opens_at"),
    ("enrol_closes_at", "class-enrol_closes_at"),
    ("starts_on", "class-starts_on"),
    ("ends_on", "class-ends_on"),
    ("sessions", "class-sessions"),
];

/// Every field name the form shows an error beside.
fn shown_fields(rows: usize) -> Vec<String> {
    let mut shown: Vec<String> = CLASS_FIELDS.iter().map(|(f, _)| (*f).to_owned()).collect();
    for i in 0..rows {
        for field in ["starts_at", "ends_at", "topic"] {
            shown.push(session_field(i, field));
        }
    }
    shown
}

/// Moves focus to the first field with an error.
fn focus_first_error(errors: &FieldErrors, trainers: &[Trainer], rows: usize) {
    for (field, id) in CLASS_FIELDS {
        if errors.contains_key(field) {
            match field {
                "trainer_ids" => {
                    if let Some(first) = trainers.first() {
                        focus(&format!("class-trainer-{}", first.id));
                    }
                }
                "sessions" => focus("session-add"),
                _ => focus(id),
            }
            return;
        }
    }
    for i in 0..rows {
        for (field, cell) in [("starts_at", "start"), ("ends_at", "end"), ("topic", "topic")] {
            if errors.contains_key(&session_field(i, field)) {
                focus(&format!("session-{i}-{cell}"));
                return;
            }
        }
    }
}

/// "at least 70 hours, at most 30 per class, filed 3 days ahead".
fn policy_hint(lang: Lang, policy: &CoursePolicy) -> String {
    i18n::policy_hint(
        lang,
        &policy.min_hours.to_string(),
        &policy.max_class_size.to_string(),
        &policy.opening_lead_days.to_string(),
    )
}

/// The chosen kind's policy, or that the region has none for it.
fn kind_hint(lang: Lang, kind: &str, policies: &Remote<Vec<CoursePolicy>>) -> Option<AttrValue> {
    match (CourseKind::from_name(kind), policies) {
        (Some(kind), Remote::Loaded(list)) => Some(
            match list.iter().find(|p| p.kind == kind) {
                Some(policy) => policy_hint(lang, policy),
                None => t(lang, ClassesKey::NoPolicyForKind).to_owned(),
            }
            .into(),
        ),
        _ => None,
    }
}

/// Props of [`NewClassForm`].
#[derive(Properties, PartialEq)]
pub(super) struct NewClassFormProps {
    /// The institution's trainers.
    pub trainers: Vec<Trainer>,
    /// The institution's region (for the policy hints).
    pub region: Option<RegionCode>,
    /// Called with the filed class.
    pub on_filed: Callback<Rc<ClassDetail>>,
}

/// The opening request (开班申请).
#[function_component]
pub(super) fn NewClassForm(props: &NewClassFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let rows = use_reducer(SessionRows::default);
    let chosen = use_state(Vec::<String>::new);
    let filed = use_state(|| None::<Rc<ClassDetail>>);
    let (policies, _) = use_remote(props.region.clone(), |region| async move {
        match region {
            Some(region) => api::policies::policies(&region).await,
            None => Ok(Vec::new()),
        }
    });

    {
        // Once the success message is on screen, take the reader there.
        let shown = filed.is_some();
        use_effect_with(shown, |shown| {
            if *shown {
                focus("class-filed");
            }
        });
    }

    let onsubmit = {
        let rows = rows.clone();
        let chosen = chosen.clone();
        let filed = filed.clone();
        let trainers = props.trainers.clone();
        let on_filed = props.on_filed.clone();
        on_submit(&form, move |form| {
            let body = new_class(form, &rows, &trainers, &chosen);
            filed.set(None);
            let row_count = rows.rows.len();
            if let Err(errors) = body.validate() {
                focus_first_error(&errors, &trainers, row_count);
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let rows = rows.clone();
            let chosen = chosen.clone();
            let filed = filed.clone();
            let trainers = trainers.clone();
            let on_filed = on_filed.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::classes::create(&body).await {
                    Ok(detail) => {
                        let detail = Rc::new(detail);
                        form.dispatch(FormAction::Succeeded { clear: true });
                        rows.dispatch(RowAction::Reset);
                        chosen.set(Vec::new());
                        filed.set(Some(detail.clone()));
                        on_filed.emit(detail);
                    }
                    Err(error) => {
                        focus_first_error(&error.fields(), &trainers, row_count);
                        form.dispatch(FormAction::Failed(error));
                    }
                }
            });
        })
    };

    let kind_options: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let mode_options: Vec<(String, String)> =
        ClassMode::ALL.iter().map(|m| (m.as_str().to_owned(), i18n::mode_name(lang, *m).to_owned())).collect();
    let kind_hint = kind_hint(lang, &form.value("kind"), &policies);

    let submitting = form.submitting();
    let shown = shown_fields(rows.rows.len());
    let shown_refs: Vec<&str> = shown.iter().map(String::as_str).collect();

    html! {
        <section class="panel" aria-labelledby="new-class-title">
            <h2 id="new-class-title">{ t(lang, ClassesKey::NewClassTitle) }</h2>
            <p>{ t(lang, ClassesKey::NewClassLead) }</p>
            if let Some(detail) = &*filed {
                <p id="class-filed" class="alert alert-success" role="status" tabindex="-1">
                    { i18n::class_filed(lang, &detail.summary.title) }{ " " }
                    <AppLink to={Route::Class { id: detail.summary.id.to_string() }}>{ t(lang, CommonKey::ViewClass) }</AppLink>
                </p>
            }
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="class-form-error" failure={form.failure().cloned()} others={form.other_errors(&shown_refs)} />
                <SelectField
                    id="class-kind"
                    label={t(lang, CommonKey::CourseKindLabel)}
                    value={form.value("kind")}
                    empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                    options={kind_options}
                    hint={kind_hint}
                    error={form.error(lang, "kind")}
                    onchange={setter(&form, "kind")}
                />
                <TextField
                    id="class-title-input"
                    label={t(lang, ClassesKey::ClassTitleLabel)}
                    hint={AttrValue::from(t(lang, ClassesKey::ClassTitleHint))}
                    autocomplete={AttrValue::Static("off")}
                    maxlength={100}
                    value={form.value("title")}
                    error={form.error(lang, "title")}
                    oninput={setter(&form, "title")}
                />
                <TrainerChecks form={form.clone()} trainers={props.trainers.clone()} chosen={chosen.clone()} />
                <SelectField
                    id="class-mode"
                    label={t(lang, CommonKey::ClassModeLabel)}
                    value={form.value("mode")}
                    empty={AttrValue::from(t(lang, AccountsKey::Choose))}
                    options={mode_options}
                    error={form.error(lang, "mode")}
                    onchange={setter(&form, "mode")}
                />
                <TextField
                    id="class-place"
                    label={t(lang, CommonKey::PlaceLabel)}
                    hint={AttrValue::from(t(lang, ClassesKey::PlaceHint))}
                    autocomplete={AttrValue::Static("street-address")}
                    required={form.value("mode") != ClassMode::Online.as_str()}
                    maxlength={200}
                    value={form.value("place")}
                    error={form.error(lang, "place")}
                    oninput={setter(&form, "place")}
                />
                <TextField
                    id="class-capacity"
                    label={t(lang, CommonKey::Capacity)}
                    input_type="number"
                    inputmode={AttrValue::Static("numeric")}
                    value={form.value("capacity")}
                    error={form.error(lang, "capacity")}
                    oninput={setter(&form, "capacity")}
                />
                <TextField id="class-fee" label={t(lang, ClassesKey::FeeYuan)} hint={AttrValue::from(t(lang, ClassesKey::FeeHint))}
                    inputmode={AttrValue::Static("decimal")} required={false} value={form.value("fee_fen")}
                    error={form.error(lang, "fee_fen")} oninput={setter(&form, "fee_fen")} />
                <ClassDates form={form.clone()} />
                <SessionsFieldset form={form.clone()} rows={rows.clone()} />
                <div class="form-actions">
                    <button id="class-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, ClassesKey::SubmitOpening) } }
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The request as typed: fields, ticked trainers, session rows.
fn new_class(form: &Form, rows: &SessionRows, trainers: &[Trainer], chosen: &[String]) -> NewClass {
    // Keep the trainers' order, whatever order they were ticked in.
    let trainer_ids: Vec<String> =
        trainers.iter().filter(|t| chosen.contains(&t.id.to_string())).map(|t| t.id.to_string()).collect();
    let place = form.value("place");
    NewClass {
        kind: form.value("kind"),
        title: form.value("title"),
        trainer_ids,
        mode: form.value("mode"),
        place: (!place.trim().is_empty()).then_some(place),
        capacity: form.value("capacity").trim().parse().unwrap_or(0),
        // Yuan as typed; a value that is not an amount is refused by the check as out of range.
        fee_fen: Some(form.value("fee_fen"))
            .filter(|f| !f.trim().is_empty())
            .map(|f| Fen::parse_yuan(&f).map_or(-1, |y| y.get())),
        enrol_opens_at: local_input_to_rfc3339(&form.value("enrol_opens_at")),
        enrol_closes_at: local_input_to_rfc3339(&form.value("enrol_closes_at")),
        starts_on: form.value("starts_on").trim().to_owned(),
        ends_on: form.value("ends_on").trim().to_owned(),
        sessions: rows
            .rows
            .iter()
            .map(|r| SessionInput {
                starts_at: day_and_time_to_rfc3339(&r.date, &r.start),
                ends_at: day_and_time_to_rfc3339(&r.date, &r.end),
                topic: r.topic.clone(),
            })
            .collect(),
    }
}

/// Props of [`TrainerChecks`].
#[derive(Properties, PartialEq)]
struct TrainerChecksProps {
    /// The opening form (for the trainers' error).
    form: UseReducerHandle<Form>,
    /// The institution's trainers.
    pub trainers: Vec<Trainer>,
    /// The ids ticked so far.
    chosen: UseStateHandle<Vec<String>>,
}

/// The class's trainers, ticked from the institution's.
#[function_component]
fn TrainerChecks(props: &TrainerChecksProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    let on_trainer = |id: String| {
        let chosen = props.chosen.clone();
        let form = form.clone();
        Callback::from(move |on: bool| {
            let mut list = (*chosen).clone();
            list.retain(|x| *x != id);
            if on {
                list.push(id.clone());
            }
            chosen.set(list);
            form.dispatch(FormAction::ClearErrors("trainer_ids".into()));
        })
    };
    let trainer_error = form.error(lang, "trainer_ids");
    html! {
        <fieldset id="class-trainer_ids" class={classes!("checks", trainer_error.as_ref().map(|_| "has-error"))}>
            <legend>{ t(lang, CommonKey::TrainersTitle) }</legend>
            if props.trainers.is_empty() {
                <p class="hint">{ t(lang, ClassesKey::AddTrainerFirst) }</p>
            }
            { for props.trainers.iter().map(|tr| html! {
                <CheckboxField
                    key={tr.id.to_string()}
                    id={format!("class-trainer-{}", tr.id)}
                    label={format!("{} ({})", tr.name, tr.qualification_no)}
                    checked={props.chosen.contains(&tr.id.to_string())}
                    onchange={on_trainer(tr.id.to_string())}
                />
            }) }
            if let Some(error) = trainer_error {
                <p class="field-error" id="class-trainer_ids-error">{ error }</p>
            }
        </fieldset>
    }
}

/// Props of [`ClassDates`].
#[derive(Properties, PartialEq)]
struct ClassDatesProps {
    /// The opening form.
    form: UseReducerHandle<Form>,
}

/// When enrolment opens and closes, when the class starts and ends.
#[function_component]
fn ClassDates(props: &ClassDatesProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    html! {
        <>
            <div class="field-pair">
                <TextField
                    id="class-enrol_opens_at"
                    label={t(lang, ClassesKey::EnrolOpensAt)}
                    hint={AttrValue::from(t(lang, ClassesKey::ShanghaiTimeHint))}
                    input_type="datetime-local"
                    value={form.value("enrol_opens_at")}
                    error={form.error(lang, "enrol_opens_at")}
                    oninput={setter(form, "enrol_opens_at")}
                />
                <TextField
                    id="class-enrol_closes_at"
                    label={t(lang, ClassesKey::EnrolClosesAt)}
                    hint={AttrValue::from(t(lang, ClassesKey::ShanghaiTimeHint))}
                    input_type="datetime-local"
                    value={form.value("enrol_closes_at")}
                    error={form.error(lang, "enrol_closes_at")}
                    oninput={setter(form, "enrol_closes_at")}
                />
            </div>
            <div class="field-pair">
                <TextField
                    id="class-starts_on"
                    label={t(lang, ClassesKey::StartsOn)}
                    input_type="date"
                    value={form.value("starts_on")}
                    error={form.error(lang, "starts_on")}
                    oninput={setter(form, "starts_on")}
                />
                <TextField
                    id="class-ends_on"
                    label={t(lang, ClassesKey::EndsOn)}
                    input_type="date"
                    value={form.value("ends_on")}
                    error={form.error(lang, "ends_on")}
                    oninput={setter(form, "ends_on")}
                />
            </div>
        </>
    }
}
