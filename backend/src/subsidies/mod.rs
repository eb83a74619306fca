//! Certificate-gated training subsidies: policies, priority-group
//! declarations, claims drafted when certificates are issued, filing (trainee or
//! institution batch), the officers' stages with eligibility re-run at each,
//! public notice with objections, payment, the worklist and its exports.

pub mod batch;
pub mod claims;
pub mod cursor;
pub mod decode;
pub mod eligibility;
pub mod export;
pub mod groups;
pub mod kinds;
pub mod notice;
pub mod notice_page;
pub mod policies;
pub mod proposal_routes;
pub mod proposals;
pub mod reading;
pub mod recovery;
pub mod routes;
pub mod rules;
pub mod stages;
pub mod store;

pub use batch::{batch, file_batch};
pub use claims::{close_drafts, draft_claims, file, submit};
pub use decode::{MAX_BULK, MAX_EXPORT};
pub use eligibility::certificate_eligibility;
pub use export::{Export, claims_csv, claims_xlsx, export_cells, export_header, export_rows};
pub use groups::{decide_declaration, declare, my_declarations, region_declarations};
pub use notice::{notices, object, resolve};
pub use policies::{policies, set_policy};
pub use reading::{detail, my_claims, worklist};
pub use recovery::{open_recoveries, record_recovery};
pub use stages::{act, bulk};
