//! Attendance (marked by staff or by check-in code), final assessments,
//! completion approval that issues certificates, verification and revocation.

use chrono::{DateTime, Datelike, Utc};
use malanhua_shared::api::certificates::{
    Assessment, AttendanceMark, AttendanceSheet, AttendanceSummary, Certificate, CheckinCode, CheckinRequest,
    CompletionLine, CompletionReview, MarksRequest, ResultsRequest, SheetLine, Verification, mask_name,
};
use malanhua_shared::api::classes::{Decision, check_reason};
use malanhua_shared::course::{CourseKind, EnrolmentStatus, shanghai_date};
use malanhua_shared::{ErrorCode, FieldCode, FieldErrors};
use rand::RngCore;

use super::audit::{self, Entry};
use super::{naive, region, utc};
use crate::app::AppState;
use crate::db::certificates::{self as cq, AssessmentRow, AttendanceRow, CertificateRow};
use crate::db::classes::{self as q, ClassRow, SessionRow};
use crate::db::{self, DbConn, new_id, write_tx};
use crate::domain::authorization::{Action, Actor, Resource, authorize};
use crate::domain::certificates::{
    CheckinError, attendance_rate, certificate_number, check_in, checkin_code, checkin_window, issuing_region,
    qualification, serial_prefix,
};
use crate::error::AppError;

fn class_of(c: &mut DbConn, id: &str) -> Result<ClassRow, AppError> {
    q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))
}

fn session_with_class(c: &mut DbConn, id: &str) -> Result<(SessionRow, ClassRow), AppError> {
    let s = cq::session(c, id)?.ok_or_else(|| AppError::not_found("session"))?;
    let class = class_of(c, &s.class_id)?;
    Ok((s, class))
}

fn may(actor: &Actor, action: Action, class: &ClassRow) -> Result<(), AppError> {
    let reg = region(&class.region_code)?;
    Ok(authorize(actor, action, &Resource::Institution { id: &class.institution_id, region: &reg })?)
}

fn seat_holders(c: &mut DbConn, class: &str) -> Result<Vec<(String, String)>, AppError> {
    let mut out = Vec::new();
    for e in q::active_enrolments_of(c, class)? {
        if e.status == EnrolmentStatus::Enrolled.as_str() {
            let name = db::users::find(c, &e.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
            out.push((e.user_id, name));
        }
    }
    Ok(out)
}

fn sheet(c: &mut DbConn, s: &SessionRow) -> Result<AttendanceSheet, AppError> {
    let marks = cq::marks_of(c, std::slice::from_ref(&s.id))?;
    let lines = seat_holders(c, &s.class_id)?
        .into_iter()
        .map(|(user_id, real_name)| {
            let m = marks.iter().find(|m| m.user_id == user_id);
            SheetLine {
                mark: m.and_then(|m| AttendanceMark::from_name(&m.mark)),
                via: m.map(|m| m.via.clone()),
                user_id,
                real_name,
            }
        })
        .collect();
    Ok(AttendanceSheet {
        session_id: s.id.clone(),
        class_id: s.class_id.clone(),
        seq: u32::try_from(s.seq).unwrap_or(0),
        starts_at: utc(s.starts_at),
        ends_at: utc(s.ends_at),
        topic: s.topic.clone(),
        checkin_code: s.checkin_code.clone(),
        lines,
    })
}

/// A session's attendance sheet, for the institution's staff and the region's officers.
pub async fn attendance_sheet(state: &AppState, actor: Actor, session: String) -> Result<AttendanceSheet, AppError> {
    state
        .db(move |c| {
            let (s, class) = session_with_class(c, &session)?;
            may(&actor, Action::ViewClassInternals, &class)?;
            sheet(c, &s)
        })
        .await
}

/// Staff record marks for seat holders; a mark for anyone else is named.
pub async fn record_marks(
    state: &AppState,
    actor: Actor,
    session: String,
    req: MarksRequest,
    now: DateTime<Utc>,
) -> Result<AttendanceSheet, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let (s, class) = session_with_class(c, &session)?;
                may(&actor, Action::RunClass, &class)?;
                let holders: Vec<String> = seat_holders(c, &class.id)?.into_iter().map(|(u, _)| u).collect();
                let mut errors = FieldErrors::new();
                for (i, m) in req.marks.iter().enumerate() {
                    if !holders.contains(&m.user_id) {
                        errors.insert(format!("marks[{i}].user_id"), FieldCode::UnknownReference);
                    }
                }
                if !errors.is_empty() {
                    return Err(AppError::validation(errors));
                }
                for m in &req.marks {
                    cq::upsert_mark(
                        c,
                        &AttendanceRow {
                            id: new_id(),
                            session_id: s.id.clone(),
                            user_id: m.user_id.clone(),
                            mark: m.mark.as_str().to_owned(),
                            via: "staff".into(),
                            marked_by: actor.user_id.to_string(),
                            marked_at: naive(now),
                        },
                    )?;
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "attendance.mark",
                        entity_type: "session",
                        entity_id: &s.id,
                        summary: format!("{} session {}: {} marks", class.title, s.seq, req.marks.len()),
                        reason: None,
                    },
                    now,
                )?;
                sheet(c, &s)
            })
        })
        .await
}

