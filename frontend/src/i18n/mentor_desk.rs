//! Texts of the mentor's workspace (application, profile, availability,
//! requests, services, group sessions) and of the bureau's mentor library.

use malanhua_shared::api::mentors::MentorAction;

use super::{Lang, pick};

messages! {
    /// The workspace and bureau texts without arguments.
    pub enum MentorDeskKey {
        // Application and profile
        /// Workspace heading.
        WorkspaceTitle => "导师工作台", "Mentor workspace";
        /// Application heading.
        ApplyTitle => "申报创业导师", "Apply to become a mentor";
        /// Application lead.
        ApplyLead =>
            "创业导师由人社部门审核聘任，聘期内为创业者提供免费咨询服务。请如实填写以下信息。",
            "Mentors are admitted by the bureau for a term and advise entrepreneurs free of charge. Please fill in the form truthfully.";
        /// Legend: region.
        ApplyRegion => "申报地区（导师库所在地）", "Region of the library";
        /// Label: name.
        RealName => "姓名", "Name";
        /// Label: title.
        TitleLabel => "职称或职务", "Title or position";
        /// Label: employer.
        Employer => "工作单位", "Employer";
        /// Label: years.
        Years => "从业年限", "Years of experience";
        /// Legend: expertise.
        ExpertiseLegend => "专长领域（至少选一项）", "Expertise (at least one)";
        /// Label: tags.
        TagsLabel => "标签（选填）", "Tags (optional)";
        /// Label: industries.
        IndustriesLabel => "服务行业", "Industries";
        /// Label: languages.
        LanguagesLabel => "服务语言", "Languages";
        /// Hint under the lists.
        ListHint => "多项请用逗号或顿号分隔。", "Separate several with commas.";
        /// Label: bio.
        BioLabel => "个人简介（20–1000 字）", "Biography (20 to 1000 characters)";
        /// Label: evidence.
        EvidenceLabel => "资质证明（如创业指导师、SYB 讲师证书编号）", "Evidence (certificate numbers, e.g. SYB trainer)";
        /// Choose a mode.
        ChooseMode => "请选择", "Choose";
        /// Submit the application.
        ApplySubmit => "提交申报", "Apply";
        /// Profile heading.
        ProfileTitle => "导师资料", "Profile";
        /// Save the profile.
        ProfileSave => "保存资料", "Save the profile";
        /// Saved.
        Saved => "已保存。", "Saved.";
        /// Status heading.
        StatusTitle => "导师状态", "Status";
        /// Waiting for review.
        AppliedLead => "您的申报已提交，请等待人社部门审核。", "Your application is with the bureau.";

        // Sections
        /// Section: availability.
        TabAvailability => "可预约时间", "Availability";
        /// Section: requests.
        TabRequests => "预约申请", "Requests";
        /// Section: appointments.
        TabAppointments => "预约安排", "Appointments";
        /// Section: group sessions.
        TabGroups => "集中服务", "Group sessions";
        /// Section: ratings.
        TabRatings => "服务评价", "Ratings";
        /// Section: profile.
        TabProfile => "资料", "Profile";
        /// Label of the section list.
        SectionsLabel => "工作台栏目", "Workspace sections";

        // Availability
        /// Label: slot length.
        SlotMinutes => "每次预约时长", "Appointment length";
        /// Label: buffer before.
        BufferBefore => "预约前间隔（分钟）", "Break before (minutes)";
        /// Label: buffer after.
        BufferAfter => "预约后间隔（分钟）", "Break after (minutes)";
        /// Label: notice.
        NoticeHours => "最少提前预约（小时）", "Notice needed (hours)";
        /// Label: horizon.
        HorizonDays => "可提前预约天数", "Bookable days ahead";
        /// Label: per day.
        MaxPerDay => "每天最多预约（选填）", "At most a day (optional)";
        /// Label: per week.
        MaxPerWeek => "每周最多预约（选填）", "At most a week (optional)";
        /// Legend: weekly hours.
        WeeklyTitle => "每周开放时间（北京时间）", "Weekly hours (Beijing time)";
        /// Label: weekday.
        Weekday => "星期", "Day";
        /// Label: start.
        Start => "开始", "From";
        /// Label: end.
        End => "结束", "Until";
        /// Add a weekly row.
        AddRow => "添加时段", "Add hours";
        /// Remove a row.
        RemoveRow => "删除", "Remove";
        /// Legend: overrides.
        OverridesTitle => "特殊日期", "Special dates";
        /// Label: override date.
        OverrideDay => "日期", "Date";
        /// Checkbox: closed.
        OverrideClosed => "当天不开放", "Closed that day";
        /// Add an override.
        AddOverride => "添加特殊日期", "Add a date";
        /// Save.
        AvailabilitySave => "保存设置", "Save availability";
        /// Preview heading.
        PreviewTitle => "可预约时段预览", "Preview of free slots";

        // Requests and appointments
        /// No pending request.
        NoRequests => "暂无待确认的预约申请。", "No requests waiting.";
        /// Confirm.
        Confirm => "确认", "Confirm";
        /// Decline.
        Decline => "婉拒", "Decline";
        /// Decline heading.
        DeclineTitle => "婉拒预约", "Decline the request";
        /// Decline lead.
        DeclineLead => "请说明原因，预约人会收到通知。", "Say why; the person is told.";
        /// Record a service.
        RecordService => "记录服务", "Record the service";
        /// Save a record.
        RecordSubmit => "保存服务记录", "Save the record";
        /// Mark absent.
        MarkNoShow => "标记未到", "Mark as absent";
        /// Confirm marking absent.
        ConfirmNoShow => "确认对方未到", "Yes, they did not come";
        /// Keep.
        Keep => "返回", "Back";

        // Group sessions
        /// Publish heading.
        PublishTitle => "发布集中服务", "Publish a group session";
        /// Label: topic.
        GroupTopic => "主题", "Topic";
        /// Label: start.
        GroupStart => "开始时间（北京时间）", "Starts (Beijing time)";
        /// Label: end.
        GroupEnd => "结束时间（北京时间）", "Ends (Beijing time)";
        /// Label: place.
        GroupPlace => "地点或线上链接", "Place or link";
        /// Label: seats.
        GroupSeats => "名额", "Seats";
        /// Publish.
        PublishSubmit => "发布", "Publish";
        /// Cancel a session.
        CancelGroup => "取消活动", "Call it off";
        /// Cancel heading.
        CancelGroupTitle => "取消集中服务", "Call off the group session";
        /// Cancel lead.
        CancelGroupLead => "已报名和候补的人都会收到通知。", "Everyone seated or waiting is told.";
        /// List heading.
        MyGroupsTitle => "已发布的集中服务", "Published group sessions";

        // Bureau
        /// Bureau heading.
        BureauTitle => "导师库管理", "Mentor library";
        /// Label: status filter.
        StatusFilter => "状态", "Status";
        /// No mentor.
        NoMentors => "没有该状态的导师。", "No mentor in this state.";
        /// Label: term start.
        TermFrom => "聘期开始日期", "Term starts";
        /// Label: term years.
        TermYears => "聘期（年，留空按本地政策）", "Term in years (empty: the policy's)";
        /// Admit submit.
        AdmitSubmit => "确认聘任", "Admit";
        /// Reinstate confirmation.
        ReinstateConfirm => "确认恢复服务", "Yes, reinstate";
        /// Lead of the reason forms.
        DecisionLead => "请填写原因，导师会收到通知。此操作会记入审计日志。", "Give a reason; the mentor is told and the act is logged.";
        /// Evaluation heading.
        Evaluation => "年度服务考核", "Yearly evaluation";
        /// Show the evaluation.
        ShowEvaluation => "查看考核", "Show evaluation";
        /// Label: year.
        Year => "年度", "Year";
        /// Label: services.
        Services => "服务次数", "Services";
        Confirmed => "服务对象确认", "Confirmed by the person served";
        Attendees => "报名名单", "Attendees";
        Waiting => "候补", "Waiting";
        Absent => "未到", "Absent";
        ConfirmedByPerson => "已确认参加", "Confirmed";
        /// Label: qualifying.
        Qualifying => "有效服务次数", "Qualifying services";
        /// Label: required.
        Required => "要求次数", "Required";
        /// Meets.
        Meets => "达标", "Meets the requirement";
        /// Does not meet.
        NotMeets => "未达标", "Below the requirement";
        /// Label: evidence.
        Evidence => "资质证明", "Evidence";
    }

    /// The term.
    fn term_range(from: &str, to: &str) => "聘期：{from} 至 {to}", "Term: {from} to {to}";
    /// The qualifying services' minimum length.
    fn min_minutes(n: &str) => "（每次不少于 {n} 分钟）", "(each at least {n} minutes)";
}

/// What an officer does to a mentor.
pub fn mentor_action_name(lang: Lang, a: MentorAction) -> &'static str {
    let (zh, en) = match a {
        MentorAction::Admit => ("聘任", "Admit"),
        MentorAction::Refuse => ("不予聘任", "Refuse"),
        MentorAction::Suspend => ("暂停", "Suspend"),
        MentorAction::Reinstate => ("恢复", "Reinstate"),
        MentorAction::Remove => ("解聘", "Remove"),
    };
    pick(lang, zh, en)
}
