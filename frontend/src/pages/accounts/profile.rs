//! `/profile`: the account, its roles, and the real-name form.

use std::rc::Rc;

use malanhua_shared::Role;
use malanhua_shared::api::{Me, ProfileRequest, RoleGrant};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, use_regions};
use crate::hooks::session::{SessionAction, use_session};
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CommonKey, Lang, t};
use crate::pages::privacy::my_data::MyData;

/// The fields in the order they appear, with the element to focus.
const FIELDS: [(&str, &str); 3] =
    [("real_name", "real_name"), ("resident_id", "resident_id"), ("region", "region-province")];

/// A role with its scope ("人社局经办人员 · 青岛市").
pub fn describe_grant(lang: Lang, grant: &RoleGrant, regions: Option<&Regions>) -> String {
    let mut parts = vec![i18n::role_name(lang, grant.role).to_owned()];
    if let Some(institution) = &grant.institution {
        parts.push(institution.name.clone());
    }
    if grant.region.is_some() || grant.region_name.is_some() {
        let region = match (regions, &grant.region) {
            (Some(r), Some(code)) => r.full_label(lang, code, grant.region_name.as_deref()),
            _ => grant
                .region_name
                .clone()
                .or_else(|| grant.region.as_ref().map(|c| c.as_str().to_owned()))
                .unwrap_or_default(),
        };
        parts.push(region);
    }
    parts.join(" · ")
}

/// `/profile` (signed in only).
#[function_component]
pub fn ProfilePage() -> Html {
    use_title(AccountsKey::ProfileTitle);
    html! {
        <RequireSignIn>
            <Profile />
        </RequireSignIn>
    }
}

#[function_component]
fn Profile() -> Html {
    let lang = use_lang();
    let session = use_session();
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let Some(me) = session.me.clone() else { return html! {} };
    html! {
        <div class="page">
            <h1>{ t(lang, AccountsKey::ProfileTitle) }</h1>
            <section class="panel" aria-labelledby="account-title">
                <h2 id="account-title">{ t(lang, AccountsKey::AccountSection) }</h2>
                <dl class="facts">
                    <div><dt>{ t(lang, AccountsKey::Mobile) }</dt><dd id="profile-mobile">{ me.mobile.clone() }</dd></div>
                    <div>
                        <dt>{ t(lang, AccountsKey::Roles) }</dt>
                        <dd>
                            <ul class="plain" id="profile-roles">
                                { for me.roles.iter().map(|g| html! { <li>{ describe_grant(lang, g, regions.as_deref()) }</li> }) }
                            </ul>
                        </dd>
                    </div>
                    <div>
                        <dt>{ t(lang, AccountsKey::RealNameSection) }</dt>
                        <dd>
                            if me.profile_complete {
                                <span class="badge badge-ok">{ t(lang, AccountsKey::ProfileComplete) }</span>
                            } else {
                                <span class="badge badge-todo">{ t(lang, AccountsKey::ProfileIncomplete) }</span>
                            }
                        </dd>
                    </div>
                </dl>
            </section>
            if me.profile_complete {
                <IdentityFacts me={me.clone()} regions={regions.clone()} />
            }
            <RealNameForm {me} />
            <MyData />
        </div>
    }
}

/// Props of [`IdentityFacts`].
#[derive(Properties, PartialEq)]
struct IdentityFactsProps {
    me: Rc<Me>,
    regions: Option<Rc<Regions>>,
}

/// What is on file, with gender and birth date derived from the ID.
#[function_component]
fn IdentityFacts(props: &IdentityFactsProps) -> Html {
    let lang = use_lang();
    let me = &props.me;
    let missing = || html! { <span class="muted">{ t(lang, CommonKey::NotProvided) }</span> };
    let region = me.region.as_ref().map(|code| match &props.regions {
        Some(r) => r.full_label(lang, code, me.region_name.as_deref()),
        None => me.region_name.clone().unwrap_or_else(|| code.as_str().to_owned()),
    });
    html! {
        <section class="panel" aria-labelledby="identity-title">
            <h2 id="identity-title">{ t(lang, AccountsKey::IdentityOnFile) }</h2>
            <dl class="facts">
                <div><dt>{ t(lang, AccountsKey::RealName) }</dt><dd id="profile-real-name">
                    { me.real_name.clone().map(Html::from).unwrap_or_else(missing) }
                </dd></div>
                <div><dt>{ t(lang, AccountsKey::ResidentIdOnFile) }</dt><dd id="profile-resident-id">
                    { me.resident_id_masked.clone().map(Html::from).unwrap_or_else(missing) }
                </dd></div>
                <div><dt>{ t(lang, AccountsKey::Gender) }</dt><dd id="profile-gender">
                    { me.gender.map(|g| Html::from(i18n::gender_name(lang, g))).unwrap_or_else(missing) }
                </dd></div>
                <div><dt>{ t(lang, AccountsKey::BirthDate) }</dt><dd id="profile-birth-date">
                    { me.birth_date.map(|d| Html::from(i18n::date(lang, d))).unwrap_or_else(missing) }
                </dd></div>
                <div><dt>{ t(lang, AccountsKey::RegionOnFile) }</dt><dd id="profile-region">
                    { region.map(Html::from).unwrap_or_else(missing) }
                </dd></div>
            </dl>
        </section>
    }
}

