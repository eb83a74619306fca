//! The province's regions, its officers, institutions with their staff, and
//! the trainees with complete real-name profiles.

use diesel::prelude::*;
use malanhua_shared::ResidentId;
use malanhua_shared::api::verification::PRIVACY_VERSION;

use super::shape::{Shape, Tag, id};
use super::sql::{Batch, V};
use crate::accounts::pii::PiiKeys;
use crate::core::db::DbConn;
use crate::core::db::schema::regions;
use crate::core::error::AppError;

/// Shandong has 16 prefectures; their codes.
const CITIES: [u32; 16] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17];
/// Districts in all, spread over the cities.
const DISTRICTS: u32 = 100;

const USER_COLUMNS: &str = "id, mobile, password_hash, real_name, resident_id, gender, birth_date, region_code, \
     created_at, updated_at, mobile_verified_at, privacy_version, privacy_consented_at, resident_id_hash, \
     resident_id_masked";
const GRANT_COLUMNS: &str = "id, user_id, role, region_code, institution_id, granted_by, granted_at";

/// Officer `k`'s mobile: 0 and 1 serve the province, then two per city.
pub fn officer_mobile(k: u64) -> String {
    format!("199{k:08}")
}

fn staff_mobile(k: u64) -> String {
    format!("166{k:08}")
}

/// Trainee `n`'s mobile.
pub fn trainee_mobile(n: u64) -> String {
    format!("17{n:09}")
}

/// The cities and districts the demo tree lacks (kept where present).
pub fn regions(c: &mut DbConn) -> Result<u64, AppError> {
    let mut b = Batch::new(c, "regions", "code, name_zh, name_en, parent_code, level", "ON CONFLICT DO NOTHING");
    for (k, city) in CITIES.iter().enumerate() {
        let code = format!("37{city:02}00");
        b.row(&[
            V::S(code.clone()),
            V::S(format!("规模市{city:02}")),
            V::S(format!("Scale city {city:02}")),
            V::T("370000"),
            V::T("prefecture"),
        ])?;
        let per_city = DISTRICTS / 16 + u32::from((k as u32) < DISTRICTS % 16);
        for d in 0..per_city {
            b.row(&[
                V::S(format!("37{city:02}{:02}", 31 + d)),
                V::S(format!("规模区{city:02}{d:02}")),
                V::S(format!("Scale district {city:02}-{d:02}")),
                V::S(code.clone()),
                V::T("county"),
            ])?;
        }
    }
    b.finish()
}

/// The scale districts, in code order.
pub fn districts(c: &mut DbConn) -> Result<Vec<String>, AppError> {
    Ok(regions::table
        .filter(regions::code.like("37%"))
        .filter(regions::level.eq("county"))
        .filter(regions::code.gt("370000"))
        .filter(regions::name_en.like("Scale district%"))
        .order(regions::code.asc())
        .select(regions::code)
        .load(c)?)
}

fn staff_user(
    b: &mut Batch<'_>,
    user: &str,
    mobile: String,
    name: String,
    region: &str,
    hash: &str,
    s: &Shape,
) -> Result<(), AppError> {
    let at = V::At(s.now.naive_utc());
    b.row(&[
        V::T(user),
        V::S(mobile),
        V::T(hash),
        V::S(name),
        V::Null,
        V::Null,
        V::Null,
        V::T(region),
        at,
        V::At(s.now.naive_utc()),
        V::At(s.now.naive_utc()),
        V::T(PRIVACY_VERSION),
        V::At(s.now.naive_utc()),
        V::Null,
        V::Null,
    ])
}

/// Officer user numbers start here (below are trainees).
pub const OFFICER_BASE: u64 = 1 << 40;
/// Institution staff user numbers start here.
pub const STAFF_BASE: u64 = 2 << 40;
/// Mentor user numbers start here.
pub const MENTOR_BASE: u64 = 3 << 40;

/// The officers: two for the province, two per city.
pub fn officers(c: &mut DbConn, s: &Shape, hash: &str) -> Result<u64, AppError> {
    let mut regions = vec!["370000".to_owned(), "370000".to_owned()];
    for city in CITIES {
        regions.extend([format!("37{city:02}00"), format!("37{city:02}00")]);
    }
    let mut users = Batch::new(c, "users", USER_COLUMNS, "");
    for (k, region) in regions.iter().enumerate() {
        let k = k as u64;
        let user = id(Tag::User, OFFICER_BASE + k);
        staff_user(&mut users, &user, officer_mobile(k), format!("规模审核员{k:02}"), region, hash, s)?;
    }
    let n = users.finish()?;
    let count = regions.len() as u64;
    grant_all(c, s, OFFICER_BASE, count, "bureau_officer", |k| regions.get(k as usize).cloned())?;
    Ok(n)
}

