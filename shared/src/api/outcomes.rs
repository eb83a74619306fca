//! What happened after the course (创业成果跟踪): a business started (its
//! unified social credit code, GB/T 4754 industry section and the jobs it
//! created) or not yet, recorded against one certificate by its holder or by
//! the institution during the programme's follow-up.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::FieldCode;
use crate::FieldErrors;
use crate::course::CourseKind;
use crate::ids::CertificateNumber;
use crate::licence::BusinessLicence;

named_enum!(
    /// A section (门类) of GB/T 4754-2017, the national classification of
    /// economic activities: the industry a started business is in.
    Industry {
        /// 农、林、牧、渔业
        A = "A",
        /// 采矿业
        B = "B",
        /// 制造业
        C = "C",
        /// 电力、热力、燃气及水生产和供应业
        D = "D",
        /// 建筑业
        E = "E",
        /// 批发和零售业
        F = "F",
        /// 交通运输、仓储和邮政业
        G = "G",
        /// 住宿和餐饮业
        H = "H",
        /// 信息传输、软件和信息技术服务业
        I = "I",
        /// 金融业
        J = "J",
        /// 房地产业
        K = "K",
        /// 租赁和商务服务业
        L = "L",
        /// 科学研究和技术服务业
        M = "M",
        /// 水利、环境和公共设施管理业
        N = "N",
        /// 居民服务、修理和其他服务业
        O = "O",
        /// 教育
        P = "P",
        /// 卫生和社会工作
        Q = "Q",
        /// 文化、体育和娱乐业
        R = "R",
        /// 公共管理、社会保障和社会组织
        S = "S",
        /// 国际组织
        T = "T",
    }
);

named_enum!(
    /// Where a trainee stands after the course.
    OutcomeStatus {
        /// A business was started (registered, with a credit code).
        Started = "started",
        /// Not yet: asked again at the next follow-up.
        NotYet = "not_yet",
    }
);

/// The most jobs one outcome may report (a check against typing errors).
pub const MAX_JOBS: u32 = 10_000;

/// The earliest start date an outcome may give.
pub fn earliest_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// `PUT /api/certificates/{number}/outcome`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeInput {
    /// Started or not yet.
    pub status: Option<OutcomeStatus>,
    /// The day the business was registered (started only).
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    /// Its unified social credit code, 18 characters (started only).
    #[serde(default)]
    pub credit_code: String,
    /// Its GB/T 4754 section letter, `A` to `T` (started only).
    #[serde(default)]
    pub industry: String,
    /// People it employs besides the founder (started only).
    #[serde(default)]
    pub jobs_created: Option<i64>,
}

/// An [`OutcomeInput`] that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedOutcome {
    /// Not yet.
    NotYet,
    /// A business was started.
    Started {
        /// Registered on.
        started_on: NaiveDate,
        /// Its credit code.
        credit_code: BusinessLicence,
        /// Its section.
        industry: Industry,
        /// People employed besides the founder.
        jobs_created: u32,
    },
}

impl OutcomeInput {
    /// Checks every field against `today` (Shanghai), naming each bad one.
    pub fn validate(&self, today: NaiveDate) -> Result<CheckedOutcome, FieldErrors> {
        let mut e = FieldErrors::new();
        let Some(status) = self.status else {
            e.insert("status".into(), FieldCode::Required);
            return Err(e);
        };
        if status == OutcomeStatus::NotYet {
            let given = [
                ("started_on", self.started_on.is_some()),
                ("credit_code", !self.credit_code.trim().is_empty()),
                ("industry", !self.industry.trim().is_empty()),
                ("jobs_created", self.jobs_created.is_some()),
            ];
            for (field, _) in given.iter().filter(|(_, g)| *g) {
                e.insert((*field).into(), FieldCode::NotAllowed);
            }
            return if e.is_empty() { Ok(CheckedOutcome::NotYet) } else { Err(e) };
        }
        match self.started_on {
            None => {
                e.insert("started_on".into(), FieldCode::Required);
            }
            Some(d) if d > today || d < earliest_start() => {
                e.insert("started_on".into(), FieldCode::OutOfRange);
            }
            Some(_) => {}
        }
        let credit_code = BusinessLicence::parse(&self.credit_code).map_err(|c| e.insert("credit_code".into(), c)).ok();
        let industry = match self.industry.trim() {
            "" => {
                e.insert("industry".into(), FieldCode::Required);
                None
            }
            s => Industry::from_name(&s.to_ascii_uppercase()).or_else(|| {
                e.insert("industry".into(), FieldCode::InvalidFormat);
                None
            }),
        };
        let jobs_created = match self.jobs_created {
            None => {
                e.insert("jobs_created".into(), FieldCode::Required);
                None
            }
            Some(n) => u32::try_from(n).ok().filter(|n| *n <= MAX_JOBS).or_else(|| {
                e.insert("jobs_created".into(), FieldCode::OutOfRange);
                None
            }),
        };
        match (self.started_on, credit_code, industry, jobs_created) {
            (Some(started_on), Some(credit_code), Some(industry), Some(jobs_created)) if e.is_empty() => {
                Ok(CheckedOutcome::Started { started_on, credit_code, industry, jobs_created })
            }
            _ => Err(e),
        }
    }
}

