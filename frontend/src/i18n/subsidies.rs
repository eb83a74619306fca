//! Texts of subsidy claims, eligibility, priority groups, the bureau's
//! worklist and standards, and the public notice; names of claim stages,
//! actions, reasons and payees.

use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimKind, ClaimStatus, DeclarationStatus, ObjectionStatus, Payee, PriorityGroup,
};

use super::{Lang, pick};

messages! {
    /// The subsidies texts without arguments.
    pub enum SubsidiesKey {
        // Subsidies
        /// Navigation: the trainee's subsidies.
        NavMySubsidies => "我的补贴", "My subsidies";
        /// Navigation: the public notice.
        NavNotices => "补贴公示", "Subsidy notice";
        /// Card: my subsidies, body.
        CardMySubsidiesBody =>
            "查看培训补贴的申请进度，了解每张证书能否享受补贴，申报重点群体身份。",
            "Follow your subsidy claims, see what each certificate earns and declare your priority groups.";
        /// Card action: my subsidies.
        CardMySubsidiesAction => "查看我的补贴", "Open my subsidies";
        /// Card action: subsidy review.
        CardBureauClaimsAction => "进入补贴审核", "Open the claims";
        /// Card: group checks, body.
        CardBureauGroupsBody => "核验学员申报的重点群体身份。", "Check the priority groups trainees declare.";
        /// Card action: group checks.
        CardBureauGroupsAction => "核验重点群体", "Check declarations";
        /// Card action: subsidy standards.
        CardSubsidyPoliciesAction => "设置补贴标准", "Set the standards";
        /// Card: public notice, body.
        CardNoticesBody =>
            "培训补贴拨付前向社会公示，任何人都可以查看并提出异议。",
            "Subsidies are published before payment; anyone may read the list and object.";
        /// Card action: public notice.
        CardNoticesAction => "查看公示", "Open the notice";
        /// Cancel button.
        Cancel => "取消", "Cancel";
        /// Column / label: amount.
        ColAmount => "金额", "Amount";
        /// Column / label: who is paid.
        ColPayee => "补贴对象", "Paid to";
        /// Column: claim stage or why none.
        ColClaimStatus => "申报状态", "Claim status";
        /// Label: the subsidy amount.
        SubsidyAmount => "补贴金额", "Subsidy amount";
        /// Link to a claim.
        ViewClaim => "查看申请", "View claim";
        /// Link to a claim that waits for the trainee.
        ViewAndSubmitClaim => "查看并提交", "View and file";
        /// Badge: qualifies for a subsidy.
        Eligible => "符合补贴条件", "Qualifies for a subsidy";
        /// Badge: does not qualify.
        NotEligible => "暂不符合补贴条件", "Does not qualify";
        /// Label: last day of notice.
        NoticeEndsOn => "公示截止日期", "Notice ends on";
        /// Label: payment reference.
        PaymentRef => "拨付凭证号", "Payment reference";
        /// Label: payment date.
        PaidOn => "拨付日期", "Paid on";
        /// Label: the recovery's due date and reason.
        RecoveryDue => "追回期限（证书已撤销）", "To be recovered by (certificate revoked)";
        /// Column / label: what a claim pays for.
        ColClaimKind => "补贴类别", "Kind";
        /// Column / label: what is paid for (class, studio or month).
        ColSubject => "补贴事项", "For";
        /// Empty option: every kind of claim.
        AnyClaimKind => "全部", "All kinds";
        /// Label: who claims (a trainee, a studio's leader or a mentor).
        ClaimHolder => "申请人", "Claimant";
        /// Label: the studio a grant is for.
        StudioLabel => "工作室", "Studio";
        /// Label: the month of a mentor's services.
        FeeMonth => "服务月份", "Month of the services";
        /// Link back to the mentor's workspace.
        BackToWorkspace => "返回导师工作台", "Back to the mentor workspace";
        /// Checkbox: the amount is a ceiling.
        AmountIsCapLabel => "金额为上限（最高不超过，按班期每人培训费用核定）", "The amount is a ceiling (pays the class's fee when lower)";
        /// Checkbox: the policy is for local people only.
        LocalGroupsLabel => "仅限本地重点群体（身份须在本地区登记或认定）", "Local people only (the group registered or issued in this region)";
        /// Label: the region that issued a group's evidence.
        GroupIssuedIn => "证明出具地区", "Issued in (region)";
        /// Hint under it.
        GroupIssuedInHint => "如失业登记地、毕业院校所在地；只补贴本地人员的政策据此判断。", "Where the unemployment is registered or the school is; policies for local people count it.";
        /// Label: the business's credit code.
        GroupLicence => "企业统一社会信用代码", "Unified social credit code of the business";
        /// Hint under it.
        GroupLicenceHint => "18 位，营业执照上可查。", "18 characters, on the business licence.";
        /// Label: when the recovered money came back.
        RecoveredOn => "追回到账日期", "Recovered on";
        /// Heading of the officer's recovery form.
        RecordRecoveryTitle => "登记追回到账", "Record the recovered money";
        /// Label: the return's reference.
        RecoveryRef => "退回凭证号", "Return reference";
        /// Button: record it.
        RecordRecovery => "确认追回到账", "Record recovery";
        /// Badge: a paid subsidy is to be recovered.
        RecoveryOpen => "待追回", "To recover";
        /// Label / column: filed at.
        ClaimFiledAt => "提交时间", "Filed at";
        /// Label of the reason or comment of an officer.
        ActionReason => "意见或原因", "Comment or reason";
        /// My subsidies heading.
        MySubsidiesTitle => "我的补贴", "My subsidies";
        /// My subsidies lead.
        MySubsidiesLead =>
            "取得培训合格证书后，符合条件的重点群体可享受职业培训补贴。补贴由您本人或培训机构申请，经人社部门审核、公示后拨付。",
            "Once certified, trainees in a priority group may get a training subsidy. You or the institution file it; the bureau reviews, publishes and pays it.";
        /// Heading: the trainee's claims.
        MyClaimsTitle => "补贴申请", "Subsidy claims";
        /// No claims yet.
        MyClaimsEmpty => "暂无补贴申请。", "No subsidy claims yet.";
        /// Heading: certificates and what they earn.
        EligibilityTitle => "我的证书与补贴资格", "My certificates and subsidies";
        /// What the eligibility list shows.
        EligibilityLead =>
            "系统按发证时的补贴政策逐张核对您的证书。不符合条件的，会列出具体原因。",
            "Each certificate is checked against the subsidy policy in force when it was issued; any reason it earns nothing is listed.";
        /// A claim already exists.
        ClaimExists => "已有补贴申请：", "A claim exists:";
        /// Label: who files.
        WhoFiles => "申请方式", "Who files";
        /// Button: file a claim.
        FileClaim => "申请补贴", "Claim the subsidy";
        /// Heading: priority groups.
        PriorityGroupsTitle => "重点群体身份", "Priority groups";
        /// What priority groups are for.
        PriorityGroupsLead =>
            "培训补贴面向重点群体。请申报您在培训期间所属的群体，人社部门会核验；未通过核验的不计入补贴资格。",
            "Training subsidies are for priority groups. Declare the groups you belonged to while training; the bureau checks them, and a rejected one does not count.";
        /// No declarations yet.
        NoGroupsYet => "您还没有申报重点群体身份。", "You have not declared a priority group yet.";
        /// Heading of the declaration form.
        DeclareGroupTitle => "申报重点群体", "Declare a priority group";
        /// Lead of the declaration form.
        DeclareGroupLead =>
            "请如实填写，并注明证明材料（如证件名称和编号），以便核验。",
            "Please be accurate and name your evidence (document and number) so it can be checked.";
        /// Label: the group.
        PriorityGroupLabel => "群体类别", "Group";
        /// Label: held from.
        GroupFrom => "起始日期", "Held from";
        /// Label: held until.
        GroupTo => "截止日期", "Held until";
        /// Hint: open-ended.
        GroupToHint => "仍属于该群体的可不填", "Leave empty if you still belong to it";
        /// Label: evidence.
        GroupEvidence => "证明材料", "Evidence";
        /// Hint under the evidence.
        GroupEvidenceHint => "例如：退役军人证 编号 12345", "For example: veteran's card no. 12345";
        /// Button: declare.
        DeclareGroup => "提交申报", "Declare";
        /// Declaration saved.
        GroupDeclared => "已提交申报，等待人社部门核验。", "Declared; the bureau will check it.";
        /// Label: the period held.
        GroupHeld => "所属期间", "Period";
        /// Claim page title.
        ClaimTitle => "补贴申请", "Subsidy claim";
        /// Heading: claim facts.
        ClaimFacts => "申请信息", "Claim details";
        /// Heading: eligibility checked now.
        EligibilityNow => "当前补贴资格", "Eligibility now";
        /// Heading of the submit box.
        ClaimSubmitTitle => "提交申请", "File the claim";
        /// What submitting does.
        ClaimSubmitLead => "请核对以上信息，提交后由人社部门审核。", "Check the details above; once filed, the bureau reviews it.";
        /// What resubmitting does.
        ClaimResubmitLead =>
            "申请已退回，请按退回原因补正后重新提交。",
            "The claim was returned; correct what the reason asks and file it again.";
        /// Button: submit.
        SubmitClaim => "提交申请", "Submit claim";
        /// Button: resubmit.
        ResubmitClaim => "重新提交", "Resubmit";
        /// Claim submitted.
        ClaimSubmittedDone => "申请已提交。", "Claim submitted.";
        /// Heading of the officer's actions.
        ClaimActionsTitle => "审核办理", "Officer actions";
        /// What the officer's actions do.
        ClaimActionsLead =>
            "初审、复审和拨付须由不同经办人办理。退回、不予补贴和处理异议须填写意见。",
            "Review, approval and payment need different officers. Returning, rejecting and resolving an objection need a comment.";
        /// Hint under the reason.
        ActionReasonHint => "退回、不予补贴和处理异议时必填", "Required to return, reject or resolve an objection";
        /// Hint under the payment reference.
        PaymentRefHint =>
            "银行或国库支付凭证号，4 到 64 位字母、数字、-、_ 或 /",
            "The bank or treasury reference: 4 to 64 letters, digits, -, _ or /";
        /// Hint under the payment date.
        PaidOnHint => "不填则为今天", "Today if left empty";
        /// Heading: history.
        ClaimTimeline => "办理记录", "History";
        /// Who: the system.
        ActorSystem => "系统", "System";
        /// Who: a member of the public.
        ActorPublic => "社会公众", "Member of the public";
        /// Heading: objections.
        ClaimObjections => "公示异议", "Objections";
        /// Heading: the trainee's priority groups, on a claim.
        ClaimDeclarations => "学员申报的重点群体", "The trainee's priority groups";
        /// No objections.
        NoObjections => "公示期间未收到异议。", "No objections.";
        /// How to resolve an objection.
        ObjectionResolveHint => "在本栏上方填写核查结论后处理。", "Write the finding at the top of this panel first.";
        /// Label: the finding on an objection.
        ObjectionFinding => "核查结论", "Finding";
        /// Hint under the finding.
        ObjectionFindingHint => "2 至 500 字，会告知异议人", "2 to 500 characters; the objector is told";
        /// Button: dismiss an objection.
        DismissObjection => "异议不成立", "Dismiss";
        /// Button: uphold an objection.
        UpholdObjection => "异议成立", "Uphold";
        /// Objection dismissed.
        ObjectionDismissedDone => "已处理：异议不成立，申请恢复公示。", "Objection dismissed; the claim is back on notice.";
        /// Objection upheld.
        ObjectionUpheldDone => "已处理：异议成立，申请不予补贴。", "Objection upheld; the claim is rejected.";
        /// Link back to the worklist.
        BackToClaims => "返回补贴审核", "Back to the claims";
        /// Link back to the class batch.
        BackToBatch => "返回补贴申报", "Back to the batch";
        /// Link back to my subsidies.
        BackToMySubsidies => "返回我的补贴", "Back to my subsidies";
        /// Batch page title.
        BatchTitle => "补贴申报", "Subsidy claims";
        /// Batch lead.
        BatchLead =>
            "以下为本班期每张合格证书的补贴情况。补贴由机构申领的，可一次性申报全部符合条件的学员。",
            "Each certificate of the class and its subsidy. Where the institution is paid, file every qualifying trainee at once.";
        /// Heading of the lines.
        BatchLinesTitle => "证书与补贴", "Certificates and subsidies";
        /// No certificates.
        BatchEmpty => "本班期尚未发放证书。", "No certificates have been issued for this class.";
        /// Badge: can be filed.
        BatchReady => "可申报", "Ready to file";
        /// Label: total.
        BatchTotal => "合计（已申报）", "Total claimed";
        /// Button: file the batch.
        BatchFile => "申报全部符合条件的学员", "File every qualifying trainee";
        /// Completion page link to the batch.
        BatchLink => "补贴申报", "Subsidy claims";
        /// Heading of the subsidy links.
        SubsidyWorkTitle => "培训补贴", "Training subsidies";
        /// Worklist heading.
        BureauClaimsTitle => "补贴审核", "Subsidy claims";
        /// Label: filed from.
        FiledFrom => "提交日期从", "Filed from";
        /// Label: filed until.
        FiledTo => "提交日期至", "Filed until";
        /// Label: least amount.
        MinYuan => "最低金额（元）", "Amount at least (yuan)";
        /// Label: largest amount.
        MaxYuan => "最高金额（元）", "Amount at most (yuan)";
        /// Heading of the list.
        ClaimsListTitle => "申请列表", "Claims";
        /// Button: CSV.
        ExportCsv => "导出 CSV", "Export CSV";
        /// Button: Excel.
        ExportXlsx => "导出 Excel", "Export Excel";
        /// No claims match.
        ClaimsEmpty => "没有符合条件的补贴申请。", "No claims match.";
        /// Tick every claim shown.
        SelectAll => "全选", "Select all";
        /// Column: tick.
        SelectOne => "选择", "Select";
        /// Button: next page.
        LoadMore => "加载更多", "Load more";
        /// Heading of the bulk bar.
        BulkTitle => "批量办理", "Act on the selected claims";
        /// Label: the action.
        BulkAction => "办理操作", "Action";
        /// Hint under the bulk reason.
        BulkReasonHint => "退回或不予补贴时必填，适用于所选全部申请", "Required to return or reject; used for every selected claim";
        /// Hint under the bulk payment reference.
        BulkPaymentRefHint => "确认拨付时必填", "Required to record a payment";
        /// Button: apply to the ticked claims.
        BulkApply => "批量办理", "Apply to selected";
        /// Done.
        BulkOk => "已办理", "Done";
        /// Declarations heading.
        BureauGroupsTitle => "重点群体审核", "Priority group checks";
        /// Declarations lead.
        BureauGroupsLead =>
            "核对学员申报的重点群体身份及证明材料。未通过的须说明原因，学员会收到通知。",
            "Check the groups trainees declare and their evidence. A rejection needs a reason, which the trainee is told.";
        /// Nothing to check.
        NoDeclarations => "暂无需要核验的申报。", "No declarations to check.";
        /// Label: declared at.
        DeclaredAt => "申报时间", "Declared at";
        /// Button: verify.
        VerifyDeclaration => "核验通过", "Verify";
        /// Button: reject.
        RejectDeclaration => "不予认定", "Reject";
        /// Heading of the reject form.
        RejectDeclarationTitle => "不予认定", "Reject the declaration";
        /// What rejecting does.
        RejectDeclarationLead =>
            "请说明不予认定的原因，学员可据此补充材料后重新申报。",
            "Give the reason; the trainee can declare again with better evidence.";
        /// Standards heading.
        SubsidyPoliciesTitle => "补贴标准", "Subsidy standards";
        /// Heading of the versions.
        SubsidyVersionsTitle => "现行及历史版本", "Versions";
        /// No versions.
        NoSubsidyPolicies => "本地区及上级地区尚未设置培训补贴标准。", "No subsidy standards are set here or above.";
        /// Badge: claims use it.
        PolicyInUse => "已有申请使用", "In use by claims";
        /// Badge: set by the officer's region.
        SubsidyOwn => "本地区设置", "Set here";
        /// One a year.
        OnePerYear => "每人每年限享受一次", "One a year per person";
        /// Button: fill the form from a version.
        CopyToForm => "以此为基础新建版本", "Use as a starting point";
        /// Heading of the form.
        SubsidyFormTitle => "设置补贴标准", "Set a subsidy standard";
        /// Lead of the form.
        SubsidyFormLead =>
            "保存后自生效日期起执行。与已有版本生效日期相同且尚无申请使用的，将被替换。",
            "It applies from its effective date. A version with the same date and no claims yet is replaced.";
        /// Label: effective from.
        EffectiveFrom => "生效日期", "Effective from";
        /// Hint under the date.
        EffectiveFromHint => "按证书发证日期适用", "Compared with the certificate's issue date";
        /// Label: end date.
        EndsOnOptional => "截止日期", "Ends on";
        /// Hint under the end date.
        EndsOnHint => "可不填；有新版本时自动截止", "Optional; a newer version ends it anyway";
        /// Label: amount in yuan.
        AmountYuan => "补贴金额（元）", "Amount (yuan)";
        /// Hint under the amount.
        AmountYuanHint => "例如 1500 或 1,500.00", "For example 1500 or 1,500.00";
        /// Legend: covered groups.
        EligibleGroups => "适用的重点群体", "Groups covered";
        /// Label: months to claim.
        ClaimWindowMonths => "申请期限（发证后月数）", "Months to claim after the certificate";
        /// Label: days of notice.
        NoticeDays => "公示天数（工作日）", "Working days of notice";
        /// Checkbox: one a year.
        OnePerYearLabel => "每人每年限享受一次培训补贴（不论课程）", "One training subsidy a year per person, whatever the course";
        /// Button: save.
        SaveSubsidyPolicy => "保存补贴标准", "Save the standard";
        /// The end date is before the start.
        PolicyEndsBeforeStart => "截止日期不能早于生效日期。", "The end date cannot be before the effective date.";
        /// Notice heading.
        NoticesTitle => "补贴公示", "Subsidy notice";
        /// Notice lead.
        NoticesLead =>
            "以下培训补贴、工作室资助和导师服务补贴申请正在公示。如认为有不符合条件的情况，可在公示期内提出异议，人社部门将核查处理。",
            "These training subsidy, studio grant and mentor fee claims are on public notice. If you believe one does not qualify, object before the notice ends and the bureau will look into it.";
        /// Hint of the region filter.
        NoticeRegionHint => "不选则显示全部地区", "All regions when none is chosen";
        /// Nothing on notice.
        NoNotices => "当前没有正在公示的补贴申请。", "No claims are on notice now.";
        /// Badge: an objection is being looked into.
        NoticeHeld => "异议处理中", "Objection under review";
        /// Button: object.
        ObjectButton => "提出异议", "Object";
        /// Objection lead.
        ObjectionLead =>
            "请写明具体情况。您的联系方式仅供人社部门核实，不会公开。",
            "Please say what is wrong. Your contact is only for the bureau to check with you and is never published.";
        /// Label: what is wrong.
        ObjectionText => "异议内容", "What is wrong";
        /// Button: send the objection.
        SubmitObjection => "提交异议", "Send objection";
        /// Objection sent.
        ObjectionFiled =>
            "异议已提交，人社部门将进行核查，感谢您的监督。",
            "Your objection was sent; the bureau will look into it. Thank you.";
    }

    // Subsidies
    /// Card: subsidy review, body with `region` the region.
    fn card_bureau_claims_body(region: &str) =>
        "审核{region}的培训补贴申请：初审、复审、公示与拨付。",
        "Review the training subsidy claims of {region}: review, approval, notice and payment.";
    /// Card: subsidy standards, body with `region` the region.
    fn card_subsidy_policies_body(region: &str) =>
        "设置{region}各类课程的培训补贴标准。",
        "Set the training subsidy standards of {region} per course.";
    /// Open-ended period from `date`.
    fn from_date_onward(date: &str) => "{date} 起", "from {date}";
    /// Claim filed for certificate `number`.
    fn claim_filed_done(number: &str) => "已为证书 {number} 提交补贴申请。", "Claim filed for certificate {number}.";
    /// Claim heading, `holder` the holder, `course` the course.
    fn claim_of(holder: &str, course: &str) => "{holder} · {course}培训补贴", "{holder} · {course} training subsidy";
    /// Studio grant heading, `holder` the leader, `studio` the studio.
    fn studio_grant_of(holder: &str, studio: &str) => "{holder} · {studio} 工作室资助", "{holder} · studio grant for {studio}";
    /// Service fee heading, `holder` the mentor, `month` the month.
    fn service_fee_of(holder: &str, month: &str) => "{holder} · {month} 导师服务补贴", "{holder} · mentor fees for {month}";
    /// A month's service fees, `month` as `2026-11`.
    fn fee_month(month: &str) => "{month} 服务补贴", "Service fees {month}";
    /// Action done, `action` the action.
    fn claim_action_done(action: &str) => "已办理：{action}", "Done: {action}";
    /// The objector's contact, `contact`.
    fn objection_contact_shown(contact: &str) => "联系方式：{contact}", "Contact: {contact}";
    /// The officer's finding, `finding`.
    fn objection_finding(finding: &str) => "处理意见：{finding}", "Finding: {finding}";
    /// Batch heading, `class` the class.
    fn batch_of(class: &str) => "补贴申报：{class}", "Subsidy claims: {class}";
    /// `count` lines can be filed.
    fn batch_fileable_count(count: &str) => "当前可申报 {count} 人。", "{count} can be filed now.";
    /// `count` filed.
    fn batch_filed(count: &str) => "本次已申报 {count} 人。", "{count} filed now.";
    /// `shown` shown, `ticked` ticked.
    fn claims_shown(shown: &str, ticked: &str) => "已显示 {shown} 笔，已选 {ticked} 笔", "{shown} shown, {ticked} selected";
    /// Tick the claim of `holder`.
    fn select_claim_of(holder: &str) => "选择 {holder} 的申请", "Select the claim of {holder}";
    /// `count` claims ticked.
    fn bulk_selected(count: &str) => "已选 {count} 笔申请。", "{count} claims selected.";
    /// `done` done, `failed` failed.
    fn bulk_summary(done: &str, failed: &str) => "成功 {done} 笔，失败 {failed} 笔。", "{done} done, {failed} failed.";
    /// One result, `claim` the claim, `outcome` the outcome.
    fn bulk_line(claim: &str, outcome: &str) => "{claim}：{outcome}", "{claim}: {outcome}";
    /// Done, now `status`.
    fn bulk_ok_now(status: &str) => "已办理，当前状态：{status}", "Done, now: {status}";
    /// Verified, `person` the person.
    fn declaration_verified_done(person: &str) => "已核验：{person}", "Verified: {person}";
    /// Rejected, `person` the person.
    fn declaration_rejected_done(person: &str) => "已不予认定：{person}", "Rejected: {person}";
    /// Lead, `region` the region.
    fn subsidy_policies_lead(region: &str) =>
        "{region}的培训补贴标准。新版本自生效日期起适用于发证日期在其后的证书；未单独设置的，沿用上级地区的标准。",
        "The training subsidy standards of {region}. A version applies to certificates issued from its date; without its own, a region uses the one above.";
    /// Badge: set by the region `region` above.
    fn subsidy_inherited(region: &str) => "沿用{region}", "From {region}";
    /// Paid to `payee`.
    fn paid_to(payee: &str) => "补贴对象：{payee}", "Paid to: {payee}";
    /// `months` months to claim, `days` days of notice.
    fn policy_terms(months: &str, days: &str) =>
        "发证后 {months} 个月内申请，公示 {days} 个工作日",
        "Claim within {months} months; {days} working days of notice";
    /// Saved, `course` the course, `date` the date.
    fn subsidy_policy_saved(course: &str, date: &str) =>
        "已保存：{course}，自 {date} 起执行。",
        "Saved: {course}, from {date}.";
    /// Objection heading, `holder` the masked name.
    fn objection_title(holder: &str) => "对 {holder} 的补贴提出异议", "Object to the subsidy of {holder}";
}

