//! Adding the aggregate rows up: each row counts once in the totals, once
//! in its region, once in its month and, where it names one, once in its
//! institution, so a district's numbers sum to its city's by construction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use malanhua_shared::api::statistics::{ClaimFigure, Figures, Granularity};
use malanhua_shared::api::subsidies::{ClaimKind, ClaimStatus};

use super::figures::Cell;
use super::rules;

/// An institution's counts, before its name is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstitutionTally {
    /// The region part it was counted in (its classes' region).
    pub region: String,
    /// Classes opened.
    pub classes_opened: u64,
    /// Seats taken.
    pub enrolled: u64,
    /// Certificates earned in its classes of the period.
    pub completed: u64,
    /// Certificates issued in the period.
    pub certificates: u64,
    /// Start-ups among those.
    pub start_ups: u64,
    /// Objections upheld.
    pub objections_upheld: u64,
    /// Claims returned.
    pub claims_returned: u64,
}

/// The figures so far.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Months or quarters.
    pub by: Option<Granularity>,
    /// The whole region.
    pub totals: Figures,
    /// By region part.
    pub regions: BTreeMap<String, Figures>,
    /// By period label.
    pub periods: BTreeMap<String, Figures>,
    /// By institution id.
    pub institutions: BTreeMap<String, InstitutionTally>,
}

fn n(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

impl Tally {
    /// An empty tally dividing by `by`.
    pub fn new(by: Granularity) -> Self {
        Tally { by: Some(by), ..Tally::default() }
    }

    fn add(&mut self, region: &str, month: &str, apply: impl Fn(&mut Figures)) {
        apply(&mut self.totals);
        apply(self.regions.entry(region.to_owned()).or_default());
        let label = rules::period_of(month, self.by.unwrap_or(Granularity::Month));
        apply(self.periods.entry(label).or_default());
    }

    fn institution(&mut self, cell: &Cell, apply: impl Fn(&mut InstitutionTally)) {
        if cell.tag.is_empty() {
            return;
        }
        let t = self.institutions.entry(cell.tag.clone()).or_default();
        if t.region.is_empty() {
            t.region = cell.region.clone();
        }
        apply(t);
    }

    /// Classes opened (`a`) and seats (`b`), by institution.
    pub fn classes(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| {
                f.classes_opened += n(r.a);
                f.enrolled += n(r.b);
            });
            self.institution(r, |t| {
                t.classes_opened += n(r.a);
                t.enrolled += n(r.b);
            });
        }
    }

    /// Certificates earned in the period's classes.
    pub fn completed(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| f.completed += n(r.a));
            self.institution(r, |t| t.completed += n(r.a));
        }
    }

    /// Certificates issued in the period.
    pub fn certificates(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| f.certificates += n(r.a));
            self.institution(r, |t| t.certificates += n(r.a));
        }
    }

    /// Started businesses that count (within the window of their certificate).
    pub fn start_ups(&mut self, rows: &[Cell]) {
        for r in rows {
            let (Ok(issued), Ok(started)) = (r.month.parse::<NaiveDate>(), r.day.parse::<NaiveDate>()) else {
                continue;
            };
            if !rules::counts_as_start_up(issued, started) {
                continue;
            }
            let month = r.month.get(..7).unwrap_or_default().to_owned();
            self.add(&r.region, &month, |f| {
                f.start_ups += 1;
                f.jobs_created += n(r.a);
            });
            self.institution(r, |t| t.start_ups += 1);
        }
    }

    /// Claims by kind and stage.
    pub fn claims(&mut self, rows: &[Cell]) {
        for r in rows {
            let Some((kind, status)) = r.tag.split_once(':') else { continue };
            let (Some(kind), Some(status)) = (ClaimKind::from_name(kind), ClaimStatus::from_name(status)) else {
                continue;
            };
            self.add(&r.region, &r.month, |f| add_claim(f, kind, status, n(r.a), r.b));
        }
    }

    /// Payments, and days from certificate to payment.
    pub fn payments(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| {
                f.payments += n(r.a);
                f.paid_fen += r.b;
                f.days_to_payment_total += n(r.c);
                f.days_to_payment_count += n(r.d);
            });
        }
    }

    /// Mentor services recorded.
    pub fn services(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| f.mentor_services += n(r.a));
        }
    }

    /// Ratings and their stars.
    pub fn ratings(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| {
                f.ratings += n(r.a);
                f.rating_stars += n(r.b);
            });
        }
    }

    /// Studios recognised.
    pub fn studios(&mut self, rows: &[Cell]) {
        for r in rows {
            self.add(&r.region, &r.month, |f| f.studios_recognised += n(r.a));
        }
    }

    /// Objections upheld (`a`) and claims returned (`b`), per institution only.
    pub fn findings(&mut self, rows: &[Cell]) {
        for r in rows {
            self.institution(r, |t| {
                t.objections_upheld += n(r.a);
                t.claims_returned += n(r.b);
            });
        }
    }
}

