//! `/claims/:id`: one subsidy claim as its trainee, the institution's staff
//! or the region's officers see it: the facts, whether it qualifies now,
//! its history and objections; submitting for the claimant, the stage
//! actions and objection findings for officers.

use std::rc::Rc;

use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimActionRequest, ClaimDetail, ClaimStatus, Objection, ObjectionResolution, ObjectionStatus,
    TimelineEntry, check_payment_ref,
};
use malanhua_shared::{FieldErrors, Role};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_status_badge, objection_badge, reasons_list};
use crate::components::class_info::kind_badge;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::text_field::TextField;
use crate::hooks::form::{FormAction, issues, setter, use_form};
use crate::hooks::idempotency::use_idempotency_keys;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::session::use_session;
use crate::hooks::title::use_title;
use crate::i18n::{self, Key, Lang, t, tf};
use crate::pages::subsidies::my_subsidies::read_date;

/// Props of [`ClaimPage`].
#[derive(Properties, PartialEq)]
pub struct ClaimPageProps {
    /// The claim id from the path.
    pub id: String,
}

/// `/claims/:id` (signed in; the server decides who may see it).
#[function_component]
pub fn ClaimPage(props: &ClaimPageProps) -> Html {
    use_title(Key::ClaimTitle);
    html! {
        <RequireSignIn>
            <ClaimView id={props.id.clone()} />
        </RequireSignIn>
    }
}

#[function_component]
fn ClaimView(props: &ClaimPageProps) -> Html {
    let lang = use_lang();
    let (detail, reload) =
        use_remote(props.id.clone(), |id| async move { api::subsidies::claim(&id).await.map(Rc::new) });
    let on_change = {
        let detail = detail.clone();
        Callback::from(move |d: Rc<ClaimDetail>| detail.set(Remote::Loaded(d)))
    };
    html! {
        <div class="page">
            { remote_view(lang, &detail, "claim-error", &reload, |d| html! {
                <ClaimBody detail={d.clone()} {on_change} />
            }) }
        </div>
    }
}

/// Props of [`ClaimBody`].
#[derive(Properties, PartialEq)]
struct ClaimBodyProps {
    detail: Rc<ClaimDetail>,
    /// Shows the claim as the server returned it after an action.
    on_change: Callback<Rc<ClaimDetail>>,
}

/// The form fields of the actions, in the order they appear.
const ACTION_FIELDS: [(&str, &str); 3] =
    [("reason", "action-reason"), ("payment_ref", "payment-ref"), ("paid_on", "paid-on")];