/// The stage of a subsidy claim.
pub fn claim_status_name(lang: Lang, status: ClaimStatus) -> &'static str {
    let (zh, en) = malanhua_shared::labels::claim_status(status);
    pick(lang, zh, en)
}

/// What an officer does to a claim, as a button label.
pub fn claim_action_name(lang: Lang, action: ClaimAction) -> &'static str {
    match action {
        ClaimAction::Review => pick(lang, "初审通过", "Pass review"),
        ClaimAction::Approve => pick(lang, "复审通过", "Approve"),
        ClaimAction::Publish => pick(lang, "发布公示", "Publish notice"),
        ClaimAction::Pay => pick(lang, "确认拨付", "Record payment"),
        ClaimAction::Return => pick(lang, "退回补正", "Return for correction"),
        ClaimAction::Reject => pick(lang, "不予补贴", "Reject"),
    }
}

/// The question asked before a stage action.
pub fn claim_action_question(lang: Lang, action: ClaimAction) -> &'static str {
    match action {
        ClaimAction::Review => pick(lang, "确认初审通过？", "Pass this claim's review?"),
        ClaimAction::Approve => pick(lang, "确认复审通过？", "Approve this claim?"),
        ClaimAction::Publish => pick(lang, "确认发布公示？", "Publish this claim on the notice?"),
        ClaimAction::Pay => pick(lang, "确认已拨付？", "Record this payment?"),
        ClaimAction::Return => pick(lang, "确认退回补正？", "Return this claim for correction?"),
        ClaimAction::Reject => pick(lang, "确认不予补贴？", "Reject this claim?"),
    }
}

