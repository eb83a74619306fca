//! `/certificates/:number`: a printable certificate (with the bureau's
//! revoke form), and `/my/certificates`: the trainee's certificates.

use std::rc::Rc;

use malanhua_shared::Role;
use malanhua_shared::api::certificates::Certificate;
use malanhua_shared::api::certificates::CertificateStatus;
use malanhua_shared::api::classes::ReasonRequest;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::reason_form::{ReasonAction, ReasonForm};
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::stack_table;
use crate::hooks::lang::use_lang;
use crate::hooks::regions::{Regions, issuer, use_regions};
use crate::hooks::remote::use_remote;
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, Text, t};
use crate::pages::certificates::outcome::OutcomePanel;

/// "Valid", or "Revoked on <date>".
fn status_text(lang: Lang, c: &Certificate) -> String {
    match (c.status, c.revoked_at) {
        (CertificateStatus::Revoked, Some(at)) => {
            i18n::revoked_on(lang, &i18n::date(lang, crate::time::in_shanghai(at).date_naive()))
        }
        (CertificateStatus::Revoked, None) => t(lang, CertificatesKey::CertRevoked).to_owned(),
        _ => t(lang, CertificatesKey::CertValid).to_owned(),
    }
}

/// Props of [`CertificatePage`].
#[derive(Properties, PartialEq)]
pub struct CertificatePageProps {
    /// The certificate number from the path.
    pub number: String,
}

/// `/certificates/:number` (signed in; the server decides who may see it).
#[function_component]
pub fn CertificatePage(props: &CertificatePageProps) -> Html {
    use_title(CertificatesKey::CertificateTitle);
    html! {
        <RequireSignIn>
            <CertificateView number={props.number.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn CertificateView(props: &CertificatePageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let (regions, _) = use_regions();
    let regions = regions.loaded();
    let (cert, reload) =
        use_remote(props.number.clone(), |n| async move { api::certificates::certificate(&n).await.map(Rc::new) });
    let officer = session.has_role(Role::BureauOfficer);
    let may_record = session.is_trainee() || session.has_role(Role::InstitutionStaff);
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="page">
            { remote_view(lang, &cert, "certificate-error", &reload, |c| html! {
                <>
                    { certificate_doc(lang, c, regions.as_deref()) }
                    <p class="form-actions no-print">
                        <button id="certificate-print" type="button" class="button" onclick={on_print.clone()}>{ t(lang, CertificatesKey::PrintCertificate) }</button>
                        <AppLink to={Route::VerifyNumber { number: c.number.to_string() }} classes={classes!("button", "secondary")}>{ t(lang, CertificatesKey::VerifyThis) }</AppLink>
                        if session.is_trainee() && c.status == CertificateStatus::Valid {
                            <AppLink id="certificate-subsidy" to={Route::MySubsidies} classes={classes!("button", "primary")}>{ t(lang, CertificatesKey::SeeMySubsidy) }</AppLink>
                        }
                    </p>
                    if c.status == CertificateStatus::Valid {
                        <OutcomePanel number={c.number.to_string()} editable={may_record} />
                    }
                    if officer && c.status == CertificateStatus::Valid {
                        <ReasonForm
                            prefix="revoke"
                            error_id="revoke-error"
                            title={Text::of(CertificatesKey::RevokeTitle)}
                            lead={Text::of(CertificatesKey::RevokeLead)}
                            submit_label={Text::of(CertificatesKey::RevokeSubmit)}
                            class={classes!("no-print")}
                            action={revoke_action(c.number.to_string())}
                            on_done={reload.clone()}
                        />
                    }
                </>
            }) }
        </div>
    }
}

fn certificate_doc(lang: Lang, c: &Certificate, regions: Option<&Regions>) -> Html {
    let revoked = c.status == CertificateStatus::Revoked;
    let row = |label: Text, id: &str, value: String| {
        html! {
            <div class="cert-row">
                <dt>{ t(lang, label) }</dt>
                <dd id={id.to_owned()}>{ value }</dd>
            </div>
        }
    };
    html! {
        <article id="certificate" class={classes!("certificate", revoked.then_some("is-revoked"))} aria-labelledby="certificate-title">
            <h1 id="certificate-title" class="cert-title">{ t(lang, CertificatesKey::CertificateTitle) }</h1>
            <p id="certificate-status" class={classes!("cert-status", if revoked { "badge-stop" } else { "badge-ok" })}>
                { status_text(lang, c) }
            </p>
            if revoked && let Some(reason) = &c.revoke_reason {
                <p id="certificate-revoke-reason" class="hint">{ i18n::revoke_reason_was(lang, reason) }</p>
            }
            <p class="cert-holder">
                <span class="cert-label">{ t(lang, CertificatesKey::CertHolder) }</span>
                <strong id="certificate-holder">{ c.holder_name.clone() }</strong>
            </p>
            <p class="cert-text">{ i18n::certificate_body(lang, i18n::kind_name(lang, c.kind), &c.hours.to_string()) }</p>
            <dl class="cert-fields">
                { row(CommonKey::CourseKindLabel.into(), "certificate-kind", i18n::kind_name(lang, c.kind).to_owned()) }
                { row(CommonKey::ColClass.into(), "certificate-class", c.class_title.clone()) }
                { row(CertificatesKey::CertInstitution.into(), "certificate-institution", c.institution.clone()) }
                { row(CertificatesKey::CertHours.into(), "certificate-hours", i18n::hours_count(lang, &c.hours.to_string())) }
                { row(CertificatesKey::CertIssuedOn.into(), "certificate-issued", i18n::date(lang, c.issued_on)) }
                { row(CertificatesKey::CertIssuer.into(), "certificate-issuer", issuer(lang, regions, Some(&c.issuing_region), &c.issuing_region_name)) }
                { row(CertificatesKey::CertNumber.into(), "certificate-number", c.number.to_string()) }
            </dl>
            <figure class="cert-qr">
                <img id="certificate-qr" src={api::certificates::qr_src(&c.number)} width="128" height="128" alt={t(lang, CertificatesKey::QrAlt)} />
                <figcaption>{ t(lang, CertificatesKey::QrCaption) }</figcaption>
            </figure>
        </article>
    }
}

/// Revokes the certificate with the reason given.
fn revoke_action(number: String) -> ReasonAction {
    Callback::from(move |(req, done): (ReasonRequest, Callback<Result<(), api::ApiError>>)| {
        let number = number.clone();
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(api::certificates::revoke(&number, &req).await.map(|_| ()));
        });
    })
}

