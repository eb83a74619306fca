//! Rules for accounts: sign-in throttling, one-time SMS codes, the
//! real-name profile, and roles.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use malanhua_shared::api::ValidProfile;
use malanhua_shared::{FieldCode, FieldErrors, Gender, RegionCode, ResidentId, Role};

/// Failed sign-ins for one mobile number from one address within
/// [`THROTTLE_WINDOW_MINUTES`] after which further attempts are refused
/// (the default of [`SigninLimits::per_mobile_ip`]).
pub const MAX_FAILED_LOGINS: usize = 5;
/// The window over which failures are counted.
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

/// The start of the window that counts at `now`.
pub fn throttle_window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(THROTTLE_WINDOW_MINUTES)
}

/// How many failed sign-ins within the window each key may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigninLimits {
    /// One mobile from one address: the guesser at the keyboard.
    pub per_mobile_ip: usize,
    /// One mobile from all addresses: a spread-out attack on one account.
    /// Higher, so one address alone cannot lock the owner out. Reaching it
    /// locks the mobile until an SMS code lifts the lock.
    pub per_mobile: usize,
    /// One address over all mobiles: credential stuffing.
    pub per_ip: usize,
    /// All failures of the instance within [`OVERALL_WINDOW_SECONDS`]: a
    /// spread-out attack on many accounts at once.
    pub overall_per_minute: usize,
}

impl Default for SigninLimits {
    fn default() -> Self {
        Self { per_mobile_ip: MAX_FAILED_LOGINS, per_mobile: 20, per_ip: 50, overall_per_minute: 600 }
    }
}

/// The window of the overall limit.
pub const OVERALL_WINDOW_SECONDS: i64 = 60;

/// Recent failures (oldest first) that count for one attempt.
#[derive(Debug, Default)]
pub struct RecentFailures {
    /// Of this mobile from this address.
    pub mobile_ip: Vec<DateTime<Utc>>,
    /// Of this mobile from any address.
    pub mobile: Vec<DateTime<Utc>>,
    /// From this address for any mobile.
    pub ip: Vec<DateTime<Utc>>,
    /// Of the whole instance within [`OVERALL_WINDOW_SECONDS`] (the newest
    /// [`SigninLimits::overall_per_minute`] are enough).
    pub overall: Vec<DateTime<Utc>>,
    /// The mobile is locked already.
    pub locked: bool,
}

/// What the limits say about one sign-in attempt, before the password is
/// checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigninGate {
    /// The password is checked; if it is wrong, this many more wrong tries
    /// are allowed before a limit refuses them.
    Check {
        /// Wrong tries left after this one, should it be wrong.
        tries_left: usize,
    },
    /// Refused for this many seconds (the longest wait of a windowed limit).
    Wait(u64),
    /// The mobile is locked until an SMS code (password reset) lifts it;
    /// `newly` when this attempt is the one that locks it.
    Locked {
        /// This attempt reached the per-mobile limit.
        newly: bool,
    },
}

