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
