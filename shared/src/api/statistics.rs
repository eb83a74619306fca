//! The bureau's statistics (统计分析): one region and the regions under it
//! over a period, by month or quarter, with the figures the policy texts ask
//! for, the funnel from enrolment to payment and the institutions' results
//! (绩效评价). Counts are whole numbers and money is fen; rates are computed
//! from the counts by [`permille`], so a table, a chart and a download agree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::api::outcomes::Industry;
use crate::api::subsidies::{ClaimKind, ClaimStatus, PriorityGroup};
use crate::course::CourseKind;
use crate::ids::InstitutionId;

named_enum!(
    /// How the period is divided.
    Granularity {
        /// Calendar months.
        Month = "month",
        /// Calendar quarters.
        Quarter = "quarter",
    }
);

/// The longest period one request may cover, in days (three years).
pub const MAX_PERIOD_DAYS: i64 = 3 * 366;

/// `n / d` in thousandths, rounded half up; none when `d` is 0.
pub fn permille(n: u64, d: u64) -> Option<u32> {
    if d == 0 {
        return None;
    }
    let v = (u128::from(n) * 1000 * 2 + u128::from(d)) / (u128::from(d) * 2);
    u32::try_from(v).ok()
}

/// The query of `GET /api/bureau/statistics`, as the web app keeps it in
/// the address (text, so that a mistyped address still opens the page and
/// the server names the bad field).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsQuery {
    /// GB/T 2260 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `month` or `quarter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Course kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// `total / count` in tenths, rounded half up; none when `count` is 0.
pub fn tenths(total: u64, count: u64) -> Option<u64> {
    (count > 0).then(|| (total * 20 + count) / (count * 2))
}

/// Claims of one kind in one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimFigure {
    /// What the claim pays for.
    pub kind: ClaimKind,
    /// Where the claims stand now.
    pub status: ClaimStatus,
    /// How many.
    pub count: u64,
    /// Their amounts, in fen.
    pub amount_fen: i64,
}

/// The figures of one region (or all of them) over one period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    /// Approved classes whose first day falls in the period.
    pub classes_opened: u64,
    /// Seats taken in those classes.
    pub enrolled: u64,
    /// Certificates earned in those classes (the completion rate is this over `enrolled`).
    pub completed: u64,
    /// Certificates issued in the period.
    pub certificates: u64,
    /// Of those, the holders who recorded a business started within 12 months (创业成功率 over `certificates`).
    pub start_ups: u64,
    /// Jobs those businesses created (带动就业).
    pub jobs_created: u64,
    /// Claims filed or drafted in the period, by kind and present stage.
    pub claims: Vec<ClaimFigure>,
    /// Payments made in the period, in fen.
    pub paid_fen: i64,
    /// How many payments.
    pub payments: u64,
    /// Days from certificate to payment, summed over the training subsidies paid in the period.
    pub days_to_payment_total: u64,
    /// How many training subsidies that sum covers.
    pub days_to_payment_count: u64,
    /// Mentor services recorded in the period.
    pub mentor_services: u64,
    /// Ratings given to appointments held in the period.
    pub ratings: u64,
    /// Their stars added up (the average is this over `ratings`).
    pub rating_stars: u64,
    /// Studios recognised in the period.
    pub studios_recognised: u64,
}

/// One region under the one asked, with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionFigures {
    /// GB/T 2260 code.
    pub region: String,
    /// Its name.
    pub name: String,
    /// Its figures.
    pub figures: Figures,
}

/// One month or quarter of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodFigures {
    /// `2026-03` or `2026-Q1`.
    pub label: String,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Its figures.
    pub figures: Figures,
}

/// An institution's results over the period (绩效评价).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionFigures {
    /// The institution.
    pub institution_id: InstitutionId,
    /// Its name.
    pub name: String,
    /// Its region.
    pub region: String,
    /// Classes whose first day falls in the period.
    pub classes_opened: u64,
    /// Seats taken in them.
    pub enrolled: u64,
    /// Certificates earned in them.
    pub completed: u64,
    /// Of its certificates issued in the period, businesses started within 12 months.
    pub start_ups: u64,
    /// Its certificates issued in the period.
    pub certificates: u64,
    /// Objections to its claims found right (upheld) in the period.
    pub objections_upheld: u64,
    /// Its claims returned for correction in the period.
    pub claims_returned: u64,
}

/// From enrolment to payment, for the classes whose first day falls in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Funnel {
    /// Seats taken.
    pub enrolled: u64,
    /// Certificates earned.
    pub certified: u64,
    /// Of those, with a training claim filed (past draft).
    pub claimed: u64,
    /// Of those, paid.
    pub paid: u64,
}

/// `GET /api/bureau/statistics`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// The region (empty: the whole country, for administrators).
    pub region: String,
    /// Its name.
    pub region_name: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// How the period is divided.
    pub by: Granularity,
    /// The course kind counted, if one.
    pub kind: Option<CourseKind>,
    /// The priority group counted, if one (people with it verified).
    pub group: Option<PriorityGroup>,
    /// The industry of the start-ups counted, if one.
    pub industry: Option<Industry>,
    /// The institution counted, if one.
    pub institution: Option<InstitutionId>,
    /// The whole region.
    pub totals: Figures,
    /// Each region one level down (a province's cities, a city's districts), those with figures.
    pub regions: Vec<RegionFigures>,
    /// Each month or quarter.
    pub periods: Vec<PeriodFigures>,
    /// From enrolment to payment.
    pub funnel: Funnel,
    /// Each institution with classes or certificates in the period.
    pub institutions: Vec<InstitutionFigures>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permille_rounds_half_up_and_has_none_over_nothing() {
        assert_eq!(permille(1, 3), Some(333));
        assert_eq!(permille(2, 3), Some(667));
        assert_eq!(permille(1, 2000), Some(1));
        assert_eq!(permille(5, 5), Some(1000));
        assert_eq!(permille(0, 0), None);
        assert_eq!((tenths(9, 2), tenths(1, 3), tenths(5, 0)), (Some(45), Some(3), None));
    }
}
