//! Texts of the mentor studios (创业指导师工作室): the directory and studio
//! page, the mentor's application and reports, the bureau's worklist and
//! policy; names of the studio enums, and the messages of their fields.

use malanhua_shared::FieldCode;
use malanhua_shared::api::studios::{EvaluationOutcome, StudioStatus};

use super::{Lang, pick};

messages! {
    /// The studio texts without arguments.
    pub enum StudiosKey {
        // Navigation and directory
        /// Navigation: the directory.
        NavStudios => "工作室", "Studios";
        /// Directory heading.
        DirectoryTitle => "创业指导师工作室", "Mentor studios";
        /// Directory lead.
        DirectoryLead =>
            "经人社部门认定的创业指导师工作室，由领办导师带领团队为创业者提供持续的指导服务。",
            "Studios recognised by the bureaus: a leading mentor and a team who give entrepreneurs ongoing guidance.";
        /// No studio matches.
        DirectoryEmpty => "没有符合条件的工作室。", "No studio matches these filters.";
        /// Label: recognised on.
        RecognisedOn => "认定日期", "Recognised on";
        /// Label: the cycle's end.
        CycleEndsOn => "认定有效期至", "Recognised until";
        /// Heading / label: members.
        Members => "团队成员", "Members";
        /// Badge: the leader.
        Leader => "领办人", "Leader";

        // Studio page
        /// Studio page title.
        StudioPageTitle => "工作室详情", "Studio";
        /// Link back to the directory.
        BackToStudios => "← 返回工作室列表", "← Back to the studios";
        /// Heading: the plan.
        Plan => "建设方案", "Plan";
        /// Heading: documents.
        Documents => "申报材料", "Documents";
        /// No documents.
        NoDocuments => "未列出申报材料。", "No documents listed.";
        /// Heading: reports.
        Reports => "定期报告", "Reports";
        /// No reports.
        NoReports => "暂无定期报告。", "No reports yet.";
        /// Heading: evaluations.
        Evaluations => "年度考核", "Yearly evaluations";
        /// No evaluations.
        NoEvaluations => "暂无考核记录。", "No evaluations yet.";
        /// Heading: cited records.
        Evidence => "引用的服务记录", "Cited service records";
        /// Label: the grant.
        GrantAmount => "资助金额", "Grant";
        /// Label: the grant claim.
        GrantClaim => "资助申请", "Grant claim";
        /// Link to the grant claim.
        ViewGrantClaim => "查看资助申请", "View the grant claim";
        /// Label: the rectification deadline.
        RectifyBy => "整改期限", "Rectify by";
        /// Label: why it was revoked.
        RevokeReason => "撤销原因", "Why it was revoked";
        /// Label: the amount to recover.
        Clawback => "应追回资助", "Grant to recover";
        /// Label: the ban's end.
        BannedUntil => "限制再次申报至", "May not apply again until";
        /// Heading / label: reports due and missing.
        ReportsMissing => "待提交的报告", "Reports due";
        /// Label: a report's period.
        ReportPeriod => "报告期起始日", "Period starting";
        /// Label: services in the period.
        ReportServices => "本期服务次数", "Services in the period";
        /// Label: grant spent, in yuan.
        ReportSpent => "本期使用资助（元）", "Grant spent in the period (yuan)";
        /// Label: spent (shown).
        ReportSpentShown => "本期使用资助", "Grant spent";
        /// Label: activities.
        Activities => "工作开展情况（10–4000 字）", "What the studio did (10 to 4000 characters)";
        /// Heading of the report form.
        ReportTitle => "提交定期报告", "File a report";
        /// Submit a report.
        ReportSubmit => "提交报告", "File the report";
        /// Report filed.
        ReportFiled => "报告已提交。", "Report filed.";
        /// A one-to-one service.
        OneToOne => "一对一服务", "One to one";
        /// A group session.
        GroupSession => "集中服务", "Group session";

        // Workspace
        /// Workspace section: the studio.
        TabStudio => "工作室", "Studio";
        /// Heading: the policy in force.
        PolicyTitle => "本地区工作室政策", "The region's studio policy";
        /// No policy in force.
        NoPolicy => "本地区尚未设置工作室政策，暂不能申报。", "The region has no studio policy yet, so no studio can apply.";
        /// Heading: blockers.
        BlockersTitle => "暂不能申报的原因", "Why you cannot apply yet";
        /// Application heading.
        ApplyTitle => "申报创业指导师工作室", "Apply for a mentor studio";
        /// Application lead.
        ApplyLead =>
            "您作为领办人申报。提交后生成工作室资助申请，经人社部门初审、复审和公示后拨付，工作室即获认定。",
            "You apply as the leader. Applying files the studio's grant claim; once reviewed, approved and published it is paid and the studio is recognised.";
        /// Label: the studio's name.
        StudioName => "工作室名称（4–60 字）", "Studio name (4 to 60 characters)";
        /// Legend: specialities.
        SpecialitiesLegend => "专长领域（1 至 5 项）", "Specialities (1 to 5)";
        /// Label: the plan.
        PlanLabel => "建设方案（20–4000 字）", "Plan (20 to 4000 characters)";
        /// Hint under the plan.
        PlanHint => "写明服务目标、活动安排和资助使用计划。", "Say what the studio will do, when, and how the grant will be spent.";
        /// Legend: members.
        MembersLegend => "团队成员（本地区在聘导师，领办人除外）", "Members (active mentors of the region besides you)";
        /// No colleagues.
        NoColleagues => "本地区暂无其他在聘导师。", "There are no other active mentors in the region.";
        /// Legend: records.
        RecordsLegend => "引用的服务记录（领办人和成员上一年度的服务）", "Service records cited (the past year's services of you and the members)";
        /// Tick every record.
        SelectAllRecords => "全选服务记录", "Select every record";
        /// No records to cite.
        NoCitable => "暂无可引用的服务记录。", "No service records to cite.";
        /// Legend: documents.
        DocumentsLegend => "申报材料（按名称列出，最多 20 项）", "Documents (by title, up to 20)";
        /// Label: a document's title.
        DocumentLabel => "材料名称", "Document title";
        /// Hint under it.
        DocumentHint => "如营业执照、场地证明；逐项添加。", "For example the business licence or proof of the venue; add one at a time.";
        /// Add a document.
        DocumentAdd => "添加材料", "Add";
        /// Submit the application.
        ApplySubmit => "提交申报", "Apply";
        /// Heading: the mentor's studio.
        MyStudioTitle => "我的工作室", "My studio";
        /// The mentor is a member, not the leader.
        YouAreMember => "您是该工作室的成员，报告由领办人提交。", "You are a member of this studio; the leader files its reports.";
        /// Link to the studio's page.
        ViewStudioPage => "查看工作室主页", "Open the studio's page";
        /// No report is due.
        NoReportsMissing => "目前没有待提交的报告。", "No report is due now.";

        // Bureau
        /// Bureau heading.
        BureauTitle => "工作室管理", "Mentor studios";
        /// Bureau lead.
        BureauLead =>
            "工作室的资助申请在“补贴审核”中逐级办理；此处跟踪定期报告、开展年度考核，必要时撤销认定，并设置本地区的工作室政策和导师服务补贴标准。",
            "Grant claims go through the stages under Subsidy claims; here you follow reports, evaluate each year, revoke where needed, and set the region's studio policy and mentor fee standard.";
        /// Label: the status filter.
        StatusFilter => "状态", "Status";
        /// Nothing in this state.
        NoWork => "没有该状态的工作室。", "No studio in this state.";
        /// Label: evaluation due.
        EvaluationDue => "待考核年度", "Evaluation due for";
        /// Evaluate heading.
        EvaluateTitle => "年度考核", "Yearly evaluation";
        /// Label: year.
        Year => "考核年度", "Year";
        /// Label: score.
        Score => "得分（0–100）", "Score (0 to 100)";
        /// Label: comment.
        Comment => "考核意见", "Findings";
        /// Submit an evaluation.
        EvaluateSubmit => "提交考核结果", "Record the evaluation";
        /// Done.
        Evaluated => "考核结果已登记。", "Evaluation recorded.";
        /// Revoke button and heading.
        RevokeTitle => "撤销认定", "Revoke the recognition";
        /// Revoke lead.
        RevokeLead =>
            "撤销后工作室从目录中移除，领办人在限制期内不得再次申报；应追回的资助将登记追回。此操作会记入审计日志。",
            "The studio leaves the directory, its leader may not apply again for a while, and the grant to recover is recorded. The act is logged.";
        /// Label: the clawback.
        ClawbackYuan => "追回金额（元，选填）", "Amount to recover (yuan, optional)";
        /// Hint under it.
        ClawbackHint =>
            "不填则追回已拨付但未被定期报告支出抵扣的全部金额。",
            "Empty: everything paid and not justified by reported spending.";
        /// Confirm the revocation.
        RevokeSubmit => "确认撤销", "Revoke";
        /// Label: may revoke.
        MayRevoke => "可撤销（报告缺失或整改逾期）", "May be revoked (a report missing or the deadline passed)";
        /// Heading of the policy form.
        PolicyFormTitle => "设置工作室政策", "Set the studio policy";
        /// Lead of the policy form.
        PolicyFormLead =>
            "新版本自生效日期起适用于此后的申报；已被申报使用的版本不会修改。",
            "A new version applies to applications from its date; versions already used are never changed.";
        /// No versions.
        NoPolicies => "本地区及上级地区尚未设置工作室政策。", "No studio policy is set here or above.";
        /// Label: the grant in yuan.
        GrantYuan => "资助金额（元）", "Grant (yuan)";
        /// Label: members.
        MinMembers => "最少成员数（不含领办人，1–50）", "Members besides the leader, at least (1 to 50)";
        /// Label: services.
        MinServices => "上一年度最少服务次数（0–10000）", "Services in the past year, at least (0 to 10000)";
        /// Label: cycle.
        CycleYears => "认定周期（年，1–10）", "Years a recognition lasts (1 to 10)";
        /// Label: report interval.
        ReportMonths => "报告间隔", "Reports every";
        /// Label: pass mark.
        PassMark => "考核合格分（0–100）", "Pass mark (0 to 100)";
        /// Label: rectification days.
        RectificationDays => "整改期限（天，1–365）", "Days to rectify (1 to 365)";
        /// Label: ban.
        BanYears => "撤销后限制申报（年，0–10）", "Years a revoked leader may not apply (0 to 10)";
        /// Save the policy.
        SavePolicy => "保存工作室政策", "Save the studio policy";
    }

    /// The policy's conditions.
    fn studio_policy_terms(grant: &str, members: &str, services: &str) =>
        "一次性资助 {grant}；除领办人外至少 {members} 名成员；上一年度至少 {services} 次有效服务",
        "One-off grant of {grant}; at least {members} members besides the leader; at least {services} countable services in the past year";
    /// The policy's cycle.
    fn studio_policy_cycle(years: &str, months: &str, pass: &str) =>
        "认定 {years} 年，每 {months} 个月报告一次，年度考核 {pass} 分合格",
        "Recognised for {years} years, a report every {months} months, {pass} to pass the yearly evaluation";
    /// Report interval option.
    fn every_months(n: &str) => "每 {n} 个月", "Every {n} months";
    /// Number of members.
    fn member_count(n: &str) => "{n} 名成员", "{n} members";
    /// An evaluation's line.
    fn evaluation_line(year: &str, score: &str, outcome: &str) => "{year} 年度：{score} 分，{outcome}", "{year}: {score}, {outcome}";
    /// Remove the document with this title.
    fn remove_document(title: &str) => "删除“{title}”", "Remove “{title}”";
    /// Tick a colleague.
    fn member_label(name: &str, title: &str) => "{name}（{title}）", "{name} ({title})";
}

