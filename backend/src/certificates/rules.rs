//! Rules of attendance, assessment and certificates.

use chrono::{DateTime, Duration, Utc};
use malanhua_shared::RegionCode;
use malanhua_shared::api::certificates::{AttendanceMark, CompletionStatus, NotQualified};
use malanhua_shared::course::CourseKind;

use crate::core::authorization::{Actor, Grant};

/// A check-in later than this after the start is marked late.
pub const LATE_AFTER_MIN: i64 = 10;

pub use malanhua_shared::course::{CHECKIN_GRACE_AFTER_MIN, CHECKIN_OPENS_BEFORE_MIN, checkin_window};

/// Whether staff may record marks for a session at `now`: from the
/// session's start until the class's completion is submitted (a returned
/// completion opens them again for correction). Check-in codes have their
/// own window, a little before the start, and end there too.
pub fn marks_open(starts_at: DateTime<Utc>, completion: Option<CompletionStatus>, now: DateTime<Utc>) -> bool {
    now >= starts_at && !completion_locks_marks(completion)
}

/// A session starting at or after the class was ended early does not take
/// place, so nobody is marked for it.
pub fn called_off(ended_early_at: Option<DateTime<Utc>>, session_starts_at: DateTime<Utc>) -> bool {
    ended_early_at.is_some_and(|ended| session_starts_at >= ended)
}

/// A submitted or approved completion fixes the attendance it was judged on.
pub fn completion_locks_marks(completion: Option<CompletionStatus>) -> bool {
    matches!(completion, Some(CompletionStatus::Submitted | CompletionStatus::Approved))
}

/// Why a self check-in is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckinError {
    /// Outside the session's window (or no code was issued).
    Closed,
    /// The code does not match.
    WrongCode,
    /// The person holds no seat in the class.
    NotEnrolled,
}

/// Wrong codes a person may give for one session before code check-in is
/// closed to them (staff still mark attendance).
pub const MAX_CHECKIN_TRIES: i32 = 5;

/// True when the person has used up their tries for the session.
pub fn checkin_locked(wrong_tries: i32) -> bool {
    wrong_tries >= MAX_CHECKIN_TRIES
}

