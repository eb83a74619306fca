//! `/institution`: a training institution's workbench: its classes, a new
//! opening request (开班申请) and its trainers.

use std::rc::Rc;

use malanhua_shared::api::RoleGrant;
use malanhua_shared::api::classes::{
    ClassDetail, ClassSummary, CoursePolicy, NewClass, NewTrainer, SessionInput, Trainer,
};
use malanhua_shared::course::{ClassMode, CourseKind};
use malanhua_shared::{ErrorCode, FieldCode, FieldErrors, RegionCode, Role};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::checkbox_field::CheckboxField;
use crate::components::class_info::{date_range, hours_text, kind_badge, status_badge};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, Key, Lang, t, tf};
use crate::time::{day_and_time_to_rfc3339, local_input_to_rfc3339, minutes_between};

/// `/institution` (signed in only; institution staff).
#[function_component]
pub fn InstitutionPage() -> Html {
    use_title(Key::InstitutionTitle);
    html! {
        <RequireSignIn>
            <Institution />
        </RequireSignIn>
    }
}

#[function_component]
fn Institution() -> Html {
    let lang = use_lang();
    let session = use_session();
    match session.grants(Role::InstitutionStaff).into_iter().next() {
        Some(grant) => html! { <Workbench {grant} /> },
        None => html! {
            <section class="page narrow">
                <h1>{ t(lang, Key::InstitutionTitle) }</h1>
                <p class="alert alert-error" role="alert" id="forbidden">{ t(lang, Key::InstitutionForbidden) }</p>
            </section>
        },
    }
}

/// Props of [`Workbench`].
#[derive(Properties, PartialEq)]
struct WorkbenchProps {
    /// The staff member's grant: institution and region.
    grant: RoleGrant,
}

#[function_component]
fn Workbench(props: &WorkbenchProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let (trainers, retry_trainers) = use_remote((), |()| api::trainers::trainers());
    let (classes, reload_classes) = use_remote((), |()| api::classes::institution_classes());
    let grant = &props.grant;
    let institution = grant.institution.as_ref().map(|i| i.name.clone()).unwrap_or_default();
    let region = match (regions.loaded(), &grant.region) {
        (Some(r), Some(code)) => r.full_label(lang, code, grant.region_name.as_deref()),
        _ => grant.region_name.clone().unwrap_or_default(),
    };
    let on_trainer = {
        let trainers = trainers.clone();
        Callback::from(move |added: Trainer| {
            let mut list = trainers.loaded().cloned().unwrap_or_default();
            list.retain(|t| t.id != added.id);
            list.push(added);
            trainers.set(Remote::Loaded(list));
        })
    };
    let on_filed = reload_classes.reform(|_: Rc<ClassDetail>| ());
    let trainer_list = trainers.loaded().cloned().unwrap_or_default();

    html! {
        <div class="page">
            <h1>{ t(lang, Key::InstitutionTitle) }</h1>
            <p class="lead" id="institution-name">{ tf(lang, Key::CardInstitutionBody, &[&institution, &region]) }</p>
            <section class="panel" aria-labelledby="classes-title">
                <h2 id="classes-title">{ t(lang, Key::InstitutionClasses) }</h2>
                { remote_view(lang, &classes, "institution-classes-error", &reload_classes, |list| classes_table(lang, list)) }
            </section>
            <div class="forms wide-first">
                <NewClassForm trainers={trainer_list} region={grant.region.clone()} {on_filed} />
                <section class="panel" aria-labelledby="trainers-title">
                    <h2 id="trainers-title">{ t(lang, Key::TrainersTitle) }</h2>
                    { remote_view(lang, &trainers, "trainer-list-error", &retry_trainers, |list| trainer_list_view(lang, list)) }
                    <TrainerForm on_created={on_trainer} />
                </section>
            </div>
        </div>
    }
}

