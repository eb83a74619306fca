//! Why a claim cannot be paid, in plain words: the reasons the training
//! subsidy, the studio grant and the service fees share
//! ([`IneligibleReason`]). The match is exhaustive, so a new reason in
//! `shared` does not build until it is translated here.

use malanhua_shared::api::subsidies::IneligibleReason;

use super::{Lang, pick};

/// Why a claim cannot be paid (a certificate earns no subsidy, a studio or
/// a service does not qualify), in plain words.
pub fn ineligible_reason_text(lang: Lang, reason: IneligibleReason) -> &'static str {
    match reason {
        IneligibleReason::CertificateMissing => pick(lang, "未找到该证书。", "The certificate could not be found."),
        IneligibleReason::CertificateRevoked => pick(lang, "该证书已被撤销。", "The certificate has been revoked."),
        IneligibleReason::ClassNotApprovedBeforeStart => pick(
            lang,
            "该班期未在开班前获得人社部门批准。",
            "The class was not approved by the bureau before it started.",
        ),
        IneligibleReason::NoEligibleGroup => pick(
            lang,
            "培训时您不属于补贴政策覆盖的重点群体（或尚未申报）。",
            "On the training date you were not in a group the policy covers (or have not declared one).",
        ),
        IneligibleReason::GroupNotVerified => pick(
            lang,
            "所申报的重点群体身份尚未经人社部门核验，核验通过后方可复审、公示和拨付。",
            "The declared priority group has not been verified by the bureau yet; approval, notice and payment wait for it.",
        ),
        IneligibleReason::WindowExpired => pick(
            lang,
            "已超过发证后的补贴申请期限。",
            "The time allowed for claiming after the certificate has passed.",
        ),
        IneligibleReason::AlreadySubsidised => pick(
            lang,
            "您已就同类课程享受过（或正在申请）培训补贴。",
            "You have already had (or are claiming) a subsidy for this course.",
        ),
        IneligibleReason::AlreadySubsidisedThisYear => pick(
            lang,
            "按本地政策每人每年只能享受一次培训补贴，本年度已有补贴。",
            "The local policy allows one training subsidy a year, and there is one for that year.",
        ),
        IneligibleReason::NoPolicy => pick(
            lang,
            "发证时本地区没有适用的培训补贴政策。",
            "No training subsidy policy was in force in the region on the certificate date.",
        ),
        IneligibleReason::PayeeMismatch => {
            pick(lang, "按政策该补贴由另一方申请领取。", "Under the policy this subsidy is claimed by someone else.")
        }
        IneligibleReason::ClassCostUnknown => pick(
            lang,
            "该补贴“最高不超过”政策金额，但班期未登记每人培训费用。",
            "This subsidy pays up to an amount, and the class names no fee per trainee.",
        ),
        IneligibleReason::GroupNotLocal => pick(
            lang,
            "该补贴只面向本地重点群体，您申报的身份不是在本地区登记或认定的。",
            "This subsidy is for local people, and your group was not registered or issued in the region.",
        ),
        IneligibleReason::NoStudioPolicy => {
            pick(lang, "本地区尚未设置创业指导师工作室政策。", "No studio policy is in force in the region.")
        }
        IneligibleReason::LeaderNotActive => {
            pick(lang, "领办人不是聘期内的在聘创业导师。", "The leader is not an admitted mentor within their term.")
        }
        IneligibleReason::MemberNotActive => {
            pick(lang, "有成员不是本地区在聘的创业导师。", "A member is not an active mentor of the region.")
        }
        IneligibleReason::TooFewMembers => pick(
            lang,
            "除领办人外的成员人数少于政策要求。",
            "There are fewer members besides the leader than the policy asks.",
        ),
        IneligibleReason::TooFewServices => pick(
            lang,
            "领办人和成员上一年度的有效服务次数少于政策要求。",
            "The leader and members gave fewer countable services in the past year than the policy asks.",
        ),
        IneligibleReason::MemberInOtherStudio => pick(
            lang,
            "领办人或有成员已属于另一个工作室。",
            "The leader or a member already belongs to another studio.",
        ),
        IneligibleReason::BannedAfterRevocation => pick(
            lang,
            "领办人的工作室曾被撤销认定，限制申报期尚未结束。",
            "The leader's studio was revoked and the ban on applying has not ended.",
        ),
        IneligibleReason::StudioAlreadyRecognised => pick(
            lang,
            "领办人已有按本政策申报或认定的工作室。",
            "The leader already has a studio applied for or recognised under this policy.",
        ),
        IneligibleReason::RecordAlreadyCited => pick(
            lang,
            "所引用的服务记录已被另一份申报引用。",
            "A cited service record is cited by another application.",
        ),
        IneligibleReason::RecordNotCountable => pick(
            lang,
            "有引用的服务记录不能计入：不是领办人或成员的服务、不在上一年度内，或未经服务对象确认。",
            "A cited service record does not count: not by the leader or a member, outside the past year, or not confirmed by the person served.",
        ),
        IneligibleReason::StudioNotApplied => {
            pick(lang, "该工作室已不在等待资助的状态。", "The studio is no longer waiting for its grant.")
        }
        IneligibleReason::NoFeePolicy => pick(
            lang,
            "服务当日本地区没有适用的导师服务补贴政策。",
            "No service-fee policy was in force on the day of the service.",
        ),
        IneligibleReason::ServiceNotConfirmed => pick(
            lang,
            "该服务尚未记录，或尚未经服务对象确认（集中服务由人社部门确认）。",
            "The service has no record yet, or the person served (the bureau, for a group session) has not confirmed it.",
        ),
        IneligibleReason::ServiceTooShort => {
            pick(lang, "服务时长不足政策最低档次的时长。", "The service is shorter than the policy's shortest band.")
        }
        IneligibleReason::ServiceAlreadyClaimed => {
            pick(lang, "该服务已申领过补贴。", "This service has already been claimed.")
        }
        IneligibleReason::OverYearlyCap => {
            pick(lang, "已达到本年度服务补贴上限。", "The yearly cap on service fees is reached.")
        }
        IneligibleReason::MentorNotActive => {
            pick(lang, "导师当前不在聘，暂不能申领。", "The mentor is not active in the library.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_differently_in_each_language() {
        for r in IneligibleReason::ALL {
            assert_ne!(ineligible_reason_text(Lang::Zh, *r), ineligible_reason_text(Lang::En, *r), "{r:?}");
        }
    }
}
