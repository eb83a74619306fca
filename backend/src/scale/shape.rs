//! How much of everything, and each row's values as a pure function of the
//! seed and its number.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use malanhua_shared::course::{CourseKind, shanghai_date};

/// Seats of the class that opens in the rush.
pub const RUSH_CAPACITY: u32 = 30;
/// Enrolments per class, on average.
const PER_CLASS: u64 = 10;

/// How much to make: `factor` 1 is a province.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// 1.0 = a province; 0.1 for a quick run.
    pub factor: f64,
    /// The same seed makes the same data.
    pub seed: u64,
}

impl Plan {
    /// A plan, or the reason the factor is refused.
    pub fn new(factor: f64, seed: u64) -> Result<Self, String> {
        if !(factor > 0.0 && factor <= 10.0) {
            return Err(format!("--factor must be above 0 and at most 10 (given {factor})"));
        }
        Ok(Self { factor, seed })
    }

    fn scaled(&self, at_one: u64, least: u64) -> u64 {
        ((at_one as f64 * self.factor).round() as u64).max(least)
    }
}

/// Which table a generated id belongs to (its first eight hex digits).
#[derive(Debug, Clone, Copy)]
pub enum Tag {
    /// users
    User = 1,
    /// institutions
    Institution,
    /// classes
    Class,
    /// class_sessions
    Session,
    /// enrolments
    Enrolment,
    /// certificates
    Certificate,
    /// subsidy_claims
    Claim,
    /// priority_groups
    Group,
    /// mentors
    Mentor,
    /// appointments
    Appointment,
    /// role_grants
    Grant,
    /// subsidy_policies
    Policy,
    /// subsidy_payments
    Payment,
}

/// A UUID-shaped id, the same for the same table and number.
pub fn id(tag: Tag, n: u64) -> String {
    format!("5ca1e{:03x}-0000-7000-8000-{n:012x}", tag as u8)
}

