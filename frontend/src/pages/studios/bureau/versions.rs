//! A region's policy in versions by effective date, as the bureau edits it:
//! the versions in force (own and inherited, each with its dates and terms)
//! and the form for a new version, filled from the newest. The studio
//! policy and the mentor fee standard are two [`Policy`] kinds of it.

use std::fmt::Debug;
use std::future::Future;

use chrono::NaiveDate;
use malanhua_shared::api::studios::{FeePolicy, StudioPolicy};
use malanhua_shared::{FieldErrors, RegionCode};
use yew::prelude::*;

use crate::api::ApiError;
use crate::api::mentors::Done;
use crate::components::claim_info::held_dates;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, fill, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::regions::use_regions;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, MentorDeskKey, SubsidiesKey, Text, t};
use crate::pages::mentors::send::send_form;

/// A version of a region's policy, as the version lists show it.
pub(super) trait PolicyVersion {
    /// Its id.
    fn id(&self) -> String;
    /// The region that set it.
    fn region(&self) -> &str;
    /// First day.
    fn effective_from(&self) -> NaiveDate;
    /// Last day, if any.
    fn ends_on(&self) -> Option<NaiveDate>;
}

/// Both policies list their versions the same way.
macro_rules! policy_version {
    ($($policy:ty),*) => {$(
        impl PolicyVersion for $policy {
            fn id(&self) -> String {
                self.id.to_string()
            }
            fn region(&self) -> &str {
                &self.region_code
            }
            fn effective_from(&self) -> NaiveDate {
                self.effective_from
            }
            fn ends_on(&self) -> Option<NaiveDate> {
                self.ends_on
            }
        }
    )*};
}

policy_version!(StudioPolicy, FeePolicy);

/// One kind of versioned policy: its texts, how it loads and saves, its
/// terms and the form's own fields.
pub(super) trait Policy: 'static {
    /// A stored version.
    type Version: PolicyVersion + Clone + PartialEq + 'static;
    /// A new version as sent.
    type Input: Debug + 'static;
    /// The panel's id (`studio-policy`): the form is `#{ID}-form`, the
    /// dates `#{ID}-from` and `#{ID}-ends`, the button `#{ID}-submit`.
    const ID: &'static str;
    /// Every field the form shows.
    const FIELDS: &'static [&'static str];
    /// The panel's heading.
    fn heading() -> Text;
    /// What a new version does.
    fn lead() -> Text;
    /// No version anywhere.
    fn empty() -> Text;
    /// The save button.
    fn save_label() -> Text;
    /// The versions of the region and those above.
    fn load(region: RegionCode) -> impl Future<Output = Result<Vec<Self::Version>, ApiError>>;
    /// Saves a new version.
    fn save(region: RegionCode, body: Self::Input, key: String) -> impl Future<Output = Result<Done, ApiError>>;
    /// A version's terms, shown under its dates.
    fn terms(lang: Lang, version: &Self::Version) -> Html;
    /// A version's terms as typed into the form (not its dates).
    fn values(version: &Self::Version) -> Vec<(&'static str, String)>;
    /// The new version as typed (with the dates), or the errors of its fields.
    fn read(form: &Form) -> Result<Self::Input, FieldErrors>;
    /// The form's fields after the dates.
    fn inputs(lang: Lang, form: &UseReducerHandle<Form>) -> Html;
}

/// Props of [`PolicyPanel`].
#[derive(Properties, PartialEq)]
pub(super) struct PolicyPanelProps {
    /// The officer's region.
    pub region: RegionCode,
}

/// `#{ID}`: the versions and the form.
#[function_component]
pub(super) fn PolicyPanel<P: Policy>(props: &PolicyPanelProps) -> Html {
    let lang = use_lang();
    let (list, reload) = use_remote(props.region.clone(), P::load);
    let newest = list.loaded().and_then(|l| l.iter().max_by_key(|v| v.effective_from()).cloned());
    let (id, key) = (P::ID, newest.as_ref().map(PolicyVersion::id).unwrap_or_default());
    html! {
        <section class="panel" {id} aria-labelledby={format!("{id}-title")}>
            <h2 id={format!("{id}-title")}>{ t(lang, P::heading()) }</h2>
            <h3>{ t(lang, SubsidiesKey::SubsidyVersionsTitle) }</h3>
            { remote_view(lang, &list, &format!("{id}-error"), &reload, |list| versions::<P>(lang, list, &props.region)) }
            <PolicyForm<P> {key} region={props.region.clone()}
                {newest} on_saved={reload.clone()} />
        </section>
    }
}

