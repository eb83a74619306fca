//! Texts of attendance and check-in, results and the completion review,
//! certificates and their public check.

messages! {
    /// The certificates texts without arguments.
    pub enum CertificatesKey {
        // Certificates, attendance and completion
        /// Navigation: the trainee's certificates.
        NavMyCertificates => "我的证书", "My certificates";
        /// Footer link: the public certificate check.
        NavVerify => "证书查验", "Verify a certificate";
        /// Roster link to the completion page.
        CompletionLink => "考勤与结业", "Attendance and completion";
        /// My classes link to one class's record.
        MyClassRecord => "学习记录", "My record";
        /// Attendance sheet heading.
        AttendanceTitle => "考勤表", "Attendance sheet";
        /// Link back to the completion page.
        BackToCompletion => "返回考勤与结业", "Back to attendance and completion";
        /// Link back to the roster.
        BackToRoster => "返回学员名单", "Back to the roster";
        /// Link back to the bureau workbench.
        BackToBureau => "返回审批工作台", "Back to approvals";
        /// Link back to the completions list.
        BackToCompletions => "返回结业审核列表", "Back to completion reviews";
        /// Link back to my classes.
        BackToMyClasses => "返回我的课程", "Back to my classes";
        /// Heading of the marks form.
        MarksTitle => "学员考勤", "Trainees' attendance";
        /// What the marks form is for.
        MarksLead =>
            "为每位学员选择出勤情况，然后保存。迟到计为出勤，请假不计为出勤。",
            "Choose each trainee's attendance, then save. Late counts as attended; excused does not.";
        /// Shown before the session starts.
        MarksNotYet =>
            "考勤在该节课开始后开放登记，结业材料提交后锁定。",
            "Attendance opens when the session starts and is fixed once completion is submitted.";
        /// Heading of the marks' history.
        MarkHistoryTitle => "考勤更改记录", "Changes to attendance";
        /// Mark: present.
        MarkPresent => "出勤", "Present";
        /// Mark: late.
        MarkLate => "迟到", "Late";
        /// Mark: absent.
        MarkAbsent => "缺勤", "Absent";
        /// Mark: excused.
        MarkExcused => "请假", "Excused";
        /// No mark yet.
        MarkNone => "未记录", "Not recorded";
        /// Hint: the trainee checked in by code.
        ViaCode => "学员已用签到码签到", "Checked in with the code";
        /// Save the marks.
        SaveMarks => "保存考勤", "Save attendance";
        /// Marks saved.
        MarksSaved => "考勤已保存。", "Attendance saved.";
        /// Heading of the check-in code panel.
        CheckinCodeTitle => "课堂签到码", "Check-in code";
        /// What the check-in code is for.
        CheckinCodeLead =>
            "生成签到码并投屏展示，学员在“我的课程”中输入即可签到。",
            "Issue a code and show it in the room; trainees enter it under “My classes” to check in.";
        /// Button: issue a code.
        IssueCheckinCode => "生成签到码", "Issue a check-in code";
        /// Completion page title.
        CompletionTitle => "考勤与结业", "Attendance and completion";
        /// Heading of the sessions list.
        SessionsAttendance => "各次课考勤", "Attendance by session";
        /// Heading of the results form.
        ResultsTitle => "结业考核", "Final assessment";
        /// What the results form is for.
        ResultsLead =>
            "记录每位学员是否提交创业计划书、考核分数（0–100）与是否合格。",
            "Record for each trainee whether the business plan was handed in, the score (0–100) and whether they passed.";
        /// Results can no longer change.
        ResultsLocked =>
            "已提交结业审核，考核结果不能再修改。",
            "The class has been handed in for review; results can no longer change.";
        /// Column: business plan.
        ColPlan => "已交计划书", "Plan handed in";
        /// Column: score.
        ColScore => "分数", "Score";
        /// Column: passed.
        ColPassed => "合格", "Passed";
        /// Column: comment.
        ColComment => "评语", "Comment";
        /// Save the results.
        SaveResults => "保存考核结果", "Save results";
        /// Results saved.
        ResultsSaved => "考核结果已保存。", "Results saved.";
        /// Heading of the review.
        CompletionReviewTitle => "结业审核", "Completion review";
        /// Label before the status.
        CompletionStatusLabel => "结业状态：", "Completion status:";
        /// Status: none.
        CompletionNone => "未提交", "Not handed in";
        /// Status: submitted.
        CompletionSubmitted => "已提交，待人社部门审核", "Handed in, awaiting the bureau";
        /// Status: approved.
        CompletionApproved => "已通过，证书已发放", "Approved, certificates issued";
        /// Status: returned.
        CompletionReturned => "已退回，请修改后重新提交", "Returned, please correct and hand in again";
        /// Column: attendance.
        ColAttendance => "出勤", "Attendance";
        /// Column: result.
        ColResult => "考核结果", "Result";
        /// Column: qualified or why not.
        ColQualified => "是否可获证书", "Certificate due";
        /// Column: certificate number.
        ColCertificate => "证书编号", "Certificate number";
        /// Qualifies for a certificate.
        Qualified => "符合条件", "Qualifies";
        /// Between reasons.
        ListSeparator => "；", "; ";
        /// Reason: not assessed.
        ReasonNotAssessed => "尚未录入考核结果", "No result recorded yet";
        /// Reason: not passed.
        ReasonNotPassed => "考核不合格", "Did not pass the assessment";
        /// No result.
        ResultNone => "尚未考核", "Not assessed yet";
        /// Passed.
        ResultPassed => "合格", "Passed";
        /// Not passed.
        ResultFailed => "不合格", "Not passed";
        /// What handing in does.
        CompletionSubmitLead =>
            "所有课次结束并录入考核结果后，提交人社部门审核；审核通过后系统为合格学员发放证书。",
            "When every session is over and the results are in, hand the class in; once the bureau approves, qualifying trainees get their certificates.";
        /// Button: submit completion.
        SubmitCompletion => "提交结业审核", "Hand in for review";
        /// Bureau completions title.
        CompletionsTitle => "结业审核", "Completion reviews";
        /// Bureau completions lead.
        CompletionsLead =>
            "以下班期已提交结业材料，请审核后发放证书或退回。",
            "These classes have been handed in; approve to issue certificates, or return them.";
        /// Nothing waiting.
        CompletionsEmpty => "暂无待审核的结业申请。", "No classes are waiting for a completion review.";
        /// Heading of the decision form.
        CompletionDecisionTitle => "审核决定", "Decision";
        /// What the decision does.
        CompletionDecisionLead =>
            "通过后将为符合条件的学员发放证书；退回时须填写原因。",
            "Approving issues certificates to qualifying trainees; returning needs a reason.";
        /// Label of the reason input.
        ReturnReason => "意见或退回原因", "Comment or reason for returning";
        /// Hint of the reason input.
        ReturnReasonHint => "退回时必填", "Required when returning";
        /// Button: approve.
        ApproveCompletion => "通过并发证", "Approve and issue certificates";
        /// The question before approving a completion.
        ApproveCompletionQuestion => "批准结业并发放证书？", "Approve the completion and issue the certificates?";
        /// What approving does.
        ApproveCompletionConsequence =>
            "批准后，系统会为每位合格学员发放结业证书，并为符合条件的学员生成补贴申请。证书一经发放，只能逐张撤销。",
            "Each trainee who qualified gets a certificate at once, and a subsidy claim is drafted for those eligible. An issued certificate can only be revoked, one by one.";
        /// Button: return.
        ReturnCompletion => "退回", "Return";
        /// Heading of the issued list.
        IssuedCertificates => "已发放的证书", "Certificates issued";
        /// Trainee class page title.
        MyClassTitle => "学习记录", "My record";
        /// Not enrolled in the class.
        MyClassMissing => "没有找到您在该班期的报名记录。", "You have no place in this class.";
        /// Certificate issued.
        CertificateIssuedNote => "恭喜！您已获得培训合格证书。", "Congratulations! Your certificate has been issued.";
        /// Link to the certificate.
        ViewCertificate => "查看证书", "View certificate";
        /// Heading of the check-in form.
        CheckinTitle => "课堂签到", "Check in";
        /// What to do to check in.
        CheckinLead => "上课时输入老师展示的 6 位签到码。", "Enter the 6-digit code shown in class.";
        /// Label of the code input.
        CheckinCodeLabel => "签到码", "Check-in code";
        /// Button: check in.
        CheckinSubmit => "签到", "Check in";
        /// Heading of the trainee's attendance.
        MyAttendanceTitle => "我的考勤", "My attendance";
        /// Column: session.
        ColSession => "课次", "Session";
        /// Column: mark.
        ColMark => "出勤情况", "Attendance";
        /// Heading of the trainee's result.
        MyResultTitle => "考核结果", "Assessment result";
        /// Certificate heading.
        CertificateTitle => "创业培训合格证书", "Entrepreneurship Training Certificate";
        /// Label: holder.
        CertHolder => "持证人", "Holder";
        /// Label: institution.
        CertInstitution => "培训机构", "Training institution";
        /// Label: hours.
        CertHours => "学时", "Class hours";
        /// Label: issue date.
        CertIssuedOn => "发证日期", "Issued on";
        /// Label: issuing bureau.
        CertIssuer => "发证机关", "Issued by";
        /// Label: number.
        CertNumber => "证书编号", "Certificate number";
        /// Label: status.
        CertStatus => "状态", "Status";
        /// Status: valid.
        CertValid => "有效", "Valid";
        /// Status: revoked.
        CertRevoked => "已撤销", "Revoked";
        /// Status: unknown.
        CertUnknown => "未找到该证书", "Certificate not found";
        /// Alt text of the QR code.
        QrAlt => "证书查验二维码", "QR code to verify this certificate";
        /// Caption of the QR code.
        QrCaption => "扫码查验真伪", "Scan to verify";
        /// Button: print.
        PrintCertificate => "打印证书", "Print certificate";
        /// Link to the public check.
        VerifyThis => "在线查验", "Verify online";
        /// Link: the holder's subsidy for the certificate.
        SeeMySubsidy => "查看我的培训补贴", "See my training subsidy";
        /// Heading of the revoke form.
        RevokeTitle => "撤销证书", "Revoke the certificate";
        /// What revoking does.
        RevokeLead =>
            "撤销后证书查验将显示“已撤销”，持证人会收到通知。",
            "Once revoked, the public check shows “revoked” and the holder is told.";
        /// Button: revoke.
        RevokeSubmit => "撤销证书", "Revoke";
        /// My certificates title.
        MyCertificatesTitle => "我的证书", "My certificates";
        /// No certificates.
        MyCertificatesEmpty =>
            "您还没有培训合格证书。完成培训并考核合格后，证书会显示在这里。",
            "You have no certificates yet. They appear here once you complete a class and pass.";
        /// Verify page title.
        VerifyTitle => "证书查验", "Verify a certificate";
        /// Verify lead.
        VerifyLead =>
            "输入证书编号，查验马兰花创业培训合格证书的真伪，无需登录。",
            "Enter a certificate number to check a Malanhua training certificate. No sign-in needed.";
        /// Hint of the number input.
        VerifyNumberHint => "例如 370200-2026-SYB-00001", "For example 370200-2026-SYB-00001";
        /// Button: verify.
        VerifySubmit => "查验", "Verify";
        /// Help when unknown.
        VerifyUnknownHelp =>
            "请核对编号是否输入正确；如有疑问，请联系发证的人力资源和社会保障部门。",
            "Check the number was typed correctly; if in doubt, contact the issuing bureau.";
    }

    // Certificates, attendance and completion
    /// Session `n` (1-based).
    fn session_number(n: &str) => "第 {n} 次课", "Session {n}";
    /// Validity of the code.
    fn checkin_code_valid(from: &str, to: &str) => "有效时间：{from} 至 {to}", "Valid from {from} to {to}";
    /// Completion heading with `class` the class.
    fn completion_of(class: &str) => "考勤与结业：{class}", "Attendance and completion: {class}";
    /// The rule, with `percent` the threshold.
    fn threshold_note(percent: &str) =>
        "出勤率须达到 {percent}%，且考核合格，方可获得证书。",
        "A certificate needs at least {percent}% attendance and a pass.";
    /// The return reason.
    fn returned_because(reason: &str) => "退回原因：{reason}", "Returned because: {reason}";
    /// Attendance with counts and rate.
    fn attendance_rate(attended: &str, sessions: &str, percent: &str) =>
        "出勤 {attended}/{sessions} 次（{percent}%）",
        "Attended {attended} of {sessions} ({percent}%)";
    /// Reason: attendance below `percent`%.
    fn reason_attendance(percent: &str) => "出勤率未达到 {percent}%", "Attendance below {percent}%";
    /// Result `result` with score `score`.
    fn result_with_score(result: &str, score: &str) => "{result}（{score} 分）", "{result} ({score} points)";
    /// Check-in result with `mark` the mark.
    fn checked_in(mark: &str) => "签到成功：{mark}", "Checked in: {mark}";
    /// Check-in is not open yet; it opens at `when`.
    fn checkin_opens_at(when: &str) => "签到尚未开始，将于 {when} 开放（课次开始前 15 分钟）。届时请输入教室里显示的签到码。", "Check-in is not open yet: it opens at {when}, 15 minutes before the session. Then enter the code shown in the room.";
    /// Certificate text with `course` the course and `hours` hours.
    fn certificate_body(course: &str, hours: &str) =>
        "参加{course}培训，共 {hours} 学时，经考核合格，特发此证。",
        "completed {course} training of {hours} class hours and passed the final assessment.";
    /// Issuing bureau with `region` the region.
    fn issuer_name(region: &str) => "{region}人力资源和社会保障局", "{region} Human Resources and Social Security Bureau";
    /// Revoked with `date` the date.
    fn revoked_on(date: &str) => "已撤销（{date}）", "Revoked ({date})";
    /// Revoke reason.
    fn revoke_reason_was(reason: &str) => "撤销原因：{reason}", "Reason for revoking: {reason}";
    /// The number asked about.
    fn verify_about(number: &str) => "证书编号：{number}", "Certificate number: {number}";
}
