//! Sending text messages. [`Outbox`] (the default) writes each message to
//! the log and to `sms_outbox`, where the demo and the tests read codes;
//! [`HttpSender`] posts it to a provider configured by environment.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use malanhua_shared::Mobile;
use malanhua_shared::api::verification::{CodePurpose, OutboxMessage};
use serde_json::json;

use crate::accounts::rules::CODE_MINUTES;
use crate::config::HttpSms;
use crate::core::db::schema::sms_outbox;
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// What a message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmsKind {
    /// A one-time code.
    Code {
        /// Six digits.
        code: String,
        /// What it is for.
        purpose: CodePurpose,
    },
    /// A staff role is waiting for the owner of the mobile.
    Invitation {
        /// The role and its scope, in Chinese (`青岛市 的培训机构工作人员`).
        role: String,
        /// Where to set the password.
        link: String,
    },
}

/// One message to one mobile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsMessage {
    /// Recipient.
    pub mobile: Mobile,
    /// Content.
    pub kind: SmsKind,
}

impl SmsMessage {
    /// The text as the person reads it.
    pub fn text(&self) -> String {
        match &self.kind {
            SmsKind::Code { code, purpose } => format!(
                "【马兰花】验证码 {code}，{CODE_MINUTES} 分钟内有效，用于{}。请勿告诉他人；如非本人操作请忽略。",
                purpose.label_zh()
            ),
            SmsKind::Invitation { role, link } => {
                format!("【马兰花】您被邀请担任{role}。请在 7 天内打开 {link} ，用本手机号获取验证码并设置密码后启用。")
            }
        }
    }
}

/// A boxed future, so senders can live behind `dyn`.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), AppError>> + Send + 'a>>;

/// Sends text messages.
pub trait SmsSender: Send + Sync + std::fmt::Debug {
    /// Sends one message; an error means it was not accepted.
    fn send<'a>(&'a self, state: &'a AppState, msg: &'a SmsMessage) -> Sending<'a>;

    /// Whether sent messages can be read back from `sms_outbox` (the
    /// development sender only).
    fn keeps_outbox(&self) -> bool {
        false
    }
}

/// The development sender: the log and the `sms_outbox` table.
#[derive(Debug, Default)]
pub struct Outbox;

impl SmsSender for Outbox {
    fn send<'a>(&'a self, state: &'a AppState, msg: &'a SmsMessage) -> Sending<'a> {
        Box::pin(async move {
            let text = msg.text();
            tracing::info!(mobile = %msg.mobile.masked(), text = %text, "SMS (development outbox)");
            let (mobile, now) = (msg.mobile.as_str().to_owned(), state.now());
            state.write(move |c| insert_outbox(c, &mobile, &text, now)).await
        })
    }

    fn keeps_outbox(&self) -> bool {
        true
    }
}

fn insert_outbox(c: &mut DbConn, mobile: &str, body: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::insert_into(sms_outbox::table)
        .values((
            sms_outbox::id.eq(new_id()),
            sms_outbox::mobile.eq(mobile),
            sms_outbox::body.eq(body),
            sms_outbox::created_at.eq(naive(now)),
        ))
        .execute(c)?;
    Ok(())
}

/// Messages in the outbox for one mobile, newest first: (sent at, text).
pub fn outbox_of(c: &mut DbConn, mobile: &str, limit: i64) -> QueryResult<Vec<(chrono::NaiveDateTime, String)>> {
    sms_outbox::table
        .filter(sms_outbox::mobile.eq(mobile))
        .order((sms_outbox::created_at.desc(), sms_outbox::id.desc()))
        .limit(limit)
        .select((sms_outbox::created_at, sms_outbox::body))
        .load(c)
}

/// The latest messages to a mobile in the development outbox. Only a
/// server on loopback that keeps the outbox shows it (elsewhere: 404).
pub async fn read_outbox(state: &AppState, mobile: &str) -> Result<Vec<OutboxMessage>, AppError> {
    if !state.sms.keeps_outbox() || !state.config.addr.ip().is_loopback() {
        return Err(AppError::not_found("route"));
    }
    let mobile =
        Mobile::parse(mobile).map_err(|e| AppError::field("mobile", malanhua_shared::api::mobile_field_code(e)))?;
    state
        .db(move |c| {
            Ok(outbox_of(c, mobile.as_str(), 10)?
                .into_iter()
                .map(|(at, text)| OutboxMessage { sent_at: crate::core::utc(at), text })
                .collect())
        })
        .await
}

/// A provider reached over HTTP(S): a JSON POST with the template id and
/// its parameters, authorised by a bearer key.
#[derive(Debug)]
pub struct HttpSender {
    config: HttpSms,
    client: reqwest::Client,
}

impl HttpSender {
    /// A sender for the configured provider.
    pub fn new(config: HttpSms) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
        Ok(Self { config, client })
    }

    /// The JSON body for one message.
    pub fn body(&self, msg: &SmsMessage) -> serde_json::Value {
        let (template, params) = match &msg.kind {
            SmsKind::Code { code, purpose } => (
                &self.config.template_code,
                json!({ "code": code, "minutes": CODE_MINUTES.to_string(), "purpose": purpose.label_zh() }),
            ),
            SmsKind::Invitation { role, link } => (&self.config.template_invite, json!({ "role": role, "link": link })),
        };
        json!({ "mobile": msg.mobile.as_str(), "template_id": template, "params": params, "text": msg.text() })
    }
}

impl SmsSender for HttpSender {
    fn send<'a>(&'a self, _state: &'a AppState, msg: &'a SmsMessage) -> Sending<'a> {
        Box::pin(async move {
            let sent = self.client.post(&self.config.url).bearer_auth(self.config.key.expose()).json(&self.body(msg));
            let unavailable = |why: String| {
                tracing::warn!(mobile = %msg.mobile.masked(), %why, "SMS provider refused");
                AppError::unavailable("the text message could not be sent; try again shortly", 30)
            };
            let resp = sent.send().await.map_err(|e| unavailable(e.to_string()))?;
            if resp.status().is_success() { Ok(()) } else { Err(unavailable(format!("status {}", resp.status()))) }
        })
    }
}