fn classes_table(lang: Lang, list: &[ClassSummary]) -> Html {
    html! {
        <>
            <div class="table-wrap">
                <table id="institution-classes" class="stack">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::ColClass) }</th>
                            <th scope="col">{ t(lang, Key::CourseKindLabel) }</th>
                            <th scope="col">{ t(lang, Key::ClassDates) }</th>
                            <th scope="col">{ t(lang, Key::ClassHours) }</th>
                            <th scope="col">{ t(lang, Key::ColEnrolled) }</th>
                            <th scope="col">{ t(lang, Key::ColStatus) }</th>
                            <th scope="col">{ t(lang, Key::ColActions) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.iter().map(|c| html! {
                            <tr key={c.id.clone()}>
                                <td data-label={t(lang, Key::ColClass)}>
                                    <AppLink to={Route::Class { id: c.id.clone() }}>{ c.title.clone() }</AppLink>
                                </td>
                                <td data-label={t(lang, Key::CourseKindLabel)}>{ kind_badge(lang, c.kind) }</td>
                                <td data-label={t(lang, Key::ClassDates)}>{ date_range(lang, c) }</td>
                                <td data-label={t(lang, Key::ClassHours)}>{ hours_text(lang, c) }</td>
                                <td data-label={t(lang, Key::ColEnrolled)}>
                                    <span>
                                        { tf(lang, Key::SeatsTaken, &[&c.taken.to_string(), &c.capacity.to_string()]) }
                                        if c.waitlisted > 0 {
                                            <br />
                                            <span class="muted">{ tf(lang, Key::WaitlistedCount, &[&c.waitlisted.to_string()]) }</span>
                                        }
                                    </span>
                                </td>
                                <td data-label={t(lang, Key::ColStatus)} id={format!("class-{}-status", c.id)}>{ status_badge(lang, c.status) }</td>
                                <td data-label={t(lang, Key::ColActions)}>
                                    <AppLink id={format!("roster-{}", c.id)} to={Route::Roster { id: c.id.clone() }}>
                                        { t(lang, Key::OpenRoster) }
                                    </AppLink>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if list.is_empty() {
                <p class="empty">{ t(lang, Key::NoClassesYet) }</p>
            }
        </>
    }
}

fn trainer_list_view(lang: Lang, list: &[Trainer]) -> Html {
    html! {
        <>
            <ul id="trainer-list" class="plain rows">
                { for list.iter().map(|tr| html! {
                    <li key={tr.id.clone()} id={format!("trainer-{}", tr.id)}>
                        <strong>{ tr.name.clone() }</strong>
                        { " " }
                        <span class="muted">{ tf(lang, Key::QualificationShown, &[&tr.qualification_no]) }</span>
                    </li>
                }) }
            </ul>
            if list.is_empty() {
                <p class="empty">{ t(lang, Key::NoTrainersYet) }</p>
            }
        </>
    }
}

/// Props of [`TrainerForm`].
#[derive(Properties, PartialEq)]
struct TrainerFormProps {
    on_created: Callback<Trainer>,
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
fn TrainerForm(props: &TrainerFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let created = use_state(|| None::<Trainer>);
    let onsubmit = {
        let form = form.clone();
        let created = created.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
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
            <h3 id="trainer-form-title">{ t(lang, Key::AddTrainer) }</h3>
            <FormError id="trainer-form-error" failure={form.failure().cloned()} others={form.other_errors(&TRAINER_FIELDS)} />
            if let Some(trainer) = &*created {
                <p id="trainer-created" class="alert alert-success" role="status">
                    { tf(lang, Key::TrainerAdded, &[&trainer.name]) }
                </p>
            }
            <TextField
                id="trainer-name"
                label={t(lang, Key::TrainerName)}
                autocomplete={AttrValue::Static("off")}
                value={form.value("name")}
                error={form.error(lang, "name")}
                oninput={setter(&form, "name")}
            />
            <TextField
                id="trainer-qualification_no"
                label={t(lang, Key::QualificationNo)}
                hint={AttrValue::from(t(lang, Key::QualificationNoHint))}
                autocomplete={AttrValue::Static("off")}
                maxlength={40}
                value={form.value("qualification_no")}
                error={form.error(lang, "qualification_no")}
                oninput={setter(&form, "qualification_no")}
            />
            <div class="form-actions">
                <button id="trainer-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, Key::Submitting) } else { t(lang, Key::AddTrainer) } }
                </button>
            </div>
        </form>
    }
}

/// One session row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct SessionRow {
    /// Stable key for the list (indices move when rows are removed).
    key: u32,
    date: String,
    start: String,
    end: String,
    topic: String,
}

/// A cell of a session row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Date,
    Start,
    End,
    Topic,
}

impl Cell {
    /// The API fields whose errors an edit of this cell answers.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Date => &["starts_at", "ends_at"],
            Self::Start => &["starts_at"],
            Self::End => &["ends_at"],
            Self::Topic => &["topic"],
        }
    }
}

/// The session rows of the opening form, as a `Reducible` store.
#[derive(Debug, Clone, PartialEq)]
struct SessionRows {
    rows: Vec<SessionRow>,
    next_key: u32,
}

