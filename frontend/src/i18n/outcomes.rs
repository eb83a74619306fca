//! Texts of what happened after the course (创业成果跟踪): the outcome form
//! on a certificate, its follow-up points, the industry sections, and the
//! messages of its fields.

use malanhua_shared::FieldCode;
use malanhua_shared::api::outcomes::Industry;

use super::{Lang, pick};

messages! {
    /// The outcome texts without arguments.
    pub enum OutcomesKey {
        /// Heading of the outcome panel.
        OutcomeTitle => "结业后创业情况", "After the course";
        /// What the panel is for.
        OutcomeLead =>
            "结业后，人社部门会在下列回访节点了解您的创业情况。登记营业执照上的统一社会信用代码后，回访即告完成。",
            "After the certificate the bureau asks at the follow-up points below. Once a business is recorded with its credit code, the follow-up ends.";
        /// Choice: a business was started.
        StatusStarted => "已创业（已办理营业执照）", "I have started a business (registered)";
        /// Choice: not yet.
        StatusNotYet => "暂未创业", "Not yet";
        /// Legend of the status choice.
        StatusLegend => "目前情况", "Where you stand";
        /// Field: registration day.
        StartedOn => "营业执照登记日期", "Registered on";
        /// Field: credit code.
        CreditCode => "统一社会信用代码", "Unified social credit code";
        /// Hint under the credit code.
        CreditCodeHint => "营业执照上的 18 位代码", "The 18 characters on the business licence";
        /// Field: industry.
        IndustryLabel => "所属行业（国民经济行业分类门类）", "Industry (GB/T 4754 section)";
        /// First option of the industry list.
        IndustryChoose => "请选择行业", "Choose an industry";
        /// Field: jobs created.
        JobsCreated => "带动就业人数（不含本人）", "People employed (besides you)";
        /// Submit button.
        OutcomeSubmit => "保存创业情况", "Save";
        /// After saving.
        OutcomeSaved => "已保存。感谢您的反馈。", "Saved. Thank you.";
        /// Shown when nothing is recorded.
        OutcomeNone => "尚未登记结业后的创业情况。", "Nothing recorded after the course yet.";
        /// Heading of the follow-up points.
        FollowUpsTitle => "回访节点", "Follow-up points";
        /// A point that is answered.
        PointAnswered => "已反馈", "Answered";
        /// A point that is due now.
        PointDue => "待反馈", "Due now";
        /// A point still ahead.
        PointAhead => "未到期", "Ahead";
        /// Recorded by the institution.
        ByInstitution => "由培训机构登记", "Recorded by the institution";
    }

    /// "3 months after: 1 March 2027".
    fn point_label(months: &str, day: &str) => "结业后 {months} 个月：{day}", "{months} months after: {day}";
    /// Recorded outcome, started.
    fn started_summary(day: &str, industry: &str, jobs: &str) =>
        "{day} 登记创业，行业：{industry}，带动就业 {jobs} 人", "Business registered on {day} in {industry}, employing {jobs}";
}

/// The name of a GB/T 4754 section in `lang`, with its letter.
pub fn industry_name(lang: Lang, section: Industry) -> String {
    let (zh, en) = malanhua_shared::labels::industry(section);
    format!("{} {}", section.as_str(), pick(lang, zh, en))
}

/// The message of an outcome field's error, if it has its own.
pub fn outcome_field_message(lang: Lang, field: &str, code: FieldCode) -> Option<String> {
    let text = |zh: &'static str, en: &'static str| Some(pick(lang, zh, en).to_owned());
    match (field, code) {
        ("status", FieldCode::Required) => text("请选择目前情况。", "Please say where you stand."),
        ("credit_code", FieldCode::Required) => {
            text("请填写营业执照上的统一社会信用代码。", "Please give the credit code on the business licence.")
        }
        ("credit_code", FieldCode::InvalidFormat) => {
            text("统一社会信用代码为 18 位数字或大写字母。", "The credit code has 18 digits or capital letters.")
        }
        ("credit_code", FieldCode::InvalidChecksum) => text(
            "统一社会信用代码校验位不正确，请核对营业执照。",
            "The credit code's check character is wrong; please check the licence.",
        ),
        ("industry", FieldCode::Required | FieldCode::InvalidFormat) => {
            text("请选择所属行业。", "Please choose the industry.")
        }
        ("started_on", FieldCode::Required) => text("请填写登记日期。", "Please give the day it was registered."),
        ("started_on", FieldCode::OutOfRange) => {
            text("登记日期不能晚于今天。", "The registration day cannot be after today.")
        }
        ("jobs_created", FieldCode::Required) => {
            text("请填写带动就业人数，没有请填 0。", "Please give the number, 0 if none.")
        }
        ("jobs_created", FieldCode::OutOfRange | FieldCode::InvalidFormat) => {
            text("带动就业人数应为 0 到 10000 的整数。", "Please give a whole number from 0 to 10,000.")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_and_field_message_reads_differently_in_each_language() {
        for s in Industry::ALL {
            assert_ne!(industry_name(Lang::Zh, *s), industry_name(Lang::En, *s), "{s:?}");
        }
        for (f, c) in [("credit_code", FieldCode::InvalidChecksum), ("jobs_created", FieldCode::OutOfRange)] {
            assert_ne!(outcome_field_message(Lang::Zh, f, c), outcome_field_message(Lang::En, f, c));
        }
        assert!(outcome_field_message(Lang::En, "other", FieldCode::Required).is_none());
    }
}