/// `/my/certificates` (signed in only).
#[function_component]
pub fn MyCertificatesPage() -> Html {
    use_title(CertificatesKey::MyCertificatesTitle);
    html! {
        <RequireSignIn>
            <MyCertificates />
        </RequireSignIn>
    }
}

#[function_component]
fn MyCertificates() -> Html {
    let lang = use_lang();
    let (list, retry) = use_remote((), |()| api::certificates::my_certificates());
    html! {
        <div class="page">
            <h1>{ t(lang, CertificatesKey::MyCertificatesTitle) }</h1>
            { remote_view(lang, &list, "my-certificates-error", &retry, |list| my_list(lang, list)) }
        </div>
    }
}

fn my_list(lang: Lang, list: &[Certificate]) -> Html {
    if list.is_empty() {
        return html! { <p class="empty" id="my-certificates-empty">{ t(lang, CertificatesKey::MyCertificatesEmpty) }</p> };
    }
    html! {
        { stack_table("my-certificates", &[t(lang, CertificatesKey::CertNumber).into(), t(lang, CommonKey::CourseKindLabel).into(), t(lang, CommonKey::ColClass).into(), t(lang, CertificatesKey::CertIssuedOn).into(), t(lang, CertificatesKey::CertStatus).into()], html! { <>
                    { for list.iter().map(|c| html! {
                        <tr key={c.number.to_string()}>
                            <td data-label={t(lang, CertificatesKey::CertNumber)}>
                                <AppLink id={format!("my-certificate-{}", c.number)} to={Route::Certificate { number: c.number.to_string() }}>{ c.number.to_string() }</AppLink>
                            </td>
                            <td data-label={t(lang, CommonKey::CourseKindLabel)}>{ i18n::kind_name(lang, c.kind) }</td>
                            <td data-label={t(lang, CommonKey::ColClass)}>{ c.class_title.clone() }</td>
                            <td data-label={t(lang, CertificatesKey::CertIssuedOn)}>{ i18n::date(lang, c.issued_on) }</td>
                            <td data-label={t(lang, CertificatesKey::CertStatus)}>
                                <span class={classes!("badge", if c.status == CertificateStatus::Revoked { "badge-stop" } else { "badge-ok" })}>{ status_text(lang, c) }</span>
                            </td>
                        </tr>
                    }) }
        </> }) }
    }
}
