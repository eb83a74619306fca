//! The public directory: cards, the search and its pages, a mentor's page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Expertise, GroupSession, ServiceMode, Slot};
use crate::ids::MentorId;

/// A mentor as the public directory lists them (no contact details).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorCard {
    /// Id.
    pub id: MentorId,
    /// Name.
    pub real_name: String,
    /// Title.
    pub title: String,
    /// Employer.
    pub employer: String,
    /// Library region.
    pub region_code: String,
    /// Its name.
    pub region_name: String,
    /// Areas.
    pub expertise: Vec<Expertise>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Industries.
    pub industries: Vec<String>,
    /// Mode.
    pub service_mode: ServiceMode,
    /// Languages.
    pub languages: Vec<String>,
    /// Years of experience.
    pub years_experience: u32,
    /// Average rating, only from three ratings on.
    pub rating: Option<f64>,
    /// How many ratings.
    pub rating_count: u32,
    /// The soonest free slot within the horizon.
    pub next_free: Option<DateTime<Utc>>,
}

/// `GET /api/mentors`: every filter optional; `after` is the previous page's `next`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DirectoryQuery {
    /// A region; its sub-regions' mentors are included.
    pub region: Option<String>,
    /// An expertise area.
    pub expertise: Option<Expertise>,
    /// An industry (exact).
    pub industry: Option<String>,
    /// `online` / `offline` (a mentor serving both matches either).
    pub mode: Option<ServiceMode>,
    /// A language (exact).
    pub language: Option<String>,
    /// Words in name, title, employer, tags or biography.
    pub q: Option<String>,
    /// `soonest` (default) or `rating`.
    pub sort: Option<String>,
    /// Page size (1 to 50, default 20).
    pub limit: Option<u32>,
    /// The cursor from the previous page.
    pub after: Option<String>,
}

/// One page of the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorPage {
    /// The mentors.
    pub items: Vec<MentorCard>,
    /// The cursor of the next page, if any.
    pub next: Option<String>,
}

/// `GET /api/mentors/{id}`: the public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorPublic {
    /// What the directory shows.
    pub card: MentorCard,
    /// Biography.
    pub bio: String,
    /// Services given this year (recorded).
    pub services_this_year: u32,
    /// Appointment length (minutes).
    pub slot_minutes: u32,
    /// The next free slots (up to 12).
    pub next_slots: Vec<Slot>,
    /// Group sessions not yet started.
    pub group_sessions: Vec<GroupSession>,
    /// Latest comments that came with ratings (no names).
    pub comments: Vec<RatingComment>,
}

/// A comment that came with a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingComment {
    /// 1 to 5.
    pub rating: u8,
    /// The text.
    pub comment: String,
    /// When rated.
    pub at: DateTime<Utc>,
}
