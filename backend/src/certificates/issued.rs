//! Certificates: reading, public verification, revocation, the QR code.

use chrono::{DateTime, Utc};
use malanhua_shared::ErrorCode;
use malanhua_shared::api::certificates::{Certificate, Verification, mask_name};
use malanhua_shared::api::certificates::{CertificateStatus, VerificationStatus};
use malanhua_shared::api::classes::check_reason;
use malanhua_shared::audit::{AuditAction, NotificationKind};
use malanhua_shared::course::shanghai_date;
use malanhua_shared::ids::CertificateNumber;

use super::load::*;
use crate::certificates::store::{self as cq, CertificateRow};
use crate::classes::store::{self as q};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

pub(crate) fn certificate(c: &mut DbConn, r: &CertificateRow) -> Result<Certificate, AppError> {
    let class = class_of(c, &r.class_id)?;
    let institution =
        q::institution_names(c, std::slice::from_ref(&class.institution_id))?.pop().map(|(_, n)| n).unwrap_or_default();
    let region_name = crate::core::regions::store::names(c, std::slice::from_ref(&r.issuing_region))?
        .pop()
        .map(|(_, n)| n)
        .unwrap_or_default();
    Ok(Certificate {
        number: r.number.clone(),
        holder_name: r.holder_name.clone(),
        kind: r.kind,
        class_title: class.title,
        class_id: class.id,
        institution,
        hours: u32::try_from(r.hours).unwrap_or(0),
        issued_on: r.issued_on,
        issuing_region: r.issuing_region.to_string(),
        issuing_region_name: region_name,
        status: r.status,
        revoked_at: r.revoked_at.map(utc),
        revoke_reason: r.revoke_reason.clone(),
    })
}

/// The signed-in person's certificates.
pub async fn my_certificates(state: &AppState, actor: Actor) -> Result<Vec<Certificate>, AppError> {
    state
        .db(move |c| {
            let rows = cq::of_user(c, &actor.user_id)?;
            rows.iter().map(|r| certificate(c, r)).collect()
        })
        .await
}

/// A certificate in full, for its holder, the institution and the bureau.
pub async fn get_certificate(state: &AppState, actor: Actor, number: String) -> Result<Certificate, AppError> {
    let number = CertificateNumber::from_raw(number);
    state
        .db(move |c| {
            let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            if r.user_id != actor.user_id {
                let class = class_of(c, &r.class_id)?;
                may(&actor, Action::ViewClassInternals, &class)?;
            }
            certificate(c, &r)
        })
        .await
}

/// What anyone may learn about a certificate number.
pub async fn verify(state: &AppState, number: String) -> Result<Verification, AppError> {
    let number = CertificateNumber::from_raw(number.trim().to_ascii_uppercase());
    state
        .db(move |c| {
            let Some(r) = cq::by_number(c, &number)? else {
                return Ok(Verification {
                    number,
                    status: VerificationStatus::Unknown,
                    holder_masked: None,
                    kind: None,
                    institution: None,
                    issued_on: None,
                    issuing_region: None,
                    issuing_region_name: None,
                    revoked_on: None,
                });
            };
            let full = certificate(c, &r)?;
            Ok(Verification {
                number: full.number,
                status: match full.status {
                    CertificateStatus::Valid => VerificationStatus::Valid,
                    CertificateStatus::Revoked => VerificationStatus::Revoked,
                },
                holder_masked: Some(mask_name(&full.holder_name)),
                kind: Some(full.kind),
                institution: Some(full.institution),
                issued_on: Some(full.issued_on),
                issuing_region: Some(full.issuing_region),
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
    let number = CertificateNumber::from_raw(number);
    state
        .write(move |c| {
            let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            authorize(&actor, Action::RevokeCertificate, &Resource::Region(&r.issuing_region))?;
            if cq::revoke(c, &number, &actor.user_id, &reason, naive(now))? != 1 {
                return Err(AppError::new(ErrorCode::WrongState, "the certificate is already revoked"));
            }
            q::notify(
                c,
                &[crate::classes::notification(
                    &r.user_id,
                    NotificationKind::CertificateRevoked,
                    &r.class_id,
                    Some(&reason),
                    now,
                )],
            )?;
            crate::subsidies::close_drafts(c, &r.id, &reason, now)?;
            crate::subsidies::open_recoveries(c, &r.id, &reason, &actor.user_id, now)?;
            audit::record(
                c,
                Entry::by(
                    &actor.user_id,
                    AuditAction::RevokeCertificate,
                    "certificate",
                    number.as_str(),
                    format!("certificate {number} revoked"),
                )
                .because(Some(reason.clone())),
                now,
            )?;
            let r = cq::by_number(c, &number)?.ok_or_else(|| AppError::not_found("certificate"))?;
            certificate(c, &r)
        })
        .await
}

/// An SVG QR code of the verification page's address.
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(AppError::internal)?;
    Ok(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}