/// Staff issue (or renew) the session's six-digit check-in code.
pub async fn issue_checkin_code(
    state: &AppState,
    actor: Actor,
    session: String,
    now: DateTime<Utc>,
) -> Result<CheckinCode, AppError> {
    let code = checkin_code(rand::rng().next_u32());
    state
        .db(move |c| {
            write_tx(c, |c| {
                let (s, class) = session_with_class(c, &session)?;
                may(&actor, Action::RunClass, &class)?;
                cq::set_checkin_code(c, &s.id, &code)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "attendance.issue_code",
                        entity_type: "session",
                        entity_id: &s.id,
                        summary: format!("{} session {}: check-in code issued", class.title, s.seq),
                        reason: None,
                    },
                    now,
                )?;
                let (valid_from, valid_until) = checkin_window(utc(s.starts_at), utc(s.ends_at));
                Ok(CheckinCode { code, valid_from, valid_until })
            })
        })
        .await
}

/// A trainee checks in with the code shown in the room.
pub async fn check_in_with_code(
    state: &AppState,
    actor: Actor,
    session: String,
    req: CheckinRequest,
    now: DateTime<Utc>,
) -> Result<SheetLine, AppError> {
    if req.code.trim().is_empty() {
        return Err(AppError::field("code", FieldCode::Required));
    }
    state
        .db(move |c| {
            write_tx(c, |c| {
                let (s, class) = session_with_class(c, &session)?;
                let user = actor.user_id.to_string();
                let enrolled = q::active_enrolment(c, &class.id, &user)?.is_some_and(|e| e.status == "enrolled");
                let mark =
                    check_in(&req.code, s.checkin_code.as_deref(), enrolled, utc(s.starts_at), utc(s.ends_at), now)
                        .map_err(|e| match e {
                            CheckinError::NotEnrolled => {
                                AppError::new(ErrorCode::Forbidden, "you hold no seat in this class")
                            }
                            CheckinError::Closed => AppError::new(
                                ErrorCode::CheckinClosed,
                                "check-in is open only around the session's time",
                            ),
                            CheckinError::WrongCode => AppError::field("code", FieldCode::InvalidFormat),
                        })?;
                cq::upsert_mark(
                    c,
                    &AttendanceRow {
                        id: new_id(),
                        session_id: s.id.clone(),
                        user_id: user.clone(),
                        mark: mark.as_str().to_owned(),
                        via: "code".into(),
                        marked_by: user.clone(),
                        marked_at: naive(now),
                    },
                )?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(&user),
                        action: "attendance.check_in",
                        entity_type: "session",
                        entity_id: &s.id,
                        summary: format!("{} session {}: checked in ({})", class.title, s.seq, mark.as_str()),
                        reason: None,
                    },
                    now,
                )?;
                let name = db::users::find(c, &user)?.and_then(|u| u.real_name).unwrap_or_default();
                Ok(SheetLine { user_id: user, real_name: name, mark: Some(mark), via: Some("code".into()) })
            })
        })
        .await
}

/// A person's attendance in a class.
pub fn attendance_of(c: &mut DbConn, class: &str, user: &str) -> Result<AttendanceSummary, AppError> {
    let sessions = q::sessions_of(c, class)?;
    let ids: Vec<String> = sessions.iter().map(|s| s.id.clone()).collect();
    let all = cq::marks_of(c, &ids)?;
    let marks: Vec<Option<AttendanceMark>> = sessions
        .iter()
        .map(|s| {
            all.iter()
                .find(|m| m.session_id == s.id && m.user_id == user)
                .and_then(|m| AttendanceMark::from_name(&m.mark))
        })
        .collect();
    let (attended, rate_pct) = attendance_rate(&marks, sessions.len());
    Ok(AttendanceSummary { attended, total: u32::try_from(sessions.len()).unwrap_or(0), rate_pct, marks })
}