/// A well-mixed number for (seed, stream, n): splitmix64.
pub fn mix(seed: u64, stream: u64, n: u64) -> u64 {
    let mut z = seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The counts of a plan, the day it is made, and the districts to spread over.
#[derive(Debug, Clone)]
pub struct Shape {
    /// The plan.
    pub plan: Plan,
    /// When the data is made (the app's clock).
    pub now: DateTime<Utc>,
    /// Today in Asia/Shanghai.
    pub today: NaiveDate,
    /// Institutions.
    pub institutions: u64,
    /// Classes (the two bench classes come after these).
    pub classes: u64,
    /// Trainees.
    pub trainees: u64,
    /// Enrolments.
    pub enrolments: u64,
    /// Claims in all (one per certificate, the rest earlier rejected claims).
    pub claims: u64,
    /// Mentors.
    pub mentors: u64,
    /// Appointments.
    pub appointments: u64,
    /// District codes, in order.
    pub districts: Vec<String>,
}

/// One generated class.
pub struct ClassGen {
    /// Its number.
    pub n: u64,
    /// Institution number.
    pub institution: u64,
    /// Kind.
    pub kind: CourseKind,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// `approved`, `pending`, `rejected` or `cancelled`.
    pub status: &'static str,
}

/// One generated enrolment.
pub struct EnrolGen {
    /// Class number.
    pub class: u64,
    /// Trainee number.
    pub trainee: u64,
    /// `enrolled`, or `withdrawn` (one in twenty).
    pub status: &'static str,
}

const KINDS: [CourseKind; 8] = [
    CourseKind::Syb,
    CourseKind::Syb,
    CourseKind::Syb,
    CourseKind::Gyb,
    CourseKind::Iyb,
    CourseKind::Eyb,
    CourseKind::OnlineVenture,
    CourseKind::Simulation,
];

impl Shape {
    /// The counts of `plan`, made at `now`.
    pub fn new(plan: Plan, now: DateTime<Utc>) -> Self {
        Self {
            plan,
            now,
            today: shanghai_date(now),
            institutions: plan.scaled(500, 16),
            classes: plan.scaled(100_000, 10),
            trainees: plan.scaled(1_000_000, 100),
            enrolments: plan.scaled(1_000_000, 100),
            claims: plan.scaled(1_000_000, 50),
            mentors: plan.scaled(5_000, 5),
            appointments: plan.scaled(200_000, 20),
            districts: Vec::new(),
        }
    }

    /// The same, spread over these districts.
    pub fn with_districts(self, districts: Vec<String>) -> Self {
        Self { districts, ..self }
    }

    /// A number in `0..n` for (stream, i).
    pub fn pick(&self, stream: u64, i: u64, n: u64) -> u64 {
        mix(self.plan.seed, stream, i) % n.max(1)
    }

    /// True with `percent` chance for (stream, i).
    pub fn chance(&self, stream: u64, i: u64, percent: u64) -> bool {
        self.pick(stream, i, 100) < percent
    }

    /// The district of row `i` (institutions, trainees and mentors are
    /// spread over the districts in turn).
    pub fn district(&self, i: u64) -> &str {
        let n = self.districts.len().max(1) as u64;
        self.districts.get((i % n) as usize).map_or("370202", String::as_str)
    }

    /// Class `n`: spread evenly over two years back and one ahead.
    pub fn class(&self, n: u64) -> ClassGen {
        let span = 3 * 365;
        let offset = i64::try_from(n * span / self.classes.max(1)).unwrap_or(0);
        let starts_on = self.today - Duration::days(2 * 365) + Duration::days(offset);
        let roll = self.pick(11, n, 100);
        let status = match roll {
            0..=1 => "rejected",
            2..=3 => "cancelled",
            _ if starts_on > self.today && roll < 10 => "pending",
            _ => "approved",
        };
        ClassGen {
            n,
            institution: self.pick(12, n, self.institutions),
            kind: KINDS[self.pick(13, n, KINDS.len() as u64) as usize],
            starts_on,
            ends_on: starts_on + Duration::days(9),
            status,
        }
    }

    /// Enrolment `e`: ten per class, each trainee about once.
    pub fn enrolment(&self, e: u64) -> EnrolGen {
        let classes = self.classes.max(1);
        let class = (e / PER_CLASS) % classes;
        // A step coprime to the number of trainees visits each once.
        let step = coprime_step(self.trainees);
        let trainee = (e.wrapping_mul(step)) % self.trainees.max(1);
        let status = if self.chance(21, e, 5) { "withdrawn" } else { "enrolled" };
        EnrolGen { class, trainee, status }
    }

    /// Whether enrolment `e` ended in a certificate: a seat in an approved
    /// class that is over, and 97 % of those pass.
    pub fn certified(&self, e: &EnrolGen, i: u64) -> Option<ClassGen> {
        let class = self.class(e.class);
        let done = class.status == "approved" && class.ends_on < self.today && e.status == "enrolled";
        (done && !self.chance(22, i, 3)).then_some(class)
    }

    /// 09:00 in Asia/Shanghai on `day`, as UTC.
    pub fn morning(day: NaiveDate) -> NaiveDateTime {
        day.and_hms_opt(1, 0, 0).unwrap_or_default()
    }
}

fn coprime_step(n: u64) -> u64 {
    let mut step = 7_919; // a prime
    while n > 1 && gcd(step, n) != 1 {
        step += 2;
    }
    step
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(factor: f64) -> Shape {
        let now = DateTime::parse_from_rfc3339("2026-12-04T02:00:00Z").map(|t| t.to_utc()).unwrap_or_default();
        Shape::new(Plan::new(factor, 7).unwrap_or(Plan { factor, seed: 7 }), now)
    }

    #[test]
    fn a_province_has_the_issue_s_counts_and_a_quick_run_a_tenth() {
        let one = shape(1.0);
        assert_eq!((one.classes, one.trainees, one.enrolments, one.claims), (100_000, 1_000_000, 1_000_000, 1_000_000));
        assert_eq!((one.institutions, one.mentors, one.appointments), (500, 5_000, 200_000));
        assert_eq!(shape(0.1).classes, 10_000);
        assert!(Plan::new(0.0, 1).is_err() && Plan::new(11.0, 1).is_err());
    }

    #[test]
    fn the_same_seed_makes_the_same_rows_and_trainees_are_not_repeated_in_a_class() {
        let s = shape(0.01);
        assert_eq!(s.class(17).starts_on, shape(0.01).class(17).starts_on);
        assert_eq!(mix(7, 1, 2), mix(7, 1, 2));
        assert_ne!(mix(7, 1, 2), mix(8, 1, 2));
        let mut seen = std::collections::HashSet::new();
        for e in 0..s.enrolments {
            assert!(seen.insert(s.enrolment(e).trainee), "trainee of enrolment {e} repeated");
        }
    }

    #[test]
    fn classes_span_two_years_back_and_one_ahead() {
        let s = shape(0.01);
        let first = s.class(0).starts_on;
        let last = s.class(s.classes - 1).starts_on;
        assert_eq!((s.today - first).num_days(), 730);
        assert!((last - s.today).num_days() > 360, "{last}");
    }

    #[test]
    fn ids_look_like_uuids_and_differ_by_table() {
        assert_eq!(id(Tag::Class, 255), "5ca1e003-0000-7000-8000-0000000000ff");
        assert_ne!(id(Tag::User, 1), id(Tag::Class, 1));
    }
}
