//! One-time codes by SMS: sending one (the same answer for every mobile,
//! within the limits) and redeeming one (five tries within five minutes;
//! only the newest code for a mobile and purpose counts). Only a keyed hash
//! of a code is stored.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use malanhua_shared::api::verification::{CodePurpose, CodeRequest, CodeSent};
use malanhua_shared::{ErrorCode, FieldCode, Mobile};
use rand::Rng;
use sha2::Sha256;

use crate::accounts::rules::{CODE_MINUTES, CodeHistory, CodeVerdict, RESEND_SECONDS, code_verdict, code_wait};
use crate::accounts::sms::{SmsKind, SmsMessage};
use crate::core::db::schema::sms_codes;
use crate::core::db::{DbConn, lock_keys, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::{naive, utc};

/// Sends a code to the mobile for the purpose. The answer does not depend
/// on whether the mobile has an account; too many asks get 429.
pub async fn send_code(state: &AppState, req: CodeRequest, ip: &str, now: DateTime<Utc>) -> Result<CodeSent, AppError> {
    let mobile = req.validate().map_err(AppError::validation)?;
    let purpose = req.purpose;
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
    let id = new_id();
    let hash = code_hash(state, &id, &code);
    let limits = state.config.code_limits;
    {
        let (m, ip, id) = (mobile.as_str().to_owned(), ip.to_owned(), id.clone());
        state
            .write(move |c| {
                lock_keys(c, &[&format!("code:mobile:{m}"), &format!("code:ip:{ip}")])?;
                if let Some(secs) = code_wait(&history(c, &m, purpose, &ip, now)?, limits, now) {
                    return Err(too_soon(secs));
                }
                diesel::insert_into(sms_codes::table)
                    .values((
                        sms_codes::id.eq(&id),
                        sms_codes::mobile.eq(&m),
                        sms_codes::purpose.eq(purpose.as_str()),
                        sms_codes::code_hash.eq(&hash),
                        sms_codes::ip.eq(&ip),
                        sms_codes::created_at.eq(naive(now)),
                        sms_codes::expires_at.eq(naive(now + Duration::minutes(CODE_MINUTES))),
                        sms_codes::tries.eq(0),
                    ))
                    .execute(c)?;
                Ok(())
            })
            .await?;
    }
    let msg = SmsMessage { mobile: mobile.clone(), kind: SmsKind::Code { code, purpose } };
    if let Err(e) = state.sms.send(state, &msg).await {
        // Not sent: the pause and the limits must not count it.
        state.write(move |c| Ok(diesel::delete(sms_codes::table.find(&id)).execute(c)?)).await?;
        return Err(e);
    }
    Ok(CodeSent {
        mobile_masked: mobile.masked(),
        resend_after_seconds: u32::try_from(RESEND_SECONDS).unwrap_or(60),
        expires_in_seconds: u32::try_from(CODE_MINUTES * 60).unwrap_or(300),
    })
}

fn history(
    c: &mut DbConn,
    mobile: &str,
    purpose: CodePurpose,
    ip: &str,
    now: DateTime<Utc>,
) -> QueryResult<CodeHistory> {
    let day = naive(now - Duration::hours(24));
    let sent: Vec<(String, NaiveDateTime)> = sms_codes::table
        .filter(sms_codes::mobile.eq(mobile))
        .filter(sms_codes::created_at.gt(day))
        .order(sms_codes::created_at.asc())
        .select((sms_codes::purpose, sms_codes::created_at))
        .load(c)?;
    let hour = naive(now - Duration::hours(1));
    let from_ip: Vec<NaiveDateTime> = sms_codes::table
        .filter(sms_codes::ip.eq(ip))
        .filter(sms_codes::created_at.gt(hour))
        .order(sms_codes::created_at.asc())
        .select(sms_codes::created_at)
        .load(c)?;
    Ok(CodeHistory {
        last_same: sent.iter().filter(|(p, _)| p == purpose.as_str()).map(|(_, at)| utc(*at)).next_back(),
        mobile_day: sent.into_iter().map(|(_, at)| utc(at)).collect(),
        ip_hour: from_ip.into_iter().map(utc).collect(),
    })
}

fn too_soon(secs: u64) -> AppError {
    let mut e =
        AppError::new(ErrorCode::TooManyAttempts, format!("wait {secs} seconds before asking for another code"));
    e.retry_after = Some(secs);
    e
}

/// The keyed hash of a code: a leaked table does not give the codes away.
fn code_hash(state: &AppState, id: &str, code: &str) -> String {
    hex::encode(code_mac(state.config.jwt_secret.expose(), id, code).finalize().into_bytes())
}

fn code_mac(key: &str, id: &str, code: &str) -> Hmac<Sha256> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    m.update(b"sms-code\0");
    m.update(id.as_bytes());
    m.update(b"\0");
    m.update(code.as_bytes());
    m
}

/// Redeems a code for the mobile and purpose: the try is counted first
/// (so parallel tries all count), then judged. Committed whatever the
/// verdict, so wrong tries stay counted.
pub async fn redeem(
    state: &AppState,
    mobile: &Mobile,
    purpose: CodePurpose,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let m = mobile.as_str().to_owned();
    let typed = code.to_owned();
    let key = state.config.jwt_secret.clone();
    let check = move |id: &str, stored: &str| {
        hex::decode(stored).is_ok_and(|stored| code_mac(key.expose(), id, &typed).verify_slice(&stored).is_ok())
    };
    let verdict = state
        .write(move |c| {
            let newest: Option<String> = sms_codes::table
                .filter(sms_codes::mobile.eq(&m))
                .filter(sms_codes::purpose.eq(purpose.as_str()))
                .order((sms_codes::created_at.desc(), sms_codes::id.desc()))
                .select(sms_codes::id)
                .first(c)
                .optional()?;
            let Some(id) = newest else { return Ok(CodeVerdict::Expired) };
            let counted = diesel::update(sms_codes::table.find(&id).filter(sms_codes::used_at.is_null()))
                .set(sms_codes::tries.eq(sms_codes::tries + 1))
                .execute(c)?;
            if counted == 0 {
                return Ok(CodeVerdict::Expired);
            }
            let (hash, tries, expires_at): (String, i32, NaiveDateTime) = sms_codes::table
                .find(&id)
                .select((sms_codes::code_hash, sms_codes::tries, sms_codes::expires_at))
                .first(c)?;
            let verdict = code_verdict(utc(expires_at), tries - 1, check(&id, &hash), now);
            if verdict == CodeVerdict::Accepted {
                diesel::update(sms_codes::table.find(&id)).set(sms_codes::used_at.eq(naive(now))).execute(c)?;
            }
            Ok(verdict)
        })
        .await?;
    match verdict {
        CodeVerdict::Accepted => Ok(()),
        CodeVerdict::Wrong { tries_left } => {
            Err(code_error(FieldCode::Incorrect, format!("the code is wrong; {tries_left} tries left")))
        }
        CodeVerdict::Spent => {
            Err(code_error(FieldCode::Expired, "too many wrong tries at this code; ask for a new one".into()))
        }
        CodeVerdict::Expired => {
            Err(code_error(FieldCode::Expired, "no valid code for this number; ask for a new one".into()))
        }
    }
}

fn code_error(field: FieldCode, message: String) -> AppError {
    let mut e = AppError::new(ErrorCode::ValidationFailed, message);
    e.fields.insert("code".into(), field);
    e
}