/// What was recorded after one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    /// Started or not yet.
    pub status: OutcomeStatus,
    /// Registered on (started only).
    pub started_on: Option<NaiveDate>,
    /// The credit code (started only).
    pub credit_code: Option<String>,
    /// The GB/T 4754 section (started only).
    pub industry: Option<Industry>,
    /// People employed besides the founder (started only).
    pub jobs_created: Option<u32>,
    /// Recorded by the holder (false: by the institution's staff).
    pub by_holder: bool,
    /// Last recorded.
    pub recorded_at: DateTime<Utc>,
}

/// One follow-up point after a certificate (3, 6 and 12 months by policy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpPoint {
    /// Months after the certificate.
    pub months: u32,
    /// The day it falls due.
    pub due_on: NaiveDate,
    /// An outcome was recorded on or after that day, or a business was started.
    pub answered: bool,
}

/// `GET /api/certificates/{number}/outcome` and each line of a follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeRecord {
    /// The certificate.
    pub number: CertificateNumber,
    /// Its course kind.
    pub kind: CourseKind,
    /// Its holder.
    pub holder_name: String,
    /// The class.
    pub class_title: String,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// What was recorded, if anything.
    pub outcome: Option<Outcome>,
    /// The follow-up points, in order.
    pub follow_ups: Vec<FollowUpPoint>,
    /// The point that is due and not answered, if any.
    pub due: Option<FollowUpPoint>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// A credit code with a correct check character (GB 32100 weights).
    const CODE: &str = "91370212MA3C1234X";

    fn valid_code() -> String {
        const CHARSET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
        const W: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        let sum: u32 =
            CODE.bytes().zip(W).map(|(b, w)| CHARSET.iter().position(|c| *c == b).unwrap_or(0) as u32 * w).sum();
        format!("{CODE}{}", CHARSET[((31 - sum % 31) % 31) as usize] as char)
    }

    fn started() -> OutcomeInput {
        OutcomeInput {
            status: Some(OutcomeStatus::Started),
            started_on: Some(day(2026, 9, 1)),
            credit_code: valid_code(),
            industry: "h".into(),
            jobs_created: Some(3),
        }
    }

    #[test]
    fn a_started_business_with_a_checked_code_and_a_section_passes() {
        let out = started().validate(day(2026, 12, 1));
        let Ok(CheckedOutcome::Started { industry, jobs_created, credit_code, .. }) = out else {
            panic!("expected started, got {out:?}")
        };
        assert_eq!((industry, jobs_created, credit_code.as_str()), (Industry::H, 3, valid_code().as_str()));
    }

    #[test]
    fn every_bad_field_of_a_started_business_is_named() {
        let mut bad = started();
        bad.credit_code = format!("{CODE}0");
        if bad.credit_code == valid_code() {
            bad.credit_code = format!("{CODE}1");
        }
        bad.industry = "Z".into();
        bad.jobs_created = Some(-1);
        bad.started_on = Some(day(2026, 12, 2));
        let e = bad.validate(day(2026, 12, 1)).err().unwrap_or_default();
        assert_eq!(e.get("credit_code"), Some(&FieldCode::InvalidChecksum));
        assert_eq!(e.get("industry"), Some(&FieldCode::InvalidFormat));
        assert_eq!(e.get("jobs_created"), Some(&FieldCode::OutOfRange));
        assert_eq!(e.get("started_on"), Some(&FieldCode::OutOfRange));
    }

    #[test]
    fn a_started_business_needs_every_field() {
        let e = OutcomeInput { status: Some(OutcomeStatus::Started), ..Default::default() }
            .validate(day(2026, 12, 1))
            .err()
            .unwrap_or_default();
        for f in ["started_on", "credit_code", "industry", "jobs_created"] {
            assert_eq!(e.get(f), Some(&FieldCode::Required), "{f}");
        }
    }

    #[test]
    fn not_yet_takes_no_business_fields_and_a_missing_status_is_named() {
        let mut input = started();
        input.status = Some(OutcomeStatus::NotYet);
        let e = input.validate(day(2026, 12, 1)).err().unwrap_or_default();
        assert_eq!(e.len(), 4);
        assert!(e.values().all(|c| *c == FieldCode::NotAllowed));
        let plain = OutcomeInput { status: Some(OutcomeStatus::NotYet), ..Default::default() };
        assert_eq!(plain.validate(day(2026, 12, 1)), Ok(CheckedOutcome::NotYet));
        let e = OutcomeInput::default().validate(day(2026, 12, 1)).err().unwrap_or_default();
        assert_eq!(e.get("status"), Some(&FieldCode::Required));
    }

    #[test]
    fn too_many_jobs_and_a_start_before_2000_are_out_of_range() {
        let mut input = started();
        input.jobs_created = Some(i64::from(MAX_JOBS) + 1);
        input.started_on = Some(day(1999, 12, 31));
        let e = input.validate(day(2026, 12, 1)).err().unwrap_or_default();
        assert_eq!(e.get("jobs_created"), Some(&FieldCode::OutOfRange));
        assert_eq!(e.get("started_on"), Some(&FieldCode::OutOfRange));
    }
}
