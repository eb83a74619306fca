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
    /// Higher, so one address alone cannot lock the owner out.
    pub per_mobile: usize,
    /// One address over all mobiles: credential stuffing.
    pub per_ip: usize,
}

impl Default for SigninLimits {
    fn default() -> Self {
        Self { per_mobile_ip: MAX_FAILED_LOGINS, per_mobile: 20, per_ip: 50 }
    }
}

/// Recent failures (oldest first) that count for one attempt.
#[derive(Debug, Default)]
pub struct RecentFailures {
    /// Of this mobile from this address.
    pub mobile_ip: Vec<DateTime<Utc>>,
    /// Of this mobile from any address.
    pub mobile: Vec<DateTime<Utc>>,
    /// From this address for any mobile.
    pub ip: Vec<DateTime<Utc>>,
}

/// Whether another attempt is refused, and for how many seconds: the
/// longest wait of any key over its limit.
pub fn signin_throttle(f: &RecentFailures, limits: SigninLimits, now: DateTime<Utc>) -> Option<u64> {
    [(&f.mobile_ip, limits.per_mobile_ip), (&f.mobile, limits.per_mobile), (&f.ip, limits.per_ip)]
        .into_iter()
        .filter_map(|(failures, max)| throttle(failures, max, now))
        .max()
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
        let limits = SigninLimits { per_mobile_ip: 5, per_mobile: 20, per_ip: 50 };
        let some = |n: i64| (0..n).map(at).collect::<Vec<_>>();
        let f = RecentFailures { mobile_ip: some(4), mobile: some(19), ip: some(49) };
        assert_eq!(signin_throttle(&f, limits, at(14)), None, "every key under its limit");
        let from_one_address = RecentFailures { mobile_ip: some(5), mobile: some(5), ip: some(5) };
        assert_eq!(signin_throttle(&from_one_address, limits, at(5)), Some(600));
        let spread = RecentFailures { mobile_ip: vec![], mobile: some(20), ip: vec![] };
        assert!(signin_throttle(&spread, limits, at(14)).is_some(), "twenty from many addresses lock the mobile");
        let other_owner = RecentFailures { mobile_ip: vec![], mobile: some(5), ip: vec![] };
        assert_eq!(signin_throttle(&other_owner, limits, at(5)), None, "the owner elsewhere still signs in");
        let stuffing = RecentFailures { mobile_ip: vec![], mobile: vec![], ip: (0..50).map(|m| at(m / 10)).collect() };
        assert_eq!(signin_throttle(&stuffing, limits, at(5)), Some(600), "free when the 50th newest ages out");
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