/// Props of [`RealNameForm`].
#[derive(Properties, PartialEq)]
struct RealNameFormProps {
    me: Rc<Me>,
}

/// Real name, resident ID and home region.
#[function_component]
fn RealNameForm(props: &RealNameFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let form = use_form();

    // Start from what is on file.
    {
        let form = form.clone();
        let me = props.me.clone();
        use_effect_with((), move |()| {
            if let Some(name) = &me.real_name {
                form.dispatch(FormAction::Set("real_name", name.clone()));
            }
            if let Some(region) = &me.region {
                form.dispatch(FormAction::Set("region", region.as_str().to_owned()));
            }
        });
    }

    let onsubmit = {
        on_submit(&form, move |form| {
            let request = ProfileRequest {
                real_name: form.value("real_name"),
                resident_id: form.value("resident_id"),
                region: form.value("region"),
            };
            if let Err(errors) = request.validate() {
                if let Some((_, id)) = FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::me::update_profile(&request).await {
                    Ok(me) => {
                        session.dispatch(SessionAction::MeLoaded(me));
                        form.dispatch(FormAction::Succeeded { clear: false });
                        // The full ID is not kept on screen once saved.
                        form.dispatch(FormAction::Set("resident_id", String::new()));
                        // Focus goes to the result and its next step, once drawn.
                        gloo::timers::callback::Timeout::new(0, || focus("profile-saved")).forget();
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };

    let submitting = form.submitting();
    let trainee = props.me.roles.iter().all(|g| g.role == Role::Trainee);
    let shown: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
    let (title, lead) = if props.me.profile_complete {
        (AccountsKey::RealNameEditTitle, AccountsKey::RealNameEditLead)
    } else {
        (AccountsKey::RealNameFormTitle, AccountsKey::RealNameLead)
    };
    html! {
        <section class="panel" aria-labelledby="realname-form-title">
            <h2 id="realname-form-title">{ t(lang, title) }</h2>
            <p>{ t(lang, lead) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="form-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
                if form.succeeded() {
                    <div id="profile-saved" class="alert alert-success" role="status" tabindex="-1">
                        <p>{ t(lang, AccountsKey::ProfileSaved) }</p>
                        if trainee {
                            // The next step: a class to take.
                            <p><AppLink id="profile-next" to={Route::Classes} classes={classes!("button", "primary")}>{ t(lang, AccountsKey::FindAClassNext) }</AppLink></p>
                        }
                    </div>
                }
                <TextField
                    id="real_name"
                    label={t(lang, AccountsKey::RealName)}
                    hint={AttrValue::from(t(lang, AccountsKey::RealNameHint))}
                    autocomplete={AttrValue::Static("name")}
                    value={form.value("real_name")}
                    error={form.error(lang, "real_name")}
                    oninput={setter(&form, "real_name")}
                />
                <TextField
                    id="resident_id"
                    label={t(lang, AccountsKey::ResidentId)}
                    hint={AttrValue::from(t(lang, AccountsKey::ResidentIdHint))}
                    autocomplete={AttrValue::Static("off")}
                    value={form.value("resident_id")}
                    error={form.error(lang, "resident_id")}
                    oninput={setter(&form, "resident_id")}
                />
                <RegionPicker
                    id_prefix="region"
                    legend={t(lang, AccountsKey::Region)}
                    hint={AttrValue::from(t(lang, AccountsKey::RegionHint))}
                    value={form.value("region")}
                    error={form.error(lang, "region")}
                    onchange={setter(&form, "region")}
                />
                <div class="form-actions">
                    <button id="submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                        { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, AccountsKey::SaveProfile) } }
                    </button>
                </div>
            </form>
        </section>
    }
}
