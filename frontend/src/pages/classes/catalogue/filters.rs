//! The catalogue's filter form: text, region, kind, mode, dates and "with
//! seats", starting from the URL; open beside the list on a wide screen,
//! behind its summary on a phone.

use malanhua_shared::api::classes::CatalogueQuery;
use malanhua_shared::course::{ClassMode, CourseKind};
use yew::prelude::*;

use crate::components::checkbox_field::CheckboxField;
use crate::components::region_picker::RegionPicker;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, ClassesKey, CommonKey, t};

/// True on a screen wide enough to show the filters beside the list.
fn wide_screen() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|px| px >= 1024.0)
}

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub(super) struct FiltersProps {
    /// The filters in the URL.
    pub initial: CatalogueQuery,
    /// Called with the chosen filters.
    pub onsubmit: Callback<CatalogueQuery>,
}

/// The filter form; its fields start from the URL.
#[function_component]
pub(super) fn Filters(props: &FiltersProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    {
        let form = form.clone();
        let initial = props.initial.clone();
        use_effect_with((), move |()| {
            let fields = [
                ("region", initial.region),
                ("kind", initial.kind),
                ("mode", initial.mode),
                ("from", initial.from),
                ("to", initial.to),
                ("q", initial.q),
                ("has_seats", initial.has_seats.filter(|s| *s).map(|_| "true".to_owned())),
            ];
            for (field, value) in fields {
                if let Some(value) = value {
                    form.dispatch(FormAction::Set(field, value));
                }
            }
        });
    }
    let onsubmit = {
        let form = form.clone();
        let cb = props.onsubmit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = |field: &str| Some(form.value(field));
            cb.emit(CatalogueQuery {
                region: text("region"),
                kind: text("kind"),
                from: text("from"),
                to: text("to"),
                mode: text("mode"),
                has_seats: Some(form.value("has_seats") == "true"),
                q: text("q"),
                page: None,
                per_page: None,
            });
        })
    };
    let on_seats = {
        let form = form.clone();
        Callback::from(move |on: bool| {
            form.dispatch(FormAction::Set("has_seats", if on { "true".into() } else { String::new() }))
        })
    };
    let kinds: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let modes: Vec<(String, String)> =
        ClassMode::ALL.iter().map(|m| (m.as_str().to_owned(), i18n::mode_name(lang, *m).to_owned())).collect();
    let used = [
        &props.initial.region,
        &props.initial.kind,
        &props.initial.mode,
        &props.initial.from,
        &props.initial.to,
        &props.initial.q,
    ]
    .iter()
    .filter(|v| v.is_some())
    .count()
        + usize::from(props.initial.has_seats == Some(true));
    let summary = if used == 0 {
        t(lang, ClassesKey::FiltersTitle).to_owned()
    } else {
        i18n::filters_in_use(lang, &used.to_string())
    };
    html! {
        <details id="catalogue-filters" class="panel filters filter-bar" open={wide_screen()}>
            <summary id="filters-title">{ summary }</summary>
            <form class="form" role="search" aria-label={t(lang, ClassesKey::FiltersTitle)} novalidate=true {onsubmit}>
                <TextField
                    id="filter-q"
                    label={t(lang, ClassesKey::FilterText)}
                    hint={AttrValue::from(t(lang, ClassesKey::FilterTextHint))}
                    input_type="search"
                    required={false}
                    value={form.value("q")}
                    oninput={setter(&form, "q")}
                />
                <RegionPicker
                    id_prefix="filter-region"
                    legend={t(lang, ClassesKey::FilterRegion)}
                    value={form.value("region")}
                    onchange={setter(&form, "region")}
                    depth={2}
                />
                <div class="field-pair">
                <SelectField
                    id="filter-kind"
                    label={t(lang, CommonKey::CourseKindLabel)}
                    value={form.value("kind")}
                    empty={AttrValue::from(t(lang, ClassesKey::AnyKind))}
                    options={kinds}
                    required={false}
                    onchange={setter(&form, "kind")}
                />
                <SelectField
                    id="filter-mode"
                    label={t(lang, CommonKey::ClassModeLabel)}
                    value={form.value("mode")}
                    empty={AttrValue::from(t(lang, ClassesKey::AnyMode))}
                    options={modes}
                    required={false}
                    onchange={setter(&form, "mode")}
                />
                </div>
                <div class="field-pair">
                    <TextField
                        id="filter-from"
                        label={t(lang, ClassesKey::FilterFrom)}
                        input_type="date"
                        required={false}
                        value={form.value("from")}
                        oninput={setter(&form, "from")}
                    />
                    <TextField
                        id="filter-to"
                        label={t(lang, ClassesKey::FilterTo)}
                        input_type="date"
                        required={false}
                        value={form.value("to")}
                        oninput={setter(&form, "to")}
                    />
                </div>
                <CheckboxField
                    id="filter-has-seats"
                    label={t(lang, ClassesKey::FilterHasSeats)}
                    checked={form.value("has_seats") == "true"}
                    onchange={on_seats}
                />
                <div class="form-actions">
                    <button id="filter-submit" type="submit" class="button primary">{ t(lang, ClassesKey::FilterSubmit) }</button>
                </div>
            </form>
        </details>
    }
}
