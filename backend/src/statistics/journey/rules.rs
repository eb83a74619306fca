//! The next step on each line of the founder's page, as pure functions of
//! what the person's classes, claims, eligibility and appointments say.

use chrono::{DateTime, NaiveDate, Utc};
use malanhua_shared::api::journey::{JourneyLine, NextStep};
use malanhua_shared::api::mentors::AppointmentStatus;
use malanhua_shared::api::subsidies::{ClaimStatus, Eligibility, IneligibleReason};
use malanhua_shared::course::{ClassStatus, EnrolmentStatus};

/// A class line's step: attending until the class ends, then waiting for
/// the certificate; none once it is issued (its subsidy line follows) or
/// when the place was given up.
pub fn class_step(
    enrolment: EnrolmentStatus,
    class: ClassStatus,
    ends_on: NaiveDate,
    today: NaiveDate,
    certified: bool,
) -> Option<NextStep> {
    if certified || class == ClassStatus::Cancelled {
        return None;
    }
    match enrolment {
        EnrolmentStatus::Waitlisted => Some(NextStep::AwaitSeat),
        EnrolmentStatus::Enrolled if today <= ends_on => Some(NextStep::AttendClass),
        EnrolmentStatus::Enrolled => Some(NextStep::AwaitCertificate),
        EnrolmentStatus::Withdrawn | EnrolmentStatus::Cancelled => None,
    }
}

/// A claim's step.
pub fn claim_step(status: ClaimStatus) -> NextStep {
    match status {
        ClaimStatus::Draft => NextStep::FileClaim,
        ClaimStatus::Returned => NextStep::CorrectClaim,
        ClaimStatus::Submitted
        | ClaimStatus::Reviewed
        | ClaimStatus::Approved
        | ClaimStatus::Notice
        | ClaimStatus::Held => NextStep::AwaitDecision,
        ClaimStatus::Paid => NextStep::Paid,
        ClaimStatus::Rejected => NextStep::Refused,
    }
}

/// The step of a certificate with no claim: claim it, declare the one
/// thing missing (a priority group), or nothing to claim.
pub fn unclaimed_step(e: &Eligibility) -> NextStep {
    if e.eligible {
        NextStep::FileClaim
    } else if e.reasons == [IneligibleReason::NoEligibleGroup] {
        NextStep::DeclareGroup
    } else {
        NextStep::NothingToClaim
    }
}

/// An appointment's step: waiting for the mentor's answer (or record),
/// meeting, or rating the recorded service; none once rated, or when it
/// did not take place.
pub fn appointment_step(
    status: AppointmentStatus,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    recorded: bool,
    confirmed_by_person: bool,
) -> Option<NextStep> {
    match status {
        AppointmentStatus::Pending => Some(NextStep::AwaitMentor),
        AppointmentStatus::Confirmed if ends_at > now => Some(NextStep::MeetMentor),
        AppointmentStatus::Confirmed if recorded && !confirmed_by_person => Some(NextStep::RateService),
        AppointmentStatus::Confirmed if !recorded => Some(NextStep::AwaitMentor),
        _ => None,
    }
}

/// The lines in the order the page shows them: what to do, then what
/// waits, then what is done; the order within each kept.
pub fn order(lines: &mut [JourneyLine]) {
    let rank = |l: &JourneyLine| match l.next {
        s if s.is_todo() => 0,
        NextStep::Paid | NextStep::Refused | NextStep::NothingToClaim => 2,
        _ => 1,
    };
    lines.sort_by_key(rank);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use malanhua_shared::api::journey::JourneyArea;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_class_is_attended_then_awaits_its_certificate() {
        let (ends, before, after) = (day("2026-05-10"), day("2026-05-10"), day("2026-05-11"));
        let step = |e, c, today, cert| class_step(e, c, ends, today, cert);
        assert_eq!(step(EnrolmentStatus::Enrolled, ClassStatus::Approved, before, false), Some(NextStep::AttendClass));
        assert_eq!(
            step(EnrolmentStatus::Enrolled, ClassStatus::Approved, after, false),
            Some(NextStep::AwaitCertificate)
        );
        assert_eq!(step(EnrolmentStatus::Waitlisted, ClassStatus::Approved, before, false), Some(NextStep::AwaitSeat));
        assert_eq!(step(EnrolmentStatus::Enrolled, ClassStatus::Approved, after, true), None, "certified");
        assert_eq!(step(EnrolmentStatus::Enrolled, ClassStatus::Cancelled, before, false), None);
        assert_eq!(step(EnrolmentStatus::Withdrawn, ClassStatus::Approved, before, false), None);
    }

    #[test]
    fn a_claim_and_an_unclaimed_certificate_have_their_steps() {
        assert_eq!(claim_step(ClaimStatus::Draft), NextStep::FileClaim);
        assert_eq!(claim_step(ClaimStatus::Returned), NextStep::CorrectClaim);
        assert_eq!(claim_step(ClaimStatus::Notice), NextStep::AwaitDecision);
        assert_eq!(claim_step(ClaimStatus::Paid), NextStep::Paid);
        let e = |eligible, reasons: Vec<IneligibleReason>| Eligibility {
            eligible,
            reasons,
            amount_fen: None,
            payee: None,
            policy_id: None,
        };
        assert_eq!(unclaimed_step(&e(true, vec![])), NextStep::FileClaim);
        assert_eq!(unclaimed_step(&e(false, vec![IneligibleReason::NoEligibleGroup])), NextStep::DeclareGroup);
        let two = vec![IneligibleReason::NoEligibleGroup, IneligibleReason::WindowExpired];
        assert_eq!(unclaimed_step(&e(false, two)), NextStep::NothingToClaim, "a group would not be enough");
    }

    #[test]
    fn an_appointment_is_awaited_met_then_rated() {
        let now = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        let (later, earlier) = (now + Duration::hours(1), now - Duration::hours(1));
        let step = |s, end, rec, conf| appointment_step(s, end, now, rec, conf);
        assert_eq!(step(AppointmentStatus::Pending, later, false, false), Some(NextStep::AwaitMentor));
        assert_eq!(step(AppointmentStatus::Confirmed, later, false, false), Some(NextStep::MeetMentor));
        assert_eq!(step(AppointmentStatus::Confirmed, earlier, false, false), Some(NextStep::AwaitMentor));
        assert_eq!(step(AppointmentStatus::Confirmed, earlier, true, false), Some(NextStep::RateService));
        assert_eq!(step(AppointmentStatus::Confirmed, earlier, true, true), None, "rated");
        assert_eq!(step(AppointmentStatus::Declined, later, false, false), None);
    }

    #[test]
    fn steps_to_take_come_first_and_done_ones_last() {
        let line = |next| JourneyLine::new(JourneyArea::Subsidy, next, String::new());
        let mut lines = vec![line(NextStep::Paid), line(NextStep::AwaitDecision), line(NextStep::FileClaim)];
        order(&mut lines);
        let steps: Vec<NextStep> = lines.iter().map(|l| l.next).collect();
        assert_eq!(steps, [NextStep::FileClaim, NextStep::AwaitDecision, NextStep::Paid]);
    }
}
