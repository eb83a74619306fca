//! A session's attendance history: every change of a mark, who made it and when.

use malanhua_shared::api::certificates::{AttendanceSheet, MarkVia};
use yew::prelude::*;

use super::attendance::mark_name;
use crate::i18n::{self, CertificatesKey, Lang, t};

/// The changes, newest first; nothing when no mark was recorded yet.
pub fn attendance_history(lang: Lang, sheet: &AttendanceSheet) -> Html {
    if sheet.history.is_empty() {
        return html! {};
    }
    let name = |id: &malanhua_shared::UserId| {
        sheet.lines.iter().find(|l| &l.user_id == id).map(|l| l.real_name.clone()).unwrap_or_default()
    };
    html! {
        <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">{ t(lang, CertificatesKey::MarkHistoryTitle) }</h2>
            <ol id="mark-history" class="timeline" reversed=true>
                { for sheet.history.iter().rev().map(|h| {
                    let from = h.from.map_or_else(|| t(lang, CertificatesKey::MarkNone), |m| mark_name(lang, m));
                    let via = if h.via == MarkVia::Code { t(lang, CertificatesKey::ViaCode) } else { "" };
                    html! {
                        <li>
                            <time datetime={h.at.to_rfc3339()}>{ i18n::datetime(lang, h.at) }</time>
                            { " · " }{ name(&h.user_id) }{ "：" }{ from }{ " → " }{ mark_name(lang, h.to) }
                            if !via.is_empty() {
                                { " · " }{ via }
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
