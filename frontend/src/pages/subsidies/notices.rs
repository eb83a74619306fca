//! `/notices`: the public notice (公示) of subsidy claims about to be paid,
//! for anyone to read without signing in, and to object to.

use malanhua_shared::api::subsidies::{ClaimKind, NewObjection, NoticeEntry};
use malanhua_shared::api::verification::CodePurpose;
use yew::prelude::*;

use crate::api;
use crate::components::claim_info::claim_kind_badge;
use crate::components::code_field::{MobileAndCode, mobile_and_code};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::region_picker::RegionPicker;
use crate::components::remote_view::remote_view;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, CertificatesKey, ClassesKey, CommonKey, Lang, SubsidiesKey, Text, VerifyKey, t};

/// `/notices` (public).
#[function_component]
pub fn NoticesPage() -> Html {
    use_title(SubsidiesKey::NoticesTitle);
    let lang = use_lang();
    let region = use_state(String::new);
    let (list, reload) =
        use_remote((*region).clone(), |region| async move { api::subsidies::notices(Some(region.as_str())).await });
    let objecting = use_state(|| None::<String>);
    let done = use_state(|| false);
    let on_region = {
        let (region, objecting) = (region.clone(), objecting.clone());
        Callback::from(move |code: String| {
            objecting.set(None);
            region.set(code);
        })
    };
    let on_object = {
        let (objecting, done) = (objecting.clone(), done.clone());
        Callback::from(move |id: String| {
            done.set(false);
            objecting.set(if objecting.as_deref() == Some(id.as_str()) { None } else { Some(id) });
        })
    };
    let on_objected = {
        let (objecting, done, reload) = (objecting.clone(), done.clone(), reload.clone());
        Callback::from(move |()| {
            objecting.set(None);
            done.set(true);
            reload.emit(());
        })
    };
    let on_cancel = {
        let objecting = objecting.clone();
        Callback::from(move |()| objecting.set(None))
    };
    html! {
        <div class="page">
            <h1>{ t(lang, SubsidiesKey::NoticesTitle) }</h1>
            <p class="lead">{ t(lang, SubsidiesKey::NoticesLead) }</p>
            <section class="panel filters" aria-labelledby="notice-filter-title">
                <h2 id="notice-filter-title" class="visually-hidden">{ t(lang, ClassesKey::FiltersTitle) }</h2>
                <div class="form">
                    <RegionPicker
                        id_prefix="notice-region"
                        legend={t(lang, ClassesKey::FilterRegion)}
                        hint={AttrValue::from(t(lang, SubsidiesKey::NoticeRegionHint))}
                        value={(*region).clone()}
                        onchange={on_region}
                        depth={2}
                    />
                </div>
            </section>
            if *done {
                <p id="objection-done" class="alert alert-success" role="status">{ t(lang, SubsidiesKey::ObjectionFiled) }</p>
            }
            { remote_view(lang, &list, "notice-list-error", &reload, |list| html! {
                <>
                    <ul id="notice-list" class="review-list">
                        { for list.iter().map(|n| notice_row(lang, n, objecting.as_deref() == Some(n.claim_id.as_str()), &on_object, &on_objected, &on_cancel)) }
                    </ul>
                    if list.is_empty() {
                        <p class="empty" id="notice-list-empty">{ t(lang, SubsidiesKey::NoNotices) }</p>
                    }
                </>
            }) }
        </div>
    }
}

