//! How subsidy claims are shown wherever they appear: the stage badge, what
//! a claim pays for, the reasons a certificate (a studio, a service) earns
//! nothing, who files.

use chrono::NaiveDate;
use malanhua_shared::ErrorCode;
use malanhua_shared::api::subsidies::{
    ClaimKind, ClaimStatus, ClaimSummary, DeclarationStatus, GroupDeclaration, IneligibleReason, ObjectionStatus,
};
use malanhua_shared::course::CourseKind;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::class_info::kind_badge;
use crate::i18n::{self, Lang, SubsidiesKey, t};

/// What a claim pays for as a badge: the course for a training claim
/// (`SYB`), else the kind of claim (class `claim-kind`, `data-claim-kind`).
pub fn claim_kind_badge(lang: Lang, claim_kind: ClaimKind, course: Option<CourseKind>) -> Html {
    match (claim_kind, course) {
        (ClaimKind::Training, Some(kind)) => kind_badge(lang, kind),
        (other, _) => html! {
            <span class={classes!("badge", "badge-kind", "claim-kind", format!("claim-kind-{}", other.as_str()))} data-claim-kind={other.as_str()}>
                { i18n::claim_kind_name(lang, other) }
            </span>
        },
    }
}

/// What is paid for, in words: the class title, the studio's name, or
/// "2026-11 服务补贴".
pub fn claim_subject(lang: Lang, claim_kind: ClaimKind, subject: &str, class_title: &str) -> String {
    match claim_kind {
        ClaimKind::Training if subject.is_empty() => class_title.to_owned(),
        ClaimKind::Training | ClaimKind::StudioGrant => subject.to_owned(),
        ClaimKind::ServiceFee => i18n::fee_month(lang, subject),
    }
}

/// [`claim_subject`] of a claim.
pub fn summary_subject(lang: Lang, c: &ClaimSummary) -> String {
    claim_subject(lang, c.claim_kind, &c.subject, &c.class_title)
}

/// The reasons a refused write names: a `not_eligible` answer lists them
/// after "not eligible: " (the only place the reasons of an application's
/// members and evidence arrive); any other answer names none.
pub fn refused_reasons(error: &ApiError) -> Vec<IneligibleReason> {
    match error {
        ApiError::Server { body, .. } if body.code == ErrorCode::NotEligible => body
            .message
            .split_once(':')
            .map(|(_, names)| names.split(',').filter_map(|n| IneligibleReason::from_name(n.trim())).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The badge colour of a claim's stage.
pub fn claim_tone(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Paid => "badge-ok",
        ClaimStatus::Draft => "badge-muted",
        ClaimStatus::Returned | ClaimStatus::Rejected | ClaimStatus::Held => "badge-stop",
        ClaimStatus::Submitted | ClaimStatus::Reviewed | ClaimStatus::Approved | ClaimStatus::Notice => "badge-todo",
    }
}

/// The stage as a badge with the class `claim-status` (and `id` when given).
pub fn claim_status_badge(lang: Lang, status: ClaimStatus, id: Option<&str>) -> Html {
    html! {
        <span
            id={id.map(str::to_owned)}
            class={classes!("badge", claim_tone(status), "claim-status")}
            data-status={status.as_str()}
        >
            { i18n::claim_status_name(lang, status) }
        </span>
    }
}

/// A declaration's status as a badge (class `group-status`).
pub fn declaration_badge(lang: Lang, status: DeclarationStatus) -> Html {
    let tone = match status {
        DeclarationStatus::Declared => "badge-todo",
        DeclarationStatus::Verified => "badge-ok",
        DeclarationStatus::Rejected => "badge-stop",
    };
    html! {
        <span class={classes!("badge", tone, "group-status")} data-status={status.as_str()}>
            { i18n::declaration_status_name(lang, status) }
        </span>
    }
}

/// An objection's status as a badge (class `objection-status`).
pub fn objection_badge(lang: Lang, status: ObjectionStatus) -> Html {
    let tone = match status {
        ObjectionStatus::Open => "badge-todo",
        ObjectionStatus::Dismissed => "badge-muted",
        ObjectionStatus::Upheld => "badge-stop",
    };
    html! {
        <span class={classes!("badge", tone, "objection-status")} data-status={status.as_str()}>
            { i18n::objection_status_name(lang, status) }
        </span>
    }
}

/// The reasons in plain words, one `li` each (`data-reason` holds the code).
pub fn reasons_list(lang: Lang, reasons: &[IneligibleReason], id: Option<&str>, class: &'static str) -> Html {
    html! {
        <ul id={id.map(str::to_owned)} class={classes!("reasons", class)}>
            { for reasons.iter().map(|r| html! {
                <li key={r.as_str()} data-reason={r.as_str()}>{ i18n::ineligible_reason_text(lang, *r) }</li>
            }) }
        </ul>
    }
}

/// "From 1 May 2026" or "1 May 2026 to 30 June 2026".
pub fn held_dates(lang: Lang, from: NaiveDate, to: Option<NaiveDate>) -> String {
    match to {
        Some(to) => i18n::date_range(lang, &i18n::date(lang, from), &i18n::date(lang, to)),
        None => i18n::from_date_onward(lang, &i18n::date(lang, from)),
    }
}

/// A person's priority-group declarations (rows `.group-row`) in a list with
/// this id, or a note that there are none.
pub fn declarations_list(lang: Lang, id: &str, list: &[GroupDeclaration]) -> Html {
    html! {
        <>
            <ul id={id.to_owned()} class="plain rows">
                { for list.iter().map(|g| html! {
                    <li key={g.id.to_string()} class="group-row" data-id={g.id.to_string()} data-group={g.group.as_str()}>
                        <strong>{ i18n::priority_group_name(lang, g.group) }</strong>{ " " }
                        { declaration_badge(lang, g.status) }
                        <br />
                        <span class="muted">{ held_dates(lang, g.valid_from, g.valid_to) }{ " · " }{ g.evidence.clone() }</span>
                        if let Some(reason) = g.reason.as_ref().filter(|_| g.status == DeclarationStatus::Rejected) {
                            <br />
                            <span class="group-reason">{ i18n::status_reason(lang, reason) }</span>
                        }
                    </li>
                }) }
            </ul>
            if list.is_empty() {
                <p class="empty" id={format!("{id}-empty")}>{ t(lang, SubsidiesKey::NoGroupsYet) }</p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use malanhua_shared::ErrorBody;

    use super::*;

    #[test]
    fn a_refusal_names_its_reasons() {
        let body = ErrorBody::new(ErrorCode::NotEligible, "not eligible: service_not_confirmed, over_yearly_cap");
        let reasons = refused_reasons(&ApiError::Server { body, retry_after: None });
        assert_eq!(reasons, vec![IneligibleReason::ServiceNotConfirmed, IneligibleReason::OverYearlyCap]);
        let other = ApiError::Server { body: ErrorBody::new(ErrorCode::Conflict, "x: y"), retry_after: None };
        assert!(refused_reasons(&other).is_empty());
    }

    #[test]
    fn a_month_of_services_reads_as_fees() {
        assert_eq!(claim_subject(Lang::Zh, ClaimKind::ServiceFee, "2026-11", ""), "2026-11 服务补贴");
        assert_eq!(claim_subject(Lang::Zh, ClaimKind::Training, "", "SYB 12"), "SYB 12");
    }
}
