//! Texts of the officer's worklists: sorting, the collapsible filters, the
//! keyboard shortcuts and "next claim", the unverified-group mark, and why
//! an action is not offered.

use malanhua_shared::api::subsidies::ClaimSort;

use super::{Lang, pick};

messages! {
    /// The worklist texts without arguments.
    pub enum WorklistKey {
        /// Summary of the collapsed filters.
        Filters => "筛选条件", "Filters";
        /// Label: sort.
        SortLabel => "排序", "Sort";
        /// Column: stage age.
        ColStageAge => "本环节已等待", "At this stage for";
        /// Badge: the group is declared, not verified.
        GroupUnverified => "身份待核验", "Group not verified";
        /// Nothing selected: nothing to offer.
        BulkNoneSelected => "请先勾选申请，再选择要办理的操作。", "Tick claims first, then choose what to do.";
        /// The selection has no common action.
        BulkNoCommonAction =>
            "所选申请处于不同环节，没有能同时办理的操作。请按环节筛选后再批量办理。",
            "The selected claims are at stages with no action in common. Filter by stage, then act on them together.";
        /// Button: keyboard help.
        ShortcutsButton => "快捷键", "Shortcuts";
        /// Heading of the keyboard help.
        ShortcutsTitle => "键盘快捷键", "Keyboard shortcuts";
        /// Close the help.
        Close => "关闭", "Close";
        /// j.
        KeyNext => "下一条", "Next claim";
        /// k.
        KeyPrev => "上一条", "Previous claim";
        /// Enter.
        KeyOpen => "打开当前申请", "Open the claim";
        /// x.
        KeySelect => "勾选或取消勾选当前申请", "Tick or untick the claim";
        /// /.
        KeyFilters => "展开筛选条件", "Open the filters";
        /// a on a claim.
        KeyAdvance => "申请页：办理本环节（初审、复审、公示或拨付），确认后可直接打开下一件", "Claim page: take this stage's step (review, approve, publish or pay); then open the next claim";
        /// n on a claim.
        KeyNextClaim => "申请页：打开列表中的下一件", "Claim page: open the next claim in the list";
        /// ?.
        KeyHelp => "显示本帮助", "Show this help";
        /// Heading: withheld actions.
        WithheldTitle => "暂不能办理", "Not offered now";
        /// The last claim of the list.
        ListDone => "这是列表中的最后一件申请。", "This was the last claim of the list.";
    }
    /// "Filters (2 in use)".
    fn filters_in_use(n: &str) => "筛选条件（已用 {n} 项）", "Filters ({n} in use)";
    /// "Review: reasons".
    fn withheld_line(action: &str, reasons: &str) => "{action}：{reasons}", "{action}: {reasons}";
    /// The next claim of the list.
    fn next_claim(holder: &str, at: &str, of: &str) => "下一件：{holder}（第 {at} / {of} 件）", "Next: {holder} ({at} of {of})";
    /// A wait of days and hours.
    fn waited_days(d: &str, h: &str) => "{d} 天 {h} 小时", "{d} d {h} h";
    /// The question before a bulk action.
    fn bulk_question(action: &str, count: &str) => "对所选 {count} 笔申请执行“{action}”？", "{action}: all {count} selected claims?";
    /// A wait of hours.
    fn waited_hours(h: &str) => "{h} 小时", "{h} h";
}

/// The name of a worklist order.
pub fn claim_sort_name(lang: Lang, sort: ClaimSort) -> &'static str {
    match sort {
        ClaimSort::Filed => pick(lang, "提交时间（最早在前）", "Filed (oldest first)"),
        ClaimSort::FiledDesc => pick(lang, "提交时间（最新在前）", "Filed (newest first)"),
        ClaimSort::Amount => pick(lang, "金额（从小到大）", "Amount (smallest first)"),
        ClaimSort::AmountDesc => pick(lang, "金额（从大到小）", "Amount (largest first)"),
        ClaimSort::Institution => pick(lang, "培训机构", "Institution"),
        ClaimSort::StageAge => pick(lang, "本环节等待最久在前", "Longest at its stage first"),
    }
}

/// A wait in days and hours.
pub fn waited(lang: Lang, hours: i64) -> String {
    match (hours / 24, hours % 24) {
        (0, h) => waited_hours(lang, &h.to_string()),
        (d, h) => waited_days(lang, &d.to_string(), &h.to_string()),
    }
}