impl Default for SessionRows {
    fn default() -> Self {
        Self { rows: vec![SessionRow::default()], next_key: 1 }
    }
}

/// What can happen to the session rows.
#[derive(Debug)]
enum RowAction {
    /// Add an empty row at the end.
    Add,
    /// Remove the row at this index.
    Remove(usize),
    /// A cell was edited.
    Set(usize, Cell, String),
    /// Back to one empty row.
    Reset,
}

impl Reducible for SessionRows {
    type Action = RowAction;

    fn reduce(self: Rc<Self>, action: RowAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RowAction::Add => {
                next.rows.push(SessionRow { key: next.next_key, ..SessionRow::default() });
                next.next_key = next.next_key.wrapping_add(1);
            }
            RowAction::Remove(i) => {
                if i < next.rows.len() {
                    next.rows.remove(i);
                }
            }
            RowAction::Set(i, cell, value) => {
                if let Some(row) = next.rows.get_mut(i) {
                    match cell {
                        Cell::Date => row.date = value,
                        Cell::Start => row.start = value,
                        Cell::End => row.end = value,
                        Cell::Topic => row.topic = value,
                    }
                }
            }
            RowAction::Reset => {
                next.rows = vec![SessionRow { key: next.next_key, ..SessionRow::default() }];
                next.next_key = next.next_key.wrapping_add(1);
            }
        }
        Rc::new(next)
    }
}

/// The opening request's fields with the element each error sits under,
/// in the order they appear (sessions follow, row by row).
const CLASS_FIELDS: [(&str, &str); 11] = [
    ("kind", "class-kind"),
    ("title", "class-title-input"),
    ("trainer_ids", "class-trainer_ids"),
    ("mode", "class-mode"),
    ("place", "class-place"),
    ("capacity", "class-capacity"),
    ("enrol_opens_at", "class-enrol_opens_at"),
    ("enrol_closes_at", "class-enrol_closes_at"),
    ("starts_on", "class-starts_on"),
    ("ends_on", "class-ends_on"),
    ("sessions", "class-sessions"),
];

/// The API name of a session field (`sessions[2].ends_at`).
fn session_field(i: usize, field: &str) -> String {
    format!("sessions[{i}].{field}")
}

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
    tf(
        lang,
        Key::PolicyHint,
        &[&policy.min_hours.to_string(), &policy.max_class_size.to_string(), &policy.opening_lead_days.to_string()],
    )
}

/// Props of [`NewClassForm`].
#[derive(Properties, PartialEq)]
struct NewClassFormProps {
    /// The institution's trainers.
    trainers: Vec<Trainer>,
    /// The institution's region (for the policy hints).
    region: Option<RegionCode>,
    /// Called with the filed class.
    on_filed: Callback<Rc<ClassDetail>>,
}

