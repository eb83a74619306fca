//! One studio in the bureau's worklist: who and where, its grant claim,
//! the reports missing, the rectification deadline, and the evaluation and
//! revocation the state allows.

use malanhua_shared::api::studios::StudioWork;
use yew::prelude::*;

use super::decisions::{EvaluationForm, RevokeForm};
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, StudiosKey, t};
use crate::pages::mentors::info::expertise_chips;
use crate::pages::studios::info::{recognition_facts, studio_badge, team_line};
use crate::pages::studios::studio::sections::{claim_line, missing_reports};

/// Which form is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Evaluate,
    Revoke,
}

/// Props of [`WorkRow`].
#[derive(Properties, PartialEq)]
pub(super) struct WorkRowProps {
    /// The studio and what is due.
    pub work: StudioWork,
    /// Called after a decision.
    pub on_change: Callback<()>,
}

/// `[data-testid=studio-work]`.
#[function_component]
pub(super) fn WorkRow(props: &WorkRowProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| None::<Open>);
    let w = &props.work;
    let s = &w.studio;
    let id = s.id.to_string();
    let toggle = |which: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(if *open == Some(which) { None } else { Some(which) }))
    };
    let expanded = |which: Open| if *open == Some(which) { "true" } else { "false" };
    html! {
        <li class="appointment" data-testid="studio-work" data-id={id.clone()} data-status={s.status.as_str()}>
            <p>{ studio_badge(lang, s.status, None) }</p>
            <h3><AppLink to={Route::Studio { id: id.clone() }}>{ s.name.clone() }</AppLink></h3>
            <p>{ team_line(lang, s) }</p>
            { expertise_chips(lang, &s.specialities) }
            <dl class="facts compact">
                { recognition_facts(lang, s) }
                if let Some(by) = w.rectify_by {
                    <div><dt>{ t(lang, StudiosKey::RectifyBy) }</dt><dd class="studio-rectify-by">{ i18n::date(lang, by) }</dd></div>
                }
                if let Some(year) = w.evaluation_due {
                    <div><dt>{ t(lang, StudiosKey::EvaluationDue) }</dt><dd class="studio-evaluation-due">{ year.to_string() }</dd></div>
                }
            </dl>
            { claim_line(lang, w.claim_id.as_ref(), w.claim_status, &format!("studio-claim-{id}")) }
            { missing_reports(lang, &w.reports_missing, &format!("studio-missing-{id}")) }
            if w.may_revoke {
                <p><span class="badge badge-stop studio-may-revoke">{ t(lang, StudiosKey::MayRevoke) }</span></p>
            }
            <div class="actions">
                if w.evaluation_due.is_some() {
                    <button type="button" class="button primary small" data-testid="evaluate" aria-expanded={expanded(Open::Evaluate)} onclick={toggle(Open::Evaluate)}>
                        { t(lang, StudiosKey::EvaluateTitle) }
                    </button>
                }
                if w.may_revoke {
                    <button type="button" class="button secondary small" data-testid="revoke" aria-expanded={expanded(Open::Revoke)} onclick={toggle(Open::Revoke)}>
                        { t(lang, StudiosKey::RevokeTitle) }
                    </button>
                }
            </div>
            if let (Some(Open::Evaluate), Some(year)) = (*open, w.evaluation_due) {
                <EvaluationForm studio_id={id.clone()} {year} on_done={props.on_change.clone()} />
            }
            if *open == Some(Open::Revoke) && w.may_revoke {
                <RevokeForm studio_id={id.clone()} on_done={props.on_change.clone()} />
            }
        </li>
    }
}