/// What a stage action does, said before it is done.
pub fn claim_action_consequence(lang: Lang, action: ClaimAction) -> &'static str {
    match action {
        ClaimAction::Review => pick(
            lang,
            "初审通过后，申请交由另一位经办人复审；您本人不能再复审这笔申请。",
            "The claim goes to another officer for approval; you cannot approve it yourself.",
        ),
        ClaimAction::Approve => pick(
            lang,
            "复审通过后，申请等待发布公示；批准人不能拨付这笔补贴。",
            "The claim waits to be published on the notice; whoever approves it cannot pay it.",
        ),
        ClaimAction::Publish => pick(
            lang,
            "申请人姓名（已遮挡）、金额和机构将在公示期内向社会公开，任何人都可以提出异议。",
            "The masked name, amount and institution are public for the notice period, and anyone may object.",
        ),
        ClaimAction::Pay => pick(
            lang,
            "将按填写的凭证号和日期记为已拨付。拨付记录不能撤销，同一笔补贴不会再次支付。",
            "The claim is recorded as paid with the reference and date given. A payment cannot be undone, and the subsidy is never paid twice.",
        ),
        ClaimAction::Return => pick(
            lang,
            "申请退回申请人补正，填写的原因会告知对方；补正后可重新提交。",
            "The claim goes back to the claimant with your reason; they may correct it and file again.",
        ),
        ClaimAction::Reject => pick(
            lang,
            "不予补贴是最终决定，申请人会收到填写的原因，此操作无法撤销。",
            "Rejection is final: the claimant is told your reason, and it cannot be undone.",
        ),
    }
}