/// The officer who decides in `region`'s city (`second` for the next stage).
pub fn city_officer(region: &str, second: bool) -> String {
    let city: u32 = region.get(2..4).and_then(|c| c.parse().ok()).unwrap_or(2);
    let k = CITIES.iter().position(|&x| x == city).unwrap_or(1) as u64;
    id(Tag::User, OFFICER_BASE + 2 + 2 * k + u64::from(second))
}

/// The name of institution `i`.
pub fn institution_name(i: u64) -> String {
    format!("规模培训学校{i:04}")
}

/// Institutions, one staff member each.
pub fn institutions(c: &mut DbConn, s: &Shape, hash: &str) -> Result<u64, AppError> {
    let mut users = Batch::new(c, "users", USER_COLUMNS, "");
    for i in 0..s.institutions {
        let region = s.district(i).to_owned();
        staff_user(
            &mut users,
            &id(Tag::User, STAFF_BASE + i),
            staff_mobile(i),
            format!("规模教务{i}"),
            &region,
            hash,
            s,
        )?;
    }
    users.finish()?;
    let mut b = Batch::new(c, "institutions", "id, name, region_code, created_by, created_at", "");
    for i in 0..s.institutions {
        b.row(&[
            V::S(id(Tag::Institution, i)),
            V::S(institution_name(i)),
            V::S(s.district(i).to_owned()),
            V::Null,
            V::At(s.now.naive_utc()),
        ])?;
    }
    let n = b.finish()?;
    let mut grants = Batch::new(c, "role_grants", GRANT_COLUMNS, "");
    for i in 0..s.institutions {
        grants.row(&[
            V::S(id(Tag::Grant, STAFF_BASE + i)),
            V::S(id(Tag::User, STAFF_BASE + i)),
            V::T("institution_staff"),
            V::Null,
            V::S(id(Tag::Institution, i)),
            V::Null,
            V::At(s.now.naive_utc()),
        ])?;
    }
    grants.finish()?;
    Ok(n)
}

/// Trainees with complete profiles: name, resident ID (sealed as the
/// product seals it), gender and birth date from the ID, region, consent.
pub fn trainees(c: &mut DbConn, s: &Shape, hash: &str, pii: &PiiKeys) -> Result<u64, AppError> {
    let mut b = Batch::new(c, "users", USER_COLUMNS, "");
    let epoch = chrono::NaiveDate::from_ymd_opt(1975, 1, 1).unwrap_or_default();
    for n in 0..s.trainees {
        let user = id(Tag::User, n);
        let district = s.district(n).to_owned();
        let birth = epoch + chrono::Duration::days(i64::try_from((n / 100) % 10_000).unwrap_or(0));
        let seq = (n / 1_000_000) % 1000;
        let first17 = format!("{district}{}{seq:03}", birth.format("%Y%m%d"));
        let resident = ResidentId::with_check(&first17)
            .ok_or_else(|| AppError::internal(format!("generated resident ID {first17}")))?;
        let sealed = pii.seal(&malanhua_shared::UserId::from_raw(user.clone()), &resident)?;
        let at = V::At(s.now.naive_utc());
        b.row(&[
            V::S(user),
            V::S(trainee_mobile(n)),
            V::T(hash),
            V::S(format!("学员{n}")),
            V::S(sealed.sealed),
            V::T(resident.gender().as_str()),
            V::D(birth),
            V::S(district),
            at,
            V::At(s.now.naive_utc()),
            V::At(s.now.naive_utc()),
            V::T(PRIVACY_VERSION),
            V::At(s.now.naive_utc()),
            V::S(sealed.hash),
            V::S(sealed.masked),
        ])?;
    }
    let n = b.finish()?;
    grant_all(c, s, 0, s.trainees, "trainee", |_| None)?;
    Ok(n)
}

/// The role `role` for users `base .. base + count` (region per user).
pub fn grant_all(
    c: &mut DbConn,
    s: &Shape,
    base: u64,
    count: u64,
    role: &str,
    region: impl Fn(u64) -> Option<String>,
) -> Result<u64, AppError> {
    let mut grants = Batch::new(c, "role_grants", GRANT_COLUMNS, "");
    for k in 0..count {
        grants.row(&[
            V::S(id(Tag::Grant, base + k)),
            V::S(id(Tag::User, base + k)),
            V::T(role),
            super::sql::opt(region(k)),
            V::Null,
            V::Null,
            V::At(s.now.naive_utc()),
        ])?;
    }
    grants.finish()
}
