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
    }
);

impl NotificationKind {
    /// About a subsidy claim (the reader's, or a class's batch).
    pub fn is_about_a_claim(self) -> bool {
        matches!(
            self,
            Self::ClaimDrafted | Self::ClaimReturned | Self::ClaimRejected | Self::ClaimPaid | Self::SubsidyRecovery
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
