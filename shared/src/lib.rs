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

/// An enum with stable snake_case storage and wire names, `ALL`, `as_str`
/// and `from_name`.
macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
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
    };
}

pub mod api;
pub mod course;
pub mod error;
pub mod ids;
pub mod licence;
pub mod mobile;
pub mod money;
pub mod password;
pub mod region;
pub mod resident_id;
pub mod role;

pub use error::{ErrorBody, ErrorCode, FieldCode, FieldErrors};
pub use ids::{InstitutionId, UserId};
pub use mobile::Mobile;
pub use money::Fen;
pub use password::Password;
pub use region::RegionCode;
pub use resident_id::{Gender, ResidentId};
pub use role::Role;
