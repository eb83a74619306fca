//! Subsidy policies for the province, verified priority groups for the
//! certificate holders, and a training claim per certificate in every
//! stage (plus earlier rejected claims up to the plan's count), with the
//! payments of the paid ones.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use malanhua_shared::course::CourseKind;

use super::people::city_officer;
use super::shape::{Shape, Tag, id};
use super::sql::{Batch, V, opt};
use crate::core::db::DbConn;
use crate::core::db::schema::subsidy_policies;
use crate::core::error::AppError;

const EFFECTIVE_FROM: (i32, u32, u32) = (2020, 1, 1);
/// 1,000 yuan a certificate.
const AMOUNT_FEN: i64 = 100_000;

/// (status, percent): every stage a claim can be in.
const STAGES: [(&str, u64); 9] = [
    ("draft", 4),
    ("submitted", 30),
    ("reviewed", 12),
    ("approved", 8),
    ("notice", 8),
    ("held", 1),
    ("paid", 30),
    ("returned", 4),
    ("rejected", 3),
];

fn effective_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(EFFECTIVE_FROM.0, EFFECTIVE_FROM.1, EFFECTIVE_FROM.2).unwrap_or_default()
}

/// A policy per course kind for the whole province.
pub fn policies(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let cols = "id, region_code, kind, effective_from, ends_on, amount_fen, payee, eligible_groups, \
                claim_window_months, notice_days, one_per_year, local_groups, amount_is_cap, updated_by, updated_at";
    let mut b = Batch::new(c, "subsidy_policies", cols, "ON CONFLICT DO NOTHING");
    for (i, kind) in CourseKind::ALL.iter().enumerate() {
        b.row(&[
            V::S(id(Tag::Policy, i as u64)),
            V::T("370000"),
            V::T(kind.as_str()),
            V::D(effective_from()),
            V::Null,
            V::I(AMOUNT_FEN),
            V::T("institution"),
            V::T("registered_unemployed,recent_graduate,rural_migrant_worker,veteran"),
            V::I(12),
            V::I(7),
            V::B(false),
            V::B(false),
            V::B(false),
            V::Null,
            V::At(s.now.naive_utc()),
        ])?;
    }
    b.finish()
}

fn policy_ids(c: &mut DbConn) -> Result<Vec<(String, String)>, AppError> {
    Ok(subsidy_policies::table
        .filter(subsidy_policies::region_code.eq("370000"))
        .filter(subsidy_policies::effective_from.eq(effective_from()))
        .select((subsidy_policies::kind, subsidy_policies::id))
        .load(c)?)
}

/// A verified group (one in twenty still waiting) for each certificate holder.
pub fn groups(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let cols = "id, user_id, group_code, valid_from, valid_to, evidence, status, decided_by, decided_at, created_at, \
                region_code";
    let mut b = Batch::new(c, "priority_groups", cols, "");
    for e in 0..s.enrolments {
        let g = s.enrolment(e);
        let Some(k) = s.certified(&g, e) else { continue };
        let region = s.district(k.institution).to_owned();
        let verified = !s.chance(31, e, 5);
        let at = Shape::morning(k.starts_on - Duration::days(40));
        b.row(&[
            V::S(id(Tag::Group, e)),
            V::S(id(Tag::User, g.trainee)),
            V::T("registered_unemployed"),
            V::D(effective_from()),
            V::Null,
            V::T("就业失业登记证"),
            V::T(if verified { "verified" } else { "declared" }),
            if verified { V::S(city_officer(&region, false)) } else { V::Null },
            if verified { V::At(at + Duration::days(2)) } else { V::Null },
            V::At(at),
            V::S(region),
        ])?;
    }
    b.finish()
}

fn stage(s: &Shape, n: u64) -> &'static str {
    let mut roll = s.pick(32, n, 100);
    for (name, share) in STAGES {
        if roll < share {
            return name;
        }
        roll -= share;
    }
    "submitted"
}

