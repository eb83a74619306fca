//! What the audit log and the notifications speak of: typed, so the server
//! writes only known actions and kinds, and the web app translates each one
//! exhaustively.

named_enum!(
    /// One audited action, `feature.verb`.
    AuditAction {
        /// An administrator was made from the command line.
        GrantAdmin = "account.grant_admin",
        /// An officer was made for a region.
        GrantBureauOfficer = "account.grant_bureau_officer",
        /// Staff were made for an institution.
        GrantInstitutionStaff = "account.grant_institution_staff",
        /// A trainee signed up.
        Register = "account.register",
        /// The real-name profile was saved.
        UpdateProfile = "account.update_profile",
        /// An institution was designated.
        DesignateInstitution = "institution.designate",
        /// Someone signed in.
        SignIn = "session.sign_in",
        /// Someone signed out.
        SignOut = "session.sign_out",
        /// Someone ended all their sessions.
        SignOutEverywhere = "session.sign_out_everywhere",
        /// Someone changed their password.
        ChangePassword = "account.change_password",
        /// A staff role was taken away.
        RevokeRole = "account.revoke_role",
        /// A staff role was offered to a mobile (granted once its owner proves it).
        InviteStaff = "account.invite_staff",
        /// The owner of a mobile proved it and took up the roles offered.
        AcceptInvitation = "account.accept_invitation",
        /// A password was set with a code sent by SMS.
        ResetPassword = "account.reset_password",
        /// An officer bound a resident ID to its rightful account, taking it
        /// from the account that held it.
        CorrectResidentId = "account.correct_resident_id",
        /// A person downloaded their data.
        ExportData = "account.export_data",
        /// A person asked for their account to be deleted.
        RequestDeletion = "account.request_deletion",
        /// The bureau carried out a deletion: the account's personal data erased.
        CarryOutDeletion = "account.carry_out_deletion",
        /// The bureau refused a deletion (records the law requires keeping).
        RefuseDeletion = "account.refuse_deletion",
        /// A subsidy policy version above the second-officer amount was proposed.
        ProposeSubsidyPolicy = "subsidy_policy.propose",
        /// A second officer confirmed a proposed subsidy policy version.
        ConfirmSubsidyPolicy = "subsidy_policy.confirm",
        /// A second officer turned a proposed subsidy policy version down.
        RejectSubsidyPolicy = "subsidy_policy.reject",
        /// A course policy was set.
        SetCoursePolicy = "policy.set",
        /// A trainer was added.
        AddTrainer = "trainer.add",
        /// A class was filed for approval.
        FileClass = "class.file",
        /// A class was approved.
        ApproveClass = "class.approve",
        /// A class was refused.
        RejectClass = "class.reject",
        /// A class was called off.
        CancelClass = "class.cancel",
        /// A class that had begun was ended early (what happened stays).
        EndClassEarly = "class.end_early",
        /// A trainee took a seat.
        Enrol = "enrolment.enrol",
        /// A trainee joined the waitlist.
        Waitlist = "enrolment.waitlist",
        /// A waitlisted trainee got a seat.
        Promote = "enrolment.promote",
        /// A trainee left a class.
        Withdraw = "enrolment.withdraw",
        /// A check-in code was issued for a session.
        IssueCheckinCode = "attendance.issue_code",
        /// A trainee checked in with a code.
        CheckIn = "attendance.check_in",
        /// Staff marked attendance.
        MarkAttendance = "attendance.mark",
        /// An assessment was recorded.
        RecordAssessment = "assessment.record",
        /// A completion report was sent to the bureau.
        SubmitCompletion = "completion.submit",
        /// A completion was approved and certificates issued.
        ApproveCompletion = "completion.approve",
        /// A completion was sent back.
        ReturnCompletion = "completion.return",
        /// A certificate was revoked.
        RevokeCertificate = "certificate.revoke",
        /// A subsidy policy version was set.
        SetSubsidyPolicy = "subsidy_policy.set",
        /// A priority group was declared.
        DeclareGroup = "priority_group.declare",
        /// A declared group was verified.
        VerifyGroup = "priority_group.verify",
        /// A declared group was rejected.
        RejectGroup = "priority_group.reject",
        /// A claim was drafted by the system (免申即享).
        DraftClaim = "claim.draft",
        /// A claim was filed.
        FileClaim = "claim.file",
        /// A draft was submitted.
        SubmitClaim = "claim.submit",
        /// A returned claim was filed again.
        ResubmitClaim = "claim.resubmit",
        /// 初审.
        ReviewClaim = "claim.review",
        /// 复审.
        ApproveClaim = "claim.approve",
        /// 公示.
        PublishClaim = "claim.publish",
        /// 拨付.
        PayClaim = "claim.pay",
        /// 退回补正.
        ReturnClaim = "claim.return",
        /// 不予补贴.
        RejectClaim = "claim.reject",
        /// An objection was filed during notice.
        ObjectToClaim = "claim.objection",
        /// An objection was dismissed; notice resumes.
        DismissObjection = "claim.objection_dismissed",
        /// An objection was upheld; the claim is rejected.
        UpholdObjection = "claim.objection_upheld",
        /// A paid subsidy is to be recovered (追回): its certificate was revoked.
        OpenRecovery = "claim.recovery_opened",
        /// The recovered money came back.
        RecordRecovery = "claim.recovered",
        /// A mentor-library policy was set.
        SetMentorPolicy = "mentor_policy.set",
        /// Someone applied to a region's mentor library.
        ApplyMentor = "mentor.apply",
        /// A mentor's profile was edited.
        UpdateMentorProfile = "mentor.update_profile",
        /// A mentor's availability was set.
        SetAvailability = "mentor.set_availability",
        /// An application was admitted for a term (聘任).
        AdmitMentor = "mentor.admit",
        /// An application was refused.
        RefuseMentor = "mentor.refuse",
        /// A mentor was suspended.
        SuspendMentor = "mentor.suspend",
        /// A suspended mentor was reinstated.
        ReinstateMentor = "mentor.reinstate",
        /// A mentor was removed (解聘).
        RemoveMentor = "mentor.remove",
        /// A mentor's term ended.
        ExpireMentor = "mentor.expire",
        /// An appointment was requested.
        RequestAppointment = "appointment.request",
        /// The mentor confirmed an appointment.
        ConfirmAppointment = "appointment.confirm",
        /// The mentor declined a request (or the library did, for an inactive mentor).
        DeclineAppointment = "appointment.decline",
        /// A request was not answered in time.
        ExpireAppointment = "appointment.expire",
        /// An appointment was cancelled.
        CancelAppointment = "appointment.cancel",
        /// An appointment moved to another time.
        RescheduleAppointment = "appointment.reschedule",
        /// A service record was written.
        RecordService = "service.record",
        /// A person was marked absent.
        MarkNoShow = "service.no_show",
        /// A person confirmed a service and rated it.
        RateService = "service.rate",
        /// A group session was published.
        PublishGroupSession = "group_session.publish",
        /// A group session was called off.
        CancelGroupSession = "group_session.cancel",
        /// A person took a seat in a group session.
        JoinGroupSession = "group_session.join",
        /// A person joined a group session's waitlist.
        WaitlistGroupSession = "group_session.waitlist",
        /// A waitlisted person got a seat.
        PromoteGroupSeat = "group_session.promote",
        /// A person left a group session.
        LeaveGroupSession = "group_session.leave",
        /// The administrator set a day of the working-day calendar.
        SetCalendarDay = "calendar.set_day",
        /// The administrator removed a day from the working-day calendar.
        ClearCalendarDay = "calendar.clear_day",
        /// A studio policy version was set.
        SetStudioPolicy = "studio_policy.set",
        /// A mentor applied for a studio.
        ApplyStudio = "studio.apply",
        /// A studio was recognised (its grant paid).
        RecogniseStudio = "studio.recognise",
        /// A studio's application was refused (its grant claim rejected).
        RefuseStudio = "studio.refuse",
        /// A studio filed a periodic report.
        ReportStudio = "studio.report",
        /// A studio was evaluated.
        EvaluateStudio = "studio.evaluate",
        /// A studio was revoked.
        RevokeStudio = "studio.revoke",
        /// A service-fee policy version was set.
        SetFeePolicy = "fee_policy.set",
        /// A service was claimed on a mentor's fee claim.
        ClaimServiceFee = "service_fee.claim",
        /// The bureau confirmed a group session took place.
        ConfirmGroupService = "service.bureau_confirm",
        /// What happened after the course was recorded for a certificate.
        RecordOutcome = "outcome.record",
        /// An officer notified a person from the outreach list (政策找人).
        NudgePerson = "outreach.nudge",
    }
);

