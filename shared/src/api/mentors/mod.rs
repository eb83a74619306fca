//! The mentor library (创业导师库): applications, admission for a term, the
//! public directory, availability and bookings.
//!
//! Endpoints (all under `/api`):
//! - `GET  mentor-policies/{region}` (public), `PUT mentor-policies/{region}` (officer)
//! - `POST mentors/apply`, `GET me/mentor` (own application and profile),
//!   `PUT me/mentor/profile`, `GET/PUT me/mentor/availability`
//! - `GET  mentors` (public directory, [`DirectoryQuery`]), `GET mentors/{id}` (public page)
//! - `GET  mentors/{id}/slots?from=&to=` (public, free slots, UTC)
//! - `GET  bureau/mentors?status=` (officer), `POST mentors/{id}/decision` ([`MentorDecisionRequest`]),
//!   `GET bureau/mentors/{id}/evaluation?year=`
//! - `POST mentors/{id}/appointments` ([`BookRequest`]) -> [`Appointment`]
//! - `GET  me/appointments` (as trainee), `GET me/mentor/appointments` (as mentor)
//! - `POST appointments/{id}/confirm`, `/decline` (reason), `/cancel` (reason),
//!   `/reschedule` ([`RescheduleRequest`]), `/record` ([`ServiceRecordInput`]),
//!   `/no-show`, `/rate` ([`RatingInput`]), `GET appointments/{id}.ics`
//! - `POST mentors/{id}/group-sessions` ([`NewGroupSession`]), `GET mentors/{id}/group-sessions`,
//!   `GET group-sessions/{id}`, `POST group-sessions/{id}/join`, `/leave`, `/cancel` (reason),
//!   `/record`, `/rate`, `GET group-sessions/{id}.ics`, `GET me/group-seats`
//! - `GET  me/calendar` (feed URL), `POST me/calendar/renew`, `GET calendar/{token}.ics` (public feed)

mod availability;
mod bookings;
mod directory;
mod policy;

pub use availability::*;
pub use bookings::*;
pub use directory::*;
pub use policy::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{FieldCode, FieldErrors};
use crate::ids::MentorId;

named_enum!(
    /// Where a mentor stands in the library.
    MentorStatus {
        /// 已申报: waiting for the bureau.
        Applied = "applied",
        /// 在聘: admitted and within the term; listed and bookable.
        Active = "active",
        /// 未获聘: refused, with a reason.
        Refused = "refused",
        /// 暂停: suspended by the bureau, may be reinstated.
        Suspended = "suspended",
        /// 解聘: removed by the bureau.
        Removed = "removed",
        /// 聘期届满: the term ended.
        Expired = "expired",
    }
);

named_enum!(
    /// How a mentor serves.
    ServiceMode {
        /// 线上
        Online = "online",
        /// 线下
        Offline = "offline",
        /// 线上线下均可
        Both = "both",
    }
);

named_enum!(
    /// The fixed list of expertise areas (free tags come beside it).
    Expertise {
        /// 市场营销
        Marketing = "marketing",
        /// 财务税务
        FinanceTax = "finance_tax",
        /// 法律
        Law = "law",
        /// 电商
        Ecommerce = "ecommerce",
        /// 农业
        Agriculture = "agriculture",
        /// 餐饮
        Catering = "catering",
        /// 科技
        Technology = "technology",
        /// 文创
        CulturalCreative = "cultural_creative",
        /// 融资
        Financing = "financing",
        /// 企业管理
        Management = "management",
        /// 人力资源
        HumanResources = "human_resources",
    }
);

named_enum!(
    /// What a bureau officer does to a mentor.
    MentorAction {
        /// 聘任: admit an application for a term.
        Admit = "admit",
        /// 不予聘任: refuse an application.
        Refuse = "refuse",
        /// 暂停: suspend an active mentor.
        Suspend = "suspend",
        /// 恢复: reinstate a suspended mentor within the term.
        Reinstate = "reinstate",
        /// 解聘: remove a mentor.
        Remove = "remove",
    }
);

/// `POST /api/mentors/apply` and `PUT /api/me/mentor/profile`: what a mentor
/// says about themselves. Lists are short; free tags are up to 10.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorProfileInput {
    /// The library's region (GB/T 2260), for an application; ignored on edit.
    #[serde(default)]
    pub region_code: String,
    /// Real name as on the resident ID.
    #[serde(default)]
    pub real_name: String,
    /// Professional title (职称/职务).
    #[serde(default)]
    pub title: String,
    /// Employer (工作单位).
    #[serde(default)]
    pub employer: String,
    /// Years of experience (0 to 70).
    #[serde(default)]
    pub years_experience: i64,
    /// At least one area from the fixed list.
    #[serde(default)]
    pub expertise: Vec<Expertise>,
    /// Free tags, each 1 to 20 characters.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Industries served (at least one).
    #[serde(default)]
    pub industries: Vec<String>,
    /// Online, offline or both.
    pub service_mode: Option<ServiceMode>,
    /// Languages spoken (at least one), e.g. 普通话, 蒙古语, English.
    #[serde(default)]
    pub languages: Vec<String>,
    /// A short biography (20 to 1000 characters).
    #[serde(default)]
    pub bio: String,
    /// Evidence: certificate numbers, e.g. 创业指导师 or SYB trainer (at least 4 characters).
    #[serde(default)]
    pub evidence: String,
}

