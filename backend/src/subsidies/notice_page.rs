//! `/notices` as the server draws it: the claims on public notice (公示) in
//! plain HTML inside the page shell, readable at once and without the web
//! app. Objecting needs the app (it sends a code to the objector's phone).

use chrono::{Datelike, NaiveDate};
use malanhua_shared::api::subsidies::{ClaimKind, NoticeEntry};

use crate::core::shell::{Shell, escape};

fn day(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// What the claim pays for, in words.
fn subject(e: &NoticeEntry) -> String {
    match (e.claim_kind, e.kind) {
        (ClaimKind::Training, Some(kind)) => {
            format!("{}（{}）", malanhua_shared::labels::course_kind(kind).0, e.institution)
        }
        (kind, _) => format!("{} {}", malanhua_shared::labels::claim_kind(kind).0, e.subject),
    }
}

/// The notice list as the page's shell content.
pub fn render(entries: &[NoticeEntry]) -> Shell {
    let rows: String = entries
        .iter()
        .map(|e| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"money\">{}</td><td>{}{}</td></tr>",
                escape(&e.holder_masked),
                escape(&e.region_name),
                escape(&subject(e)),
                escape(&e.amount_fen.to_string()),
                day(e.notice_ends_on),
                if e.held { "（异议核查中）" } else { "" },
            )
        })
        .collect();
    let list = if entries.is_empty() {
        "<p class=\"empty\">目前没有正在公示的补贴。</p>".to_owned()
    } else {
        format!(
            "<div class=\"table-wrap\"><table class=\"stack\"><thead><tr><th scope=\"col\">申请人</th>\
             <th scope=\"col\">地区</th><th scope=\"col\">补贴事项</th><th scope=\"col\">金额</th>\
             <th scope=\"col\">公示截止</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    };
    Shell {
        title: "补贴公示 - 马兰花创业培训".to_owned(),
        html: format!(
            "<div class=\"page\" id=\"server-notices\"><h1>补贴公示</h1>\
             <p class=\"lead\">以下补贴正在公示。对公示内容有异议的，可在公示期内提出。</p>{list}</div>"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use malanhua_shared::Fen;
    use malanhua_shared::course::CourseKind;
    use malanhua_shared::ids::ClaimId;

    #[test]
    fn the_notice_reads_in_plain_html_with_names_masked_as_given() {
        let entry = NoticeEntry {
            claim_id: ClaimId::from_raw("c1".to_owned()),
            holder_masked: "学*".into(),
            claim_kind: ClaimKind::Training,
            kind: Some(CourseKind::Syb),
            institution: "青岛<创业>学院".into(),
            subject: String::new(),
            amount_fen: Fen::new(100_000).unwrap_or(Fen::ZERO),
            notice_ends_on: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap_or_default(),
            region_code: "370212".into(),
            region_name: "崂山区".into(),
            held: true,
        };
        let page = render(std::slice::from_ref(&entry));
        assert!(page.html.contains("<td>学*</td>") && page.html.contains("崂山区"), "{}", page.html);
        assert!(page.html.contains("青岛&lt;创业&gt;学院"), "escaped: {}", page.html);
        assert!(page.html.contains("2026年12月10日（异议核查中）"));
        assert!(render(&[]).html.contains("目前没有正在公示的补贴"));
    }
}
