//! `/my/journey` (创业一件事): the signed-in person's whole journey on one
//! page, each line with its next step and the action that takes it.

use malanhua_shared::api::journey::{JourneyLine, NextStep};
use yew::prelude::*;

use super::tables::yuan;
use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::components::require_sign_in::RequireSignIn;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, JourneyKey as K, Lang, t};

/// `/my/journey` (signed in).
#[function_component]
pub fn JourneyPage() -> Html {
    use_title(K::JourneyTitle);
    html! {
        <RequireSignIn>
            <JourneyView />
        </RequireSignIn>
    }
}

#[function_component]
fn JourneyView() -> Html {
    let lang = use_lang();
    let (journey, reload) = use_remote((), |()| api::statistics::journey());
    html! {
        <div class="page journey-page">
            <h1>{ t(lang, K::JourneyTitle) }</h1>
            <p class="lead">{ t(lang, K::JourneyLead) }</p>
            { remote_view(lang, &journey, "journey-error", &reload, |j| html! {
                <>
                    if !j.lines.iter().any(|l| l.next.is_todo()) {
                        <p class="alert alert-success" id="journey-caught-up" role="status">{ t(lang, K::AllCaughtUp) }</p>
                    }
                    <ol id="journey-lines" class="cards journey-lines">
                        { for j.lines.iter().enumerate().map(|(i, l)| line(lang, i, l)) }
                    </ol>
                </>
            }) }
        </div>
    }
}

/// Where a line's action leads.
fn target(l: &JourneyLine) -> Route {
    let subject = l.subject.clone().unwrap_or_default();
    match l.next {
        NextStep::FindClass => Route::Classes,
        NextStep::AttendClass | NextStep::AwaitSeat | NextStep::AwaitCertificate => Route::MyClass { id: subject },
        NextStep::FileClaim if l.claim_status.is_some() => Route::Claim { id: subject },
        NextStep::FileClaim | NextStep::DeclareGroup | NextStep::NothingToClaim => Route::MySubsidies,
        NextStep::CorrectClaim | NextStep::AwaitDecision | NextStep::Paid | NextStep::Refused => {
            Route::Claim { id: subject }
        }
        NextStep::RecordOutcome => Route::Certificate { number: subject },
        NextStep::AwaitMentor | NextStep::MeetMentor | NextStep::RateService => Route::MyAppointments,
        NextStep::FindMentor => Route::Mentors,
    }
}

fn line(lang: Lang, i: usize, l: &JourneyLine) -> Html {
    let (text, action) = i18n::next_step_text(lang, l.next);
    let todo = l.next.is_todo();
    let kind = l.kind.map(|k| i18n::kind_name(lang, k));
    let title = match (kind, l.title.is_empty()) {
        (Some(k), false) if !l.title.contains(k) => format!("{k} · {}", l.title),
        (_, false) => l.title.clone(),
        (Some(k), true) => k.to_owned(),
        (None, true) => String::new(),
    };
    html! {
        <li id={format!("journey-line-{i}")} class={classes!("card", todo.then_some("card-todo"))} data-step={l.next.as_str()}>
            <p class="muted">
                { i18n::journey_area_name(lang, l.area) }
                if todo {
                    { " " }<span class="badge badge-todo">{ t(lang, K::ToDo) }</span>
                }
            </p>
            if !title.is_empty() {
                <h2>{ title }</h2>
            }
            <p>{ text }</p>
            if let Some(fen) = l.amount_fen {
                <p>{ i18n::amount_line(lang, &yuan(fen)) }</p>
            }
            if let Some(at) = l.at {
                <p>{ i18n::when_line(lang, &i18n::datetime(lang, at)) }</p>
            }
            if let Some(day) = l.due_on {
                <p>{ i18n::due_line(lang, &i18n::date(lang, day)) }</p>
            }
            if !l.reasons.is_empty() {
                <ul class="reasons">
                    { for l.reasons.iter().map(|r| html! { <li>{ i18n::ineligible_reason_text(lang, *r) }</li> }) }
                </ul>
            }
            <AppLink id={format!("journey-action-{i}")} to={target(l)}
                classes={classes!("button", if todo { "primary" } else { "secondary" })}>
                { action }
            </AppLink>
        </li>
    }
}
