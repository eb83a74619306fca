//! Every visible string of the app, in Chinese (the default) and English,
//! one file per feature.
//!
//! Plain text goes through [`t`] with a feature's key ([`CommonKey`],
//! [`AccountsKey`], [`ClassesKey`], [`CertificatesKey`], [`SubsidiesKey`],
//! [`StudiosKey`], [`FeesKey`], [`CalendarKey`] ...);
//! a text with arguments is a typed function of its feature
//! ([`welcome`]...). Both come from [`messages!`], which takes each text in
//! both languages. Error and field codes from the API go through
//! [`error_message`] and [`field_message`], and the names of shared enums
//! through functions that match exhaustively, so a new code or variant in
//! `shared` breaks the build until it is translated here.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};

use crate::time::in_shanghai;

/// Declares the texts of one feature: an enum of keys (each with its doc
/// and its Chinese and English text, looked up by [`t`]), then one typed
/// function per text with arguments, named `{arg}` in both texts:
///
/// ```text
/// messages! {
///     /// The texts of a feature.
///     pub enum FeatureKey {
///         /// Navigation: home.
///         NavHome => "首页", "Home";
///     }
///     /// Greeting with the name.
///     fn welcome(name: &str) => "您好，{name}。", "Welcome, {name}.";
/// }
/// ```
macro_rules! messages {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$key_meta:meta])* $key:ident => $zh:literal, $en:literal; )*
        }
        $( $(#[$fn_meta:meta])* fn $fn_name:ident($($arg:ident: $ty:ty),* $(,)?) => $fzh:literal, $fen:literal; )*
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$key_meta])* $key, )*
        }

        impl $crate::i18n::Message for $name {
            fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $( Self::$key => ($zh, $en), )*
                }
            }
        }

        impl From<$name> for $crate::i18n::Text {
            fn from(key: $name) -> Self {
                Self::of(key)
            }
        }

        $(
            $(#[$fn_meta])*
            pub fn $fn_name(lang: $crate::i18n::Lang, $($arg: $ty),*) -> String {
                match lang {
                    $crate::i18n::Lang::Zh => format!($fzh),
                    $crate::i18n::Lang::En => format!($fen),
                }
            }
        )*
    };
}

mod accounts;
mod audit;
mod calendar;
mod certificates;
mod classes;
mod common;
mod errors;
mod fees;
mod journey;
mod lifecycle;
mod mentor_desk;
mod mentors;
mod outcomes;
mod outreach;
mod privacy;
mod proposals;
mod reasons;
mod statistics;
mod studios;
mod subsidies;
mod verify;
mod worklist;

pub use accounts::*;
pub use audit::*;
pub use calendar::*;
pub use certificates::*;
pub use classes::*;
pub use common::*;
pub use errors::*;
pub use fees::*;
pub use journey::*;
pub use lifecycle::*;
pub use mentor_desk::*;
pub use mentors::*;
pub use outcomes::*;
pub use outreach::*;
pub use privacy::*;
pub use proposals::*;
pub use reasons::*;
pub use statistics::*;
pub use studios::*;
pub use subsidies::*;
pub use verify::*;
pub use worklist::*;

/// The language the interface is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code kept in local storage.
    pub fn code(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
        }
    }

    /// The language with this storage code, if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().trim_matches('"') {
            "zh" | "zh-CN" => Some(Self::Zh),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }
}

/// A key of one of the feature tables: its Chinese and English text.
pub trait Message: Copy {
    /// The text in Chinese and in English.
    fn pair(self) -> (&'static str, &'static str);
}

/// The text of a key of any feature, for what takes keys of several
/// tables (a page title, a label passed to a helper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    zh: &'static str,
    en: &'static str,
}

impl Text {
    /// The texts of `key`.
    pub fn of(key: impl Message) -> Self {
        let (zh, en) = key.pair();
        Self { zh, en }
    }
}

impl Message for Text {
    fn pair(self) -> (&'static str, &'static str) {
        (self.zh, self.en)
    }
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: impl Message) -> &'static str {
    let (zh, en) = key.pair();
    pick(lang, zh, en)
}

/// A date as people write it in `lang`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A time, in Asia/Shanghai, as people write it in `lang`.
pub fn datetime(lang: Lang, at: DateTime<Utc>) -> String {
    let local = in_shanghai(at);
    format!("{} {}", date(lang, local.date_naive()), local.format("%H:%M"))
}

/// The day of the week, short.
pub fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    let (zh, en) = match d.weekday() {
        Weekday::Mon => ("周一", "Mon"),
        Weekday::Tue => ("周二", "Tue"),
        Weekday::Wed => ("周三", "Wed"),
        Weekday::Thu => ("周四", "Thu"),
        Weekday::Fri => ("周五", "Fri"),
        Weekday::Sat => ("周六", "Sat"),
        Weekday::Sun => ("周日", "Sun"),
    };
    pick(lang, zh, en)
}

/// `zh` or `en`, as `lang` says.
pub(crate) fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_with_arguments_puts_each_where_its_language_wants_it() {
        assert_eq!(seats_taken(Lang::Zh, "3", "20"), "已报名 3 / 20 人");
        assert_eq!(seats_taken(Lang::En, "3", "20"), "3 of 20 seats taken");
        assert_eq!(welcome(Lang::En, "Li Lei"), "Welcome, Li Lei.");
        assert_eq!(claim_of(Lang::Zh, "李*", "SYB"), "李* · SYB培训补贴");
    }

    #[test]
    fn a_key_reads_the_same_through_any_table() {
        assert_eq!(t(Lang::Zh, CommonKey::NavHome), "首页");
        assert_eq!(t(Lang::En, Text::of(CommonKey::NavHome)), t(Lang::En, CommonKey::NavHome));
        assert_eq!(t(Lang::En, SubsidiesKey::Eligible), Text::from(SubsidiesKey::Eligible).pair().1);
    }
}