/// The opening request (开班申请).
#[function_component]
fn NewClassForm(props: &NewClassFormProps) -> Html {
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
        let form = form.clone();
        let rows = rows.clone();
        let chosen = chosen.clone();
        let filed = filed.clone();
        let trainers = props.trainers.clone();
        let on_filed = props.on_filed.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.submitting() {
                return;
            }
            // Keep the trainers' order, whatever order they were ticked in.
            let trainer_ids: Vec<String> =
                trainers.iter().filter(|t| chosen.contains(&t.id)).map(|t| t.id.clone()).collect();
            let place = form.value("place");
            let body = NewClass {
                kind: form.value("kind"),
                title: form.value("title"),
                trainer_ids,
                mode: form.value("mode"),
                place: (!place.trim().is_empty()).then_some(place),
                capacity: form.value("capacity").trim().parse().unwrap_or(0),
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
            };
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
    let kind = CourseKind::from_name(&form.value("kind"));
    let kind_hint: Option<AttrValue> = match (kind, &*policies) {
        (Some(kind), Remote::Loaded(list)) => Some(
            match list.iter().find(|p| p.kind == kind) {
                Some(policy) => policy_hint(lang, policy),
                None => t(lang, Key::NoPolicyForKind).to_owned(),
            }
            .into(),
        ),
        _ => None,
    };

    let on_trainer = |id: String| {
        let chosen = chosen.clone();
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
    let on_add = {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            rows.dispatch(RowAction::Add);
            form.dispatch(FormAction::ClearErrors("sessions".into()));
            let new_index = rows.rows.len();
            // Focus the new row's first cell once it is drawn.
            gloo::timers::callback::Timeout::new(0, move || focus(&format!("session-{new_index}-date"))).forget();
        })
    };

    let total_minutes: i64 = rows.rows.iter().filter_map(|r| minutes_between(&r.start, &r.end)).sum();
    let submitting = form.submitting();
    let shown = shown_fields(rows.rows.len());
    let shown_refs: Vec<&str> = shown.iter().map(String::as_str).collect();
    let trainer_error = form.error(lang, "trainer_ids");
    let sessions_error = form.error(lang, "sessions");

    html! {
        <section class="panel" aria-labelledby="new-class-title">
            <h2 id="new-class-title">{ t(lang, Key::NewClassTitle) }</h2>
            <p>{ t(lang, Key::NewClassLead) }</p>
            if let Some(detail) = &*filed {
                <p id="class-filed" class="alert alert-success" role="status" tabindex="-1">
                    { tf(lang, Key::ClassFiled, &[&detail.summary.title]) }{ " " }
                    <AppLink to={Route::Class { id: detail.summary.id.clone() }}>{ t(lang, Key::ViewClass) }</AppLink>
                </p>
            }
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="class-form-error" failure={form.failure().cloned()} others={form.other_errors(&shown_refs)} />
                <SelectField
                    id="class-kind"
                    label={t(lang, Key::CourseKindLabel)}
                    value={form.value("kind")}
                    empty={AttrValue::from(t(lang, Key::Choose))}
                    options={kind_options}
                    hint={kind_hint}
                    error={form.error(lang, "kind")}
                    onchange={setter(&form, "kind")}
                />
                <TextField
                    id="class-title-input"
                    label={t(lang, Key::ClassTitleLabel)}
                    hint={AttrValue::from(t(lang, Key::ClassTitleHint))}
                    autocomplete={AttrValue::Static("off")}
                    maxlength={100}
                    value={form.value("title")}
                    error={form.error(lang, "title")}
                    oninput={setter(&form, "title")}
                />
                <fieldset id="class-trainer_ids" class={classes!("checks", trainer_error.as_ref().map(|_| "has-error"))}>
                    <legend>{ t(lang, Key::TrainersTitle) }</legend>
                    if props.trainers.is_empty() {
                        <p class="hint">{ t(lang, Key::AddTrainerFirst) }</p>
                    }
                    { for props.trainers.iter().map(|tr| html! {
                        <CheckboxField
                            key={tr.id.clone()}
                            id={format!("class-trainer-{}", tr.id)}
                            label={format!("{} ({})", tr.name, tr.qualification_no)}
                            checked={chosen.contains(&tr.id)}
                            onchange={on_trainer(tr.id.clone())}
                        />
                    }) }
                    if let Some(error) = trainer_error {
                        <p class="field-error" id="class-trainer_ids-error">{ error }</p>
                    }
                </fieldset>
                <SelectField
                    id="class-mode"
                    label={t(lang, Key::ClassModeLabel)}
                    value={form.value("mode")}
                    empty={AttrValue::from(t(lang, Key::Choose))}
                    options={mode_options}
                    error={form.error(lang, "mode")}
                    onchange={setter(&form, "mode")}
                />
                <TextField
                    id="class-place"
                    label={t(lang, Key::PlaceLabel)}
                    hint={AttrValue::from(t(lang, Key::PlaceHint))}
                    autocomplete={AttrValue::Static("street-address")}
                    required={form.value("mode") != ClassMode::Online.as_str()}
                    maxlength={200}
                    value={form.value("place")}
                    error={form.error(lang, "place")}
                    oninput={setter(&form, "place")}
                />
                <TextField
                    id="class-capacity"
                    label={t(lang, Key::Capacity)}
                    input_type="number"
                    inputmode={AttrValue::Static("numeric")}
                    value={form.value("capacity")}
                    error={form.error(lang, "capacity")}
                    oninput={setter(&form, "capacity")}
                />
                <div class="field-pair">
                    <TextField
                        id="class-enrol_opens_at"
                        label={t(lang, Key::EnrolOpensAt)}
                        hint={AttrValue::from(t(lang, Key::ShanghaiTimeHint))}
                        input_type="datetime-local"
                        value={form.value("enrol_opens_at")}
                        error={form.error(lang, "enrol_opens_at")}
                        oninput={setter(&form, "enrol_opens_at")}
                    />
                    <TextField
                        id="class-enrol_closes_at"
                        label={t(lang, Key::EnrolClosesAt)}
                        hint={AttrValue::from(t(lang, Key::ShanghaiTimeHint))}
                        input_type="datetime-local"
                        value={form.value("enrol_closes_at")}
                        error={form.error(lang, "enrol_closes_at")}
                        oninput={setter(&form, "enrol_closes_at")}
                    />
                </div>
                <div class="field-pair">
                    <TextField
                        id="class-starts_on"
                        label={t(lang, Key::StartsOn)}
                        input_type="date"
                        value={form.value("starts_on")}
                        error={form.error(lang, "starts_on")}
                        oninput={setter(&form, "starts_on")}
                    />
                    <TextField
                        id="class-ends_on"
                        label={t(lang, Key::EndsOn)}
                        input_type="date"
                        value={form.value("ends_on")}
                        error={form.error(lang, "ends_on")}
                        oninput={setter(&form, "ends_on")}
                    />
                </div>
                <fieldset id="class-sessions" class={classes!("sessions", sessions_error.as_ref().map(|_| "has-error"))}>
                    <legend>{ t(lang, Key::SessionsTitle) }</legend>
                    <p class="hint">{ t(lang, Key::SessionsHint) }</p>
                    <ol class="session-rows">
                        { for rows.rows.iter().enumerate().map(|(i, row)| session_row(lang, &form, &rows, i, row)) }
                    </ol>
                    <p class="muted" id="session-total" aria-live="polite">
                        { tf(lang, Key::SessionsTotal, &[&(total_minutes / 60).to_string(), &(total_minutes % 60).to_string()]) }
                    </p>
                    if let Some(error) = sessions_error {
                        <p class="field-error" id="class-sessions-error">{ error }</p>
                    }
                    <button id="session-add" type="button" class="button secondary" onclick={on_add}>
                        { t(lang, Key::AddSession) }
                    </button>
                </fieldset>
                <div class="form-actions">
                    <button id="class-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, Key::Submitting) } else { t(lang, Key::SubmitOpening) } }
                    </button>
                </div>
            </form>
        </section>
    }
}

