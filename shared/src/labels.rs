//! What people read for the programme's coded values, in Chinese and in
//! English, as (Chinese, English). The web app shows these names, and the
//! server's exports use them, so a bureau reading a spreadsheet sees
//! `初审通过，待复审` where the API says `reviewed`.

use crate::api::subsidies::{ClaimKind, ClaimStatus, Payee};
use crate::course::CourseKind;

/// A name in Chinese and in English.
pub type Names = (&'static str, &'static str);

/// Where a claim stands.
pub fn claim_status(status: ClaimStatus) -> Names {
    match status {
        ClaimStatus::Draft => ("待提交", "Draft, not filed"),
        ClaimStatus::Submitted => ("已提交，待初审", "Filed, awaiting review"),
        ClaimStatus::Reviewed => ("初审通过，待复审", "Reviewed, awaiting approval"),
        ClaimStatus::Approved => ("复审通过，待公示", "Approved, awaiting notice"),
        ClaimStatus::Notice => ("公示中", "On public notice"),
        ClaimStatus::Held => ("异议处理中", "Objection under review"),
        ClaimStatus::Paid => ("已拨付", "Paid"),
        ClaimStatus::Returned => ("已退回补正", "Returned for correction"),
        ClaimStatus::Rejected => ("不予补贴", "Rejected"),
    }
}

/// Who receives the money.
pub fn payee(payee: Payee) -> Names {
    match payee {
        Payee::Institution => ("培训机构", "The training institution"),
        Payee::Trainee => ("学员本人", "The trainee"),
        Payee::Studio => ("工作室", "The studio"),
        Payee::Mentor => ("导师本人", "The mentor"),
    }
}

/// What a claim pays for.
pub fn claim_kind(kind: ClaimKind) -> Names {
    match kind {
        ClaimKind::Training => ("培训补贴", "Training subsidy"),
        ClaimKind::StudioGrant => ("工作室资助", "Studio grant"),
        ClaimKind::ServiceFee => ("导师服务补贴", "Mentor service fees"),
    }
}

/// A course kind, in full.
pub fn course_kind(kind: CourseKind) -> Names {
    match kind {
        CourseKind::Gyb => ("GYB 产生你的企业想法", "GYB Generate Your Business Idea"),
        CourseKind::Syb => ("SYB 创办你的企业", "SYB Start Your Business"),
        CourseKind::Iyb => ("IYB 改善你的企业", "IYB Improve Your Business"),
        CourseKind::Eyb => ("EYB 扩大你的企业", "EYB Expand Your Business"),
        CourseKind::OnlineVenture => ("网络创业培训", "Online business training"),
        CourseKind::Simulation => ("创业模拟实训", "Business simulation"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_name_in_both_languages() {
        for s in ClaimStatus::ALL {
            let (zh, en) = claim_status(*s);
            assert!(!zh.is_empty() && !en.is_empty() && zh != s.as_str(), "{s:?}");
        }
        for k in CourseKind::ALL {
            assert!(!course_kind(*k).0.is_ascii(), "{k:?}");
        }
        assert_eq!(payee(Payee::Institution).0, "培训机构");
        assert_eq!(claim_kind(ClaimKind::StudioGrant).0, "工作室资助");
    }
}