/// Decides one attempt: a locked mobile stays locked (the window passing
/// or the correct password changes nothing); reaching the per-mobile limit
/// locks it; the per-mobile-and-address, per-address and overall limits
/// refuse for as long as their window needs; otherwise the password is
/// checked, and the answer to a wrong one tells how many tries are left.
/// Only failures count, so the answer is the same for a mobile that has
/// no account.
pub fn signin_gate(f: &RecentFailures, limits: SigninLimits, now: DateTime<Utc>) -> SigninGate {
    if f.locked {
        return SigninGate::Locked { newly: false };
    }
    if throttle(&f.mobile, limits.per_mobile, now).is_some() {
        return SigninGate::Locked { newly: true };
    }
    let overall = Duration::seconds(OVERALL_WINDOW_SECONDS);
    let wait = [
        throttle(&f.mobile_ip, limits.per_mobile_ip, now),
        throttle(&f.ip, limits.per_ip, now),
        wait_in_window(&f.overall, limits.overall_per_minute, overall, now),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(secs) = wait {
        return SigninGate::Wait(secs);
    }
    let left = |done: &[DateTime<Utc>], max: usize| max.saturating_sub(done.len() + 1);
    let tries_left = left(&f.mobile_ip, limits.per_mobile_ip)
        .min(left(&f.mobile, limits.per_mobile))
        .min(left(&f.ip, limits.per_ip));
    SigninGate::Check { tries_left }
}

/// Sliding renewal: a session renewed at `now` runs for another `lifetime`,
/// but never past `absolute` from when it was opened (`created`). The same
/// rule gives a new session its first expiry (`created == now`).
pub fn renewed_expiry(
    now: DateTime<Utc>,
    created: DateTime<Utc>,
    lifetime: Duration,
    absolute: Duration,
) -> DateTime<Utc> {
    (now + lifetime).min(created + absolute)
}

/// Given the failures inside the window (oldest first), whether another
/// attempt is refused after `max` of them, and for how many seconds.
pub fn throttle(failures: &[DateTime<Utc>], max: usize, now: DateTime<Utc>) -> Option<u64> {
    wait_in_window(failures, max, Duration::minutes(THROTTLE_WINDOW_MINUTES), now)
}

/// Given the events inside a sliding `window` (oldest first), whether one
/// more is refused after `max` of them, and for how many seconds: until
/// enough of them age out.
pub fn wait_in_window(events: &[DateTime<Utc>], max: usize, window: Duration, now: DateTime<Utc>) -> Option<u64> {
    if max == 0 || events.len() < max {
        return None;
    }
    let pivot = events[events.len() - max];
    let secs = (pivot + window - now).num_seconds().max(1);
    Some(u64::try_from(secs).unwrap_or(1))
}

/// How long a one-time code stays valid.
pub const CODE_MINUTES: i64 = 5;
/// Wrong tries a code survives; the next try needs a new code.
pub const CODE_TRIES: i32 = 5;
/// Seconds before another code for the same mobile and purpose.
pub const RESEND_SECONDS: i64 = 60;

/// How many codes may be sent: per mobile a day, per address an hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeLimits {
    /// To one mobile over 24 hours, all purposes.
    pub per_mobile_per_day: usize,
    /// Asked for from one address over an hour, all mobiles.
    pub per_ip_per_hour: usize,
}

impl Default for CodeLimits {
    fn default() -> Self {
        Self { per_mobile_per_day: 10, per_ip_per_hour: 30 }
    }
}

/// The codes sent before that bear on a new one (oldest first).
#[derive(Debug, Default)]
pub struct CodeHistory {
    /// The newest code for this mobile and purpose.
    pub last_same: Option<DateTime<Utc>>,
    /// Codes to this mobile over the last 24 hours.
    pub mobile_day: Vec<DateTime<Utc>>,
    /// Codes asked for from this address over the last hour.
    pub ip_hour: Vec<DateTime<Utc>>,
}

/// Whether a new code is refused, and for how many seconds: the longest of
/// the resend pause and the two limits.
pub fn code_wait(h: &CodeHistory, limits: CodeLimits, now: DateTime<Utc>) -> Option<u64> {
    let resend = h.last_same.and_then(|last| {
        let secs = (last + Duration::seconds(RESEND_SECONDS) - now).num_seconds();
        (secs > 0).then(|| u64::try_from(secs).unwrap_or(1))
    });
    [
        resend,
        wait_in_window(&h.mobile_day, limits.per_mobile_per_day, Duration::hours(24), now),
        wait_in_window(&h.ip_hour, limits.per_ip_per_hour, Duration::hours(1), now),
    ]
    .into_iter()
    .flatten()
    .max()
}

/// What a typed code earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeVerdict {
    /// Right, in time, and not used up: the mobile is proved.
    Accepted,
    /// Wrong; this many tries remain.
    Wrong {
        /// Tries left on this code.
        tries_left: i32,
    },
    /// Too many wrong tries: ask for a new code.
    Spent,
    /// No live code (none sent, used, or older than [`CODE_MINUTES`]).
    Expired,
}

