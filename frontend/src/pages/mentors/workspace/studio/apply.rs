//! The studio application (StudioApplication), the mentor as leader: name,
//! specialities, plan, members from the region's colleagues, service records
//! cited as evidence, and documents by title. Checked with the shared rules
//! before sending; a refusal lists the rules the application fails.

use std::collections::BTreeSet;

use malanhua_shared::api::mentors::Expertise;
use malanhua_shared::api::studios::{MyStudio, StudioApplication};
use malanhua_shared::ids::{MentorId, ServiceRecordId};
use yew::prelude::*;

use crate::api;
use crate::components::checkbox_field::CheckboxField;
use crate::components::claim_info::{reasons_list, refused_reasons};
use crate::components::form_error::FormError;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, renamed, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, Lang, StudiosKey, t};
use crate::pages::mentors::send::send_renamed;
use crate::pages::studios::info::record_line;

/// The API's `name` is the studio's, not a person's.
const NAMES: &[(&str, &str)] = &[("name", "studio_name")];

/// The fields with a place on the form.
const FIELDS: [&str; 6] = ["studio_name", "specialities", "plan", "member_ids", "record_ids", "documents"];

/// Props of [`ApplyForm`].
#[derive(Properties, PartialEq)]
pub(super) struct ApplyFormProps {
    /// The policy, colleagues and citable records.
    pub mine: MyStudio,
    /// Called after the application was filed.
    pub on_done: Callback<()>,
}

/// What is ticked and listed beside the typed fields.
#[derive(Debug, Clone, Default, PartialEq)]
struct Chosen {
    specialities: Vec<Expertise>,
    members: BTreeSet<MentorId>,
    records: BTreeSet<ServiceRecordId>,
    documents: Vec<String>,
}

/// The application as typed and ticked; a document typed but not added yet counts.
fn read(form: &Form, chosen: &Chosen) -> StudioApplication {
    let mut documents = chosen.documents.clone();
    let pending = form.value("document").trim().to_owned();
    if !pending.is_empty() && !documents.contains(&pending) {
        documents.push(pending);
    }
    StudioApplication {
        name: form.value("studio_name"),
        specialities: chosen.specialities.clone(),
        plan: form.value("plan"),
        member_ids: chosen.members.iter().cloned().collect(),
        record_ids: chosen.records.iter().cloned().collect(),
        documents,
    }
}

/// Adds `item` to `set` when `on`, else takes it out.
fn flip<T: Ord>(set: &mut BTreeSet<T>, item: T, on: bool) {
    if on {
        set.insert(item);
    } else {
        set.remove(&item);
    }
}

/// A box's callback: `change(choices, on)` edits a copy of the choices.
fn edit(chosen: &UseStateHandle<Chosen>, change: impl Fn(&mut Chosen, bool) + 'static) -> Callback<bool> {
    let chosen = chosen.clone();
    Callback::from(move |on: bool| {
        let mut next = (*chosen).clone();
        change(&mut next, on);
        chosen.set(next);
    })
}