named_enum!(
    /// What an in-app notification tells its reader.
    NotificationKind {
        /// The class's opening was approved.
        ClassApproved = "class_approved",
        /// The class's opening was refused.
        ClassRejected = "class_rejected",
        /// A seat is the reader's.
        Enrolled = "enrolled",
        /// The reader is on the waitlist.
        Waitlisted = "waitlisted",
        /// A seat came free for the reader.
        Promoted = "promoted",
        /// The class was called off.
        ClassCancelled = "class_cancelled",
        /// The class that began was ended early; its remaining sessions will not take place.
        ClassEndedEarly = "class_ended_early",
        /// A certificate was issued.
        CertificateIssued = "certificate_issued",
        /// A certificate was revoked.
        CertificateRevoked = "certificate_revoked",
        /// The completion report came back.
        CompletionReturned = "completion_returned",
        /// A claim was drafted for the reader.
        ClaimDrafted = "claim_drafted",
        /// A claim came back for correction.
        ClaimReturned = "claim_returned",
        /// A claim was refused.
        ClaimRejected = "claim_rejected",
        /// A claim was paid.
        ClaimPaid = "claim_paid",
        /// A paid subsidy is to be returned: its certificate was revoked.
        SubsidyRecovery = "subsidy_recovery",
        /// The reader's application to the mentor library was admitted.
        MentorAdmitted = "mentor_admitted",
        /// The reader's application was refused.
        MentorRefused = "mentor_refused",
        /// The reader was suspended from the library.
        MentorSuspended = "mentor_suspended",
        /// The reader was reinstated.
        MentorReinstated = "mentor_reinstated",
        /// The reader was removed from the library.
        MentorRemoved = "mentor_removed",
        /// The reader's term ended.
        MentorExpired = "mentor_expired",
        /// (to the mentor) Someone asked for an appointment.
        AppointmentRequested = "appointment_requested",
        /// The mentor confirmed the reader's appointment.
        AppointmentConfirmed = "appointment_confirmed",
        /// The reader's request was declined.
        AppointmentDeclined = "appointment_declined",
        /// The reader's request was not answered in time (or, to the mentor, left unanswered).
        AppointmentExpired = "appointment_expired",
        /// An appointment was cancelled by the other side.
        AppointmentCancelled = "appointment_cancelled",
        /// An appointment moved to another time.
        AppointmentRescheduled = "appointment_rescheduled",
        /// An appointment starts within a day.
        AppointmentReminder = "appointment_reminder",
        /// A seat in a group session came free for the reader.
        GroupSeatPromoted = "group_seat_promoted",
        /// A group session was called off.
        GroupSessionCancelled = "group_session_cancelled",
        /// A group session starts within a day.
        GroupSessionReminder = "group_session_reminder",
        /// The reader's studio was recognised.
        StudioRecognised = "studio_recognised",
        /// The reader's studio application was refused.
        StudioRefused = "studio_refused",
        /// The reader's studio must rectify by a deadline.
        StudioRectification = "studio_rectification",
        /// The reader's studio was revoked.
        StudioRevoked = "studio_revoked",
        /// A month's service-fee claim was drafted for the reader.
        FeeClaimDrafted = "fee_claim_drafted",
        /// A follow-up point after the reader's certificate is due: what happened after the course?
        OutcomeFollowUp = "outcome_follow_up",
        /// (政策找人) The reader holds a certificate they may claim a subsidy for.
        NudgeUnclaimed = "nudge_unclaimed",
        /// (政策找人) The claim window of the reader's certificate closes soon.
        NudgeWindowClosing = "nudge_window_closing",
        /// (政策找人) The reader's declared group waits for its evidence to be checked.
        NudgeDeclaration = "nudge_declaration",
        /// (政策找人) After SYB the reader may take IYB.
        NudgeIyb = "nudge_iyb",
    }
);

