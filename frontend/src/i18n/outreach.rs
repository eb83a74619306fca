//! Texts of 政策找人, the bureau's list of people entitled but not yet served.

use malanhua_shared::api::outreach::OutreachReason;

use super::{Lang, pick};

messages! {
    /// The outreach texts without arguments.
    pub enum OutreachKey {
        /// Page title and hub link.
        OutreachTitle => "政策找人", "Policy finds people";
        /// What the page is for.
        OutreachLead =>
            "本地区应享未享的人员：每一行写明原因，可一键提醒本人。同一人七天内只提醒一次。",
            "People of your region who are entitled to something they have not received, each with the reason and a one-click notice. Nobody is notified twice within seven days.";
        /// The tabs' label.
        ReasonsLabel => "原因", "Reason";
        /// The waiting filter.
        WaitingDaysLabel => "等待核实超过（天）", "Waiting longer than (days)";
        /// Apply the filter.
        Show => "查看", "Show";
        /// Column: person.
        ColPerson => "姓名", "Person";
        /// Column: mobile.
        ColMobile => "手机", "Mobile";
        /// Column: what.
        ColDetail => "情况", "Details";
        /// Column: notice.
        ColNotice => "提醒", "Notice";
        /// The notify button.
        Notify => "一键提醒", "Notify";
        /// Nobody on this list.
        NobodyListed => "暂无需要提醒的人员。", "Nobody to find for this reason.";
        /// The next page.
        More => "下一页", "Next page";
        /// Back to the first page.
        FirstPage => "第一页", "First page";
        /// Not yet claimed.
        NoClaimYet => "尚未申请", "No claim yet";
    }
    /// A claim amount and deadline.
    fn may_claim(yuan: &str, deadline: &str) => "可申领 {yuan}，{deadline} 前提交", "May claim {yuan}; file by {deadline}";
    /// A waiting declaration.
    fn declaration_waited(days: u32) => "已等待 {days} 天", "Waiting {days} days";
    /// When the person was notified.
    fn notified_on(at: &str) => "已于 {at} 提醒", "Notified {at}";
    /// The confirmation after notifying.
    fn notified_done(name: &str) => "已提醒{name}。", "{name} has been notified.";
}

/// A reason's tab label.
pub fn reason_name(lang: Lang, reason: OutreachReason) -> &'static str {
    let (zh, en) = match reason {
        OutreachReason::CertificateUnclaimed => ("有证未申领补贴", "Certificate, no claim"),
        OutreachReason::WindowClosing => ("申领期 30 天内截止", "Window closes within 30 days"),
        OutreachReason::DeclarationWaiting => ("身份待核实", "Declaration waiting"),
        OutreachReason::SybMayTakeIyb => ("SYB 结业可报 IYB", "SYB done, may take IYB"),
    };
    pick(lang, zh, en)
}
