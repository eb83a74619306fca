//! Rules of mentors' service fees: the fee of a service by its length band,
//! the transport allowance of an offline one, the yearly cap, and every
//! reason a service cannot be claimed. Pure.

use malanhua_shared::Fen;
use malanhua_shared::api::studios::{FeeBand, FeeLineKind, FeePolicy};
use malanhua_shared::api::subsidies::IneligibleReason;

/// The fee of the longest band the service reaches, if it reaches one.
pub fn band_fee(bands: &[FeeBand], minutes: u32) -> Option<Fen> {
    bands.iter().filter(|b| b.min_minutes <= minutes).max_by_key(|b| b.min_minutes).map(|b| b.fee_fen)
}

/// A recorded service as the fee rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceFacts {
    /// The mentor is active in the library today.
    pub mentor_active: bool,
    /// A group session.
    pub group: bool,
    /// Its length.
    pub minutes: u32,
    /// Held in person.
    pub offline: bool,
    /// Confirmed: by the person served (one-to-one) or by the bureau (group).
    pub confirmed: bool,
    /// Lines already claimed for it, by kind.
    pub claimed_fee: bool,
    /// A transport line exists.
    pub claimed_transport: bool,
}

/// What a service would earn under `policy`: one line per kind, before the cap.
pub fn lines_due(policy: &FeePolicy, f: &ServiceFacts) -> Vec<(FeeLineKind, Fen)> {
    let bands = if f.group { &policy.group } else { &policy.one_to_one };
    let mut out = Vec::new();
    if let Some(fee) = band_fee(bands, f.minutes).filter(|_| !f.claimed_fee) {
        out.push((FeeLineKind::Fee, fee));
    }
    if f.offline && policy.transport_fen.get() > 0 && !f.claimed_transport && band_fee(bands, f.minutes).is_some() {
        out.push((FeeLineKind::Transport, policy.transport_fen));
    }
    out
}

/// Every reason the service cannot be claimed now, given what the mentor
/// has claimed this year; empty when a line may be written.
pub fn claim_reasons(policy: Option<&FeePolicy>, f: &ServiceFacts, claimed_this_year: Fen) -> Vec<IneligibleReason> {
    let mut r = Vec::new();
    if !f.mentor_active {
        r.push(IneligibleReason::MentorNotActive);
    }
    if !f.confirmed {
        r.push(IneligibleReason::ServiceNotConfirmed);
    }
    match policy {
        None => r.push(IneligibleReason::NoFeePolicy),
        Some(p) => {
            let bands = if f.group { &p.group } else { &p.one_to_one };
            if band_fee(bands, f.minutes).is_none() {
                r.push(IneligibleReason::ServiceTooShort);
            } else if lines_due(p, f).is_empty() {
                r.push(IneligibleReason::ServiceAlreadyClaimed);
            } else if claimed_this_year.get() >= p.yearly_cap_fen.get() {
                r.push(IneligibleReason::OverYearlyCap);
            }
        }
    }
    r.sort();
    r
}

/// Lines cut to the yearly cap in order: each pays what is left under the
/// cap, and the lines the cap leaves nothing for are dropped. Returns
/// (kind, due, paid).
pub fn capped(due: &[(FeeLineKind, Fen)], claimed_this_year: Fen, cap: Fen) -> Vec<(FeeLineKind, Fen, Fen)> {
    let mut left = (cap.get() - claimed_this_year.get()).max(0);
    let mut out = Vec::new();
    for (kind, fen) in due {
        let paid = fen.get().min(left);
        if paid == 0 {
            continue;
        }
        left -= paid;
        out.push((*kind, *fen, Fen::new(paid).unwrap_or(Fen::ZERO)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use malanhua_shared::ids::FeePolicyId;

    fn fen(n: i64) -> Fen {
        Fen::new(n).unwrap_or(Fen::ZERO)
    }

    fn policy() -> FeePolicy {
        FeePolicy {
            id: FeePolicyId::from_raw("f"),
            region_code: "150000".into(),
            effective_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            ends_on: None,
            one_to_one: vec![
                FeeBand { min_minutes: 30, fee_fen: fen(10_000) },
                FeeBand { min_minutes: 60, fee_fen: fen(20_000) },
            ],
            group: vec![FeeBand { min_minutes: 60, fee_fen: fen(50_000) }],
            transport_fen: fen(5_000),
            yearly_cap_fen: fen(1_000_000),
            notice_days: 5,
        }
    }

    fn service() -> ServiceFacts {
        ServiceFacts {
            mentor_active: true,
            group: false,
            minutes: 45,
            offline: true,
            confirmed: true,
            claimed_fee: false,
            claimed_transport: false,
        }
    }

    #[test]
    fn a_service_earns_its_band_and_transport_when_offline() {
        let p = policy();
        assert_eq!(
            lines_due(&p, &service()),
            vec![(FeeLineKind::Fee, fen(10_000)), (FeeLineKind::Transport, fen(5_000))]
        );
        let long = ServiceFacts { minutes: 90, offline: false, ..service() };
        assert_eq!(lines_due(&p, &long), vec![(FeeLineKind::Fee, fen(20_000))]);
        let group = ServiceFacts { group: true, minutes: 120, ..service() };
        assert_eq!(lines_due(&p, &group)[0], (FeeLineKind::Fee, fen(50_000)));
        assert_eq!(claim_reasons(Some(&p), &service(), Fen::ZERO), vec![]);
    }

    #[test]
    fn every_reason_a_service_cannot_be_claimed_is_named() {
        let p = policy();
        let short = ServiceFacts { minutes: 20, confirmed: false, mentor_active: false, ..service() };
        assert_eq!(
            claim_reasons(Some(&p), &short, Fen::ZERO),
            vec![
                IneligibleReason::ServiceNotConfirmed,
                IneligibleReason::ServiceTooShort,
                IneligibleReason::MentorNotActive
            ]
        );
        let done = ServiceFacts { claimed_fee: true, claimed_transport: true, ..service() };
        assert_eq!(claim_reasons(Some(&p), &done, Fen::ZERO), vec![IneligibleReason::ServiceAlreadyClaimed]);
        assert_eq!(claim_reasons(Some(&p), &service(), fen(1_000_000)), vec![IneligibleReason::OverYearlyCap]);
        assert_eq!(claim_reasons(None, &service(), Fen::ZERO), vec![IneligibleReason::NoFeePolicy]);
    }

    #[test]
    fn the_cap_cuts_the_last_line_and_drops_what_it_leaves_nothing_for() {
        let due = [(FeeLineKind::Fee, fen(10_000)), (FeeLineKind::Transport, fen(5_000))];
        assert_eq!(
            capped(&due, fen(992_000), fen(1_000_000)),
            vec![(FeeLineKind::Fee, fen(10_000), fen(8_000))],
            "8,000 fen left: the fee is cut, the transport dropped"
        );
        assert_eq!(capped(&due, Fen::ZERO, fen(1_000_000)).len(), 2);
        assert_eq!(capped(&due, fen(1_000_000), fen(1_000_000)), vec![]);
    }
}
