//! Rules for accounts: sign-in throttling, the real-name profile, and roles.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use malanhua_shared::api::ValidProfile;
use malanhua_shared::{FieldCode, FieldErrors, Gender, RegionCode, ResidentId};

/// Failed sign-ins for one mobile number within [`THROTTLE_WINDOW_MINUTES`]
/// after which further attempts are refused.
pub const MAX_FAILED_LOGINS: usize = 5;
/// The window over which failures are counted.
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

/// The start of the window that counts at `now`.
pub fn throttle_window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(THROTTLE_WINDOW_MINUTES)
}

/// Given the failures inside the window (oldest first), whether another
/// attempt is refused, and for how many seconds.
pub fn login_throttle(failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<u64> {
    if failures.len() < MAX_FAILED_LOGINS {
        return None;
    }
    // The attempt is allowed again once enough failures age out of the window.
    let pivot = failures[failures.len() - MAX_FAILED_LOGINS];
    let free_at = pivot + Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let secs = (free_at - now).num_seconds().max(1);
    Some(u64::try_from(secs).unwrap_or(1))
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
        assert_eq!(login_throttle(&failures, at(5)), None);
    }

    #[test]
    fn the_fifth_failure_throttles_until_the_oldest_ages_out() {
        let failures: Vec<_> = (0..5).map(at).collect();
        // Oldest at minute 0: free again at minute 15, i.e. 10 minutes after minute 5.
        assert_eq!(login_throttle(&failures, at(5)), Some(600));
    }

    #[test]
    fn more_failures_count_from_the_fifth_newest() {
        let failures: Vec<_> = (0..7).map(at).collect();
        // The fifth newest is at minute 2: free at minute 17.
        assert_eq!(login_throttle(&failures, at(7)), Some(600));
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
