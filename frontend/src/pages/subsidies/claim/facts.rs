//! What a claim is about and whether it qualifies now.

use malanhua_shared::api::subsidies::{ClaimDetail, ClaimKind, ClaimStatus};
use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::reasons_list;
use crate::i18n::{self, CertificatesKey, CommonKey, Lang, SubsidiesKey, Text, t};

/// The facts of the claim and its eligibility, as two panels.
pub(super) fn claim_facts(lang: Lang, d: &ClaimDetail) -> Html {
    let c = &d.claim;
    let holder_label: Text = if c.claim_kind == ClaimKind::Training {
        CertificatesKey::CertHolder.into()
    } else {
        SubsidiesKey::ClaimHolder.into()
    };
    let row = |label: Text, id: &str, value: Html| {
        html! {
            <div>
                <dt>{ t(lang, label) }</dt>
                <dd id={id.to_owned()}>{ value }</dd>
            </div>
        }
    };
    html! {
        <>
        <section class="panel" aria-labelledby="claim-facts-title">
            <h2 id="claim-facts-title">{ t(lang, SubsidiesKey::ClaimFacts) }</h2>
            <dl class="facts">
                { row(SubsidiesKey::SubsidyAmount.into(), "claim-amount", html! { { c.amount_fen.to_string() } }) }
                { row(SubsidiesKey::ColPayee.into(), "claim-payee", html! { { i18n::payee_name(lang, c.payee) } }) }
                { row(SubsidiesKey::ColClaimKind.into(), "claim-kind", html! { { i18n::claim_kind_name(lang, c.claim_kind) } }) }
                { row(holder_label, "claim-holder", html! { { c.holder_name.clone() } }) }
                if let Some(number) = &c.certificate_number {
                    { row(CertificatesKey::CertNumber.into(), "claim-certificate", html! {
                        <AppLink to={Route::Certificate { number: number.to_string() }}>{ number.to_string() }</AppLink>
                    }) }
                }
                if !c.institution.is_empty() {
                    { row(CommonKey::InstitutionLabel.into(), "claim-institution", html! { { c.institution.clone() } }) }
                }
                if let Some(class_id) = &c.class_id {
                    { row(CommonKey::ColClass.into(), "claim-class", html! {
                        <AppLink to={Route::Class { id: class_id.to_string() }}>{ c.class_title.clone() }</AppLink>
                    }) }
                }
                if c.claim_kind == ClaimKind::StudioGrant {
                    { row(SubsidiesKey::StudioLabel.into(), "claim-studio", match &c.studio_id {
                        Some(id) => html! { <AppLink id="claim-studio-link" to={Route::Studio { id: id.to_string() }}>{ c.subject.clone() }</AppLink> },
                        None => html! { { c.subject.clone() } },
                    }) }
                }
                if c.claim_kind == ClaimKind::ServiceFee {
                    { row(SubsidiesKey::FeeMonth.into(), "claim-month", html! { { c.subject.clone() } }) }
                }
                if let Some(at) = c.filed_at {
                    { row(SubsidiesKey::ClaimFiledAt.into(), "claim-filed-at", html! { <time datetime={at.to_rfc3339()}>{ i18n::datetime(lang, at) }</time> }) }
                }
                if let Some(end) = c.notice_ends_on {
                    { row(SubsidiesKey::NoticeEndsOn.into(), "claim-notice-ends", html! { { i18n::date(lang, end) } }) }
                }
                if let Some(payment_ref) = c.payment_ref.as_ref().filter(|_| c.status == ClaimStatus::Paid) {
                    { row(SubsidiesKey::PaymentRef.into(), "claim-payment-ref", html! { { payment_ref.clone() } }) }
                    if let Some(paid_on) = c.paid_on {
                        { row(SubsidiesKey::PaidOn.into(), "claim-paid-on", html! { { i18n::date(lang, paid_on) } }) }
                    }
                }
                if let Some(r) = &c.recovery {
                    { row(SubsidiesKey::RecoveryDue.into(), "claim-recovery-due", html! { <>{ i18n::date(lang, r.due_on) }{ " · " }{ r.reason.clone() }</> }) }
                    if let Some(on) = r.recovered_on {
                        { row(SubsidiesKey::RecoveredOn.into(), "claim-recovered-on", html! { <>{ i18n::date(lang, on) }{ " · " }{ r.reference.clone().unwrap_or_default() }</> }) }
                    }
                }
                if let Some(reason) = c.reason.as_ref().filter(|_| matches!(c.status, ClaimStatus::Returned | ClaimStatus::Rejected)) {
                    { row(CommonKey::Reason.into(), "claim-reason", html! { { reason.clone() } }) }
                }
            </dl>
        </section>
        <section class="panel" aria-labelledby="claim-eligibility-title">
            <h2 id="claim-eligibility-title">{ t(lang, SubsidiesKey::EligibilityNow) }</h2>
            if d.eligibility.eligible {
                <p id="claim-eligible"><span class="badge badge-ok">{ t(lang, SubsidiesKey::Eligible) }</span></p>
            } else {
                <p><span class="badge badge-stop">{ t(lang, SubsidiesKey::NotEligible) }</span></p>
                { reasons_list(lang, &d.eligibility.reasons, Some("claim-reasons"), "eligibility-reasons") }
            }
        </section>
        </>
    }
}
