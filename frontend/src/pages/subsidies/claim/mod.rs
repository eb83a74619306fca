//! `/claims/:id`: one subsidy claim as its trainee, the institution's staff
//! or the region's officers see it: the facts, whether it qualifies now,
//! its history and objections; submitting for the claimant, the stage
//! actions and objection findings for officers.

mod actions;
mod facts;
mod history;
mod next;
mod recovery;

use std::rc::Rc;

use malanhua_shared::api::classes::check_reason;
use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimActionRequest, ClaimDetail, ClaimKind, ClaimSummary, ObjectionResolution, ObjectionStatus,
};
use malanhua_shared::{FieldErrors, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::claim_info::{claim_kind_badge, claim_status_badge};
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::components::shortcut_help::ShortcutHelp;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, FormAction, issues, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::hooks::mutation::use_mutation;
use crate::hooks::remote::{Remote, use_remote};
use crate::hooks::session::use_session;
use crate::hooks::shortcuts::use_shortcuts;
use crate::hooks::title::use_object_title;
use crate::i18n::{self, Lang, SubsidiesKey, t};
use crate::pages::subsidies::my_subsidies::read_date;
use crate::pages::subsidies::trail::{self, Trail};
use actions::{ActionForm, submit_panel};
use facts::claim_facts;
use history::claim_history;
use next::{claim_keys, forward_action, next_step, open_next, press, withheld_list};
use recovery::RecoveryForm;

/// Props of [`ClaimPage`].
#[derive(Properties, PartialEq)]
pub struct ClaimPageProps {
    /// The claim id from the path.
    pub id: String,
}

/// `/claims/:id` (signed in; the server decides who may see it).
#[function_component]
pub fn ClaimPage(props: &ClaimPageProps) -> Html {
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
    use_object_title(SubsidiesKey::ClaimTitle, detail.loaded().map(|d| d.claim.holder_name.clone()));
    let on_change = {
        let detail = detail.clone();
        Callback::from(move |d: Rc<ClaimDetail>| detail.set(Remote::Loaded(d)))
    };
    html! {
        <div class="page">
            { remote_view(lang, &detail, "claim-error", &reload, |d| html! {
                <ClaimBody key={d.claim.id.to_string()} detail={d.clone()} {on_change} />
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
const ACTION_FIELDS: [(&str, &str); 4] = [
    ("reason", "action-reason"),
    ("payment_ref", "payment-ref"),
    ("paid_on", "paid-on"),
    ("finding", "objection-finding"),
];

/// A write request on the claim page; each answers with the claim.
enum ClaimRequest {
    /// The claimant submits (or resubmits) the claim.
    Submit(String),
    /// An officer takes a stage action.
    Act(String, ClaimActionRequest),
    /// An officer resolves the objection with this id.
    Resolve(String, ObjectionResolution),
}

impl ClaimRequest {
    /// What the request asks, for its idempotency key.
    fn intent(&self) -> String {
        match self {
            Self::Submit(id) => format!("submit {id}"),
            Self::Act(id, body) => format!("act {id} {}", serde_json::to_string(body).unwrap_or_default()),
            Self::Resolve(objection_id, body) => format!("resolve {objection_id} {} {}", body.uphold, body.reason),
        }
    }

    async fn send(self, key: String) -> Result<ClaimDetail, ApiError> {
        match self {
            Self::Submit(id) => api::subsidies::submit(&id, &key).await,
            Self::Act(id, body) => api::subsidies::act(&id, &body, &key).await,
            Self::Resolve(objection_id, body) => api::subsidies::resolve_objection(&objection_id, &body, &key).await,
        }
    }
}

/// The stage action as typed, checked as the server checks it, or the
/// errors of its fields.
fn action_request(form: &Form, action: ClaimAction) -> Result<ClaimActionRequest, FieldErrors> {
    let mut errors = FieldErrors::new();
    let paid_on =
        if action == ClaimAction::Pay { read_date(&form.value("paid_on"), "paid_on", &mut errors) } else { None };
    let typed = ClaimActionRequest {
        action,
        reason: Some(form.value("reason")),
        payment_ref: Some(form.value("payment_ref")),
        paid_on,
    };
    match typed.validate() {
        Ok(request) if errors.is_empty() => Ok(request),
        Ok(_) => Err(errors),
        Err(mut checked) => {
            checked.append(&mut errors);
            Err(checked)
        }
    }
}

#[function_component]
fn ClaimBody(props: &ClaimBodyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let form = use_form();
    let sending = use_mutation();
    let done = use_state(|| None::<String>);
    // The worklist this claim was opened from, if any (for "next claim").
    let trail = use_memo((), |()| trail::load());
    let acted = use_state(|| false);
    let help = use_state(|| false);
    let navigator = use_navigator();
    let d = &props.detail;
    let c = &d.claim;
    let id = c.id.clone();
    let officer = session.has_role(Role::BureauOfficer);

    // Sends one request; on success shows the claim it returns and `message`.
    let run = {
        let (form, sending, done, on_change) = (form.clone(), sending.clone(), done.clone(), props.on_change.clone());
        let acted = acted.clone();
        move |request: ClaimRequest, message: String| {
            form.dispatch(FormAction::Submit);
            done.set(None);
            let acts = matches!(request, ClaimRequest::Act(..));
            let (form, done, on_change, acted) = (form.clone(), done.clone(), on_change.clone(), acted.clone());
            sending.run(
                request.intent(),
                move |key| request.send(key),
                move |result| match result {
                    Ok(detail) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        done.set(Some(message));
                        acted.set(acts);
                        on_change.emit(Rc::new(detail));
                        // The focus goes to what comes next: the next claim of
                        // the list, or the message.
                        gloo::timers::callback::Timeout::new(0, || {
                            focus("claim-next");
                            if !has_focus("claim-next") {
                                focus("claim-done");
                            }
                        })
                        .forget();
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                },
            );
        }
    };

    let on_submit = {
        let (form, run, id) = (form.clone(), run.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if form.submitting() {
                return;
            }
            run(ClaimRequest::Submit(id.to_string()), t(lang, SubsidiesKey::ClaimSubmittedDone).to_owned());
        })
    };

    let on_action = {
        let (form, run, id) = (form.clone(), run.clone(), id.clone());
        Callback::from(move |action: ClaimAction| {
            if form.submitting() {
                return;
            }
            match action_request(&form, action) {
                Ok(body) => {
                    let message = i18n::claim_action_done(lang, i18n::claim_action_name(lang, action));
                    run(ClaimRequest::Act(id.to_string(), body), message);
                }
                Err(errors) => {
                    if let Some((_, input)) = ACTION_FIELDS.iter().find(|(f, _)| errors.contains_key(*f)) {
                        focus(input);
                    }
                    form.dispatch(FormAction::Invalid(issues(errors)));
                }
            }
        })
    };

    let on_objection = {
        let (form, run) = (form.clone(), run.clone());
        Callback::from(move |(objection_id, uphold): (String, bool)| {
            if form.submitting() {
                return;
            }
            let reason = match check_reason(&form.value("finding")) {
                Ok(reason) => reason,
                Err(code) => {
                    focus("objection-finding");
                    let mut errors = FieldErrors::new();
                    errors.insert("finding".to_owned(), code);
                    form.dispatch(FormAction::Invalid(issues(errors)));
                    return;
                }
            };
            let message =
                t(lang, if uphold { SubsidiesKey::ObjectionUpheldDone } else { SubsidiesKey::ObjectionDismissedDone })
                    .to_owned();
            run(ClaimRequest::Resolve(objection_id, ObjectionResolution { uphold, reason }), message);
        })
    };

    // a: this stage's step; n: the next claim of the list; ?: the keys.
    let on_key = {
        let (actions, trail, help, navigator, id) =
            (d.actions.clone(), trail.clone(), help.clone(), navigator.clone(), id.to_string());
        Callback::from(move |key: String| match key.as_str() {
            "a" => match forward_action(&actions) {
                Some(a) => {
                    press(&format!("action-{}", a.as_str()));
                    true
                }
                None => false,
            },
            "n" => open_next(&navigator, trail.as_ref().as_ref(), &id),
            "?" if officer => {
                help.set(true);
                true
            }
            _ => false,
        })
    };
    use_shortcuts(on_key);
    let close_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(false))
    };

    let open_objections = d.objections.iter().any(|o| o.status == ObjectionStatus::Open);
    let officer_panel = !d.actions.is_empty() || !d.withheld.is_empty() || (officer && open_objections);
    let submitting = form.submitting();
    let shown: Vec<&str> = ACTION_FIELDS.iter().map(|(f, _)| *f).collect();

    html! {
        <>
            <p class="back">{ back_link(lang, officer, session.has_role(Role::InstitutionStaff), c, trail.as_ref().as_ref(), &navigator) }</p>
            <header class="class-head">
                <p class="class-badges">{ claim_kind_badge(lang, c.claim_kind, c.kind) }{ claim_status_badge(lang, c.status, Some("claim-status")) }</p>
                <h1 id="claim-title" data-claim-kind={c.claim_kind.as_str()}>{ heading(lang, c) }</h1>
                <p class="lead money">{ c.amount_fen.to_string() }</p>
            </header>
            if let Some(message) = &*done {
                <p id="claim-done" class="alert alert-success" role="status" tabindex="-1">{ message.clone() }</p>
            }
            if *acted {
                { next_step(lang, trail.as_ref().as_ref(), id.as_str()) }
            }
            <FormError id="claim-error" failure={form.failure().cloned()} others={form.other_errors(&shown)} />
            <div class="claim-layout">
                <div>
                    { claim_facts(lang, d) }
                </div>
                <div>
                    { submit_panel(lang, d, submitting, on_submit) }
                    if officer_panel {
                        <section class="panel" aria-labelledby="claim-actions-title">
                            <h2 id="claim-actions-title">{ t(lang, SubsidiesKey::ClaimActionsTitle) }</h2>
                            <p>{ t(lang, SubsidiesKey::ClaimActionsLead) }</p>
                            { withheld_list(lang, &d.withheld) }
                            <ActionForm form={form.clone()} actions={d.actions.clone()} {on_action} />
                        </section>
                    }
                    if officer && c.recovery.as_ref().is_some_and(|r| r.recovered_on.is_none()) {
                        <RecoveryForm claim_id={id.to_string()} on_change={props.on_change.clone()} />
                    }
                    if (officer && c.claim_kind == ClaimKind::Training) || !d.declarations.is_empty() {
                        <section class="panel" aria-labelledby="claim-declarations-title">
                            <h2 id="claim-declarations-title">{ t(lang, SubsidiesKey::ClaimDeclarations) }</h2>
                            { crate::components::claim_info::declarations_list(lang, "claim-declarations", &d.declarations) }
                        </section>
                    }
                    { claim_history(lang, d, officer, submitting, &on_objection, html! {
                        <TextField
                            id="objection-finding"
                            rows={3}
                            label={t(lang, SubsidiesKey::ObjectionFinding)}
                            hint={AttrValue::from(t(lang, SubsidiesKey::ObjectionFindingHint))}
                            maxlength={500}
                            value={form.value("finding")}
                            error={form.error(lang, "finding")}
                            oninput={setter(&form, "finding")}
                        />
                    }) }
                </div>
            </div>
            if officer {
                <ShortcutHelp open={*help} keys={claim_keys(lang)} on_close={close_help} />
            }
        </>
    }
}

/// "张三 · SYB培训补贴", "张三 · 草原工作室 工作室资助" or "张三 · 2026-11 导师服务补贴".
fn heading(lang: Lang, c: &ClaimSummary) -> String {
    match c.claim_kind {
        ClaimKind::Training => {
            i18n::claim_of(lang, &c.holder_name, c.kind.map(|k| i18n::kind_name(lang, k)).unwrap_or_default())
        }
        ClaimKind::StudioGrant => i18n::studio_grant_of(lang, &c.holder_name, &c.subject),
        ClaimKind::ServiceFee => i18n::service_fee_of(lang, &c.holder_name, &c.subject),
    }
}

/// True when the element with this id has the focus.
fn has_focus(id: &str) -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()).is_some_and(|e| e.id() == id)
}

/// Back to where this reader came from: the worklist (with the filters
/// and order it had), the batch, the mentor's workspace or their own claims.
fn back_link(
    lang: Lang,
    officer: bool,
    staff: bool,
    c: &ClaimSummary,
    trail: Option<&Trail>,
    navigator: &Option<Navigator>,
) -> Html {
    if officer {
        let query = trail.map(|t| t.query.clone()).unwrap_or_default();
        let href = format!("{}{}", Route::BureauClaims.to_path(), api::subsidies::claim_query_string(&query, false));
        let navigator = navigator.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if let Some(navigator) = &navigator
                && navigator.push_with_query(&Route::BureauClaims, &query).is_ok()
            {
                e.prevent_default();
            }
        });
        return html! { <a id="claim-back" {href} {onclick}>{ t(lang, SubsidiesKey::BackToClaims) }</a> };
    }
    match (&c.class_id, c.claim_kind) {
        (_, ClaimKind::StudioGrant | ClaimKind::ServiceFee) => {
            html! { <AppLink to={Route::MentorWorkspace}>{ t(lang, SubsidiesKey::BackToWorkspace) }</AppLink> }
        }
        (Some(class_id), _) if staff => {
            html! { <AppLink to={Route::ClassClaims { id: class_id.to_string() }}>{ t(lang, SubsidiesKey::BackToBatch) }</AppLink> }
        }
        _ => html! { <AppLink to={Route::MySubsidies}>{ t(lang, SubsidiesKey::BackToMySubsidies) }</AppLink> },
    }
}