/// The name of a priority group (重点群体).
pub fn priority_group_name(lang: Lang, group: PriorityGroup) -> &'static str {
    match group {
        PriorityGroup::GraduatingStudent => pick(lang, "毕业年度高校毕业生", "Graduating university student"),
        PriorityGroup::RecentGraduate => pick(lang, "离校 2 年内高校毕业生", "Graduate within 2 years of leaving"),
        PriorityGroup::RegisteredUnemployed => pick(lang, "登记失业人员", "Registered unemployed"),
        PriorityGroup::RuralMigrantWorker => pick(lang, "农民工", "Rural migrant worker"),
        PriorityGroup::Veteran => pick(lang, "退役军人", "Veteran"),
        PriorityGroup::Disabled => pick(lang, "残疾人", "Person with a disability"),
        PriorityGroup::HardshipJobSeeker => pick(lang, "就业困难人员", "Job seeker facing hardship"),
        PriorityGroup::PovertyMonitored => {
            pick(lang, "脱贫人口或防止返贫监测对象", "Lifted out of poverty or monitored against relapse")
        }
        PriorityGroup::NewSmallBusinessHead => {
            pick(lang, "新创小微企业负责人", "Head of a newly founded small business")
        }
    }
}

/// Who receives a subsidy.
pub fn payee_name(lang: Lang, payee: Payee) -> &'static str {
    let (zh, en) = malanhua_shared::labels::payee(payee);
    pick(lang, zh, en)
}

