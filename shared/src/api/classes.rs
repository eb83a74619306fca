//! Bodies of the classes API: course policies, trainers, opening requests,
//! the catalogue, enrolment and rosters.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::NotificationKind;

use super::InstitutionRef;
use crate::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus, shanghai_date};
use crate::error::{FieldCode, FieldErrors};
use crate::ids::{CertificateNumber, ClassId, ClassSessionId, NotificationId, TrainerId, UserId};
use crate::money::Fen;
use crate::region::RegionCode;

/// The course policy in force for a region and kind (its own row, or the
/// nearest ancestor's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoursePolicy {
    /// The region asked about.
    pub region: RegionCode,
    /// The course kind.
    pub kind: CourseKind,
    /// The region whose row applies (the region itself or an ancestor).
    pub defined_in: RegionCode,
    /// Fewest class hours.
    pub min_hours: u32,
    /// Most trainees in one class.
    pub max_class_size: u32,
    /// Whole working days between filing (and approving) an opening request
    /// and the first day.
    pub opening_lead_days: u32,
    /// Share of sessions (percent) a trainee must attend for a certificate.
    pub attendance_threshold_pct: u32,
    /// The kind needs an earlier GYB or SYB certificate.
    pub requires_prior_certificate: bool,
    /// The kind needs a business licence (统一社会信用代码).
    pub requires_business_licence: bool,
    /// The certificates that count as the prior training (empty unless one is required).
    #[serde(default)]
    pub prior_kinds: Vec<CourseKind>,
}

/// `PUT /api/policies/{region}/{kind}`: a bureau sets its region's policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyRequest {
    /// Fewest class hours (1 to 500).
    pub min_hours: i64,
    /// Most trainees in one class (1 to 500).
    pub max_class_size: i64,
    /// Days of notice before the first session (0 to 90).
    pub opening_lead_days: i64,
    /// Attendance needed for a certificate, percent (1 to 100).
    pub attendance_threshold_pct: i64,
    /// Needs an earlier training certificate (of a kind in `prior_kinds`).
    #[serde(default)]
    pub requires_prior_certificate: bool,
    /// Needs a business licence.
    #[serde(default)]
    pub requires_business_licence: bool,
    /// The certificates that count as the prior training; when absent, the
    /// programme's order ([`crate::course::default_prior_kinds`]).
    #[serde(default)]
    pub prior_kinds: Option<Vec<CourseKind>>,
}

fn in_range(errors: &mut FieldErrors, field: &str, v: i64, lo: i64, hi: i64) -> u32 {
    if (lo..=hi).contains(&v) {
        u32::try_from(v).unwrap_or(0)
    } else {
        errors.insert(field.into(), FieldCode::OutOfRange);
        0
    }
}

impl PolicyRequest {
    /// Checks the ranges; names each field out of range.
    pub fn validate(&self, region: RegionCode, kind: CourseKind) -> Result<CoursePolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        let policy = CoursePolicy {
            defined_in: region.clone(),
            region,
            kind,
            min_hours: in_range(&mut e, "min_hours", self.min_hours, 1, 500),
            max_class_size: in_range(&mut e, "max_class_size", self.max_class_size, 1, 500),
            opening_lead_days: in_range(&mut e, "opening_lead_days", self.opening_lead_days, 0, 90),
            attendance_threshold_pct: in_range(
                &mut e,
                "attendance_threshold_pct",
                self.attendance_threshold_pct,
                1,
                100,
            ),
            requires_prior_certificate: self.requires_prior_certificate,
            requires_business_licence: self.requires_business_licence,
            prior_kinds: match (&self.prior_kinds, self.requires_prior_certificate) {
                (_, false) => Vec::new(),
                (Some(kinds), true) if !kinds.is_empty() => kinds.clone(),
                (_, true) => crate::course::default_prior_kinds(kind),
            },
        };
        if e.is_empty() { Ok(policy) } else { Err(e) }
    }
}

