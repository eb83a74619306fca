//! The directory's filter form; its fields start from the URL.

use malanhua_shared::api::mentors::{DirectoryQuery, Expertise, ServiceMode};
use yew::prelude::*;

use crate::components::region_picker::RegionPicker;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, MentorsKey, t};

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub(super) struct FiltersProps {
    /// The filters in the URL.
    pub initial: DirectoryQuery,
    /// Called with the chosen filters.
    pub onsubmit: Callback<DirectoryQuery>,
}

/// Keywords, region, expertise, industry, mode, language and the order.
#[function_component]
pub(super) fn Filters(props: &FiltersProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    {
        let (form, q) = (form.clone(), props.initial.clone());
        use_effect_with((), move |()| {
            let fields = [
                ("q", q.q),
                ("region", q.region),
                ("expertise", q.expertise.map(|e| e.as_str().to_owned())),
                ("industry", q.industry),
                ("mode", q.mode.map(|m| m.as_str().to_owned())),
                ("language", q.language),
                ("sort", q.sort),
            ];
            for (field, value) in fields {
                if let Some(value) = value {
                    form.dispatch(FormAction::Set(field, value));
                }
            }
        });
    }
    let onsubmit = {
        let (form, cb) = (form.clone(), props.onsubmit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = |field: &str| Some(form.value(field));
            cb.emit(DirectoryQuery {
                region: text("region"),
                expertise: Expertise::from_name(&form.value("expertise")),
                industry: text("industry"),
                mode: ServiceMode::from_name(&form.value("mode")),
                language: text("language"),
                q: text("q"),
                sort: text("sort"),
                limit: None,
                after: None,
            });
        })
    };
    let areas: Vec<(String, String)> =
        Expertise::ALL.iter().map(|e| (e.as_str().to_owned(), i18n::expertise_name(lang, *e).to_owned())).collect();
    let modes: Vec<(String, String)> = [ServiceMode::Online, ServiceMode::Offline]
        .iter()
        .map(|m| (m.as_str().to_owned(), i18n::service_mode_name(lang, *m).to_owned()))
        .collect();
    let sorts = vec![("rating".to_owned(), t(lang, MentorsKey::SortRating).to_owned())];
    // On a phone the filters fold away unless some are set, so the first
    // screen shows mentors; on a wider screen they stay open beside the list.
    let wide =
        web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w >= 720.0);
    let active = DirectoryQuery { limit: None, after: None, ..props.initial.clone() } != DirectoryQuery::default();
    html! {
        <details class="panel filters" open={wide || active}>
            <summary id="mentor-filters-toggle"><h2 id="mentor-filters-title">{ t(lang, MentorsKey::Search) }</h2></summary>
            <form id="mentor-filters" class="form" role="search" novalidate=true {onsubmit}>
                <TextField id="mentor-filter-q" label={t(lang, MentorsKey::FilterQ)} hint={AttrValue::from(t(lang, MentorsKey::FilterQHint))}
                    input_type="search" required={false} value={form.value("q")} oninput={setter(&form, "q")} />
                <RegionPicker id_prefix="mentor-filter-region" legend={t(lang, MentorsKey::FilterRegion)}
                    value={form.value("region")} onchange={setter(&form, "region")} depth={2} />
                <div class="field-pair">
                    <SelectField id="mentor-filter-expertise" label={t(lang, MentorsKey::FilterExpertise)} value={form.value("expertise")}
                        empty={AttrValue::from(t(lang, MentorsKey::AnyExpertise))} options={areas} required={false}
                        onchange={setter(&form, "expertise")} />
                    <SelectField id="mentor-filter-mode" label={t(lang, MentorsKey::FilterMode)} value={form.value("mode")}
                        empty={AttrValue::from(t(lang, MentorsKey::AnyMode))} options={modes} required={false}
                        onchange={setter(&form, "mode")} />
                </div>
                <div class="field-pair">
                    <TextField id="mentor-filter-industry" label={t(lang, MentorsKey::FilterIndustry)} required={false}
                        value={form.value("industry")} oninput={setter(&form, "industry")} />
                    <TextField id="mentor-filter-language" label={t(lang, MentorsKey::FilterLanguage)} required={false}
                        value={form.value("language")} oninput={setter(&form, "language")} />
                </div>
                <SelectField id="mentor-sort" label={t(lang, MentorsKey::SortLabel)} value={form.value("sort")}
                    empty={AttrValue::from(t(lang, MentorsKey::SortSoonest))} options={sorts} required={false}
                    onchange={setter(&form, "sort")} />
                <div class="form-actions">
                    <button id="mentor-filter-submit" type="submit" class="button primary">{ t(lang, MentorsKey::Search) }</button>
                </div>
            </form>
        </details>
    }
}
