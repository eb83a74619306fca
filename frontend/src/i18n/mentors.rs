//! Texts of the mentor library for everybody: the directory, a mentor's
//! page, booking, group sessions and the person's own appointments; names
//! of the library's enums. The workspace and the bureau are in
//! `mentor_desk.rs`.

use malanhua_shared::api::mentors::{AppointmentStatus, Expertise, MentorStatus, SeatStatus, ServiceMode};

use super::{Lang, pick};

messages! {
    /// The mentor library's texts without arguments.
    pub enum MentorsKey {
        // Navigation
        /// Navigation: the directory.
        NavMentors => "创业导师", "Mentors";
        /// Navigation: the person's appointments.
        NavMyAppointments => "我的预约", "My appointments";
        /// Navigation: the mentor's workspace.
        NavWorkspace => "导师工作台", "Mentor workspace";

        // Directory
        /// Directory heading.
        DirectoryTitle => "创业导师库", "Mentor library";
        /// Directory lead.
        DirectoryLead =>
            "经人社部门聘任的创业导师为创业者提供一对一咨询和集中服务，免费预约。",
            "Mentors admitted by the human resources bureaus advise entrepreneurs one to one and in group sessions, free of charge.";
        /// Link to the application.
        ApplyLink => "申报成为创业导师", "Apply to become a mentor";
        /// Label: free text.
        FilterQ => "关键词", "Keywords";
        /// Hint under the free text.
        FilterQHint => "姓名、职务、单位、标签或简介。", "Name, title, employer, tags or biography.";
        /// Legend: region.
        FilterRegion => "地区", "Region";
        /// Label: expertise.
        FilterExpertise => "专长领域", "Expertise";
        /// Empty option: any expertise.
        AnyExpertise => "全部领域", "Any area";
        /// Label: industry.
        FilterIndustry => "服务行业", "Industry";
        /// Label: language.
        FilterLanguage => "服务语言", "Language";
        /// Label: service mode.
        FilterMode => "服务方式", "How they serve";
        /// Empty option: any mode.
        AnyMode => "线上和线下", "Online and in person";
        /// Label: sort.
        SortLabel => "排序", "Sort by";
        /// Sort: soonest free slot.
        SortSoonest => "最早可约", "Soonest free slot";
        /// Sort: rating.
        SortRating => "评分最高", "Highest rated";
        /// Filter button.
        Search => "查询", "Search";
        /// Hidden heading of the results.
        Results => "查询结果", "Results";
        /// No mentor matches.
        DirectoryEmpty => "没有符合条件的导师，请调整筛选条件。", "No mentor matches these filters; try changing them.";
        /// Load the next page.
        More => "加载更多", "Show more";
        /// No free slot within the horizon.
        NoFreeSlot => "暂无可预约时段", "No free slot at the moment";

        // Mentor page
        /// Mentor page title.
        MentorPageTitle => "导师详情", "Mentor";
        /// Link back to the directory.
        BackToDirectory => "← 返回导师库", "← Back to the mentors";
        /// Heading: biography.
        Bio => "个人简介", "Biography";
        /// Label: expertise.
        ExpertiseLabel => "专长领域", "Expertise";
        /// Label: tags.
        Tags => "标签", "Tags";
        /// Label: industries.
        Industries => "服务行业", "Industries";
        /// Label: languages.
        Languages => "服务语言", "Languages";
        /// Label: mode.
        ModeLabel => "服务方式", "How they serve";
        /// Label: services this year.
        ServicesThisYear => "本年度服务次数", "Services this year";
        /// Label: rating.
        RatingLabel => "评分", "Rating";
        /// No rating shown yet.
        NoRatingYet => "暂无评分（满 3 条评价后显示）", "Not rated yet (shown from three ratings)";
        /// Heading: comments.
        Comments => "服务评价", "What people said";
        /// No comments.
        NoComments => "暂无评价。", "No comments yet.";
        /// Heading: slots.
        SlotsTitle => "可预约时段（北京时间）", "Free slots (Beijing time)";
        /// Previous week.
        PrevWeek => "上一周", "Previous week";
        /// Next week.
        NextWeek => "下一周", "Next week";
        /// No slot in the week.
        NoSlotsThisWeek => "本周没有可预约的时段，请查看下一周。", "No free slot this week; try the next one.";
        /// Label of the week navigation.
        WeekNav => "按周浏览", "Browse by week";

        // Booking
        /// Heading of the booking form.
        BookTitle => "预约咨询", "Book a consultation";
        /// Label: topic.
        BookTopic => "咨询主题", "Topic";
        /// Label: business.
        BookBusiness => "项目情况简介", "About your business";
        /// Hint under the business.
        BookBusinessHint =>
            "请简要说明项目所处阶段、遇到的问题（10–1000 字）。",
            "Say briefly where the business stands and what you need help with (10 to 1000 characters).";
        /// Label: plan file name.
        BookPlan => "商业计划书文件名（选填）", "Business plan file name (optional)";
        /// Submit a booking.
        BookSubmit => "提交预约申请", "Send the request";
        /// What happens after booking.
        BookNote =>
            "导师确认后预约生效，结果将通过通知告诉您。",
            "The appointment stands once the mentor confirms; you will be notified.";
        /// Pick a slot before the form.
        PickSlotFirst => "请先在上方选择一个时段。", "Pick a slot above first.";
        /// Hint for visitors.
        SignInToBook => "登录后即可预约导师。", "Sign in to book a mentor.";
        /// Sign-in link for visitors.
        SignInAndBook => "登录后预约", "Sign in to book";

        // Group sessions
        /// Heading: group sessions.
        GroupsTitle => "集中服务", "Group sessions";
        /// No group session.
        NoGroups => "暂无即将举行的集中服务。", "No group session coming up.";
        /// Label: place.
        Place => "地点", "Place";
        /// Join.
        Join => "报名参加", "Join";
        /// Join the waitlist.
        JoinWaitlist => "报名候补", "Join the waitlist";
        /// Leave.
        Leave => "退出", "Leave";
        /// The person holds a seat.
        YouAreSeated => "您已报名", "You have a seat";
        /// Sign in to join.
        SignInToJoin => "登录后报名", "Sign in to join";

        // My appointments
        /// Page heading.
        MyAppointmentsTitle => "我的预约", "My appointments";
        /// Heading: upcoming.
        Upcoming => "即将进行", "Upcoming";
        /// Heading: past.
        Past => "已结束", "Past";
        /// No appointment.
        NoAppointments => "暂无预约。", "No appointments.";
        /// Link to the directory.
        FindMentor => "查找创业导师", "Find a mentor";
        /// Label: topic.
        TopicLabel => "主题", "Topic";
        /// Label: business.
        BusinessLabel => "项目情况", "Business";
        /// Label: plan.
        PlanLabel => "商业计划书", "Business plan";
        /// Cancel an appointment.
        Cancel => "取消预约", "Cancel";
        /// Cancel form heading.
        CancelTitle => "取消预约", "Cancel the appointment";
        /// Cancel form lead.
        CancelLead => "取消后该时段将释放，对方会收到通知。", "The time is freed and the other side is told.";
        /// Reschedule.
        Reschedule => "改期", "Reschedule";
        /// Reschedule heading.
        RescheduleTitle => "选择新的时段", "Pick a new time";
        /// Reschedule reason.
        RescheduleReason => "改期说明（选填）", "Why (optional)";
        /// Reschedule button.
        RescheduleSubmit => "确认改期", "Move the appointment";
        /// Close a panel.
        Close => "收起", "Close";
        /// Calendar file.
        DownloadIcs => "下载日历文件 (.ics)", "Download calendar file (.ics)";
        /// Confirm and rate.
        ConfirmAndRate => "确认并评价", "Confirm and rate";
        /// Rate form heading.
        RateTitle => "确认服务并评价", "Confirm the service and rate it";
        /// Rate form lead.
        RateLead => "确认本次服务已经进行，并为导师打分（1–5 分）。", "Confirm the service took place and rate it from 1 to 5.";
        /// Label: stars.
        RatingInput => "评分", "Rating";
        /// Label: comment.
        RatingComment => "评价内容（选填）", "Comment (optional)";
        /// Submit a rating.
        RateSubmit => "提交评价", "Send the rating";
        /// Heading: service record.
        ServiceRecord => "服务记录", "Service record";
        /// Label: discussed.
        Discussed => "交流内容", "What was discussed";
        /// Label: advice.
        Advice => "指导建议", "Advice";
        /// Label: follow-up.
        FollowUp => "后续跟进", "Follow-up";
        /// Label: minutes.
        Minutes => "服务时长（分钟）", "Length (minutes)";
        /// Checkbox: the service was held in person.
        Offline => "线下当面服务（可享交通补贴）", "Held in person (earns the transport allowance)";
        /// Marked absent.
        NoShow => "未到", "Did not come";
        /// Heading: group seats.
        MyGroupSeats => "我报名的集中服务", "My group sessions";
        /// No group seat.
        NoGroupSeats => "暂无报名的集中服务。", "No group sessions.";
        /// Heading: calendar feed.
        CalendarTitle => "日历订阅", "Calendar feed";
        /// Calendar feed lead.
        CalendarLead =>
            "把下面的地址添加到手机或电脑日历，预约会自动同步。请勿分享此地址。",
            "Add this address to your phone or computer calendar to see your appointments there. Do not share it.";
        /// Label: feed URL.
        CalendarUrl => "订阅地址", "Feed address";
        /// Copy.
        Copy => "复制链接", "Copy the link";
        /// Copied.
        Copied => "已复制。", "Copied.";
        /// Renew.
        RenewCalendar => "重新生成地址（旧地址失效）", "Make a new address (the old one stops working)";
    }

    /// `avg` rating from `count` ratings.
    fn rating_of(avg: &str, count: &str) => "{avg} 分（{count} 人评价）", "{avg} / 5 ({count} ratings)";
    /// Years of experience.
    fn years_of(years: &str) => "从业 {years} 年", "{years} years' experience";
    /// The soonest free slot.
    fn next_free(at: &str) => "最早可约：{at}", "Soonest free: {at}";
    /// The week shown.
    fn week_of(from: &str, to: &str) => "{from} 至 {to}", "{from} to {to}";
    /// The chosen slot.
    fn chosen_slot(at: &str) => "已选时段：{at}（北京时间）", "Chosen: {at} (Beijing time)";
    /// Seats left of seats.
    fn group_seats_left(left: &str, seats: &str) => "剩余 {left} / {seats} 个名额", "{left} of {seats} seats left";
    /// People waiting.
    fn group_waitlist(n: &str) => "候补 {n} 人", "{n} waiting";
    /// The person's waitlist place.
    fn waitlisted_at(position: &str) => "您在候补第 {position} 位", "You are number {position} on the waitlist";
    /// The person's rating.
    fn your_rating(n: &str) => "您的评价：{n} 分", "Your rating: {n} / 5";
    /// Minutes.
    fn minutes_n(n: &str) => "{n} 分钟", "{n} minutes";
    /// When a pending request lapses.
    fn answer_by(at: &str) => "导师须在 {at} 前答复", "The mentor answers by {at}";
    /// A stars option.
    fn stars(n: &str) => "{n} 分", "{n} / 5";
}

