//! Texts of the catalogue, the class page, a trainee's classes, the
//! institution's workbench and rosters, the bureau's decisions and the
//! notifications; names of course kinds, modes and statuses.

use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};

use super::{Lang, pick};

messages! {
    /// The classes texts without arguments.
    pub enum ClassesKey {
        // Catalogue
        /// Catalogue heading.
        CatalogueTitle => "培训课程", "Training classes";
        /// Catalogue lead.
        CatalogueLead =>
            "查找已获人社部门批准开班的马兰花创业培训班期。报名需先登录并完善实名信息。",
            "Find Malanhua classes approved by the human resources bureaus. To enrol, sign in and complete your real-name profile.";
        /// Hidden heading of the results.
        CatalogueResults => "查询结果", "Results";
        /// No class matches.
        CatalogueEmpty => "没有符合条件的班期，请调整筛选条件。", "No class matches these filters; try changing them.";
        /// Filter panel heading.
        FiltersTitle => "筛选", "Filters";
        /// Label: text search.
        FilterText => "关键词", "Keywords";
        /// Hint under the text search.
        FilterTextHint => "班期名称、培训机构或上课地点。", "Class title, institution or venue.";
        /// Legend: region filter.
        FilterRegion => "地区", "Region";
        /// Label: first day from.
        FilterFrom => "开班日期（起）", "Starting from";
        /// Label: first day until.
        FilterTo => "开班日期（止）", "Starting until";
        /// Checkbox: only classes with seats.
        FilterHasSeats => "只看有剩余名额的班期", "Only classes with seats left";
        /// Filter button.
        FilterSubmit => "查询", "Search";
        /// Empty option: every course kind.
        AnyKind => "全部课程", "All courses";
        /// Institution filter: any.
        AnyInstitution => "全部机构", "Any institution";
        /// Empty option: online and offline.
        AnyMode => "线上和线下", "Online and offline";
        /// Label of the paging navigation.
        PagerLabel => "分页", "Pages";
        /// Previous page.
        PagePrev => "上一页", "Previous";
        /// Next page.
        PageNext => "下一页", "Next";

        // Class page
        /// Class page title.
        ClassPageTitle => "班期详情", "Class details";
        /// Link back to the catalogue.
        BackToCatalogue => "← 返回课程列表", "← Back to the classes";
        /// Heading: the class facts.
        ClassFacts => "班期信息", "About this class";
        /// Label: enrolment period.
        EnrolWindow => "报名时间（北京时间）", "Enrolment period (Beijing time)";
        /// Label: people waiting.
        WaitlistCount => "候补人数", "On the waitlist";
        /// Note under the sessions.
        TimesInShanghai => "以下时间均为北京时间。", "All times are Beijing time.";
        /// Heading of the enrolment box.
        EnrolTitle => "报名", "Enrolment";
        /// Enrol button.
        Enrol => "立即报名", "Enrol";
        /// Enrol button when full.
        JoinWaitlist => "报名候补", "Join the waitlist";
        /// Withdraw button.
        Withdraw => "退出报名", "Withdraw";
        /// Title of the question before withdrawing.
        WithdrawTitle => "确定退出报名？", "Withdraw from this class?";
        /// What withdrawing does, asked before it is done.
        WithdrawBody => "退出后，您的名额会立即让给候补名单上的下一位学员，此操作无法撤销。如需再次参加，须重新报名并可能进入候补。", "Your seat goes at once to the next person on the waitlist, and this cannot be undone. To take part again you would enrol anew, perhaps on the waitlist.";
        /// The confirming button of that question.
        WithdrawConfirm => "确认退出", "Yes, withdraw";
        /// Hint for visitors.
        SignInToEnrol => "登录后即可报名。", "Sign in to enrol.";
        /// Enrol button for visitors.
        SignInAndEnrol => "登录后报名", "Sign in to enrol";
        /// Shown to staff accounts.
        OnlyTraineesEnrol => "只有学员账号可以报名。", "Only trainee accounts can enrol.";
        /// Shown before enrolling with an incomplete profile.
        ProfileNeededToEnrol => "报名前需要先完善实名信息。", "You need a complete real-name profile to enrol.";
        /// Shown on a class not yet approved.
        ClassPendingNote =>
            "该班期正在等待人社部门审批，暂不接受报名。",
            "This class is waiting for the bureau's approval and does not take enrolments yet.";
        /// Shown on a rejected or cancelled class.
        ClassClosedNote => "该班期不接受报名。", "This class does not take enrolments.";
        /// The trainee holds a seat.
        YouAreEnrolled => "您已报名成功，已获得名额。", "You are enrolled and hold a seat.";
        /// Link: the class's sessions into the calendar.
        AddToCalendar => "添加到日历", "Add to calendar";
        /// Link: the trainee's classes.
        SeeMyClasses => "查看我的班期", "See my classes";
        /// The trainee left the class.
        YouWithdrew => "您已退出该班期。", "You have withdrawn from this class.";
        /// The class was cancelled.
        YourPlaceCancelled => "该班期已取消，您的报名随之取消。", "This class was cancelled, and your place with it.";
        /// Label: unified social credit code.
        BusinessLicence => "统一社会信用代码（营业执照）", "Unified social credit code (business licence)";
        /// Hint under the licence code.
        BusinessLicenceHint =>
            "本课程要求已办理营业执照。请填写执照上的 18 位代码。",
            "This course needs a business licence. Enter the 18-character code printed on it.";

        // My classes
        /// My classes heading.
        MyClassesTitle => "我的课程", "My classes";
        /// My classes lead.
        MyClassesLead => "您报名或正在候补的班期。", "The classes you enrolled in or are waiting for.";
        /// No classes yet.
        MyClassesEmpty => "您还没有报名任何班期。", "You have not enrolled in any class yet.";

        // Institution
        /// Institution workbench heading.
        InstitutionTitle => "机构工作台", "Institution workbench";
        /// Shown to people who are not institution staff.
        InstitutionForbidden => "只有培训机构工作人员可以使用此页面。", "Only training institution staff can use this page.";
        /// Heading: the institution's classes.
        InstitutionClasses => "本机构的班期", "Your classes";
        /// The institution has no classes.
        NoClassesYet => "还没有班期。请在下方提交开班申请。", "No classes yet. File an opening request below.";
        /// Link to a roster.
        OpenRoster => "花名册", "Roster";
        /// No trainers.
        NoTrainersYet => "还没有登记讲师。", "No trainers registered yet.";
        /// Heading and button: add a trainer.
        AddTrainer => "添加讲师", "Add a trainer";
        /// Label: trainer name.
        TrainerName => "讲师姓名", "Trainer's name";
        /// Label: qualification number.
        QualificationNo => "讲师证书编号", "Trainer certificate number";
        /// Hint under the qualification number.
        QualificationNoHint =>
            "创业培训讲师证书上的编号，4 到 40 位字母、数字或连字符。",
            "As printed on the trainer certificate: 4 to 40 letters, digits or hyphens.";
        /// Heading: the opening request.
        NewClassTitle => "开班申请", "Opening request";
        /// Lead of the opening request.
        NewClassLead =>
            "开班须经人社局批准后方可招生；未经批准开班的，不能申请培训补贴。时间均按北京时间填写。",
            "A class may only take trainees once the bureau approves it; a class run without approval earns no subsidy. Enter all times in Beijing time.";
        /// Label: class title.
        ClassTitleLabel => "班期名称", "Class title";
        /// Hint under the class title.
        ClassTitleHint => "例如：SYB 创办你的企业 第 12 期", "For example: SYB Start Your Business, class 12";
        /// Shown when no trainer can be chosen.
        AddTrainerFirst => "请先在“讲师”中添加讲师。", "Add a trainer under “Trainers” first.";
        /// Hint under the venue.
        PlaceHint => "线下班必填，线上班可不填。", "Required for a classroom class; optional online.";
        /// Label: enrolment opens.
        EnrolOpensAt => "报名开始时间", "Enrolment opens";
        /// Label: enrolment closes.
        EnrolClosesAt => "报名截止时间", "Enrolment closes";
        /// Hint: Beijing time.
        ShanghaiTimeHint => "北京时间", "Beijing time";
        /// Label: first day.
        StartsOn => "开班日期", "First day";
        /// Label: last day.
        EndsOn => "结业日期", "Last day";
        /// Hint over the session rows.
        SessionsHint => "每次课填写日期、上课和下课时间以及内容。", "For each session give the date, start and end time, and topic.";
        /// Label: start time.
        SessionStart => "上课时间", "Starts";
        /// Label: end time.
        SessionEnd => "下课时间", "Ends";
        /// Add a session row.
        AddSession => "添加一次课", "Add a session";
        /// Remove a session row.
        RemoveSession => "删除", "Remove";
        /// Submit the opening request.
        SubmitOpening => "提交开班申请", "File the opening request";
        /// No policy for the chosen kind.
        NoPolicyForKind =>
            "本地区尚未设置该课程的培训政策，暂不能申请开班。",
            "Your region has no policy for this course yet, so it cannot be requested.";

        // Roster
        /// Roster page title.
        RosterTitle => "花名册", "Roster";
        /// Link back to the workbench.
        BackToInstitution => "← 返回机构工作台", "← Back to the workbench";
        /// Nobody enrolled.
        RosterEmpty => "暂无报名学员。", "Nobody has enrolled yet.";
        /// Nobody waiting.
        WaitlistEmpty => "暂无候补学员。", "Nobody is on the waitlist.";
        /// Column: waitlist position.
        ColWaitlistPosition => "候补位次", "Position";
        /// Column: enrolled at.
        ColEnrolledAt => "报名时间", "Enrolled";
        /// Column: joined the waitlist at.
        ColJoined => "候补时间", "Joined";
        /// Download the roster.
        DownloadCsv => "下载花名册（CSV）", "Download roster (CSV)";
        /// Heading: cancel the class.
        CancelClassTitle => "取消班期", "Cancel the class";
        /// What cancelling does.
        CancelClassLead =>
            "取消后，已报名和候补的学员都会收到通知。此操作不能撤销。",
            "Everyone enrolled or waiting is told. This cannot be undone.";
        /// Cancel button.
        CancelClass => "确认取消班期", "Cancel this class";
        /// Heading: end the class early.
        EndEarlyTitle => "提前结束班期", "End the class early";
        /// What ending early does.
        EndEarlyLead =>
            "班期已开课，不能取消。提前结束后，剩余课次不再进行；已上课次的考勤保持不变，学员会收到通知。",
            "The class has begun, so it cannot be cancelled. Ending it early calls off the remaining sessions; the attendance of the sessions held stays, and the trainees are told.";
        /// End-early button.
        EndEarly => "确认提前结束", "End the class early";
        /// Shown on a class ended early (then the reason).
        ClassEndedEarly => "该班期已提前结束：", "This class was ended early: ";
        /// Shown on a cancelled class.
        ClassIsCancelled => "该班期已取消。", "This class has been cancelled.";

        // Bureau
        /// Bureau workbench heading.
        BureauTitle => "审批工作台", "Approvals workbench";
        /// Shown to people who are not bureau officers.
        BureauForbidden => "只有人社局经办人员可以使用此页面。", "Only bureau officers can use this page.";
        /// Heading: opening requests.
        OpeningRequests => "开班申请审批", "Opening requests";
        /// Lead of the opening requests.
        OpeningRequestsLead =>
            "本辖区培训机构提交的开班申请。请在开课前完成审批。",
            "Opening requests from the institutions of your region. Decide them before the classes start.";
        /// Filter option: every status.
        AllStatuses => "全部", "All";
        /// No classes in the list.
        NothingToReview => "没有待处理的开班申请。", "No opening requests here.";
        /// Approve button.
        Approve => "批准开班", "Approve";
        /// What approving a class does, said before it is done.
        ApproveClassBody => "批准后班期立即在课程目录公开，学员可以报名，培训机构会收到通知。批准后不能撤回，只能在开课前取消班期。", "Once approved, the class is public in the catalogue and open for enrolment, and the institution is told. Approval cannot be withdrawn; the class can only be cancelled before it starts.";
        /// Reject button.
        Reject => "不予批准", "Reject";
        /// Label: rejection reason.
        RejectReason => "不予批准的原因", "Reason for rejecting";
        /// Hint under the reason.
        RejectReasonHint => "不予批准时必填，将告知培训机构。", "Required to reject; the institution is told.";
        /// Heading: course policies.
        PoliciesTitle => "培训政策", "Course policies";
        /// No policy in force.
        PolicyNone => "尚未设置政策。", "No policy is in force.";
        /// The region's own policy.
        PolicyOwn => "本地区已设置政策。", "Your region's own policy.";
        /// Label: minimum hours.
        MinHours => "最少学时", "Minimum hours";
        /// Label: largest class.
        MaxClassSize => "每班最多人数", "Largest class";
        /// Label: days of notice.
        OpeningLeadDays => "开班申请提前天数", "Days of notice for opening";
        /// Label: attendance needed.
        AttendanceThreshold => "结业出勤率要求（%）", "Attendance needed (%)";
        /// Checkbox: earlier certificate needed.
        /// Label: the class's cost per trainee.
        FeeYuan => "培训费用（元/人，可选）", "Fee per trainee (yuan, optional)";
        /// Hint under it.
        FeeHint => "按“最高不超过”发放补贴的政策，以此为上限。", "Policies that pay “up to” an amount pay at most this.";
        RequiresPriorCertificate => "须已取得前置培训合格证书（EYB 须先完成 IYB，其余须 GYB 或 SYB）", "Needs an earlier certificate (IYB for EYB; GYB or SYB for the others)";
        /// Checkbox: business licence needed.
        RequiresBusinessLicence => "须已办理营业执照", "Needs a business licence";
        /// Save a policy.
        SavePolicy => "保存政策", "Save policy";
        /// Policy saved.
        PolicySaved => "政策已保存。", "Policy saved.";

        // Notifications
        /// Notifications heading.
        NotificationsTitle => "通知", "Notifications";
        /// No notifications.
        NoNotifications => "暂无通知。", "No notifications yet.";
        /// Mark one read.
        MarkRead => "标为已读", "Mark as read";
        /// Mark all read.
        MarkAllRead => "全部标为已读", "Mark all as read";

        // Home cards for classes
        /// Card: catalogue, title.
        CardClassesTitle => "报名培训", "Find a class";
        /// Card: catalogue, body.
        CardClassesBody =>
            "查找本地的马兰花创业培训班期，在线报名或排队候补。",
            "Find Malanhua classes near you and enrol, or join a waitlist.";
        /// Card: my classes, title.
        CardMyClassesTitle => "我的课程", "My classes";
        /// Card: my classes, body.
        CardMyClassesBody => "查看已报名和候补中的班期。", "See the classes you enrolled in or wait for.";
        /// Card action: my classes.
        CardMyClassesAction => "查看我的课程", "Open my classes";
        /// Card action: institution workbench.
        CardInstitutionAction => "进入机构工作台", "Open the workbench";
        /// Card: approvals, title.
        CardReviewTitle => "开班审批与培训政策", "Opening approvals and policies";
        /// Card action: approvals.
        CardReviewAction => "进入审批工作台", "Open approvals";
    }

    // Catalogue
    /// A timetable clash, naming the class already held and when it meets.
    fn schedule_clash_with(title: &str, when: &str) => "该班期与您已报名的“{title}”上课时间冲突（{when} 的课次）。请先退出那个班期，或选择其他时间的班期。", "This class meets at the same time as “{title}”, which you are enrolled in (its session at {when}). Withdraw from that class first, or choose a class at another time.";
    /// Number of matches, `count`.
    fn catalogue_count(count: &str) => "共找到 {count} 个班期。", "{count} classes found.";
    /// Page `page` of `pages`.
    fn page_info(page: &str, pages: &str) => "第 {page} / {pages} 页", "Page {page} of {pages}";

    // Class page
    /// The trainee waits, at position `position`.
    fn you_are_waitlisted(position: &str) =>
        "您在候补名单第 {position} 位，有名额空出时将按顺序递补。",
        "You are number {position} on the waitlist; seats that free up go to the waitlist in order.";

    // My classes
    /// Waitlist position `position`.
    fn waitlist_position(position: &str) => "候补第 {position} 位", "Waitlist position {position}";

    // Institution
    /// Trainer added, `name` the name.
    fn trainer_added(name: &str) => "已添加讲师：{name}。", "Trainer added: {name}.";
    /// Legend of session `n`.
    fn session_n(n: &str) => "第 {n} 次课", "Session {n}";
    /// Accessible name of the remove button, session `n`.
    fn remove_session_n(n: &str) => "删除第 {n} 次课", "Remove session {n}";
    /// Scheduled time, `hours` hours `minutes` minutes.
    fn sessions_total(hours: &str, minutes: &str) =>
        "已安排 {hours} 小时 {minutes} 分钟",
        "Scheduled: {hours} h {minutes} min";
    /// Request filed, `title` the title.
    fn class_filed(title: &str) =>
        "开班申请已提交：{title}。请等待人社局审批。",
        "Opening request filed: {title}. It now waits for the bureau's approval.";
    /// Policy summary: `hours` hours, `trainees` trainees, `days` days.
    fn policy_hint(hours: &str, trainees: &str, days: &str) =>
        "本地区政策：不少于 {hours} 学时；每班不超过 {trainees} 人；须在开课前 {days} 天提交申请。",
        "Your region's policy: at least {hours} hours; at most {trainees} trainees per class; file at least {days} days before the start.";

    // Roster
    /// Roster heading, `class` the class.
    fn roster_of(class: &str) => "花名册：{class}", "Roster: {class}";
    /// Enrolled heading, `count` people.
    fn roster_enrolled(count: &str) => "已报名（{count} 人）", "Enrolled ({count})";
    /// Waitlist heading, `count` people.
    fn roster_waitlist(count: &str) => "候补名单（{count} 人）", "Waitlist ({count})";

    // Bureau
    /// Approved, `class` the class.
    fn class_approved_done(class: &str) => "已批准开班：{class}。", "Approved: {class}.";
    /// The question before approving, `class` the class.
    fn approve_class_question(class: &str) => "确认批准开班：{class}？", "Approve {class}?";
    /// Rejected, `class` the class.
    fn class_rejected_done(class: &str) => "已不予批准：{class}。", "Rejected: {class}.";
    /// Lead, `region` the region.
    fn policies_lead(region: &str) =>
        "{region}的各类课程培训政策。未单独设置的，沿用上级地区的政策。",
        "The course policies of {region}. A course without its own policy uses the one of the region above.";
    /// Inherited from `region`.
    fn policy_inherited(region: &str) =>
        "现沿用{region}的政策；保存后本地区将单独设置。",
        "The policy of {region} applies now; saving gives your region its own.";

    // Home cards for classes
    /// Card: approvals, body with `region` the region.
    fn card_review_body(region: &str) =>
        "审批{region}培训机构的开班申请，设置本地区的培训政策。",
        "Decide the opening requests of institutions in {region} and set your region's course policies.";
}