/// Who files the claim, as a sentence for the trainee.
pub fn payee_files(lang: Lang, payee: Payee) -> &'static str {
    match payee {
        Payee::Institution => pick(
            lang,
            "由培训机构统一申报并领取，您无需操作。",
            "The institution files and receives it; nothing to do for you.",
        ),
        Payee::Trainee => pick(lang, "由您本人申请并领取。", "You file and receive it yourself."),
        Payee::Studio => {
            pick(lang, "由工作室领办人申报，拨付至工作室。", "The studio's leader files it; it is paid to the studio.")
        }
        Payee::Mentor => pick(lang, "由导师本人按月申领。", "The mentor files it month by month."),
    }
}

/// What a claim pays for.
pub fn claim_kind_name(lang: Lang, kind: ClaimKind) -> &'static str {
    let (zh, en) = malanhua_shared::labels::claim_kind(kind);
    pick(lang, zh, en)
}

/// Where a priority-group declaration stands.
pub fn declaration_status_name(lang: Lang, status: DeclarationStatus) -> &'static str {
    match status {
        DeclarationStatus::Declared => pick(lang, "已申报，待核验", "Declared, to be checked"),
        DeclarationStatus::Verified => pick(lang, "已核验", "Verified"),
        DeclarationStatus::Rejected => pick(lang, "未通过核验", "Rejected"),
    }
}

