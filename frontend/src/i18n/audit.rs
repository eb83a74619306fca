//! The audit log's actions and the notifications' kinds, in words. Both
//! match exhaustively: a new action or kind in `shared` does not build until
//! it is translated here.

use malanhua_shared::audit::{AuditAction, NotificationKind};

use super::{Lang, pick};

/// A step of a record's history (a claim's timeline), in words.
pub fn timeline_action_name(lang: Lang, action: AuditAction) -> &'static str {
    use AuditAction as A;
    let (zh, en) = match action {
        A::GrantAdmin => ("设为系统管理员", "Made administrator"),
        A::GrantBureauOfficer => ("设为人社部门经办人员", "Made bureau officer"),
        A::GrantInstitutionStaff => ("设为培训机构工作人员", "Made institution staff"),
        A::Register => ("注册账号", "Signed up"),
        A::UpdateProfile => ("保存实名信息", "Real-name profile saved"),
        A::DesignateInstitution => ("认定培训机构", "Institution designated"),
        A::SignIn => ("登录", "Signed in"),
        A::SignOut => ("退出登录", "Signed out"),
        A::SignOutEverywhere => ("退出全部登录", "Signed out everywhere"),
        A::ChangePassword => ("修改密码", "Changed the password"),
        A::RevokeRole => ("撤销角色", "Revoked a role"),
        A::InviteStaff => ("邀请工作人员", "Staff role offered"),
        A::AcceptInvitation => ("验证手机号并启用角色", "Mobile proved, roles taken up"),
        A::ResetPassword => ("短信验证后设置密码", "Password set by SMS code"),
        A::CorrectResidentId => ("更正身份证号归属", "Resident ID corrected"),
        A::ExportData => ("下载个人数据", "Personal data downloaded"),
        A::RequestDeletion => ("申请注销账户", "Account deletion requested"),
        A::CarryOutDeletion => ("注销账户（删除个人信息）", "Account deleted (personal data erased)"),
        A::RefuseDeletion => ("不予注销", "Deletion refused"),
        A::SetCoursePolicy => ("设置课程标准", "Course policy set"),
        A::AddTrainer => ("添加培训讲师", "Trainer added"),
        A::FileClass => ("提交开班申请", "Opening request filed"),
        A::ApproveClass => ("批准开班", "Class approved"),
        A::RejectClass => ("不予开班", "Class rejected"),
        A::CancelClass => ("取消班期", "Class cancelled"),
        A::EndClassEarly => ("提前结束班期", "Class ended early"),
        A::Enrol => ("报名成功", "Enrolled"),
        A::Waitlist => ("进入候补名单", "Waitlisted"),
        A::Promote => ("候补转正", "Promoted from the waitlist"),
        A::Withdraw => ("退出班期", "Withdrew"),
        A::IssueCheckinCode => ("生成签到码", "Check-in code issued"),
        A::CheckIn => ("签到", "Checked in"),
        A::MarkAttendance => ("登记考勤", "Attendance marked"),
        A::RecordAssessment => ("登记考核结果", "Assessment recorded"),
        A::SubmitCompletion => ("提交结业审核", "Completion submitted"),
        A::ApproveCompletion => ("结业审核通过，发放证书", "Completion approved, certificates issued"),
        A::ReturnCompletion => ("结业审核退回", "Completion returned"),
        A::RevokeCertificate => ("撤销证书", "Certificate revoked"),
        A::SetSubsidyPolicy => ("设置补贴标准", "Subsidy standard set"),
        A::ProposeSubsidyPolicy => ("提交补贴标准待复核", "Subsidy standard proposed for a second officer"),
        A::ConfirmSubsidyPolicy => ("复核确认补贴标准", "Subsidy standard confirmed by a second officer"),
        A::RejectSubsidyPolicy => ("复核退回补贴标准", "Subsidy standard turned down by a second officer"),
        A::DeclareGroup => ("申报重点群体", "Priority group declared"),
        A::VerifyGroup => ("重点群体核验通过", "Priority group verified"),
        A::RejectGroup => ("重点群体核验未通过", "Priority group rejected"),
        A::DraftClaim => ("系统生成补贴申请（免申即享）", "Claim drafted by the system"),
        A::FileClaim | A::SubmitClaim => ("提交补贴申请", "Claim filed"),
        A::ResubmitClaim => ("补正后重新提交", "Resubmitted after correction"),
        A::ReviewClaim => ("初审通过", "Review passed"),
        A::ApproveClaim => ("复审通过", "Approved"),
        A::PublishClaim => ("发布公示", "Published on notice"),
        A::PayClaim => ("确认拨付", "Paid"),
        A::ReturnClaim => ("退回补正", "Returned for correction"),
        A::RejectClaim => ("不予补贴", "Rejected"),
        A::ObjectToClaim => ("收到公示异议", "Objection received"),
        A::DismissObjection => ("异议不成立，恢复公示", "Objection dismissed, notice resumed"),
        A::UpholdObjection => ("异议成立，不予补贴", "Objection upheld, claim rejected"),
        A::OpenRecovery => ("证书被撤销，已拨付补贴须追回", "Certificate revoked: the paid subsidy is to be recovered"),
        A::RecordRecovery => ("追回款项已到账", "Recovered money received"),
        A::SetMentorPolicy => ("设置导师库政策", "Mentor library policy set"),
        A::ApplyMentor => ("申报创业导师", "Applied as a mentor"),
        A::UpdateMentorProfile => ("修改导师资料", "Mentor profile edited"),
        A::SetAvailability => ("设置可预约时间", "Availability set"),
        A::AdmitMentor => ("聘任创业导师", "Mentor admitted"),
        A::RefuseMentor => ("不予聘任", "Mentor application refused"),
        A::SuspendMentor => ("暂停导师服务", "Mentor suspended"),
        A::ReinstateMentor => ("恢复导师服务", "Mentor reinstated"),
        A::RemoveMentor => ("解聘创业导师", "Mentor removed"),
        A::ExpireMentor => ("导师聘期届满", "Mentor's term ended"),
        A::RequestAppointment => ("申请预约", "Appointment requested"),
        A::ConfirmAppointment => ("确认预约", "Appointment confirmed"),
        A::DeclineAppointment => ("婉拒预约", "Appointment declined"),
        A::ExpireAppointment => ("预约申请已过期", "Appointment request expired"),
        A::CancelAppointment => ("取消预约", "Appointment cancelled"),
        A::RescheduleAppointment => ("预约改期", "Appointment rescheduled"),
        A::RecordService => ("记录导师服务", "Service recorded"),
        A::MarkNoShow => ("标记未到", "Marked absent"),
        A::RateService => ("确认服务并评价", "Service confirmed and rated"),
        A::PublishGroupSession => ("发布集中服务", "Group session published"),
        A::CancelGroupSession => ("取消集中服务", "Group session cancelled"),
        A::JoinGroupSession => ("报名集中服务", "Joined a group session"),
        A::WaitlistGroupSession => ("进入集中服务候补", "Waitlisted for a group session"),
        A::PromoteGroupSeat => ("集中服务候补转正", "Promoted in a group session"),
        A::LeaveGroupSession => ("退出集中服务", "Left a group session"),
        A::SetCalendarDay => ("登记节假日安排", "Calendar day set"),
        A::ClearCalendarDay => ("删除节假日安排", "Calendar day removed"),
        A::SetStudioPolicy => ("设置工作室政策", "Studio policy set"),
        A::ApplyStudio => ("申报创业指导师工作室", "Applied for a studio"),
        A::RecogniseStudio => ("认定工作室", "Studio recognised"),
        A::RefuseStudio => ("工作室未获认定", "Studio refused"),
        A::ReportStudio => ("提交工作室定期报告", "Studio report filed"),
        A::EvaluateStudio => ("工作室年度考核", "Studio evaluated"),
        A::RevokeStudio => ("撤销工作室认定", "Studio revoked"),
        A::SetFeePolicy => ("设置导师服务补贴标准", "Service-fee policy set"),
        A::ClaimServiceFee => ("申领导师服务补贴", "Service fee claimed"),
        A::ConfirmGroupService => ("人社部门确认集中服务", "Group session confirmed by the bureau"),
        A::RecordOutcome => ("登记培训后创业情况", "Outcome after the course recorded"),
        A::NudgePerson => ("政策找人：提醒本人", "Person notified of what they may claim"),
    };
    pick(lang, zh, en)
}

