//! Texts of 创业一件事, the founder's one page.

use malanhua_shared::api::journey::{JourneyArea, NextStep};

use super::{Lang, pick};

messages! {
    /// The journey texts without arguments.
    pub enum JourneyKey {
        /// Page title, nav and card.
        JourneyTitle => "创业一件事", "My journey";
        /// What the page shows.
        JourneyLead =>
            "培训、证书、补贴、导师预约与结业后跟踪，一页看全。每一行写明下一步，先做的排在前面。",
            "Your classes, certificates, subsidies, mentor appointments and follow-up in one place. Each line says what comes next; what you can do now comes first.";
        /// The dashboard card's body.
        CardJourneyBody => "一页看全您的创业之路和下一步。", "Everything on your way to a business, and the next step, on one page.";
        /// Nothing to do now.
        AllCaughtUp => "目前没有需要您办理的事项。", "Nothing waits on you right now.";
        /// Badge of a step to take.
        ToDo => "待办", "To do";
    }
    /// The amount a line is about.
    fn amount_line(yuan: &str) => "金额 {yuan}", "Amount {yuan}";
    /// When.
    fn when_line(at: &str) => "时间：{at}", "When: {at}";
    /// By when.
    fn due_line(day: &str) => "请于 {day} 前后填写", "Due around {day}";
}

/// A line's area.
pub fn journey_area_name(lang: Lang, area: JourneyArea) -> &'static str {
    let (zh, en) = match area {
        JourneyArea::Training => ("培训", "Training"),
        JourneyArea::Subsidy => ("补贴", "Subsidy"),
        JourneyArea::Outcome => ("结业后跟踪", "After the course"),
        JourneyArea::Mentoring => ("创业导师", "Mentoring"),
    };
    pick(lang, zh, en)
}

/// A step's text and its action's label.
pub fn next_step_text(lang: Lang, step: NextStep) -> (&'static str, &'static str) {
    let ((zh, en), (azh, aen)) = match step {
        NextStep::FindClass => {
            (("报名一门创业培训课程。", "Enrol in an entrepreneurship class."), ("浏览课程", "Browse classes"))
        }
        NextStep::AttendClass => {
            (("按时参加培训并签到。", "Attend the sessions and check in."), ("查看课程", "Open the class"))
        }
        NextStep::AwaitSeat => (
            ("您在候补名单中，有名额时会通知您。", "You are on the waitlist; you will be told when a seat comes free."),
            ("查看课程", "Open the class"),
        ),
        NextStep::AwaitCertificate => (
            (
                "培训已结束，等待机构报送结业和人社部门发证。",
                "The class has ended; the certificate follows the institution's report and the bureau's decision.",
            ),
            ("查看课程", "Open the class"),
        ),
        NextStep::FileClaim => (
            ("您可以申领培训补贴，请提交申请。", "You may claim the training subsidy: file your claim."),
            ("去申领", "Claim now"),
        ),
        NextStep::CorrectClaim => (
            (
                "补贴申请被退回补正，请修改后重新提交。",
                "Your claim came back for correction: correct it and file it again.",
            ),
            ("去补正", "Correct it"),
        ),
        NextStep::AwaitDecision => {
            (("补贴申请正在审核中。", "The bureau is deciding your claim."), ("查看申请", "Open the claim"))
        }
        NextStep::DeclareGroup => (
            ("申报重点群体身份后即可申领补贴。", "Declare your priority group and you may claim the subsidy."),
            ("去申报", "Declare it"),
        ),
        NextStep::NothingToClaim => {
            (("该证书暂无可申领的补贴。", "Nothing to claim for this certificate."), ("我的补贴", "My subsidies"))
        }
        NextStep::Paid => (("补贴已拨付。", "The subsidy has been paid."), ("查看申请", "Open the claim")),
        NextStep::Refused => (("补贴申请未获通过。", "The claim was refused."), ("查看申请", "Open the claim")),
        NextStep::RecordOutcome => (
            ("结业后跟踪回访：请告诉我们您的创业情况。", "Follow-up: tell us whether you have started a business."),
            ("去填写", "Tell us"),
        ),
        NextStep::AwaitMentor => (
            ("等待导师答复或登记服务。", "Waiting for the mentor to answer or record the service."),
            ("我的预约", "My appointments"),
        ),
        NextStep::MeetMentor => (
            ("预约已确认，请按时参加。", "The appointment is confirmed; be there on time."),
            ("我的预约", "My appointments"),
        ),
        NextStep::RateService => (
            ("导师已登记服务，请确认并评价。", "The mentor recorded the service: confirm and rate it."),
            ("去评价", "Rate it"),
        ),
        NextStep::FindMentor => (
            ("创业路上可预约创业导师一对一指导。", "A mentor can advise you one to one on your way to a business."),
            ("找导师", "Find a mentor"),
        ),
    };
    (pick(lang, zh, en), pick(lang, azh, aen))
}
