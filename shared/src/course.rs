//! Course kinds and the states of classes and enrolments, with their stable
//! storage names; and the programme's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

named_enum!(
    /// The 马兰花 course family.
    CourseKind {
        /// GYB 产生你的企业想法
        Gyb = "gyb",
        /// SYB 创办你的企业
        Syb = "syb",
        /// IYB 改善你的企业
        Iyb = "iyb",
        /// EYB 扩大你的企业
        Eyb = "eyb",
        /// 网络创业培训
        OnlineVenture = "online_venture",
        /// 创业模拟实训
        Simulation = "simulation",
    }
);

named_enum!(
    /// Where a class takes place.
    ClassMode {
        /// In a classroom (a place is required).
        Offline = "offline",
        /// Online.
        Online = "online",
    }
);

named_enum!(
    /// The life of a class.
    ClassStatus {
        /// Filed by the institution, waiting for the bureau (开班申请待审).
        Pending = "pending",
        /// Approved: listed and taking enrolments.
        Approved = "approved",
        /// Refused by the bureau, with a reason.
        Rejected = "rejected",
        /// Called off, with a reason; its trainees are told.
        Cancelled = "cancelled",
    }
);

named_enum!(
    /// A trainee's place in a class.
    EnrolmentStatus {
        /// Holds a seat.
        Enrolled = "enrolled",
        /// Waiting for a seat, at a position.
        Waitlisted = "waitlisted",
        /// Left the class.
        Withdrawn = "withdrawn",
        /// The class was cancelled.
        Cancelled = "cancelled",
    }
);

impl EnrolmentStatus {
    /// Enrolled or waitlisted: the person holds a place in the class.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Enrolled | Self::Waitlisted)
    }
}

/// Asia/Shanghai: UTC+8 all year (no daylight saving since 1991).
pub fn shanghai() -> FixedOffset {
    // 8 hours is within the valid range, so the fallback is never used.
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// The earlier certificates that count as the prior training of `kind` when
/// its policy requires one and names none, in the programme's order: IYB
/// (改善你的企业) follows GYB or SYB, EYB (扩大你的企业) follows IYB, and the
/// simulation follows GYB or SYB.
pub fn default_prior_kinds(kind: CourseKind) -> Vec<CourseKind> {
    match kind {
        CourseKind::Eyb => vec![CourseKind::Iyb],
        CourseKind::Gyb => Vec::new(),
        CourseKind::Syb | CourseKind::Iyb | CourseKind::OnlineVenture | CourseKind::Simulation => {
            vec![CourseKind::Gyb, CourseKind::Syb]
        }
    }
}

/// The calendar date in Shanghai at an instant.
pub fn shanghai_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&shanghai()).date_naive()
}

/// The instant a Shanghai calendar day begins.
pub fn shanghai_midnight(day: NaiveDate) -> DateTime<Utc> {
    (day.and_hms_opt(0, 0, 0).unwrap_or_default() - chrono::Duration::hours(8)).and_utc()
}

/// A check-in code works from this many minutes before the session starts...
pub const CHECKIN_OPENS_BEFORE_MIN: i64 = 15;
/// ...until this many minutes after it ends.
pub const CHECKIN_GRACE_AFTER_MIN: i64 = 15;

/// The window in which a session's check-in code works (the server checks
/// it; the app offers check-in only inside it).
pub fn checkin_window(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        starts_at - chrono::Duration::minutes(CHECKIN_OPENS_BEFORE_MIN),
        ends_at + chrono::Duration::minutes(CHECKIN_GRACE_AFTER_MIN),
    )
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn names_round_trip() {
        for k in CourseKind::ALL {
            assert_eq!(CourseKind::from_name(k.as_str()), Some(*k));
            assert_eq!(serde_json::to_string(k).unwrap_or_default(), format!("\"{}\"", k.as_str()));
        }
        assert_eq!(ClassStatus::from_name("approved"), Some(ClassStatus::Approved));
        assert_eq!(EnrolmentStatus::from_name("nope"), None);
    }

    #[test]
    fn late_evening_utc_is_the_next_day_in_shanghai() {
        let t = Utc.with_ymd_and_hms(2026, 11, 25, 16, 30, 0).single().unwrap_or_default();
        assert_eq!(shanghai_date(t), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default());
    }

    #[test]
    fn a_shanghai_day_begins_at_sixteen_hundred_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let start = shanghai_midnight(day);
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 11, 25, 16, 0, 0).single().unwrap_or_default());
        assert_eq!(shanghai_date(start), day);
    }
}
