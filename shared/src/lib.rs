//! The wire contract of Malanhua: types the API and the SPA both compile,
//! typed ids, the error vocabulary and the parse-don't-validate newtypes
//! whose rules must agree in the browser and on the server.

/// Serialises a parsed newtype as its text and deserialises it through
/// `parse`, so an invalid value can never be deserialised.
macro_rules! serde_via_parse {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <String as serde::Deserialize>::deserialize(d)?;
                Self::parse(&raw).map_err(|e| serde::de::Error::custom(format!("invalid {}: {e:?}", stringify!($ty))))
            }
        }
    };
}

/// With the `diesel` feature: `ToSql` and `FromSql` for a type stored in one
/// column, for every diesel backend at once (SQLite, PostgreSQL, and the
/// `MultiBackend` that `#[derive(diesel::MultiConnection)]` generates), by
/// delegating to the raw Rust type. A stored value that does not decode is a
/// deserialisation error naming the type and the value, never a default.
/// Without the feature it expands to nothing.
///
/// The type also needs `#[cfg_attr(feature = "diesel", derive(AsExpression,
/// FromSqlRow), diesel(sql_type = ...))]` for use in rows and filters.
///
/// - `diesel_sql!(text Type, |raw: String| -> Result<Type, String>)`: written
///   through `as_str`, read back through the decoder.
/// - `diesel_sql!(private text Type, decoder)`: the same, but the error gives
///   only the length of a bad value (personal data stays out of logs).
/// - `diesel_sql!(Type as SqlType, write Raw: |v| &raw, read Raw: decoder, show
///   fn(&Raw) -> String)`: the general form.
macro_rules! diesel_sql {
    (text $ty:ident, $read:expr) => {
        diesel_sql!($ty as Text, write str: |v| v.as_str(), read String: $read, show |raw| format!("'{raw}'"));
    };
    (private text $ty:ident, $read:expr) => {
        diesel_sql!(
            $ty as Text,
            write str: |v| v.as_str(),
            read String: $read,
            show |raw| format!("{} characters, value withheld", raw.chars().count())
        );
    };
    ($ty:ident as $sql:ident, write $w:ty: |$this:ident| $write:expr, read $r:ty: $read:expr, show $show:expr) => {
        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::$sql, DB> for $ty
        where
            DB: diesel::backend::Backend,
            $w: diesel::serialize::ToSql<diesel::sql_types::$sql, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, DB>) -> diesel::serialize::Result {
                let $this = self;
                <$w as diesel::serialize::ToSql<diesel::sql_types::$sql, DB>>::to_sql($write, out)
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::$sql, DB> for $ty
        where
            DB: diesel::backend::Backend,
            $r: diesel::deserialize::FromSql<diesel::sql_types::$sql, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let read: fn($r) -> Result<$ty, $r> = $read;
                let show: fn(&$r) -> String = $show;
                let raw = <$r as diesel::deserialize::FromSql<diesel::sql_types::$sql, DB>>::from_sql(bytes)?;
                read(raw).map_err(|bad| format!("bad {} in storage: {}", stringify!($ty), show(&bad)).into())
            }
        }
    };
}

/// An enum with one stable name for storage and the wire (given per variant), `ALL`, `as_str`
/// and `from_name`; with the `diesel` feature, a `Text` column type.
macro_rules! named_enum {
    // `$text` is a `tt`, not a `literal`: a `literal` fragment reaches the
    // derives wrapped in an invisible group, and utoipa then ignores the
    // `serde(rename)`, documenting the variant names instead of the wire names.
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:tt),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(
            feature = "diesel",
            derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
            diesel(sql_type = diesel::sql_types::Text)
        )]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable storage and wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value with this storage name.
            pub fn from_name(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == name)
            }
        }

        diesel_sql!(text $name, |raw| $name::from_name(&raw).ok_or(raw));
    };
}

pub mod api;
pub mod audit;
pub mod calendar;
pub mod course;
pub mod error;
pub mod ids;
pub mod labels;
pub mod licence;
pub mod mobile;
pub mod money;
pub mod password;
pub mod region;
pub mod resident_id;
pub mod role;
pub mod routes;

#[cfg(all(test, feature = "diesel"))]
mod diesel_tests;

pub use error::{ErrorBody, ErrorCode, FieldCode, FieldErrors};
pub use ids::{
    CertificateId, CertificateNumber, ClaimId, ClassId, ClassSessionId, DeclarationId, EnrolmentId, InstitutionId,
    NotificationId, ObjectionId, PaymentId, SessionId, SubsidyPolicyId, TrainerId, UserId,
};
pub use mobile::Mobile;
pub use money::Fen;
pub use password::Password;
pub use region::RegionCode;
pub use resident_id::{Gender, ResidentId};
pub use role::Role;