/// A checked [`MentorProfileInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorProfileChecked {
    /// Region text as given (checked against the region tree by the server).
    pub region_code: String,
    /// Real name.
    pub real_name: String,
    /// Title.
    pub title: String,
    /// Employer.
    pub employer: String,
    /// Years.
    pub years_experience: u32,
    /// Areas.
    pub expertise: Vec<Expertise>,
    /// Tags, trimmed and deduplicated.
    pub tags: Vec<String>,
    /// Industries.
    pub industries: Vec<String>,
    /// Mode.
    pub service_mode: ServiceMode,
    /// Languages.
    pub languages: Vec<String>,
    /// Biography.
    pub bio: String,
    /// Evidence.
    pub evidence: String,
}

/// Trims `input` and checks its length in characters.
pub fn check_text(input: &str, min: usize, max: usize) -> Result<String, FieldCode> {
    let t = input.trim();
    match t.chars().count() {
        0 if min > 0 => Err(FieldCode::Required),
        n if n < min => Err(FieldCode::TooShort),
        n if n > max => Err(FieldCode::TooLong),
        _ => Ok(t.to_owned()),
    }
}

/// Trims each entry, drops empty ones and repeats, checks each entry's length
/// and the count.
pub fn check_list(items: &[String], min: usize, max: usize, max_len: usize) -> Result<Vec<String>, FieldCode> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let t = item.trim();
        if t.is_empty() || out.iter().any(|o| o == t) {
            continue;
        }
        if t.chars().count() > max_len || t.contains(',') {
            return Err(FieldCode::InvalidFormat);
        }
        out.push(t.to_owned());
    }
    match out.len() {
        0 if min > 0 => Err(FieldCode::Required),
        n if n > max => Err(FieldCode::TooLong),
        _ => Ok(out),
    }
}

impl MentorProfileInput {
    /// Checks every field, naming each bad one.
    pub fn validate(&self) -> Result<MentorProfileChecked, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut take = |field: &str, r: Result<String, FieldCode>| {
            r.map_err(|c| {
                e.insert(field.into(), c);
            })
            .unwrap_or_default()
        };
        let real_name = take("real_name", super::check_real_name(&self.real_name));
        let title = take("title", check_text(&self.title, 2, 40));
        let employer = take("employer", check_text(&self.employer, 2, 60));
        let bio = take("bio", check_text(&self.bio, 20, 1000));
        let evidence = take("evidence", check_text(&self.evidence, 4, 300));
        let mut list = |field: &str, r: Result<Vec<String>, FieldCode>| {
            r.map_err(|c| {
                e.insert(field.into(), c);
            })
            .unwrap_or_default()
        };
        let tags = list("tags", check_list(&self.tags, 0, 10, 20));
        let industries = list("industries", check_list(&self.industries, 1, 10, 20));
        let languages = list("languages", check_list(&self.languages, 1, 6, 20));
        let mut expertise = self.expertise.clone();
        expertise.sort();
        expertise.dedup();
        if expertise.is_empty() {
            e.insert("expertise".into(), FieldCode::Required);
        }
        if !(0..=70).contains(&self.years_experience) {
            e.insert("years_experience".into(), FieldCode::OutOfRange);
        }
        let Some(service_mode) = self.service_mode else {
            e.insert("service_mode".into(), FieldCode::Required);
            return Err(e);
        };
        if !e.is_empty() {
            return Err(e);
        }
        Ok(MentorProfileChecked {
            region_code: self.region_code.trim().to_owned(),
            real_name,
            title,
            employer,
            years_experience: u32::try_from(self.years_experience).unwrap_or(0),
            expertise,
            tags,
            industries,
            service_mode,
            languages,
            bio,
            evidence,
        })
    }
}

/// `GET /api/me/mentor` and the bureau's view: the whole record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorRecord {
    /// What the directory shows.
    pub card: MentorCard,
    /// Where they stand (an active mentor past the term reads `expired`).
    pub status: MentorStatus,
    /// Why, for refusals, suspensions and removals.
    pub status_reason: Option<String>,
    /// Biography.
    pub bio: String,
    /// Evidence given.
    pub evidence: String,
    /// Term start.
    pub term_from: Option<NaiveDate>,
    /// Term end (last day).
    pub term_to: Option<NaiveDate>,
    /// Applied.
    pub applied_at: DateTime<Utc>,
    /// Last decision.
    pub decided_at: Option<DateTime<Utc>>,
}

/// `POST /api/mentors/{id}/decision`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorDecisionRequest {
    /// What to do.
    pub action: Option<MentorAction>,
    /// Why (required except to admit or reinstate).
    #[serde(default)]
    pub reason: String,
    /// Term start for an admission (default: today in Shanghai).
    #[serde(default)]
    pub term_from: Option<NaiveDate>,
    /// Term length in years for an admission (default: the policy's).
    #[serde(default)]
    pub term_years: Option<u32>,
}

/// `GET /api/bureau/mentors/{id}/evaluation?year=`: the yearly service evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorEvaluation {
    /// The mentor.
    pub mentor_id: MentorId,
    /// Calendar year (Shanghai).
    pub year: i32,
    /// Services recorded in the year.
    pub services: u32,
    /// Of them, those the person served confirmed took place (for a group
    /// session: at least one attendee).
    #[serde(default)]
    pub confirmed: u32,
    /// Confirmed and of at least the policy's minutes: the count that counts.
    pub qualifying: u32,
    /// The policy's yearly minimum.
    pub required: u32,
    /// The policy's minimum minutes per service.
    pub min_minutes: u32,
    /// Qualifying at least required.
    pub meets: bool,
    /// Average rating in the year, from three ratings on.
    pub rating: Option<f64>,
}

#[cfg(test)]
mod tests;
