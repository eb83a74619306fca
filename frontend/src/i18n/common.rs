//! Texts of the layout, the navigation and words every feature uses
//! (table columns, labels, the 404 page).

messages! {
    /// The layout and general texts without arguments.
    pub enum CommonKey {
        // Layout
        /// Product name in the header and titles.
        AppName => "马兰花创业培训", "Malanhua Entrepreneurship Training";
        /// The product's short name, in the header on a phone.
        AppShortName => "马兰花", "Malanhua";
        /// Skip link to the main region.
        SkipToContent => "跳到主要内容", "Skip to main content";
        /// Label of the main navigation.
        NavLabel => "主导航", "Main navigation";
        /// The button that opens the navigation on a phone.
        NavMenu => "菜单", "Menu";
        /// The menu of the signed-in person's own pages.
        NavAccountMenu => "我的账户", "My account";
        /// Navigation: home.
        NavHome => "首页", "Home";
        /// Navigation: sign in.
        NavLogin => "登录", "Sign in";
        /// Navigation: sign up.
        NavRegister => "注册", "Sign up";
        /// Navigation: profile.
        NavProfile => "个人资料", "Profile";
        /// Navigation: administration.
        NavAdmin => "管理", "Administration";
        /// Navigation: sign out.
        NavLogout => "退出", "Sign out";
        /// The language switch's visible text (names the other language).
        LangSwitch => "English", "中文";
        /// Footer line.
        Footer => "马兰花创业培训服务平台", "Malanhua entrepreneurship training service platform";
        /// Footer help line.
        FooterHelp =>
            "如需帮助，请联系当地人力资源和社会保障部门。",
            "For help, please contact your local human resources and social security bureau.";
        /// Shown while something loads.
        Loading => "加载中…", "Loading…";
        /// The account could not be loaded at start.
        SessionLoadFailed => "暂时无法加载您的账号信息。", "Your account could not be loaded just now.";
        /// Retry button.
        Retry => "重试", "Try again";
        /// Shown while a form is being sent.
        Submitting => "提交中…", "Sending…";
        /// A value that has not been given.
        NotProvided => "未填写", "Not provided";
        /// Network failure.
        NetworkError =>
            "无法连接服务器，请检查网络后重试。",
            "The server could not be reached. Please check your connection and try again.";

        // Navigation and shared bits of the classes pages
        /// Navigation: the class catalogue.
        NavClasses => "课程", "Classes";
        /// Navigation: a trainee's classes.
        NavMyClasses => "我的课程", "My classes";
        /// Navigation: the institution workbench.
        NavInstitution => "机构工作台", "Institution";
        /// Navigation: the bureau workbench.
        NavBureau => "审批工作台", "Approvals";
        /// Navigation: notifications.
        NavNotifications => "通知", "Notifications";
        /// No seats left.
        SeatsFull => "名额已满 – 可排队候补", "Full – join the waitlist";
        /// Link to a class page.
        ViewClass => "查看班期", "View the class";
        /// Link to the catalogue.
        BrowseClasses => "浏览培训课程", "Browse classes";
        /// Label: course kind.
        CourseKindLabel => "课程类型", "Course";
        /// Label: online or offline.
        ClassModeLabel => "上课方式", "Format";
        /// Label: the training institution.
        InstitutionLabel => "培训机构", "Training institution";
        /// Label: where the class meets.
        PlaceLabel => "上课地点", "Venue";
        /// The venue of an online class.
        OnlinePlace => "线上授课", "Online";
        /// Label: first and last day.
        ClassDates => "培训日期", "Dates";
        /// Label: class hours.
        ClassHours => "学时", "Hours";
        /// Label: seats.
        Capacity => "班级人数", "Seats";
        /// Heading: the sessions.
        SessionsTitle => "课程安排", "Sessions";
        /// Heading: the trainers.
        TrainersTitle => "讲师", "Trainers";
        /// Column: order.
        ColSeq => "序号", "No.";
        /// Column / label: date.
        ColDate => "日期", "Date";
        /// Column: time.
        ColTime => "时间", "Time";
        /// Column / label: topic.
        ColTopic => "内容", "Topic";
        /// Column: class.
        ColClass => "班期", "Class";
        /// Column / label: status.
        ColStatus => "状态", "Status";
        /// Column: actions.
        ColActions => "操作", "Actions";
        /// Column: seats taken.
        ColEnrolled => "报名情况", "Enrolment";
        /// Column: the trainee's place.
        ColMyPlace => "我的报名", "My place";
        /// Label: a reason.
        Reason => "原因", "Reason";
        /// Badge: not read yet.
        Unread => "未读", "Unread";

        // Not found
        /// 404 heading.
        NotFoundTitle => "页面不存在", "Page not found";
        /// 404 body.
        NotFoundBody => "您访问的页面不存在或已被移动。", "The page you asked for does not exist or has moved.";
        /// Link back home.
        BackHome => "返回首页", "Back to the home page";
        /// The way back out of a confirmation dialog.
        KeepAsIs => "不，返回", "No, go back";
    }

    // Layout
    /// Too many attempts, with `minutes` minutes.
    fn too_many_attempts_minutes(minutes: &str) =>
        "尝试次数过多，请 {minutes} 分钟后再试。",
        "Too many attempts. Please try again in {minutes} minutes.";

    // Navigation and shared bits of the classes pages
    /// Screen-reader text of the unread count, with `count` the number.
    fn unread_count(count: &str) => "（{count} 条未读）", " ({count} unread)";
    /// Two dates or times joined, `from` to `to`.
    fn date_range(from: &str, to: &str) => "{from} 至 {to}", "{from} to {to}";
    /// Class hours, with `hours` the number.
    fn hours_count(hours: &str) => "共 {hours} 学时", "{hours} class hours";
    /// Seats left, with `seats` the number.
    fn seats_left(seats: &str) => "剩余 {seats} 个名额", "{seats} seats left";
    /// Seats taken, `taken` of `capacity`.
    fn seats_taken(taken: &str, capacity: &str) => "已报名 {taken} / {capacity} 人", "{taken} of {capacity} seats taken";
    /// People waiting, with `count` the number.
    fn waitlisted_count(count: &str) => "候补 {count} 人", "{count} on the waitlist";
    /// A reason given, with `reason` the reason.
    fn status_reason(reason: &str) => "原因：{reason}", "Reason: {reason}";
    /// A trainer's qualification number, `number`.
    fn qualification_shown(number: &str) => "（讲师证书 {number}）", "(certificate {number})";
}