/// A trainer of an institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trainer {
    /// Trainer id.
    pub id: TrainerId,
    /// Name.
    pub name: String,
    /// Trainer qualification certificate number (创业培训讲师证书编号).
    pub qualification_no: String,
}

/// `POST /api/trainers`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTrainer {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Qualification number: 4 to 40 letters, digits or hyphens.
    #[serde(default)]
    pub qualification_no: String,
}

impl NewTrainer {
    /// Checks name and qualification number.
    pub fn validate(&self) -> Result<(String, String), FieldErrors> {
        let mut e = FieldErrors::new();
        let name = super::check_real_name(&self.name).map_err(|c| e.insert("name".into(), c)).ok();
        let q = self.qualification_no.trim().to_ascii_uppercase();
        let q_ok = (4..=40).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if q.is_empty() {
            e.insert("qualification_no".into(), FieldCode::Required);
        } else if !q_ok {
            e.insert("qualification_no".into(), FieldCode::InvalidFormat);
        }
        match name {
            Some(n) if e.is_empty() => Ok((n, q)),
            _ => Err(e),
        }
    }
}

/// One session of an opening request; times are RFC 3339 with an offset
/// (`2026-12-07T09:00:00+08:00`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInput {
    /// Start.
    #[serde(default)]
    pub starts_at: String,
    /// End.
    #[serde(default)]
    pub ends_at: String,
    /// What is taught.
    #[serde(default)]
    pub topic: String,
}

/// `POST /api/classes`: an institution's opening request (开班申请).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewClass {
    /// Course kind (`syb`, `iyb` ...).
    #[serde(default)]
    pub kind: String,
    /// Class title.
    #[serde(default)]
    pub title: String,
    /// Trainer ids of the institution (at least one).
    #[serde(default)]
    pub trainer_ids: Vec<String>,
    /// `offline` or `online`.
    #[serde(default)]
    pub mode: String,
    /// Address, required offline.
    #[serde(default)]
    pub place: Option<String>,
    /// Seats.
    #[serde(default)]
    pub capacity: i64,
    /// Enrolment opens (RFC 3339).
    #[serde(default)]
    pub enrol_opens_at: String,
    /// Enrolment closes (RFC 3339), at the latest when the first session starts.
    #[serde(default)]
    pub enrol_closes_at: String,
    /// First day (YYYY-MM-DD, Shanghai).
    #[serde(default)]
    pub starts_on: String,
    /// Last day (YYYY-MM-DD, Shanghai).
    #[serde(default)]
    pub ends_on: String,
    /// The sessions.
    #[serde(default)]
    pub sessions: Vec<SessionInput>,
    /// What the training costs per trainee (fen), where the institution
    /// charges one; a policy that pays "up to" an amount pays at most this.
    #[serde(default)]
    pub fee_fen: Option<i64>,
}

/// A session, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSession {
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Topic.
    pub topic: String,
}

/// An opening request with every field checked that needs no policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClass {
    /// Kind.
    pub kind: CourseKind,
    /// Title.
    pub title: String,
    /// Trainer ids (not yet checked against the institution).
    pub trainer_ids: Vec<TrainerId>,
    /// Mode.
    pub mode: ClassMode,
    /// Place (offline).
    pub place: Option<String>,
    /// Seats.
    pub capacity: u32,
    /// Enrolment opens.
    pub enrol_opens_at: DateTime<Utc>,
    /// Enrolment closes.
    pub enrol_closes_at: DateTime<Utc>,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Sessions in time order.
    pub sessions: Vec<ValidSession>,
    /// The cost per trainee, if the institution charges one.
    pub fee: Option<Fen>,
}

impl ValidClass {
    /// Total scheduled minutes.
    pub fn minutes(&self) -> i64 {
        self.sessions.iter().map(|s| (s.ends_at - s.starts_at).num_minutes()).sum()
    }
}

fn parse_time(e: &mut FieldErrors, field: &str, s: &str) -> Option<DateTime<Utc>> {
    if s.trim().is_empty() {
        e.insert(field.into(), FieldCode::Required);
        return None;
    }
    DateTime::parse_from_rfc3339(s.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| e.insert(field.into(), FieldCode::InvalidDate))
        .ok()
}

