//! The workspace's studio section (工作室): the mentor's live studio (its
//! status, the grant claim's stage, reports due and the report form), or,
//! without one, the region's policy, what blocks an application, and the
//! application form.

mod apply;
mod panel;

use malanhua_shared::api::studios::MyStudio;
use yew::prelude::*;

use crate::api;
use crate::components::claim_info::reasons_list;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::i18n::{Lang, StudiosKey, t};
use crate::pages::studios::info::{is_live, policy_terms, studio_badge};

/// `#mentor-studio`.
#[function_component]
pub(in crate::pages::mentors::workspace) fn MentorStudio() -> Html {
    let lang = use_lang();
    let (mine, reload) = use_remote((), |()| api::studios::my_studio());
    html! {
        <div id="mentor-studio">
            { remote_view(lang, &mine, "my-studio-error", &reload, |m| view(lang, m, &reload)) }
        </div>
    }
}

fn view(lang: Lang, m: &MyStudio, reload: &Callback<()>) -> Html {
    if let Some(d) = m.studio.as_ref().filter(|d| is_live(d.studio.status)) {
        return html! { <panel::StudioPanel detail={d.clone()} on_change={reload.clone()} /> };
    }
    html! {
        <>
            if let Some(past) = &m.studio {
                <p id="past-studio" class="alert alert-info">
                    { past.studio.name.clone() }{ " " }{ studio_badge(lang, past.studio.status, None) }
                </p>
            }
            <section class="panel" id="studio-policy-in-force" aria-labelledby="studio-policy-in-force-title">
                <h2 id="studio-policy-in-force-title">{ t(lang, StudiosKey::PolicyTitle) }</h2>
                if let Some(p) = &m.policy {
                    { policy_terms(lang, p) }
                } else {
                    <p class="empty">{ t(lang, StudiosKey::NoPolicy) }</p>
                }
                if !m.blockers.is_empty() {
                    <h3>{ t(lang, StudiosKey::BlockersTitle) }</h3>
                    { reasons_list(lang, &m.blockers, Some("studio-blockers"), "eligibility-reasons") }
                }
            </section>
            if m.policy.is_some() {
                <apply::ApplyForm mine={m.clone()} on_done={reload.clone()} />
            }
        </>
    }
}
