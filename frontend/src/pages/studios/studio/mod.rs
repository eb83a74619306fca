//! `/studios/:id`: one studio as the public sees it once recognised (the
//! leader, members and officers see all of it, with the grant claim and the
//! cited records): members, plan, documents, reports and evaluations, and
//! the leader's report form.

pub mod sections;

use malanhua_shared::api::studios::{StudioDetail, StudioStatus};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, AccountsKey, Lang, StudiosKey, t};
use crate::pages::mentors::info::expertise_chips;
use crate::pages::studios::info::{members_list, recognition_facts, records_list, studio_badge};
use crate::pages::studios::report_form::ReportForm;

/// Props of [`StudioPage`].
#[derive(Properties, PartialEq)]
pub struct StudioPageProps {
    /// The studio id from the path.
    pub id: String,
}

/// `/studios/:id` (public; more for those involved).
#[function_component]
pub fn StudioPage(props: &StudioPageProps) -> Html {
    use_title(StudiosKey::StudioPageTitle);
    let lang = use_lang();
    let (detail, reload) = use_remote(props.id.clone(), |id| async move { api::studios::studio(&id).await });
    html! {
        <div class="page studio-page">
            <p class="back"><AppLink to={Route::Studios}>{ t(lang, StudiosKey::BackToStudios) }</AppLink></p>
            { remote_view(lang, &detail, "studio-error", &reload, |d| body(lang, d, &reload)) }
        </div>
    }
}

fn body(lang: Lang, d: &StudioDetail, reload: &Callback<()>) -> Html {
    let s = &d.studio;
    let running = matches!(s.status, StudioStatus::Recognised | StudioStatus::Rectification);
    html! {
        <>
            <header class="class-head">
                <p class="class-badges">{ studio_badge(lang, s.status, Some("studio-page-status")) }</p>
                <h1 id="studio-title">{ s.name.clone() }</h1>
                <p class="lead">{ s.region_name.clone() }</p>
                { expertise_chips(lang, &s.specialities) }
            </header>
            <div class="mentor-layout">
                <div>
                    <section class="panel" aria-labelledby="studio-facts-title">
                        <h2 id="studio-facts-title" class="visually-hidden">{ t(lang, StudiosKey::StudioPageTitle) }</h2>
                        <dl class="facts">
                            <div><dt>{ t(lang, AccountsKey::ColRegion) }</dt><dd>{ s.region_name.clone() }</dd></div>
                            { recognition_facts(lang, s) }
                            <div><dt>{ t(lang, StudiosKey::GrantAmount) }</dt><dd class="money">{ d.grant_fen.to_string() }</dd></div>
                            if let Some(by) = d.rectify_by {
                                <div><dt>{ t(lang, StudiosKey::RectifyBy) }</dt><dd id="studio-rectify-by">{ i18n::date(lang, by) }</dd></div>
                            }
                            if let Some(reason) = &d.revoke_reason {
                                <div><dt>{ t(lang, StudiosKey::RevokeReason) }</dt><dd id="studio-revoke-reason">{ reason.clone() }</dd></div>
                            }
                            if let Some(fen) = d.clawback_fen {
                                <div><dt>{ t(lang, StudiosKey::Clawback) }</dt><dd class="money">{ fen.to_string() }</dd></div>
                            }
                            if let Some(until) = d.banned_until {
                                <div><dt>{ t(lang, StudiosKey::BannedUntil) }</dt><dd>{ i18n::date(lang, until) }</dd></div>
                            }
                        </dl>
                        { sections::claim_line(lang, d.claim_id.as_ref(), d.claim_status, "studio-page-claim-link") }
                    </section>
                    <section class="panel" aria-labelledby="studio-members-title">
                        <h2 id="studio-members-title">{ t(lang, StudiosKey::Members) }</h2>
                        { members_list(lang, "studio-members", &s.members) }
                    </section>
                    <section class="panel" aria-labelledby="studio-plan-title">
                        <h2 id="studio-plan-title">{ t(lang, StudiosKey::Plan) }</h2>
                        <p id="studio-plan-text" class="bio">{ d.plan.clone() }</p>
                    </section>
                    { sections::documents(lang, d) }
                    if !d.evidence.is_empty() {
                        <section class="panel" aria-labelledby="studio-evidence-title">
                            <h2 id="studio-evidence-title">{ t(lang, StudiosKey::Evidence) }</h2>
                            { records_list(lang, "studio-evidence", &d.evidence) }
                        </section>
                    }
                </div>
                <div>
                    if d.is_leader && running {
                        <ReportForm studio_id={s.id.to_string()} missing={d.reports_missing.clone()} on_done={reload.clone()} />
                    }
                    { sections::reports(lang, d) }
                    { sections::evaluations(lang, d) }
                </div>
            </div>
        </>
    }
}