/// Where an objection stands.
pub fn objection_status_name(lang: Lang, status: ObjectionStatus) -> &'static str {
    match status {
        ObjectionStatus::Open => pick(lang, "待处理", "Open"),
        ObjectionStatus::Dismissed => pick(lang, "异议不成立", "Dismissed"),
        ObjectionStatus::Upheld => pick(lang, "异议成立", "Upheld"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subsidy_term_reads_differently_in_each_language() {
        for s in ClaimStatus::ALL {
            assert_ne!(claim_status_name(Lang::Zh, *s), claim_status_name(Lang::En, *s), "{s:?}");
        }
        for a in ClaimAction::ALL {
            assert_ne!(claim_action_name(Lang::Zh, *a), claim_action_name(Lang::En, *a), "{a:?}");
        }
        for k in ClaimKind::ALL {
            assert_ne!(claim_kind_name(Lang::Zh, *k), claim_kind_name(Lang::En, *k), "{k:?}");
        }
        for p in Payee::ALL {
            assert_ne!(payee_name(Lang::Zh, *p), payee_name(Lang::En, *p), "{p:?}");
        }
        for g in PriorityGroup::ALL {
            assert_ne!(priority_group_name(Lang::Zh, *g), priority_group_name(Lang::En, *g), "{g:?}");
        }
    }
}