fn add_claim(f: &mut Figures, kind: ClaimKind, status: ClaimStatus, count: u64, fen: i64) {
    match f.claims.iter_mut().find(|c| c.kind == kind && c.status == status) {
        Some(c) => {
            c.count += count;
            c.amount_fen += fen;
        }
        None => {
            f.claims.push(ClaimFigure { kind, status, count, amount_fen: fen });
            f.claims.sort_by_key(|c| (c.kind, c.status));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(region: &str, month: &str, tag: &str, a: i64, b: i64) -> Cell {
        Cell { region: region.into(), month: month.into(), tag: tag.into(), a, b, ..Cell::default() }
    }

    #[test]
    fn every_row_counts_once_in_the_totals_its_region_its_period_and_its_institution() {
        let mut t = Tally::new(Granularity::Quarter);
        t.classes(&[
            cell("370202", "2026-01", "i1", 2, 40),
            cell("370212", "2026-02", "i2", 1, 25),
            cell("370212", "2026-04", "i2", 1, 5),
        ]);
        assert_eq!((t.totals.classes_opened, t.totals.enrolled), (4, 70));
        let district_sum: u64 = t.regions.values().map(|f| f.enrolled).sum();
        assert_eq!(district_sum, t.totals.enrolled);
        assert_eq!(t.periods.get("2026-Q1").map(|f| f.enrolled), Some(65));
        assert_eq!(t.periods.get("2026-Q2").map(|f| f.enrolled), Some(5));
        assert_eq!(t.institutions.get("i2").map(|i| (i.classes_opened, i.region.as_str())), Some((2, "370212")));
    }

    #[test]
    fn claims_add_up_by_kind_and_stage_and_odd_tags_are_skipped() {
        let mut t = Tally::new(Granularity::Month);
        t.claims(&[
            cell("3702", "2026-03", "training:paid", 2, 200_000),
            cell("3703", "2026-03", "training:paid", 1, 100_000),
            cell("3702", "2026-03", "studio_grant:submitted", 1, 10_000_000),
            cell("3702", "2026-03", "nonsense", 9, 9),
        ]);
        let paid = t.totals.claims.iter().find(|c| c.status == ClaimStatus::Paid).cloned();
        assert_eq!(paid.map(|c| (c.count, c.amount_fen)), Some((3, 300_000)));
        assert_eq!(t.totals.claims.len(), 2);
    }

    #[test]
    fn a_start_up_counts_only_within_its_certificates_window() {
        let mut t = Tally::new(Granularity::Month);
        let row = |day: &str, jobs| Cell { day: day.into(), ..cell("370212", "2026-03-01", "i1", jobs, 0) };
        t.start_ups(&[row("2026-06-01", 3), row("2027-03-02", 5), row("2025-01-01", 7)]);
        assert_eq!((t.totals.start_ups, t.totals.jobs_created), (1, 3));
        assert_eq!(t.periods.get("2026-03").map(|f| f.start_ups), Some(1));
        assert_eq!(t.institutions.get("i1").map(|i| i.start_ups), Some(1));
    }
}
