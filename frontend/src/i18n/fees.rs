//! Texts of the mentors' service fees (导师服务补贴): the mentor's overview
//! and claims, the bureau's fee standard and its confirmation of group
//! sessions; names of the line kinds.

use malanhua_shared::api::studios::FeeLineKind;

use super::{Lang, pick};

messages! {
    /// The service-fee texts without arguments.
    pub enum FeesKey {
        // Workspace
        /// Workspace section.
        TabFees => "服务补贴", "Service fees";
        /// Lead.
        FeesLead =>
            "已记录并经服务对象确认的服务可逐项申领，系统将其归入当月的服务补贴申请。请在月度申请中核对后提交，人社部门审核、公示后拨付。",
            "Claim each service that is recorded and confirmed by the person served; it goes on the month's claim. Check and file the monthly claim; the bureau reviews, publishes and pays it.";
        /// Heading: the standard.
        PolicyTitle => "补贴标准", "Standard";
        /// No standard in force.
        NoPolicy => "本地区当前没有导师服务补贴标准。", "No mentor fee standard is in force in the region.";
        /// Label: one-to-one bands.
        OneToOneBands => "一对一服务", "One-to-one services";
        /// Label: group bands.
        GroupBands => "集中服务", "Group sessions";
        /// No bands: no fee.
        NoBands => "不发放师资费", "No fee";
        /// Label: transport.
        Transport => "交通补贴（每次线下服务）", "Transport (each service in person)";
        /// Label: the yearly cap.
        YearlyCap => "年度上限", "Yearly cap";
        /// Label: claimed this year.
        ClaimedThisYear => "本年度已申领", "Claimed this year";
        /// Heading: services not claimed.
        Unclaimed => "待申领的服务", "Services not claimed yet";
        /// None.
        NoUnclaimed => "没有待申领的服务。", "No service waits to be claimed.";
        /// Claim one service.
        ClaimOne => "申领", "Claim";
        /// Claimed.
        Claimed => "已申领，已归入当月申请。", "Claimed; it is on the month's claim.";
        /// Heading: the lines.
        Lines => "申领明细", "Claimed lines";
        /// None.
        NoLines => "暂无申领明细。", "Nothing claimed yet.";
        /// Heading: the monthly claims.
        MonthlyClaims => "月度申请", "Monthly claims";
        /// None.
        NoMonthlyClaims => "暂无月度申请。", "No monthly claims yet.";
        /// Label: what the policy would pay.
        Due => "应发", "Due";
        /// Label: what the line pays.
        Paid => "核定", "Allowed";
        /// The cap cut the line.
        CapCut => "受年度上限限制", "Cut by the yearly cap";

        // Bureau
        /// Heading of the form.
        PolicyFormTitle => "设置导师服务补贴标准", "Set the mentor fee standard";
        /// Lead of the form.
        PolicyFormLead =>
            "按服务时长分档发放师资费，线下服务另发交通补贴，每位导师每年不超过上限。新版本自生效日期起适用于此后的服务。",
            "Fees go by the length of the service, in bands; services in person add transport; each mentor's year is capped. A new version applies to services from its date.";
        /// Label: one-to-one bands.
        OneToOneBandsInput => "一对一服务档次", "One-to-one bands";
        /// Label: group bands.
        GroupBandsInput => "集中服务档次（可不填）", "Group session bands (optional)";
        /// Hint under the bands.
        BandsHint => "每行一个档次：最少分钟数=金额（元），例如 30=100。", "One band a line: least minutes=yuan, e.g. 30=100.";
        /// Label: transport in yuan.
        TransportYuan => "交通补贴（元/次）", "Transport (yuan a service)";
        /// Label: cap in yuan.
        YearlyCapYuan => "年度上限（元）", "Yearly cap (yuan)";
        /// Save.
        SavePolicy => "保存补贴标准", "Save the standard";
        /// No versions.
        NoPolicies => "本地区及上级地区尚未设置导师服务补贴标准。", "No mentor fee standard is set here or above.";
        /// Heading: the group sessions to confirm.
        GroupServicesTitle => "集中服务确认", "Group sessions to confirm";
        /// Lead of the group sessions.
        GroupServicesLead =>
            "导师记录的集中服务经人社部门确认确已举办后，方可计发师资费。",
            "A group session the mentor recorded earns a service fee only once the bureau confirms it took place.";
        /// None recorded.
        NoGroupServices => "本地区暂无已记录的集中服务。", "No group session has been recorded in the region.";
        /// Confirm one.
        ConfirmHeld => "确认已举办", "Confirm it took place";
    }

    /// One band: at least `minutes` earns `fee`.
    fn band_line(minutes: &str, fee: &str) => "满 {minutes} 分钟 {fee}", "{minutes} min or more: {fee}";
    /// The year the cap counts.
    fn cap_year(year: &str) => "{year} 年度", "In {year}";
    /// Claim the service of `when`.
    fn claim_service_at(when: &str) => "申领 {when} 的服务", "Claim the service of {when}";
    /// Of the people seated, how many confirmed attending.
    fn attended_of(attended: &str, seated: &str) => "到场确认 {attended} / {seated} 人", "Attended {attended} of {seated}";
    /// The bureau confirmed the group session on `date`.
    fn confirmed_on(date: &str) => "已确认 {date}", "Confirmed {date}";
    /// Confirm that the group session `topic` of `when` took place.
    fn confirm_held_of(topic: &str, when: &str) => "确认“{topic}”（{when}）已举办", "Confirm “{topic}” ({when}) took place";
}

/// What a fee line pays.
pub fn fee_line_kind_name(lang: Lang, kind: FeeLineKind) -> &'static str {
    match kind {
        FeeLineKind::Fee => pick(lang, "师资费", "Fee"),
        FeeLineKind::Transport => pick(lang, "交通补贴", "Transport"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_kind_reads_differently_in_each_language() {
        for k in FeeLineKind::ALL {
            assert_ne!(fee_line_kind_name(Lang::Zh, *k), fee_line_kind_name(Lang::En, *k), "{k:?}");
        }
        assert_eq!(band_line(Lang::En, "30", "¥100.00"), "30 min or more: ¥100.00");
        assert_eq!(attended_of(Lang::Zh, "3", "5"), "到场确认 3 / 5 人");
        assert_eq!(attended_of(Lang::En, "3", "5"), "Attended 3 of 5");
    }
}
