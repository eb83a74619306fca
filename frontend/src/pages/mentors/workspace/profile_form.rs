//! The mentor's profile (MentorProfileInput): the application when there is
//! no record yet (`#mentor-apply-form`), the profile edit otherwise
//! (`#mentor-profile-form`). Checked with the shared rules before sending.

use malanhua_shared::FieldCode;
use malanhua_shared::api::mentors::{Expertise, MentorProfileInput, MentorRecord, ServiceMode};
use yew::prelude::*;

use crate::api;
use crate::components::checkbox_field::CheckboxField;
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::select_field::SelectField;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::i18n::{self, MentorDeskKey, t};
use crate::pages::mentors::info::split_list;
use crate::pages::mentors::send::send_form;

const FIELDS: [&str; 12] = [
    "region_code",
    "real_name",
    "title",
    "employer",
    "years_experience",
    "expertise",
    "tags",
    "industries",
    "service_mode",
    "languages",
    "bio",
    "evidence",
];

/// Props of [`ProfileForm`].
#[derive(Properties, PartialEq)]
pub(super) struct ProfileFormProps {
    /// The record to edit; none to apply.
    pub record: Option<MentorRecord>,
    /// Called after it was saved.
    pub on_done: Callback<()>,
}

fn read(form: &Form) -> MentorProfileInput {
    MentorProfileInput {
        region_code: form.value("region_code"),
        real_name: form.value("real_name"),
        title: form.value("title"),
        employer: form.value("employer"),
        years_experience: form.value("years_experience").trim().parse().unwrap_or(-1),
        expertise: form.value("expertise").split(',').filter_map(Expertise::from_name).collect(),
        tags: split_list(&form.value("tags")),
        industries: split_list(&form.value("industries")),
        service_mode: ServiceMode::from_name(&form.value("service_mode")),
        languages: split_list(&form.value("languages")),
        bio: form.value("bio"),
        evidence: form.value("evidence"),
    }
}

