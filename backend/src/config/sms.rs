//! The SMS provider's settings: all four `MALANHUA_SMS_*` variables or
//! none, and none only on a loopback listener.

use std::net::SocketAddr;

use super::{ConfigError, Secret};

/// An SMS provider reached over HTTP(S).
#[derive(Debug, Clone)]
pub struct HttpSms {
    /// Where messages are posted.
    pub url: String,
    /// Bearer key.
    pub key: Secret,
    /// Template of a one-time code (parameters `code`, `minutes`, `purpose`).
    pub template_code: String,
    /// Template of a staff invitation (parameters `role`, `link`).
    pub template_invite: String,
}

/// The SMS provider from the environment: all four variables or none; none
/// is allowed only on a loopback listener (the outbox is for development).
pub fn sms_config(
    var: impl Fn(&'static str) -> Option<String>,
    addr: SocketAddr,
) -> Result<Option<HttpSms>, ConfigError> {
    let names = ["MALANHUA_SMS_URL", "MALANHUA_SMS_KEY", "MALANHUA_SMS_TEMPLATE_CODE", "MALANHUA_SMS_TEMPLATE_INVITE"];
    let [url, key, template_code, template_invite] = names.map(|n| var(n).filter(|v| !v.trim().is_empty()));
    if [&url, &key, &template_code, &template_invite].iter().all(|v| v.is_none()) {
        if addr.ip().is_loopback() {
            return Ok(None);
        }
        return Err(ConfigError::Invalid {
            name: "MALANHUA_SMS_URL",
            reason: format!("must be set when listening on {addr}: without a provider nobody receives their codes"),
        });
    }
    let need = |v: Option<String>, name: &'static str| {
        v.ok_or(ConfigError::Invalid { name, reason: "the four MALANHUA_SMS_* variables go together".into() })
    };
    let url = need(url, names[0])?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ConfigError::Invalid { name: names[0], reason: "expected an http:// or https:// URL".into() });
    }
    Ok(Some(HttpSms {
        url,
        key: Secret::new(need(key, names[1])?),
        template_code: need(template_code, names[2])?,
        template_invite: need(template_invite, names[3])?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sms_provider_is_all_four_variables_or_none_and_required_off_loopback() {
        let local = SocketAddr::from(([127, 0, 0, 1], 8080));
        let open = SocketAddr::from(([0, 0, 0, 0], 8080));
        let none = |_: &'static str| None;
        assert!(matches!(sms_config(none, local), Ok(None)), "the development outbox");
        assert!(matches!(sms_config(none, open), Err(ConfigError::Invalid { name: "MALANHUA_SMS_URL", .. })));
        let all =
            |n: &'static str| Some(if n == "MALANHUA_SMS_URL" { "https://sms.example.cn/send" } else { "x" }.into());
        let got = sms_config(all, open).ok().flatten();
        assert_eq!(got.map(|h| h.url), Some("https://sms.example.cn/send".to_owned()));
        let no_key = |n: &'static str| (n != "MALANHUA_SMS_KEY").then(|| "https://sms.example.cn".to_owned());
        assert!(matches!(sms_config(no_key, open), Err(ConfigError::Invalid { name: "MALANHUA_SMS_KEY", .. })));
        let bad_url = |_: &'static str| Some("ftp://x".to_owned());
        assert!(matches!(sms_config(bad_url, local), Err(ConfigError::Invalid { name: "MALANHUA_SMS_URL", .. })));
    }
}