fn notice_row(
    lang: Lang,
    n: &NoticeEntry,
    open: bool,
    on_object: &Callback<String>,
    on_objected: &Callback<()>,
    on_cancel: &Callback<()>,
) -> Html {
    let (holder, subject_label) = match n.claim_kind {
        ClaimKind::Training => (CertificatesKey::CertHolder.into(), None),
        ClaimKind::StudioGrant => (SubsidiesKey::ClaimHolder.into(), Some(SubsidiesKey::StudioLabel)),
        ClaimKind::ServiceFee => (SubsidiesKey::ClaimHolder.into(), Some(SubsidiesKey::FeeMonth)),
    };
    let holder: Text = holder;
    let kind = match (n.claim_kind, n.kind) {
        (ClaimKind::Training, Some(course)) => i18n::kind_name(lang, course),
        (other, _) => i18n::claim_kind_name(lang, other),
    };
    let object = {
        let (cb, id) = (on_object.clone(), n.claim_id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.to_string()))
    };
    html! {
        <li key={n.claim_id.to_string()} class="review notice-row" data-claim-id={n.claim_id.to_string()} data-claim-kind={n.claim_kind.as_str()}>
            <p class="class-badges">
                { claim_kind_badge(lang, n.claim_kind, n.kind) }
                if n.held {
                    <span class="badge badge-stop notice-held">{ t(lang, SubsidiesKey::NoticeHeld) }</span>
                }
            </p>
            <dl class="facts compact">
                <div><dt>{ t(lang, holder) }</dt><dd class="notice-holder">{ n.holder_masked.clone() }</dd></div>
                <div><dt>{ t(lang, SubsidiesKey::ColClaimKind) }</dt><dd class="notice-kind">{ kind }</dd></div>
                if !n.institution.is_empty() {
                    <div><dt>{ t(lang, CommonKey::InstitutionLabel) }</dt><dd class="notice-institution">{ n.institution.clone() }</dd></div>
                }
                if let Some(label) = subject_label {
                    <div><dt>{ t(lang, label) }</dt><dd class="notice-subject">{ n.subject.clone() }</dd></div>
                }
                <div><dt>{ t(lang, SubsidiesKey::SubsidyAmount) }</dt><dd class="notice-amount money">{ n.amount_fen.to_string() }</dd></div>
                <div><dt>{ t(lang, SubsidiesKey::NoticeEndsOn) }</dt><dd class="notice-ends">{ i18n::date(lang, n.notice_ends_on) }</dd></div>
                <div><dt>{ t(lang, AccountsKey::ColRegion) }</dt><dd>{ n.region_name.clone() }</dd></div>
            </dl>
            <div class="form-actions">
                <button type="button" class="button secondary object-button" data-claim-id={n.claim_id.to_string()} aria-expanded={if open { "true" } else { "false" }} onclick={object}>
                    { t(lang, SubsidiesKey::ObjectButton) }
                </button>
            </div>
            if open {
                <ObjectionForm claim_id={n.claim_id.to_string()} holder={n.holder_masked.clone()} on_done={on_objected.clone()} on_cancel={on_cancel.clone()} />
            }
        </li>
    }
}

/// Props of [`ObjectionForm`].
#[derive(Properties, PartialEq)]
struct ObjectionFormProps {
    claim_id: String,
    /// The masked name, for the heading.
    holder: String,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
}

/// The objection fields with their inputs, in the order they appear.
const FIELDS: [(&str, &str); 3] =
    [("text", "objection-text"), ("mobile", "objection-mobile"), ("code", "objection-code")];

/// What is wrong and how to reach the objector.
#[function_component]
fn ObjectionForm(props: &ObjectionFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let sending = use_mutation();
    use_effect_with((), |()| focus("objection-text"));
    let onsubmit = {
        let sending = sending.clone();
        let claim_id = props.claim_id.clone();
        let on_done = props.on_done.clone();
        on_submit(&form, move |form| {
            let body =
                NewObjection { text: form.value("text"), mobile: form.value("mobile"), code: form.value("code") };
            if let Err(errors) = body.validate() {
                if let Some((_, id)) = FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(id);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            form.dispatch(FormAction::Submit);
            let (form, claim_id, on_done) = (form.clone(), claim_id.clone(), on_done.clone());
            sending.run(
                format!("object {claim_id} {} {} {}", body.text, body.mobile, body.code),
                move |key| async move { api::subsidies::object(&claim_id, &body, &key).await },
                move |result| match result {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        on_done.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                },
            );
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let shown: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
    let submitting = form.submitting();
    html! {
        <form class="form subform objection-form" novalidate=true aria-labelledby="objection-title" {onsubmit}>
            <h3 id="objection-title">{ i18n::objection_title(lang, &props.holder) }</h3>
            <p class="hint">{ t(lang, SubsidiesKey::ObjectionLead) }</p>
            <FormError id="objection-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            <TextField
                id="objection-text"
                label={t(lang, SubsidiesKey::ObjectionText)}
                maxlength={1000}
                rows={4}
                value={form.value("text")}
                error={form.error(lang, "text")}
                oninput={setter(&form, "text")}
            />
            { mobile_and_code(lang, &form, MobileAndCode {
                ids: ("objection-mobile", "objection-code"),
                label: t(lang, VerifyKey::ObjectorMobile),
                hint: Some(t(lang, VerifyKey::ObjectorMobileHint)),
                autocomplete: "tel",
                purpose: CodePurpose::Objection,
            }) }
            <div class="form-actions action-buttons">
                <button id="objection-submit" type="submit" class="button primary" disabled={submitting} aria-busy={submitting.then_some("true")}>
                    { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, SubsidiesKey::SubmitObjection) } }
                </button>
                <button id="objection-cancel" type="button" class="button secondary" onclick={cancel}>{ t(lang, SubsidiesKey::Cancel) }</button>
            </div>
        </form>
    }
}
