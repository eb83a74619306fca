//! Typed ids: a `UserId` can never be passed where an `InstitutionId` is meant.
//! Ids are UUID text on the wire and in both databases (a certificate's
//! printed number is text too). With the `diesel` feature each id is a `Text`
//! column type, so rows and filters are typed as well.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(
            feature = "diesel",
            derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
            diesel(sql_type = diesel::sql_types::Text)
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id read from storage or a path.
            pub fn from_raw(raw: impl Into<String>) -> Self {
                Self(raw.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id as owned text, for storage.
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        // An id reads as its text wherever text is asked for (a path, a
        // key, a comparison); it never turns into another kind of id.
        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Any stored text is an id: reading one never fails.
        diesel_sql!(text $name, |raw| Ok($name(raw)));
    };
}

typed_id!(
    /// A person's account.
    UserId
);
typed_id!(
    /// A designated training institution.
    InstitutionId
);
typed_id!(
    /// A trainer on an institution's list.
    TrainerId
);
typed_id!(
    /// A class (开班): one run of a course by an institution.
    ClassId
);
typed_id!(
    /// One session of a class (a teaching slot that attendance is taken for);
    /// not a login session.
    ClassSessionId
);
typed_id!(
    /// A trainee's enrolment in a class (a seat or a waitlist place).
    EnrolmentId
);
typed_id!(
    /// A certificate's row id; the id people see is its [`CertificateNumber`].
    CertificateId
);
typed_id!(
    /// The printed certificate number, `370200-2026-SYB-00001`: issuing
    /// region, year, course kind and serial.
    CertificateNumber
);
typed_id!(
    /// A version of a region's subsidy policy for a course kind (not a course
    /// policy).
    SubsidyPolicyId
);
typed_id!(
    /// A trainee's priority-group declaration (重点群体申报).
    DeclarationId
);
typed_id!(
    /// A subsidy claim.
    ClaimId
);
typed_id!(
    /// An objection filed against a claim on public notice.
    ObjectionId
);
typed_id!(
    /// A recorded subsidy payment (its row, not the bank's payment reference).
    PaymentId
);
typed_id!(
    /// An in-app notification.
    NotificationId
);
typed_id!(
    /// A sign-in session (a token's `sid`), which signing out revokes; not a
    /// class session.
    SessionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_strings_on_the_wire() {
        let id = UserId::from_raw("0193-abc");
        assert_eq!(serde_json::to_string(&id).unwrap_or_default(), "\"0193-abc\"");
        assert_eq!(id.to_string(), "0193-abc");
    }

    /// Each id wraps and gives back its text, and reads back from JSON as
    /// the same id.
    macro_rules! round_trips {
        ($($id:ident),+) => {$(
            let id = $id::from_raw("0193-abc");
            assert_eq!(id.as_str(), "0193-abc", "{}", stringify!($id));
            assert_eq!(id.to_string(), "0193-abc", "{}", stringify!($id));
            let json = serde_json::to_string(&id).unwrap_or_default();
            assert_eq!(json, "\"0193-abc\"", "{}", stringify!($id));
            assert_eq!(serde_json::from_str::<$id>(&json).ok(), Some(id.clone()), "{}", stringify!($id));
            assert_eq!(id.into_inner(), "0193-abc", "{}", stringify!($id));
        )+};
    }

    #[test]
    fn every_entity_id_is_its_text_on_the_wire_and_back() {
        round_trips!(
            UserId,
            InstitutionId,
            TrainerId,
            ClassId,
            ClassSessionId,
            EnrolmentId,
            CertificateId,
            CertificateNumber,
            SubsidyPolicyId,
            DeclarationId,
            ClaimId,
            ObjectionId,
            PaymentId,
            NotificationId
        );
    }

    #[test]
    fn a_certificate_number_keeps_its_printed_form() {
        let number = CertificateNumber::from_raw("370200-2026-SYB-00001");
        assert_eq!(number.as_str(), "370200-2026-SYB-00001");
        assert_eq!(format!("No. {number}"), "No. 370200-2026-SYB-00001");
    }
}
typed_id!(
    /// A mentor in a region's library (创业导师), from application on.
    MentorId
);
typed_id!(
    /// A one-to-one appointment (预约服务), kept through reschedules.
    AppointmentId
);
typed_id!(
    /// A group session (集中服务).
    GroupSessionId
);
typed_id!(
    /// A seat or waitlist place in a group session.
    GroupSeatId
);
typed_id!(
    /// A service record (服务记录).
    ServiceRecordId
);
typed_id!(
    /// A mentor studio (创业指导师工作室), from its application on.
    StudioId
);
typed_id!(
    /// A version of a region's studio policy.
    StudioPolicyId
);
typed_id!(
    /// A studio's periodic report.
    StudioReportId
);
typed_id!(
    /// A version of a region's mentor service-fee policy.
    FeePolicyId
);
typed_id!(
    /// One line of a mentor's service-fee claim.
    FeeLineId
);