/// An expertise area.
pub fn expertise_name(lang: Lang, e: Expertise) -> &'static str {
    let (zh, en) = match e {
        Expertise::Marketing => ("市场营销", "Marketing"),
        Expertise::FinanceTax => ("财务税务", "Finance and tax"),
        Expertise::Law => ("法律", "Law"),
        Expertise::Ecommerce => ("电商", "E-commerce"),
        Expertise::Agriculture => ("农业", "Agriculture"),
        Expertise::Catering => ("餐饮", "Catering"),
        Expertise::Technology => ("科技", "Technology"),
        Expertise::CulturalCreative => ("文创", "Cultural and creative"),
        Expertise::Financing => ("融资", "Financing"),
        Expertise::Management => ("企业管理", "Management"),
        Expertise::HumanResources => ("人力资源", "Human resources"),
    };
    pick(lang, zh, en)
}

/// How a mentor serves.
pub fn service_mode_name(lang: Lang, m: ServiceMode) -> &'static str {
    match m {
        ServiceMode::Online => pick(lang, "线上", "Online"),
        ServiceMode::Offline => pick(lang, "线下", "In person"),
        ServiceMode::Both => pick(lang, "线上线下均可", "Online or in person"),
    }
}

/// Where a mentor stands.
pub fn mentor_status_name(lang: Lang, s: MentorStatus) -> &'static str {
    let (zh, en) = match s {
        MentorStatus::Applied => ("已申报，待审核", "Applied, awaiting review"),
        MentorStatus::Active => ("在聘", "Active"),
        MentorStatus::Refused => ("未获聘任", "Refused"),
        MentorStatus::Suspended => ("暂停服务", "Suspended"),
        MentorStatus::Removed => ("已解聘", "Removed"),
        MentorStatus::Expired => ("聘期届满", "Term ended"),
    };
    pick(lang, zh, en)
}