/// Where a studio stands.
pub fn studio_status_name(lang: Lang, s: StudioStatus) -> &'static str {
    let (zh, en) = match s {
        StudioStatus::Applied => ("申报中", "Applied"),
        StudioStatus::Recognised => ("已认定", "Recognised"),
        StudioStatus::Rectification => ("限期整改", "Rectifying"),
        StudioStatus::Revoked => ("已撤销", "Revoked"),
        StudioStatus::Refused => ("未获认定", "Refused"),
    };
    pick(lang, zh, en)
}

/// What an evaluation decided.
pub fn evaluation_outcome_name(lang: Lang, o: EvaluationOutcome) -> &'static str {
    let (zh, en) = match o {
        EvaluationOutcome::Passed => ("合格", "passed"),
        EvaluationOutcome::Rectification => ("限期整改", "to rectify"),
        EvaluationOutcome::Revoked => ("撤销认定", "revoked"),
    };
    pick(lang, zh, en)
}

/// The messages of the studio, fee and calendar fields, where the generic
/// one would say too little; `None` for the rest.
pub fn studio_field_message(lang: Lang, field: &str, code: FieldCode) -> Option<String> {
    let text = |zh: &'static str, en: &'static str| Some(pick(lang, zh, en).to_owned());
    match (field, code) {
        ("studio_name", FieldCode::Required | FieldCode::TooShort) => {
            text("工作室名称至少 4 个字。", "The studio's name needs at least 4 characters.")
        }
        ("studio_name", FieldCode::TooLong) => {
            text("工作室名称最多 60 个字。", "The name may have at most 60 characters.")
        }
        ("plan", FieldCode::Required | FieldCode::TooShort) => {
            text("建设方案至少 20 个字。", "The plan needs at least 20 characters.")
        }
        ("plan", FieldCode::TooLong) => text("建设方案最多 4000 个字。", "The plan may have at most 4000 characters."),
        ("specialities", FieldCode::Required) => {
            text("请至少选择一个专长领域。", "Please choose at least one speciality.")
        }
        ("specialities", FieldCode::TooLong) => text("最多选择 5 个专长领域。", "Choose at most 5 specialities."),
        ("documents", FieldCode::TooLong) => {
            text("最多列出 20 项材料，每项不超过 100 个字。", "List at most 20 documents of up to 100 characters each.")
        }
        ("documents", FieldCode::InvalidFormat) => text("材料名称不能换行。", "A document title cannot span lines."),
        ("activities", FieldCode::Required | FieldCode::TooShort) => {
            text("工作开展情况至少 10 个字。", "Please write at least 10 characters.")
        }
        ("period_start", FieldCode::Required) => text("请选择报告期。", "Please choose the period."),
        ("services" | "spent_fen" | "year" | "score", FieldCode::Required) => {
            text("请填写此项。", "Please fill this in.")
        }
        ("spent_fen" | "clawback_fen" | "grant_fen" | "transport_fen" | "yearly_cap_fen", FieldCode::InvalidFormat) => {
            text("请以元为单位填写金额，最多两位小数。", "Enter an amount in yuan with at most two decimals.")
        }
        ("score", FieldCode::OutOfRange) => text("得分须在 0 到 100 之间。", "The score must be from 0 to 100."),
        ("comment", FieldCode::Required | FieldCode::TooShort) => {
            text("请填写考核意见（至少 2 个字）。", "Please write the findings (at least 2 characters).")
        }
        ("report_months", FieldCode::OutOfRange) => {
            text("报告间隔须为 1、3、6 或 12 个月。", "Reports come every 1, 3, 6 or 12 months.")
        }
        ("one_to_one" | "group", FieldCode::Required) => text("请至少填写一个档次。", "Please give at least one band."),
        ("one_to_one" | "group", FieldCode::TooLong) => text("最多 6 个档次。", "At most 6 bands."),
        ("one_to_one" | "group", FieldCode::OutOfRange | FieldCode::InvalidFormat) => text(
            "每行写“分钟=金额”，分钟 1–600 且互不相同，例如 30=100。",
            "Write one “minutes=yuan” a line, minutes 1 to 600 and each different, e.g. 30=100.",
        ),
        ("day_kind", FieldCode::OutOfRange) => {
            text("调休上班只能登记在周六或周日。", "A worked weekend day must be a Saturday or a Sunday.")
        }
        ("day_kind", _) => text("请选择放假或调休上班。", "Please choose a holiday or a worked day."),
        ("day", _) => text("请选择日期。", "Please choose a date."),
        ("day_name", FieldCode::Required) => {
            text("请填写名称，如 春节。", "Please name the day, e.g. Spring Festival.")
        }
        ("day_name", FieldCode::TooLong) => text("名称最多 40 个字。", "The name may have at most 40 characters."),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_studio_name_reads_differently_in_each_language() {
        for s in StudioStatus::ALL {
            assert_ne!(studio_status_name(Lang::Zh, *s), studio_status_name(Lang::En, *s), "{s:?}");
        }
        for o in EvaluationOutcome::ALL {
            assert_ne!(evaluation_outcome_name(Lang::Zh, *o), evaluation_outcome_name(Lang::En, *o), "{o:?}");
        }
    }

    #[test]
    fn studio_fields_have_their_own_messages() {
        let name = studio_field_message(Lang::Zh, "studio_name", FieldCode::TooShort).unwrap_or_default();
        assert!(name.contains('4'));
        assert!(studio_field_message(Lang::En, "unknown", FieldCode::Required).is_none());
    }
}