fn assessment(r: &AssessmentRow) -> Assessment {
    Assessment {
        user_id: r.user_id.clone(),
        plan_submitted: r.plan_submitted,
        score: r.score.and_then(|s| u32::try_from(s).ok()),
        passed: r.passed,
        comment: r.comment.clone(),
    }
}

/// A person's result in a class.
pub fn assessment_of(c: &mut DbConn, class: &str, user: &str) -> Result<Option<Assessment>, AppError> {
    Ok(cq::assessments_of(c, class)?.iter().find(|a| a.user_id == user).map(assessment))
}

/// Staff record final assessments for seat holders.
pub async fn record_results(
    state: &AppState,
    actor: Actor,
    class: String,
    req: ResultsRequest,
    now: DateTime<Utc>,
) -> Result<Vec<Assessment>, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = class_of(c, &class)?;
                may(&actor, Action::RunClass, &row)?;
                if cq::completion(c, &class)?.is_some_and(|r| r.status != "returned") {
                    return Err(AppError::new(
                        ErrorCode::WrongState,
                        "results are locked once completion is submitted",
                    ));
                }
                let holders: Vec<String> = seat_holders(c, &class)?.into_iter().map(|(u, _)| u).collect();
                let mut errors = FieldErrors::new();
                for (i, r) in req.results.iter().enumerate() {
                    if !holders.contains(&r.user_id) {
                        errors.insert(format!("results[{i}].user_id"), FieldCode::UnknownReference);
                    }
                    if r.score.is_some_and(|s| !(0..=100).contains(&s)) {
                        errors.insert(format!("results[{i}].score"), FieldCode::OutOfRange);
                    }
                    if r.comment.as_ref().is_some_and(|t| t.chars().count() > 500) {
                        errors.insert(format!("results[{i}].comment"), FieldCode::TooLong);
                    }
                }
                if !errors.is_empty() {
                    return Err(AppError::validation(errors));
                }
                for r in &req.results {
                    cq::upsert_assessment(
                        c,
                        &AssessmentRow {
                            id: new_id(),
                            class_id: class.clone(),
                            user_id: r.user_id.clone(),
                            plan_submitted: r.plan_submitted,
                            score: r.score.and_then(|s| i32::try_from(s).ok()),
                            passed: r.passed,
                            comment: r.comment.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned),
                            recorded_by: actor.user_id.to_string(),
                            recorded_at: naive(now),
                        },
                    )?;
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "assessment.record",
                        entity_type: "class",
                        entity_id: &class,
                        summary: format!("{}: {} results recorded", row.title, req.results.len()),
                        reason: None,
                    },
                    now,
                )?;
                Ok(cq::assessments_of(c, &class)?.iter().map(assessment).collect())
            })
        })
        .await
}

fn threshold_of(c: &mut DbConn, class: &ClassRow) -> Result<u32, AppError> {
    let kind = CourseKind::from_name(&class.kind).ok_or_else(|| AppError::internal("bad kind"))?;
    Ok(super::classes::policy_for(c, &region(&class.region_code)?, kind)?.map_or(80, |p| p.attendance_threshold_pct))
}

fn review(c: &mut DbConn, class: &ClassRow) -> Result<CompletionReview, AppError> {
    let threshold = threshold_of(c, class)?;
    let completion = cq::completion(c, &class.id)?;
    let certificates = cq::of_class(c, &class.id)?;
    let mut lines = Vec::new();
    for (user_id, real_name) in seat_holders(c, &class.id)? {
        let attendance = attendance_of(c, &class.id, &user_id)?;
        let assessment = assessment_of(c, &class.id, &user_id)?;
        let reasons =
            qualification(attendance.attended, attendance.total, threshold, assessment.as_ref().map(|a| a.passed));
        let certificate_number = certificates.iter().find(|c| c.user_id == user_id).map(|c| c.number.clone());
        lines.push(CompletionLine { user_id, real_name, attendance, assessment, reasons, certificate_number });
    }
    Ok(CompletionReview {
        class_id: class.id.clone(),
        status: completion.as_ref().map_or("none".into(), |c| c.status.clone()),
        threshold_pct: threshold,
        reason: completion.and_then(|c| c.reason),
        lines,
    })
}

/// Who qualifies and why the others do not, for staff and the bureau.
pub async fn completion_review(state: &AppState, actor: Actor, class: String) -> Result<CompletionReview, AppError> {
    state
        .db(move |c| {
            let row = class_of(c, &class)?;
            may(&actor, Action::ViewClassInternals, &row)?;
            review(c, &row)
        })
        .await
}