fn parse_date(e: &mut FieldErrors, field: &str, s: &str) -> Option<NaiveDate> {
    if s.trim().is_empty() {
        e.insert(field.into(), FieldCode::Required);
        return None;
    }
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| e.insert(field.into(), FieldCode::InvalidDate)).ok()
}

impl NewClass {
    /// Checks every field that needs no policy, naming each failure:
    /// sessions as `sessions[2].ends_at`.
    pub fn validate(&self) -> Result<ValidClass, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = CourseKind::from_name(self.kind.trim());
        if kind.is_none() {
            e.insert(
                "kind".into(),
                if self.kind.trim().is_empty() { FieldCode::Required } else { FieldCode::InvalidFormat },
            );
        }
        let title = self.title.trim();
        match title.chars().count() {
            0 => {
                e.insert("title".into(), FieldCode::Required);
            }
            1 => {
                e.insert("title".into(), FieldCode::TooShort);
            }
            n if n > 100 => {
                e.insert("title".into(), FieldCode::TooLong);
            }
            _ => {}
        }
        if self.trainer_ids.iter().all(|t| t.trim().is_empty()) {
            e.insert("trainer_ids".into(), FieldCode::Required);
        }
        let mode = ClassMode::from_name(self.mode.trim());
        if mode.is_none() {
            e.insert(
                "mode".into(),
                if self.mode.trim().is_empty() { FieldCode::Required } else { FieldCode::InvalidFormat },
            );
        }
        let place = self.place.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned);
        if mode == Some(ClassMode::Offline) && place.is_none() {
            e.insert("place".into(), FieldCode::Required);
        }
        if place.as_ref().is_some_and(|p| p.chars().count() > 200) {
            e.insert("place".into(), FieldCode::TooLong);
        }
        if self.capacity < 1 || self.capacity > 10_000 {
            e.insert("capacity".into(), FieldCode::OutOfRange);
        }
        let opens = parse_time(&mut e, "enrol_opens_at", &self.enrol_opens_at);
        let closes = parse_time(&mut e, "enrol_closes_at", &self.enrol_closes_at);
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            e.insert("enrol_closes_at".into(), FieldCode::NotInOrder);
        }
        let starts_on = parse_date(&mut e, "starts_on", &self.starts_on);
        let ends_on = parse_date(&mut e, "ends_on", &self.ends_on);
        if let (Some(s), Some(en)) = (starts_on, ends_on)
            && en < s
        {
            e.insert("ends_on".into(), FieldCode::NotInOrder);
        }
        if self.sessions.is_empty() {
            e.insert("sessions".into(), FieldCode::Required);
        }
        let mut sessions = Vec::new();
        for (i, s) in self.sessions.iter().enumerate() {
            let start = parse_time(&mut e, &format!("sessions[{i}].starts_at"), &s.starts_at);
            let end = parse_time(&mut e, &format!("sessions[{i}].ends_at"), &s.ends_at);
            let topic = s.topic.trim();
            if topic.is_empty() {
                e.insert(format!("sessions[{i}].topic"), FieldCode::Required);
            } else if topic.chars().count() > 100 {
                e.insert(format!("sessions[{i}].topic"), FieldCode::TooLong);
            }
            let (Some(start), Some(end)) = (start, end) else { continue };
            if end <= start {
                e.insert(format!("sessions[{i}].ends_at"), FieldCode::NotInOrder);
                continue;
            }
            if let (Some(first), Some(last)) = (starts_on, ends_on) {
                let (d0, d1) = (shanghai_date(start), shanghai_date(end));
                if d0 < first || d1 > last {
                    e.insert(format!("sessions[{i}].starts_at"), FieldCode::OutOfRange);
                }
            }
            sessions.push((i, ValidSession { starts_at: start, ends_at: end, topic: topic.to_owned() }));
        }
        sessions.sort_by_key(|(_, s)| s.starts_at);
        for pair in sessions.windows(2) {
            if pair[1].1.starts_at < pair[0].1.ends_at {
                e.insert(format!("sessions[{}].starts_at", pair[1].0), FieldCode::Overlapping);
            }
        }
        if let (Some(c), Some((_, first))) = (closes, sessions.first())
            && c > first.starts_at
        {
            e.insert("enrol_closes_at".into(), FieldCode::OutOfRange);
        }
        let fee = match self.fee_fen {
            None => None,
            Some(f) if f > 100_000_000 => {
                e.insert("fee_fen".into(), FieldCode::OutOfRange);
                None
            }
            Some(f) => Fen::new(f).map_err(|_| e.insert("fee_fen".into(), FieldCode::OutOfRange)).ok(),
        };
        match (kind, mode, opens, closes, starts_on, ends_on) {
            (Some(kind), Some(mode), Some(enrol_opens_at), Some(enrol_closes_at), Some(starts_on), Some(ends_on))
                if e.is_empty() =>
            {
                Ok(ValidClass {
                    kind,
                    title: title.to_owned(),
                    trainer_ids: self
                        .trainer_ids
                        .iter()
                        .map(|t| t.trim())
                        .filter(|t| !t.is_empty())
                        .map(TrainerId::from_raw)
                        .collect(),
                    mode,
                    place,
                    capacity: u32::try_from(self.capacity).unwrap_or(0),
                    enrol_opens_at,
                    enrol_closes_at,
                    starts_on,
                    ends_on,
                    sessions: sessions.into_iter().map(|(_, s)| s).collect(),
                    fee,
                })
            }
            _ => Err(e),
        }
    }
}

