//! What people read for the programme's coded values, in Chinese and in
//! English, as (Chinese, English). The web app shows these names, and the
//! server's exports use them, so a bureau reading a spreadsheet sees
//! `初审通过，待复审` where the API says `reviewed`.

use crate::api::outcomes::Industry;
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

/// A GB/T 4754-2017 section.
pub fn industry(section: Industry) -> Names {
    match section {
        Industry::A => ("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
        Industry::B => ("采矿业", "Mining"),
        Industry::C => ("制造业", "Manufacturing"),
        Industry::D => ("电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply"),
        Industry::E => ("建筑业", "Construction"),
        Industry::F => ("批发和零售业", "Wholesale and retail trade"),
        Industry::G => ("交通运输、仓储和邮政业", "Transport, storage and post"),
        Industry::H => ("住宿和餐饮业", "Accommodation and catering"),
        Industry::I => ("信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
        Industry::J => ("金融业", "Finance"),
        Industry::K => ("房地产业", "Real estate"),
        Industry::L => ("租赁和商务服务业", "Leasing and business services"),
        Industry::M => ("科学研究和技术服务业", "Scientific research and technical services"),
        Industry::N => ("水利、环境和公共设施管理业", "Water conservancy, environment and public facilities"),
        Industry::O => ("居民服务、修理和其他服务业", "Resident, repair and other services"),
        Industry::P => ("教育", "Education"),
        Industry::Q => ("卫生和社会工作", "Health and social work"),
        Industry::R => ("文化、体育和娱乐业", "Culture, sports and entertainment"),
        Industry::S => {
            ("公共管理、社会保障和社会组织", "Public administration, social security and social organisations")
        }
        Industry::T => ("国际组织", "International organisations"),
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
        assert_eq!(Industry::ALL.len(), 20);
        for i in Industry::ALL {
            assert!(!industry(*i).0.is_ascii() && industry(*i).1.is_ascii(), "{i:?}");
        }
    }
}