/// `#studio-apply-form`.
#[function_component]
pub(super) fn ApplyForm(props: &ApplyFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let chosen = use_state(Chosen::default);
    let onsubmit = {
        let (sending, chosen, on_done) = (sending.clone(), chosen.clone(), props.on_done.clone());
        on_submit(&form, move |form| {
            let body = read(form, &chosen);
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(renamed(errors, NAMES))));
                return;
            }
            let intent = format!("studio apply {body:?}");
            let call = move |key: String| async move { api::studios::apply(&body, &key).await };
            send_renamed(form, &sending, intent, false, NAMES, call, on_done.clone());
        })
    };
    let speciality = |e: Expertise| {
        edit(&chosen, move |c, on| {
            c.specialities.retain(|x| *x != e);
            if on {
                c.specialities.push(e);
            }
        })
    };
    let member = |id: MentorId| edit(&chosen, move |c, on| flip(&mut c.members, id.clone(), on));
    let record = |id: ServiceRecordId| edit(&chosen, move |c, on| flip(&mut c.records, id.clone(), on));
    let all_records = {
        let (chosen, ids) = (chosen.clone(), props.mine.citable.iter().map(|r| r.id.clone()).collect::<BTreeSet<_>>());
        Callback::from(move |_: MouseEvent| chosen.set(Chosen { records: ids.clone(), ..(*chosen).clone() }))
    };
    let add_document = {
        let (chosen, form) = (chosen.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            let title = form.value("document").trim().to_owned();
            if title.is_empty() || chosen.documents.contains(&title) {
                return;
            }
            let mut next = (*chosen).clone();
            next.documents.push(title);
            chosen.set(next);
            form.dispatch(FormAction::Set("document", String::new()));
        })
    };
    let remove_document = |title: String| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*chosen).clone();
            next.documents.retain(|d| *d != title);
            chosen.set(next);
        })
    };
    let failed = sending.error().map(refused_reasons).unwrap_or_default();
    let m = &props.mine;
    html! {
        <form id="studio-apply-form" class="form panel" novalidate=true {onsubmit}>
            <h2>{ t(lang, StudiosKey::ApplyTitle) }</h2>
            <p class="hint">{ t(lang, StudiosKey::ApplyLead) }</p>
            <FormError id="studio-apply-error" failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
            if !failed.is_empty() {
                { reasons_list(lang, &failed, Some("studio-refused"), "eligibility-reasons") }
            }
            <TextField id="studio-name" label={t(lang, StudiosKey::StudioName)} maxlength={60} value={form.value("studio_name")}
                error={form.error(lang, "studio_name")} oninput={setter(&form, "studio_name")} />
            { checks(lang, &form, "studio-specialities", "specialities", StudiosKey::SpecialitiesLegend, html! {
                { for Expertise::ALL.iter().map(|e| {
                    let id = format!("studio-speciality-{}", e.as_str());
                    html! {
                        <CheckboxField id={id.clone()} testid={id} label={i18n::expertise_name(lang, *e)}
                            checked={chosen.specialities.contains(e)} onchange={speciality(*e)} />
                    }
                }) }
            }) }
            <TextField id="studio-plan" label={t(lang, StudiosKey::PlanLabel)} hint={AttrValue::from(t(lang, StudiosKey::PlanHint))}
                rows={6} maxlength={4000} value={form.value("plan")} error={form.error(lang, "plan")} oninput={setter(&form, "plan")} />
            { checks(lang, &form, "studio-members", "member_ids", StudiosKey::MembersLegend, html! {
                <>
                    if m.colleagues.is_empty() {
                        <p class="empty">{ t(lang, StudiosKey::NoColleagues) }</p>
                    }
                    { for m.colleagues.iter().map(|c| {
                        let id = format!("studio-member-{}", c.mentor_id);
                        let (key, testid) = (id.clone(), id.clone());
                        html! {
                            <CheckboxField {key} {id} {testid} label={i18n::member_label(lang, &c.name, &c.title)}
                                checked={chosen.members.contains(&c.mentor_id)} onchange={member(c.mentor_id.clone())} />
                        }
                    }) }
                </>
            }) }
            { checks(lang, &form, "studio-records", "record_ids", StudiosKey::RecordsLegend, html! {
                <>
                    if m.citable.is_empty() {
                        <p class="empty">{ t(lang, StudiosKey::NoCitable) }</p>
                    } else {
                        <button id="studio-records-all" type="button" class="button secondary small" onclick={all_records}>
                            { t(lang, StudiosKey::SelectAllRecords) }
                        </button>
                    }
                    { for m.citable.iter().map(|r| {
                        let id = format!("studio-record-{}", r.id);
                        let (key, testid) = (id.clone(), id.clone());
                        html! {
                            <CheckboxField {key} {id} {testid} label={record_line(lang, r)}
                                checked={chosen.records.contains(&r.id)} onchange={record(r.id.clone())} />
                        }
                    }) }
                </>
            }) }
            { checks(lang, &form, "studio-documents-field", "documents", StudiosKey::DocumentsLegend, html! {
                <>
                    <ul id="studio-documents-list" class="plain rows">
                        { for chosen.documents.iter().map(|d| html! {
                            <li key={d.clone()} class="row-line" data-testid="studio-document">
                                <span>{ d.clone() }</span>
                                <button type="button" class="button secondary small" data-testid="studio-document-remove"
                                    aria-label={i18n::remove_document(lang, d)} onclick={remove_document(d.clone())}>
                                    { t(lang, crate::i18n::MentorDeskKey::RemoveRow) }
                                </button>
                            </li>
                        }) }
                    </ul>
                    <div class="row-line">
                        <TextField id="studio-document" label={t(lang, StudiosKey::DocumentLabel)} required={false} maxlength={100}
                            hint={AttrValue::from(t(lang, StudiosKey::DocumentHint))} value={form.value("document")} oninput={setter(&form, "document")} />
                        <button id="studio-document-add" type="button" class="button secondary" onclick={add_document}>
                            { t(lang, StudiosKey::DocumentAdd) }
                        </button>
                    </div>
                </>
            }) }
            <SubmitButton id="studio-submit" label={t(lang, StudiosKey::ApplySubmit)} submitting={form.submitting()} />
        </form>
    }
}

/// A fieldset of choices (`#{id}`) with its legend and the error of `field`.
fn checks(lang: Lang, form: &Form, id: &str, field: &str, legend: StudiosKey, boxes: Html) -> Html {
    let error = form.error(lang, field);
    html! {
        <fieldset class={classes!("field", "checks", error.as_ref().map(|_| "has-error"))} id={id.to_owned()}>
            <legend>{ t(lang, legend) }</legend>
            { boxes }
            if let Some(error) = error {
                <p class="field-error" id={format!("{id}-error")}>{ error }</p>
            }
        </fieldset>
    }
}