/// One editable session: date, start, end, topic and a remove button.
fn session_row(
    lang: Lang,
    form: &UseReducerHandle<crate::hooks::form::Form>,
    rows: &UseReducerHandle<SessionRows>,
    i: usize,
    row: &SessionRow,
) -> Html {
    let set = |cell: Cell| {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |value: String| {
            rows.dispatch(RowAction::Set(i, cell, value));
            for field in cell.fields() {
                form.dispatch(FormAction::ClearErrors(session_field(i, field)));
            }
        })
    };
    let on_remove = {
        let rows = rows.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            rows.dispatch(RowAction::Remove(i));
            // Indices move: the server's row errors no longer match.
            form.dispatch(FormAction::ClearErrors("sessions".into()));
        })
    };
    let n = (i + 1).to_string();
    let only = rows.rows.len() <= 1;
    html! {
        <li key={row.key} class="session-row">
            <fieldset>
                <legend>{ tf(lang, Key::SessionN, &[&n]) }</legend>
                <div class="session-cells">
                    <TextField
                        id={format!("session-{i}-date")}
                        label={t(lang, Key::ColDate)}
                        input_type="date"
                        value={row.date.clone()}
                        oninput={set(Cell::Date)}
                    />
                    <TextField
                        id={format!("session-{i}-start")}
                        label={t(lang, Key::SessionStart)}
                        input_type="time"
                        value={row.start.clone()}
                        error={form.error(lang, &session_field(i, "starts_at"))}
                        oninput={set(Cell::Start)}
                    />
                    <TextField
                        id={format!("session-{i}-end")}
                        label={t(lang, Key::SessionEnd)}
                        input_type="time"
                        value={row.end.clone()}
                        error={form.error(lang, &session_field(i, "ends_at"))}
                        oninput={set(Cell::End)}
                    />
                    <TextField
                        id={format!("session-{i}-topic")}
                        label={t(lang, Key::ColTopic)}
                        maxlength={100}
                        value={row.topic.clone()}
                        error={form.error(lang, &session_field(i, "topic"))}
                        oninput={set(Cell::Topic)}
                    />
                </div>
                <button
                    id={format!("session-{i}-remove")}
                    type="button"
                    class="button secondary small"
                    disabled={only}
                    aria-label={tf(lang, Key::RemoveSessionN, &[&n])}
                    onclick={on_remove}
                >
                    { t(lang, Key::RemoveSession) }
                </button>
            </fieldset>
        </li>
    }
}