/// Staff submit an approved class for completion once its last session has ended.
pub async fn submit_completion(
    state: &AppState,
    actor: Actor,
    class: String,
    now: DateTime<Utc>,
) -> Result<CompletionReview, AppError> {
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = class_of(c, &class)?;
                may(&actor, Action::RunClass, &row)?;
                if row.status != "approved" {
                    return Err(AppError::new(ErrorCode::WrongState, "only an approved class can be completed"));
                }
                let last_end = q::sessions_of(c, &class)?.iter().map(|s| s.ends_at).max();
                if last_end.is_none_or(|e| utc(e) > now) {
                    return Err(AppError::new(ErrorCode::WrongState, "the class has sessions still to come"));
                }
                if cq::submit_completion(c, &class, actor.user_id.as_str(), naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "completion is already submitted or approved"));
                }
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "completion.submit",
                        entity_type: "class",
                        entity_id: &class,
                        summary: format!("{} submitted for completion", row.title),
                        reason: None,
                    },
                    now,
                )?;
                review(c, &row)
            })
        })
        .await
}

/// The bureau approves a completion, which issues a certificate to each
/// trainee who qualifies (checked again now) and to no one else; or
/// returns it to the institution with a reason.
pub async fn decide_completion(
    state: &AppState,
    actor: Actor,
    class: String,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<CompletionReview, AppError> {
    let reason = super::classes::decision_reason(&decision)?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let row = class_of(c, &class)?;
                let class_region = region(&row.region_code)?;
                authorize(&actor, Action::DecideCompletion, &Resource::Region(&class_region))?;
                let to = if decision.approve { "approved" } else { "returned" };
                if cq::decide_completion(c, &class, to, actor.user_id.as_str(), reason.as_deref(), naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "no completion is waiting for a decision"));
                }
                let mut notes = Vec::new();
                let mut issued = 0;
                let mut certificates = Vec::new();
                if decision.approve {
                    let issuing = issuing_region(&actor, &class_region);
                    let kind = CourseKind::from_name(&row.kind).ok_or_else(|| AppError::internal("bad kind"))?;
                    let today = shanghai_date(now);
                    let prefix = serial_prefix(issuing.as_str(), today.year(), kind);
                    for line in review(c, &row)?.lines.into_iter().filter(|l| l.reasons.is_empty()) {
                        let serial = cq::next_serial(c, &prefix)?;
                        let number = certificate_number(&prefix, serial);
                        let cert = CertificateRow {
                            id: new_id(),
                            number: number.clone(),
                            user_id: line.user_id.clone(),
                            class_id: class.clone(),
                            kind: row.kind.clone(),
                            holder_name: line.real_name.clone(),
                            hours: row.minutes / 60,
                            issued_on: today,
                            issuing_region: issuing.to_string(),
                            status: "valid".into(),
                            revoked_at: None,
                            revoke_reason: None,
                            revoked_by: None,
                            created_at: naive(now),
                        };
                        cq::insert_certificate(c, &cert)?;
                        certificates.push(cert);
                        notes.push(super::classes::notification(
                            &line.user_id,
                            "certificate_issued",
                            &class,
                            None,
                            now,
                        ));
                        issued += 1;
                    }
                } else {
                    for staff in q::staff_of_institution(c, &row.institution_id)? {
                        notes.push(super::classes::notification(
                            &staff,
                            "completion_returned",
                            &class,
                            reason.as_deref(),
                            now,
                        ));
                    }
                }
                q::notify(c, &notes)?;
                let drafted = super::subsidies::draft_claims(c, &row, &certificates, now)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: if decision.approve { "completion.approve" } else { "completion.return" },
                        entity_type: "class",
                        entity_id: &class,
                        summary: format!(
                            "{}: completion {to}, {issued} certificates issued, {drafted} subsidy claims drafted",
                            row.title
                        ),
                        reason: reason.clone(),
                    },
                    now,
                )?;
                review(c, &row)
            })
        })
        .await
}

