//! A cascading region picker: province, then city, then district, built
//! from `GET /api/regions`. Its value is the deepest code chosen.

use malanhua_shared::RegionCode;
use malanhua_shared::api::Region;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::hooks::regions::{RegionsState, region_name, use_regions};
use crate::i18n::{AccountsKey, CommonKey, Lang, t};

/// Props of [`RegionPicker`].
#[derive(Properties, PartialEq)]
pub struct RegionPickerProps {
    /// Id prefix: the selects are `<prefix>-province`, `<prefix>-city`,
    /// `<prefix>-county`, the error `<prefix>-error`.
    pub id_prefix: AttrValue,
    /// The fieldset's legend.
    pub legend: AttrValue,
    /// Help under the legend.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The chosen code (empty when nothing is chosen).
    pub value: AttrValue,
    /// Called with the new deepest code (empty when cleared).
    pub onchange: Callback<String>,
    /// The translated error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// When not empty, only regions inside (or above) these are offered.
    #[prop_or_default]
    pub scope: Vec<RegionCode>,
    /// How many levels are offered: 3 (down to the district, the default)
    /// or 2 (province and city only).
    #[prop_or(3)]
    pub depth: u8,
}

fn in_scope(scope: &[RegionCode], region: &Region) -> bool {
    scope.is_empty() || scope.iter().any(|s| s.contains(&region.code) || region.code.contains(s))
}

fn options(lang: Lang, regions: &[&Region], scope: &[RegionCode]) -> Vec<(String, String)> {
    regions
        .iter()
        .filter(|r| in_scope(scope, r))
        .map(|r| (r.code.as_str().to_owned(), region_name(lang, r).to_owned()))
        .collect()
}

/// Three (or two, see `depth`) linked selects inside a fieldset.
#[function_component]
pub fn RegionPicker(props: &RegionPickerProps) -> Html {
    let lang = use_lang();
    let (state, retry) = use_regions();
    let prefix = props.id_prefix.as_str();
    let hint_id = format!("{prefix}-hint");
    let error_id = format!("{prefix}-error");
    let described: Vec<&str> =
        [props.hint.as_ref().map(|_| hint_id.as_str()), props.error.as_ref().map(|_| error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
    let describedby: Option<AttrValue> = (!described.is_empty()).then(|| described.join(" ").into());
    let invalid = props.error.is_some();

    let regions = state.loaded();
    let (mut province, mut city, mut county) = (String::new(), String::new(), String::new());
    let (mut provinces, mut cities, mut counties) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(regions) = &regions {
        let path = regions.path(&props.value);
        let code_at = |i: usize| path.get(i).map(|r| r.code.clone());
        let chosen_province = code_at(0);
        let chosen_city = code_at(1);
        province = chosen_province.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default();
        city = chosen_city.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default();
        county = code_at(2).map(|c| c.as_str().to_owned()).unwrap_or_default();
        provinces = options(lang, &regions.children(None), &props.scope);
        if let Some(p) = &chosen_province {
            cities = options(lang, &regions.children(Some(p)), &props.scope);
        }
        if let Some(c) = &chosen_city {
            counties = options(lang, &regions.children(Some(c)), &props.scope);
        }
    }

    let on_province = {
        let cb = props.onchange.clone();
        Callback::from(move |code: String| cb.emit(code))
    };
    let on_city = {
        let cb = props.onchange.clone();
        let province = province.clone();
        Callback::from(move |code: String| cb.emit(if code.is_empty() { province.clone() } else { code }))
    };
    let on_county = {
        let cb = props.onchange.clone();
        let city = city.clone();
        Callback::from(move |code: String| cb.emit(if code.is_empty() { city.clone() } else { code }))
    };
    let placeholder: AttrValue = match state {
        RegionsState::Loading => t(lang, CommonKey::Loading).into(),
        RegionsState::Loaded(_) | RegionsState::Failed => t(lang, AccountsKey::Choose).into(),
    };
    let class = classes!("region-picker", invalid.then_some("has-error"), (props.depth < 3).then_some("two-levels"));

    html! {
        <fieldset {class}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            if state == RegionsState::Failed {
                <div class="alert alert-error" role="alert">
                    <p>{ t(lang, AccountsKey::RegionsFailed) }</p>
                    <button type="button" class="button secondary" onclick={retry.reform(|_: MouseEvent| ())}>
                        { t(lang, CommonKey::Retry) }
                    </button>
                </div>
            }
            <div class="region-selects">
                <LevelSelect
                    id={format!("{prefix}-province")}
                    label={t(lang, AccountsKey::Province)}
                    placeholder={placeholder.clone()}
                    options={provinces.clone()}
                    selected={province.clone()}
                    disabled={provinces.is_empty()}
                    describedby={describedby.clone()}
                    {invalid}
                    onchange={on_province}
                />
                <LevelSelect
                    id={format!("{prefix}-city")}
                    label={t(lang, AccountsKey::City)}
                    placeholder={placeholder.clone()}
                    options={cities.clone()}
                    selected={city.clone()}
                    disabled={cities.is_empty()}
                    describedby={describedby.clone()}
                    {invalid}
                    onchange={on_city}
                />
                if props.depth >= 3 {
                    <LevelSelect
                        id={format!("{prefix}-county")}
                        label={t(lang, AccountsKey::County)}
                        placeholder={placeholder}
                        options={counties.clone()}
                        selected={county}
                        disabled={counties.is_empty()}
                        {describedby}
                        {invalid}
                        onchange={on_county}
                    />
                }
            </div>
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id.clone()}>{ error.clone() }</p>
            }
        </fieldset>
    }
}

/// Props of [`LevelSelect`].
#[derive(Properties, PartialEq)]
struct LevelSelectProps {
    id: AttrValue,
    label: AttrValue,
    placeholder: AttrValue,
    options: Vec<(String, String)>,
    selected: String,
    disabled: bool,
    describedby: Option<AttrValue>,
    invalid: bool,
    onchange: Callback<String>,
}

/// One labelled select; its selection follows `selected` even after the
/// person has used it (the DOM value is set after each change).
#[function_component]
fn LevelSelect(props: &LevelSelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.selected.clone(), props.options.clone()), move |(selected, _)| {
            if let Some(select) = node.cast::<HtmlSelectElement>()
                && select.value() != *selected
            {
                select.set_value(selected);
            }
        });
    }
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let invalid = if props.invalid { "true" } else { "false" };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select
                id={props.id.clone()}
                name={props.id.clone()}
                ref={node}
                disabled={props.disabled}
                aria-invalid={invalid}
                aria-describedby={props.describedby.clone()}
                {onchange}
            >
                <option value="" selected={props.selected.is_empty()}>{ props.placeholder.clone() }</option>
                { for props.options.iter().map(|(code, name)| html! {
                    <option key={code.clone()} value={code.clone()} selected={*code == props.selected}>
                        { name.clone() }
                    </option>
                }) }
            </select>
        </div>
    }
}
