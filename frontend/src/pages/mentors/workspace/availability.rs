//! The availability editor (`#availability-form`): appointment length,
//! buffers, notice, horizon, limits, weekly hours and date overrides, and
//! a week view of the free slots that result (the public slots endpoint for
//! the mentor's own id).

use malanhua_shared::ErrorCode;
use malanhua_shared::api::mentors::{AvailabilityInput, DayOverride, WeeklyHours};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::{Remote, use_remote};
use crate::i18n::{self, MentorDeskKey, t};
use crate::pages::mentors::send::send_form;
use crate::pages::mentors::slot_picker::SlotPicker;

mod rows;

const NUMBERS: [(&str, &str, MentorDeskKey); 6] = [
    ("buffer_before_minutes", "availability-buffer-before", MentorDeskKey::BufferBefore),
    ("buffer_after_minutes", "availability-buffer-after", MentorDeskKey::BufferAfter),
    ("min_notice_hours", "availability-notice", MentorDeskKey::NoticeHours),
    ("horizon_days", "availability-horizon", MentorDeskKey::HorizonDays),
    ("max_per_day", "availability-max-day", MentorDeskKey::MaxPerDay),
    ("max_per_week", "availability-max-week", MentorDeskKey::MaxPerWeek),
];

/// What a mentor without saved availability starts from.
fn starting_point() -> AvailabilityInput {
    AvailabilityInput { slot_minutes: 60, min_notice_hours: 24, horizon_days: 30, ..AvailabilityInput::default() }
}

fn read(form: &Form, weekly: &[WeeklyHours], overrides: &[DayOverride]) -> AvailabilityInput {
    let number = |field: &str| form.value(field).trim().parse::<i64>().unwrap_or(-1);
    let optional = |field: &str| {
        let v = form.value(field);
        (!v.trim().is_empty()).then(|| v.trim().parse::<i64>().unwrap_or(-1))
    };
    AvailabilityInput {
        slot_minutes: number("slot_minutes"),
        buffer_before_minutes: number("buffer_before_minutes"),
        buffer_after_minutes: number("buffer_after_minutes"),
        min_notice_hours: number("min_notice_hours"),
        horizon_days: number("horizon_days"),
        max_per_day: optional("max_per_day"),
        max_per_week: optional("max_per_week"),
        weekly: weekly.to_vec(),
        overrides: overrides.to_vec(),
    }
}

/// Props of [`AvailabilityEditor`].
#[derive(Properties, PartialEq)]
pub(super) struct AvailabilityEditorProps {
    /// The mentor's own id, for the preview.
    pub mentor_id: AttrValue,
}

/// The form and the preview.
#[function_component]
pub(super) fn AvailabilityEditor(props: &AvailabilityEditorProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    let weekly = use_state(Vec::<WeeklyHours>::new);
    let overrides = use_state(Vec::<DayOverride>::new);
    let version = use_state(|| 0_u32);
    let (saved, _) = use_remote((), |()| async move {
        match api::mentors::availability().await {
            Err(ApiError::Server { body, .. }) if body.code == ErrorCode::NotFound => Ok(starting_point()),
            other => other,
        }
    });
    {
        let (form, weekly, overrides) = (form.clone(), weekly.clone(), overrides.clone());
        use_effect_with(saved.loaded().cloned(), move |loaded| {
            let Some(a) = loaded else { return };
            let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
            let values = [
                ("slot_minutes", a.slot_minutes.to_string()),
                ("buffer_before_minutes", a.buffer_before_minutes.to_string()),
                ("buffer_after_minutes", a.buffer_after_minutes.to_string()),
                ("min_notice_hours", a.min_notice_hours.to_string()),
                ("horizon_days", a.horizon_days.to_string()),
                ("max_per_day", opt(a.max_per_day)),
                ("max_per_week", opt(a.max_per_week)),
            ];
            for (field, value) in values {
                form.dispatch(FormAction::Set(field, value));
            }
            weekly.set(a.weekly.clone());
            overrides.set(a.overrides.clone());
        });
    }
    let onsubmit = {
        let (sending, weekly, overrides, version) =
            (sending.clone(), weekly.clone(), overrides.clone(), version.clone());
        on_submit(&form, move |form| {
            let body = read(form, &weekly, &overrides);
            if let Err(errors) = body.validate() {
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let version = version.clone();
            let on_done = Callback::from(move |()| version.set(*version + 1));
            let intent = format!("availability {body:?}");
            let call = move |key: String| async move { api::mentors::set_availability(&body, &key).await };
            send_form(form, &sending, intent, false, call, on_done);
        })
    };
    let lengths: Vec<(String, String)> =
        [30, 45, 60, 90].iter().map(|m| (m.to_string(), i18n::minutes_n(lang, &m.to_string()))).collect();
    let mut shown: Vec<&str> = NUMBERS.iter().map(|(f, _, _)| *f).collect();
    shown.push("slot_minutes");
    html! {
        <>
            if matches!(*saved, Remote::Loading) {
                <p class="loading" role="status">{ t(lang, crate::i18n::CommonKey::Loading) }</p>
            }
            <form id="availability-form" class="form panel availability" novalidate=true {onsubmit}>
                <FormError id="availability-error" failure={form.failure().cloned()}
                    others={form.other_errors(&shown).into_iter().filter(|(k, _)| !k.starts_with("weekly") && !k.starts_with("overrides")).collect::<Vec<_>>()} />
                if form.succeeded() {
                    <p class="alert alert-success" role="status" id="availability-saved">{ t(lang, MentorDeskKey::Saved) }</p>
                }
                <SelectField id="availability-slot-minutes" label={t(lang, MentorDeskKey::SlotMinutes)} value={form.value("slot_minutes")}
                    options={lengths} error={form.error(lang, "slot_minutes")} onchange={setter(&form, "slot_minutes")} />
                <div class="field-pair">
                    { for NUMBERS.iter().map(|(field, id, label)| html! {
                        <TextField id={*id} label={t(lang, *label)} input_type="number" inputmode="numeric"
                            required={!field.starts_with("max_")} value={form.value(field)}
                            error={form.error(lang, field)} oninput={setter(&form, field)} />
                    }) }
                </div>
                <rows::WeeklyRows rows={weekly.clone()} form={form.clone()} />
                <rows::OverrideRows rows={overrides.clone()} form={form.clone()} />
                <SubmitButton id="availability-save" label={t(lang, MentorDeskKey::AvailabilitySave)} submitting={form.submitting()} />
            </form>
            <section class="panel" aria-labelledby="availability-preview-title">
                <h2 id="availability-preview-title">{ t(lang, MentorDeskKey::PreviewTitle) }</h2>
                <SlotPicker id="availability-preview" mentor_id={props.mentor_id.clone()} version={*version} />
            </section>
        </>
    }
}
