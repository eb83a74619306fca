//! Mentor studios (创业指导师工作室): the region's policy, the application
//! with members and cited service records, recognition through the one claim
//! pipeline (the grant is a claim of kind `studio_grant`), periodic reports,
//! the yearly evaluation, rectification and revocation with a clawback.

pub mod apply;
pub mod decode;
pub mod demo;
pub mod grant;
pub mod life;
pub mod policies;
pub mod reading;
pub mod routes;
pub mod rules;
pub mod store;

pub use apply::apply;
pub use life::{evaluate, report, revoke};
pub use policies::{policies, set_policy};
pub use reading::{detail, directory, my_studio, worklist};