/// `#{ID}-versions`, or a note that there are none.
fn versions<P: Policy>(lang: Lang, list: &[P::Version], region: &RegionCode) -> Html {
    let id = format!("{}-versions", P::ID);
    if list.is_empty() {
        return html! { <p class="empty" id={format!("{id}-empty")}>{ t(lang, P::empty()) }</p> };
    }
    html! {
        <ul {id} class="plain rows">
            { for list.iter().map(|v| html! {
                <li key={v.id()} data-id={v.id()}>
                    <VersionHead own={v.region() == region.as_str()} region={v.region().to_owned()}
                        from={v.effective_from()} ends_on={v.ends_on()} />
                    { P::terms(lang, v) }
                </li>
            }) }
        </ul>
    }
}

/// Props of [`VersionHead`].
#[derive(Properties, PartialEq)]
struct VersionHeadProps {
    own: bool,
    region: String,
    from: NaiveDate,
    ends_on: Option<NaiveDate>,
}

/// A version's dates and where it comes from: set here, or inherited from
/// the region above, named.
#[function_component]
fn VersionHead(props: &VersionHeadProps) -> Html {
    let lang = use_lang();
    let (regions, _) = use_regions();
    let name = match (regions.loaded(), RegionCode::parse(&props.region)) {
        (Some(r), Ok(code)) => r.full_label(lang, &code, None),
        _ => props.region.clone(),
    };
    html! {
        <p class="class-badges">
            if props.own {
                <span class="badge badge-ok">{ t(lang, SubsidiesKey::SubsidyOwn) }</span>
            } else {
                <span class="badge badge-muted">{ i18n::subsidy_inherited(lang, &name) }</span>
            }
            <span>{ held_dates(lang, props.from, props.ends_on) }</span>
        </p>
    }
}

/// Props of [`PolicyForm`].
#[derive(Properties, PartialEq)]
struct PolicyFormProps<V: PartialEq> {
    region: RegionCode,
    /// The newest version, whose terms fill the form.
    newest: Option<V>,
    on_saved: Callback<()>,
}

/// `#{ID}-form`: the dates, the kind's own fields and the save button.
#[function_component]
fn PolicyForm<P: Policy>(props: &PolicyFormProps<P::Version>) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    {
        let (form, newest) = (form.clone(), props.newest.clone());
        use_effect_with((), move |()| {
            if let Some(v) = newest {
                fill(&form, P::values(&v));
            }
        });
    }
    let onsubmit = {
        let (sending, region, on_saved) = (sending.clone(), props.region.clone(), props.on_saved.clone());
        on_submit(&form, move |form| match P::read(form) {
            Err(errors) => form.dispatch(FormAction::Invalid(issues(errors))),
            Ok(body) => {
                let region = region.clone();
                let intent = format!("{} {} {body:?}", P::ID, region.as_str());
                send_form(form, &sending, intent, false, move |key| P::save(region, body, key), on_saved.clone());
            }
        })
    };
    let id = P::ID;
    html! {
        <form id={format!("{id}-form")} class="form" novalidate=true {onsubmit}>
            <p class="hint">{ t(lang, P::lead()) }</p>
            <FormError id={format!("{id}-form-error")} failure={form.failure().cloned()} others={form.other_errors(P::FIELDS)} />
            if form.succeeded() {
                <p class="alert alert-success" role="status" id={format!("{id}-saved")}>{ t(lang, MentorDeskKey::Saved) }</p>
            }
            <div class="field-pair">
                <TextField id={format!("{id}-from")} label={t(lang, SubsidiesKey::EffectiveFrom)} input_type="date"
                    value={form.value("effective_from")} error={form.error(lang, "effective_from")} oninput={setter(&form, "effective_from")} />
                <TextField id={format!("{id}-ends")} label={t(lang, SubsidiesKey::EndsOnOptional)} input_type="date" required={false}
                    hint={AttrValue::from(t(lang, SubsidiesKey::EndsOnHint))}
                    value={form.value("ends_on")} error={form.error(lang, "ends_on")} oninput={setter(&form, "ends_on")} />
            </div>
            { P::inputs(lang, &form) }
            <SubmitButton id={format!("{id}-submit")} label={t(lang, P::save_label())} submitting={form.submitting()} />
        </form>
    }
}
