//! One mentor in the bureau's list: who, where, status and term, the
//! decisions the state allows, and the yearly evaluation on demand.

use chrono::Datelike;
use malanhua_shared::api::mentors::{MentorAction, MentorRecord, MentorStatus};
use malanhua_shared::course::shanghai_date;
use yew::prelude::*;

use crate::api;
use crate::components::remote_view::remote_view;
use crate::components::text_field::TextField;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::i18n::{self, Lang, MentorDeskKey, t};
use crate::pages::mentors::info::{expertise_chips, mentor_badge};

use super::decision::DecisionForm;

/// What an officer may do to a mentor in `status`.
fn actions(status: MentorStatus) -> &'static [MentorAction] {
    match status {
        MentorStatus::Applied => &[MentorAction::Admit, MentorAction::Refuse],
        MentorStatus::Active => &[MentorAction::Suspend, MentorAction::Remove],
        MentorStatus::Suspended => &[MentorAction::Reinstate, MentorAction::Remove],
        MentorStatus::Refused | MentorStatus::Removed | MentorStatus::Expired => &[],
    }
}

/// Props of [`MentorRow`].
#[derive(Properties, PartialEq)]
pub(super) struct MentorRowProps {
    /// The record.
    pub record: MentorRecord,
    /// Called after a decision.
    pub on_change: Callback<()>,
}

/// The row.
#[function_component]
pub(super) fn MentorRow(props: &MentorRowProps) -> Html {
    let lang = use_lang();
    let chosen = use_state(|| None::<MentorAction>);
    let evaluating = use_state(|| false);
    let r = &props.record;
    let c = &r.card;
    let id = c.id.to_string();
    let pick = |a: MentorAction| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(if *chosen == Some(a) { None } else { Some(a) }))
    };
    let flip = {
        let evaluating = evaluating.clone();
        Callback::from(move |_: MouseEvent| evaluating.set(!*evaluating))
    };
    html! {
        <li class="appointment" data-testid="mentor-row" data-id={id.clone()} data-status={r.status.as_str()}>
            <p>{ mentor_badge(lang, r.status) }</p>
            <h3>{ c.real_name.clone() }</h3>
            <p>{ format!("{} · {} · {}", c.title, c.employer, c.region_name) }</p>
            { expertise_chips(lang, &c.expertise) }
            if let (Some(from), Some(to)) = (r.term_from, r.term_to) {
                <p>{ i18n::term_range(lang, &i18n::date(lang, from), &i18n::date(lang, to)) }</p>
            }
            <p class="muted">{ format!("{}：{}", t(lang, MentorDeskKey::Evidence), r.evidence) }</p>
            if let Some(reason) = &r.status_reason {
                <p class="muted">{ i18n::status_reason(lang, reason) }</p>
            }
            <div class="actions">
                { for actions(r.status).iter().map(|a| html! {
                    <button type="button" class={classes!("button", "small", if *a == MentorAction::Admit { "primary" } else { "secondary" })}
                        data-testid={a.as_str()} aria-expanded={if *chosen == Some(*a) { "true" } else { "false" }} onclick={pick(*a)}>
                        { i18n::mentor_action_name(lang, *a) }
                    </button>
                }) }
                <button type="button" class="button secondary small" data-testid="show-evaluation"
                    aria-expanded={if *evaluating { "true" } else { "false" }} onclick={flip}>
                    { t(lang, MentorDeskKey::ShowEvaluation) }
                </button>
            </div>
            if let Some(action) = *chosen {
                <DecisionForm key={action.as_str()} mentor_id={id.clone()} {action} on_done={props.on_change.clone()} />
            }
            if *evaluating {
                <Evaluation mentor_id={id.clone()} />
            }
        </li>
    }
}

/// Props of [`Evaluation`].
#[derive(Properties, PartialEq)]
struct EvaluationProps {
    mentor_id: AttrValue,
}

/// The yearly evaluation, with the year to look at.
#[function_component]
fn Evaluation(props: &EvaluationProps) -> Html {
    let lang = use_lang();
    let year = use_state(|| shanghai_date(crate::time::now()).year().to_string());
    let asked = year.trim().parse::<i32>().unwrap_or(0);
    let (evaluation, reload) =
        use_remote((props.mentor_id.clone(), asked), |(id, y)| async move { api::mentors::evaluation(&id, y).await });
    let on_year = {
        let year = year.clone();
        Callback::from(move |v: String| year.set(v))
    };
    let id = props.mentor_id.as_str();
    html! {
        <section class="evaluation" data-testid="evaluation" aria-label={t(lang, MentorDeskKey::Evaluation)}>
            <h4>{ t(lang, MentorDeskKey::Evaluation) }</h4>
            <TextField id={format!("evaluation-year-{id}")} label={t(lang, MentorDeskKey::Year)} input_type="number"
                inputmode="numeric" value={(*year).clone()} oninput={on_year} />
            { remote_view(lang, &evaluation, &format!("evaluation-error-{id}"), &reload, |e| view(lang, e)) }
        </section>
    }
}

fn view(lang: Lang, e: &malanhua_shared::api::mentors::MentorEvaluation) -> Html {
    html! {
        <dl class="facts">
            <dt>{ t(lang, MentorDeskKey::Services) }</dt><dd>{ e.services.to_string() }</dd>
            <dt>{ t(lang, MentorDeskKey::Confirmed) }</dt><dd>{ e.confirmed.to_string() }</dd>
            <dt>{ t(lang, MentorDeskKey::Qualifying) }</dt>
            <dd>{ e.qualifying.to_string() }{ i18n::min_minutes(lang, &e.min_minutes.to_string()) }</dd>
            <dt>{ t(lang, MentorDeskKey::Required) }</dt><dd>{ e.required.to_string() }</dd>
            <dt>{ t(lang, crate::i18n::MentorsKey::RatingLabel) }</dt>
            <dd>{ e.rating.map(|r| format!("{r:.1}")).unwrap_or_else(|| "—".to_owned()) }</dd>
            <dt>{ t(lang, MentorDeskKey::Meets) }</dt>
            <dd>
                <span class={classes!("badge", if e.meets { "badge-ok" } else { "badge-stop" })} data-testid="evaluation-meets" data-meets={e.meets.to_string()}>
                    { t(lang, if e.meets { MentorDeskKey::Meets } else { MentorDeskKey::NotMeets }) }
                </span>
            </dd>
        </dl>
    }
}