impl NotificationKind {
    /// About a subsidy claim (the reader's, or a class's batch).
    pub fn is_about_a_claim(self) -> bool {
        matches!(
            self,
            Self::ClaimDrafted
                | Self::ClaimReturned
                | Self::ClaimRejected
                | Self::ClaimPaid
                | Self::SubsidyRecovery
                | Self::FeeClaimDrafted
        )
    }
}

impl AuditAction {
    /// The audited step of an officer's claim action.
    pub fn of_claim_action(action: crate::api::subsidies::ClaimAction) -> AuditAction {
        use crate::api::subsidies::ClaimAction as A;
        match action {
            A::Review => Self::ReviewClaim,
            A::Approve => Self::ApproveClaim,
            A::Publish => Self::PublishClaim,
            A::Pay => Self::PayClaim,
            A::Return => Self::ReturnClaim,
            A::Reject => Self::RejectClaim,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::from_name(a.as_str()), Some(*a));
        }
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::from_name(k.as_str()), Some(*k));
        }
        let mut names: Vec<_> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), AuditAction::ALL.len());
    }

    #[test]
    fn claim_actions_are_audited_under_their_own_names() {
        for a in crate::api::subsidies::ClaimAction::ALL {
            assert_eq!(AuditAction::of_claim_action(*a).as_str(), format!("claim.{}", a.as_str()));
        }
    }
}
