//! How a studio is shown wherever it appears: its status badge, members,
//! recognition dates, cited service records and policy terms; and the terms
//! of a mentor fee standard.

use chrono::{DateTime, Utc};
use malanhua_shared::Fen;
use malanhua_shared::api::studios::{
    CitableRecord, FeeBand, FeePolicy, StudioCard, StudioMember, StudioPolicy, StudioStatus,
};
use yew::prelude::*;

use crate::i18n::{self, CertificatesKey, FeesKey, Lang, StudiosKey, t};

/// A studio's status as a badge (`data-status` holds the wire name).
pub fn studio_badge(lang: Lang, status: StudioStatus, id: Option<&str>) -> Html {
    let tone = match status {
        StudioStatus::Recognised => "badge-ok",
        StudioStatus::Applied | StudioStatus::Rectification => "badge-todo",
        StudioStatus::Revoked | StudioStatus::Refused => "badge-stop",
    };
    html! {
        <span id={id.map(str::to_owned)} class={classes!("badge", tone, "studio-status")} data-status={status.as_str()}>
            { i18n::studio_status_name(lang, status) }
        </span>
    }
}

/// True while a studio counts: applied, recognised or rectifying.
pub fn is_live(status: StudioStatus) -> bool {
    matches!(status, StudioStatus::Applied | StudioStatus::Recognised | StudioStatus::Rectification)
}

/// The leader first, then the members, each with their title.
pub fn members_list(lang: Lang, id: &str, members: &[StudioMember]) -> Html {
    let mut members: Vec<&StudioMember> = members.iter().collect();
    members.sort_by_key(|m| !m.leader);
    html! {
        <ul id={id.to_owned()} class="plain rows studio-members">
            { for members.iter().map(|m| html! {
                <li key={m.mentor_id.to_string()} data-mentor-id={m.mentor_id.to_string()}>
                    <strong>{ m.name.clone() }</strong>
                    if m.leader {
                        { " " }<span class="badge badge-ok studio-leader">{ t(lang, StudiosKey::Leader) }</span>
                    }
                    <br /><span class="muted">{ m.title.clone() }</span>
                </li>
            }) }
        </ul>
    }
}

/// "青岛市 · 领办人：王海燕 · 3 名成员".
pub fn team_line(lang: Lang, card: &StudioCard) -> String {
    let mut parts = vec![card.region_name.clone()];
    if let Some(leader) = card.members.iter().find(|m| m.leader) {
        parts.push(format!("{}：{}", t(lang, StudiosKey::Leader), leader.name));
    }
    parts.push(i18n::member_count(lang, &card.members.len().to_string()));
    parts.join(" · ")
}

/// The recognition dates as rows of a `facts` list, where known.
pub fn recognition_facts(lang: Lang, card: &StudioCard) -> Html {
    html! {
        <>
            if let Some(on) = card.recognised_on {
                <div><dt>{ t(lang, StudiosKey::RecognisedOn) }</dt><dd class="studio-recognised-on">{ i18n::date(lang, on) }</dd></div>
            }
            if let Some(end) = card.cycle_ends_on {
                <div><dt>{ t(lang, StudiosKey::CycleEndsOn) }</dt><dd class="studio-cycle-ends">{ i18n::date(lang, end) }</dd></div>
            }
        </>
    }
}

/// "2026年11月3日 09:00 · 60 分钟 · 一对一服务".
pub fn service_text(lang: Lang, at: DateTime<Utc>, minutes: u32, group: bool) -> String {
    let kind = t(lang, if group { StudiosKey::GroupSession } else { StudiosKey::OneToOne });
    format!("{} · {} · {kind}", i18n::datetime(lang, at), i18n::minutes_n(lang, &minutes.to_string()))
}

/// "王海燕 · 2026年11月3日 09:00 · 60 分钟 · 一对一服务".
pub fn record_line(lang: Lang, r: &CitableRecord) -> String {
    format!("{} · {}", r.mentor_name, service_text(lang, r.starts_at, r.minutes, r.group))
}

/// The cited records, one line each.
pub fn records_list(lang: Lang, id: &str, records: &[CitableRecord]) -> Html {
    html! {
        <ul id={id.to_owned()} class="plain rows">
            { for records.iter().map(|r| html! { <li key={r.id.to_string()} data-record-id={r.id.to_string()}>{ record_line(lang, r) }</li> }) }
        </ul>
    }
}

/// The policy's conditions and cycle, two lines.
pub fn policy_terms(lang: Lang, p: &StudioPolicy) -> Html {
    html! {
        <>
            <p class="studio-policy-terms">
                { i18n::studio_policy_terms(lang, &p.grant_fen.to_string(), &p.min_members.to_string(), &p.min_services.to_string()) }
            </p>
            <p class="muted">
                { i18n::studio_policy_cycle(lang, &p.cycle_years.to_string(), &p.report_months.to_string(), &p.pass_mark.to_string()) }
            </p>
        </>
    }
}

/// An amount as typed into a yuan field (`1500.00`).
pub fn yuan_text(fen: Fen) -> String {
    format!("{}.{:02}", fen.get() / 100, fen.get() % 100)
}

/// Bands in words, or "no fee".
pub fn bands_line(lang: Lang, bands: &[FeeBand]) -> String {
    if bands.is_empty() {
        return t(lang, FeesKey::NoBands).to_owned();
    }
    let shown: Vec<String> =
        bands.iter().map(|b| i18n::band_line(lang, &b.min_minutes.to_string(), &b.fee_fen.to_string())).collect();
    shown.join(t(lang, CertificatesKey::ListSeparator))
}

/// The standard's terms, as facts.
pub fn fee_terms(lang: Lang, p: &FeePolicy) -> Html {
    html! {
        <dl class="facts compact">
            <div><dt>{ t(lang, FeesKey::OneToOneBands) }</dt><dd class="fee-one-to-one">{ bands_line(lang, &p.one_to_one) }</dd></div>
            <div><dt>{ t(lang, FeesKey::GroupBands) }</dt><dd class="fee-group">{ bands_line(lang, &p.group) }</dd></div>
            <div><dt>{ t(lang, FeesKey::Transport) }</dt><dd class="money">{ p.transport_fen.to_string() }</dd></div>
            <div><dt>{ t(lang, FeesKey::YearlyCap) }</dt><dd class="money fee-cap">{ p.yearly_cap_fen.to_string() }</dd></div>
        </dl>
    }
}