fn certificate(c: &mut DbConn, r: &CertificateRow) -> Result<Certificate, AppError> {
    let class = class_of(c, &r.class_id)?;
    let institution =
        q::institution_names(c, std::slice::from_ref(&class.institution_id))?.pop().map(|(_, n)| n).unwrap_or_default();
    let region_name =
        db::regions::names(c, std::slice::from_ref(&r.issuing_region))?.pop().map(|(_, n)| n).unwrap_or_default();
    Ok(Certificate {
        number: r.number.clone(),
        holder_name: r.holder_name.clone(),
        kind: CourseKind::from_name(&r.kind).ok_or_else(|| AppError::internal("bad kind"))?,
        class_title: class.title,
        class_id: class.id,
        institution,
        hours: u32::try_from(r.hours).unwrap_or(0),
        issued_on: r.issued_on,
        issuing_region: r.issuing_region.clone(),
        issuing_region_name: region_name,
        status: r.status.clone(),
        revoked_at: r.revoked_at.map(utc),
        revoke_reason: r.revoke_reason.clone(),
    })
}

/// The signed-in person's certificates.
pub async fn my_certificates(state: &AppState, actor: Actor) -> Result<Vec<Certificate>, AppError> {
    state
        .db(move |c| {
            let rows = cq::of_user(c, actor.user_id.as_str())?;
            rows.iter().map(|r| certificate(c, r)).collect()
        })
        .await
}

/// A certificate in full, for its holder, the institution and the bureau.
pub async fn get_certificate(state: &AppState, actor: Actor, number: String) -> Result<Certificate, AppError> {
    state
        .db(move |c| {
            let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            if r.user_id != actor.user_id.as_str() {
                let class = class_of(c, &r.class_id)?;
                may(&actor, Action::ViewClassInternals, &class)?;
            }
            certificate(c, &r)
        })
        .await
}

/// What anyone may learn about a certificate number.
pub async fn verify(state: &AppState, number: String) -> Result<Verification, AppError> {
    let number = number.trim().to_ascii_uppercase();
    state
        .db(move |c| {
            let Some(r) = cq::by_number(c, &number)? else {
                return Ok(Verification {
                    number,
                    status: "unknown".into(),
                    holder_masked: None,
                    kind: None,
                    institution: None,
                    issued_on: None,
                    issuing_region_name: None,
                    revoked_on: None,
                });
            };
            let full = certificate(c, &r)?;
            Ok(Verification {
                number: full.number,
                status: full.status,
                holder_masked: Some(mask_name(&full.holder_name)),
                kind: Some(full.kind),
                institution: Some(full.institution),
                issued_on: Some(full.issued_on),
                issuing_region_name: Some(full.issuing_region_name),
                revoked_on: full.revoked_at.map(shanghai_date),
            })
        })
        .await
}

/// An officer of the issuing region revokes a certificate, with a reason.
pub async fn revoke(
    state: &AppState,
    actor: Actor,
    number: String,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Certificate, AppError> {
    let reason = check_reason(&reason).map_err(|c| AppError::field("reason", c))?;
    state
        .db(move |c| {
            write_tx(c, |c| {
                let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
                authorize(&actor, Action::RevokeCertificate, &Resource::Region(&region(&r.issuing_region)?))?;
                if cq::revoke(c, &number, actor.user_id.as_str(), &reason, naive(now))? != 1 {
                    return Err(AppError::new(ErrorCode::WrongState, "the certificate is already revoked"));
                }
                q::notify(
                    c,
                    &[super::classes::notification(&r.user_id, "certificate_revoked", &r.class_id, Some(&reason), now)],
                )?;
                super::subsidies::close_drafts(c, &r.id, &reason, now)?;
                audit::record(
                    c,
                    Entry {
                        actor: Some(actor.user_id.as_str()),
                        action: "certificate.revoke",
                        entity_type: "certificate",
                        entity_id: &number,
                        summary: format!("certificate {number} revoked"),
                        reason: Some(reason.clone()),
                    },
                    now,
                )?;
                let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
                certificate(c, &r)
            })
        })
        .await
}

/// An SVG QR code of the verification page's address.
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(AppError::internal)?;
    Ok(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}

/// Classes of the officer's region whose completion waits for a decision.
pub async fn pending_completions(
    state: &AppState,
    actor: Actor,
) -> Result<Vec<malanhua_shared::api::classes::ClassSummary>, AppError> {
    let own = actor
        .officer_region()
        .cloned()
        .ok_or_else(|| AppError::from(crate::domain::authorization::Denied::MissingRole))?;
    authorize(&actor, Action::DecideCompletion, &Resource::Region(&own))?;
    state
        .db(move |c| {
            let rows = q::classes_in_region(c, own.prefix(), Some("approved"))?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let waiting = cq::submitted_among(c, &ids)?;
            let rows: Vec<ClassRow> = rows.into_iter().filter(|r| waiting.contains(&r.id)).collect();
            super::classes::summaries(c, &rows)
        })
        .await
}
