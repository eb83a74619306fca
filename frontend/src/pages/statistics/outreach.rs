//! `/bureau/outreach` (政策找人): the people of the officer's region who are
//! entitled to something they have not received, one reason at a time,
//! each row with a one-click notice (the server keeps it to once a week).

use malanhua_shared::api::outreach::{DEFAULT_WAITING_DAYS, NudgeInput, OutreachPage, OutreachReason, OutreachRow};
use yew::prelude::*;

use super::tables::yuan;
use crate::api::statistics::OutreachQuery;
use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::form_error::failure_message;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::stack_table::stack_table;
use crate::components::text_field::TextField;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, CertificatesKey, Lang, OutreachKey as K, t};

/// `/bureau/outreach` (signed in; officers of the region on the server).
#[function_component]
pub fn OutreachPageView() -> Html {
    use_title(K::OutreachTitle);
    html! {
        <RequireSignIn>
            <Outreach />
        </RequireSignIn>
    }
}

#[function_component]
fn Outreach() -> Html {
    let lang = use_lang();
    let query = use_state(|| OutreachQuery {
        reason: OutreachReason::CertificateUnclaimed,
        waiting_days: DEFAULT_WAITING_DAYS.to_string(),
        after: None,
    });
    let (list, reload) = use_remote((*query).clone(), api::statistics::outreach);
    let waiting = use_state(|| DEFAULT_WAITING_DAYS.to_string());
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<String>);

    let choose = |reason: OutreachReason| {
        let (query, done, failure) = (query.clone(), done.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(None);
            failure.set(None);
            query.set(OutreachQuery { reason, after: None, ..(*query).clone() });
        })
    };
    let on_waiting = {
        let waiting = waiting.clone();
        Callback::from(move |v: String| waiting.set(v))
    };
    let on_show = {
        let (query, waiting) = (query.clone(), waiting.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            query.set(OutreachQuery { waiting_days: (*waiting).clone(), after: None, ..(*query).clone() });
        })
    };
    let on_more = {
        let query = query.clone();
        Callback::from(move |after: String| query.set(OutreachQuery { after: Some(after), ..(*query).clone() }))
    };
    let on_first = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| query.set(OutreachQuery { after: None, ..(*query).clone() }))
    };
    let on_notify = {
        let (busy, failure, done, reload) = (busy.clone(), failure.clone(), done.clone(), reload.clone());
        Callback::from(move |row: OutreachRow| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            done.set(None);
            let (busy, failure, done, reload) = (busy.clone(), failure.clone(), done.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::statistics::nudge(&NudgeInput { reason: row.reason, subject: row.subject.clone() }).await {
                    Ok(_) => {
                        done.set(Some(i18n::notified_done(lang, &row.name)));
                        reload.emit(());
                    }
                    Err(e) => failure.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };

    let current = query.reason;
    html! {
        <div class="page outreach-page">
            <p class="back"><AppLink to={Route::Bureau}>{ t(lang, CertificatesKey::BackToBureau) }</AppLink></p>
            <h1>{ t(lang, K::OutreachTitle) }</h1>
            <p class="lead">{ t(lang, K::OutreachLead) }</p>
            <nav class="tabs" aria-label={t(lang, K::ReasonsLabel)}>
                { for OutreachReason::ALL.iter().map(|r| html! {
                    <button id={format!("outreach-tab-{}", r.as_str())} type="button"
                        class={classes!("tab", (*r == current).then_some("tab-current"))}
                        aria-pressed={(*r == current).to_string()} onclick={choose(*r)}>
                        { i18n::reason_name(lang, *r) }
                    </button>
                }) }
            </nav>
            if current == OutreachReason::DeclarationWaiting {
                <form class="form inline-filter" onsubmit={on_show}>
                    <TextField id="outreach-waiting-days" label={t(lang, K::WaitingDaysLabel)} value={(*waiting).clone()}
                        oninput={on_waiting} input_type="number" inputmode="numeric" required={false} />
                    <button id="outreach-show" type="submit" class="button secondary">{ t(lang, K::Show) }</button>
                </form>
            }
            if let Some(message) = &*done {
                <p id="outreach-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            if let Some(e) = &*failure {
                <p id="outreach-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
            }
            { remote_view(lang, &list, "outreach-list-error", &reload, |page| html! {
                <>
                    { rows(lang, page, *busy, &on_notify) }
                    <p class="pager">
                        if query.after.is_some() {
                            <button id="outreach-first" type="button" class="button secondary" onclick={on_first.clone()}>
                                { t(lang, K::FirstPage) }
                            </button>{ " " }
                        }
                        if let Some(next) = page.next.clone() {
                            <button id="outreach-more" type="button" class="button secondary"
                                onclick={on_more.reform(move |_: MouseEvent| next.clone())}>
                                { t(lang, K::More) }
                            </button>
                        }
                    </p>
                </>
            }) }
        </div>
    }
}

fn rows(lang: Lang, page: &OutreachPage, busy: bool, on_notify: &Callback<OutreachRow>) -> Html {
    if page.rows.is_empty() {
        return html! { <p class="empty" id="outreach-empty">{ t(lang, K::NobodyListed) }</p> };
    }
    let headers = [K::ColPerson, K::ColMobile, K::ColDetail, K::ColNotice].map(|k| html! { { t(lang, k) } });
    let body = html! {
        { for page.rows.iter().map(|r| row(lang, r, busy, on_notify)) }
    };
    stack_table("outreach-list", &headers, body)
}

fn detail(lang: Lang, r: &OutreachRow) -> Html {
    let kind = r.kind.map(|k| i18n::kind_name(lang, k)).unwrap_or_default();
    match r.reason {
        OutreachReason::CertificateUnclaimed | OutreachReason::WindowClosing => {
            let claim = match r.claim_status {
                Some(s) => i18n::claim_status_name(lang, s),
                None => t(lang, K::NoClaimYet),
            };
            let due = match (r.amount_fen, r.deadline) {
                (Some(fen), Some(day)) => i18n::may_claim(lang, &yuan(fen), &i18n::date(lang, day)),
                _ => String::new(),
            };
            html! { <>{ format!("{kind} · {due} · {claim}") }</> }
        }
        OutreachReason::DeclarationWaiting => {
            let group = r.group.map(|g| i18n::priority_group_name(lang, g)).unwrap_or_default();
            html! { <>{ format!("{group} · {}", i18n::declaration_waited(lang, r.waiting_days.unwrap_or(0))) }</> }
        }
        OutreachReason::SybMayTakeIyb => html! { <>{ format!("{kind} · {}", r.subject) }</> },
    }
}

fn row(lang: Lang, r: &OutreachRow, busy: bool, on_notify: &Callback<OutreachRow>) -> Html {
    let notify = {
        let (cb, r) = (on_notify.clone(), r.clone());
        Callback::from(move |_: MouseEvent| cb.emit(r.clone()))
    };
    let key = format!("{}-{}", r.reason.as_str(), r.subject);
    html! {
        <tr key={key.clone()} id={format!("outreach-row-{}", r.subject)}>
            <th scope="row" data-label={t(lang, K::ColPerson)}>{ r.name.clone() }</th>
            <td data-label={t(lang, K::ColMobile)}>{ r.mobile.clone() }</td>
            <td data-label={t(lang, K::ColDetail)}>{ detail(lang, r) }</td>
            <td data-label={t(lang, K::ColNotice)}>
                if let (Some(at), Some(_)) = (r.nudged_at, r.quiet_until) {
                    <span class="muted" id={format!("outreach-notified-{}", r.subject)}>
                        { i18n::notified_on(lang, &i18n::datetime(lang, at)) }
                    </span>
                } else {
                    <button id={format!("outreach-notify-{}", r.subject)} type="button" class="button small"
                        disabled={busy} onclick={notify}>
                        { t(lang, K::Notify) }
                    </button>
                }
            </td>
        </tr>
    }
}
