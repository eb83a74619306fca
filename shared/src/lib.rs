//! The wire contract of Malanhua: types the API and the SPA both compile,
//! typed ids, the error vocabulary and the parse-don't-validate newtypes
//! whose rules must agree in the browser and on the server.

pub mod api;
pub mod error;
pub mod ids;
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
