//! Texts of the working-day calendar the administrator keeps (法定节假日
//! and 调休); names of the day kinds.

use malanhua_shared::calendar::DayKind;

use super::{Lang, pick};

messages! {
    /// The calendar texts without arguments.
    pub enum CalendarKey {
        /// Heading.
        Title => "工作日历（节假日与调休）", "Working-day calendar (holidays and worked weekends)";
        /// Lead.
        Lead =>
            "按国务院办公厅每年发布的节假日安排登记。公示期、开班提前期等按工作日计算的期限以此为准；未登记的日期，周一至周五为工作日。",
            "Enter the State Council's yearly holiday arrangement. Deadlines counted in working days (notice, opening requests) follow it; days not entered count Monday to Friday.";
        /// Label: the year shown.
        Year => "年份", "Year";
        /// Column: date.
        Day => "日期", "Date";
        /// Column: weekday.
        Weekday => "星期", "Day";
        /// Column / label: kind.
        Kind => "类型", "Kind";
        /// Column / label: name.
        Name => "名称", "Name";
        /// Hint under the name.
        NameHint => "如 春节、国庆节调休", "For example Spring Festival, National Day (worked)";
        /// Nothing entered.
        Empty => "该年度尚未登记节假日安排。", "No arrangement is entered for this year.";
        /// Heading of the form.
        FormTitle => "登记或修改一天", "Set or change a day";
        /// Hint of the form.
        FormHint => "已登记的日期会被覆盖。", "A day already entered is overwritten.";
        /// Save.
        Save => "保存", "Save";
        /// Remove a day.
        Remove => "删除", "Remove";
    }

    /// Saved.
    fn day_saved(date: &str) => "已保存：{date}。", "Saved: {date}.";
    /// Removed.
    fn day_removed(date: &str) => "已删除：{date}。", "Removed: {date}.";
    /// Remove the day `date`.
    fn remove_day(date: &str) => "删除 {date}", "Remove {date}";
}

/// What a day of the arrangement is.
pub fn day_kind_name(lang: Lang, kind: DayKind) -> &'static str {
    match kind {
        DayKind::Holiday => pick(lang, "放假", "Holiday"),
        DayKind::Workday => pick(lang, "调休上班", "Worked weekend day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_kind_reads_differently_in_each_language() {
        for k in DayKind::ALL {
            assert_ne!(day_kind_name(Lang::Zh, *k), day_kind_name(Lang::En, *k), "{k:?}");
        }
    }
}
