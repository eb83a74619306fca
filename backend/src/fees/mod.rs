//! Mentors' service subsidies (导师服务补贴): a region's fee policy by date
//! (length bands, transport for offline services, a yearly cap), one line
//! per confirmed service and kind on the month's claim (kind `service_fee`),
//! drafted by the monthly batch or claimed by the mentor, then the same
//! stages, notice and payment as every claim.

pub mod confirm;
pub mod lines;
pub mod policies;
pub mod routes;
pub mod rules;
pub mod store;

pub use confirm::{confirm_group, group_services};
pub use lines::{claim, draft_last_month, overview};
pub use policies::{policies, set_policy};