/// The full name of a course kind.
pub fn kind_name(lang: Lang, kind: CourseKind) -> &'static str {
    let (zh, en) = malanhua_shared::labels::course_kind(kind);
    pick(lang, zh, en)
}

/// The short name of a course kind, for badges.
pub fn kind_short(lang: Lang, kind: CourseKind) -> &'static str {
    let (zh, en) = match kind {
        CourseKind::Gyb => ("GYB", "GYB"),
        CourseKind::Syb => ("SYB", "SYB"),
        CourseKind::Iyb => ("IYB", "IYB"),
        CourseKind::Eyb => ("EYB", "EYB"),
        CourseKind::OnlineVenture => ("网络创业", "Online"),
        CourseKind::Simulation => ("模拟实训", "Simulation"),
    };
    pick(lang, zh, en)
}

/// Online or offline.
pub fn mode_name(lang: Lang, mode: ClassMode) -> &'static str {
    match mode {
        ClassMode::Offline => pick(lang, "线下面授", "In a classroom"),
        ClassMode::Online => pick(lang, "线上授课", "Online"),
    }
}

/// The status of a class.
pub fn class_status_name(lang: Lang, status: ClassStatus) -> &'static str {
    match status {
        ClassStatus::Pending => pick(lang, "待审批", "Awaiting approval"),
        ClassStatus::Approved => pick(lang, "已批准", "Approved"),
        ClassStatus::Rejected => pick(lang, "未获批准", "Rejected"),
        ClassStatus::Cancelled => pick(lang, "已取消", "Cancelled"),
    }
}

/// The status of a trainee's place.
pub fn enrolment_status_name(lang: Lang, status: EnrolmentStatus) -> &'static str {
    match status {
        EnrolmentStatus::Enrolled => pick(lang, "已报名", "Enrolled"),
        EnrolmentStatus::Waitlisted => pick(lang, "候补中", "On the waitlist"),
        EnrolmentStatus::Withdrawn => pick(lang, "已退出", "Withdrawn"),
        EnrolmentStatus::Cancelled => pick(lang, "班期已取消", "Class cancelled"),
    }
}
