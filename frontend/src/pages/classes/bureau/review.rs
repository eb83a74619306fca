//! One opening request, approved or rejected with a reason.

use std::rc::Rc;

use malanhua_shared::api::classes::{ClassSummary, Decision, check_reason};
use malanhua_shared::course::ClassStatus;
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::class_info::{date_range, hours_text, kind_badge, status_badge};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus;
use crate::components::form_error::FormError;
use crate::components::text_field::TextField;
use crate::hooks::form::{FieldIssue, FormAction, on_submit, setter, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{self, ClassesKey, CommonKey, t};

/// Props of [`ReviewItem`].
#[derive(Properties, PartialEq)]
pub(super) struct ReviewItemProps {
    /// The class asked for.
    pub class: Rc<ClassSummary>,
    /// Called with the message to show once decided.
    pub on_decided: Callback<String>,
}

/// One opening request with approve and reject.
#[function_component]
pub(super) fn ReviewItem(props: &ReviewItemProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let c = &props.class;
    let id = c.id.clone();
    let reason_id = format!("reject-reason-{id}");

    let decide = {
        let form = form.clone();
        let on_decided = props.on_decided.clone();
        let id = id.clone();
        let title = c.title.clone();
        move |decision: Decision| {
            form.dispatch(FormAction::Submit);
            let form = form.clone();
            let on_decided = on_decided.clone();
            let id = id.clone();
            let title = title.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let approved = decision.approve;
                match api::classes::decide(&id, &decision).await {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: true });
                        let done = if approved { i18n::class_approved_done } else { i18n::class_rejected_done };
                        on_decided.emit(done(lang, &title));
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        }
    };
    // Approval opens enrolment to the public at once: it is asked first.
    let asking = use_state(|| false);
    let on_approve = {
        let (form, asking) = (form.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            if !form.submitting() {
                asking.set(true);
            }
        })
    };
    let on_approve_confirmed = {
        let (decide, asking) = (decide.clone(), asking.clone());
        Callback::from(move |()| {
            asking.set(false);
            decide(Decision { approve: true, reason: None });
        })
    };
    let on_approve_cancelled = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let on_reject = {
        let reason_id = reason_id.clone();
        on_submit(&form, move |form| match check_reason(&form.value("reason")) {
            Ok(reason) => decide(Decision { approve: false, reason: Some(reason) }),
            Err(code) => {
                focus(&reason_id);
                form.dispatch(FormAction::Invalid([("reason".to_owned(), FieldIssue::Code(code))].into()));
            }
        })
    };
    let submitting = form.submitting();
    let busy = submitting.then_some("true");
    html! {
        <article class="review" aria-labelledby={format!("review-{id}-title")}>
            <h3 id={format!("review-{id}-title")}>
                <AppLink to={Route::Class { id: id.to_string() }}>{ c.title.clone() }</AppLink>
            </h3>
            <p class="class-badges">{ kind_badge(lang, c.kind) }{ status_badge(lang, c.status) }</p>
            <dl class="facts compact">
                <div><dt>{ t(lang, CommonKey::InstitutionLabel) }</dt><dd>{ c.institution.name.clone() }</dd></div>
                <div><dt>{ t(lang, CommonKey::CourseKindLabel) }</dt><dd>{ i18n::kind_name(lang, c.kind) }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassDates) }</dt><dd>{ date_range(lang, c) }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassHours) }</dt><dd>{ hours_text(lang, c) }</dd></div>
                <div><dt>{ t(lang, CommonKey::Capacity) }</dt><dd>{ c.capacity.to_string() }</dd></div>
                <div><dt>{ t(lang, CommonKey::ClassModeLabel) }</dt><dd>{ i18n::mode_name(lang, c.mode) }</dd></div>
            </dl>
            if c.status == ClassStatus::Pending {
                <form class="form decision" novalidate=true onsubmit={on_reject}>
                    <FormError id={format!("decision-{id}-error")} failure={form.failure().cloned()} others={form.other_errors(&["reason"])} />
                    <div class="form-actions">
                        <button id={format!("approve-{id}")} type="button" class="button primary" disabled={submitting} aria-busy={busy} onclick={on_approve}>
                            { t(lang, ClassesKey::Approve) }
                        </button>
                    </div>
                    <ConfirmDialog
                        id={format!("approve-{id}-dialog")}
                        open={*asking}
                        title={i18n::approve_class_question(lang, &c.title)}
                        body={t(lang, ClassesKey::ApproveClassBody)}
                        confirm_label={t(lang, ClassesKey::Approve)}
                        danger={false}
                        on_confirm={on_approve_confirmed}
                        on_cancel={on_approve_cancelled}
                        opener={format!("approve-{id}")}
                    />
                    <TextField
                        id={reason_id.clone()}
                        label={t(lang, ClassesKey::RejectReason)}
                        hint={AttrValue::from(t(lang, ClassesKey::RejectReasonHint))}
                        required={false}
                        maxlength={500}
                        value={form.value("reason")}
                        error={form.error(lang, "reason")}
                        oninput={setter(&form, "reason")}
                    />
                    <button id={format!("reject-{id}")} type="submit" class="button danger" disabled={submitting} aria-busy={busy}>
                        { t(lang, ClassesKey::Reject) }
                    </button>
                </form>
            }
        </article>
    }
}