/// The claims, and the payments of the paid ones.
pub fn claims(c: &mut DbConn, s: &Shape) -> Result<u64, AppError> {
    let policies = policy_ids(c)?;
    let cols = "id, claim_kind, certificate_id, user_id, kind, region_code, institution_id, class_id, policy_id, \
                payee, amount_fen, status, filed_by, filed_at, reviewed_by, reviewed_at, approved_by, approved_at, \
                notice_ends_on, reason, created_at, updated_at, subject, institution_name";
    let now = s.now.naive_utc();
    let mut paid: Vec<(u64, NaiveDateTime)> = Vec::new();
    let mut b = Batch::new(c, "subsidy_claims", cols, "");
    let mut made = 0;
    // Pass 0: one claim per certificate; pass 1: earlier rejected claims.
    for pass in 0..2u64 {
        for e in 0..s.enrolments {
            if made >= s.claims {
                break;
            }
            let g = s.enrolment(e);
            let Some(k) = s.certified(&g, e) else { continue };
            let status = if pass == 0 { stage(s, e) } else { "rejected" };
            let region = s.district(k.institution).to_owned();
            let clamp = |t: NaiveDateTime| t.min(now - Duration::hours(1));
            let filed = clamp(Shape::morning(k.ends_on + Duration::days(5)) + Duration::minutes((e % 480) as i64));
            let reviewed = clamp(filed + Duration::days(5));
            let approved = clamp(reviewed + Duration::days(3));
            let has = |stages: &[&str]| stages.contains(&status);
            let was_reviewed = has(&["reviewed", "approved", "notice", "held", "paid"]);
            let was_approved = has(&["approved", "notice", "held", "paid"]);
            let policy = policies.iter().find(|(kind, _)| kind == k.kind.as_str()).map(|(_, id)| id.clone());
            let number = 2 * e + pass;
            if status == "paid" {
                paid.push((number, approved));
            }
            b.row(&[
                V::S(id(Tag::Claim, number)),
                V::T("training"),
                V::S(id(Tag::Certificate, e)),
                V::S(id(Tag::User, g.trainee)),
                V::T(k.kind.as_str()),
                V::S(region.clone()),
                V::S(id(Tag::Institution, k.institution)),
                V::S(id(Tag::Class, g.class)),
                opt(policy),
                V::T("institution"),
                V::I(AMOUNT_FEN),
                V::T(status),
                if status == "draft" {
                    V::Null
                } else {
                    V::S(id(Tag::User, super::people::STAFF_BASE + k.institution))
                },
                if status == "draft" { V::Null } else { V::At(filed) },
                if was_reviewed { V::S(city_officer(&region, false)) } else { V::Null },
                if was_reviewed { V::At(reviewed) } else { V::Null },
                if was_approved { V::S(city_officer(&region, true)) } else { V::Null },
                if was_approved { V::At(approved) } else { V::Null },
                if has(&["notice", "held", "paid"]) { V::D(approved.date() + Duration::days(9)) } else { V::Null },
                match status {
                    "returned" => V::T("缺少培训签到表"),
                    "rejected" => V::T("重复申请"),
                    _ => V::Null,
                },
                V::At(filed - Duration::hours(2)),
                V::At(approved),
                V::T(""),
                V::S(super::people::institution_name(k.institution)),
            ])?;
            made += 1;
        }
    }
    b.finish()?;
    let mut pay =
        Batch::new(c, "subsidy_payments", "id, claim_id, reference, paid_on, amount_fen, paid_by, created_at", "");
    for (number, approved) in paid {
        let on = (approved + Duration::days(12)).min(now);
        pay.row(&[
            V::S(id(Tag::Payment, number)),
            V::S(id(Tag::Claim, number)),
            V::S(format!("SCPAY{number:010}")),
            V::D(on.date()),
            V::I(AMOUNT_FEN),
            V::S(id(Tag::User, super::people::OFFICER_BASE + 1)),
            V::At(on),
        ])?;
    }
    pay.finish()?;
    Ok(made)
}
