//! The mentor's live studio: its status, the grant claim's stage and link,
//! the reports due, and for the leader the report form.

use malanhua_shared::api::studios::{StudioDetail, StudioStatus};
use yew::prelude::*;

use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::hooks::lang::use_lang;
use crate::i18n::{self, StudiosKey, t};
use crate::pages::mentors::info::expertise_chips;
use crate::pages::studios::info::{members_list, recognition_facts, studio_badge};
use crate::pages::studios::report_form::ReportForm;
use crate::pages::studios::studio::sections::{claim_line, missing_reports};

/// Props of [`StudioPanel`].
#[derive(Properties, PartialEq)]
pub(super) struct StudioPanelProps {
    /// The studio.
    pub detail: StudioDetail,
    /// Called after a report.
    pub on_change: Callback<()>,
}

/// `#my-studio`.
#[function_component]
pub(super) fn StudioPanel(props: &StudioPanelProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let s = &d.studio;
    let running = matches!(s.status, StudioStatus::Recognised | StudioStatus::Rectification);
    html! {
        <>
            <section class="panel" id="my-studio" aria-labelledby="my-studio-title" data-status={s.status.as_str()}>
                <h2 id="my-studio-title">{ t(lang, StudiosKey::MyStudioTitle) }</h2>
                <p>{ studio_badge(lang, s.status, Some("studio-status")) }</p>
                <h3 id="my-studio-name">{ s.name.clone() }</h3>
                { expertise_chips(lang, &s.specialities) }
                <dl class="facts compact">
                    { recognition_facts(lang, s) }
                    <div><dt>{ t(lang, StudiosKey::GrantAmount) }</dt><dd class="money">{ d.grant_fen.to_string() }</dd></div>
                    if let Some(by) = d.rectify_by {
                        <div><dt>{ t(lang, StudiosKey::RectifyBy) }</dt><dd id="my-studio-rectify-by">{ i18n::date(lang, by) }</dd></div>
                    }
                </dl>
                { claim_line(lang, d.claim_id.as_ref(), d.claim_status, "studio-claim-link") }
                { missing_reports(lang, &d.reports_missing, "my-studio-missing") }
                if !d.is_leader {
                    <p class="muted">{ t(lang, StudiosKey::YouAreMember) }</p>
                }
                <h3>{ t(lang, StudiosKey::Members) }</h3>
                { members_list(lang, "my-studio-members", &s.members) }
                <p><AppLink id="my-studio-page-link" to={Route::Studio { id: s.id.to_string() }}>{ t(lang, StudiosKey::ViewStudioPage) }</AppLink></p>
            </section>
            if d.is_leader && running {
                <ReportForm studio_id={s.id.to_string()} missing={d.reports_missing.clone()} on_done={props.on_change.clone()} />
            }
        </>
    }
}
