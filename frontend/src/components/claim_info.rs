//! How subsidy claims are shown wherever they appear: the stage badge, the
//! reasons a certificate earns no subsidy, who files.

use chrono::NaiveDate;
use malanhua_shared::api::subsidies::{
    ClaimStatus, DeclarationStatus, GroupDeclaration, IneligibleReason, ObjectionStatus,
};
use yew::prelude::*;

use crate::i18n::{self, Lang, SubsidiesKey, t};

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