/// One scheduled session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassSession {
    /// Session id.
    pub id: ClassSessionId,
    /// 1-based order.
    pub seq: u32,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Topic.
    pub topic: String,
}

/// A class as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassSummary {
    /// Class id.
    pub id: ClassId,
    /// Kind.
    pub kind: CourseKind,
    /// Title.
    pub title: String,
    /// The institution running it.
    pub institution: InstitutionRef,
    /// The institution's region.
    pub region: RegionCode,
    /// That region's name.
    pub region_name: String,
    /// Offline or online.
    pub mode: ClassMode,
    /// Address (offline).
    pub place: Option<String>,
    /// Seats.
    pub capacity: u32,
    /// Seats taken.
    pub taken: u32,
    /// Seats left.
    pub seats_left: u32,
    /// People on the waitlist.
    pub waitlisted: u32,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Enrolment opens.
    pub enrol_opens_at: DateTime<Utc>,
    /// Enrolment closes.
    pub enrol_closes_at: DateTime<Utc>,
    /// Scheduled hours (minutes / 60, rounded down).
    pub hours: u32,
    /// Status.
    pub status: ClassStatus,
    /// When the first session begins: from then on an approved class runs
    /// and can no longer be cancelled.
    pub first_session_at: DateTime<Utc>,
    /// What the training costs per trainee, if the institution charges one.
    #[serde(default)]
    pub fee_fen: Option<Fen>,
    /// When it was ended early, if it was; its later sessions do not take place.
    #[serde(default)]
    pub ended_early_at: Option<DateTime<Utc>>,
    /// Why it was ended early.
    #[serde(default)]
    pub ended_early_reason: Option<String>,
}

/// A trainee's own place in a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyEnrolment {
    /// The class.
    pub class_id: ClassId,
    /// Enrolled, waitlisted, withdrawn or cancelled.
    pub status: EnrolmentStatus,
    /// 1-based waitlist position, while waitlisted.
    pub waitlist_position: Option<u32>,
}

/// `GET /api/me/classes`: a class the trainee holds a place in (or held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyClass {
    /// The class.
    pub class: ClassSummary,
    /// The trainee's place.
    pub enrolment: MyEnrolment,
    /// Attendance so far.
    #[serde(default)]
    pub attendance: Option<super::certificates::AttendanceSummary>,
    /// The final assessment, once recorded.
    #[serde(default)]
    pub assessment: Option<super::certificates::Assessment>,
    /// The certificate, once issued.
    #[serde(default)]
    pub certificate_number: Option<CertificateNumber>,
    /// The class's sessions, for check-in.
    #[serde(default)]
    pub sessions: Vec<ClassSession>,
}

