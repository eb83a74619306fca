//! Administrative divisions.

use malanhua_shared::api::Region;

use super::{ApiError, Auth, get};

/// `GET /api/regions`: every known division, public.
pub async fn regions() -> Result<Vec<Region>, ApiError> {
    get("/api/regions", Auth::Anonymous).await
}