/// Where an appointment stands.
pub fn appointment_status_name(lang: Lang, s: AppointmentStatus) -> &'static str {
    let (zh, en) = match s {
        AppointmentStatus::Pending => ("待确认", "Awaiting the mentor"),
        AppointmentStatus::Confirmed => ("已确认", "Confirmed"),
        AppointmentStatus::Declined => ("已婉拒", "Declined"),
        AppointmentStatus::Expired => ("已过期", "Expired"),
        AppointmentStatus::Cancelled => ("已取消", "Cancelled"),
    };
    pick(lang, zh, en)
}

/// A place in a group session.
pub fn seat_status_name(lang: Lang, s: SeatStatus) -> &'static str {
    let (zh, en) = match s {
        SeatStatus::Seated => ("已报名", "Seated"),
        SeatStatus::Waitlisted => ("候补中", "On the waitlist"),
        SeatStatus::Left => ("已退出", "Left"),
        SeatStatus::Cancelled => ("活动已取消", "Session called off"),
    };
    pick(lang, zh, en)
}

/// A weekday, 1 = Monday … 7 = Sunday.
pub fn weekday_name(lang: Lang, day: u8) -> &'static str {
    let (zh, en) = match day {
        1 => ("周一", "Monday"),
        2 => ("周二", "Tuesday"),
        3 => ("周三", "Wednesday"),
        4 => ("周四", "Thursday"),
        5 => ("周五", "Friday"),
        6 => ("周六", "Saturday"),
        _ => ("周日", "Sunday"),
    };
    pick(lang, zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_differently_in_each_language() {
        for e in Expertise::ALL {
            assert_ne!(expertise_name(Lang::Zh, *e), expertise_name(Lang::En, *e));
        }
        for s in MentorStatus::ALL {
            assert_ne!(mentor_status_name(Lang::Zh, *s), mentor_status_name(Lang::En, *s));
        }
        assert_eq!(rating_of(Lang::En, "4.5", "3"), "4.5 / 5 (3 ratings)");
    }
}