/// `GET /api/classes/{id}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassDetail {
    /// The listing fields.
    pub summary: ClassSummary,
    /// Sessions in order.
    pub sessions: Vec<ClassSession>,
    /// Trainers.
    pub trainers: Vec<Trainer>,
    /// Why it was rejected or cancelled.
    pub status_reason: Option<String>,
    /// The caller's place, when signed in and holding one.
    pub my_enrolment: Option<MyEnrolment>,
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassPage {
    /// The classes on this page.
    pub items: Vec<ClassSummary>,
    /// Matches in all.
    pub total: u64,
    /// 1-based page.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// `GET /api/classes` filters (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CatalogueQuery {
    /// Region code; a city includes its districts.
    pub region: Option<String>,
    /// Course kind.
    pub kind: Option<String>,
    /// First day on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// First day on or before (YYYY-MM-DD).
    pub to: Option<String>,
    /// `offline` or `online`.
    pub mode: Option<String>,
    /// Only classes with seats left.
    pub has_seats: Option<bool>,
    /// Text in the title, institution or place.
    pub q: Option<String>,
    /// 1-based page (default 1).
    pub page: Option<u32>,
    /// Page size (default 20, at most 100).
    pub per_page: Option<u32>,
}

/// `POST /api/classes/{id}/decision`: the bureau approves or rejects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    /// True to approve.
    #[serde(default)]
    pub approve: bool,
    /// Required when rejecting.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/classes/{id}/cancel`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonRequest {
    /// Why (2 to 500 characters).
    #[serde(default)]
    pub reason: String,
}

/// Checks a reason: 2 to 500 characters.
pub fn check_reason(input: &str) -> Result<String, FieldCode> {
    let r = input.trim();
    match r.chars().count() {
        0 => Err(FieldCode::Required),
        1 => Err(FieldCode::TooShort),
        n if n > 500 => Err(FieldCode::TooLong),
        _ => Ok(r.to_owned()),
    }
}

/// `POST /api/classes/{id}/enrol`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolRequest {
    /// Unified social credit code of the trainee's business, for kinds that need one.
    #[serde(default)]
    pub business_licence: Option<String>,
}

/// One person on a roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RosterEntry {
    /// The trainee's account.
    pub user_id: UserId,
    /// Real name.
    pub real_name: String,
    /// Masked mobile.
    pub mobile_masked: String,
    /// Masked resident ID.
    pub resident_id_masked: String,
    /// Enrolled or waitlisted.
    pub status: EnrolmentStatus,
    /// Waitlist position.
    pub waitlist_position: Option<u32>,
    /// When they enrolled or joined the waitlist.
    pub since: DateTime<Utc>,
}

/// `GET /api/classes/{id}/roster`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Roster {
    /// The class.
    pub class: ClassSummary,
    /// Seat holders, in enrolment order.
    pub enrolled: Vec<RosterEntry>,
    /// The waitlist, by position.
    pub waitlist: Vec<RosterEntry>,
}

/// An in-app notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Id.
    pub id: NotificationId,
    /// What happened: `class_approved`, `class_rejected`, `enrolled`,
    /// `waitlisted`, `promoted`, `class_cancelled`.
    pub kind: NotificationKind,
    /// The class concerned.
    pub class_id: Option<ClassId>,
    /// Its title, for display.
    pub class_title: Option<String>,
    /// A reason, when one was given.
    pub reason: Option<String>,
    /// The appointment or group session concerned (mentor notifications).
    #[serde(default)]
    pub subject_id: Option<String>,
    /// What it is about, for display (a topic and a Shanghai time).
    #[serde(default)]
    pub subject_title: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// When it was read.
    pub read_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests;
