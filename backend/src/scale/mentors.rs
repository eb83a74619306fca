//! Admitted mentors with weekday hours, and two years of appointments
//! with their outcomes and ratings.

use chrono::{Duration, NaiveDateTime};

use super::people::{MENTOR_BASE, city_officer};
use super::shape::{Shape, Tag, id};
use super::sql::{Batch, V};
use crate::core::db::DbConn;
use crate::core::error::AppError;

const EXPERTISE: [&str; 3] = ["marketing", "finance_tax", "law"];

/// The mentors, each with an account and Monday-to-Friday hours.
pub fn mentors(c: &mut DbConn, s: &Shape, hash: &str) -> Result<u64, AppError> {
    let now = s.now.naive_utc();
    let cols = "id, mobile, password_hash, real_name, region_code, created_at, updated_at, mobile_verified_at";
    let mut users = Batch::new(c, "users", cols, "");
    for m in 0..s.mentors {
        users.row(&[
            V::S(id(Tag::User, MENTOR_BASE + m)),
            V::S(format!("188{m:08}")),
            V::T(hash),
            V::S(format!("导师{m}")),
            V::S(s.district(m).to_owned()),
            V::At(now),
            V::At(now),
            V::At(now),
        ])?;
    }
    users.finish()?;
    let cols = "id, user_id, region_code, status, real_name, title, employer, years_experience, expertise, tags, \
                industries, service_mode, languages, bio, evidence, term_from, term_to, decided_by, decided_at, \
                slot_minutes, buffer_before_minutes, buffer_after_minutes, min_notice_hours, horizon_days, \
                created_at, updated_at";
    let mut b = Batch::new(c, "mentors", cols, "");
    for m in 0..s.mentors {
        let region = s.district(m).to_owned();
        b.row(&[
            V::S(id(Tag::Mentor, m)),
            V::S(id(Tag::User, MENTOR_BASE + m)),
            V::S(region.clone()),
            V::T("active"),
            V::S(format!("导师{m}")),
            V::T("创业导师"),
            V::T("规模企业服务中心"),
            V::I((m % 30 + 3) as i64),
            V::T(EXPERTISE[(m % 3) as usize]),
            V::T("融资,营销"),
            V::T(""),
            V::T("both"),
            V::T("zh"),
            V::T("帮助初创企业梳理商业模式。"),
            V::T("导师聘书"),
            V::D(s.today - Duration::days(800)),
            V::D(s.today + Duration::days(295)),
            V::S(city_officer(&region, false)),
            V::At(now - Duration::days(800)),
            V::I(60),
            V::I(0),
            V::I(15),
            V::I(24),
            V::I(30),
            V::At(now - Duration::days(810)),
            V::At(now - Duration::days(800)),
        ])?;
    }
    let n = b.finish()?;
    let mut hours = Batch::new(c, "mentor_weekly_hours", "id, mentor_id, weekday, start_minute, end_minute", "");
    for m in 0..s.mentors {
        for weekday in 1..=5u64 {
            hours.row(&[
                V::S(id(Tag::Mentor, (1 << 32) + m * 8 + weekday)),
                V::S(id(Tag::Mentor, m)),
                V::I(weekday as i64),
                V::I(9 * 60),
                V::I(17 * 60),
            ])?;
        }
    }
    hours.finish()?;
    super::people::grant_all(c, s, MENTOR_BASE, s.mentors, "mentor", |m| Some(s.district(m).to_owned()))?;
    Ok(n)
}

/// Appointments over the two years before today, 40 a mentor.
pub fn appointments(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let cols = "id, mentor_id, trainee_id, starts_at, ends_at, status, topic, business, expires_at, status_reason, \
                sequence, no_show, service_confirmed_at, rating, rating_comment, created_at, updated_at";
    let mut b = Batch::new(c, "appointments", cols, "");
    let first = s.today - Duration::days(730);
    for a in 0..s.appointments {
        let day = first + Duration::days(i64::try_from(a * 729 / s.appointments.max(1)).unwrap_or(0));
        let starts: NaiveDateTime = Shape::morning(day) + Duration::hours((a % 6) as i64);
        let ends = starts + Duration::minutes(60);
        let roll = s.pick(41, a, 100);
        let status = match roll {
            0..=7 => "cancelled",
            8..=13 => "declined",
            14..=19 => "expired",
            _ => "confirmed",
        };
        let served = status == "confirmed";
        let rating = (served && s.chance(42, a, 70)).then(|| 3 + s.pick(43, a, 3) as i64);
        let created = starts - Duration::days(5);
        b.row(&[
            V::S(id(Tag::Appointment, a)),
            V::S(id(Tag::Mentor, a % s.mentors.max(1))),
            V::S(id(Tag::User, s.pick(44, a, s.trainees))),
            V::At(starts),
            V::At(ends),
            V::T(status),
            V::T("商业计划书修改"),
            V::T("社区便利店"),
            V::At(created + Duration::days(2)),
            match status {
                "declined" => V::T("时间冲突"),
                "cancelled" => V::T("行程变化"),
                _ => V::Null,
            },
            V::I(0),
            V::B(false),
            if served { V::At(ends) } else { V::Null },
            rating.map_or(V::Null, V::I),
            if rating.is_some() { V::T("很有帮助") } else { V::Null },
            V::At(created),
            V::At(ends),
        ])?;
    }
    b.finish()
}