/// Judges one try at the newest code: `tries_before` wrong or right tries
/// were made at it already.
pub fn code_verdict(expires_at: DateTime<Utc>, tries_before: i32, matches: bool, now: DateTime<Utc>) -> CodeVerdict {
    if now >= expires_at {
        CodeVerdict::Expired
    } else if tries_before >= CODE_TRIES {
        CodeVerdict::Spent
    } else if matches {
        CodeVerdict::Accepted
    } else {
        CodeVerdict::Wrong { tries_left: CODE_TRIES - tries_before - 1 }
    }
}

/// Whether someone holding `held` may also be given `new`: a bureau
/// officer decides on what institution staff file, so nobody is both.
pub fn roles_compatible(held: &[Role], new: Role) -> bool {
    let exclusive = |a: Role, b: Role| {
        matches!((a, b), (Role::BureauOfficer, Role::InstitutionStaff) | (Role::InstitutionStaff, Role::BureauOfficer))
    };
    !held.iter().any(|h| exclusive(*h, new))
}

/// The facts a checked profile fixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileFacts {
    /// Real name.
    pub real_name: String,
    /// Full resident ID.
    pub resident_id: ResidentId,
    /// From the ID.
    pub gender: Gender,
    /// From the ID.
    pub birth_date: NaiveDate,
    /// Home region code.
    pub region: RegionCode,
}

/// Completes the shared checks with those that need today's date: a birth
/// date in the future cannot be real.
pub fn profile_facts(profile: ValidProfile, today: NaiveDate) -> Result<ProfileFacts, FieldErrors> {
    let birth_date = profile.resident_id.birth_date();
    if birth_date > today {
        let mut errors = FieldErrors::new();
        errors.insert("resident_id".into(), FieldCode::InvalidDate);
        return Err(errors);
    }
    Ok(ProfileFacts {
        real_name: profile.real_name,
        gender: profile.resident_id.gender(),
        birth_date,
        resident_id: profile.resident_id,
        region: profile.region,
    })
}

