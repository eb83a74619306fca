//! Classes over three years with their sessions, ten enrolments a class,
//! and certificates for those who finished; plus the two classes the
//! benchmark's rush opens.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::shape::{ClassGen, RUSH_CAPACITY, Shape, Tag, id};
use super::sql::{Batch, V};
use crate::core::db::DbConn;
use crate::core::db::schema::certificates;
use crate::core::error::AppError;

const CLASS_COLUMNS: &str = "id, institution_id, region_code, kind, title, mode, place, capacity, taken, enrol_opens_at, \
     enrol_closes_at, starts_on, ends_on, first_session_at, minutes, status, status_reason, decided_by, decided_at, \
     created_by, created_at, updated_at";
/// Two sessions of eight hours.
const SESSION_MINUTES: i64 = 8 * 60;

/// The sessions of class `n`: the first and the last day, 09:00 to 17:00
/// in Asia/Shanghai; the bench classes at 23:00, when nobody else sits.
fn session_times(s: &Shape, n: u64, starts_on: NaiveDate, ends_on: NaiveDate) -> [(NaiveDateTime, NaiveDateTime); 2] {
    let hour = if n >= s.classes { 15 } else { 1 };
    [starts_on, ends_on].map(|d| {
        let start = d.and_hms_opt(hour, 0, 0).unwrap_or_default();
        (start, start + Duration::minutes(SESSION_MINUTES))
    })
}

/// The two classes the rush uses: open for enrolment now, starting in two weeks.
fn bench_class(s: &Shape, n: u64) -> ClassGen {
    let starts_on = s.today + Duration::days(14);
    ClassGen {
        n,
        institution: 0,
        kind: malanhua_shared::course::CourseKind::Syb,
        starts_on,
        ends_on: starts_on + Duration::days(1),
        status: "approved",
    }
}

/// The seats each class will have taken once the enrolments are in (they
/// are pure functions of their numbers, so they can be counted first).
fn seats_taken(s: &Shape) -> Vec<u32> {
    let mut taken = vec![0u32; usize::try_from(s.classes).unwrap_or(0)];
    for e in 0..s.enrolments {
        let g = s.enrolment(e);
        if g.status == "enrolled"
            && s.class(g.class).status == "approved"
            && let Some(t) = taken.get_mut(g.class as usize)
        {
            *t += 1;
        }
    }
    taken
}

/// Every class with its seat count, the two bench classes last.
pub fn classes(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let taken = seats_taken(s);
    let mut b = Batch::new(c, "classes", CLASS_COLUMNS, "");
    for n in 0..s.classes + 2 {
        let bench = n >= s.classes;
        let k = if bench { bench_class(s, n) } else { s.class(n) };
        let region = s.district(k.institution).to_owned();
        let (opens, closes) = if bench {
            (s.now.naive_utc() - Duration::minutes(1), s.now.naive_utc() + Duration::days(7))
        } else {
            (Shape::morning(k.starts_on - Duration::days(30)), Shape::morning(k.starts_on - Duration::days(1)))
        };
        let decided = matches!(k.status, "approved" | "rejected");
        let officer = super::people::city_officer(&region, false);
        let title = if bench {
            format!("开班抢位 {} SYB 创业培训", if n == s.classes { "A" } else { "B" })
        } else {
            format!("{} 创业培训第{n}期", k.kind.as_str().to_uppercase())
        };
        let online = !bench && s.chance(14, n, 15);
        let times = session_times(s, n, k.starts_on, k.ends_on);
        b.row(&[
            V::S(id(Tag::Class, n)),
            V::S(id(Tag::Institution, k.institution)),
            V::S(region),
            V::T(k.kind.as_str()),
            V::S(title),
            V::T(if online { "online" } else { "offline" }),
            if online { V::Null } else { V::S(format!("创业大厦{}楼", n % 20 + 1)) },
            V::I(i64::from(if bench { RUSH_CAPACITY } else { 30 })),
            V::I(i64::from(taken.get(n as usize).copied().unwrap_or(0))),
            V::At(opens),
            V::At(closes),
            V::D(k.starts_on),
            V::D(k.ends_on),
            V::At(times[0].0),
            V::I(2 * SESSION_MINUTES),
            V::T(k.status),
            if k.status == "rejected" { V::T("课时不足") } else { V::Null },
            if decided { V::S(officer) } else { V::Null },
            if decided { V::At(opens - Duration::days(7)) } else { V::Null },
            V::S(id(Tag::User, super::people::STAFF_BASE + k.institution)),
            V::At(opens - Duration::days(10)),
            V::At(opens - Duration::days(7)),
        ])?;
    }
    b.finish()
}

