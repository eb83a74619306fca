//! The worklist's filters: stage, kind of claim, course, institution,
//! filing dates and amounts, read into a [`ClaimQuery`]. They start from
//! the URL and sit in a bar that opens on demand, so the claims come first.

use malanhua_shared::api::subsidies::{ClaimKind, ClaimQuery, ClaimStatus};
use malanhua_shared::course::CourseKind;
use malanhua_shared::{FieldCode, FieldErrors};
use yew::prelude::*;

use crate::api;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, read_yuan, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, AccountsKey, ClassesKey, CommonKey, SubsidiesKey, WorklistKey, t};
use crate::pages::subsidies::my_subsidies::read_date;

/// The status filter's value for "every stage".
const ALL_STATUSES: &str = "all";

/// The filter fields, with their inputs, in the order they appear.
const FILTER_FIELDS: [(&str, &str); 4] =
    [("from", "filter-from"), ("to", "filter-to"), ("min_fen", "filter-min"), ("max_fen", "filter-max")];

/// Yuan as typed from fen (`150000` -> `1500.00`).
fn yuan_text(fen: i64) -> String {
    format!("{}{}.{:02}", if fen < 0 { "-" } else { "" }, fen.abs() / 100, fen.abs() % 100)
}

/// How many filters a query uses (the sort is not a filter).
pub(super) fn filters_used(q: &ClaimQuery) -> usize {
    [
        q.status.is_some(),
        q.claim_kind.is_some(),
        q.kind.is_some(),
        q.institution.is_some(),
        q.from.is_some(),
        q.to.is_some(),
        q.min_fen.is_some(),
        q.max_fen.is_some(),
    ]
    .iter()
    .filter(|on| **on)
    .count()
}

/// The query the filters ask for, or the errors of their fields.
pub(super) fn query_from(filters: &Form) -> Result<ClaimQuery, FieldErrors> {
    let mut errors = FieldErrors::new();
    let status = filters.value("status");
    let next = ClaimQuery {
        status: ClaimStatus::from_name(&status),
        claim_kind: ClaimKind::from_name(&filters.value("claim_kind")),
        kind: CourseKind::from_name(&filters.value("kind")),
        institution: Some(filters.value("institution")).filter(|v| !v.is_empty()),
        from: read_date(&filters.value("from"), "from", &mut errors),
        to: read_date(&filters.value("to"), "to", &mut errors),
        min_fen: read_yuan(&filters.value("min_fen"), "min_fen", &mut errors),
        max_fen: read_yuan(&filters.value("max_fen"), "max_fen", &mut errors),
        sort: None,
        after: None,
        limit: None,
    };
    if let (Some(from), Some(to)) = (next.from, next.to)
        && to < from
    {
        errors.insert("to".to_owned(), FieldCode::NotInOrder);
    }
    if let (Some(min), Some(max)) = (next.min_fen, next.max_fen)
        && max < min
    {
        errors.insert("max_fen".to_owned(), FieldCode::NotInOrder);
    }
    if errors.is_empty() { Ok(next) } else { Err(errors) }
}

/// Props of [`ClaimFilters`].
#[derive(Properties, PartialEq)]
pub(super) struct ClaimFiltersProps {
    /// The filters in the URL (the form starts from them).
    pub initial: ClaimQuery,
    /// Called with the filters chosen (the sort is the caller's).
    pub on_apply: Callback<ClaimQuery>,
}