/// A profile is complete when name, resident ID and region are on file.
pub fn profile_complete<I, R>(real_name: Option<&str>, resident_id: Option<&I>, region: Option<&R>) -> bool {
    real_name.is_some() && resident_id.is_some() && region.is_some()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use malanhua_shared::api::ProfileRequest;

    use super::*;

    fn at(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).single().unwrap_or_default() + Duration::minutes(min)
    }

    #[test]
    fn four_failures_do_not_throttle() {
        let failures: Vec<_> = (0..4).map(at).collect();
        assert_eq!(throttle(&failures, MAX_FAILED_LOGINS, at(5)), None);
    }

    #[test]
    fn the_fifth_failure_throttles_until_the_oldest_ages_out() {
        let failures: Vec<_> = (0..5).map(at).collect();
        // Oldest at minute 0: free again at minute 15, i.e. 10 minutes after minute 5.
        assert_eq!(throttle(&failures, MAX_FAILED_LOGINS, at(5)), Some(600));
    }

    #[test]
    fn more_failures_count_from_the_fifth_newest() {
        let failures: Vec<_> = (0..7).map(at).collect();
        // The fifth newest is at minute 2: free at minute 17.
        assert_eq!(throttle(&failures, MAX_FAILED_LOGINS, at(7)), Some(600));
    }

    #[test]
    fn each_key_has_its_own_limit_and_the_longest_wait_wins() {
        let limits = SigninLimits { per_mobile_ip: 5, per_mobile: 20, per_ip: 50, overall_per_minute: 600 };
        let some = |n: i64| (0..n).map(at).collect::<Vec<_>>();
        let f = RecentFailures { mobile_ip: some(4), mobile: some(19), ip: some(49), ..RecentFailures::default() };
        assert_eq!(signin_gate(&f, limits, at(14)), SigninGate::Check { tries_left: 0 }, "every key under its limit");
        let from_one_address =
            RecentFailures { mobile_ip: some(5), mobile: some(5), ip: some(5), ..RecentFailures::default() };
        assert_eq!(signin_gate(&from_one_address, limits, at(5)), SigninGate::Wait(600));
        let spread = RecentFailures { mobile: some(20), ..RecentFailures::default() };
        assert_eq!(signin_gate(&spread, limits, at(14)), SigninGate::Locked { newly: true }, "twenty lock the mobile");
        let other_owner = RecentFailures { mobile: some(5), ..RecentFailures::default() };
        assert!(matches!(signin_gate(&other_owner, limits, at(5)), SigninGate::Check { .. }), "the owner elsewhere");
        let stuffing = RecentFailures { ip: (0..50).map(|m| at(m / 10)).collect(), ..RecentFailures::default() };
        assert_eq!(signin_gate(&stuffing, limits, at(5)), SigninGate::Wait(600), "free when the 50th newest ages out");
    }

    #[test]
    fn a_wrong_password_tells_the_tries_left_before_the_nearest_limit() {
        let limits = SigninLimits::default();
        let some = |n: i64| (0..n).map(at).collect::<Vec<_>>();
        let first = RecentFailures::default();
        assert_eq!(signin_gate(&first, limits, at(0)), SigninGate::Check { tries_left: 4 });
        let fourth = RecentFailures { mobile_ip: some(3), mobile: some(3), ip: some(3), ..RecentFailures::default() };
        assert_eq!(signin_gate(&fourth, limits, at(4)), SigninGate::Check { tries_left: 1 }, "one try left");
        let fifth = RecentFailures { mobile_ip: some(4), mobile: some(4), ip: some(4), ..RecentFailures::default() };
        assert_eq!(signin_gate(&fifth, limits, at(4)), SigninGate::Check { tries_left: 0 });
        let sixth = RecentFailures { mobile_ip: some(5), mobile: some(5), ip: some(5), ..RecentFailures::default() };
        assert_eq!(signin_gate(&sixth, limits, at(5)), SigninGate::Wait(600));
        let near_mobile = RecentFailures { mobile: some(18), ..RecentFailures::default() };
        assert_eq!(signin_gate(&near_mobile, limits, at(14)), SigninGate::Check { tries_left: 1 });
    }

    #[test]
    fn the_per_mobile_limit_locks_until_a_code_lifts_it() {
        let limits = SigninLimits { per_mobile: 8, ..SigninLimits::default() };
        let spread = RecentFailures { mobile: (0..8).map(at).collect(), ..RecentFailures::default() };
        assert_eq!(signin_gate(&spread, limits, at(8)), SigninGate::Locked { newly: true });
        let later = RecentFailures { locked: true, ..RecentFailures::default() };
        assert_eq!(signin_gate(&later, limits, at(60 * 24)), SigninGate::Locked { newly: false }, "no window lifts it");
        let also_windowed = RecentFailures { locked: true, ip: (0..60).map(at).collect(), ..RecentFailures::default() };
        assert_eq!(signin_gate(&also_windowed, limits, at(1)), SigninGate::Locked { newly: false }, "the lock wins");
    }

    #[test]
    fn the_overall_limit_counts_every_failure_of_the_last_minute() {
        let limits = SigninLimits { overall_per_minute: 10, ..SigninLimits::default() };
        let secs = |s: i64| at(0) + Duration::seconds(s);
        let busy = RecentFailures { overall: (0..10).map(secs).collect(), ..RecentFailures::default() };
        assert_eq!(signin_gate(&busy, limits, secs(30)), SigninGate::Wait(30), "until the oldest is a minute old");
        let calm = RecentFailures { overall: (0..9).map(secs).collect(), ..RecentFailures::default() };
        assert_eq!(signin_gate(&calm, limits, secs(30)), SigninGate::Check { tries_left: 4 }, "not counted as tries");
    }

    #[test]
    fn renewal_slides_the_expiry_but_never_past_the_absolute_limit() {
        let (life, absolute) = (Duration::minutes(120), Duration::hours(12));
        assert_eq!(renewed_expiry(at(0), at(0), life, absolute), at(120), "a new session");
        assert_eq!(renewed_expiry(at(100), at(0), life, absolute), at(220), "renewed while in use");
        assert_eq!(renewed_expiry(at(11 * 60), at(0), life, absolute), at(12 * 60), "capped at twelve hours");
        assert_eq!(renewed_expiry(at(13 * 60), at(0), life, absolute), at(12 * 60), "never beyond");
        let short = Duration::minutes(30);
        assert_eq!(renewed_expiry(at(0), at(0), life, short), at(30), "an absolute limit under the lifetime wins");
    }

    #[test]
    fn a_code_waits_sixty_seconds_and_the_limits() {
        let limits = CodeLimits { per_mobile_per_day: 3, per_ip_per_hour: 4 };
        let fresh = CodeHistory { last_same: Some(at(0)), ..CodeHistory::default() };
        assert_eq!(code_wait(&fresh, limits, at(0) + Duration::seconds(20)), Some(40));
        assert_eq!(code_wait(&fresh, limits, at(1)), None, "a minute later another may be sent");
        let day = CodeHistory { mobile_day: vec![at(0), at(10), at(20)], ..CodeHistory::default() };
        assert_eq!(code_wait(&day, limits, at(30)), Some(24 * 3600 - 30 * 60), "until the oldest is a day old");
        let ip = CodeHistory { ip_hour: vec![at(0), at(1), at(2), at(3)], ..CodeHistory::default() };
        assert_eq!(code_wait(&ip, limits, at(30)), Some(30 * 60));
        let under = CodeHistory { mobile_day: vec![at(0), at(10)], ip_hour: vec![at(0)], last_same: None };
        assert_eq!(code_wait(&under, limits, at(30)), None);
    }

    #[test]
    fn a_code_takes_five_tries_within_five_minutes() {
        let expires = at(CODE_MINUTES);
        assert_eq!(code_verdict(expires, 0, true, at(1)), CodeVerdict::Accepted);
        assert_eq!(code_verdict(expires, 0, false, at(1)), CodeVerdict::Wrong { tries_left: 4 });
        assert_eq!(code_verdict(expires, 4, false, at(1)), CodeVerdict::Wrong { tries_left: 0 });
        assert_eq!(code_verdict(expires, 4, true, at(1)), CodeVerdict::Accepted, "the fifth try may be right");
        assert_eq!(code_verdict(expires, 5, true, at(1)), CodeVerdict::Spent, "the sixth is refused, right or not");
        assert_eq!(code_verdict(expires, 0, true, at(CODE_MINUTES)), CodeVerdict::Expired);
    }

    #[test]
    fn nobody_is_both_officer_and_institution_staff() {
        assert!(!roles_compatible(&[Role::Trainee, Role::InstitutionStaff], Role::BureauOfficer));
        assert!(!roles_compatible(&[Role::BureauOfficer], Role::InstitutionStaff));
        assert!(roles_compatible(&[Role::BureauOfficer], Role::BureauOfficer), "another region's bureau");
        assert!(roles_compatible(&[Role::InstitutionStaff], Role::InstitutionStaff), "another institution");
        assert!(roles_compatible(&[Role::Trainee, Role::Mentor], Role::BureauOfficer));
    }

    #[test]
    fn the_window_starts_fifteen_minutes_back() {
        assert_eq!(throttle_window_start(at(15)), at(0));
    }

    fn profile(id: &str) -> ValidProfile {
        ProfileRequest { real_name: "张三".into(), resident_id: id.into(), region: "110105".into() }
            .validate()
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn gender_and_birth_date_come_from_the_resident_id() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let facts = profile_facts(profile("11010519491231002X"), today).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(facts.gender, Gender::Female);
        assert_eq!(facts.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap_or_default());
        assert_eq!(facts.region.as_str(), "110105");
    }

    #[test]
    fn a_birth_date_after_today_is_refused() {
        let today = NaiveDate::from_ymd_opt(1949, 12, 30).unwrap_or_default();
        let errors = profile_facts(profile("11010519491231002X"), today).err().unwrap_or_default();
        assert_eq!(errors.get("resident_id"), Some(&FieldCode::InvalidDate));
    }

    #[test]
    fn a_profile_needs_name_id_and_region() {
        assert!(profile_complete(Some("a"), Some(&"b"), Some(&"c")));
        assert!(!profile_complete::<&str, &str>(Some("a"), None, Some(&"c")));
        assert!(!profile_complete::<&str, &str>(None, Some(&"b"), Some(&"c")));
    }
}