/// Two sessions a class.
pub fn sessions(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let mut b = Batch::new(c, "class_sessions", "id, class_id, seq, starts_at, ends_at, topic", "");
    for n in 0..s.classes + 2 {
        let k = if n >= s.classes { bench_class(s, n) } else { s.class(n) };
        for (seq, (start, end)) in session_times(s, n, k.starts_on, k.ends_on).into_iter().enumerate() {
            b.row(&[
                V::S(id(Tag::Session, 2 * n + seq as u64)),
                V::S(id(Tag::Class, n)),
                V::I(seq as i64 + 1),
                V::At(start),
                V::At(end),
                V::T(if seq == 0 { "创业意识与市场评估" } else { "创业计划书" }),
            ])?;
        }
    }
    b.finish()
}

/// Ten a class: a seat, or withdrawn (one in twenty).
pub fn enrolments(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let cols = "id, class_id, user_id, status, waitlist_seq, business_licence, created_at, updated_at";
    let mut b = Batch::new(c, "enrolments", cols, "");
    for e in 0..s.enrolments {
        let g = s.enrolment(e);
        let k = s.class(g.class);
        if k.status != "approved" {
            continue;
        }
        let at = Shape::morning(k.starts_on - Duration::days(20)) + Duration::minutes((e % 600) as i64);
        b.row(&[
            V::S(id(Tag::Enrolment, e)),
            V::S(id(Tag::Class, g.class)),
            V::S(id(Tag::User, g.trainee)),
            V::T(g.status),
            V::Null,
            V::Null,
            V::At(at),
            V::At(at),
        ])?;
    }
    b.finish()
}

/// The certificate number of the `i`-th certificate.
pub fn certificate_number(k: &ClassGen, i: u64) -> String {
    format!("SC{}-{}-{i:07}", k.ends_on.format("%Y"), k.kind.as_str().to_uppercase())
}

/// Certificates for the seats of classes that are over (97 % pass).
pub fn certificates(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let cols = "id, number, user_id, class_id, kind, holder_name, hours, issued_on, issuing_region, status, created_at";
    let mut b = Batch::new(c, "certificates", cols, "");
    for e in 0..s.enrolments {
        let g = s.enrolment(e);
        let Some(k) = s.certified(&g, e) else { continue };
        let issued = k.ends_on + Duration::days(3);
        b.row(&[
            V::S(id(Tag::Certificate, e)),
            V::S(certificate_number(&k, e)),
            V::S(id(Tag::User, g.trainee)),
            V::S(id(Tag::Class, g.class)),
            V::T(k.kind.as_str()),
            V::S(format!("学员{}", g.trainee)),
            V::I(2 * SESSION_MINUTES / 60),
            V::D(issued),
            V::S(s.district(k.institution).to_owned()),
            V::T("valid"),
            V::At(Shape::morning(issued)),
        ])?;
    }
    b.finish()
}

/// Some certificate's number, for the verification scenario.
pub fn first_certificate_number(c: &mut DbConn) -> Result<String, AppError> {
    Ok(certificates::table
        .filter(certificates::id.like("5ca1e006-%"))
        .order(certificates::id.asc())
        .select(certificates::number)
        .first::<String>(c)
        .optional()?
        .unwrap_or_default())
}
