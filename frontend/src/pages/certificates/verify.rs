//! `/verify` and `/verify/:number`: anyone checks a certificate number
//! (no sign-in); the QR code on a certificate opens the second.

use malanhua_shared::FieldCode;
use malanhua_shared::api::certificates::Verification;
use malanhua_shared::api::certificates::VerificationStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, issuer, use_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, Text, t};

/// Props of [`VerifyPage`].
#[derive(Properties, PartialEq)]
pub struct VerifyPageProps {
    /// The number to check, from the path.
    #[prop_or_default]
    pub number: Option<String>,
}

/// `/verify` and `/verify/:number` (public).
#[function_component]
pub fn VerifyPage(props: &VerifyPageProps) -> Html {
    use_title(CertificatesKey::VerifyTitle);
    let lang = use_lang();
    let navigator = use_navigator();
    let form = use_form();
    {
        let form = form.clone();
        use_effect_with(props.number.clone(), move |number| {
            form.dispatch(FormAction::Set("number", number.clone().unwrap_or_default()));
        });
    }
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let (result, retry) = use_remote(props.number.clone(), |number| async move {
        match number {
            Some(n) => api::certificates::verify(&n).await.map(Some),
            None => Ok(None),
        }
    });
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let number = form.value("number").trim().to_uppercase();
            if number.is_empty() {
                focus("verify-number");
                form.dispatch(FormAction::Invalid(
                    [("number".to_owned(), FieldIssue::Code(FieldCode::Required))].into(),
                ));
                return;
            }
            form.dispatch(FormAction::Succeeded { clear: false });
            if let Some(navigator) = &navigator {
                navigator.push(&Route::VerifyNumber { number });
            }
        })
    };
    html! {
        <div class="page verify-page">
            <h1>{ t(lang, CertificatesKey::VerifyTitle) }</h1>
            <p class="lead">{ t(lang, CertificatesKey::VerifyLead) }</p>
            <form class="form" novalidate=true role="search" {onsubmit}>
                <FormError id="verify-form-error" failure={form.failure().cloned()} others={form.other_errors(&["number"])} />
                <TextField
                    id="verify-number"
                    label={t(lang, CertificatesKey::CertNumber)}
                    hint={AttrValue::from(t(lang, CertificatesKey::VerifyNumberHint))}
                    autocomplete="off"
                    maxlength={40}
                    value={form.value("number")}
                    error={form.error(lang, "number")}
                    oninput={setter(&form, "number")}
                />
                <div class="form-actions">
                    <button id="verify-submit" type="submit" class="button">{ t(lang, CertificatesKey::VerifySubmit) }</button>
                </div>
            </form>
            { remote_view(lang, &result, "verify-error", &retry, |v| match v {
                Some(v) => verification(lang, v, regions.as_deref()),
                None => html! {},
            }) }
        </div>
    }
}

fn verification(lang: Lang, v: &Verification, regions: Option<&Regions>) -> Html {
    let (text, tone) = match v.status {
        VerificationStatus::Valid => (t(lang, CertificatesKey::CertValid).to_owned(), "is-valid"),
        VerificationStatus::Revoked => (
            match v.revoked_on {
                Some(d) => i18n::revoked_on(lang, &i18n::date(lang, d)),
                None => t(lang, CertificatesKey::CertRevoked).to_owned(),
            },
            "is-revoked",
        ),
        VerificationStatus::Unknown => (t(lang, CertificatesKey::CertUnknown).to_owned(), "is-unknown"),
    };
    let row = |label: Text, id: &str, value: Option<String>| match value {
        Some(value) => html! {
            <div class="cert-row">
                <dt>{ t(lang, label) }</dt>
                <dd id={id.to_owned()}>{ value }</dd>
            </div>
        },
        None => html! {},
    };
    html! {
        <section id="verify-result" class={classes!("verify-result", tone)} aria-live="polite" aria-labelledby="verify-status">
            <p id="verify-status" class="verify-status">{ text }</p>
            <p class="hint">{ i18n::verify_about(lang, &v.number) }</p>
            if v.status == VerificationStatus::Unknown {
                <p>{ t(lang, CertificatesKey::VerifyUnknownHelp) }</p>
            } else {
                <dl class="cert-fields">
                    { row(CertificatesKey::CertHolder.into(), "verify-holder", v.holder_masked.clone()) }
                    { row(CommonKey::CourseKindLabel.into(), "verify-kind", v.kind.map(|k| i18n::kind_name(lang, k).to_owned())) }
                    { row(CertificatesKey::CertInstitution.into(), "verify-institution", v.institution.clone()) }
                    { row(CertificatesKey::CertIssuedOn.into(), "verify-issued", v.issued_on.map(|d| i18n::date(lang, d))) }
                    { row(CertificatesKey::CertIssuer.into(), "verify-region", v.issuing_region_name.as_ref().map(|r| issuer(lang, regions, v.issuing_region.as_deref(), r))) }
                </dl>
            }
        </section>
    }
}