/// The form, filled from the record when editing.
#[function_component]
pub(super) fn ProfileForm(props: &ProfileFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let applying = props.record.is_none();
    {
        let (form, record) = (form.clone(), props.record.clone());
        use_effect_with((), move |()| {
            let Some(r) = record else { return };
            let c = &r.card;
            let join = |v: &[String]| v.join("、");
            let values = [
                ("region_code", c.region_code.clone()),
                ("real_name", c.real_name.clone()),
                ("title", c.title.clone()),
                ("employer", c.employer.clone()),
                ("years_experience", c.years_experience.to_string()),
                ("expertise", c.expertise.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(",")),
                ("tags", join(&c.tags)),
                ("industries", join(&c.industries)),
                ("service_mode", c.service_mode.as_str().to_owned()),
                ("languages", join(&c.languages)),
                ("bio", r.bio.clone()),
                ("evidence", r.evidence.clone()),
            ];
            for (field, value) in values {
                form.dispatch(FormAction::Set(field, value));
            }
        });
    }
    let onsubmit = {
        let (sending, on_done) = (sending.clone(), props.on_done.clone());
        on_submit(&form, move |form| {
            let body = read(form);
            let mut errors = body.validate().err().unwrap_or_default();
            if applying && body.region_code.trim().is_empty() {
                errors.insert("region_code".to_owned(), FieldCode::Required);
            }
            if !errors.is_empty() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let intent = format!("mentor profile {applying} {body:?}");
            let call = move |key: String| async move {
                if applying {
                    api::mentors::apply(&body, &key).await
                } else {
                    api::mentors::update_profile(&body, &key).await
                }
            };
            send_form(form, &sending, intent, false, call, on_done.clone());
        })
    };
    let chosen = form.value("expertise");
    let toggle = |e: Expertise| {
        let (form, chosen) = (form.clone(), chosen.clone());
        Callback::from(move |on: bool| {
            let mut list: Vec<&str> = chosen.split(',').filter(|s| !s.is_empty() && *s != e.as_str()).collect();
            if on {
                list.push(e.as_str());
            }
            form.dispatch(FormAction::Set("expertise", list.join(",")));
        })
    };
    let modes: Vec<(String, String)> = ServiceMode::ALL
        .iter()
        .map(|m| (m.as_str().to_owned(), i18n::service_mode_name(lang, *m).to_owned()))
        .collect();
    let list_hint = AttrValue::from(t(lang, MentorDeskKey::ListHint));
    let text = |id: &str, field: &'static str, label: MentorDeskKey, max: u32| {
        html! {
            <TextField id={id.to_owned()} label={t(lang, label)} maxlength={max} value={form.value(field)}
                error={form.error(lang, field)} oninput={setter(&form, field)} />
        }
    };
    let (form_id, submit_id, submit) = if applying {
        ("mentor-apply-form", "apply-submit", MentorDeskKey::ApplySubmit)
    } else {
        ("mentor-profile-form", "profile-submit", MentorDeskKey::ProfileSave)
    };
    html! {
        <form id={form_id} class="form panel" novalidate=true {onsubmit}>
            if !applying {
                <h2>{ t(lang, MentorDeskKey::ProfileTitle) }</h2>
            }
            <FormError id={format!("{form_id}-error")} failure={form.failure().cloned()} others={form.other_errors(&FIELDS)} />
            if form.succeeded() {
                <p class="alert alert-success" role="status" id="profile-saved">{ t(lang, MentorDeskKey::Saved) }</p>
            }
            if applying {
                <RegionPicker id_prefix="apply-region" legend={t(lang, MentorDeskKey::ApplyRegion)} value={form.value("region_code")}
                    error={form.error(lang, "region_code")} onchange={setter(&form, "region_code")} />
            }
            { text("apply-real-name", "real_name", MentorDeskKey::RealName, 40) }
            <div class="field-pair">
                { text("apply-title", "title", MentorDeskKey::TitleLabel, 40) }
                { text("apply-employer", "employer", MentorDeskKey::Employer, 60) }
            </div>
            <TextField id="apply-years" label={t(lang, MentorDeskKey::Years)} input_type="number" inputmode="numeric"
                value={form.value("years_experience")} error={form.error(lang, "years_experience")} oninput={setter(&form, "years_experience")} />
            <fieldset class={classes!("field", "checks", form.error(lang, "expertise").map(|_| "has-error"))} id="apply-expertise">
                <legend>{ t(lang, MentorDeskKey::ExpertiseLegend) }</legend>
                { for Expertise::ALL.iter().map(|e| html! {
                    <CheckboxField id={format!("expertise-{}", e.as_str())} label={i18n::expertise_name(lang, *e)}
                        checked={chosen.split(',').any(|c| c == e.as_str())} onchange={toggle(*e)} />
                }) }
                if let Some(error) = form.error(lang, "expertise") {
                    <p class="field-error" id="apply-expertise-error">{ error }</p>
                }
            </fieldset>
            <TextField id="apply-tags" label={t(lang, MentorDeskKey::TagsLabel)} hint={list_hint.clone()} required={false}
                value={form.value("tags")} error={form.error(lang, "tags")} oninput={setter(&form, "tags")} />
            <TextField id="apply-industries" label={t(lang, MentorDeskKey::IndustriesLabel)} hint={list_hint.clone()}
                value={form.value("industries")} error={form.error(lang, "industries")} oninput={setter(&form, "industries")} />
            <TextField id="apply-languages" label={t(lang, MentorDeskKey::LanguagesLabel)} hint={list_hint}
                value={form.value("languages")} error={form.error(lang, "languages")} oninput={setter(&form, "languages")} />
            <SelectField id="apply-mode" label={t(lang, crate::i18n::MentorsKey::ModeLabel)} value={form.value("service_mode")}
                empty={AttrValue::from(t(lang, MentorDeskKey::ChooseMode))} options={modes}
                error={form.error(lang, "service_mode")} onchange={setter(&form, "service_mode")} />
            <TextField id="apply-bio" label={t(lang, MentorDeskKey::BioLabel)} rows={5} maxlength={1000}
                value={form.value("bio")} error={form.error(lang, "bio")} oninput={setter(&form, "bio")} />
            <TextField id="apply-evidence" label={t(lang, MentorDeskKey::EvidenceLabel)} maxlength={300}
                value={form.value("evidence")} error={form.error(lang, "evidence")} oninput={setter(&form, "evidence")} />
            <SubmitButton id={submit_id} label={t(lang, submit)} submitting={form.submitting()} />
        </form>
    }
}