/// Decides a self check-in at `now`: present, or late after the grace minutes.
pub fn check_in(
    given: &str,
    seed: Option<&str>,
    enrolled: bool,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<AttendanceMark, CheckinError> {
    if !enrolled {
        return Err(CheckinError::NotEnrolled);
    }
    let (open, close) = checkin_window(starts_at, ends_at);
    let Some(seed) = seed.filter(|_| now >= open && now <= close) else { return Err(CheckinError::Closed) };
    if !code_holds(seed, given.trim(), now) {
        return Err(CheckinError::WrongCode);
    }
    Ok(if now > starts_at + Duration::minutes(LATE_AFTER_MIN) { AttendanceMark::Late } else { AttendanceMark::Present })
}

/// Attended sessions and the rate in whole percent (rounded down).
pub fn attendance_rate(marks: &[Option<AttendanceMark>], total_sessions: usize) -> (u32, u32) {
    let attended = marks.iter().filter(|m| m.is_some_and(AttendanceMark::attended)).count();
    let rate = (attended * 100).checked_div(total_sessions).unwrap_or(0);
    (u32::try_from(attended).unwrap_or(0), u32::try_from(rate).unwrap_or(0))
}

/// Every reason a trainee gets no certificate; empty when one is due.
/// The share of sessions attended that qualifies when no course policy names one.
pub const DEFAULT_ATTENDANCE_THRESHOLD_PCT: u32 = 80;

/// The attendance threshold for a class: its course policy's, else the default.
pub fn attendance_threshold(policy_pct: Option<u32>) -> u32 {
    policy_pct.unwrap_or(DEFAULT_ATTENDANCE_THRESHOLD_PCT)
}

/// The threshold compares exact fractions, so 4 of 5 sessions meets 80%.
pub fn qualification(attended: u32, total: u32, threshold_pct: u32, passed: Option<bool>) -> Vec<NotQualified> {
    let mut reasons = Vec::new();
    if total == 0 || u64::from(attended) * 100 < u64::from(threshold_pct) * u64::from(total) {
        reasons.push(NotQualified::AttendanceBelowThreshold);
    }
    match passed {
        None => reasons.push(NotQualified::NotAssessed),
        Some(false) => reasons.push(NotQualified::NotPassed),
        Some(true) => {}
    }
    reasons
}

/// The serial series a certificate belongs to: issuing region, year, kind.
pub fn serial_prefix(region: &str, year: i32, kind: CourseKind) -> String {
    format!("{region}-{year}-{}", kind.as_str().to_ascii_uppercase().replace('_', ""))
}

/// The certificate number: `370200-2026-SYB-00001`.
pub fn certificate_number(prefix: &str, serial: i32) -> String {
    format!("{prefix}-{serial:05}")
}

/// The bureau that issues a class's certificates: the approving officer's
/// own region that covers the class (a city bureau approving for a district
/// issues as the city), or the class's region for an admin.
pub fn issuing_region(approver: &Actor, class_region: &RegionCode) -> RegionCode {
    approver
        .grants
        .iter()
        .find_map(|g| match g {
            Grant::BureauOfficer { region } if region.contains(class_region) => Some(region.clone()),
            _ => None,
        })
        .unwrap_or_else(|| class_region.clone())
}

/// A six-digit check-in code from random bits.
pub fn checkin_code(random: u32) -> String {
    format!("{:06}", random % 1_000_000)
}

/// How long the code shown in the room holds before the next one: a code
/// passed to someone outside is soon worth nothing.
pub const CHECKIN_ROTATE_SECS: i64 = 300;

/// The code of a session's seed for one rotation step.
fn code_of_step(seed: &str, step: i64) -> String {
    use hmac::{Hmac, Mac};
    // HMAC takes a key of any length, so this never fails.
    let Ok(mut mac) = <Hmac<sha2::Sha256> as Mac>::new_from_slice(seed.as_bytes()) else { return String::new() };
    mac.update(&step.to_be_bytes());
    let d = mac.finalize().into_bytes();
    checkin_code(u32::from_be_bytes([d[0], d[1], d[2], d[3]]))
}

/// The code to show at `now`, and when the next one replaces it.
pub fn rotating_code(seed: &str, now: DateTime<Utc>) -> (String, DateTime<Utc>) {
    let step = now.timestamp().div_euclid(CHECKIN_ROTATE_SECS);
    let next = DateTime::from_timestamp((step + 1) * CHECKIN_ROTATE_SECS, 0).unwrap_or(now);
    (code_of_step(seed, step), next)
}

/// Whether `given` is the code shown now or the one just before (someone
/// typing as the code turns over is not refused).
pub fn code_holds(seed: &str, given: &str, now: DateTime<Utc>) -> bool {
    let step = now.timestamp().div_euclid(CHECKIN_ROTATE_SECS);
    [step, step - 1].iter().any(|s| code_of_step(seed, *s) == given)
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_code_in_the_room_turns_over_and_the_one_before_still_holds_a_moment() {
        use chrono::TimeZone;
        let t = Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 0).single().unwrap_or_default();
        let (now, next) = rotating_code("seed-a", t);
        assert_eq!(now.len(), 6);
        assert_eq!(next, t + Duration::seconds(CHECKIN_ROTATE_SECS));
        assert_eq!(rotating_code("seed-a", t + Duration::seconds(299)).0, now, "steady within a step");
        let (later, _) = rotating_code("seed-a", next);
        assert_ne!(later, now, "a new code each step");
        assert!(code_holds("seed-a", &now, next + Duration::seconds(30)), "the previous code still holds");
        assert!(!code_holds("seed-a", &now, next + Duration::seconds(CHECKIN_ROTATE_SECS)), "two steps on it does not");
        assert_ne!(rotating_code("seed-b", t).0, now, "each session its own codes");
    }

    #[test]
    fn code_check_in_closes_to_a_person_after_five_wrong_codes() {
        assert!(!checkin_locked(0));
        assert!(!checkin_locked(MAX_CHECKIN_TRIES - 1));
        assert!(checkin_locked(MAX_CHECKIN_TRIES));
    }

    #[test]
    fn sessions_after_an_early_end_are_called_off() {
        use chrono::TimeZone;
        let ended = Utc.with_ymd_and_hms(2026, 12, 7, 3, 0, 0).single().unwrap_or_default();
        assert!(!called_off(None, ended));
        assert!(!called_off(Some(ended), ended - Duration::hours(2)));
        assert!(called_off(Some(ended), ended));
        assert!(called_off(Some(ended), ended + Duration::days(1)));
    }

    #[test]
    fn marks_open_at_the_start_and_close_when_completion_is_submitted() {
        use chrono::TimeZone;
        let start = Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 0).single().unwrap_or_default();
        let minute = Duration::minutes(1);
        assert!(!marks_open(start, None, start - minute));
        assert!(marks_open(start, None, start));
        assert!(marks_open(start, None, start + Duration::days(30)));
        assert!(!marks_open(start, Some(CompletionStatus::Submitted), start + minute));
        assert!(!marks_open(start, Some(CompletionStatus::Approved), start + minute));
        assert!(marks_open(start, Some(CompletionStatus::Returned), start + minute));
    }

    #[test]
    fn the_threshold_is_the_policy_s_or_eighty_percent() {
        assert_eq!(attendance_threshold(Some(90)), 90);
        assert_eq!(attendance_threshold(None), 80);
    }

    use chrono::TimeZone;

    use super::*;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, h, m, 0).single().unwrap_or_default()
    }

    #[test]
    fn a_code_works_only_inside_the_window_and_for_seat_holders() {
        let (s, e) = (t(1, 0), t(4, 0));
        let code = |at| rotating_code("seed", at).0;
        assert_eq!(check_in(&code(t(0, 50)), Some("seed"), true, s, e, t(0, 50)), Ok(AttendanceMark::Present));
        assert_eq!(check_in(&code(t(1, 11)), Some("seed"), true, s, e, t(1, 11)), Ok(AttendanceMark::Late));
        assert_eq!(check_in(&code(t(0, 44)), Some("seed"), true, s, e, t(0, 44)), Err(CheckinError::Closed));
        assert_eq!(check_in(&code(t(4, 16)), Some("seed"), true, s, e, t(4, 16)), Err(CheckinError::Closed));
        assert_eq!(check_in(&code(t(0, 50)), Some("seed"), true, s, e, t(1, 0)), Err(CheckinError::WrongCode));
        assert_eq!(check_in(&code(t(1, 0)), None, true, s, e, t(1, 0)), Err(CheckinError::Closed));
        assert_eq!(check_in(&code(t(1, 0)), Some("seed"), false, s, e, t(1, 0)), Err(CheckinError::NotEnrolled));
    }

    #[test]
    fn attendance_counts_present_and_late() {
        use AttendanceMark::*;
        let marks = [Some(Present), Some(Late), Some(Excused), Some(Absent), None];
        assert_eq!(attendance_rate(&marks, 5), (2, 40));
        assert_eq!(attendance_rate(&[], 0), (0, 0));
    }

    #[test]
    fn a_certificate_needs_the_threshold_and_a_pass() {
        assert_eq!(qualification(4, 5, 80, Some(true)), []);
        assert_eq!(qualification(7, 9, 80, Some(true)), [NotQualified::AttendanceBelowThreshold]);
        assert_eq!(qualification(8, 9, 80, Some(false)), [NotQualified::NotPassed]);
        assert_eq!(qualification(3, 5, 80, None), [NotQualified::AttendanceBelowThreshold, NotQualified::NotAssessed]);
        assert_eq!(qualification(0, 0, 80, Some(true)), [NotQualified::AttendanceBelowThreshold]);
    }

    #[test]
    fn the_approving_bureau_issues_in_its_own_name() {
        let code = |s: &str| RegionCode::parse(s).unwrap_or_else(|e| panic!("{e:?}"));
        let actor = |grants| Actor {
            user_id: malanhua_shared::UserId::from_raw("u"),
            session_id: malanhua_shared::SessionId::from_raw("s"),
            grants,
        };
        let qingdao = actor(vec![Grant::BureauOfficer { region: code("370200") }]);
        assert_eq!(issuing_region(&qingdao, &code("370212")), code("370200"));
        assert_eq!(issuing_region(&actor(vec![Grant::Admin]), &code("370212")), code("370212"));
    }

    #[test]
    fn numbers_carry_region_year_kind_and_serial() {
        let p = serial_prefix("370200", 2026, CourseKind::OnlineVenture);
        assert_eq!(certificate_number(&p, 42), "370200-2026-ONLINEVENTURE-00042");
        assert_eq!(checkin_code(7), "000007");
        assert_eq!(checkin_code(4_294_967_295), "967295");
    }
}
