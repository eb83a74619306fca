//! `/verify/<number>` as the server draws it: the answer of verification
//! in plain HTML inside the page shell, so the page a certificate's QR code
//! opens reads at once, also without the web app.

use chrono::{Datelike, NaiveDate};
use malanhua_shared::api::certificates::{Verification, VerificationStatus};

use crate::core::shell::{Shell, escape};

fn day(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The verification as the page's shell content.
pub fn render(v: &Verification) -> Shell {
    let (status, tone) = match (v.status, v.revoked_on) {
        (VerificationStatus::Valid, _) => ("证书有效".to_owned(), "is-valid"),
        (VerificationStatus::Revoked, Some(on)) => (format!("证书已撤销（{}）", day(on)), "is-revoked"),
        (VerificationStatus::Revoked, None) => ("证书已撤销".to_owned(), "is-revoked"),
        (VerificationStatus::Unknown, _) => ("未找到该证书".to_owned(), "is-unknown"),
    };
    let mut rows = String::new();
    let mut row = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            rows.push_str(&format!("<div class=\"cert-row\"><dt>{label}</dt><dd>{}</dd></div>", escape(&value)));
        }
    };
    row("持证人", v.holder_masked.clone());
    row("培训项目", v.kind.map(|k| malanhua_shared::labels::course_kind(k).0.to_owned()));
    row("培训机构", v.institution.clone());
    row("发证日期", v.issued_on.map(day));
    row("发证机关", v.issuing_region_name.as_ref().map(|r| format!("{r}人力资源和社会保障局")));
    let body = if v.status == VerificationStatus::Unknown {
        "<p>请核对证书上的编号后重试；如仍无法查到，请联系发证机关。</p>".to_owned()
    } else {
        format!("<dl class=\"cert-fields\">{rows}</dl>")
    };
    let number = escape(v.number.as_str());
    Shell {
        title: format!("证书查验 {} - 马兰花创业培训", v.number.as_str()),
        html: format!(
            "<div class=\"page verify-page\" id=\"server-verify\"><h1>证书查验</h1>\
             <section class=\"verify-result {tone}\"><p class=\"verify-status\" id=\"server-verify-status\">{status}</p>\
             <p class=\"hint\">证书编号：{number}</p>{body}</section></div>"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use malanhua_shared::CertificateNumber;
    use malanhua_shared::course::CourseKind;

    fn valid() -> Verification {
        Verification {
            number: CertificateNumber::from_raw("MLH-370200-2026-000001".to_owned()),
            status: VerificationStatus::Valid,
            holder_masked: Some("张*<三>".into()),
            kind: Some(CourseKind::Syb),
            institution: Some("青岛创业学院".into()),
            issued_on: NaiveDate::from_ymd_opt(2026, 12, 3),
            issuing_region: Some("370200".into()),
            issuing_region_name: Some("青岛市".into()),
            revoked_on: None,
        }
    }

    #[test]
    fn a_valid_certificate_reads_in_plain_html() {
        let page = render(&valid());
        assert!(page.html.contains("证书有效"), "{}", page.html);
        assert!(page.html.contains("张*&lt;三&gt;"), "data is escaped: {}", page.html);
        assert!(page.html.contains("SYB 创办你的企业") && page.html.contains("2026年12月3日"));
        assert!(page.html.contains("青岛市人力资源和社会保障局"));
        assert!(page.title.contains("MLH-370200-2026-000001"));
    }

    #[test]
    fn revoked_and_unknown_say_so() {
        let revoked = Verification {
            status: VerificationStatus::Revoked,
            revoked_on: NaiveDate::from_ymd_opt(2026, 12, 5),
            ..valid()
        };
        assert!(render(&revoked).html.contains("证书已撤销（2026年12月5日）"));
        let unknown = Verification { status: VerificationStatus::Unknown, holder_masked: None, ..valid() };
        let html = render(&unknown).html;
        assert!(html.contains("未找到该证书") && !html.contains("cert-fields"), "{html}");
    }
}