/// The filters bar: a summary line that says how many are in use, opening
/// to the form.
#[function_component]
pub(super) fn ClaimFilters(props: &ClaimFiltersProps) -> Html {
    let lang = use_lang();
    let filters = use_form();
    {
        let (filters, q) = (filters.clone(), props.initial.clone());
        use_effect_with((), move |()| {
            let fields = [
                ("status", q.status.map(|s| s.as_str().to_owned())),
                ("claim_kind", q.claim_kind.map(|k| k.as_str().to_owned())),
                ("kind", q.kind.map(|k| k.as_str().to_owned())),
                ("institution", q.institution.clone()),
                ("from", q.from.map(|d| d.to_string())),
                ("to", q.to.map(|d| d.to_string())),
                ("min_fen", q.min_fen.map(yuan_text)),
                ("max_fen", q.max_fen.map(yuan_text)),
            ];
            for (field, value) in fields {
                if let Some(value) = value {
                    filters.dispatch(FormAction::Set(field, value));
                }
            }
        });
    }
    let on_apply = {
        let (filters, on_apply) = (filters.clone(), props.on_apply.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match query_from(&filters) {
                Ok(next) => {
                    filters.dispatch(FormAction::Succeeded { clear: false });
                    on_apply.emit(next);
                }
                Err(errors) => {
                    if let Some((_, id)) = FILTER_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                        focus(id);
                    }
                    filters.dispatch(FormAction::Invalid(issues(errors)));
                }
            }
        })
    };
    // The region's institutions, from its staff accounts, for the filter.
    let (staff, _) = use_remote((), |()| async move { api::admin::accounts().await });
    let statuses: Vec<(String, String)> =
        std::iter::once((ALL_STATUSES.to_owned(), t(lang, ClassesKey::AllStatuses).to_owned()))
            .chain(
                ClaimStatus::ALL.iter().map(|s| (s.as_str().to_owned(), i18n::claim_status_name(lang, *s).to_owned())),
            )
            .collect();
    let claim_kinds: Vec<(String, String)> =
        ClaimKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::claim_kind_name(lang, *k).to_owned())).collect();
    let kinds: Vec<(String, String)> =
        CourseKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n::kind_name(lang, *k).to_owned())).collect();
    let mut institutions: Vec<(String, String)> = staff
        .loaded()
        .into_iter()
        .flatten()
        .filter_map(|a| a.institution.as_ref().map(|i| (i.id.to_string(), i.name.clone())))
        .collect();
    institutions.sort();
    institutions.dedup();
    let status_value = match filters.value("status") {
        v if v.is_empty() => ALL_STATUSES.to_owned(),
        v => v,
    };
    let used = filters_used(&props.initial);
    let summary = if used == 0 {
        t(lang, WorklistKey::Filters).to_owned()
    } else {
        i18n::filters_in_use(lang, &used.to_string())
    };
    let filters = &filters;
    html! {
    <details id="claim-filters" class="panel filters filter-bar">
        <summary id="claim-filters-toggle">{ summary }</summary>
        <form class="form" role="search" aria-label={t(lang, WorklistKey::Filters)} novalidate=true onsubmit={on_apply}>
            <FormError id="filter-error" failure={filters.failure().cloned()} others={filters.other_errors(&["from", "to", "min_fen", "max_fen"])} />
            <div class="field-pair">
                <SelectField id="filter-status" label={t(lang, CommonKey::ColStatus)} value={status_value} options={statuses} required={false} onchange={setter(filters, "status")} />
                <SelectField id="filter-claim-kind" label={t(lang, SubsidiesKey::ColClaimKind)} value={filters.value("claim_kind")} empty={AttrValue::from(t(lang, SubsidiesKey::AnyClaimKind))} options={claim_kinds} required={false} onchange={setter(filters, "claim_kind")} />
            </div>
            <div class="field-pair">
                <SelectField id="filter-kind" label={t(lang, CommonKey::CourseKindLabel)} value={filters.value("kind")} empty={AttrValue::from(t(lang, ClassesKey::AnyKind))} options={kinds} required={false} onchange={setter(filters, "kind")} />
                <SelectField id="filter-institution" label={t(lang, AccountsKey::ColInstitution)} value={filters.value("institution")} empty={AttrValue::from(t(lang, ClassesKey::AnyInstitution))} options={institutions} required={false} onchange={setter(filters, "institution")} />
            </div>
            <div class="field-pair">
                <TextField id="filter-from" label={t(lang, SubsidiesKey::FiledFrom)} input_type="date" required={false} value={filters.value("from")} error={filters.error(lang, "from")} oninput={setter(filters, "from")} />
                <TextField id="filter-to" label={t(lang, SubsidiesKey::FiledTo)} input_type="date" required={false} value={filters.value("to")} error={filters.error(lang, "to")} oninput={setter(filters, "to")} />
            </div>
            <div class="field-pair">
                <TextField id="filter-min" label={t(lang, SubsidiesKey::MinYuan)} inputmode={AttrValue::Static("decimal")} required={false} value={filters.value("min_fen")} error={filters.error(lang, "min_fen")} oninput={setter(filters, "min_fen")} />
                <TextField id="filter-max" label={t(lang, SubsidiesKey::MaxYuan)} inputmode={AttrValue::Static("decimal")} required={false} value={filters.value("max_fen")} error={filters.error(lang, "max_fen")} oninput={setter(filters, "max_fen")} />
            </div>
            <div class="form-actions">
                <button id="filter-apply" type="submit" class="button primary">{ t(lang, ClassesKey::FilterSubmit) }</button>
            </div>
        </form>
    </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_the_url_are_shown_in_yuan() {
        assert_eq!(yuan_text(150_000), "1500.00");
        assert_eq!(yuan_text(5), "0.05");
        let mut errors = FieldErrors::new();
        assert_eq!(read_yuan(&yuan_text(123_456), "min_fen", &mut errors), Some(123_456));
        assert!(errors.is_empty());
    }

    #[test]
    fn the_sort_is_not_counted_as_a_filter() {
        let q = ClaimQuery {
            status: Some(ClaimStatus::Submitted),
            min_fen: Some(1),
            sort: Some(malanhua_shared::api::subsidies::ClaimSort::AmountDesc),
            ..ClaimQuery::default()
        };
        assert_eq!(filters_used(&q), 2);
    }
}