/// What a notification says, by its kind, with `title` the class.
pub fn notification_text(lang: Lang, kind: NotificationKind, title: &str) -> String {
    use NotificationKind as K;
    let (zh, en) = match kind {
        K::ClassApproved => ("开班申请已获批准：", "Opening request approved: "),
        K::ClassRejected => ("开班申请未获批准：", "Opening request rejected: "),
        K::Enrolled => ("报名成功：", "You are enrolled: "),
        K::Waitlisted => ("已进入候补名单：", "You are on the waitlist: "),
        K::Promoted => ("候补成功，您已获得名额：", "A seat came free and is yours: "),
        K::ClassCancelled => ("班期已取消：", "Class cancelled: "),
        K::ClassEndedEarly => {
            ("班期已提前结束，剩余课次不再进行：", "Class ended early; the remaining sessions will not take place: ")
        }
        K::CertificateIssued => ("培训合格证书已发放：", "Your certificate has been issued: "),
        K::CertificateRevoked => ("培训合格证书已被撤销：", "Your certificate has been revoked: "),
        K::CompletionReturned => {
            ("结业审核被退回，请修改后重新提交：", "Completion review returned, please correct and hand in again: ")
        }
        K::ClaimDrafted => (
            "已为您的培训合格证书生成补贴申请，请查看并提交：",
            "A subsidy claim was drafted for your certificate; please check and file it: ",
        ),
        K::ClaimReturned => {
            ("补贴申请被退回，请补正后重新提交：", "Subsidy claim returned, please correct and resubmit: ")
        }
        K::ClaimRejected => ("补贴申请未获通过：", "Subsidy claim rejected: "),
        K::ClaimPaid => ("培训补贴已拨付：", "Training subsidy paid: "),
        K::SubsidyRecovery => {
            ("证书已撤销，须退回已拨付的培训补贴：", "Certificate revoked; the subsidy paid must be returned: ")
        }
        K::MentorAdmitted => ("您已被聘任为创业导师：", "You have been admitted as a mentor: "),
        K::MentorRefused => ("您的创业导师申报未获聘任：", "Your mentor application was refused: "),
        K::MentorSuspended => ("您的导师服务已被暂停：", "Your mentor service has been suspended: "),
        K::MentorReinstated => ("您的导师服务已恢复：", "Your mentor service has been reinstated: "),
        K::MentorRemoved => ("您已被解聘：", "You have been removed from the mentor library: "),
        K::MentorExpired => ("您的导师聘期已届满：", "Your mentor term has ended: "),
        K::AppointmentRequested => ("收到新的预约申请：", "New appointment request: "),
        K::AppointmentConfirmed => ("导师已确认预约：", "The mentor confirmed your appointment: "),
        K::AppointmentDeclined => ("预约申请被婉拒：", "Your appointment request was declined: "),
        K::AppointmentExpired => ("预约申请未获答复，已过期：", "Appointment request not answered in time: "),
        K::AppointmentCancelled => ("预约已被取消：", "Appointment cancelled: "),
        K::AppointmentRescheduled => ("预约已改期：", "Appointment moved to another time: "),
        K::AppointmentReminder => ("预约即将开始：", "Appointment coming up: "),
        K::GroupSeatPromoted => ("集中服务候补成功，您已获得名额：", "A group session seat came free and is yours: "),
        K::GroupSessionCancelled => ("集中服务已取消：", "Group session cancelled: "),
        K::GroupSessionReminder => ("集中服务即将开始：", "Group session coming up: "),
        K::StudioRecognised => ("您的工作室已获认定：", "Your studio has been recognised: "),
        K::StudioRefused => ("您的工作室申报未获认定：", "Your studio application was refused: "),
        K::StudioRectification => ("您的工作室须限期整改：", "Your studio must rectify by a deadline: "),
        K::StudioRevoked => ("您的工作室已被撤销认定：", "Your studio's recognition was revoked: "),
        K::FeeClaimDrafted => (
            "已生成本月导师服务补贴申请，请查看并提交：",
            "This month's service-fee claim was drafted; please check and file it: ",
        ),
        K::OutcomeFollowUp => (
            "培训后跟踪回访：请告诉我们您结业后的创业情况：",
            "Follow-up after your course: tell us whether you have started a business: ",
        ),
        K::NudgeUnclaimed => (
            "您可申领创业培训补贴，请在申领期内到“我的补贴”提交：",
            "You may claim a training subsidy; file it under My subsidies within the claim window: ",
        ),
        K::NudgeWindowClosing => (
            "您的创业培训补贴申领期即将截止，请尽快提交：",
            "The claim window for your training subsidy closes soon; file your claim now: ",
        ),
        K::NudgeDeclaration => (
            "您申报的重点群体身份正在核实，如需补充材料，请携带证明到人社部门办理。",
            "Your declared priority group is waiting to be checked; bring your proof to the bureau if asked.",
        ),
        K::NudgeIyb => (
            "您已完成 SYB 创业培训，可报名 IYB 改善你的企业培训。",
            "You have completed SYB; you may now take IYB (Improve Your Business).",
        ),
    };
    format!("{}{title}", pick(lang, zh, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_kind_reads_differently_in_each_language() {
        for a in AuditAction::ALL {
            assert_ne!(timeline_action_name(Lang::Zh, *a), timeline_action_name(Lang::En, *a), "{a:?}");
        }
        for k in NotificationKind::ALL {
            let (zh, en) = (notification_text(Lang::Zh, *k, "SYB 12"), notification_text(Lang::En, *k, "SYB 12"));
            assert!(zh.ends_with("SYB 12") && en.ends_with("SYB 12"), "{k:?}");
            assert_ne!(zh, en, "{k:?}");
        }
    }

    #[test]
    fn notifications_name_their_class() {
        let text = notification_text(Lang::En, NotificationKind::Waitlisted, "SYB 12");
        assert_eq!(text, "You are on the waitlist: SYB 12");
        let claim = notification_text(Lang::Zh, NotificationKind::ClaimPaid, "SYB 12");
        assert_eq!(claim, "培训补贴已拨付：SYB 12");
    }
}
