//! What the browser remembers between visits: the session token (with
//! when it was issued and when it ends) and the chosen language. Values are kept as plain text; a JSON-quoted value (as
//! `gloo::storage` would write it) is read as well.

use chrono::{DateTime, Utc};
use gloo::storage::{LocalStorage, Storage};

use crate::i18n::Lang;

/// Local storage key of the bearer token.
pub const TOKEN_KEY: &str = "malanhua.token";
/// Local storage key of the token's life: `issued expires`, RFC 3339.
pub const TOKEN_LIFE_KEY: &str = "malanhua.token_life";
/// Local storage key of the interface language.
pub const LANG_KEY: &str = "malanhua.lang";

fn read(key: &str) -> Option<String> {
    let raw = LocalStorage::raw().get_item(key).ok().flatten()?;
    let value = if raw.starts_with('"') { serde_json::from_str::<String>(&raw).unwrap_or(raw) } else { raw };
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

fn write(key: &str, value: &str) {
    // Storage can be full or disabled (private mode); the app still works
    // for this visit, so the failure is ignored.
    let _ = LocalStorage::raw().set_item(key, value);
}

/// The saved bearer token, if any.
pub fn token() -> Option<String> {
    read(TOKEN_KEY)
}

/// Remembers the bearer token.
pub fn save_token(token: &str) {
    write(TOKEN_KEY, token);
}

/// Forgets the bearer token.
pub fn clear_token() {
    LocalStorage::delete(TOKEN_KEY);
    LocalStorage::delete(TOKEN_LIFE_KEY);
}

/// Remembers when the token in use was issued (by the server's clock as
/// last seen) and when it ends.
pub fn save_token_life(issued: DateTime<Utc>, expires: DateTime<Utc>) {
    write(TOKEN_LIFE_KEY, &format!("{} {}", issued.to_rfc3339(), expires.to_rfc3339()));
}

/// When the token in use was issued and when it ends, if known.
pub fn token_life() -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let raw = read(TOKEN_LIFE_KEY)?;
    let (issued, expires) = raw.split_once(' ')?;
    let parse = |s: &str| DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc));
    Some((parse(issued)?, parse(expires)?))
}

/// The saved language, or the default.
pub fn lang() -> Lang {
    read(LANG_KEY).and_then(|code| Lang::from_code(&code)).unwrap_or_default()
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    write(LANG_KEY, lang.code());
}