#[function_component]
fn ClaimBody(props: &ClaimBodyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let form = use_form();
    let keys = use_idempotency_keys();
    let done = use_state(|| None::<String>);
    let d = &props.detail;
    let c = &d.claim;
    let id = c.id.clone();
    let officer = session.has_role(Role::BureauOfficer);

    // Sends one request; on success shows the claim it returns and `message`.
    let run = {
        let (form, keys, done, on_change) = (form.clone(), keys.clone(), done.clone(), props.on_change.clone());
        move |intent: String,
              message: String,
              call: std::pin::Pin<Box<dyn Future<Output = Result<ClaimDetail, ApiError>>>>| {
            form.dispatch(FormAction::Submit);
            done.set(None);
            let (form, keys, done, on_change) = (form.clone(), keys.clone(), done.clone(), on_change.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = call.await;
                keys.settle(&intent, &result);
                match result {
                    Ok(detail) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        done.set(Some(message));
                        on_change.emit(Rc::new(detail));
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        }
    };

    let on_submit = {
        let (form, keys, run, id) = (form.clone(), keys.clone(), run.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if form.submitting() {
                return;
            }
            let intent = format!("submit {id}");
            let key = keys.key_for(&intent);
            let id = id.clone();
            run(
                intent,
                t(lang, Key::ClaimSubmittedDone).to_owned(),
                Box::pin(async move { api::subsidies::submit(&id, &key).await }),
            );
        })
    };

    let on_action = |action: ClaimAction| {
        let (form, keys, run, id) = (form.clone(), keys.clone(), run.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if form.submitting() {
                return;
            }
            let mut errors = FieldErrors::new();
            let typed = form.value("reason");
            let reason = match action {
                ClaimAction::Return | ClaimAction::Reject => {
                    check_reason(&typed).map_err(|code| errors.insert("reason".to_owned(), code)).ok()
                }
                _ => None,
            };
            let (payment_ref, paid_on) = if action == ClaimAction::Pay {
                let payment_ref = check_payment_ref(&form.value("payment_ref"))
                    .map_err(|code| errors.insert("payment_ref".to_owned(), code))
                    .ok();
                (payment_ref, read_date(&form.value("paid_on"), "paid_on", &mut errors))
            } else {
                (None, None)
            };
            if !errors.is_empty() {
                if let Some((_, input)) = ACTION_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                    focus(input);
                }
                form.dispatch(FormAction::Invalid(issues(errors)));
                return;
            }
            let body = ClaimActionRequest { action, reason, payment_ref, paid_on };
            let intent = format!("act {id} {}", serde_json::to_string(&body).unwrap_or_default());
            let key = keys.key_for(&intent);
            let id = id.clone();
            let message = tf(lang, Key::ClaimActionDone, &[i18n::claim_action_name(lang, action)]);
            run(intent, message, Box::pin(async move { api::subsidies::act(&id, &body, &key).await }));
        })
    };

    let on_objection = {
        let (form, run, keys) = (form.clone(), run.clone(), keys.clone());
        Callback::from(move |(objection_id, uphold): (String, bool)| {
            if form.submitting() {
                return;
            }
            let reason = match check_reason(&form.value("reason")) {
                Ok(reason) => reason,
                Err(code) => {
                    focus("action-reason");
                    let mut errors = FieldErrors::new();
                    errors.insert("reason".to_owned(), code);
                    form.dispatch(FormAction::Invalid(issues(errors)));
                    return;
                }
            };
            let body = ObjectionResolution { uphold, reason };
            let intent = format!("resolve {objection_id} {uphold} {}", body.reason);
            let key = keys.key_for(&intent);
            let message =
                t(lang, if uphold { Key::ObjectionUpheldDone } else { Key::ObjectionDismissedDone }).to_owned();
            run(
                intent,
                message,
                Box::pin(async move { api::subsidies::resolve_objection(&objection_id, &body, &key).await }),
            );
        })
    };

    let open_objections = d.objections.iter().any(|o| o.status == ObjectionStatus::Open);
    let officer_panel = !d.actions.is_empty() || (officer && open_objections);
    let can_pay = d.actions.contains(&ClaimAction::Pay);
    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    let shown: Vec<&str> = ACTION_FIELDS.iter().map(|(f, _)| *f).collect();
    let back = if officer {
        html! { <AppLink to={Route::BureauClaims}>{ t(lang, Key::BackToClaims) }</AppLink> }
    } else if session.has_role(Role::InstitutionStaff) {
        html! { <AppLink to={Route::ClassClaims { id: c.class_id.clone() }}>{ t(lang, Key::BackToBatch) }</AppLink> }
    } else {
        html! { <AppLink to={Route::MySubsidies}>{ t(lang, Key::BackToMySubsidies) }</AppLink> }
    };
    let row = |label: Key, id: &str, value: Html| {
        html! {
            <div>
                <dt>{ t(lang, label) }</dt>
                <dd id={id.to_owned()}>{ value }</dd>
            </div>
        }
    };

    html! {
        <>
            <p class="back">{ back }</p>
            <header class="class-head">
                <p class="class-badges">{ kind_badge(lang, c.kind) }{ claim_status_badge(lang, c.status, Some("claim-status")) }</p>
                <h1 id="claim-title">{ tf(lang, Key::ClaimOf, &[&c.holder_name, i18n::kind_name(lang, c.kind)]) }</h1>
                <p class="lead money">{ c.amount_fen.to_string() }</p>
            </header>
            if let Some(message) = &*done {
                <p id="claim-done" class="alert alert-success" role="status">{ message.clone() }</p>
            }
            <FormError id="claim-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            <div class="claim-layout">
                <div>
                    <section class="panel" aria-labelledby="claim-facts-title">
                        <h2 id="claim-facts-title">{ t(lang, Key::ClaimFacts) }</h2>
                        <dl class="facts">
                            { row(Key::SubsidyAmount, "claim-amount", html! { { c.amount_fen.to_string() } }) }
                            { row(Key::ColPayee, "claim-payee", html! { { i18n::payee_name(lang, c.payee) } }) }
                            { row(Key::CertHolder, "claim-holder", html! { { c.holder_name.clone() } }) }
                            { row(Key::CertNumber, "claim-certificate", html! {
                                <AppLink to={Route::Certificate { number: c.certificate_number.clone() }}>{ c.certificate_number.clone() }</AppLink>
                            }) }
                            { row(Key::InstitutionLabel, "claim-institution", html! { { c.institution.clone() } }) }
                            { row(Key::ColClass, "claim-class", html! {
                                <AppLink to={Route::Class { id: c.class_id.clone() }}>{ c.class_title.clone() }</AppLink>
                            }) }
                            if let Some(at) = c.filed_at {
                                { row(Key::ClaimFiledAt, "claim-filed-at", html! { <time datetime={at.to_rfc3339()}>{ i18n::datetime(lang, at) }</time> }) }
                            }
                            if let Some(end) = c.notice_ends_on {
                                { row(Key::NoticeEndsOn, "claim-notice-ends", html! { { i18n::date(lang, end) } }) }
                            }
                            if let Some(payment_ref) = c.payment_ref.as_ref().filter(|_| c.status == ClaimStatus::Paid) {
                                { row(Key::PaymentRef, "claim-payment-ref", html! { { payment_ref.clone() } }) }
                                if let Some(paid_on) = c.paid_on {
                                    { row(Key::PaidOn, "claim-paid-on", html! { { i18n::date(lang, paid_on) } }) }
                                }
                            }
                            if let Some(reason) = c.reason.as_ref().filter(|_| matches!(c.status, ClaimStatus::Returned | ClaimStatus::Rejected)) {
                                { row(Key::Reason, "claim-reason", html! { { reason.clone() } }) }
                            }
                        </dl>
                    </section>
                    <section class="panel" aria-labelledby="claim-eligibility-title">
                        <h2 id="claim-eligibility-title">{ t(lang, Key::EligibilityNow) }</h2>
                        if d.eligibility.eligible {
                            <p id="claim-eligible"><span class="badge badge-ok">{ t(lang, Key::Eligible) }</span></p>
                        } else {
                            <p><span class="badge badge-stop">{ t(lang, Key::NotEligible) }</span></p>
                            { reasons_list(lang, &d.eligibility.reasons, Some("claim-reasons"), "eligibility-reasons") }
                        }
                    </section>
                </div>
                <div>
                    if d.can_submit {
                        <section class="panel" aria-labelledby="claim-submit-title">
                            <h2 id="claim-submit-title">{ t(lang, Key::ClaimSubmitTitle) }</h2>
                            <p>{ t(lang, if c.status == ClaimStatus::Returned { Key::ClaimResubmitLead } else { Key::ClaimSubmitLead }) }</p>
                            <div class="form-actions">
                                <button id="claim-submit" type="button" class="button primary" disabled={submitting} aria-busy={busy} onclick={on_submit}>
                                    { if submitting { t(lang, Key::Submitting) } else if c.status == ClaimStatus::Returned { t(lang, Key::ResubmitClaim) } else { t(lang, Key::SubmitClaim) } }
                                </button>
                            </div>
                        </section>
                    }
                    if officer_panel {
                        <section class="panel" aria-labelledby="claim-actions-title">
                            <h2 id="claim-actions-title">{ t(lang, Key::ClaimActionsTitle) }</h2>
                            <p>{ t(lang, Key::ClaimActionsLead) }</p>
                            <form class="form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                                <TextField
                                    id="action-reason"
                                    rows={3}
                                    label={t(lang, Key::ActionReason)}
                                    hint={AttrValue::from(t(lang, Key::ActionReasonHint))}
                                    required={false}
                                    maxlength={500}
                                    value={form.value("reason")}
                                    error={form.error(lang, "reason")}
                                    oninput={setter(&form, "reason")}
                                />
                                if can_pay {
                                    <div class="field-pair">
                                        <TextField
                                            id="payment-ref"
                                            label={t(lang, Key::PaymentRef)}
                                            hint={AttrValue::from(t(lang, Key::PaymentRefHint))}
                                            maxlength={64}
                                            value={form.value("payment_ref")}
                                            error={form.error(lang, "payment_ref")}
                                            oninput={setter(&form, "payment_ref")}
                                        />
                                        <TextField
                                            id="paid-on"
                                            label={t(lang, Key::PaidOn)}
                                            hint={AttrValue::from(t(lang, Key::PaidOnHint))}
                                            input_type="date"
                                            required={false}
                                            value={form.value("paid_on")}
                                            error={form.error(lang, "paid_on")}
                                            oninput={setter(&form, "paid_on")}
                                        />
                                    </div>
                                }
                                if !d.actions.is_empty() {
                                    <div class="form-actions action-buttons">
                                        { for d.actions.iter().map(|a| {
                                            let danger = matches!(a, ClaimAction::Return | ClaimAction::Reject);
                                            html! {
                                                <button
                                                    key={a.as_str()}
                                                    id={format!("action-{}", a.as_str())}
                                                    type="button"
                                                    class={classes!("button", if danger { "danger" } else { "primary" })}
                                                    disabled={submitting}
                                                    aria-busy={busy}
                                                    onclick={on_action(*a)}
                                                >
                                                    { i18n::claim_action_name(lang, *a) }
                                                </button>
                                            }
                                        }) }
                                    </div>
                                }
                            </form>
                        </section>
                    }
                    if officer || !d.declarations.is_empty() {
                        <section class="panel" aria-labelledby="claim-declarations-title">
                            <h2 id="claim-declarations-title">{ t(lang, Key::ClaimDeclarations) }</h2>
                            { crate::components::claim_info::declarations_list(lang, "claim-declarations", &d.declarations) }
                        </section>
                    }
                    <section class="panel" aria-labelledby="claim-timeline-title">
                        <h2 id="claim-timeline-title">{ t(lang, Key::ClaimTimeline) }</h2>
                        <ol id="claim-timeline" class="timeline">
                            { for d.timeline.iter().map(|e| timeline_entry(lang, e)) }
                        </ol>
                    </section>
                    <section class="panel" aria-labelledby="claim-objections-title">
                        <h2 id="claim-objections-title">{ t(lang, Key::ClaimObjections) }</h2>
                        <ul id="claim-objections" class="plain rows">
                            { for d.objections.iter().map(|o| objection_item(lang, o, officer, submitting, &on_objection)) }
                        </ul>
                        if d.objections.is_empty() {
                            <p class="empty" id="claim-objections-empty">{ t(lang, Key::NoObjections) }</p>
                        }
                    </section>
                </div>
            </div>
        </>
    }
}

fn timeline_entry(lang: Lang, e: &TimelineEntry) -> Html {
    let actor = match (&e.actor_name, e.action.as_str()) {
        (Some(name), _) => name.clone(),
        (None, "claim.objection") => t(lang, Key::ActorPublic).to_owned(),
        (None, _) => t(lang, Key::ActorSystem).to_owned(),
    };
    html! {
        <li data-action={e.action.clone()}>
            <time datetime={e.at.to_rfc3339()}>{ i18n::datetime(lang, e.at) }</time>
            { " " }
            <strong class="timeline-action">{ i18n::timeline_action_name(lang, &e.action) }</strong>
            { " · " }
            <span class="timeline-actor">{ actor }</span>
            if let Some(reason) = &e.reason {
                <br />
                <span class="timeline-reason">{ tf(lang, Key::StatusReason, &[reason]) }</span>
            }
        </li>
    }
}

fn objection_item(
    lang: Lang,
    o: &Objection,
    officer: bool,
    submitting: bool,
    on_resolve: &Callback<(String, bool)>,
) -> Html {
    let resolve = |uphold: bool| {
        let (on_resolve, id) = (on_resolve.clone(), o.id.clone());
        Callback::from(move |_: MouseEvent| on_resolve.emit((id.clone(), uphold)))
    };
    html! {
        <li key={o.id.clone()} class="objection" data-objection-id={o.id.clone()}>
            <p>
                { objection_badge(lang, o.status) }{ " " }
                <time class="muted" datetime={o.filed_at.to_rfc3339()}>{ i18n::datetime(lang, o.filed_at) }</time>
            </p>
            <p class="objection-text">{ o.text.clone() }</p>
            if let Some(contact) = &o.contact {
                <p class="muted objection-contact">{ tf(lang, Key::ObjectionContactShown, &[contact]) }</p>
            }
            if let Some(resolution) = &o.resolution {
                <p class="objection-resolution">{ tf(lang, Key::ObjectionFinding, &[resolution]) }</p>
            }
            if officer && o.status == ObjectionStatus::Open {
                <p class="hint">{ t(lang, Key::ObjectionResolveHint) }</p>
                <div class="form-actions action-buttons">
                    <button type="button" class="button secondary objection-dismiss" data-objection-id={o.id.clone()} disabled={submitting} onclick={resolve(false)}>
                        { t(lang, Key::DismissObjection) }
                    </button>
                    <button type="button" class="button danger objection-uphold" data-objection-id={o.id.clone()} disabled={submitting} onclick={resolve(true)}>
                        { t(lang, Key::UpholdObjection) }
                    </button>
                </div>
            }
        </li>
    }
}
